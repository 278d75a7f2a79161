// `node bench/eslint-parity.mjs <dir>`: ESLint with flaglint's plugin against `flaglint check` on a
// real code base that has a registry (one `flaglint init` wrote, say), as a user would run both.
//
// ESLint runs with @typescript-eslint/parser and no type information (how most projects and
// editors run it) over the code base's .ts/.tsx/.js/.jsx files. For every file ESLint linted, each
// finding must have the same rule, file, line and column in both, but for require-removal-ticket,
// which the CLI reports on the registry entry and ESLint on each check of the flag (where the
// editor shows it): there both must name the same flags, those of the CLI's findings that have a
// check in the code. no-unused-flag and parse-error are the CLI's alone.
//
//   node bench/eslint-parity.mjs <dir> [--now YYYY-MM-DD] [--cpu N]
//
//   --now DATE  the day both judge by (default: today, UTC)
//   --cpu N     then N alternating rounds of ESLint with the plugin and with the parser alone, and
//               the whole-process CPU ratio (user + system, GNU time: SPEC §8's measure)
//
// Exit code 1 when the two disagree, 2 on a usage error. Run `npm run build` first.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GNU_TIME, gnuTimeWorks, integerArg, median, printHelp, UsageError } from "./args.mjs";
import { bundleProblem } from "./built.mjs";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ESLINT_BIN = path.join(REPO, "node_modules/eslint/bin/eslint.js");
const FLAGLINT_BIN = path.join(REPO, "cli/bin/flaglint.js");
/** Rules ESLint does not have. */
const CLI_ONLY = new Set(["no-unused-flag", "parse-error"]);
const TICKET = "require-removal-ticket";

/**
 * What the two runs disagree on. `cli` is `flaglint check --format json`'s document, `eslint` ESLint's
 * JSON formatter's results, `dir` the folder both ran in (the CLI's paths are relative to it).
 */
export function compareFindings(cli, eslint, dir) {
  const linted = new Set(eslint.map((result) => path.relative(dir, result.filePath)));
  const where = (rule, file, line, column) => `${rule} ${file}:${line}:${column}`;
  const compared = cli.findings.filter((finding) => !CLI_ONLY.has(finding.rule) && finding.rule !== TICKET && linted.has(finding.file));
  const cliPlaces = new Set(compared.map((finding) => where(finding.rule, finding.file, finding.line, finding.column)));
  const eslintPlaces = new Set();
  const eslintTicketFlags = new Set();
  for (const result of eslint) {
    for (const message of result.messages) {
      if (!message.ruleId?.startsWith("flaglint/")) continue;
      const rule = message.ruleId.slice("flaglint/".length);
      // The flag is the message's first quoted name: `Release toggle "x" has no removal ticket`.
      if (rule === TICKET) eslintTicketFlags.add(/"([^"]+)"/.exec(message.message)?.[1]);
      else eslintPlaces.add(where(rule, path.relative(dir, result.filePath), message.line, message.column));
    }
  }
  const checked = new Set(cli.references.filter((reference) => linted.has(reference.file)).map((reference) => reference.flag));
  const cliTicketFlags = new Set(cli.findings.filter((finding) => finding.rule === TICKET && checked.has(finding.flag)).map((finding) => finding.flag));
  return {
    linted: linted.size,
    same: [...cliPlaces].filter((place) => eslintPlaces.has(place)).length,
    onlyCli: [...cliPlaces].filter((place) => !eslintPlaces.has(place)).sort(),
    onlyEslint: [...eslintPlaces].filter((place) => !cliPlaces.has(place)).sort(),
    ticketFlags: cliTicketFlags.size,
    ticketOnlyCli: [...cliTicketFlags].filter((flag) => !eslintTicketFlags.has(flag)).sort(),
    ticketOnlyEslint: [...eslintTicketFlags].filter((flag) => !cliTicketFlags.has(flag)).sort(),
    notLinted: cli.findings.filter((finding) => !CLI_ONLY.has(finding.rule) && finding.file !== undefined && !linted.has(finding.file) && !finding.file.endsWith(".yaml") && !finding.file.endsWith(".json")).length,
  };
}

