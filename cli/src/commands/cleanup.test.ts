import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { CommandContext } from "../command-context.js";
import { reportError } from "../errors.js";
import { registerCleanup } from "./cleanup.js";

const REGISTRY = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
flags:
  new_flow:
    type: release
    owner: "@web"   # owning team
    created: 2026-03-01
    ticket: WEB-1
`;

const SOURCE = `import { client } from "@acme/flags";

export function greet(): string {
  return client.isEnabled("new_flow") ? "Hello" : "Hi";
}
`;

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-cleanup-cli-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Runs `flaglint cleanup …` in-process, mapping errors to exit codes as the CLI does. */
async function cleanup(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const io = { cwd, env: { NO_COLOR: "1" }, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const program = new Command("flaglint")
    .exitOverride()
    .configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  registerCleanup(program, new CommandContext(io), (exit) => (code = exit));
  try {
    await program.parseAsync(["cleanup", ...args], { from: "user" });
  } catch (error) {
    code = error instanceof CommanderError ? (error.exitCode === 0 ? 0 : 2) : reportError(error, cwd, io.stderr);
  }
  return { code, stdout, stderr };
}

describe("flaglint cleanup", () => {
  it("rewrites the code, archives the entry and exits 0 when the flag is gone", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/greet.ts": SOURCE });
    const run = await cleanup(["new_flow", "--value", "on"], root);

    expect(run).toEqual({
      code: 0,
      stdout: "cleaned src/greet.ts\nfeature-flags.yaml: new_flow marked archived\nnew_flow: 1 check found, 1 file rewritten; nothing left to do by hand.\n",
      stderr: "",
    });
    expect(fs.readFileSync(path.join(root, "src/greet.ts"), "utf8")).toBe(`export function greet(): string {\n  return "Hello";\n}\n`);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY.replace("    ticket: WEB-1\n", "    ticket: WEB-1\n    status: archived\n"));
  });

  it("prints a git-style unified diff on --dry-run and writes nothing", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/greet.ts": SOURCE });
    const run = await cleanup(["new_flow", "--value", "off", "--dry-run"], root);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "diff --git a/src/greet.ts b/src/greet.ts",
        "--- a/src/greet.ts",
        "+++ b/src/greet.ts",
        "@@ -1,5 +1,3 @@",
        '-import { client } from "@acme/flags";',
        "-",
        " export function greet(): string {",
        '-  return client.isEnabled("new_flow") ? "Hello" : "Hi";',
        '+  return "Hi";',
        " }",
        "diff --git a/feature-flags.yaml b/feature-flags.yaml",
        "--- a/feature-flags.yaml",
        "+++ b/feature-flags.yaml",
        "@@ -9,4 +9,5 @@",
        "     type: release",
        "     owner: \"@web\"   # owning team",
        "     created: 2026-03-01",
        "     ticket: WEB-1",
        "+    status: archived",
        "",
      ].join("\n"),
    );
    expect(fs.readFileSync(path.join(root, "src/greet.ts"), "utf8")).toBe(SOURCE);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });

  it("lists the places left for a person and exits 1", async () => {
    const left = `import { client } from "@acme/flags";\n\nexport function mode(name: string): boolean {\n  return client.isEnabled(name);\n}\n`;
    const root = project({ "feature-flags.yaml": REGISTRY, "src/greet.ts": SOURCE, "src/mode.ts": left });
    const run = await cleanup(["new_flow", "--value", "on"], root);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain("src/mode.ts:4: needs manual cleanup: the key `name` is computed at run time: this check might be new_flow\n");
    expect(run.stdout).toContain("new_flow: 1 check found, 1 file rewritten; 1 place needs manual cleanup.\n");
  });

  it("exits 2 on a value that is not on, off or a JSON literal", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/greet.ts": SOURCE });
    const run = await cleanup(["new_flow", "--value", "blue"], root);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^flaglint: --value blue: not a flag value .*--value '"blue"'/);
    expect(fs.readFileSync(path.join(root, "src/greet.ts"), "utf8")).toBe(SOURCE);
  });

  it("exits 2 on a flag the registry does not list, with the nearest key as a hint", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/greet.ts": SOURCE });
    const run = await cleanup(["new_flwo", "--value", "on"], root);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`flaglint: unknown flag "new_flwo": feature-flags.yaml does not list it (did you mean "new_flow"?)\n`);
  });

  it("requires --value", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY });
    const run = await cleanup(["new_flow"], root);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("flaglint: cleanup new_flow needs --value (hint: --value on, --value off, or a JSON literal)\n");
  });

  it("documents every option in --help", async () => {
    const run = await cleanup(["--help"], os.tmpdir());

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: flaglint cleanup [options] [flag] [paths...]");
    expect(run.stdout).toMatch(/--value <value>\s+the flag's final value: on, off, or a JSON literal/);
    expect(run.stdout).toMatch(/--dry-run\s+print the changes as a unified diff and write nothing/);
    expect(run.stdout).toMatch(/--registry <path>/);
    expect(run.stdout).toMatch(/--all\s+every retired or overdue flag with a final value/);
    expect(run.stdout).toMatch(/--patches <dir>\s+with --all: write one <flag>\.patch per flag/);
  });

  it("asks for a flag, and for --patches with --all", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY });
    expect((await cleanup(["--value", "on"], root)).stderr).toMatch(/^flaglint: cleanup needs a flag \(hint: .*--all --patches DIR\)/);
    expect((await cleanup(["--all"], root)).stderr).toMatch(/^flaglint: --all needs --patches DIR/);
    expect((await cleanup(["--all", "--patches", "out", "--value", "on"], root)).code).toBe(2);
    expect(fs.existsSync(path.join(root, "out"))).toBe(false);
  });
});
