// Which source file an import specifier names, as far as flag keys need: relative paths, tsconfig
// `paths` / `baseUrl`, and the packages of an npm/yarn/pnpm workspace by name. Installed packages
// (node_modules) are left out on purpose: their code is compiled, their keys are not literals there.
import fs from "node:fs";
import path from "node:path";
import ts from "../typescript.js";
import { isSourceFile, RESOLUTION_MANIFESTS, SOURCE_EXTENSIONS, type FolderListing } from "./files.js";

interface PathsConfig {
  /** Folder the `paths` targets are relative to. */
  base: string;
  paths: ReadonlyArray<{ prefix: string; suffix: string; wildcard: boolean; targets: readonly string[] }>;
  /** `baseUrl`: bare specifiers may name a file under it. */
  baseUrl: string | undefined;
}

const NO_PATHS: PathsConfig = { base: "", paths: [], baseUrl: undefined };

export interface ModuleResolverOptions {
  /** `false` looks again for a module not found before (a long-lived process, where files appear). */
  rememberMisses?: boolean;
  /** The listings of the folders a run walked (WalkResult.listings): what they say, the disk is not asked. */
  listings?: ReadonlyMap<string, FolderListing>;
}

export class ModuleResolver {
  private readonly rememberMisses: boolean;
  private readonly listings: ReadonlyMap<string, FolderListing> | undefined;
  /** Per listing, its names in lower case, made the first time a name is missing from it. */
  private readonly lowerCase = new WeakMap<FolderListing, ReadonlySet<string>>();

  constructor(options: ModuleResolverOptions = {}) {
    this.rememberMisses = options.rememberMisses ?? true;
    this.listings = options.listings;
  }

  private readonly probes = new Map<string, string | undefined>();
  private readonly pathsByDir = new Map<string, PathsConfig>();
  private readonly workspaceByDir = new Map<string, ReadonlyMap<string, string>>();
  private readonly resolved = new Map<string, string | undefined>();

