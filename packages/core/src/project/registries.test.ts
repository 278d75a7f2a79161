import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { walkProject } from "./files.js";
import { RegistrySet } from "./registries.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>, folders: string[] = []): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-registries-"));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  for (const folder of folders) fs.mkdirSync(path.join(root, folder), { recursive: true });
  return root;
}

const REGISTRY = "version: 1\nflags: {}\n";

describe("RegistrySet.forFile", () => {
  const files = {
    "feature-flags.json": `{ "version": 1 }`,
    "packages/web/feature-flags.yml": REGISTRY,
    "packages/web/feature-flags.json": `{ "version": 1 }`,
    "packages/web/src/deep/page.ts": "",
    "packages/api/src/server.ts": "",
  };

  it.each([
    ["with the walk's folder listings", true],
    ["looking at the disk", false],
  ])("finds the nearest registry above each file %s", (_, listed) => {
    // A folder that only bears a registry's name is not one.
    const root = tree(files, ["packages/api/feature-flags.yaml"]);
    const walk = walkProject({ cwd: root, paths: [] });
    const registries = new RegistrySet(root, undefined, listed ? walk.folders : undefined);
    const governing = walk.files.map((file) => path.relative(root, registries.forFile(file)!.path));
    expect(governing).toEqual(["feature-flags.json", path.join("packages", "web", "feature-flags.yml")]);
  });
});
