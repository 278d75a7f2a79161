// The composite GitHub Action (action.yml): its run steps, through bash, on fixtures, with the
// expressions the runner would fill in. The upload step is GitHub's own action: checked by what it is given.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { FLAGLINT_BIN, REPO_ROOT, project, removeProjects } from "./helpers/cli.js";
import { gitProject } from "./helpers/git.js";

afterEach(removeProjects);

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}

interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = parse(fs.readFileSync(path.join(REPO_ROOT, "action.yml"), "utf8")) as Action;

interface StepRun {
  name: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

interface ActionRun {
  steps: StepRun[];
  /** Steps that use another action, with their `with:` filled in. */
  uses: Array<{ name: string; uses: string; with: Record<string, string> }>;
  outputs: Record<string, string>;
  step(name: string): StepRun;
}

/**
 * Runs the action's steps as a runner would: each run script through `bash --noprofile --norc -eo
 * pipefail`, env from the step's `env:` with `${{ inputs.* }}`, `${{ steps.*.outputs.* }}` and
 * `${{ runner.temp }}` filled in, GITHUB_OUTPUT collected per step. It stops at the first failing step.
 */
function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  const unknown = Object.keys(inputs).filter((name) => !(name in ACTION.inputs));
  if (unknown.length > 0) throw new Error(`action.yml has no input ${unknown.join(", ")}`);
  const values = { ...Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, input.default ?? ""])), ...inputs };
  const runnerTemp = project({});
  const stepOutputs: Record<string, Record<string, string>> = {};
  const fill = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return values[input[1]!] ?? "";
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return stepOutputs[output[1]!]?.[output[2]!] ?? "";
      if (expression === "runner.temp") return runnerTemp;
      throw new Error(`the test runner does not know the expression ${expression}`);
    });
  const result: ActionRun = {
    steps: [],
    uses: [],
    outputs: {},
    step(name) {
      const found = this.steps.find((step) => step.name === name);
      if (!found) throw new Error(`step "${name}" did not run`);
      return found;
    },
  };
  for (const [index, step] of ACTION.runs.steps.entries()) {
    if (step.uses) {
      result.uses.push({ name: step.name, uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, fill(value)])) });
      continue;
    }
    const outputFile = path.join(runnerTemp, `output-${index}`);
    fs.writeFileSync(outputFile, "");
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd: path.resolve(workspace, fill(step["working-directory"] ?? ".")),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: "1",
        ...env,
        RUNNER_TEMP: runnerTemp,
        GITHUB_OUTPUT: outputFile,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, fill(value)])),
      },
      encoding: "utf8",
    });
    result.steps.push({ name: step.name, status: run.status, stdout: run.stdout, stderr: run.stderr });
    const outputs = Object.fromEntries(
      fs.readFileSync(outputFile, "utf8").split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    if (step.id) stepOutputs[step.id] = outputs;
    if (run.status !== 0) break;
  }
  result.outputs = Object.fromEntries(Object.entries(ACTION.outputs).map(([name, output]) => [name, fill(output.value)]));
  return result;
}

/** A copy of a fixture with flaglint installed the way `npm install -D flaglint` leaves it. */
function workspaceFrom(fixture: string, root = project({})): string {
  fs.cpSync(path.join(REPO_ROOT, "fixtures", fixture), root, { recursive: true });
  installLocalFlaglint(root);
  return root;
}

function installLocalFlaglint(root: string): void {
  fs.mkdirSync(path.join(root, "node_modules/.bin"), { recursive: true });
  fs.symlinkSync(FLAGLINT_BIN, path.join(root, "node_modules/.bin/flaglint"));
}

const NOW = { FLAGLINT_NOW: "2026-11-26" };

describe("action.yml", () => {
  it("is a composite action with inputs for paths, format and --changed-since", () => {
    expect(ACTION.runs.using).toBe("composite");
    expect(Object.keys(ACTION.inputs)).toEqual(expect.arrayContaining(["paths", "format", "changed-since"]));
    expect(ACTION.inputs.format!.default).toBe("sarif");
    for (const input of Object.values(ACTION.inputs)) expect(input.description).toBeTruthy();
  });

  it("never splices an expression into a script: inputs reach bash through env only", () => {
    for (const step of ACTION.runs.steps.filter((candidate) => candidate.run)) {
      expect(step.run, step.name).not.toContain("${{");
      expect(step.shell, step.name).toBe("bash");
    }
  });

  it("uploads with github/codeql-action/upload-sarif, also after findings", () => {
    const upload = ACTION.runs.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.if).toContain("!cancelled()");
    expect(upload?.with?.sarif_file).toBe("${{ steps.check.outputs.sarif-file }}");
  });
});