  /** The source file `specifier` names when imported from `fromFile`; `undefined` when none is found. */
  resolve(specifier: string, fromFile: string): string | undefined {
    const dir = path.dirname(fromFile);
    // Bare specifiers resolve the same from every file of a folder; relative ones from the folder too.
    const key = `${dir}\u0000${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const file = this.lookUp(specifier, dir);
    if (file !== undefined || this.rememberMisses) this.resolved.set(key, file);
    return file;
  }

  private lookUp(specifier: string, dir: string): string | undefined {
    if (isRelative(specifier)) return this.probe(path.resolve(dir, specifier));
    const config = this.pathsFor(dir);
    for (const mapping of config.paths) {
      const matched = match(specifier, mapping);
      if (matched === undefined) continue;
      for (const target of mapping.targets) {
        const found = this.probe(path.resolve(config.base, target.replace("*", matched)));
        if (found !== undefined) return found;
      }
    }
    if (config.baseUrl !== undefined) {
      const found = this.probe(path.resolve(config.baseUrl, specifier));
      if (found !== undefined) return found;
    }
    return this.workspacePackage(specifier, dir);
  }

  /** A source file at `base`, with or without its extension, or its folder's index; `./x.js` may be x.ts. */
  private probe(base: string): string | undefined {
    if (this.probes.has(base)) return this.probes.get(base);
    const withoutJs = base.replace(/\.([cm]?)jsx?$/, "");
    const candidates = [
      ...(isSourceFile(base) ? [base] : []),
      ...(withoutJs === base ? [] : [".ts", ".tsx", ".mts", ".cts"].map((extension) => withoutJs + extension)),
      ...SOURCE_EXTENSIONS.map((extension) => base + extension),
      ...SOURCE_EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
    ];
    const found = candidates.find((candidate) => this.isFile(candidate));
    if (found !== undefined || this.rememberMisses) this.probes.set(base, found);
    return found;
  }

  /** The `paths` of the nearest tsconfig.json (or jsconfig.json) above `dir`, `extends` followed. */
  private pathsFor(dir: string): PathsConfig {
    const known = this.pathsByDir.get(dir);
    if (known !== undefined) return known;
    const own = ["tsconfig.json", "jsconfig.json"].map((name) => path.join(dir, name)).find((file) => this.isFile(file));
    const parent = path.dirname(dir);
    const config = own !== undefined ? readPaths(own, 0) : parent === dir ? NO_PATHS : this.pathsFor(parent);
    this.pathsByDir.set(dir, config);
    return config;
  }

  /** `@acme/flags` or `@acme/flags/keys` in a workspace that has a package named `@acme/flags`. */
  private workspacePackage(specifier: string, dir: string): string | undefined {
    const segments = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    if (segments.length < nameLength) return undefined;
    const name = segments.slice(0, nameLength).join("/");
    const subpath = segments.slice(nameLength).join("/");
    const packageDir = this.workspaceFor(dir).get(name);
    if (packageDir === undefined) return undefined;
    if (subpath !== "") return this.probe(path.join(packageDir, subpath)) ?? this.probe(path.join(packageDir, "src", subpath));
    const manifest = this.readJson(path.join(packageDir, "package.json"));
    for (const field of ["source", "main", "module"]) {
      const entry = manifest?.[field];
      if (typeof entry !== "string") continue;
      const found = this.probe(path.resolve(packageDir, entry));
      if (found !== undefined) return found;
    }
    return this.probe(path.join(packageDir, "src", "index")) ?? this.probe(path.join(packageDir, "index"));
  }

  /** The packages of the nearest workspace root above `dir` (a package.json with `workspaces`, or pnpm-workspace.yaml), by name. */
  private workspaceFor(dir: string): ReadonlyMap<string, string> {
    const known = this.workspaceByDir.get(dir);
    if (known !== undefined) return known;
    const patterns = this.workspacePatterns(dir);
    const parent = path.dirname(dir);
    const packages =
      patterns !== undefined ? this.packagesOf(dir, patterns) : parent === dir ? new Map<string, string>() : this.workspaceFor(parent);
    this.workspaceByDir.set(dir, packages);
    return packages;
  }

  /** The workspace globs of a root folder, or `undefined` when it is not one. */
  private workspacePatterns(dir: string): string[] | undefined {
    const manifest = this.readJson(path.join(dir, "package.json"));
    const workspaces = manifest?.workspaces;
    const listed = Array.isArray(workspaces)
      ? workspaces
      : workspaces !== null && typeof workspaces === "object"
        ? (workspaces as { packages?: unknown }).packages
        : undefined;
    if (Array.isArray(listed)) return listed.filter((entry): entry is string => typeof entry === "string");
    const pnpm = this.readText(path.join(dir, "pnpm-workspace.yaml"));
    if (pnpm === undefined) return undefined;
    return [...pnpm.matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?/gm)].map((found) => found[1]!);
  }

  /** Package folders of the workspace globs (`packages/*`, `apps/**`, `tools/cli`), by package name. */
  private packagesOf(root: string, patterns: readonly string[]): Map<string, string> {
    const packages = new Map<string, string>();
    for (const pattern of patterns) {
      if (pattern.startsWith("!")) continue;
      for (const dir of expand(root, pattern.replace(/\/+$/, "").split("/"), 0)) {
        const name = this.readJson(path.join(dir, "package.json"))?.name;
        if (typeof name === "string" && !packages.has(name)) packages.set(name, dir);
      }
    }
    return packages;
  }

  /** Whether `file` is a source file or manifest on disk (never a declaration file); a walked folder's listing answers for it. */
  private isFile(file: string): boolean {
    if (file.endsWith(".d.ts")) return false;
    return this.listed(file) ?? isFileOnDisk(file);
  }

  /**
   * What the walk's listing of the file's folder says of it; `undefined` when it cannot tell: a
   * folder not walked, a symbolic link, a name of a kind it does not keep, or a name that differs
   * from a listed one only in case (which a file system that ignores case finds).
   */
  private listed(file: string): boolean | undefined {
    const listing = this.listings?.get(path.dirname(file));
    if (listing === undefined) return undefined;
    const name = path.basename(file);
    if (listing.files.has(name)) return true;
    if (listing.links.has(name) || !(isSourceFile(name) || RESOLUTION_MANIFESTS.has(name))) return undefined;
    let lower = this.lowerCase.get(listing);
    if (lower === undefined) {
      lower = new Set([...listing.files, ...listing.links].map((listed) => listed.toLowerCase()));
      this.lowerCase.set(listing, lower);
    }
    return lower.has(name.toLowerCase()) ? undefined : false;
  }

  /** A manifest's text; one the walk's listing says is missing is not looked for. */
  private readText(file: string): string | undefined {
    return this.listed(file) === false ? undefined : readText(file);
  }

  private readJson(file: string): Record<string, unknown> | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

function isFileOnDisk(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function match(specifier: string, mapping: PathsConfig["paths"][number]): string | undefined {
  if (!mapping.wildcard) return specifier === mapping.prefix ? "" : undefined;
  if (!specifier.startsWith(mapping.prefix) || !specifier.endsWith(mapping.suffix)) return undefined;
  if (specifier.length < mapping.prefix.length + mapping.suffix.length) return undefined;
  return specifier.slice(mapping.prefix.length, specifier.length - mapping.suffix.length);
}

/** `compilerOptions.paths` and `baseUrl` of a tsconfig, or of what it extends (relative files only). */
function readPaths(file: string, depth: number): PathsConfig {
  const text = readText(file);
  if (text === undefined || depth > 8) return NO_PATHS;
  const config = parseJsonc(file, text);
  const dir = path.dirname(file);
  const options = (config?.compilerOptions ?? {}) as Record<string, unknown>;
  const baseUrl = typeof options.baseUrl === "string" ? path.resolve(dir, options.baseUrl) : undefined;
  const paths = options.paths;
  if (paths !== null && typeof paths === "object") {
    return { base: baseUrl ?? dir, paths: pathMappings(paths as Record<string, unknown>), baseUrl };
  }
  const extended = [config?.extends].flat().filter((entry): entry is string => typeof entry === "string" && isRelative(entry));
  for (const entry of extended.reverse()) {
    const target = path.resolve(dir, entry.endsWith(".json") ? entry : `${entry}.json`);
    const inherited = readPaths(target, depth + 1);
    if (inherited.paths.length > 0 || inherited.baseUrl !== undefined) return baseUrl === undefined ? inherited : { ...inherited, baseUrl };
  }
  return baseUrl === undefined ? NO_PATHS : { base: baseUrl, paths: [], baseUrl };
}

/**
 * A tsconfig's JSON with comments and trailing commas: read here when that is all it has (a run
 * that reads a tsconfig need not load the compiler for it), else by the compiler's lenient reader.
 */
export function parseJsonc(file: string, text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(withoutCommentsAndTrailingCommas(text)) as unknown;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not plain JSON with comments: the compiler's reader makes what sense of it that tsc does.
  }
  return (ts.parseConfigFileTextToJson(file, text) as { config?: Record<string, unknown> }).config;
}

/** `text` with comments blanked and commas before `}` or `]` removed, strings left as they are. */
function withoutCommentsAndTrailingCommas(text: string): string {
  let out = "";
  let pendingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out += text.slice(start, i + 1);
      pendingComma = -1;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      out += " ";
    } else if (char === ",") {
      pendingComma = out.length;
      out += char;
    } else if (char === "}" || char === "]") {
      if (pendingComma >= 0) out = out.slice(0, pendingComma) + out.slice(pendingComma + 1);
      pendingComma = -1;
      out += char;
    } else {
      if (!/\s/.test(char)) pendingComma = -1;
      out += char;
    }
  }
  return out;
}

function pathMappings(paths: Record<string, unknown>): PathsConfig["paths"] {
  return Object.entries(paths).flatMap(([pattern, targets]) => {
    if (!Array.isArray(targets)) return [];
    const star = pattern.indexOf("*");
    return [
      {
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? "" : pattern.slice(star + 1),
        wildcard: star >= 0,
        targets: targets.filter((target): target is string => typeof target === "string"),
      },
    ];
  });
}

function expand(dir: string, segments: readonly string[], depth: number): string[] {
  if (segments.length === 0) return [dir];
  const [head, ...rest] = segments;
  if (head === "**") {
    if (depth > 4) return [];
    return [...expand(dir, rest, depth), ...subfolders(dir).flatMap((sub) => expand(sub, segments, depth + 1))];
  }
  if (head!.includes("*")) {
    const pattern = new RegExp(`^${head!.split("*").map(escapeRegExp).join(".*")}$`);
    return subfolders(dir)
      .filter((sub) => pattern.test(path.basename(sub)))
      .flatMap((sub) => expand(sub, rest, depth));
  }
  return expand(path.join(dir, head!), rest, depth);
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

/** A file's text; `undefined` when it cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}


function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
