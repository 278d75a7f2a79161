import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

/** The workspaces' built output: cli/dist, rules/dist, packages/<name>/dist of this checkout. */
const BUILT = new RegExp(`^${path.resolve(import.meta.dirname).replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?:packages/[^/]+|cli|rules)/dist/`);

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "rules/src/**/*.test.ts", "cli/src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // One module graph per worker, not per test file: typescript, ESLint and the built packages load
    // once per worker, which halves the suite's CPU time. Tests keep no state in shared modules.
    isolate: false,
    // Every core: most of the suite waits on child processes and the file system, not the CPU.
    maxWorkers: os.availableParallelism(),
    // Built packages load through Node itself, as a user's `flaglint` and ESLint load them, not through
    // Vite's transform: once per worker, at native speed, and one copy of core for the CLI run in
    // process and the ESLint plugin both.
    server: { deps: { external: [BUILT] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
