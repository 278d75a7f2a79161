// `flaglint cleanup` as a user runs it: the built CLI on a copy of the demo project.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT, asFileOwner, flaglint, runFlaglint } from "./helpers/cli.js";

const DEMO = path.join(REPO_ROOT, "fixtures/demo");
const TSC = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");

let copies: string[] = [];
afterEach(() => {
  for (const copy of copies) {
    chmodTree(copy, 0o644);
    fs.rmSync(copy, { recursive: true, force: true });
  }
  copies = [];
});

function copyOfDemo(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-cleanup-demo-"));
  copies.push(copy);
  fs.cpSync(DEMO, copy, { recursive: true });
  return copy;
}

/** Every file of a folder with its text, to compare before and after. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(root, file)] = fs.readFileSync(file, "utf8");
  }
  return files;
}

function chmodTree(root: string, mode: number): void {
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(entry.parentPath, entry.name), mode);
  }
}

/** Source files that still mention the flag, as `grep -rl new_payment_flow src` would list them. */
function filesMentioning(root: string, text: string): string[] {
  return Object.entries(snapshot(path.join(root, "src")))
    .filter(([, content]) => content.includes(text))
    .map(([file]) => file);
}

describe("flaglint cleanup on the demo", () => {
  it("removes every check of new_payment_flow, archives it and leaves code that type-checks", async () => {
    const root = copyOfDemo();
    const registryBefore = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    expect(filesMentioning(root, "new_payment_flow")).toEqual(["services/payments.ts"]);

    const run = await runFlaglint(["cleanup", "new_payment_flow", "--value", "on"], { cwd: root });

    // The demo's dynamic checks (`ff.isEnabled(name)`) might be this flag: they are listed, exit 1.
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual(["cleaned src/services/payments.ts", "feature-flags.yaml: new_payment_flow marked archived"]);
    const manual = lines.filter((line) => line.includes(": needs manual cleanup: "));
    expect(manual).toContain(
      "src/services/checkout.ts:10: needs manual cleanup: the key `name` is computed at run time: this check might be new_payment_flow",
    );
    expect(manual.every((line) => line.endsWith("is computed at run time: this check might be new_payment_flow"))).toBe(true);
    expect(lines.at(-1)).toBe(`new_payment_flow: 1 check found, 1 file rewritten; ${manual.length} places need manual cleanup.`);
    expect(lines).toHaveLength(2 + manual.length + 1);
    expect(run.status).toBe(1);

    expect(filesMentioning(root, "new_payment_flow")).toEqual([]);
    const payments = fs.readFileSync(path.join(root, "src/services/payments.ts"), "utf8");
    expect(payments).toContain(
      `    throw new Error("Card payments are paused");\n  }\n  return { orderId: order.id, processor: "stripe-v2" };\n}\n`,
    );
    expect(payments).not.toContain(`processor: "legacy" }`);

    const registryAfter = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    expect(registryAfter).toBe(
      registryBefore.replace("    description: New payment processor\n", "    description: New payment processor\n    status: archived\n"),
    );
    expect(registryAfter).toContain("# The flag registry of the demo shop");
    expect(registryAfter).toContain("      contextArg: 1\n    - function: useFlag              # React hook");

    const typecheck = spawnSync(process.execPath, [TSC, "-p", root], { encoding: "utf8" });
    expect(typecheck.stdout + typecheck.stderr).toBe("");
    expect(typecheck.status).toBe(0);
  });

  it("prints a diff with --dry-run and changes nothing", async () => {
    const root = copyOfDemo();
    const before = snapshot(root);

    const run = await runFlaglint(["cleanup", "new_payment_flow", "--value", "off", "--dry-run"], { cwd: root });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain("diff --git a/src/services/payments.ts b/src/services/payments.ts\n--- a/src/services/payments.ts\n+++ b/src/services/payments.ts\n");
    expect(run.stdout).toContain(`-  if (ff.isEnabled("new_payment_flow", { userId: order.userId })) {\n`);
    expect(run.stdout).toContain("+    status: archived\n");
    expect(run.stderr).toContain("src/services/checkout.ts:10: needs manual cleanup:");
    expect(snapshot(root)).toEqual(before);
  });

  it("changes no file when one of them cannot be written", async () => {
    const root = copyOfDemo();
    const locked = path.join(root, "src/services/payments.ts");
    fs.chmodSync(locked, 0o444);
    // Root ignores file modes: the CLI sees them as the files' unprivileged owner would.
    const before = snapshot(root);

    const run = flaglint(["cleanup", "new_payment_flow", "--value", "on"], { cwd: root, ...asFileOwner(root) });

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^flaglint: cannot write src\/services\/payments\.ts: EACCES; no file was changed/);
    expect(snapshot(root)).toEqual(before);
  });

  it("changes no file when one that checks the flag cannot be rewritten", async () => {
    const root = copyOfDemo();
    fs.writeFileSync(
      path.join(root, "src/services/half-edited.ts"),
      `import { client as ff } from "../flags/client";\n\nexport function preview( {\n  return ff.isEnabled("new_payment_flow");\n}\n`,
    );
    const before = snapshot(root);

    const run = await runFlaglint(["cleanup", "new_payment_flow", "--value", "on"], { cwd: root });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain("src/services/half-edited.ts:4: needs manual cleanup: the file does not parse");
    expect(run.stderr).toBe("flaglint: src/services/half-edited.ts could not be rewritten, so no file was changed.\n");
    expect(snapshot(root)).toEqual(before);
  });
});

