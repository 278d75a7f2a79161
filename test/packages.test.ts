// What `npm publish` would upload for each of the three packages, and the manifests users install.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";

interface Manifest {
  name: string;
  version: string;
  license?: string;
  homepage?: string;
  repository?: { type: string; url: string; directory: string };
  bugs?: { url: string };
  keywords?: string[];
  engines?: Record<string, string>;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const PACKAGES = { "@flaglint/core": "packages/core", "eslint-plugin-flaglint": "rules", flaglint: "cli" } as const;
type PackageName = keyof typeof PACKAGES;
const NAMES = Object.keys(PACKAGES) as PackageName[];
const TYPESCRIPT_RANGE = ">=5.0.0 <6.1.0";

function manifest(folder: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, folder, "package.json"), "utf8")) as Manifest;
}

// One npm call for the three: `--dry-run` lists the tarball without writing it, and never asks the registry.
const packed: Map<string, string[]> = (() => {
  const args = ["pack", "--dry-run", "--json", "--ignore-scripts", ...Object.values(PACKAGES).flatMap((folder) => ["-w", folder])];
  const output = execFileSync("npm", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const list = JSON.parse(output) as Array<{ name: string; files: Array<{ path: string }> }>;
  return new Map(list.map((entry) => [entry.name, entry.files.map((file) => file.path).sort()]));
})();

function filesOf(name: PackageName): string[] {
  const files = packed.get(name);
  if (!files) throw new Error(`npm pack listed no ${name}`);
  return files;
}

/** Targets of `main`, `types`, `bin` and every `exports` entry, without the leading "./". */
function entryPoints(pkg: Manifest): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") targets.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect([pkg.main, pkg.types, pkg.bin, pkg.exports]);
  return [...new Set(targets.map((target) => target.replace(/^\.\//, "")))];
}

describe.each(NAMES)("the %s tarball", (name) => {
  const folder = PACKAGES[name];
  const pkg = manifest(folder);
  const files = filesOf(name);

  it("carries README.md, LICENSE, CHANGELOG.md and package.json", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE", "CHANGELOG.md", "package.json"]));
  });

  it("ships no build info, source maps, TypeScript sources, tests or fixtures", () => {
    const unwanted = files.filter((file) =>
      /\.tsbuildinfo$|\.map$|(^|\/)src\/|\.test\.|(^|\/)__fixtures__\/|(^|\/)fixtures?(\/|\.)|\.d\.ts\.map$/.test(file) ||
      (file.endsWith(".ts") && !file.endsWith(".d.ts")));
    expect(unwanted).toEqual([]);
  });

  it("ships every entry point its manifest names", () => {
    expect(entryPoints(pkg).filter((target) => !files.includes(target))).toEqual([]);
  });

  it("ships every module its JavaScript imports by relative path", () => {
    const missing: string[] = [];
    for (const file of files.filter((candidate) => candidate.endsWith(".js"))) {
      const text = fs.readFileSync(path.join(REPO_ROOT, folder, file), "utf8");
      // The compiler's own reading of the imports: words in a comment are not an import.
      const imports = ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName);
      const urls = [...text.matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((match) => match[1]!);
      for (const specifier of [...imports, ...urls].filter((name) => /^\.{1,2}\/.+\.js$/.test(name))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (!files.includes(target)) missing.push(`${file} -> ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has the same LICENSE as the repository", () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, folder, "LICENSE"), "utf8")).toBe(fs.readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8"));
  });

  it("names its repository, homepage, bug tracker, keywords, license and engines", () => {
    expect(pkg.license).toBe("MIT");
    expect(pkg.repository).toEqual({ type: "git", url: "git+https://github.com/flaglint/flaglint.git", directory: folder });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/flaglint\/flaglint/);
    expect(pkg.bugs?.url).toBe("https://github.com/flaglint/flaglint/issues");
    expect(pkg.keywords?.length).toBeGreaterThan(2);
    expect(pkg.engines).toEqual({ node: ">=20.19" });
  });

  it("exports its types first in the exports map", () => {
    const main = pkg.exports?.["."] as Record<string, string>;
    expect(Object.keys(main)).toEqual(["types", "default"]);
    expect(files).toContain(main.types!.replace(/^\.\//, ""));
  });

  it("takes TypeScript from the user's project, as a peer dependency", () => {
    expect(pkg.peerDependencies?.typescript).toBe(TYPESCRIPT_RANGE);
    expect(pkg.dependencies?.typescript).toBeUndefined();
  });

  it("depends on @flaglint/core at exactly its own version", () => {
    if (name === "@flaglint/core") return;
    expect(pkg.dependencies?.["@flaglint/core"]).toBe(pkg.version);
  });
});

describe("the packages together", () => {
  it("move at one version", () => {
    const versions = new Set(NAMES.map((name) => manifest(PACKAGES[name]).version));
    expect(versions.size).toBe(1);
  });

  it("are one fixed group for changesets, released together", () => {
    const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, ".changeset/config.json"), "utf8")) as { fixed: string[][] };
    expect(config.fixed.map((group) => [...group].sort())).toEqual([[...NAMES].sort()]);
  });

  it("write bin paths as npm publishes them (npm would rewrite ./bin/…)", () => {
    for (const target of Object.values(manifest("cli").bin ?? {})) expect(target).not.toMatch(/^\.\//);
  });

  it("the plugin takes ESLint 9 or 10 from the user's project", () => {
    expect(manifest("rules").peerDependencies?.eslint).toBe("^9.0.0 || ^10.0.0");
  });

  it("the repository itself builds and tests with one pinned compiler", () => {
    const root = manifest(".");
    expect(root.devDependencies?.typescript).toMatch(/^~\d+\.\d+\.\d+$/);
    const compiler = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules/typescript/package.json"), "utf8")) as Manifest;
    expect(compiler.version.startsWith(root.devDependencies!.typescript!.slice(1, root.devDependencies!.typescript!.lastIndexOf(".")))).toBe(true);
    for (const folder of Object.values(PACKAGES)) {
      expect(fs.existsSync(path.join(REPO_ROOT, folder, "node_modules/typescript")), `${folder} has a nested typescript`).toBe(false);
    }
  });

  it("@flaglint/core ships the three JSON Schemas it exports", () => {
    expect(filesOf("@flaglint/core")).toEqual(expect.arrayContaining([
      "schema/feature-flags.schema.json",
      "schema/check-result.schema.json",
      "schema/report-result.schema.json",
    ]));
  });

  it("the plugin ships a docs page per rule, the CLI its bin", () => {
    expect(filesOf("eslint-plugin-flaglint").filter((file) => file.startsWith("docs/")).length).toBeGreaterThan(5);
    expect(filesOf("flaglint")).toContain("bin/flaglint.js");
  });

  it("the plugin and the CLI ship their entries with the one-file bundles those load (scripts/bundle.mjs)", () => {
    expect(filesOf("eslint-plugin-flaglint")).toEqual(expect.arrayContaining(["plugin.mjs", "dist/plugin.cjs", "dist/index.js"]));
    expect(manifest("rules").main).toBe("./plugin.mjs");
    expect(filesOf("flaglint")).toEqual(expect.arrayContaining(["bin/flaglint.js", "dist/flaglint.cjs", "dist/worker.mjs"]));
  });

  it("the plugin's bundle is ASCII, so an ESLint process holds its text at one byte a character", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, "rules/dist/plugin.cjs"), "utf8");
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    // Names stay: a stack trace or a profile of an editor's ESLint still says where it was.
    expect(text).toContain("function reportFindings(context,rule)");
  });

  it("the plugin by its package name is the plugin the modules build: the same rules, configs and exports", async () => {
    const byName = (await import("eslint-plugin-flaglint")) as unknown as Record<string, unknown> & { default: { rules: object; configs: object; meta: object } };
    const built = (await import(pathToFileURL(path.join(REPO_ROOT, "rules/dist/index.js")).href)) as typeof byName;
    expect(Object.keys(byName.default.rules).sort()).toEqual(Object.keys(built.default.rules).sort());
    expect(Object.keys(byName.default.configs)).toEqual(Object.keys(built.default.configs));
    expect(byName.default.meta).toEqual(built.default.meta);
    expect(Object.keys(byName).filter((key) => key !== "__esModule").sort()).toEqual(Object.keys(built).sort());
  });
});
