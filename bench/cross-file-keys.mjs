// What the cross-file index of keys costs a cold `flaglint check`: two generated trees with the same
// 6,000-odd files and the same 1,200 checks, one writing each key as a literal ("sales_channels"),
// the other reading it from a definition module (`export default { key: … }`, one per flag) through
// a barrel, a default import and lists of keys. Runs alternate; the CPU time (user + system) of each
// run is compared by medians, since wall time on a shared machine is mostly noise.
//
//   node bench/cross-file-keys.mjs [--runs N] [--keep]

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./args.mjs";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CLI = path.join(REPO, "cli/bin/flaglint.js");
const NOW = "2026-11-26";
const FLAGS = 260;
const FILES = 6000;
const CHECKERS = 600;

function generate(root, style) {
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const registry = ["version: 1", "detect:", "  sdks: []", "  calls:", "    - object: featureFlagRouter", "      method: isFeatureEnabled", "flags:"];
  const barrel = [];
  for (let i = 0; i < FLAGS; i++) {
    registry.push(`  flag_${i}:`, "    type: ops");
    write(
      `src/flags/flag-${i}.ts`,
      `import type { FlagSettings } from "../types";\n\nconst Flag${i}: FlagSettings = {\n  key: "flag_${i}",\n  default_val: false,\n  env_key: "FF_${i}",\n  description: "Flag ${i}",\n};\n\nexport default Flag${i};\n`,
    );
    barrel.push(`export { default as Flag${i} } from "./flag-${i}";`);
  }
  write("feature-flags.yaml", `${registry.join("\n")}\n`);
  write("src/types.ts", "export type FlagSettings = { key: string; default_val: boolean; env_key: string; description: string };\n");
  write("src/flags/index.ts", `${barrel.join("\n")}\n`);
  const filler = Array.from(
    { length: 30 },
    (_, j) => `export function step${j}(a: number, b: string) {\n  const x = a * ${j} + b.length;\n  return { x, label: \`item-\${x}\` };\n}`,
  ).join("\n");
  for (let i = 0; i < FILES; i++) {
    if (i >= CHECKERS) {
      write(`src/other/module-${i}.ts`, `${filler}\n`);
      continue;
    }
    const a = i % FLAGS;
    const b = (i * 7) % FLAGS;
    const imported = style === "imported";
    const head = imported ? `import { Flag${a} } from "../flags";\nimport Flag${b}Default from "../flags/flag-${b}";\n\n` : "";
    const first = imported ? `Flag${a}.key` : `"flag_${a}"`;
    const second = imported ? `Flag${b}Default.key` : `"flag_${b}"`;
    write(
      `src/services/service-${i}.ts`,
      `${head}export function enabled(featureFlagRouter: { isFeatureEnabled(key: string | string[]): boolean }) {\n  return featureFlagRouter.isFeatureEnabled(${first}) && featureFlagRouter.isFeatureEnabled([${second}]);\n}\n${filler}\n`,
    );
  }
}

/** CPU seconds (user + system) of one cold run, and what it found. */
function check(root) {
  const before = childrenCpu();
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, "check", ".", "--format", "json", "--now", NOW], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`flaglint check exited ${run.status}: ${run.stderr}`);
  const after = childrenCpu();
  return { result: JSON.parse(run.stdout), cpu: before === undefined || after === undefined ? wall : after - before };
}

// Clock ticks per second of /proc's times: 100 on every Linux this runs on (USER_HZ).
const TICKS = 100;

/** CPU seconds of this process's finished children (cutime + cstime of /proc/self/stat); `undefined` off Linux. */
function childrenCpu() {
  try {
    // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return undefined;
  }
}

export function main(argv) {
  const runs = Number(argv[argv.indexOf("--runs") + 1]) || 5;
  const keep = argv.includes("--keep");
  const scratch = mkdtempSync(path.join(tmpdir(), "flaglint-cross-file-"));
  const trees = { literal: path.join(scratch, "literal"), imported: path.join(scratch, "imported") };
  try {
    for (const [style, root] of Object.entries(trees)) generate(root, style);
    const times = { literal: [], imported: [] };
    for (let round = 0; round < runs; round++) {
      for (const style of ["literal", "imported"]) {
        const { result, cpu } = check(trees[style]);
        const dynamic = result.references.filter((reference) => reference.dynamic).length;
        if (result.references.length !== CHECKERS * 2 || dynamic > 0) {
          throw new Error(`${style}: ${result.references.length} references, ${dynamic} dynamic (expected ${CHECKERS * 2}, 0)`);
        }
        times[style].push(cpu);
        console.log(`  round ${round + 1}/${runs}  ${style.padEnd(8)}  ${cpu.toFixed(2)} s CPU`);
      }
    }
    const range = (values) => `${median(values).toFixed(2)} s (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
    console.log(`\n${FILES + FLAGS + 3} files, ${CHECKERS * 2} checks, CPU per cold check, median (min–max):`);
    console.log(`  literal keys                   ${range(times.literal)}`);
    console.log(`  keys from definition modules   ${range(times.imported)}`);
    console.log(`  index cost (medians)           ${((median(times.imported) / median(times.literal) - 1) * 100).toFixed(1)} %  (budget: 10 %)`);
  } finally {
    if (keep) console.log(`trees kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
