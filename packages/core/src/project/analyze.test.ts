import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProject, analyzeProjectAsync } from "./analyze.js";
import { scanFlagChecks } from "./scan.js";
import { ACME_REGISTRY } from "./__fixtures__/acme-registry.js";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const NOW = "2026-11-26";

const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-project-"));
  projects.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}


/** The flag each reference resolved to, `null` for a dynamic one, in file order. */
function flagsOf(root: string): Array<string | null> {
  return analyzeProject({ cwd: root, paths: [], now: NOW }).references.map((reference) => reference.flag);
}

function checking(imports: string, key: string): string {
  return `import { flags } from "@acme/flags";\n${imports}\nexport const on = () => flags.isOn(${key});\n`;
}

describe("keys named by another file's exports", () => {
  it("resolve through an aliased import by the exported name", () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/keys.ts": `export const Flags = { NEW_NAV: "new_nav" } as const;\n`,
      "src/nav.ts": checking(`import { Flags as F } from "./keys";`, "F.NEW_NAV"),
    });
    expect(flagsOf(root)).toEqual(["new_nav"]);
  });

  it("resolve through a namespace import by the member's name", () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/keys.ts": `export const PRICING = "pricing";\n`,
      "src/page.ts": checking(`import * as keys from "./keys";`, "keys.PRICING"),
    });
    expect(flagsOf(root)).toEqual(["pricing"]);
  });

  it("find a constant that is not the first of its declaration, or is exported by a list", () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/keys.ts": `export const OTHER = "x", PRICING = "pricing";\nconst nav = "new_nav";\nexport { nav as NAV };\n`,
      "src/a.ts": checking(`import { PRICING } from "./keys";`, "PRICING"),
      "src/b.ts": checking(`import { NAV } from "./keys";`, "NAV"),
    });
    expect(flagsOf(root)).toEqual(["pricing", "new_nav"]);
  });

  it("resolve a template of two constants from two files, one round each", () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/region.ts": `export const REGION = "eu";\n`,
      "src/area.ts": `export enum Area { Checkout = "checkout" }\n`,
      "src/page.ts": checking(`import { REGION } from "./region";\nimport { Area } from "./area";`, "`${REGION}_${Area.Checkout}`"),
    });
    expect(flagsOf(root)).toEqual(["eu_checkout"]);
  });

  it("are found in files no registry governs", () => {
    const root = project({
      "packages/web/feature-flags.yaml": ACME_REGISTRY,
      "packages/shared/src/index.ts": `export const PRICING = "pricing";\n`,
      "packages/web/src/page.ts": checking(`import { PRICING } from "@acme/shared";`, "PRICING"),
    });
    expect(flagsOf(root)).toEqual(["pricing"]);
  });

  it("do not reach a parameter that shadows the exported name", () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/keys.ts": `export const PRICING = "pricing";\n`,
      "src/page.ts": `import { flags } from "@acme/flags";\nexport const on = (PRICING: string) => flags.isOn(PRICING);\n`,
    });
    expect(flagsOf(root)).toEqual([null]);
  });

  it("are found by flaglint init's scan too", () => {
    const root = project({
      "src/keys.ts": `export const PRICING = "pricing";\n`,
      "src/page.ts": checking(`import { PRICING } from "./keys";`, "PRICING"),
    });
    const detect = { sdks: [], calls: [{ module: "@acme/flags", import: "flags", method: "isOn", keyArg: 0 }], objects: [], constants: [], properties: [] };
    const scan = scanFlagChecks({ cwd: root, paths: [], detect, dir: root });
    expect(scan.references.map((reference) => reference.flag)).toEqual(["pricing"]);
  });
});