describe("the action's steps on a fixture", () => {
  it("checks the demo with SARIF by default, hands the file to the upload, then fails on the errors", () => {
    const workspace = workspaceFrom("demo");
    const run = runAction(workspace, {}, NOW);

    expect(run.step("Find or install flaglint").stdout).toBe(`flaglint: ${workspace}/node_modules/.bin/flaglint\n`);
    expect(run.step("flaglint check").status).toBe(0);
    expect(run.outputs["exit-code"]).toBe("1");
    const sarifFile = run.outputs["sarif-file"]!;
    const sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8")) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(expect.arrayContaining([expect.stringContaining("no-stale-flag")]));
    expect(run.uses).toEqual([
      { name: "Upload to code scanning", uses: "github/codeql-action/upload-sarif@v3", with: { sarif_file: sarifFile, category: "flaglint" } },
    ]);
    const fail = run.step("Fail on findings");
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain("::error title=flaglint::");
  });

  it("prints annotations with format github, for the paths given, and passes with fail-on-findings false", () => {
    const workspace = workspaceFrom("demo");
    const run = runAction(workspace, { format: "github", paths: "src/services/payments.ts\nsrc/components", "fail-on-findings": "false" }, NOW);
    const check = run.step("flaglint check");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("::error file=src/services/payments.ts");
    expect(check.stdout).not.toContain("src/legacy/broken.ts");
    expect(run.outputs).toEqual({ "exit-code": "1", "sarif-file": "" });
    expect(run.uses[0]!.with.sarif_file).toBe("");
    expect(run.step("Fail on findings").status).toBe(0);
  });

  it("narrows to the change with changed-since, in a working directory", () => {
    const repository = gitProject({});
    fs.mkdirSync(path.join(repository.root, "app"));
    workspaceFrom("demo", path.join(repository.root, "app"));
    fs.writeFileSync(path.join(repository.root, ".gitignore"), "node_modules/\n");
    repository.commit({});
    fs.appendFileSync(path.join(repository.root, "app/src/components/TopNav.tsx"), "\n// touched\n");

    const run = runAction(repository.root, { "working-directory": "app", "changed-since": "HEAD", format: "json" }, NOW);
    const check = run.step("flaglint check");
    expect(check.stdout).toContain("flaglint check . --format json --changed-since HEAD");
    const result = JSON.parse(check.stdout.slice(check.stdout.indexOf("{"))) as { findings: Array<{ file: string }> };
    expect(new Set(result.findings.map((finding) => finding.file))).toEqual(new Set(["src/components/TopNav.tsx"]));
    expect(run.outputs["exit-code"]).toBe("0");
    expect(run.step("Fail on findings").status).toBe(0);
  });

  it("stops with exit 2 on a broken registry, before any upload", () => {
    const workspace = project({ "feature-flags.yaml": "version: 1\nflags:\n  a:\n    type: relase\n", "src/a.ts": "export {};\n" });
    installLocalFlaglint(workspace);
    const run = runAction(workspace, {}, NOW);
    const check = run.step("flaglint check");
    expect(check.status).toBe(2);
    expect(check.stderr).toContain("feature-flags.yaml");
    expect(run.steps.map((step) => step.name)).toEqual(["Find or install flaglint", "flaglint check"]);
  });

  it("installs the requested version into a private prefix when the project has none", () => {
    const workspace = project({ "feature-flags.yaml": "version: 1\nflags:\n", "src/a.ts": "export {};\n" });
    // A stand-in npm that records its arguments and installs this repository's CLI, so no network is used.
    const fakeBin = project({
      npm: `#!/usr/bin/env bash
printf '%s\\n' "$@" > "$NPM_ARGS"
while [ "$1" != "--prefix" ]; do shift; done
mkdir -p "$2/node_modules/.bin" && ln -s "$FLAGLINT_REAL_BIN" "$2/node_modules/.bin/flaglint"
`,
    });
    fs.chmodSync(path.join(fakeBin, "npm"), 0o755);
    const argsFile = path.join(fakeBin, "args");
    const run = runAction(workspace, { version: "0.1.0" }, {
      ...NOW,
      PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
      NPM_ARGS: argsFile,
      FLAGLINT_REAL_BIN: FLAGLINT_BIN,
    });
    const args = fs.readFileSync(argsFile, "utf8").trim().split("\n");
    expect(args[0]).toBe("install");
    expect(args).toEqual(expect.arrayContaining(["flaglint@0.1.0", "typescript@~6.0.0", "--no-save"]));
    expect(args[args.indexOf("--prefix") + 1]).toMatch(/flaglint-action$/);
    expect(fs.existsSync(path.join(workspace, "node_modules"))).toBe(false);
    expect(run.step("Find or install flaglint").stdout).toContain("installed flaglint 0.1.0 with typescript@~6.0.0");
    expect(run.step("flaglint check").status).toBe(0);
    expect(run.outputs["exit-code"]).toBe("0");
  });
});
