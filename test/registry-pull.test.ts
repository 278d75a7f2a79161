// `flaglint registry pull` as a user runs it: the real CLI against a server shaped like LaunchDarkly's API.
// The command's every mode and failure is tested in process (cli/src/commands/registry.test.ts); here,
// the built binary, its exit codes and what it leaves on disk.
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FLAGLINT_BIN, project, removeProjects, type CliRun } from "./helpers/cli.js";
import { launchDarklyServer, pullArgs, REGISTRY, SOURCE, TOKEN } from "./helpers/launchdarkly.js";

const servers: http.Server[] = [];
afterEach(async () => {
  removeProjects();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The CLI as a child process that does not block this process, so the local server can answer it. */
function flaglintAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(FLAGLINT_NOW|CI|LD_API_KEY|https?_proxy|HTTPS?_PROXY|NO_PROXY|no_proxy)$/.test(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, [FLAGLINT_BIN, ...args], { cwd, env: { ...base, NO_COLOR: "1", ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function shop(): string {
  return project({ "feature-flags.yaml": REGISTRY, "src/app.ts": SOURCE });
}

describe("flaglint registry pull", () => {
  it("merges a LaunchDarkly project into the registry, keeping comments, for check to use", async () => {
    const base = await launchDarklyServer(servers);
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, { LD_API_KEY: TOKEN });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("feature-flags.yaml: 1 added, 3 updated, 1 archived, 1 conflict (4 flags read from launchdarkly)");
    expect(run.stdout).not.toContain(TOKEN);
    const text = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    expect(text.startsWith("# Our flags. Owners and tickets are kept by hand.\n")).toBe(true);
    expect(text).toContain('  new_checkout:\n    type: release   # confirmed with payments\n    owner: "@payments"\n    ticket: PAY-1234\n    created: 2026-03-01\n');

    const check = await flaglintAsync(["check", "--now", "2026-11-26", "--format", "json"], root);
    expect(check.status).toBe(1);
    const findings = JSON.parse(check.stdout).findings.map((finding: { rule: string; flag: string }) => `${finding.rule} ${finding.flag}`);
    expect(findings.sort()).toEqual(["no-stale-flag new_checkout", "no-unused-flag kill_recommendations", "require-removal-ticket search_v2"]);
  });

  it("exits 2 with one line on a refused token, and leaves the registry as it was", async () => {
    const base = await launchDarklyServer(servers);
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, { LD_API_KEY: "wrong" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^flaglint: launchdarkly: 401 Unauthorized on GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/flags\/shop; the token was refused: check that its variable holds a valid API token\n$/);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });
});