describe("analyzeProjectAsync", () => {
  // Worker threads run the built core (npx tsc -b first), this thread the sources.
  it.each(["shapes-cross-package", "shapes-definition-objects", "demo", "monorepo", "sdk-launchdarkly"])(
    "gives %s the same result on worker threads, in this thread and synchronously",
    async (fixture) => {
      const options = { cwd: REPO_ROOT, paths: [`fixtures/${fixture}`], now: NOW };
      const expected = analyzeProject(options);
      expect(await analyzeProjectAsync({ ...options, workers: 2 })).toStrictEqual(expected);
      expect(await analyzeProjectAsync({ ...options, workers: 0 })).toStrictEqual(expected);
      expect(await analyzeProjectAsync(options)).toStrictEqual(expected);
    },
  );

  it("reports a file that does not parse from a worker thread as in this thread", async () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/broken.ts": `import { flags } from "@acme/flags";\nflags.isOn("pricing"\n`,
      "src/fine.ts": checking("", `"pricing"`),
    });
    const options = { cwd: root, paths: [], now: NOW };
    const threaded = await analyzeProjectAsync({ ...options, workers: 1 });
    expect(threaded).toStrictEqual(analyzeProject(options));
    expect(threaded.findings.map(({ rule }) => rule)).toContain("parse-error");
  });

  it("counts progress up to every governed file", async () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/plain.ts": `export const add = (a: number, b: number) => a + b;\n`,
      "src/page.ts": checking("", `"pricing"`),
      "src/nav.ts": checking("", `"new_nav"`),
    });
    const calls: Array<[number, number]> = [];
    await analyzeProjectAsync({ cwd: root, paths: [], now: NOW, workers: 2, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([3, 3]);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
  });
});

describe("hostile files", () => {
  const deep = (depth: number) => `import { flags } from "@acme/flags";\nexport const on = ${"(".repeat(depth)}flags.isOn("pricing")${")".repeat(depth)};\n`;

  it("leaves a file over maxFileBytes unread, lists it as skipped, and checks the rest", async () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/bundle.js": `${checking("", `"pricing"`)}// ${"x".repeat(2_000)}\n`,
      "src/page.ts": checking("", `"new_nav"`),
    });
    const options = { cwd: root, paths: [], now: NOW, maxFileBytes: 1_000 };
    const result = analyzeProject(options);
    expect(result.skipped).toEqual([{ file: path.join(root, "src/bundle.js"), bytes: fs.statSync(path.join(root, "src/bundle.js")).size }]);
    expect(result.references.map(({ flag, file }) => [flag, path.basename(file)])).toEqual([["new_nav", "page.ts"]]);
    expect(result.summary).toMatchObject({ files: 2, parsed: 1 });
    expect(await analyzeProjectAsync({ ...options, workers: 2 })).toStrictEqual(result);
    // The default limit is 5 MB: the same file is read without the option.
    expect(analyzeProject({ cwd: root, paths: [], now: NOW }).skipped).toBeUndefined();
  });

  it("turns a 10,000-deep nested expression holding a flag check into a parse-error on worker threads, as in this thread, and goes on", async () => {
    const root = project({
      "feature-flags.yaml": ACME_REGISTRY,
      "src/deep.ts": deep(10_000),
      "src/fine.ts": checking("", `"pricing"`),
    });
    const options = { cwd: root, paths: [], now: NOW };
    const threaded = await analyzeProjectAsync({ ...options, workers: 2 });
    expect(threaded).toStrictEqual(analyzeProject(options));
    expect(threaded.findings.map(({ rule, file, line, column }) => [rule, path.basename(file), line, column])).toEqual([
      ["no-unused-flag", "feature-flags.yaml", 10, 3],
      ["no-unused-flag", "feature-flags.yaml", 12, 3],
      ["parse-error", "deep.ts", 1, 1],
    ]);
    expect(threaded.findings[2]!.message).toMatch(/^Parsing error: File is nested too deeply to analyse/);
    expect(threaded.references.map(({ flag, file }) => [flag, path.basename(file)])).toEqual([["pricing", "fine.ts"]]);
  });
});
