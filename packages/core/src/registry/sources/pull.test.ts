import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RegistryError } from "../problems.js";
import { EMPTY_REGISTRY, pullRegistry } from "./pull.js";

const MANIFEST = JSON.stringify({ flags: { new_nav: { flagType: "boolean", description: "New navigation", defaultValue: false } } });

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-pull-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** A transport that fails the test if anything tries the network. */
const NO_NETWORK = {
  get: () => {
    throw new Error("no network in this test");
  },
};

describe("pullRegistry", () => {
  it("reads the registry's sources, with files relative to the registry", async () => {
    const root = folder({
      "app/feature-flags.yaml": "version: 1\nsources:\n  - from: openfeature\n    file: flags/manifest.json\nflags:\n",
      "app/flags/manifest.json": MANIFEST,
    });
    const result = await pullRegistry({ registryPath: path.join(root, "app/feature-flags.yaml"), env: {}, transport: NO_NETWORK });
    expect(result).toMatchObject({ existed: true, changed: true, sources: ["openfeature"], pulled: 1, added: ["new_nav"], updated: [], archived: [], conflicts: [] });
    expect(result.after).toBe("version: 1\nsources:\n  - from: openfeature\n    file: flags/manifest.json\nflags:\n  new_nav:\n    type: release\n    description: New navigation\n");
  });

  it("starts a registry where there is none, when a source is named", async () => {
    const root = folder({ "flags.json": MANIFEST });
    const result = await pullRegistry({ registryPath: path.join(root, "feature-flags.yaml"), sources: [{ options: { from: "openfeature", file: "flags.json" }, baseDir: root }], env: {}, transport: NO_NETWORK });
    expect(result).toMatchObject({ existed: false, changed: true, before: "" });
    expect(result.after.startsWith(EMPTY_REGISTRY)).toBe(true);
  });

  it("asks for a source when neither --from nor the registry names one", async () => {
    const root = folder({ "feature-flags.yaml": "version: 1\nflags:\n" });
    await expect(pullRegistry({ registryPath: path.join(root, "feature-flags.yaml"), env: {}, transport: NO_NETWORK })).rejects.toThrow(
      'feature-flags.yaml lists no sources: name one with --from (launchdarkly, unleash, growthbook, flagsmith, posthog, openfeature, flagd, gitlab), or add a "sources:" list to the registry',
    );
    await expect(pullRegistry({ registryPath: path.join(root, "missing.yaml"), env: {}, transport: NO_NETWORK })).rejects.toThrow(/^no registry at .*missing\.yaml: name a source with --from to start one, or pass --registry$/);
  });

  it("reports a broken registry before it reads any source", async () => {
    const root = folder({ "feature-flags.yaml": "version: 1\nflags:\n  a:\n    type: relase\n" });
    const pulled = pullRegistry({ registryPath: path.join(root, "feature-flags.yaml"), sources: [{ options: { from: "launchdarkly", project: "p" }, baseDir: root }], env: { LD_API_KEY: "k" }, transport: NO_NETWORK });
    await expect(pulled).rejects.toBeInstanceOf(RegistryError);
  });

  it("reports on every page of a service as it reads", async () => {
    const root = folder({ "feature-flags.yaml": EMPTY_REGISTRY });
    const pages: string[] = [];
    const answers = [
      { items: [{ key: "a" }], _links: { next: { href: "/api/v2/flags/p?page=2" } } },
      { items: [{ key: "b" }, { key: "c" }], _links: {} },
      { items: [], _links: {} },
    ];
    const transport = { get: async () => ({ status: 200, headers: {}, body: JSON.stringify(answers.shift()) }) };
    const result = await pullRegistry({
      registryPath: path.join(root, "feature-flags.yaml"),
      sources: [{ options: { from: "launchdarkly", project: "p" }, baseDir: root }],
      env: { LD_API_KEY: "k" },
      transport,
      onPage: (source, count, flags) => pages.push(`${source} ${count} ${flags}`),
    });
    expect(pages).toEqual(["launchdarkly 1 1", "launchdarkly 2 3", "launchdarkly 3 3"]);
    expect(result.added).toEqual(["a", "b", "c"]);
  });
});
