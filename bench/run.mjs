// `npm run bench`: times flaglint (and its start-up alone) against ESLint with the plugin, bare
// ESLint, a Node read-and-regex floor and ripgrep on one generated monorepo, round-robin in one
// process so they share the machine's mood (the ESLint runs in reverse order every other round),
// and reports ratios (SPEC §8): these machines are too noisy for raw seconds.
//
//   node bench/run.mjs [--quick] [--runs N] [--seed N] [--keep] [--json FILE]
//
//   --quick      the ~600-file tree and 2 rounds: a smoke test for CI (no budget verdicts)
//   --runs N     rounds (default 5; 2 with --quick)
//   --seed N     generator seed (default 1)
//   --keep       generate into a fixed temp dir, reuse it when it is current, leave it there
//   --json FILE  where the results go (default bench/results/latest.json)
//
// Exit code 1 when a command fails (eslint's and flaglint's exit 1 just mean "found problems").

import { spawnSync } from "node:child_process";
import { accessSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSpeedRatios, speedCommands, speedRatios, speedVerdicts, SPEED_BUDGET } from "./speed.mjs";
import { GNU_TIME, gnuTimeWorks, integerArg, median, printHelp, UsageError } from "./args.mjs";
import { bundleProblem } from "./built.mjs";
import { ESLINT_BARE_CONFIG, ESLINT_CONFIG, ESLINT_NOOP_CONFIG, NOW, prepareTree } from "./generate.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH_DIR);
/** Every command gets this path (relative to the tree): the same files for all, configs left out. */
const TARGET = "packages";
const BUDGET = { eslintOverFlaglint: 20, pluginOverheadPercent: 5, flaglintRssMb: 300 };
const STDERR_TAIL_LINES = 20;

function parseArgs(argv) {
  const options = { quick: false, runs: null, seed: 1, keep: false, json: path.join(BENCH_DIR, "results", "latest.json") };
  const integer = (flag, value) => integerArg(flag, value, 0);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--runs") options.runs = integer(arg, argv[++i]);
    else if (arg === "--seed") options.seed = integer(arg, argv[++i]);
    else if (arg === "--json") options.json = path.resolve(argv[++i] ?? "");
    else if (arg === "--help" || arg === "-h") printHelp(import.meta.url, 5, 14);
    else throw new UsageError(`unknown option ${arg}`);
  }
  options.runs ??= options.quick ? 2 : 5;
  if (options.runs < 1) throw new UsageError("--runs must be at least 1");
  return options;
}

// ---------------------------------------------------------------------------------------------
// Tools

function onPath(command) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Commands

function commands({ rg }) {
  const node = process.execPath;
  const eslint = (config) => [node, path.join(REPO, "node_modules/eslint/bin/eslint.js"), "-c", config, "--format", "json", "-o", "/dev/null", "--no-error-on-unmatched-pattern", TARGET];
  const list = [
    {
      id: "flaglint",
      label: "flaglint check",
      argv: [node, path.join(REPO, "cli/bin/flaglint.js"), "check", TARGET, "--format", "json", "--now", NOW],
      okExit: [0, 1], // 1: error-level findings, which the tree plants on purpose
      readStdout: (text) => {
        const result = JSON.parse(text);
        if (typeof result?.summary !== "object") throw new Error("JSON output has no summary");
        const findingsByRule = {};
        for (const finding of result.findings ?? []) findingsByRule[finding.rule] = (findingsByRule[finding.rule] ?? 0) + 1;
        return { ...result.summary, findingsByRule };
      },
    },
    // The fixed cost in every flaglint run (Node, the CLI, the TypeScript compiler): the rest is the tree.
    { id: "flaglintStartup", label: "flaglint --version", argv: [node, path.join(REPO, "cli/bin/flaglint.js"), "--version"], okExit: [0] },
    { id: "eslintPlugin", label: "eslint + flaglint", argv: eslint(ESLINT_CONFIG), okExit: [0, 1] },
    // No rules: exit 1 can only mean a parse error, i.e. a generator bug that would skew the figures.
    { id: "eslintBare", label: "eslint, parser only", argv: eslint(ESLINT_BARE_CONFIG), okExit: [0] },
    // As many rules as the plugin's, each doing nothing: ESLint's own price for running them.
    { id: "eslintNoop", label: "eslint, no-op rules", argv: eslint(ESLINT_NOOP_CONFIG), okExit: [0] },
    {
      id: "floor",
      label: "floor (node read+regex)",
      argv: [node, path.join(BENCH_DIR, "floor.mjs"), TARGET],
      okExit: [0],
      readStdout: (text) => JSON.parse(text),
    },
  ];
  list.push(...speedCommands({ node, repo: REPO, target: TARGET, now: NOW }));
  if (rg) {
    list.push({
      id: "rg",
      label: "rg -l",
      argv: [rg, "-l", "isEnabled|useFlag", TARGET],
      okExit: [0, 1], // 1: nothing matched
      readStdout: (text) => ({ matched: text.split("\n").filter(Boolean).length }),
    });
  }
  return list;
}

