import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
  it.each([
    [true, "keep its children and remove the element by hand"],
    [false, "remove the element with its children by hand"],
  ])("with value %s, leaves the file alone and says what to do by hand", (value, what) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-gates-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, "feature-flags.yaml"), REGISTRY);
    fs.writeFileSync(path.join(dir, "page.tsx"), PAGE);
    const result = cleanupProject({ cwd: dir, paths: [], flag: "sales_channels", value, dryRun: false });

    expect(result.manual).toEqual([
      { file: path.join(dir, "page.tsx"), line: 4, column: 30, reason: `a component gate (\`"sales_channels"\`): ${what}` },
    ]);
    expect(result.files).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "page.tsx"), "utf8")).toBe(PAGE);
    expect(result.registry[0]!.status).toBe("retired");
  });
});
