// The CLI as a subprocess: exit codes, help, output shapes, bad input.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RULE_IDS } from "@flaglint/core";
import { flaglint, runFlaglint, project, registry, removeProjects } from "./helpers/cli.js";

afterEach(removeProjects);

const OK_FLAG = `  fast_search:
    type: release
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1`;

const CLEAN_SOURCE = `import { client as ff } from "@acme/flags";
export const fast = (userId: string) => ff.isEnabled("fast_search", { userId });
`;

describe("flaglint check on the demo", () => {
  it("finds every rule but invalid-registry, and exits 1 (the real binary)", () => {
    const run = flaglint(["check", "fixtures/demo", "--now", "2026-11-26", "--format", "json"]);
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout);
    const rules = new Set(output.findings.map((finding: { rule: string }) => finding.rule));
    // invalid-registry stops a run (exit 2), so it cannot appear next to the others.
    expect([...rules].sort()).toEqual(RULE_IDS.filter((rule) => rule !== "invalid-registry").sort());
  });

  it("prints the SPEC §6 JSON shape", async () => {
    const output = JSON.parse((await runFlaglint(["check", "fixtures/demo", "--now", "2026-11-26", "-f", "json"])).stdout);
    expect(Object.keys(output)).toEqual(["version", "now", "registries", "findings", "references", "flags", "summary"]);
    expect(output).toMatchObject({ version: 1, now: "2026-11-26", registries: ["fixtures/demo/feature-flags.yaml"] });
    const stale = output.findings.find((finding: { rule: string; flag: string }) =>
      finding.rule === "no-stale-flag" && finding.flag === "new_payment_flow");
    expect(stale).toMatchObject({
      severity: "error",
      file: "fixtures/demo/src/services/payments.ts",
      line: 19,
      column: 20,
      endLine: 19,
      endColumn: 38,
    });
    expect(stale.message).toBe(
      'Release toggle "new_payment_flow" was due for removal on 2026-04-15 (225 days ago); owner @payments, ticket PAY-1234. Remove the check.',
    );
    const reference = output.references.find((entry: { flag: string }) => entry.flag === "new_payment_flow");
    expect(reference).toEqual({
      flag: "new_payment_flow", file: "fixtures/demo/src/services/payments.ts", line: 19, column: 20,
      kind: "call", matcher: "calls[0]", dynamic: false, context: true,
    });
    const dynamic = output.references.find((entry: { dynamic: boolean }) => entry.dynamic);
    expect(dynamic.flag).toBeNull();
    const flag = output.flags.find((entry: { key: string }) => entry.key === "new_payment_flow");
    expect(flag).toMatchObject({
      key: "new_payment_flow", type: "release", owner: "@payments", created: "2026-03-01",
      removeBy: "2026-04-15", ticket: "PAY-1234", state: "overdue", daysLeft: -225, references: 1,
    });
    expect(output.summary).toMatchObject({ errors: 7, warnings: 5, references: 11 });
  });

  it("reads like ESLint's stylish output", async () => {
    const run = await runFlaglint(["check", "fixtures/demo", "--now", "2026-11-26"]);
    expect(run.stdout).toContain(
      "fixtures/demo/src/services/payments.ts\n  14:1   error  TODO to remove \"new_payment_flow\" by 2026-04-15 has expired",
    );
    expect(run.stdout).toMatch(/\n✖ 12 problems \(7 errors, 5 warnings\)\n/);
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stdout).toMatchSnapshot();
  });

  it("honours an eslint-disable comment for a flaglint rule", async () => {
    const output = JSON.parse((await runFlaglint(["check", "fixtures/demo", "--now", "2026-11-26", "-f", "json"])).stdout);
    // fixtures/demo/src/flags/react.ts passes its caller's key through and says so in a directive.
    expect(output.findings.some((finding: { file: string }) => finding.file.endsWith("flags/react.ts"))).toBe(false);
    expect(output.references.some((entry: { file: string }) => entry.file.endsWith("flags/react.ts"))).toBe(true);
  });

  it("takes today's date from FLAGLINT_NOW when --now is absent", async () => {
    const run = await runFlaglint(["check", "fixtures/demo", "-f", "json"], { env: { FLAGLINT_NOW: "2026-04-01" } });
    expect(JSON.parse(run.stdout).now).toBe("2026-04-01");
  });
});

