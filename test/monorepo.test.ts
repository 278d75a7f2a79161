// A monorepo checked from its root: each package's files are judged by that package's registry.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/src/cli.js";
import { REPO_ROOT, runFlaglint } from "./helpers/cli.js";

const MONOREPO = path.join(REPO_ROOT, "fixtures/monorepo");
const NOW = "2026-11-26";

interface Finding {
  rule: string;
  flag: string | null;
  file: string;
  registry?: string;
}

async function checkJson(args: readonly string[] = []) {
  const result = await runFlaglint(["check", "--now", NOW, "-f", "json", ...args], { cwd: MONOREPO });
  return { status: result.status, output: JSON.parse(result.stdout) };
}

describe("flaglint check at the root of a monorepo", () => {
  it("judges each file by its own package's registry", async () => {
    const { status, output } = await checkJson();
    expect(status).toBe(1);
    expect(output.registries).toEqual(["packages/api/feature-flags.yaml", "packages/web/feature-flags.yaml"]);
    // checkout_v2 is known in api and unknown in web; new_navigation the other way round.
    expect(output.findings.map(({ rule, flag, file, registry }: Finding) => ({ rule, flag, file, registry }))).toEqual([
      { rule: "no-unknown-flag", flag: "new_navigation", file: "packages/api/src/checkout.ts", registry: "packages/api/feature-flags.yaml" },
      { rule: "no-unknown-flag", flag: "checkout_v2", file: "packages/web/src/TopNav.ts", registry: "packages/web/feature-flags.yaml" },
    ]);
  });

  it("detects with each package's own detect section", async () => {
    const { output } = await checkJson();
    const checked = output.references.map((reference: { flag: string; file: string }) => `${reference.file} ${reference.flag}`);
    expect(checked).toEqual([
      "packages/api/src/checkout.ts payments_kill_switch",
      "packages/api/src/checkout.ts new_navigation",
      "packages/api/src/checkout.ts checkout_v2",
      "packages/web/src/TopNav.ts new_navigation",
      "packages/web/src/TopNav.ts checkout_v2",
    ]);
  });

  it("names the registry in each file header of stylish output when there are several", async () => {
    const result = await runFlaglint(["check", "--now", NOW], { cwd: MONOREPO });
    expect(result.stdout).toContain("\npackages/web/src/TopNav.ts  (feature-flags: packages/web/feature-flags.yaml)\n  6:15  error");
    expect(result.stdout).toContain("\npackages/api/src/checkout.ts  (feature-flags: packages/api/feature-flags.yaml)\n");
  });

  it("leaves the header plain when one registry governs the run", async () => {
    const result = await runFlaglint(["check", "packages/web", "--now", NOW], { cwd: MONOREPO });
    expect(result.stdout).toContain("\npackages/web/src/TopNav.ts\n  6:15  error");
    expect(result.stdout).not.toContain("(feature-flags:");
  });

  it("reports every package's flags with the registry that lists them", async () => {
    const result = await runFlaglint(["report", "--now", NOW, "--no-git", "-f", "json"], { cwd: MONOREPO });
    const flags = JSON.parse(result.stdout).flags.map((flag: { key: string; known: boolean; registry: string }) =>
      `${flag.registry} ${flag.key} ${flag.known ? "known" : "unknown"}`);
    expect(flags.sort()).toEqual([
      "packages/api/feature-flags.yaml checkout_v2 known",
      "packages/api/feature-flags.yaml new_navigation unknown",
      "packages/api/feature-flags.yaml payments_kill_switch known",
      "packages/web/feature-flags.yaml checkout_v2 unknown",
      "packages/web/feature-flags.yaml new_navigation known",
    ]);
  });
});

describe("progress on long runs", () => {
  function inProcess(stderrIsTTY: boolean, env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      cwd: MONOREPO,
      env: { NO_COLOR: "1", ...env },
      stdout: { write: (chunk: string) => out.push(chunk), isTTY: false },
      stderr: { write: (chunk: string) => err.push(chunk), isTTY: stderrIsTTY },
    };
    return { io, stdout: () => out.join(""), stderr: () => err.join("") };
  }

  it("is never printed when stderr is not a terminal", async () => {
    const result = await runFlaglint(["check", "--now", NOW, "-f", "json"], { cwd: MONOREPO });
    expect(result.stderr).toBe("");
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it("goes to a terminal's stderr only, so stdout holds the result alone", async () => {
    const terminal = inProcess(true);
    await run(["check", "--now", NOW, "-f", "json"], terminal.io);
    expect(terminal.stderr()).toContain("flaglint: checking");
    expect(JSON.parse(terminal.stdout()).summary.errors).toBe(2);
  });

  it("stays off in CI even on a terminal", async () => {
    const ci = inProcess(true, { CI: "true" });
    await run(["check", "--now", NOW, "-f", "json"], ci.io);
    expect(ci.stderr()).toBe("");
  });
});
