import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../clock.js";
import { cleanupProject, nodeFileSystem, type CleanupFileSystem } from "./project.js";

const NOW = "2026-11-26";

const REGISTRY = `# Flags of the shop.
version: 1
detect:
  calls:
    - module: ./src/flags
      import: client
      method: isEnabled
    - function: useFlag
  constants:
    - name: Flags
flags:
  new_flow:
    type: release
    owner: "@payments"   # the team that removes it
    created: 2026-03-01
    ticket: PAY-1
  other_flag:
    type: ops
`;

const PAY = `import { client as ff } from "./flags";

export function pay(amount: number): string {
  if (ff.isEnabled("new_flow")) {
    return "v2:" + amount;
  }
  return "v1:" + amount;
}
`;

const LABEL = `import { useFlag } from "./hooks";

export function label(): string {
  const on = useFlag("new_flow");
  return on ? "New" : "Old";
}
`;

const DYNAMIC = `import { client as ff } from "./flags";

export function isOn(name: string): boolean {
  return ff.isEnabled(name);
}
`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-cleanup-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries({ "feature-flags.yaml": REGISTRY, "src/flags.ts": "export const client = { isEnabled: (key: string) => key.length > 0 };\n", ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), "utf8");
}

describe("cleanupProject", () => {
  it("rewrites every file that checks the flag and archives the registry entry", () => {
    const dir = project({ "src/pay.ts": PAY, "src/label.ts": LABEL });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(result.written).toBe(true);
    expect(result.references).toBe(2);
    expect(result.files.map((change) => path.relative(dir, change.file)).sort()).toEqual(["src/label.ts", "src/pay.ts"]);
    expect(read(dir, "src/pay.ts")).toBe(`export function pay(amount: number): string {\n  return "v2:" + amount;\n}\n`);
    expect(read(dir, "src/label.ts")).toBe(`export function label(): string {\n  return "New";\n}\n`);
    expect(result.manual).toEqual([]);
    expect(result.registry).toHaveLength(1);
    expect(result.registry[0]!.status).toBe("archived");
    expect(read(dir, "feature-flags.yaml")).toBe(REGISTRY.replace("    ticket: PAY-1\n", "    ticket: PAY-1\n    status: archived\n"));
  });

  it("writes nothing on a dry run but says what it would change", () => {
    const dir = project({ "src/pay.ts": PAY });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: false, dryRun: true });

    expect(result.written).toBe(false);
    expect(result.files[0]!.after).toBe(`export function pay(amount: number): string {\n  return "v1:" + amount;\n}\n`);
    expect(result.registry[0]!.after).toContain("status: archived");
    expect(read(dir, "src/pay.ts")).toBe(PAY);
    expect(read(dir, "feature-flags.yaml")).toBe(REGISTRY);
  });

  it("reports a dynamic check as a place that might be the flag", () => {
    const dir = project({ "src/pay.ts": PAY, "src/dynamic.ts": DYNAMIC });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: true });

    expect(result.manual).toEqual([
      { file: path.join(dir, "src/dynamic.ts"), line: 4, column: 23, reason: expect.stringContaining("might be new_flow") },
    ]);
    expect(result.registry[0]!.status).toBe("archived");
  });

  it("rewrites the calls of a function that stands for the flag, and leaves its declaration and matcher to a person", () => {
    const registry = REGISTRY.replace("    - function: useFlag\n", "    - function: useFlag\n    - function: newFlow  # flag({ key }) of the Flags SDK\n      key: new_flow\n");
    const page = `import { newFlow } from "./flags-sdk";\n\nexport async function title(): Promise<string> {\n  if (await newFlow()) return "New";\n  return "Old";\n}\n`;
    const dir = project({ "feature-flags.yaml": registry, "src/page.ts": page });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(read(dir, "src/page.ts")).toBe(`export async function title(): Promise<string> {\n  return "New";\n}\n`);
    expect(result.manual).toEqual([{ file: path.join(dir, "feature-flags.yaml"), line: 9, column: 7, reason: expect.stringMatching(/^newFlow\(\) stands for new_flow .*remove its declaration/) }]);
    expect(result.registry[0]!.status).toBe("archived");
    expect(read(dir, "feature-flags.yaml")).toContain("    - function: newFlow  # flag({ key }) of the Flags SDK\n      key: new_flow\n");
  });

  it("marks the flag retired, not archived, while a check of it is left in code", () => {
    const kept = `import { client as ff } from "./flags";\n\nexport const ON = ff.isEnabled("new_flow");\n`;
    const dir = project({ "src/pay.ts": PAY, "src/kept.ts": kept });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(result.manual).toEqual([{ file: path.join(dir, "src/kept.ts"), line: 3, column: 19, reason: expect.stringContaining("exported") }]);
    expect(read(dir, "src/kept.ts")).toBe(kept);
    expect(result.registry[0]!.status).toBe("retired");
    expect(read(dir, "feature-flags.yaml")).toContain("    ticket: PAY-1\n    status: retired\n");
  });

  it("reports a flag key used as data, which has no value to fold", () => {
    const data = `export enum Flags {\n  NewFlow = "new_flow",\n}\nexport const gates = [Flags.NewFlow];\n`;
    const dir = project({ "src/data.ts": data });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: true });

    expect(result.manual.map((place) => place.reason)).toEqual([expect.stringContaining("key is used as data")]);
    expect(result.files).toEqual([]);
  });

  it("changes no file when one that mentions the flag does not parse", () => {
    const broken = `import { client as ff } from "./flags";\nexport function f( {\n  return ff.isEnabled("new_flow");\n}\n`;
    const dir = project({ "src/pay.ts": PAY, "src/broken.ts": broken });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(result.written).toBe(false);
    expect(result.blocked).toMatch(/src\/broken\.ts could not be rewritten/);
    expect(result.manual).toEqual([{ file: path.join(dir, "src/broken.ts"), line: 3, column: expect.any(Number), reason: expect.stringContaining("does not parse") }]);
    expect(read(dir, "src/pay.ts")).toBe(PAY);
    expect(read(dir, "feature-flags.yaml")).toBe(REGISTRY);
  });

  it("puts back the files already written when a later write fails", () => {
    const dir = project({ "src/a.ts": PAY, "src/b.ts": PAY.replace("pay(", "payB("), "src/c.ts": PAY.replace("pay(", "payC(") });
    let writes = 0;
    const failing: CleanupFileSystem = {
      ...nodeFileSystem,
      writeFile(file, content) {
        // The second write of the run fails, as a full disk would.
        if (++writes === 2) throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
        nodeFileSystem.writeFile(file, content);
      },
    };
    expect(() => cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false, fileSystem: failing })).toThrow(
      /cannot write src\/b\.ts: ENOSPC; the files already written were restored/,
    );
    expect(read(dir, "src/a.ts")).toBe(PAY);
    expect(read(dir, "src/b.ts")).toBe(PAY.replace("pay(", "payB("));
    expect(read(dir, "feature-flags.yaml")).toBe(REGISTRY);
  });

  it("writes nothing when a file cannot be written", () => {
    const dir = project({ "src/a.ts": PAY, "src/b.ts": PAY.replace("pay(", "payB(") });
    const readOnly: CleanupFileSystem = {
      ...nodeFileSystem,
      checkWritable(file) {
        if (file.endsWith("b.ts")) throw Object.assign(new Error("read-only"), { code: "EACCES" });
      },
    };
    expect(() => cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false, fileSystem: readOnly })).toThrow(
      /cannot write src\/b\.ts: EACCES; no file was changed/,
    );
    expect(read(dir, "src/a.ts")).toBe(PAY);
  });

  it("does not write through a symlink that leads out of the folders named", () => {
    const outside = project({ "src/pay.ts": PAY });
    const dir = project({});
    fs.symlinkSync(path.join(outside, "src/pay.ts"), path.join(dir, "src/pay.ts"));
    const result = cleanupProject({ cwd: dir, now: NOW, paths: ["src/pay.ts"], flag: "new_flow", value: true, dryRun: false });

    expect(result.written).toBe(false);
    expect(result.blocked).toMatch(/src\/pay\.ts is outside the folders being cleaned up/);
    expect(read(outside, "src/pay.ts")).toBe(PAY);
  });

  it("rewrites a file that a symlink inside the project points to once, and keeps the link a link", () => {
    const dir = project({ "src/pay.ts": PAY });
    fs.symlinkSync("pay.ts", path.join(dir, "src/pay-link.ts"));
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(result.references).toBe(1);
    expect(result.files.map((change) => path.relative(dir, change.file))).toEqual(["src/pay.ts"]);
    expect(fs.lstatSync(path.join(dir, "src/pay-link.ts")).isSymbolicLink()).toBe(true);
    expect(read(dir, "src/pay-link.ts")).toBe(`export function pay(amount: number): string {\n  return "v2:" + amount;\n}\n`);
  });

  it("writes through a symlink to the file it points to, never replacing the link", () => {
    const dir = project({ "src/pay.ts": PAY });
    fs.symlinkSync("pay.ts", path.join(dir, "src/link.ts"));
    nodeFileSystem.writeFile(path.join(dir, "src/link.ts"), "export {};\n");

    expect(fs.lstatSync(path.join(dir, "src/link.ts")).isSymbolicLink()).toBe(true);
    expect(read(dir, "src/pay.ts")).toBe("export {};\n");
    expect(fs.readdirSync(path.join(dir, "src")).sort()).toEqual(["flags.ts", "link.ts", "pay.ts"]);
  });

  it("cleans up a file over check's size limit too: a file left unread would leave a check behind", () => {
    const big = `${PAY}// ${"x".repeat(6 * 1024 * 1024)}\n`;
    const dir = project({ "src/pay.ts": big });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: true });

    expect(result.references).toBe(1);
    expect(result.registry[0]!.status).toBe("archived");
  });

  it("leaves files governed by a registry that does not list the flag", () => {
    const dir = project({ "src/pay.ts": PAY, "other/feature-flags.yaml": REGISTRY.replace("new_flow", "renamed_flow"), "other/src/flags.ts": "export const client = { isEnabled: (k: string) => !!k };\n", "other/src/pay.ts": PAY });
    const result = cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flow", value: true, dryRun: false });

    expect(result.files.map((change) => path.relative(dir, change.file))).toEqual(["src/pay.ts"]);
    expect(read(dir, "other/src/pay.ts")).toBe(PAY);
    expect(read(dir, "other/feature-flags.yaml")).not.toContain("archived");
  });

  it("refuses a flag the registry does not list, naming the nearest key", () => {
    const dir = project({ "src/pay.ts": PAY });
    const run = () => cleanupProject({ cwd: dir, now: NOW, paths: [], flag: "new_flwo", value: true, dryRun: true });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(/unknown flag "new_flwo".*did you mean "new_flow"\?/);
  });
});