describe("exit codes and options", () => {
  it("exits 0 on a clean project and prints nothing in stylish", async () => {
    const root = project({ "feature-flags.yaml": registry(OK_FLAG), "src/search.ts": CLEAN_SOURCE });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });
    expect(run).toMatchObject({ status: 0, stdout: "", stderr: "" });
  });

  it("allows warnings up to --max-warnings and fails past it", async () => {
    const root = project({
      "feature-flags.yaml": registry(OK_FLAG),
      "src/search.ts": `${CLEAN_SOURCE}export const other = (key: string) => ff.isEnabled(key, {});\n`,
    });
    expect((await runFlaglint(["check", "--now", "2026-11-26", "--max-warnings", "1"], { cwd: root })).status).toBe(0);
    const over = await runFlaglint(["check", "--now", "2026-11-26", "--max-warnings", "0"], { cwd: root });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("1 warnings, more than --max-warnings 0 allows");
  });

  it("shows errors only with --quiet", async () => {
    const output = JSON.parse((await runFlaglint(["check", "fixtures/demo", "--now", "2026-11-26", "-f", "json", "--quiet"])).stdout);
    expect(output.findings.every((finding: { severity: string }) => finding.severity === "error")).toBe(true);
    expect(output.summary.warnings).toBe(0);
  });

  it("writes --output atomically, creating its folder, and leaves stdout empty", async () => {
    const root = project({ "feature-flags.yaml": registry(OK_FLAG), "src/search.ts": CLEAN_SOURCE, "blocked": "a file, not a folder" });
    const run = await runFlaglint(["check", "--now", "2026-11-26", "-f", "json", "-o", "blocked/result.json"], { cwd: root });
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/cannot write blocked\/result\.json: E[A-Z]+/);
    expect(run.status).toBe(2);
    expect((await runFlaglint(["check", "--now", "2026-11-26", "-f", "json", "-o", "out/result.json"], { cwd: root })).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(root, "out/result.json"), "utf8")).summary.errors).toBe(0);
    expect(fs.readdirSync(path.join(root, "out"))).toEqual(["result.json"]);
  });

  it("exits 2 with one line for bad usage", async () => {
    const unknownOption = await runFlaglint(["check", "--frobnicate"]);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--frobnicate'");
    const badDate = await runFlaglint(["check", "fixtures/demo", "--now", "2026-02-30"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr.trim().split("\n")).toHaveLength(1);
    expect(badDate.stderr).toMatch(/^flaglint: .*2026-02-30/);
    const badFormat = await runFlaglint(["check", "fixtures/demo", "--format", "xml"]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("Allowed choices are stylish, json, sarif, github");
    const missing = await runFlaglint(["check", "no/such/dir"]);
    expect(missing).toMatchObject({ status: 2, stdout: "" });
    expect(missing.stderr).toContain("no such file or folder: no/such/dir");
  });

  it("exits 2 when no registry governs the files, with a hint", async () => {
    const root = project({ "src/a.ts": CLEAN_SOURCE });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no feature-flags\.yaml found .*flaglint init.*--registry/);
  });

  it("uses --registry for every file", async () => {
    const root = project({ "config/flags.yaml": "", "config/feature-flags.yaml": registry(OK_FLAG), "src/search.ts": CLEAN_SOURCE });
    const run = await runFlaglint(["check", "src", "--registry", "config/feature-flags.yaml", "--now", "2026-11-26", "-f", "json"], { cwd: root });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).references).toHaveLength(1);
  });

  it("prints help for every command and the version", async () => {
    const help = flaglint(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("check [options] [paths...]");
    expect(help.stdout).toContain("report [options] [paths...]");
    const checkHelp = await runFlaglint(["check", "--help"]);
    for (const option of ["--registry", "--now", "--format", "--output", "--quiet", "--no-color", "--max-warnings"]) {
      expect(checkHelp.stdout).toContain(option);
    }
    expect((await runFlaglint(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("bad input", () => {
  it("reports a broken registry as file:line:col lines and exits 2 without a stack", async () => {
    const root = project({
      "feature-flags.yaml": registry(`  a:
    type: relase
    created: 2026-02-30
  b:
    type: release
    created: 2026-05-01
    removeBy: 2026-04-01
    colour: red`),
      "src/a.ts": CLEAN_SOURCE,
    });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^feature-flags\.yaml:10:11: unknown type "relase" \(did you mean "release"\?\)$/);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^feature-flags\.yaml:\d+:\d+: /);
    expect(run.stderr).not.toContain("    at ");
  });

  it("names the line of a trailing comma in a JSON registry", async () => {
    const root = project({
      "feature-flags.json": '{\n  "version": 1,\n  "flags": {\n    "a": { "type": "ops" },\n  }\n}\n',
      "src/a.ts": CLEAN_SOURCE,
    });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^feature-flags\.json:4:27: trailing comma/);
  });

  it("reports a file that does not parse and still checks the others", async () => {
    const root = project({
      "feature-flags.yaml": registry(OK_FLAG),
      // The pre-filter only parses files that may hold a check: this one does.
      "src/broken.ts": 'import { client } from "@acme/flags";\nexport function (client.isEnabled("fast_search")\n',
      "src/search.ts": CLEAN_SOURCE.replace("fast_search", "fast_serch"),
    });
    const output = JSON.parse((await runFlaglint(["check", "--now", "2026-11-26", "-f", "json"], { cwd: root })).stdout);
    expect(output.findings.map((finding: { rule: string; file: string }) => [finding.rule, finding.file])).toEqual([
      ["parse-error", "src/broken.ts"],
      ["no-unknown-flag", "src/search.ts"],
      ["no-unused-flag", "feature-flags.yaml"],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
  });
});
