import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeGates } from "./gates.js";
import { cleanupProject } from "./project.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const REGISTRY = `version: 1
detect:
  sdks: []
  jsx:
    - component: FeatureToggle
      prop: featureFlag
flags:
  sales_channels:
    type: release
    owner: "@core"
    created: 2026-11-01
    ticket: CORE-1
`;

const PAGE = `import { FeatureToggle } from "./feature-toggle";

export const Page = () => (
  <FeatureToggle featureFlag="sales_channels">
    <span>Sales channels</span>
  </FeatureToggle>
);
`;

describe("cleanup of a component gate", () => {
  function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-gates-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries({ "feature-flags.yaml": REGISTRY, ...files })) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("rewrites a file whose checks of the flag are all gates, and archives the flag", () => {
    const dir = project({ "page.tsx": PAGE });
    const result = cleanupProject({ cwd: dir, now: "2026-11-26", paths: [], flag: "sales_channels", value: true, dryRun: false });

    expect(result.manual).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "page.tsx"), "utf8")).toBe(`export const Page = () => (\n  <span>Sales channels</span>\n);\n`);
    expect(result.registry[0]!.status).toBe("archived");
  });

  it("leaves the gates of a file with other checks of the flag to a person", () => {
    const other = `${PAGE}export const price = () => (featureFlagRouter.isFeatureEnabled("sales_channels") ? 1 : 2);\n`;
    const dir = project({ "page.tsx": other, "feature-flags.yaml": REGISTRY.replace("  jsx:", "  calls:\n    - object: featureFlagRouter\n      method: isFeatureEnabled\n  jsx:") });
    const result = cleanupProject({ cwd: dir, now: "2026-11-26", paths: [], flag: "sales_channels", value: false, dryRun: true });

    expect(result.manual).toEqual([
      {
        file: path.join(dir, "page.tsx"),
        line: 4,
        column: 30,
        reason: 'a component gate (`"sales_channels"`) in a file with other checks of the flag: remove the element with its children by hand',
      },
    ]);
    expect(result.registry[0]!.status).toBe("retired");
  });
});

describe("removeGates", () => {
  const sitesOf = (text: string) =>
    [...text.matchAll(/featureFlag=(?:"[^"]*"|\{[^}]*\})/g)].map((found) => ({ siteStart: found.index, siteEnd: found.index + found[0].length }));
  const run = (text: string, value: boolean) => removeGates(text, "/repo/page.tsx", sitesOf(text), value);

  it("keeps the children for on and drops the element for off, inside JSX", () => {
    const text = [
      `import { FeatureToggle } from "./feature-toggle";`,
      ``,
      `export const Page = () => (`,
      `  <div>`,
      `    <FeatureToggle featureFlag="sales_channels">`,
      `      <span>Sales channels</span>`,
      `      <b>new</b>`,
      `    </FeatureToggle>`,
      `    <p>rest</p>`,
      `  </div>`,
      `);`,
      ``,
    ].join("\n");
    expect(run(text, true)).toMatchObject({
      changed: true,
      manual: [],
      text: [`export const Page = () => (`, `  <div>`, `    <span>Sales channels</span>`, `    <b>new</b>`, `    <p>rest</p>`, `  </div>`, `);`, ``].join("\n"),
    });
    expect(run(text, false).text).toBe([`export const Page = () => (`, `  <div>`, `    <p>rest</p>`, `  </div>`, `);`, ``].join("\n"));
  });

  it("gives null for off and the children (in a fragment when several) for on, where an expression is needed", () => {
    const one = `export const A = () => <FeatureToggle featureFlag="x"><span>a</span></FeatureToggle>;\n`;
    expect(run(one, true).text).toBe(`export const A = () => <span>a</span>;\n`);
    expect(run(one, false).text).toBe(`export const A = () => null;\n`);
    const two = `export const B = () => <FeatureToggle featureFlag="x"><i>a</i><b>b</b></FeatureToggle>;\n`;
    expect(run(two, true).text).toBe(`export const B = () => <><i>a</i><b>b</b></>;\n`);
  });

  it("leaves a gate with other props, or of several flags, for a person", () => {
    const text = [
      `export const A = () => <FeatureToggle featureFlag="x" fallback={<Old />}><New /></FeatureToggle>;`,
      `export const B = () => <FeatureToggle featureFlag={["x", "y"]}><New /></FeatureToggle>;`,
      ``,
    ].join("\n");
    const result = run(text, true);
    expect(result.changed).toBe(false);
    expect(result.manual.map(({ line, reason }) => [line, reason])).toEqual([
      [1, "the component gate has other props (`fallback={<Old />}`): remove it by hand"],
      [2, "a component gate of several flags: remove this one by hand"],
    ]);
  });
});
