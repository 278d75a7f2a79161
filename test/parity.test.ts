// Every fixture project gives the same findings through ESLint (9 and 10) and `flaglint check`.
//
// Compared finding by finding: rule, file, line, column and message (which names the flag) of every
// finding in source files, require-flag-context and no-dynamic-flag-key included. Left out,
// because the two front ends differ there by design:
//   - no-unused-flag and parse-error are CLI-only (ESLint reports parse errors itself; a flag
//     nobody checks can only be seen from the whole project);
//   - require-removal-ticket is reported at the registry entry by the CLI, at each check by ESLint;
//   - findings in the registry file itself (ESLint does not lint YAML).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ESLINT_MAJORS,
  fixtureCopy,
  lintInProcess,
  NOW,
  relative,
  removeFixtureCopies,
  REPO_ROOT,
  type ParserMode,
} from "./helpers/eslint.js";
import { runFlaglint } from "./helpers/cli.js";

afterAll(removeFixtureCopies);

const DIFFER_BY_DESIGN = new Set(["no-unused-flag", "parse-error", "require-removal-ticket"]);

/**
 * Every fixture project, with the parser a user of that code base would configure: type-aware
 * where the project has a tsconfig.json, else @typescript-eslint/parser for TypeScript, else
 * ESLint's default parser. Keys imported from other files resolve through core's cross-file index
 * in both front ends, so the cross-file fixtures run without type information too.
 */
const MODE_OVERRIDES: Record<string, ParserMode> = {
  // Its tsconfig leaves the half-edited file out on purpose; that file is here to show a parse error.
  demo: "typescript",
};
/**
 * Type-aware fixtures whose keys come from other packages, also linted without type information
 * (eslint-shared-keys is, in eslint-binary.test.ts).
 */
const WITHOUT_TYPES_TOO = new Set(["shapes-cross-package"]);
const FIXTURES = fs
  .readdirSync(path.join(REPO_ROOT, "fixtures"), { withFileTypes: true })
  // discover-* hold the starter registry init writes (undated, so nothing to report): init-discovery.test.ts runs them.
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith("discover-"))
  .flatMap(({ name }): Array<{ name: string; mode: ParserMode }> => {
    const mode = MODE_OVERRIDES[name] ?? modeFor(path.join(REPO_ROOT, "fixtures", name));
    return WITHOUT_TYPES_TOO.has(name) ? [{ name, mode }, { name, mode: "typescript" }] : [{ name, mode }];
  });

function modeFor(dir: string): ParserMode {
  if (fs.existsSync(path.join(dir, "tsconfig.json"))) return "type-aware";
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
  return files.some((file) => /\.[cm]?tsx?$/.test(file)) ? "typescript" : "espree";
}

interface CliFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
  flag: string | null;
}

/** `flaglint check` of each fixture, run once and compared with every ESLint run of it. */
const cliChecks = new Map<string, Promise<CliFinding[]>>();
function cliCheck(fixture: string): Promise<CliFinding[]> {
  let check = cliChecks.get(fixture);
  if (check === undefined) cliChecks.set(fixture, (check = runCliCheck(fixture)));
  return check;
}

