// `flaglint cleanup` never writes outside the folder it cleans, and never turns a symlink into a copy.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asFileOwner, flaglint, runFlaglint, project, removeProjects } from "../helpers/cli.js";

afterEach(removeProjects);

const REGISTRY = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
flags:
  old_flag:
    type: release
    owner: "@search"
    created: 2020-11-20
    ticket: SEARCH-1
`;

const CHECKS_OLD_FLAG = `import { client as ff } from "@acme/flags";\nexport const price = ff.isEnabled("old_flag") ? 1 : 2;\n`;
const CLEANED = "export const price = 1;\n";

describe("flaglint cleanup and symlinks", () => {
  it("does not write a symlinked file that points outside the root, nor any file outside it", async () => {
    const outside = project({ "shared/pricing.ts": CHECKS_OLD_FLAG, "shared/more/deep.ts": CHECKS_OLD_FLAG });
    const root = project({ "feature-flags.yaml": REGISTRY, "src/price.ts": CHECKS_OLD_FLAG });
    fs.symlinkSync(path.join(outside, "shared/pricing.ts"), path.join(root, "src/pricing.ts"));
    fs.symlinkSync(path.join(outside, "shared/more"), path.join(root, "src/more"), "dir");

    const run = await runFlaglint(["cleanup", "old_flag", "--value", "on"], { cwd: root });

    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe("cleaned src/price.ts");
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(root, "src/price.ts"), "utf8")).toBe(CLEANED);
    // Outside the root: untouched, and the links are still links.
    expect(fs.readFileSync(path.join(outside, "shared/pricing.ts"), "utf8")).toBe(CHECKS_OLD_FLAG);
    expect(fs.readFileSync(path.join(outside, "shared/more/deep.ts"), "utf8")).toBe(CHECKS_OLD_FLAG);
    expect(fs.lstatSync(path.join(root, "src/pricing.ts")).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(path.join(outside, "shared")).sort()).toEqual(["more", "pricing.ts"]);
  });

  it("refuses a symlink named explicitly that leads outside the root, and changes nothing", async () => {
    const outside = project({ "pricing.ts": CHECKS_OLD_FLAG });
    const root = project({ "feature-flags.yaml": REGISTRY });
    fs.mkdirSync(path.join(root, "src"));
    fs.symlinkSync(path.join(outside, "pricing.ts"), path.join(root, "src/pricing.ts"));

    const run = await runFlaglint(["cleanup", "old_flag", "--value", "on", "src/pricing.ts"], { cwd: root });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/src\/pricing\.ts is outside the folders being cleaned up, so no file was changed/);
    expect(fs.readFileSync(path.join(outside, "pricing.ts"), "utf8")).toBe(CHECKS_OLD_FLAG);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });

  it("rewrites a file reached through a symlink inside the root once, through the link, which stays a link", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/price.ts": CHECKS_OLD_FLAG });
    fs.symlinkSync("price.ts", path.join(root, "src/price-alias.ts"));

    const run = await runFlaglint(["cleanup", "old_flag", "--value", "on"], { cwd: root });

    expect(run.stdout).toContain("old_flag: 1 check found, 1 file rewritten");
    expect(fs.lstatSync(path.join(root, "src/price-alias.ts")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(root, "src/price.ts"), "utf8")).toBe(CLEANED);
    expect(fs.readdirSync(path.join(root, "src")).sort()).toEqual(["price-alias.ts", "price.ts"]);
  });

  it("leaves an unreadable file for a person and marks the flag retired, not archived: it may still check it", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/price.ts": CHECKS_OLD_FLAG, "src/secret.ts": CHECKS_OLD_FLAG });
    fs.chmodSync(path.join(root, "src/secret.ts"), 0o000);
    // Root ignores file modes: the CLI sees them as the files' unprivileged owner would.

    const run = flaglint(["cleanup", "old_flag", "--value", "on"], { cwd: root, ...asFileOwner(root) });
    fs.chmodSync(path.join(root, "src/secret.ts"), 0o644);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain("src/secret.ts:1: needs manual cleanup: the file cannot be read (permission denied): it may check old_flag");
    expect(fs.readFileSync(path.join(root, "src/price.ts"), "utf8")).toBe(CLEANED);
    expect(fs.readFileSync(path.join(root, "src/secret.ts"), "utf8")).toBe(CHECKS_OLD_FLAG);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toContain("    ticket: SEARCH-1\n    status: retired\n");
  });
});

