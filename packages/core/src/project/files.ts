// Finds the source files and registries a run covers, honouring .gitignore files.
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { REGISTRY_FILE_NAMES } from "../registry/index.js";

export const SOURCE_EXTENSIONS: readonly string[] = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Folders that never hold code to lint, whatever .gitignore says. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "coverage"]);

export interface WalkResult {
  /** Absolute paths of source files, sorted. */
  files: string[];
  /** Absolute paths of registry files met on the way, sorted. */
  registries: string[];
  /** Paths the caller named that do not exist. */
  missing: string[];
  /**
   * Every folder walked, with the registry file names it lists (ignored or not, so that the
   * nearest registry is found as findRegistry finds it, without a look at the disk per folder).
   */
  folders: Map<string, string[]>;
}

export interface WalkOptions {
  cwd: string;
  /** Files or folders, relative to cwd or absolute; empty means cwd. */
  paths: readonly string[];
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith(".d.ts");
}

export function walkProject(options: WalkOptions): WalkResult {
  const files = new Set<string>();
  const registries = new Set<string>();
  const folders = new Map<string, string[]>();
  const missing: string[] = [];
  const targets = options.paths.length > 0 ? options.paths : ["."];

  for (const target of targets) {
    const absolute = path.resolve(options.cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    if (stat.isFile()) {
      // A file named explicitly is linted even when ignored, as ESLint does with a warning.
      if (isSourceFile(absolute)) files.add(absolute);
      else if (REGISTRY_FILE_NAMES.includes(path.basename(absolute))) registries.add(absolute);
      continue;
    }
    const scopes = ancestorIgnoreScopes(absolute);
    walkDirectory(absolute, absolute, scopes, { files, registries, folders });
  }

  return { files: [...files].sort(), registries: [...registries].sort(), missing, folders };
}

interface Found {
  files: Set<string>;
  registries: Set<string>;
  folders: Map<string, string[]>;
}

function walkDirectory(dir: string, root: string, scopes: IgnoreScope[], found: Found): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing in it can be linted
  }
  const { files, registries, folders } = found;
  folders.set(dir, entries.map((entry) => entry.name).filter((name) => REGISTRY_FILE_NAMES.includes(name)));
  // Most folders have no .gitignore: the listing says so without a failed read per folder.
  const local = entries.some((entry) => entry.name === ".gitignore") ? readIgnoreScope(dir) : undefined;
  const active = local ? [...scopes, local] : scopes;

  for (const entry of entries) {
    const name = entry.name;
    // `dir` is absolute and normal, and a name has no separator: nothing for path.join to do.
    const full = dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
    if (entry.isDirectory()) {
      if (name.startsWith(".") || SKIPPED_DIRS.has(name) || isIgnored(active, full, true)) continue;
      walkDirectory(full, root, active, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Only a source file or a registry is kept, so only they are followed and tested against the ignore rules.
      const source = isSourceFile(name);
      if (!source && !REGISTRY_FILE_NAMES.includes(name)) continue;
      if (entry.isSymbolicLink() && !isFileInside(full, root)) continue;
      if (isIgnored(active, full, false)) continue;
      if (source) files.add(full);
      else registries.add(full);
    }
    // Symlinked folders are not followed: they loop or lead outside the scanned tree.
  }
}

function isFileInside(link: string, root: string): boolean {
  try {
    const target = fs.realpathSync(link);
    const realRoot = fs.realpathSync(root);
    return fs.statSync(target).isFile() && !path.relative(realRoot, target).startsWith("..");
  } catch {
    return false;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], full: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const relative = relativeTo(scope.base, full);
    if (!relative || relative.startsWith("..")) continue;
    if (scope.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** `full` relative to `base`, with `/`: a slice for a path under `base` (all the walk meets), path.relative otherwise. */
export function relativeTo(base: string, full: string): string {
  const under = full.length > base.length + 1 && full.startsWith(base) && full[base.length] === path.sep;
  const relative = under ? full.slice(base.length + 1) : path.relative(base, full);
  return path.sep === "/" ? relative : relative.split(path.sep).join("/");
}

function readIgnoreScope(dir: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ".gitignore"), "utf8");
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(text) };
}

/**
 * The .gitignore files above a scanned folder still apply to it (running on `packages/app`
 * honours the repository root's .gitignore). Outside a git repository only the folder's own
 * .gitignore files count, since there is no root to stop at.
 */
function ancestorIgnoreScopes(dir: string): IgnoreScope[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let repositoryRoot: string | undefined;
  if (fs.existsSync(path.join(dir, ".git"))) return [];
  while (true) {
    chain.push(current);
    if (fs.existsSync(path.join(current, ".git"))) {
      repositoryRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!repositoryRoot) return [];
  return chain
    .reverse()
    .map(readIgnoreScope)
    .filter((scope): scope is IgnoreScope => scope !== undefined);
}
