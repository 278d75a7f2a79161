// Partial runs as CI and pre-commit hooks make them (`flaglint check src/x.ts`), on real repositories:
// paths narrow what is reported, not what is known.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flaglint, registry, removeProjects } from "../helpers/cli.js";
import { gitProject } from "../helpers/git.js";
import { cli } from "./in-process.js";

afterEach(removeProjects);

const NOW = "2026-11-26";
const OPS = (keys: readonly string[]) => keys.map((key) => `  ${key}:\n    type: ops`).join("\n");
const IMPORT = 'import { client } from "@acme/flags";\n';

/** x.ts checks alpha, and beta through a key exported by keys.ts; y.ts and z.ts check gamma; delta is unused. */
function shop() {
  return gitProject({
    "feature-flags.yaml": registry(`${OPS(["alpha", "beta", "gamma", "delta"])}\n  no_ticket:\n    type: release\n    created: 2026-11-20`),
    "src/keys.ts": 'export const Keys = { beta: "beta" } as const;\n',
    "src/x.ts": `${IMPORT}import { Keys } from "./keys";\nexport const a = client.isEnabled("alpha");\nexport const b = client.isEnabled(Keys.beta);\n`,
    "src/y.ts": `${IMPORT}if (client.isEnabled("gamma")) {\n  console.log("y");\n}\n`,
    "src/z/z.ts": `${IMPORT}if (client.isEnabled("gamma")) {\n  console.log("on");\n}\n`,
    "docs/guide.md": "# Guide\n",
  });
}

async function json(root: string, args: readonly string[]) {
  const run = await cli(["check", "--now", NOW, "-f", "json", ...args], { cwd: root });
  return { ...run, output: run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe("flaglint check on part of a tree", () => {
  it("resolves a key imported from a file outside the paths, and runs no registry-level rule", async () => {
    const { status, output, stderr } = await json(shop().root, ["src/x.ts"]);
    expect(status).toBe(0);
    expect(output.findings).toEqual([]);
    expect(output.references.map((reference: { flag: string | null }) => reference.flag)).toEqual(["alpha", "beta"]);
    // Only the flags the scanned files check: "unused" would be a guess.
    expect(output.flags.map((flag: { key: string }) => flag.key)).toEqual(["alpha", "beta"]);
    expect(stderr).toBe(
      "flaglint: the paths cover part of what feature-flags.yaml governs: its registry-level rules (no-unused-flag, require-removal-ticket) were not run.\n",
    );
  });

  it("runs the registry-level rules when the paths cover the registry's whole tree", async () => {
    const { output } = await json(shop().root, ["src", "feature-flags.yaml"]);
    expect(output.findings.map((finding: { rule: string; flag: string }) => `${finding.rule} ${finding.flag}`)).toEqual([
      "no-unused-flag delta",
      "require-removal-ticket no_ticket",
      "no-unused-flag no_ticket",
    ]);
  });

  it("counts a run from a subfolder as partial when the registry governs more", async () => {
    const repo = shop();
    const { output, stderr } = await json(path.join(repo.root, "src/z"), []);
    expect(output.findings).toEqual([]);
    expect(stderr).toContain("part of what ../../feature-flags.yaml governs");
  });

  it("exits 0 with a note for a path with nothing to check", async () => {
    const run = flaglint(["check", "docs", "--now", NOW], { cwd: shop().root });
    expect(run).toEqual({ status: 0, stdout: "", stderr: "flaglint: nothing to check in docs: no source files there.\n" });
  });

  it("names a monorepo folder that no registry governs", async () => {
    const repo = gitProject({
      "packages/api/feature-flags.yaml": registry(OPS(["alpha"])),
      "packages/api/src/a.ts": `${IMPORT}export const a = client.isEnabled("alpha");\n`,
      "packages/docs-site/src/one.ts": "export const one = 1;\n",
      "packages/docs-site/src/two.ts": "export const two = 2;\n",
    });
    const run = await cli(["check", "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "flaglint: packages/docs-site: no feature-flags.yaml governs its 2 source files, so they were not checked (hint: flaglint init packages/docs-site).\n",
    );
  });
});

describe("flaglint cleanup on part of a tree", () => {
  it("leaves the registry entry while the flag is checked outside the paths, exits 1 and says where", async () => {
    const repo = shop();
    const run = await cli(["cleanup", "gamma", "--value", "on", "src/z", "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("cleaned src/z/z.ts");
    expect(run.stdout).toContain("src/y.ts:2: needs manual cleanup: still checks gamma outside the paths cleaned up");
    expect(fs.readFileSync(path.join(repo.root, "src/z/z.ts"), "utf8")).toBe(`console.log("on");\n`);
    expect(repo.git(["diff", "--name-only"]).trim().split("\n")).toEqual(["src/z/z.ts"]);
  });

  it("counts a run from a subfolder as a partial one", async () => {
    const repo = shop();
    const run = await cli(["cleanup", "gamma", "--value", "on", "--now", NOW], { cwd: path.join(repo.root, "src/z") });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("../y.ts:2: needs manual cleanup: still checks gamma outside the paths cleaned up");
    expect(repo.git(["diff", "--name-only"]).trim().split("\n")).toEqual(["src/z/z.ts"]);
  });

  it("archives the entry once the last checks are inside the paths", async () => {
    const repo = shop();
    const run = await cli(["cleanup", "gamma", "--value", "on", "src/z", "src/y.ts", "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("feature-flags.yaml: gamma marked archived");
  });
});

describe("--quiet and --max-warnings, as in ESLint", () => {
  /** One warning (a dynamic key), no error. */
  function warned() {
    return gitProject({
      "feature-flags.yaml": registry(OPS(["alpha"])),
      "src/a.ts": `${IMPORT}export const a = (key: string) => client.isEnabled(key) && client.isEnabled("alpha");\n`,
    });
  }

  it("--quiet neither shows nor counts warnings against --max-warnings", async () => {
    const root = warned().root;
    const loud = await cli(["check", "--now", NOW, "--max-warnings", "0"], { cwd: root });
    expect(loud.status).toBe(1);
    expect(loud.stdout).toContain("no-dynamic-flag-key");
    const quiet = await cli(["check", "--now", NOW, "--quiet", "--max-warnings", "0"], { cwd: root });
    expect(quiet).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("allows warnings up to --max-warnings", async () => {
    expect((await cli(["check", "--now", NOW, "--max-warnings", "1"], { cwd: warned().root })).status).toBe(0);
  });
});
