import { describe, expect, it } from "vitest";
import { lifetimeOf } from "./lifetime.js";

describe("lifetimeOf", () => {
  it("reads once for ESLint's command line and its --concurrency workers, wherever the package manager put them", () => {
    expect(lifetimeOf("/repo/node_modules/eslint/bin/eslint.js")).toBe("run");
    expect(lifetimeOf("/repo/node_modules/.pnpm/eslint@10.0.0/node_modules/eslint/bin/eslint.js")).toBe("run");
    expect(lifetimeOf("C:\\repo\\node_modules\\eslint\\bin\\eslint.js")).toBe("run");
    expect(lifetimeOf("/repo/node_modules/eslint/lib/eslint/worker.js")).toBe("run");
  });

  it("looks again on every lint in any other process: an editor's server, eslint_d, a script, no main script", () => {
    expect(lifetimeOf("/home/me/.vscode/extensions/dbaeumer.vscode-eslint-3.0.10/server/out/eslintServer.js")).toBe("watch");
    expect(lifetimeOf("/repo/node_modules/eslint_d/bin/eslint_d.js")).toBe("watch");
    expect(lifetimeOf("/repo/scripts/lint.mjs")).toBe("watch");
    expect(lifetimeOf("/repo/node_modules/my-eslint/bin/eslint.js")).toBe("watch");
    expect(lifetimeOf(undefined)).toBe("watch");
  });
});
