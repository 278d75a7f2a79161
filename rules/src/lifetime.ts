// How long what the plugin reads from disk holds. ESLint's command line (and each of its
// `--concurrency` workers) reads its config once, lints its files once and exits: a registry, the
// registry a folder has, and the modules keys come from are read once for the run, as ESLint's own
// config is. Any other process (an editor's ESLint server, eslint_d, a script on the Node API) may
// outlive many lints, so each lint asks the disk again: one stat per folder up to the registry, one
// for the registry, one per module a key comes from.
import { realpathSync } from "node:fs";

/** `"run"`: read once for the process; `"watch"`: looked at again on every lint. */
export type Lifetime = "run" | "watch";

/** ESLint's bin (bin/eslint.js) and the worker its `--concurrency` starts (lib/eslint/worker.js). */
const ESLINT_ONE_RUN = /[\\/]eslint[\\/](?:bin[\\/]eslint|lib[\\/]eslint[\\/]worker)\.js$/;

/** The lifetime for a process whose main script is `main` (its real path), or has none. */
export function lifetimeOf(main: string | undefined): Lifetime {
  return main !== undefined && ESLINT_ONE_RUN.test(main) ? "run" : "watch";
}

/** Worked out once, as the plugin loads. `node_modules/.bin/eslint` is a link to the bin, hence the real path. */
export const LIFETIME: Lifetime = lifetimeOf(mainScript());

function mainScript(): string | undefined {
  const given = process.argv[1];
  if (given === undefined) return undefined;
  try {
    return realpathSync(given);
  } catch {
    return given;
  }
}
