// `flaglint explain <file>` on a real repository: why a file is or is not checked, and why a look-alike was not counted.
import { afterEach, describe, expect, it } from "vitest";
import { flaglint, registry, removeProjects } from "../helpers/cli.js";
import { gitProject } from "../helpers/git.js";
import { cli } from "./in-process.js";

afterEach(removeProjects);

const NOW = "2026-11-26";

function shop() {
  return gitProject({
    "feature-flags.yaml": registry("  alpha:\n    type: ops\n  beta:\n    type: ops").replace("flags:\n", 'ignore:\n  - "src/generated/**"\nflags:\n'),
    "src/keys.ts": 'export const Keys = { beta: "beta" } as const;\n',
    "src/a.ts": [
      'import { client } from "@acme/flags";',
      'import { other } from "./other";',
      'import { Keys } from "./keys";',
      'export const a = client.isEnabled("alpha", {});',
      "export const b = client.isEnabled(Keys.beta, {});",
      'export const c = other.isEnabled("alpha");',
      "",
    ].join("\n"),
    "src/unimported.ts": 'declare const flags: { isEnabled(key: string): boolean };\nexport const u = flags.isEnabled("alpha");\n',
    "src/generated/g.ts": 'import { client } from "@acme/flags";\nexport const g = client.isEnabled("nope");\n',
    "README.md": "# shop\n",
  });
}

async function explain(root: string, file: string) {
  const run = await cli(["explain", file, "--now", NOW, "-f", "json"], { cwd: root });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe("flaglint explain", () => {
  it("names the registry and the matchers, the checks found (keys from other files too) and why a look-alike is not one", async () => {
    const answer = await explain(shop().root, "src/a.ts");
    expect(answer.registry).toBe("feature-flags.yaml");
    expect(answer.matchers).toContainEqual({ id: "calls[0]", description: '.isEnabled() on the client import of "@acme/flags" (key: argument 0, context: argument 1)' });
    expect(answer.parsed).toBe(true);
    expect(answer.references.map((reference: { flag: string; line: number }) => `${reference.line} ${reference.flag}`)).toEqual(["4 alpha", "5 beta"]);
    expect(answer.lookAlikes).toEqual([
      { line: 6, column: 18, callee: "other.isEnabled", reason: 'wrong receiver: other is not the client import of "@acme/flags" that calls[0] names' },
    ]);
  });

  it("says when a look-alike is in a file that does not import the configured module and is filtered out before parsing", async () => {
    const answer = await explain(shop().root, "src/unimported.ts");
    expect(answer.parsed).toBe(false);
    expect(answer.lookAlikes).toHaveLength(1);
    expect(answer.lookAlikes[0].reason).toMatch(/^filtered out before parsing: .*wrong import: calls\[0\] wants \.isEnabled\(\) on client from "@acme\/flags", which this file does not import\)$/);
  });

  it("says why a file is not checked: an ignore glob, not a source file, no registry", async () => {
    const root = shop().root;
    expect((await explain(root, "src/generated/g.ts")).unchecked).toBe("the registry's ignore: globs (src/generated/**) leave it out");
    expect((await explain(root, "README.md")).unchecked).toMatch(/^not a source file/);
    const bare = gitProject({ "src/x.ts": "export const x = 1;\n" });
    expect((await explain(bare.root, "src/x.ts")).unchecked).toMatch(/^no feature-flags\.yaml in its folder or any folder above it/);
  });

  it("counts a call of a function that stands for one flag, called plainly or as a method, and says its key", async () => {
    const root = gitProject({
      "feature-flags.yaml": "version: 1\ndetect:\n  sdks: []\n  calls:\n    - function: newCheckout\n      key: new-checkout\nflags:\n  new-checkout:\n    type: ops\n",
      "src/page.ts": 'import * as flags from "./flags";\nimport { newCheckout } from "./flags";\nexport const a = await newCheckout();\nexport const b = await flags.newCheckout();\n',
    }).root;
    const answer = await explain(root, "src/page.ts");
    expect(answer.matchers).toContainEqual({ id: "calls[0]", description: 'a call of the function newCheckout() (key: "new-checkout")' });
    expect(answer.references.map((reference: { flag: string; line: number }) => `${reference.line} ${reference.flag}`)).toEqual(["3 new-checkout", "4 new-checkout"]);
    expect(answer.lookAlikes).toEqual([]);
  });

  it("prints the same as text, and a missing file is one line and exit 2", async () => {
    const root = shop().root;
    const text = await cli(["explain", "src/a.ts", "--now", NOW], { cwd: root });
    expect(text.stdout).toContain("  registry: feature-flags.yaml\n");
    expect(text.stdout).toContain("    6:18  other.isEnabled()  wrong receiver:");
    // The real binary: the exit code and the one line on stderr are what the process gives.
    const missing = flaglint(["explain", "src/nope.ts"], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^flaglint: no such file: src\/nope\.ts \(hint: [^\n]*\)\n$/);
  });
});
