// `npm run bench:instructions`: what the ESLint plugin costs, counted in machine instructions.
//
// SPEC §8 gives the plugin 5 % over ESLint with no rules. CPU seconds of two ESLint runs minutes
// apart differ by more than that on a shared machine (`npm run bench` measured 7.6 % and 21.0 % for
// one commit), so this counts the instructions each run executes instead, under valgrind
// (cachegrind without its cache model) and `node --predictable`, which runs V8's collector and
// optimising compiler on the main thread. One setup repeats within about 1 %.
//
// What still moves the count is V8 itself: a small change in what the heap holds moves when
// collections run and which functions get optimised, by up to 2 % either way on one package (a bare
// run with a few kilobytes more kept alive counted 1.5 % fewer instructions). So each package of the
// bench tree is one sample, run on its own, and the mean over the packages with its spread is the
// figure to read, not any one package.
//
//   node bench/instructions.mjs [--quick] [--packages N] [--jobs N] [--seed N] [--keep] [--json FILE]
//
//   --quick       the ~600-file tree: a check that the script works, no figure to quote
//   --packages N  the first N packages of the tree (default: all eight)
//   --jobs N      runs at once (default: the number of CPUs; counts do not depend on it)
//   --seed N      generator seed (default 1)
//   --keep        generate into a fixed temp dir, reuse it when it is current, leave it there
//   --json FILE   where the results go (default bench/results/instructions.json)
//
// Needs valgrind (apt-get install valgrind). A run under valgrind is some 50 times slower than
// without: each package takes about two minutes per configuration on one core.

