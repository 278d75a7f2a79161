// `flaglint registry pull` in process, against local servers shaped like LaunchDarkly's API.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadRegistry } from "@flaglint/core";
import { run } from "../cli.js";
import { launchDarklyServer, pullArgs, REGISTRY, SOURCE, TOKEN } from "../../../test/helpers/launchdarkly.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const servers: http.Server[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-registry-cli-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function flaglintAsync(args: string[], cwd: string, env: Record<string, string> = {}, tty = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty },
  });
  return { status, stdout, stderr };
}

function shop(): string {
  return project({ "feature-flags.yaml": REGISTRY, "src/app.ts": SOURCE });
}

describe("registry pull", () => {
  it("merges a LaunchDarkly project into the registry, keeping comments and the person's fields, for check to use", async () => {
    const base = await launchDarklyServer(servers);
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, { LD_API_KEY: TOKEN });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "feature-flags.yaml: 1 added, 3 updated, 1 archived, 1 conflict (4 flags read from launchdarkly)",
        "note: kill_recommendations: type is permission in the registry but ops in launchdarkly; kept permission",
        "",
      ].join("\n"),
    );
    const text = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    expect(text.startsWith("# Our flags. Owners and tickets are kept by hand.\n")).toBe(true);
    expect(text).toContain('  new_checkout:\n    type: release   # confirmed with payments\n    owner: "@payments"\n    ticket: PAY-1234\n    created: 2026-03-01\n');
    expect(text).not.toContain(TOKEN);
    const registry = loadRegistry(path.join(root, "feature-flags.yaml"));
    expect(registry.flags.get("kill_recommendations")).toMatchObject({ type: "permission", owner: "@recs", created: "2025-01-01" });
    expect(registry.flags.get("dark_mode")).toMatchObject({ status: "archived", ticket: "WEB-9" });
    expect(registry.flags.get("search_v2")).toMatchObject({ type: "release", created: "2026-11-20", link: `${base}/projects/shop/flags/search_v2` });

    const check = await flaglintAsync(["check", "--now", "2026-11-26", "--format", "json"], root);
    const findings = JSON.parse(check.stdout).findings.map((finding: { rule: string; flag: string }) => `${finding.rule} ${finding.flag}`);
    expect(findings.sort()).toEqual(["no-stale-flag new_checkout", "no-unused-flag kill_recommendations", "require-removal-ticket search_v2"]);
  });

  it("--check exits 1 while the registry is behind and 0 once in step, writing nothing", async () => {
    const base = await launchDarklyServer(servers);
    const root = shop();
    const before = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    const behind = await flaglintAsync([...pullArgs(base), "--check"], root, { LD_API_KEY: TOKEN });
    expect(behind.status).toBe(1);
    expect(behind.stdout.split("\n")[0]).toBe("feature-flags.yaml is behind launchdarkly: 1 to add, 3 to update, 1 to archive; run flaglint registry pull");
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(before);

    await flaglintAsync(pullArgs(base), root, { LD_API_KEY: TOKEN });
    const inStep = await flaglintAsync([...pullArgs(base), "--check"], root, { LD_API_KEY: TOKEN });
    expect(inStep.status).toBe(0);
    expect(inStep.stdout.split("\n")[0]).toBe("feature-flags.yaml is in step with launchdarkly (4 flags read)");
  });

  it("--dry-run prints a diff that applies, and writes nothing", async () => {
    const base = await launchDarklyServer(servers);
    const root = shop();
    const before = fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8");
    const run = await flaglintAsync([...pullArgs(base), "--dry-run"], root, { LD_API_KEY: TOKEN });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("--- a/feature-flags.yaml\n+++ b/feature-flags.yaml\n");
    expect(run.stdout).toContain("+    status: archived\n");
    expect(run.stderr.split("\n")[0]).toBe("feature-flags.yaml: 1 added, 3 updated, 1 archived, 1 conflict (4 flags read from launchdarkly); nothing written");
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(before);
  });

  it("shows pages read on a terminal, and clears the line when done", async () => {
    const base = await launchDarklyServer(servers);
    const run = await flaglintAsync([...pullArgs(base), "--check"], shop(), { LD_API_KEY: TOKEN }, true);
    expect(run.stderr).toBe(
      "\rflaglint: launchdarkly: 1 page, 1 flag…\rflaglint: launchdarkly: 2 pages, 3 flags…\rflaglint: launchdarkly: 3 pages, 4 flags…\r\u001b[K",
    );
  });

  it.each([
    ["a refused token", { LD_API_KEY: "wrong" }, () => undefined, /^flaglint: launchdarkly: 401 Unauthorized on GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/flags\/shop; the token was refused: check that its variable holds a valid API token\n$/],
    ["a malformed page", { LD_API_KEY: TOKEN }, (url: string) => (url.includes("offset=100") ? { status: 200, body: '{"flags": []}' } : undefined), /^flaglint: launchdarkly: unexpected answer to GET .*: expected an object with an "items" list; check --base-url and --from \(is it the launchdarkly API\?\)\n$/],
    ["a missing token", {}, () => undefined, /^flaglint: launchdarkly: no API token in \$LD_API_KEY; set it in the environment/],
  ])("stops at %s with exit 2, one line, and the registry untouched", async (_name, env, override, message) => {
    const base = await launchDarklyServer(servers, override);
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });

  it("stops at an unreachable host with exit 2 and the registry untouched", async () => {
    const base = await launchDarklyServer(servers);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const root = shop();
    const run = await flaglintAsync(pullArgs(base), root, { LD_API_KEY: TOKEN });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`flaglint: launchdarkly: ${base.slice("http://".length)} refused the connection; check --base-url, and HTTPS_PROXY if you need a proxy (GET ${base}/api/v2/flags/shop)\n`);
    expect(fs.readFileSync(path.join(root, "feature-flags.yaml"), "utf8")).toBe(REGISTRY);
  });

  it("reads the registry's sources: list when no --from is given", async () => {
    const root = project({});
    fs.cpSync(path.join(REPO_ROOT, "fixtures/registry-sources"), root, { recursive: true });
    const run = await flaglintAsync(["registry", "pull"], root);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("feature-flags.yaml: 0 added, 2 updated, 0 archived, 1 conflict (3 flags read from launchdarkly)");
    expect((await flaglintAsync(["registry", "pull", "--check"], root)).status).toBe(0);
  });

  it("pulls every file format and saved service answer into a registry that check accepts", async () => {
    const root = project({});
    fs.cpSync(path.join(REPO_ROOT, "fixtures/registry-sources"), root, { recursive: true });
    fs.rmSync(path.join(root, "feature-flags.yaml"));
    const pulls = [
      ["--from", "openfeature", "--file", "openfeature/flags.json"],
      ["--from", "flagd", "--file", "flagd/flags.flagd.json"],
      ["--from", "gitlab", "--file", "gitlab/config/feature_flags"],
      ...["launchdarkly", "unleash", "growthbook", "flagsmith", "posthog"].map((name) => ["--from", name, "--file", `exports/${name}.json`, "--project", "7"]),
    ];
    for (const args of pulls) {
      const pulled = await flaglintAsync(["registry", "pull", ...args], root);
      expect(pulled.stderr, args.join(" ")).toBe("");
      expect(pulled.status, args.join(" ")).toBe(0);
    }
    const registry = loadRegistry(path.join(root, "feature-flags.yaml"));
    expect([...registry.flags.keys()].sort()).toEqual([
      "background-color",
      "ci_new_pipeline_graph",
      "disable_search_indexing",
      "duo_chat_beta",
      "enableFeatureA",
      "kill_recommendations",
      "new_checkout",
      "show-welcome-banner",
      "usernameMaxLength",
    ]);
    const check = await flaglintAsync(["check", "--now", "2026-11-26", "--format", "json"], root);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).findings.filter((finding: { rule: string }) => finding.rule === "invalid-registry")).toEqual([]);
  });

  it("refuses --dry-run with --check, and source options without --from", async () => {
    const root = shop();
    expect((await flaglintAsync(["registry", "pull", "--from", "flagd", "--dry-run", "--check"], root)).stderr).toBe("flaglint: --dry-run and --check do not go together: --check already writes nothing\n");
    const run = await flaglintAsync(["registry", "pull", "--project", "shop"], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("flaglint: --project needs --from to say which source it is for (or put it in the registry's sources: list)\n");
  });
});

describe("registry pull --help", () => {
  it("describes every option in one line", async () => {
    const help = await flaglintAsync(["registry", "pull", "--help"], REPO_ROOT);
    expect(help.status).toBe(0);
    for (const option of ["--from <source>", "--file <path>", "--project <key>", "--environment <key>", "--base-url <url>", "--token-env <name>", "--registry <path>", "--dry-run", "--check"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+\\S`, "m"));
    }
  });
});
