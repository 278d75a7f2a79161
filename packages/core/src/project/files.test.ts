import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ignore from "ignore";
import { afterEach, describe, expect, it } from "vitest";
import { literalSearch, walkProject } from "./files.js";

const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-walk-"));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

function relativeFiles(root: string, files: string[]): string[] {
  return files.map((file) => path.relative(root, file).split(path.sep).join("/"));
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("walkProject", () => {
  it("lists source files of every supported extension and skips declarations and other files", () => {
    const root = tree({
      "a.ts": "", "b.tsx": "", "c.mts": "", "d.cts": "", "e.js": "", "f.jsx": "", "g.mjs": "", "h.cjs": "",
      "types.d.ts": "", "README.md": "", "style.css": "",
    });
    const { files } = walkProject({ cwd: root, paths: [] });
    expect(relativeFiles(root, files)).toEqual(["a.ts", "b.tsx", "c.mts", "d.cts", "e.js", "f.jsx", "g.mjs", "h.cjs"]);
  });

  it("skips node_modules, dist, coverage and hidden folders", () => {
    const root = tree({
      "src/app.ts": "",
      "node_modules/pkg/index.js": "",
      "dist/app.js": "",
      "coverage/lcov.js": "",
      ".cache/x.ts": "",
      "packages/web/node_modules/lib/index.ts": "",
    });
    expect(relativeFiles(root, walkProject({ cwd: root, paths: [] }).files)).toEqual(["src/app.ts"]);
  });

  it("honours nested .gitignore files outside a git repository", () => {
    const root = tree({
      ".gitignore": "generated/\n*.gen.ts\n",
      "src/app.ts": "",
      "src/api.gen.ts": "",
      "generated/client.ts": "",
      "packages/web/.gitignore": "legacy.ts\n!keep.gen.ts\n",
      "packages/web/legacy.ts": "",
      "packages/web/main.ts": "",
      "packages/web/keep.gen.ts": "",
    });
    expect(relativeFiles(root, walkProject({ cwd: root, paths: [] }).files)).toEqual([
      "packages/web/main.ts",
      "src/app.ts",
    ]);
  });

  it("applies the repository root's .gitignore when a sub-folder is scanned inside git", () => {
    const root = tree({ ".gitignore": "*.gen.ts\n", "packages/web/app.ts": "", "packages/web/api.gen.ts": "" });
    fs.mkdirSync(path.join(root, ".git"));
    const { files } = walkProject({ cwd: root, paths: ["packages/web"] });
    expect(relativeFiles(root, files)).toEqual(["packages/web/app.ts"]);
  });

  it("collects registries met on the way and reports missing paths", () => {
    const root = tree({
      "feature-flags.yaml": "version: 1\n",
      "packages/api/feature-flags.json": "{}",
      "packages/api/src/a.ts": "",
    });
    const result = walkProject({ cwd: root, paths: [".", "nope"] });
    expect(relativeFiles(root, result.registries)).toEqual(["feature-flags.yaml", "packages/api/feature-flags.json"]);
    expect(result.missing).toEqual(["nope"]);
  });

  it("does not follow symlinked folders, so a loop ends and nothing outside the root is read", () => {
    const outside = tree({ "secret.ts": "" });
    const root = tree({ "src/app.ts": "" });
    fs.symlinkSync(root, path.join(root, "src", "loop"), "dir");
    fs.symlinkSync(outside, path.join(root, "src", "outside"), "dir");
    fs.symlinkSync(path.join(outside, "secret.ts"), path.join(root, "src", "link.ts"));
    expect(relativeFiles(root, walkProject({ cwd: root, paths: [] }).files)).toEqual(["src/app.ts"]);
  });

  it("keeps each walked folder's listing for module resolution: sources and manifests, ignored or not, and links", () => {
    const root = tree({
      ".gitignore": "generated.ts\n",
      "src/keys.ts": "", "src/generated.ts": "", "src/types.d.ts": "", "src/README.md": "",
      "package.json": "{}", "tsconfig.json": "{}", "pnpm-workspace.yaml": "",
      "node_modules/x/index.ts": "",
    });
    fs.symlinkSync(path.join(root, "src/keys.ts"), path.join(root, "src/linked.ts"));
    const { listings } = walkProject({ cwd: root, paths: [] });
    const src = listings.get(path.join(root, "src"))!;
    expect([...src.files].sort()).toEqual(["generated.ts", "keys.ts"]);
    expect([...src.links]).toEqual(["linked.ts"]);
    expect([...listings.get(root)!.files].sort()).toEqual(["package.json", "pnpm-workspace.yaml", "tsconfig.json"]);
    expect(listings.has(path.join(root, "node_modules"))).toBe(false);
  });

  it("takes a file named explicitly even when it is ignored", () => {
    const root = tree({ ".gitignore": "*.gen.ts\n", "api.gen.ts": "" });
    expect(relativeFiles(root, walkProject({ cwd: root, paths: ["api.gen.ts"] }).files)).toEqual(["api.gen.ts"]);
  });
});

describe("literalSearch", () => {
  const texts = [
    "node_modules\n*.log\n/dist/\n.env*\ncoverage/\n",
    "**/generated\n[Bb]uild/\na/**/b\nx?y.ts\n!keep.log\n",
    "# comment\n\n/out\n*.tmp\n!important.tmp\nDocs/*.md\n",
    "CACHE\n**/*.snap\nsrc/**/fixtures/\n",
    "frontend/build\nfrontend/src/openapi/apis\ncache/*\n/sql\n",
  ];
  const segments = ["src", "dist", "a", "b", "build", "Build", "generated", "docs", "fixtures", "cache", "out", "x1y.ts", "app.log", "keep.log", "important.tmp", "page.md", "view.snap", "index.ts", ".env.local", "frontend", "openapi", "apis", "sql"];
  const paths: string[] = [];
  for (const first of segments) {
    paths.push(first);
    for (const second of segments) {
      paths.push(`${first}/${second}`);
      for (const third of ["index.ts", "b", "app.log", "page.md"]) paths.push(`${first}/${second}/${third}`);
      paths.push(`${first}/${second}/openapi/apis/index.ts`);
    }
  }

  it.each(texts)("never rules out a path the rules ignore: %j", (text) => {
    const rules = ignore().add(text);
    const search = literalSearch(text);
    expect(search).toBeDefined();
    const missed = paths.filter((candidate) => (rules.ignores(candidate) || rules.ignores(`${candidate}/`)) && !search!.test(candidate));
    expect(missed).toEqual([]);
    // And it rules paths out, or it would save nothing.
    expect(paths.filter((candidate) => !search!.test(candidate)).length).toBeGreaterThan(0);
  });

  it("gives up on a rule with no literal part or an escape, and matches nothing when no rule ignores", () => {
    expect(literalSearch("*\n!src/\n")).toBeUndefined();
    expect(literalSearch("\\#notes\n")).toBeUndefined();
    expect(literalSearch("# only a comment\n!keep\n")!.test("anything/at/all.ts")).toBe(false);
  });
});