import { spawn, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { integerArg, printHelp, UsageError } from "./args.mjs";
import { bundleProblem } from "./built.mjs";
import { ESLINT_BARE_CONFIG, ESLINT_CONFIG, ESLINT_NOOP_CONFIG, prepareTree } from "./generate.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH_DIR);
const ESLINT_BIN = path.join(REPO, "node_modules/eslint/bin/eslint.js");
const BUDGET_PERCENT = 5;
const CONFIGS = [
  { id: "bare", file: ESLINT_BARE_CONFIG, label: "ESLint, no rules" },
  { id: "noop", file: ESLINT_NOOP_CONFIG, label: "ESLint, nine no-op rules" },
  { id: "plugin", file: ESLINT_CONFIG, label: "ESLint + flaglint" },
];

function parseArgs(argv) {
  const options = { quick: false, packages: null, jobs: cpus().length, seed: 1, keep: false, json: path.join(BENCH_DIR, "results", "instructions.json") };
  const positive = (flag, value) => integerArg(flag, value, 1);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--packages") options.packages = positive(arg, argv[++i]);
    else if (arg === "--jobs") options.jobs = positive(arg, argv[++i]);
    else if (arg === "--seed") options.seed = positive(arg, argv[++i]);
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--json") options.json = path.resolve(argv[++i] ?? "");
    else if (arg === "--help" || arg === "-h") printHelp(import.meta.url, 14, 23);
    else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

/** `==123== I   refs:      14,926,928,643` -> 14926928643; null when the report has no such line. */
export function instructionsFrom(report) {
  const found = /I\s+refs:\s+([\d,]+)/.exec(report);
  return found ? Number(found[1].replaceAll(",", "")) : null;
}

function valgrindWorks() {
  const probe = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** One ESLint run under cachegrind: its instruction count, or why there is none. */
function countInstructions(tree, config, folder) {
  const argv = [
    "--tool=cachegrind",
    "--cache-sim=no",
    "--cachegrind-out-file=/dev/null",
    process.execPath,
    "--predictable",
    ESLINT_BIN,
    "-c",
    config,
    "--format",
    "json",
    "-o",
    "/dev/null",
    folder,
  ];
  return new Promise((resolve) => {
    const child = spawn("valgrind", argv, { cwd: tree, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ problem: `could not start valgrind: ${error.message}` }));
    child.on("close", (status) => {
      const count = instructionsFrom(stderr);
      // ESLint exits 1 when it reports problems (the plugin does, on purpose); 2 is a crash.
      if (count === null || (status !== 0 && status !== 1)) resolve({ problem: `exit code ${status}: ${stderr.trim().split("\n").slice(-5).join(" | ")}` });
      else resolve({ count });
    });
  });
}

/** Runs `tasks` (functions returning promises), at most `jobs` at once, in order of start. */
async function pool(tasks, jobs) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return results;
}

const percentOver = (value, base) => ((value - base) / base) * 100;

export function summarize(values) {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd, min: Math.min(...values), max: Math.max(...values), samples: values.length };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const valgrind = valgrindWorks();
  if (valgrind === null) {
    console.error("flaglint bench: valgrind is not installed; it counts the instructions (apt-get install valgrind)");
    return 2;
  }
  const problem = bundleProblem();
  if (problem !== undefined) throw new UsageError(problem);
  const tree = prepareTree(options).dir;
  try {
    const packages = readdirSync(path.join(tree, "packages")).sort().slice(0, options.packages ?? undefined);
    console.log(`flaglint instructions bench — ${options.quick ? "quick" : "full"} tree, ${packages.length} packages × ${CONFIGS.length} configurations, ${options.jobs} at once, ${valgrind}, node ${process.version}`);
    const tasks = packages.flatMap((name) =>
      CONFIGS.map((config) => async () => {
        const result = await countInstructions(tree, config.file, path.join("packages", name));
        console.log(`  ${name.padEnd(16)} ${config.label.padEnd(26)} ${result.count === undefined ? `FAILED: ${result.problem}` : `${(result.count / 1e9).toFixed(2)} G`}`);
        return { name, config: config.id, ...result };
      }),
    );
    const runs = await pool(tasks, options.jobs);
    const failures = runs.filter((run) => run.count === undefined);
    const byPackage = packages.map((name) => {
      const count = (id) => runs.find((run) => run.name === name && run.config === id)?.count;
      const [bare, noop, plugin] = CONFIGS.map(({ id }) => count(id));
      return { name, bare, noop, plugin };
    });
    const complete = byPackage.filter(({ bare, noop, plugin }) => bare && noop && plugin);
    const pluginOverBare = complete.map((p) => percentOver(p.plugin, p.bare));
    const noopOverBare = complete.map((p) => percentOver(p.noop, p.bare));
    const pluginOverNoop = complete.map((p) => percentOver(p.plugin, p.noop));
    const total = (id) => complete.reduce((sum, p) => sum + p[id], 0);

    console.log("");
    console.log(`${"package".padEnd(16)} ${"plugin / bare".padStart(14)} ${"no-op / bare".padStart(13)} ${"plugin / no-op".padStart(15)}`);
    const pct = (v) => `${v >= 0 ? "+" : ""}${v.toFixed(1)} %`;
    complete.forEach((p, i) => console.log(`${p.name.padEnd(16)} ${pct(pluginOverBare[i]).padStart(14)} ${pct(noopOverBare[i]).padStart(13)} ${pct(pluginOverNoop[i]).padStart(15)}`));
    const ratios = complete.length
      ? {
          pluginOverBarePercent: summarize(pluginOverBare),
          noopOverBarePercent: summarize(noopOverBare),
          pluginOverNoopPercent: summarize(pluginOverNoop),
          pluginOverBareAllPackagesPercent: percentOver(total("plugin"), total("bare")),
        }
      : null;
    if (ratios) {
      const line = (label, s) => console.log(`${label.padEnd(16)} ${pct(s.mean).padStart(14)}  ± ${s.sd.toFixed(1)} (sd over ${s.samples} packages; ${pct(s.min)} to ${pct(s.max)})`);
      console.log("");
      line("plugin / bare", ratios.pluginOverBarePercent);
      line("no-op / bare", ratios.noopOverBarePercent);
      line("plugin / no-op", ratios.pluginOverNoopPercent);
      const verdict = ratios.pluginOverBarePercent.mean < BUDGET_PERCENT ? "within budget" : "OVER BUDGET";
      console.log(`plugin over bare ESLint, all packages' instructions summed: ${pct(ratios.pluginOverBareAllPackagesPercent)} (budget < ${BUDGET_PERCENT} % on the mean: ${verdict})`);
    }
    mkdirSync(path.dirname(options.json), { recursive: true });
    writeFileSync(
      options.json,
      JSON.stringify({ version: 1, finishedAt: new Date().toISOString(), valgrind, node: process.version, seed: options.seed, packages: byPackage, ratios, failures }, null, 2) + "\n",
    );
    console.log(`results: ${path.relative(process.cwd(), options.json)}`);
    return failures.length ? 1 : 0;
  } finally {
    if (!options.keep) rmSync(tree, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof UsageError ? `flaglint bench: ${error.message}` : error);
      process.exit(2);
    },
  );
}