async function runCliCheck(fixture: string): Promise<CliFinding[]> {
  const run = await runFlaglint(["check", `fixtures/${fixture}`, "--format", "json", "--now", NOW]);
  expect(run.status, run.stderr).toBeLessThanOrEqual(1);
  return (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings.map(({ rule, file, line, column, message, flag }) => ({
    rule,
    file: relative(path.join(REPO_ROOT, "fixtures", fixture), path.join(REPO_ROOT, file)),
    line,
    column,
    message,
    flag,
  }));
}

const isSourceFile = (file: string) => /\.[cm]?[jt]sx?$/.test(file);
interface Compared {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
}
const key = ({ rule, file, line, column, message }: Compared) => `${file}:${line}:${column} ${rule} ${message}`;

/** The rules whose findings ESLint matched, over every fixture. */
const compared = new Set<string>();

describe.each(FIXTURES)("fixtures/$name ($mode)", ({ name, mode }) => {
  const cli = () => cliCheck(name);
  const expected = async () =>
    (await cli())
      .filter((finding) => isSourceFile(finding.file) && !DIFFER_BY_DESIGN.has(finding.rule))
      .map(key)
      .sort();

  it("has findings to compare", async () => {
    expect((await expected()).length).toBeGreaterThan(0);
  });

  it.each(ESLINT_MAJORS)("ESLint %i reports what flaglint check reports", async (major) => {
    const run = await lintInProcess(major, fixtureCopy(name, { mode }));
    const eslint = run.results.flatMap(({ file, messages }) =>
      messages
        .filter((m) => m.ruleId?.startsWith("flaglint/"))
        .map((m) => ({ rule: m.ruleId!.slice("flaglint/".length), file, line: m.line, column: m.column, message: m.message })),
    );
    expect(eslint.filter((f) => !DIFFER_BY_DESIGN.has(f.rule)).map(key).sort()).toEqual(await expected());
    for (const finding of eslint) compared.add(finding.rule);

    // require-removal-ticket: once per flag at its registry entry (CLI), at each check (ESLint); the
    // same flags, since every ticketless flag of the fixtures is checked somewhere.
    const ticketless = (flags: Array<string | null | undefined>) => [...new Set(flags)].sort();
    expect(
      ticketless(eslint.filter((f) => f.rule === "require-removal-ticket").map((f) => /toggle "([^"]+)"/.exec(f.message)?.[1])),
    ).toEqual(ticketless((await cli()).filter((f) => f.rule === "require-removal-ticket").map((f) => f.flag)));

    // The CLI-only parse-error and ESLint's own parsing error name the same file and line.
    const cliParseErrors = (await cli()).filter((f) => f.rule === "parse-error").map(({ file, line }) => `${file}:${line}`);
    const eslintParseErrors = run.results.flatMap(({ file, messages }) =>
      messages.filter((m) => m.fatal).map((m) => `${file}:${m.line}`),
    );
    expect(eslintParseErrors).toEqual(cliParseErrors);
  });
});

/**
 * The fixtures linted without type information above, linted again with typed linting on (a
 * tsconfig.json that takes in every file): the type checker may only agree with the index.
 */
const TYPED_TOO = FIXTURES.filter(({ name, mode }) => mode === "typescript" && !WITHOUT_TYPES_TOO.has(name) && !(name in MODE_OVERRIDES)).map(({ name }) => name);
const TSCONFIG = {
  compilerOptions: { allowJs: true, jsx: "preserve", noEmit: true, strict: true, target: "es2022", module: "esnext", moduleResolution: "bundler" },
  include: ["**/*"],
};

describe.each(TYPED_TOO)("fixtures/%s with typed linting on", (name) => {
  it("ESLint 10 reports what flaglint check reports", async () => {
    const dir = fixtureCopy(name, { mode: "type-aware" });
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
    const run = await lintInProcess(10, dir);
    const eslint = run.results.flatMap(({ file, messages }) =>
      messages
        .filter((m) => m.ruleId?.startsWith("flaglint/") && !DIFFER_BY_DESIGN.has(m.ruleId.slice("flaglint/".length)))
        .map((m) => key({ rule: m.ruleId!.slice("flaglint/".length), file, line: m.line, column: m.column, message: m.message })),
    );
    const cli = (await cliCheck(name)).filter((finding) => isSourceFile(finding.file) && !DIFFER_BY_DESIGN.has(finding.rule));
    expect(eslint.sort()).toEqual(cli.map(key).sort());
  });
});

describe("the comparison", () => {
  it("covers the rules whose findings depend on how keys resolve", () => {
    // Runs after every fixture: the fixtures must exercise these rules, or parity proves little.
    expect([...compared]).toEqual(expect.arrayContaining(["no-dynamic-flag-key", "require-flag-context", "no-unknown-flag", "no-stale-flag"]));
  });
});
