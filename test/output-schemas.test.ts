// The JSON Schemas that @flaglint/core ships for `check --format json` and `report --format json`,
// held against what the commands really print.
import fs from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { afterEach, describe, expect, it } from "vitest";
import { RULE_IDS } from "@flaglint/core";
import { run } from "../cli/src/cli.js";
import { REPO_ROOT, project, registry, removeProjects } from "./helpers/cli.js";

afterEach(removeProjects);

const NOW = "2026-11-26";
const SCHEMA_DIR = path.join(REPO_ROOT, "packages/core/schema");
const SCHEMAS = { check: "check-result.schema.json", report: "report-result.schema.json" } as const;
type Command = keyof typeof SCHEMAS;

type JsonSchema = { [key: string]: unknown };

function readSchema(command: Command): JsonSchema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, SCHEMAS[command]), "utf8")) as JsonSchema;
}

/**
 * The published schemas let new fields through, so that adding one is not a breaking change for
 * anyone validating against an older copy. Here every object is closed instead: a field the
 * commands print and the schema does not describe fails the test.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy: JsonSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.properties !== undefined && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

function compile(schema: unknown): ValidateFunction {
  return new Ajv({ strict: true, allErrors: true }).compile(schema as JsonSchema);
}

const published = { check: compile(readSchema("check")), report: compile(readSchema("report")) };
const strict = { check: compile(closed(readSchema("check"))), report: compile(closed(readSchema("report"))) };

function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`).join("\n");
}

/** The CLI in this process (the code the binary runs), so that many fixtures stay fast. */
async function jsonOf(command: Command, args: readonly string[], cwd = REPO_ROOT): Promise<unknown> {
  let stdout = "";
  let stderr = "";
  const io = {
    cwd,
    env: { NO_COLOR: "1" },
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  };
  const status = await run([command, ...args, "--format", "json", "--now", NOW], io);
  expect(status, stderr).toBeLessThan(2);
  return JSON.parse(stdout);
}

function expectValid(command: Command, document: unknown): void {
  expect(published[command](document), explain(published[command].errors)).toBe(true);
  expect(strict[command](document), explain(strict[command].errors)).toBe(true);
}

const FIXTURES = fs
  .readdirSync(path.join(REPO_ROOT, "fixtures"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `fixtures/${entry.name}`)
  .sort();

describe("the output schemas", () => {
  it.each(Object.values(SCHEMAS))("%s compiles in ajv's strict mode and sits beside the registry schema", (file) => {
    const names = fs.readdirSync(SCHEMA_DIR);
    expect(names).toContain("feature-flags.schema.json");
    expect(names).toContain(file);
  });

  it.each(Object.keys(SCHEMAS) as Command[])("%s: names every rule id core has, and no other", (command) => {
    const finding = (readSchema(command).definitions as Record<string, { properties: Record<string, { enum: string[] }> }>).finding!;
    expect([...finding.properties.rule!.enum].sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(Object.keys(SCHEMAS) as Command[])("%s: pins version 1, the version the output carries today", (command) => {
    expect((readSchema(command).properties as Record<string, unknown>).version).toMatchObject({ const: 1 });
  });

  it("are exported by @flaglint/core's package.json", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "packages/core/package.json"), "utf8")) as {
      exports: Record<string, unknown>;
    };
    for (const file of ["feature-flags.schema.json", ...Object.values(SCHEMAS)]) {
      expect(manifest.exports[`./schema/${file}`]).toBe(`./schema/${file}`);
    }
  });
});

describe("real --format json output validates", () => {
  it.each(FIXTURES)("check %s", async (fixture) => {
    expectValid("check", await jsonOf("check", [fixture]));
  });

  it.each(FIXTURES)("report %s", async (fixture) => {
    expectValid("report", await jsonOf("report", [fixture, "--no-git"]));
  });

  it("report with dates inferred from git (createdInferred)", async () => {
    const document = (await jsonOf("report", ["fixtures/monorepo"])) as { flags: Array<{ createdInferred?: true }> };
    expect(document.flags.some((flag) => flag.createdInferred === true)).toBe(true);
    expectValid("report", document);
  });

  it.each(Object.keys(SCHEMAS) as Command[])("%s --shard 1/2 (the shard field)", async (command) => {
    const document = (await jsonOf(command, ["fixtures/monorepo", "--shard", "1/2", ...(command === "report" ? ["--no-git"] : [])])) as {
      shard: { index: number; total: number };
    };
    expect(document.shard).toMatchObject({ index: 1, total: 2 });
    expectValid(command, document);
  });

  it("check with a dynamic key, a misspelled key and --quiet", async () => {
    const root = project({
      "feature-flags.yaml": registry(`  fast_search:
    type: experiment
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1`),
      "src/a.ts": `import { client as ff } from "@acme/flags";
export const a = (key: string) => ff.isEnabled(key);
export const b = () => ff.isEnabled("fast_serch", { userId: "u" });
export const c = () => ff.isEnabled("fast_search");
`,
    });
    const document = (await jsonOf("check", [], root)) as {
      findings: Array<{ rule: string; suggestion?: string }>;
      references: Array<{ flag: string | null; dynamic: boolean }>;
    };
    // The cases this project is here for: without them the validation proves less than it says.
    expect(document.findings.find((finding) => finding.rule === "no-unknown-flag")?.suggestion).toBe("fast_search");
    expect(document.references.some((reference) => reference.flag === null && reference.dynamic)).toBe(true);
    expectValid("check", document);
    expectValid("check", await jsonOf("check", ["--quiet"], root));
  });
});

describe("the schemas reject what the commands never print", () => {
  it.each(Object.keys(SCHEMAS) as Command[])("%s: a document without version, a 0 line, an unknown state", async (command) => {
    const document = (await jsonOf(command, ["fixtures/demo", ...(command === "report" ? ["--no-git"] : [])])) as {
      version?: number;
      findings: Array<{ line: number }>;
      flags: Array<{ state: string }>;
    };
    const noVersion = { ...document };
    delete noVersion.version;
    expect(published[command](noVersion)).toBe(false);
    expect(published[command]({ ...document, findings: [{ ...document.findings[0]!, line: 0 }] })).toBe(false);
    expect(published[command]({ ...document, flags: [{ ...document.flags[0]!, state: "stale" }] })).toBe(false);
  });

  it("the strict copy catches an undocumented field; the published schema lets it through", async () => {
    const document = (await jsonOf("check", ["fixtures/demo"])) as { summary: Record<string, number> };
    const extended = { ...document, summary: { ...document.summary, newCount: 1 } };
    expect(published.check(extended)).toBe(true);
    expect(strict.check(extended)).toBe(false);
  });
});