/**
 * The commands in the order of one round: the ESLint runs (the plugin, bare, no-op rules) are
 * reversed every other round, so that a machine growing busier or quieter over a round weighs
 * alike on the runs whose ratio the bench reports, not always against the one that comes last.
 */
function roundOrder(list, round) {
  if (round % 2 === 1) return list;
  const reversed = list.filter(isEslintRun).reverse();
  let next = 0;
  return list.map((command) => (isEslintRun(command) ? reversed[next++] : command));
}

const isEslintRun = (command) => command.id.startsWith("eslint");

/** Runs one command once; returns wall seconds, peak RSS in MB (or null) and what it printed. */
function runOnce(command, { tree, scratch, timed, round }) {
  command.prepare?.({ tree, scratch }, round);
  const files = Object.fromEntries(["stdout", "stderr", "time"].map((kind) => [kind, path.join(scratch, `${command.id}.${kind}`)]));
  const out = openSync(files.stdout, "w");
  const err = openSync(files.stderr, "w");
  // %U %S: the whole process's user and system CPU, the cost a busy machine's wall clock blurs.
  const argv = timed ? [GNU_TIME, "-f", "%e %M %U %S", "-o", files.time, ...command.argv] : command.argv;
  const started = performance.now();
  const child = spawnSync(argv[0], argv.slice(1), { cwd: tree, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", out, err] });
  const wall = (performance.now() - started) / 1000;
  closeSync(out);
  closeSync(err);

  const sample = { wall, rssMb: null, cpu: null };
  const timeReport = timed && existsSync(files.time) ? readFileSync(files.time, "utf8") : "";
  // GNU time prefixes "Command exited with non-zero status N" or "Command terminated by signal N".
  const measured = /(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(timeReport);
  if (measured) {
    sample.rssMb = Number(measured[2]) / 1024;
    sample.cpu = Number(measured[3]) + Number(measured[4]);
  }
  const signal = child.signal ?? /terminated by signal (\d+)/.exec(timeReport)?.[1] ?? null;

  let problem = null;
  if (child.error) problem = `could not start: ${child.error.message}`;
  else if (signal) problem = `killed by signal ${signal}`;
  else if (!command.okExit.includes(child.status)) problem = `exit code ${child.status}`;
  else if (command.readStdout) {
    try {
      sample.output = command.readStdout(readFileSync(files.stdout, "utf8"));
    } catch (error) {
      problem = `exit code ${child.status} but unreadable output (${error.message})`;
    }
  }
  if (problem) {
    const stderr = readFileSync(files.stderr, "utf8").trimEnd().split("\n").slice(-STDERR_TAIL_LINES).join("\n");
    return { ...sample, failure: { problem, exitCode: child.status, stderrTail: stderr } };
  }
  return sample;
}

// ---------------------------------------------------------------------------------------------
// Figures

function summarize(command, samples) {
  const walls = samples.map((s) => s.wall);
  const rss = samples.map((s) => s.rssMb).filter((v) => v !== null);
  const cpu = samples.map((s) => s.cpu).filter((v) => v !== null);
  return {
    label: command.label,
    argv: command.argv.map((a) => a.replace(REPO, "<repo>")),
    runs: samples.length,
    wallSeconds: { median: median(walls), min: Math.min(...walls), max: Math.max(...walls), samples: walls },
    peakRssMb: rss.length ? { median: median(rss), samples: rss } : null,
    cpuSeconds: cpu.length ? { median: median(cpu), samples: cpu } : null,
    output: samples.find((s) => s.output)?.output,
  };
}

/** Ratios only from commands that never failed; the rest say why they are missing. */
function ratios(results, failed) {
  const wall = (id) => results[id]?.wallSeconds.median;
  const missing = (...ids) => {
    const gone = ids.filter((id) => failed.has(id) || !results[id]);
    return gone.length ? `n/a (${gone.join(", ")} ${gone.some((id) => failed.has(id)) ? "failed" : "not run"})` : null;
  };
  const out = {};
  out.eslintPluginOverFlaglint = missing("eslintPlugin", "flaglint") ?? wall("eslintPlugin") / wall("flaglint");
  out.flaglintOverFloor = missing("flaglint", "floor") ?? wall("flaglint") / wall("floor");
  out.pluginOverheadPercent = missing("eslintPlugin", "eslintBare") ?? ((wall("eslintPlugin") - wall("eslintBare")) / wall("eslintBare")) * 100;
  out.pluginOverheadOverNoopPercent =
    missing("eslintPlugin", "eslintNoop") ?? ((wall("eslintPlugin") - wall("eslintNoop")) / wall("eslintNoop")) * 100;
  // SPEC §8's "under 5 %": whole-process CPU (user + system) of ESLint with the recommended config
  // over the same ESLint, same parser, no rules; the runs alternate (measure's round-robin).
  const cpu = (id) => results[id]?.cpuSeconds?.median;
  const cpuOver = (id, base) =>
    missing(id, base) ?? (cpu(id) === undefined || cpu(base) === undefined ? "n/a (no /usr/bin/time)" : ((cpu(id) - cpu(base)) / cpu(base)) * 100);
  out.pluginCpuOverheadPercent = cpuOver("eslintPlugin", "eslintBare");
  // The same split in two: ESLint's price for running that many rules, and flaglint's own on top.
  out.noopCpuOverheadPercent = cpuOver("eslintNoop", "eslintBare");
  out.pluginCpuOverNoopPercent = cpuOver("eslintPlugin", "eslintNoop");
  // Each round's plugin / bare CPU: the two ran minutes apart at most, so these show the noise.
  const pluginRounds = results.eslintPlugin?.cpuSeconds?.samples;
  const bareRounds = results.eslintBare?.cpuSeconds?.samples;
  out.pluginCpuRoundRatios =
    pluginRounds && bareRounds && pluginRounds.length === bareRounds.length ? pluginRounds.map((value, round) => Number((value / bareRounds[round]).toFixed(3))) : [];
  out.flaglintPeakRssMb = missing("flaglint") ?? results.flaglint.peakRssMb?.median ?? "n/a (no /usr/bin/time)";
  return out;
}

function budgets(r) {
  const verdict = (value, ok) => (typeof value === "number" ? (ok(value) ? "within budget" : "OVER BUDGET") : null);
  return {
    eslintPluginOverFlaglint: verdict(r.eslintPluginOverFlaglint, (v) => v >= BUDGET.eslintOverFlaglint),
    pluginOverheadPercent: verdict(r.pluginOverheadPercent, (v) => v < BUDGET.pluginOverheadPercent),
    pluginCpuOverheadPercent: verdict(r.pluginCpuOverheadPercent, (v) => v < BUDGET.pluginOverheadPercent),
    flaglintPeakRssMb: verdict(r.flaglintPeakRssMb, (v) => v < BUDGET.flaglintRssMb),
  };
}

// ---------------------------------------------------------------------------------------------
// Printing

const seconds = (s) => (s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`);
const mb = (v) => `${v.toFixed(0)} MB`;
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

function printTable(rows, results, failed) {
  console.log("");
  console.log(`${pad("command", 26)}${padLeft("median wall", 12)}${padLeft("min–max", 19)}${padLeft("peak RSS", 11)}`);
  for (const { id, label } of rows) {
    const result = results[id];
    if (!result) continue;
    const w = result.wallSeconds;
    const range = `${seconds(w.min)}–${seconds(w.max)}`;
    const rss = result.peakRssMb ? mb(result.peakRssMb.median) : "n/a";
    console.log(`${pad(label, 26)}${padLeft(seconds(w.median), 12)}${padLeft(range, 19)}${padLeft(rss, 11)}${failed.has(id) ? "   FAILED" : ""}`);
  }
}

function printRatios(r, verdicts) {
  const show = (value, format) => (typeof value === "number" ? format(value) : value);
  const line = (label, value, budget) => console.log(`  ${pad(label, 38)}${pad(value, 12)}${budget ? `(${budget})` : ""}`);
  console.log("");
  console.log("ratios (medians)");
  line("ESLint+plugin / flaglint", show(r.eslintPluginOverFlaglint, (v) => `${v.toFixed(1)}x`), verdicts.eslintPluginOverFlaglint && `budget ≥ ${BUDGET.eslintOverFlaglint}x: ${verdicts.eslintPluginOverFlaglint}`);
  line("flaglint / floor", show(r.flaglintOverFloor, (v) => `${v.toFixed(1)}x`));
  line("plugin overhead (vs bare ESLint)", show(r.pluginOverheadPercent, (v) => `${v.toFixed(1)} %`), verdicts.pluginOverheadPercent && `budget < ${BUDGET.pluginOverheadPercent} %: ${verdicts.pluginOverheadPercent}`);
  line("plugin CPU overhead (vs bare ESLint)", show(r.pluginCpuOverheadPercent, (v) => `${v.toFixed(1)} %`), verdicts.pluginCpuOverheadPercent && `budget < ${BUDGET.pluginOverheadPercent} %: ${verdicts.pluginCpuOverheadPercent}`);
  line("  no-op rules over bare (CPU)", show(r.noopCpuOverheadPercent, (v) => `${v.toFixed(1)} %`));
  line("  plugin over no-op rules (CPU)", show(r.pluginCpuOverNoopPercent, (v) => `${v.toFixed(1)} %`));
  if (r.pluginCpuRoundRatios.length) line("  plugin / bare CPU by round", r.pluginCpuRoundRatios.map((v) => v.toFixed(2)).join(" "));
  line("plugin overhead (vs no-op rules)", show(r.pluginOverheadOverNoopPercent, (v) => `${v.toFixed(1)} %`));
  line("flaglint peak RSS", show(r.flaglintPeakRssMb, mb), verdicts.flaglintPeakRssMb && `budget < ${BUDGET.flaglintRssMb} MB: ${verdicts.flaglintPeakRssMb}`);
}

function printFailures(failures) {
  for (const f of failures) {
    console.log("");
    console.log(`FAILED: ${f.label} (round ${f.round}): ${f.problem}`);
    console.log(`  ${f.argv.join(" ")}`);
    if (f.stderrTail) console.log(f.stderrTail.replace(/^/gm, "  | "));
    if (f.id === "eslintBare" && f.exitCode === 1) console.log("  (bare ESLint reports nothing but parse errors: the generated tree does not parse)");
  }
}

// ---------------------------------------------------------------------------------------------
// The run

function main() {
  const options = parseArgs(process.argv.slice(2));
  const problem = bundleProblem();
  if (problem !== undefined) throw new UsageError(problem);
  const timed = gnuTimeWorks();
  const rg = onPath("rg");
  const notes = [];
  if (!timed) notes.push(`${GNU_TIME} (GNU time) not found: wall time only, no peak RSS (apt-get install time)`);
  if (!rg) notes.push("rg not on PATH: ripgrep skipped (apt-get install ripgrep)");

  const tree = prepareTree(options);
  const scratch = mkdtempSync(path.join(tmpdir(), "flaglint-bench-out-"));
  try {
    printHeader(options, tree, notes);
    const list = commands({ rg });
    const { results, failures } = measure(list, options.runs, { tree: tree.dir, scratch, timed });
    const failed = new Set(failures.map((f) => f.id));
    const r = ratios(results, failed);
    // The budgets are for the full tree: on the quick one, start-up alone outweighs the work.
    const verdicts = options.quick ? {} : budgets(r);
    printTable(list, results, failed);
    printRatios(r, verdicts);
    const scale = speedRatios(results, failed);
    const scaleVerdicts = options.quick ? {} : speedVerdicts(scale);
    printSpeedRatios(scale, scaleVerdicts);
    if (results.flaglint && !failed.has("flaglint")) printFlaglintFindings(results.flaglint.output, tree.manifest);
    printFailures(failures);
    writeReport(options, {
      version: 1,
      finishedAt: new Date().toISOString(),
      ok: failures.length === 0,
      options: { quick: options.quick, runs: options.runs, seed: options.seed, now: NOW },
      machine: machine(),
      notes,
      tree: { ...tree.manifest, megabytes: Number(megabytes(tree.manifest).toFixed(2)), generateSeconds: tree.generateSeconds, reused: tree.reused },
      commands: results,
      ratios: { ...r, ...scale },
      budget: { limits: { ...BUDGET, ...SPEED_BUDGET }, verdicts: { ...verdicts, ...scaleVerdicts } },
      failures,
    });
    return failures.length ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!options.keep) rmSync(tree.dir, { recursive: true, force: true });
  }
}

/** Round-robin: every round runs each command once, so a noisy minute hits all of them alike. */
function measure(list, runs, where) {
  const samples = Object.fromEntries(list.map((c) => [c.id, []]));
  const failures = [];
  for (let round = 1; round <= runs; round++) {
    for (const command of roundOrder(list, round)) {
      if (failures.some((f) => f.id === command.id)) continue; // one failure is enough to know
      const sample = runOnce(command, { ...where, round });
      const rss = sample.rssMb === null ? "" : `  ${mb(sample.rssMb)}`;
      console.log(`  round ${round}/${runs}  ${pad(command.label, 26)}${padLeft(seconds(sample.wall), 9)}${rss}${sample.failure ? `  FAILED: ${sample.failure.problem}` : ""}`);
      if (sample.failure) {
        failures.push({ id: command.id, label: command.label, round, argv: command.argv.map((a) => a.replace(REPO, "<repo>")), ...sample.failure });
      } else samples[command.id].push(sample);
    }
  }
  const results = {};
  for (const command of list) if (samples[command.id].length) results[command.id] = summarize(command, samples[command.id]);
  return { results, failures };
}

const megabytes = (manifest) => manifest.bytes / 1024 / 1024;

function printHeader(options, tree, notes) {
  const m = tree.manifest;
  const origin = tree.reused ? "reused" : `generated in ${seconds(tree.generateSeconds)}`;
  console.log(`flaglint bench — ${options.quick ? "quick" : "full"} tree, seed ${options.seed}, ${options.runs} rounds, now ${NOW}`);
  console.log(`tree: ${m.files} files, ${m.lines.toLocaleString("en-US")} lines, ${megabytes(m).toFixed(1)} MB, ${m.flagCheckFiles} flag-check files, ${m.flags} flags (${origin}: ${tree.dir})`);
  for (const note of notes) console.log(`note: ${note}`);
}

/** What the generator planted next to what flaglint found: a quick check that it measured real work. */
function printFlaglintFindings(found, manifest) {
  const byRule = Object.entries(found.findingsByRule).sort(([a], [b]) => a.localeCompare(b));
  console.log("");
  console.log(`flaglint saw ${found.files} files, parsed ${found.parsed}, found ${found.references} references, ${found.errors} errors, ${found.warnings} warnings`);
  console.log(`planted: ${manifest.references} checks in ${manifest.flagCheckFiles} files (${manifest.dynamicReferences} dynamic, ${manifest.unknownReferences} unknown keys), ${manifest.removalNotes} removal TODOs`);
  console.log(`findings: ${byRule.map(([rule, n]) => `${rule} ${n}`).join(", ") || "none"}`);
}

function writeReport(options, report) {
  mkdirSync(path.dirname(options.json), { recursive: true });
  writeFileSync(options.json, JSON.stringify(report, null, 2) + "\n");
  const shown = path.relative(process.cwd(), options.json);
  console.log("");
  console.log(`results: ${shown.startsWith("..") ? options.json : shown}`);
}

function machine() {
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(REPO, "node_modules", pkg, "package.json"), "utf8")).version;
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cpus: cpus().length,
    memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    eslint: version("eslint"),
    typescriptEslintParser: version("@typescript-eslint/parser"),
    typescript: version("typescript"),
  };
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`bench: ${error instanceof UsageError ? error.message : error.stack}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
