// `flaglint registry pull` as a user runs it: the real CLI against a server shaped like LaunchDarkly's API.
// The command's every mode and failure is tested in process (cli/src/commands/registry.test.ts); here,
// the built binary, its exit codes and what it leaves on disk.
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FLAGLINT_BIN, project, removeProjects, type CliRun } from "./helpers/cli.js";

const servers: http.Server[] = [];
afterEach(async () => {
  removeProjects();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const TOKEN = "ld-api-secret-do-not-print";

/** The CLI as a child process that does not block this process, so the local server can answer it. */
function flaglintAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(FLAGLINT_NOW|CI|LD_API_KEY|https?_proxy|HTTPS?_PROXY|NO_PROXY|no_proxy)$/.test(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, [FLAGLINT_BIN, ...args], { cwd, env: { ...base, NO_COLOR: "1", ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** LaunchDarkly's GET /api/v2/flags/{projectKey} over two pages, plus its archived listing. */
async function launchDarklyServer(overrides: (url: string) => { status: number; body: string } | undefined = () => undefined): Promise<string> {
  const page = (items: unknown[], next?: string) => JSON.stringify({ items, _links: next ? { next: { href: next } } : {} });
  const server = http.createServer((request, response) => {
    const url = request.url ?? "";
    const override = overrides(url);
    if (override) {
      response.writeHead(override.status, { "content-type": "application/json" });
      return response.end(override.body);
    }
    if (request.headers.authorization !== TOKEN) {
      response.writeHead(401, { "content-type": "application/json" });
      return response.end('{"code":"unauthorized","message":"Invalid account ID header"}');
    }
    response.writeHead(200, { "content-type": "application/json" });
    if (url === "/api/v2/flags/shop?summary=true&limit=100") {
      return response.end(page([{ key: "new_checkout", creationDate: Date.UTC(2026, 2, 1), temporary: true, tags: ["payments"], description: "Stripe-based checkout" }], "/api/v2/flags/shop?summary=true&limit=100&offset=100"));
    }
    if (url === "/api/v2/flags/shop?summary=true&limit=100&offset=100") {
      return response.end(page([{ key: "kill_recommendations", creationDate: Date.UTC(2025, 0, 1), temporary: false }, { key: "search_v2", creationDate: Date.UTC(2026, 10, 20), temporary: true }]));
    }
    if (url === "/api/v2/flags/shop?summary=true&limit=100&filter=state%3Aarchived") {
      return response.end(page([{ key: "dark_mode", creationDate: Date.UTC(2025, 5, 1), temporary: true, archived: true }]));
    }
    response.writeHead(404);
    response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const REGISTRY = `# Our flags. Owners and tickets are kept by hand.
version: 1

flags:
  new_checkout:
    type: release   # confirmed with payments
    owner: "@payments"
    ticket: PAY-1234

  kill_recommendations:
    type: permission
    owner: "@recs"

  dark_mode:
    type: release
    created: 2025-06-01
    ticket: WEB-9
`;

const SOURCE = `import { init } from "@launchdarkly/node-server-sdk";
const client = init("sdk-key");
export const checkout = (user: { key: string }) => client.boolVariation("new_checkout", user, false);
export const search = (user: { key: string }) => client.boolVariation("search_v2", user, false);
`;

function shop(): string {
  return project({ "feature-flags.yaml": REGISTRY, "src/app.ts": SOURCE });
}

const pullArgs = (base: string) => ["registry", "pull", "--from", "launchdarkly", "--project", "shop", "--base-url", base];

describe("flaglint registry pull", () => {
  it("merges a LaunchDarkly project into the registry, keeping comments, for check to use", async () => {
    const base = await launchDarklyServer();
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
    const base = await launchDarklyServer();
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, { LD_API_KEY: "wrong" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^flaglint: launchdarkly: 401 Unauthorized on GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/flags\/shop; the token was refused: check that its variable holds a valid API token\n$/);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });
});
