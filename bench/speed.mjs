// The bench's scale figures (issue 14), measured in the same rounds as the rest of bench/run.mjs:
// flaglint with a warm `--cache`, with a warm cache after one edited file, and the tree split in
// two shards plus the merge, each as a ratio to the floor or to one cold run.
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

const SHARDS = 2;
/** Files the commands write, relative to the tree (not source files, so no run reads them). */
const WARM_CACHE = "node_modules/.cache/flaglint-bench/warm.json";
const EDIT_CACHE = "node_modules/.cache/flaglint-bench/edit.json";
const shardFile = (index) => `node_modules/.cache/flaglint-bench/shard-${index}.json`;

export const SPEED_BUDGET = { coldOverFloor: 4, warmOverFloor: 1.5, editOverFloor: 2 };

/** The commands, for bench/run.mjs's list: `prepare` runs untimed before each timed run. */
export function speedCommands({ node, repo, target, now }) {
  const flaglint = (...args) => [node, path.join(repo, "cli/bin/flaglint.js"), ...args];
  const check = (...args) => flaglint("check", target, "--format", "json", "--now", now, "-o", "/dev/null", ...args);
  /** Fills the cache once, untimed, the first time a command runs. */
  const warmUp = (argv, cache) => (where, round) => {
    if (round === 1) rmSync(path.join(where.tree, cache), { force: true });
    if (!existsSync(path.join(where.tree, cache))) spawnSync(argv[0], argv.slice(1), { cwd: where.tree, stdio: "ignore" });
  };
  const warmArgv = check("--cache", "--cache-location", WARM_CACHE);
  const editArgv = check("--cache", "--cache-location", EDIT_CACHE);
  const list = [
    {
      id: "flaglintWarm",
      label: "flaglint --cache (warm)",
      argv: warmArgv,
      okExit: [0, 1],
      // Warm means nothing changed since the last run: the edit below changes a file every round,
      // so the cache is brought up to date, untimed, before each timed run.
      prepare: (where, round) => {
        if (round === 1) rmSync(path.join(where.tree, WARM_CACHE), { force: true });
        spawnSync(warmArgv[0], warmArgv.slice(1), { cwd: where.tree, stdio: "ignore" });
      },
    },
    {
      id: "flaglintEdit",
      label: "flaglint --cache, 1 edit",
      argv: editArgv,
      okExit: [0, 1],
      prepare: (where, round) => {
        warmUp(editArgv, EDIT_CACHE)(where, round);
        // One file changes between runs, as in a pre-commit run: the first flag-check file found.
        appendFileSync(path.join(where.tree, editedFile(where.tree, target)), `// edit ${round}\n`);
      },
    },
  ];
  for (let index = 1; index <= SHARDS; index++) {
    list.push({
      id: `flaglintShard${index}`,
      label: `flaglint --shard ${index}/${SHARDS}`,
      argv: flaglint("check", target, "--format", "json", "--now", now, "--shard", `${index}/${SHARDS}`, "-o", shardFile(index)),
      okExit: [0],
    });
  }
  list.push({
    id: "flaglintMerge",
    label: `flaglint merge (${SHARDS} shards)`,
    argv: flaglint("merge", ...Array.from({ length: SHARDS }, (_, index) => shardFile(index + 1)), "--format", "json", "-o", "/dev/null"),
    okExit: [0, 1],
  });
  return list;
}

let edited;
/** A file of the tree that checks a flag, found once: the same one is edited every round. */
function editedFile(tree, target) {
  if (edited) return edited;
  const manifest = JSON.parse(readFileSync(path.join(tree, "bench-tree.json"), "utf8"));
  edited = manifest.editFile ?? findCheck(tree, target);
  return edited;
}

function findCheck(tree, target) {
  const found = spawnSync("grep", ["-rl", "--include=*.ts", "isEnabled(", target], { cwd: tree, encoding: "utf8" });
  const file = found.stdout.split("\n").filter(Boolean).sort()[0];
  if (!file) throw new Error("bench: no file with a flag check to edit");
  return file;
}

/** The ratios: cold, warm and warm-after-an-edit over the floor; the shards' sum and the merge over one run. */
export function speedRatios(results, failed) {
  const wall = (id) => (failed.has(id) || !results[id] ? null : results[id].wallSeconds.median);
  const over = (a, b) => (wall(a) === null || wall(b) === null ? `n/a (${[a, b].filter((id) => wall(id) === null).join(", ")} missing)` : wall(a) / wall(b));
  const shardIds = Array.from({ length: SHARDS }, (_, index) => `flaglintShard${index + 1}`);
  const shardWalls = shardIds.map(wall);
  const sum = shardWalls.includes(null) ? null : shardWalls.reduce((total, value) => total + value, 0);
  return {
    coldOverFloor: over("flaglint", "floor"),
    warmOverFloor: over("flaglintWarm", "floor"),
    editOverFloor: over("flaglintEdit", "floor"),
    shardsSumOverOne: sum === null || wall("flaglint") === null ? "n/a (a shard failed)" : sum / wall("flaglint"),
    slowestShardOverOne: sum === null || wall("flaglint") === null ? "n/a (a shard failed)" : Math.max(...shardWalls) / wall("flaglint"),
    mergeOverOne: over("flaglintMerge", "flaglint"),
  };
}

export function speedVerdicts(r) {
  const verdict = (value, limit) => (typeof value === "number" ? (value <= limit ? "within budget" : "OVER BUDGET") : null);
  return {
    coldOverFloor: verdict(r.coldOverFloor, SPEED_BUDGET.coldOverFloor),
    warmOverFloor: verdict(r.warmOverFloor, SPEED_BUDGET.warmOverFloor),
    editOverFloor: verdict(r.editOverFloor, SPEED_BUDGET.editOverFloor),
  };
}

export function printSpeedRatios(r, verdicts) {
  const show = (value) => (typeof value === "number" ? `${value.toFixed(2)}x` : value);
  const line = (label, value, budget, verdict) =>
    console.log(`  ${label.padEnd(38)}${show(value).padEnd(12)}${verdict ? `(budget ≤ ${budget}x: ${verdict})` : ""}`);
  console.log("");
  console.log("scale (medians)");
  line("cold / floor", r.coldOverFloor, SPEED_BUDGET.coldOverFloor, verdicts.coldOverFloor);
  line("warm --cache / floor", r.warmOverFloor, SPEED_BUDGET.warmOverFloor, verdicts.warmOverFloor);
  line("warm --cache, 1 edit / floor", r.editOverFloor, SPEED_BUDGET.editOverFloor, verdicts.editOverFloor);
  line(`sum of ${SHARDS} shards / one run`, r.shardsSumOverOne);
  line("slowest shard / one run", r.slowestShardOverOne);
  line("merge / one run", r.mergeOverOne);
}