function parseArgs(argv) {
  const options = { dir: undefined, now: new Date().toISOString().slice(0, 10), cpu: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--now") options.now = argv[++i] ?? "";
    else if (arg === "--cpu") options.cpu = integerArg(arg, argv[++i], 0);
    else if (arg === "--help" || arg === "-h") printHelp(import.meta.url, 0, 17);
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (options.dir === undefined) options.dir = path.resolve(arg);
    else throw new UsageError(`one folder only, got ${arg} too`);
  }
  if (options.dir === undefined || !existsSync(options.dir) || !statSync(options.dir).isDirectory()) {
    throw new UsageError(`give the folder of a code base with a registry (got ${options.dir ?? "nothing"})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.now)) throw new UsageError(`--now takes a date as YYYY-MM-DD, got ${options.now}`);
  return options;
}

/** The two configs, in a folder of their own: the parser alone, and the parser with the plugin. */
function writeConfigs(folder, now) {
  const parser = JSON.stringify(import.meta.resolve("@typescript-eslint/parser"));
  const plugin = JSON.stringify(import.meta.resolve("eslint-plugin-flaglint"));
  const common = [
    `import parser from ${parser};`,
    'const files = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"];',
    'const ignores = { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/coverage/**", "**/vendor/**", "**/public/**", "**/static/**", "**/*.min.js", "**/.*/**"] };',
    "const typescript = { files, languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } }, linterOptions: { reportUnusedDisableDirectives: \"off\" } };",
  ];
  const bare = path.join(folder, "bare.config.mjs");
  const withPlugin = path.join(folder, "plugin.config.mjs");
  writeFileSync(bare, [...common, "export default [ignores, typescript];", ""].join("\n"));
  writeFileSync(
    withPlugin,
    [
      `import flaglint from ${plugin};`,
      ...common,
      "export default [ignores, typescript, ...[flaglint.configs.recommended].flat().map((config) => ({ ...config, files })),",
      `  { files, settings: { flaglint: { now: ${JSON.stringify(now)} } } }];`,
      "",
    ].join("\n"),
  );
  return { bare, withPlugin };
}

/** Runs `argv` with node in `dir`; its stdout, or a failure that says which command and why. */
function run(argv, dir, okExit = [0, 1]) {
  const child = spawnSync(process.execPath, argv, { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  if (child.error || !okExit.includes(child.status)) {
    const why = child.error?.message ?? child.stderr.trim().split("\n").slice(-3).join(" / ");
    throw new Error(`${path.basename(argv[0])} ${argv.slice(1, 3).join(" ")} failed (exit ${child.status}): ${why}`);
  }
  return child.stdout;
}

/** User + system CPU seconds of one ESLint run under GNU time. */
function eslintCpu(config, dir, scratch) {
  const report = path.join(scratch, "time.txt");
  const child = spawnSync(GNU_TIME, ["-f", "%U %S", "-o", report, process.execPath, ESLINT_BIN, "-c", config, "--format", "json", "-o", path.join(scratch, "out.json"), "."], { cwd: dir, stdio: "ignore" });
  const measured = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(existsSync(report) ? readFileSync(report, "utf8") : "");
  if (child.status > 1 || !measured) throw new Error(`eslint -c ${path.basename(config)} failed under ${GNU_TIME} (exit ${child.status})`);
  return Number(measured[1]) + Number(measured[2]);
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  // The findings are the same either way; the CPU rounds are not.
  const problem = options.cpu > 0 ? bundleProblem() : undefined;
  if (problem !== undefined) throw new UsageError(problem);
  const scratch = mkdtempSync(path.join(tmpdir(), "flaglint-eslint-parity-"));
  try {
    const configs = writeConfigs(scratch, options.now);
    const cli = JSON.parse(run([FLAGLINT_BIN, "check", ".", "--format", "json", "--now", options.now], options.dir));
    const eslint = JSON.parse(run(["--max-old-space-size=4096", ESLINT_BIN, "-c", configs.withPlugin, "--format", "json", "."], options.dir));
    const found = compareFindings(cli, eslint, options.dir);
    console.log(`${options.dir}: ESLint linted ${found.linted} files; findings at the same rule, file, line and column: ${found.same}; only in flaglint check: ${found.onlyCli.length}; only in ESLint: ${found.onlyEslint.length}`);
    console.log(`${TICKET}: ${found.ticketFlags} flags with a check; only in flaglint check: ${found.ticketOnlyCli.length}; only in ESLint: ${found.ticketOnlyEslint.length}`);
    if (found.notLinted > 0) console.log(`(${found.notLinted} findings of flaglint check are in files ESLint did not lint: not compared)`);
    for (const place of found.onlyCli) console.log(`  only in flaglint check: ${place}`);
    for (const place of found.onlyEslint) console.log(`  only in ESLint: ${place}`);
    for (const flag of found.ticketOnlyCli) console.log(`  ${TICKET} only in flaglint check: ${flag}`);
    for (const flag of found.ticketOnlyEslint) console.log(`  ${TICKET} only in ESLint: ${flag}`);
    const agree = found.onlyCli.length + found.onlyEslint.length + found.ticketOnlyCli.length + found.ticketOnlyEslint.length === 0;
    if (options.cpu > 0) {
      if (!gnuTimeWorks()) throw new UsageError(`--cpu needs GNU time at ${GNU_TIME} (apt-get install time)`);
      const ratios = [];
      for (let round = 0; round < options.cpu; round++) {
        // Alternating which goes first, so that a machine growing busier does not always weigh on the same one.
        const order = round % 2 === 0 ? ["bare", "withPlugin"] : ["withPlugin", "bare"];
        const cpu = {};
        for (const which of order) cpu[which] = eslintCpu(configs[which], options.dir, scratch);
        ratios.push(cpu.withPlugin / cpu.bare);
        console.log(`round ${round + 1}: parser alone ${cpu.bare.toFixed(2)} s CPU, with the plugin ${cpu.withPlugin.toFixed(2)} s (${(cpu.withPlugin / cpu.bare).toFixed(3)})`);
      }
      console.log(`the plugin's CPU over the parser alone, median of ${ratios.length} rounds: ${((median(ratios) - 1) * 100).toFixed(1)} %`);
    }
    process.exitCode = agree ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`eslint-parity: ${error.message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
