import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadRegistry } from "@flaglint/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LintContexts } from "./lint-context.js";

let root: string;
let registryPath: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-lint-context-"));
  registryPath = path.join(root, "feature-flags.yaml");
  fs.writeFileSync(registryPath, "version: 1\nignore: [\"generated/**\"]\nflags: {}\n");
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("LintContexts", () => {
  it("keeps one context per registry for every file linted under it", () => {
    const contexts = new LintContexts({ watch: true });
    const registry = loadRegistry(registryPath);
    const first = contexts.of(registryPath, registry);
    expect(contexts.of(registryPath, registry)).toBe(first);
    expect(first.analysis.registryDir).toBe(registry.dir);
    expect(first.analysis.ignored.ignores("generated/a.ts")).toBe(true);
  });

  it("makes a new context for a registry read again, keeping its folder's index of exported keys", () => {
    const contexts = new LintContexts({ watch: true });
    const first = contexts.of(registryPath, loadRegistry(registryPath));
    const reread = contexts.of(registryPath, loadRegistry(registryPath));
    expect(reread).not.toBe(first);
    expect(reread.analysis).not.toBe(first.analysis);
    expect(reread.constants).toBe(first.constants);
  });
});
