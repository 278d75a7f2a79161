// `node bench/apps.mjs <dir>...`: the budgets of `npm run bench` measured on code bases of your own
// (each with its registry: one `flaglint init` wrote, say), as a user meets them.
//
// For each folder, in alternating rounds: the floor (bench/floor.mjs: read every .ts/.tsx file and
// run one regular expression), a cold `flaglint check`, a warm `check --cache` (nothing changed
// since the last run) and a `check --cache` after one edited file: a line comment appended to a
// file that holds a flag check, so that the run parses it again. The file's text is put back as it
// was when the rounds end, or are stopped. The cache lives in a temporary folder, removed at the end.
//
//   node bench/apps.mjs [--runs N] [--now YYYY-MM-DD] [--json FILE] <dir>...
//
//   --runs N     rounds per folder (default 5); the medians are reported, as ratios to the floor's
//   --now DATE   the day `check` judges by (default: today, UTC); it changes nothing it times
//   --json FILE  also write every sample and ratio there
//
// Exit code 1 when a command fails, 2 on a usage error. Run `npm run build` first.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { integerArg, median, printHelp, UsageError } from "./args.mjs";
import { bundleProblem } from "./built.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const FLAGLINT_BIN = path.join(path.dirname(BENCH_DIR), "cli/bin/flaglint.js");
const FLOOR = path.join(BENCH_DIR, "floor.mjs");
/** Issue 14's budgets, as ratios to the floor. */
export const BUDGETS = { cold: 4, warm: 1.5, edit: 2 };
const SOURCE = /\.[cm]?[jt]sx?$/;

function parseArgs(argv) {
  const options = { runs: 5, now: new Date().toISOString().slice(0, 10), json: undefined, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") options.runs = integerArg(arg, argv[++i], 1);
    else if (arg === "--now") options.now = argv[++i] ?? "";
    else if (arg === "--json") options.json = path.resolve(argv[++i] ?? "");
    else if (arg === "--help" || arg === "-h") printHelp(import.meta.url, 0, 16);
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else options.dirs.push(path.resolve(arg));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.now)) throw new UsageError(`--now takes a date as YYYY-MM-DD, got ${options.now || "nothing"}`);
  if (options.dirs.length === 0) throw new UsageError("give the folders to measure: node bench/apps.mjs <dir>...");
  for (const dir of options.dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir} is not a folder`);
  }
  return options;
}

/**
 * The file to edit: the first, by path, of those that hold a flag check in `check --format json`'s
 * document, so that the edited run parses it again. Undefined when the code base checks no flag.
 */
export function editTarget(document) {
  const files = [...new Set(document.references.map((reference) => reference.file))].filter((file) => SOURCE.test(file)).sort();
  return files[0];
}

/** Medians of each measure's seconds, and the ratio of each run's median to the floor's, with its budget's verdict. */
export function summarize(samples) {
  const floor = median(samples.floor);
  const ratios = {};
  for (const measure of Object.keys(BUDGETS)) {
    const ratio = median(samples[measure]) / floor;
    ratios[measure] = { seconds: median(samples[measure]), ratio, withinBudget: ratio <= BUDGETS[measure] };
  }
  return { floorSeconds: floor, ...ratios };
}

/** One line of the report: `unleash  5,885 files  152 parsed  floor 0.13 s  cold 0.71 s 5.51× (over 4×)  warm 1.43×  one edit 1.87×`. */
export function formatRow(name, files, parsed, summary) {
  const verdict = (measure) => (summary[measure].withinBudget ? "" : ` (over ${BUDGETS[measure]}×)`);
  const ratio = (measure) => `${summary[measure].ratio.toFixed(2)}×${verdict(measure)}`;
  return [
    name.padEnd(16),
    `${files.toLocaleString("en-US")} files`.padStart(12),
    `${parsed.toLocaleString("en-US")} parsed`.padStart(11),
    `floor ${summary.floorSeconds.toFixed(2)} s`,
    `cold ${summary.cold.seconds.toFixed(2)} s ${ratio("cold")}`,
    `warm ${ratio("warm")}`,
    `one edit ${ratio("edit")}`,
  ].join("  ");
}

class CommandFailed extends Error {}

/** Runs Node with `argv` in `cwd`; its wall time in seconds and its output. */
function timed(argv, cwd) {
  const start = performance.now();
  const child = spawnSync(process.execPath, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  // `check` exits 1 when it finds problems, which is what it is for.
  if (child.status !== 0 && child.status !== 1) {
    throw new CommandFailed(`${path.basename(argv[0])} ${argv.slice(1).join(" ")} in ${cwd} exited ${child.status ?? child.signal}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}`);
  }
  return { seconds, stdout: child.stdout };
}

function measure(dir, options, scratch) {
  const check = (...extra) => [FLAGLINT_BIN, "check", ".", "--format", "json", "--now", options.now, ...extra];
  const document = JSON.parse(timed(check(), dir).stdout);
  const file = editTarget(document);
  if (file === undefined) throw new CommandFailed(`${dir}: flaglint check found no flag check to edit (does it have a registry?)`);
  const cache = ["--cache", "--cache-location", path.join(scratch, `${path.basename(dir)}.json`)];
  timed(check(...cache, "-o", "/dev/null"), dir);
  const edited = path.join(dir, file);
  const original = readFileSync(edited);
  const restore = () => writeFileSync(edited, original);
  const stop = () => {
    restore();
    process.exit(130);
  };
  process.once("SIGINT", stop);
  const samples = { floor: [], cold: [], warm: [], edit: [] };
  try {
    for (let round = 0; round < options.runs; round++) {
      samples.floor.push(timed([FLOOR, "."], dir).seconds);
      samples.cold.push(timed(check("-o", "/dev/null"), dir).seconds);
      samples.warm.push(timed(check(...cache, "-o", "/dev/null"), dir).seconds);
      writeFileSync(edited, Buffer.concat([original, Buffer.from(`\n// flaglint bench: edit ${round}\n`)]));
      samples.edit.push(timed(check(...cache, "-o", "/dev/null"), dir).seconds);
    }
  } finally {
    restore();
    process.removeListener("SIGINT", stop);
  }
  return { dir, edited: file, files: document.summary.files, parsed: document.summary.parsed, samples, summary: summarize(samples) };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const problem = bundleProblem();
  if (problem !== undefined) throw new UsageError(problem);
  const scratch = mkdtempSync(path.join(tmpdir(), "flaglint-apps-"));
  const results = [];
  try {
    console.log(`flaglint apps bench — ${options.runs} rounds each, medians as ratios to the floor (budgets: cold ≤ ${BUDGETS.cold}×, warm ≤ ${BUDGETS.warm}×, one edit ≤ ${BUDGETS.edit}×)`);
    for (const dir of options.dirs) {
      const result = measure(dir, options, scratch);
      results.push(result);
      console.log(formatRow(path.basename(dir), result.files, result.parsed, result.summary));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (options.json !== undefined) writeFileSync(options.json, JSON.stringify({ version: 1, now: options.now, runs: options.runs, node: process.version, results }, null, 2) + "\n");
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    if (error instanceof UsageError || error instanceof CommandFailed) {
      console.error(`flaglint bench: ${error.message}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    } else {
      throw error;
    }
  }
}
