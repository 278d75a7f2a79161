import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "rules/src/**/*.test.ts", "cli/src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // One module graph per worker, not per test file: typescript, ESLint and the built packages load
    // once per worker, which halves the suite's CPU time. Tests keep no state in shared modules.
    isolate: false,
    // Every core: most of the suite waits on child processes and the file system, not the CPU.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
