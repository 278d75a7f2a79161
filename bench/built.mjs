// Whether what the benches time is the bundled build. The CLI's binary and the plugin's entry load
// their bundle only while it is at least as new as the build it was made from; after a `tsc -b`
// alone they load the modules tsc wrote, which start slower, and every figure would be skewed.
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Each bundle and the build files it must be at least as new as (cli/bin/flaglint.js, rules/plugin.mjs). */
export const BUNDLES = [
  { bundle: "cli/dist/flaglint.cjs", builds: ["cli/dist/.tsbuildinfo", "packages/core/dist/.tsbuildinfo"] },
  { bundle: "rules/dist/plugin.cjs", builds: ["rules/dist/.tsbuildinfo", "packages/core/dist/.tsbuildinfo"] },
];

/** Why a bench cannot time the bundled build under `repo`, in one line; undefined when it can. */
export function bundleProblem(repo = REPO) {
  const modified = (file) => statSync(path.join(repo, file), { throwIfNoEntry: false })?.mtimeMs;
  for (const { bundle, builds } of BUNDLES) {
    const bundled = modified(bundle);
    if (bundled === undefined) return `${bundle} is missing: run npm run build first`;
    const newer = builds.find((file) => (modified(file) ?? 0) > bundled);
    if (newer !== undefined) return `${bundle} is older than ${newer} (tsc -b ran after the last npm run build), so the slower modules would be timed: run npm run build first`;
  }
  return undefined;
}
