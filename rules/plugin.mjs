// The plugin's entry: rules/dist/plugin.cjs (scripts/bundle.mjs, core and the rules in one file,
// loaded through V8's code cache) while it is at least as new as the build it was made from, and
// the modules tsc wrote otherwise (in a checkout after `tsc -b` alone); see core's code-cache.ts.
// Both are loaded synchronously (require() of an ES module, Node 20.19 on), so that a CommonJS
// config can require() the plugin too.
import { loadCurrentBundle } from "@flaglint/core/code-cache";
import { createRequire } from "node:module";

const bundle = new URL("./dist/plugin.cjs", import.meta.url);
const builds = ["./dist/.tsbuildinfo", "../packages/core/dist/.tsbuildinfo"].map((file) => new URL(file, import.meta.url));
const loaded = loadCurrentBundle(bundle, builds, () => createRequire(import.meta.url)("./dist/index.js"));

export default loaded.default;
export const { CACHE_KEY_SETTING, cacheKey, lazyCacheKey } = loaded;
