// The file formats and saved service answers, read from fixtures/registry-sources.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REGISTRY_SOURCES } from "./catalog.js";
import { testContext } from "./__fixtures__/server.js";

const FIXTURES = fileURLToPath(new URL("../../../../../fixtures/registry-sources/", import.meta.url));
const context = (source: string) => testContext(source, {}, FIXTURES);

describe("file sources", () => {
  it("openfeature reads the manifest's keys and descriptions", async () => {
    expect(await REGISTRY_SOURCES.openfeature.pull({ from: "openfeature", file: "openfeature/flags.json" }, context("openfeature"))).toEqual([
      { key: "enableFeatureA", archived: false, description: "Controls whether Feature A is enabled." },
      { key: "usernameMaxLength", archived: false, description: "Maximum allowed length for usernames." },
    ]);
  });

  it("flagd reads every flag, a disabled one too, with what its metadata says", async () => {
    expect(await REGISTRY_SOURCES.flagd.pull({ from: "flagd", file: "flagd/flags.flagd.json" }, context("flagd"))).toEqual([
      { key: "show-welcome-banner", archived: false, description: "Welcome banner on the home page", tags: ["web", "onboarding"] },
      { key: "background-color", archived: false },
    ]);
  });

  it("gitlab reads a folder of definitions, mapping GitLab's types and linking the rollout issue", async () => {
    expect(await REGISTRY_SOURCES.gitlab.pull({ from: "gitlab", file: "gitlab/config/feature_flags" }, context("gitlab"))).toEqual([
      { key: "duo_chat_beta", archived: false, type: "release", link: "https://gitlab.example.com/shop/app/-/issues/9001", tags: ["group::ai framework"] },
      { key: "ci_new_pipeline_graph", archived: false, type: "release", link: "https://gitlab.example.com/shop/app/-/issues/3412", tags: ["group::pipeline authoring"] },
      { key: "disable_search_indexing", archived: false, type: "ops", link: "https://gitlab.example.com/shop/app/-/merge_requests/88", tags: ["group::global search"] },
    ]);
  });

  it("gitlab reads config/feature_flags of the registry's folder by default", async () => {
    const flags = await REGISTRY_SOURCES.gitlab.pull({ from: "gitlab" }, testContext("gitlab", {}, path.join(FIXTURES, "gitlab")));
    expect(flags).toHaveLength(3);
  });

  it("says which file is missing, or not JSON, or of the wrong shape", async () => {
    await expect(REGISTRY_SOURCES.flagd.pull({ from: "flagd", file: "nope.json" }, context("flagd"))).rejects.toThrow("flagd: cannot read nope.json: file not found");
    await expect(REGISTRY_SOURCES.flagd.pull({ from: "flagd" }, context("flagd"))).rejects.toThrow("flagd: needs --file, the flagd flag definition file to read");
    await expect(REGISTRY_SOURCES.openfeature.pull({ from: "openfeature", file: "feature-flags.yaml" }, context("openfeature"))).rejects.toThrow(/^openfeature: feature-flags\.yaml is not valid JSON/);
    await expect(REGISTRY_SOURCES.flagd.pull({ from: "flagd", file: "openfeature/flags.json" }, context("flagd"))).rejects.toThrow('flag "enableFeatureA" has no "state"');
    await expect(REGISTRY_SOURCES.gitlab.pull({ from: "gitlab", file: "missing" }, context("gitlab"))).rejects.toThrow("gitlab: cannot read the folder missing: not found");
  });

  it("gitlab names a definition that is not YAML", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-gitlab-"));
    try {
      fs.writeFileSync(path.join(dir, "broken.yml"), "name: [a\n");
      await expect(REGISTRY_SOURCES.gitlab.pull({ from: "gitlab", file: "." }, testContext("gitlab", {}, dir))).rejects.toThrow(/^gitlab: broken\.yml is not valid YAML/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("saved service answers (--file)", () => {
  it.each([
    ["launchdarkly", { project: "shop" }, { key: "new_checkout", archived: false, created: "2026-03-01", type: "release", link: "https://app.launchdarkly.com/projects/shop/flags/new_checkout", tags: ["payments"], description: "Stripe-based checkout" }],
    ["unleash", { baseUrl: "https://unleash.example.com" }, { key: "new_checkout", archived: false, created: "2026-03-01", type: "release", link: "https://unleash.example.com/projects/default/features/new_checkout", tags: ["payments"], description: "Stripe-based checkout" }],
    ["growthbook", {}, { key: "new_checkout", archived: false, created: "2026-03-01", link: "https://app.growthbook.io/features/new_checkout", tags: ["payments"], description: "Stripe-based checkout" }],
    ["flagsmith", { project: "42" }, { key: "new_checkout", archived: false, created: "2026-03-01", description: "Stripe-based checkout" }],
    ["posthog", { project: "9" }, { key: "new_checkout", archived: false, created: "2026-03-01", link: "https://us.posthog.com/project/9/feature_flags/12", tags: ["payments"], description: "Stripe-based checkout" }],
  ] as const)("%s reads its export without a token or the network", async (name, options, first) => {
    const flags = await REGISTRY_SOURCES[name].pull({ from: name, file: `exports/${name}.json`, ...options }, context(name));
    expect(flags[0]).toEqual(first);
  });

  it("refuses an export of another service", async () => {
    await expect(REGISTRY_SOURCES.posthog.pull({ from: "posthog", file: "exports/unleash.json" }, context("posthog"))).rejects.toThrow(
      'posthog: unexpected answer to exports/unleash.json: expected the answer of GET /api/projects/{id}/feature_flags/ (an object with "results")',
    );
  });
});
