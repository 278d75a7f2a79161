// The cross-file index of exported keys over a project's files, built lazily: a module is parsed
// the first time a key is looked up in it (a large one is first asked for the one enum a lookup
// names), and only its literal leaves and links are kept. The CLI makes one per run; the ESLint
// plugin shares one per registry root per process (projectConstants), re-reading a module whose
// mtime changed.
import fs from "node:fs";
import { collectExportedConstants, ExportIndex, type ExportSource, type ModuleExports } from "../detect/constants-index.js";
import type { ConstantIndex } from "../detect/external-names.js";
import { enumExportsAlone } from "../detect/lone-enum.js";
import { getParseError, parseSource } from "../detect/parse.js";
import { MAY_EXPORT_CONSTANT } from "./detection.js";
import type { ModuleMemo } from "./file-cache.js";
import { walkProject } from "./files.js";
import { ModuleResolver, readText } from "./module-resolution.js";

/**
 * A module this large (in bytes) is first asked for the one name a lookup needs, which an enum
 * declared in it answers without parsing the rest (detect/lone-enum.ts): a generated module of
 * megabytes takes a fresh process most of a second to parse; below this, parsing it whole costs
 * less than scanning it and then, for another name, parsing it anyway.
 */
const READ_NAME_ALONE_FROM = 256 * 1024;

/** What a module imported by path must say to export a key at all. */
const MAY_EXPORT_ANYTHING = /export\s+(?:declare\s+)?(?:const|enum)\b|export\s*[{*]|export\s+default\b/;

export interface ProjectConstantsOptions {
  /** The files that may export a key, for names no resolvable module provides. Listed once, the first time it is needed. */
  files: () => Iterable<string>;
  /** A file's text (it may come from memory); `undefined` when it cannot be read. */
  readText?: (file: string) => string | undefined;
  /** Re-read a module whose mtime changed since it was read (a long-lived ESLint process). A CLI run reads each once. */
  watch?: boolean;
  /** `--cache`: what modules export and may export, kept from an earlier run while they are unchanged. */
  memo?: ModuleMemo | undefined;
  /** The run's module resolver (one for all its steps, knowing the folders it walked); else one of its own. */
  resolver?: ModuleResolver | undefined;
}

interface Read {
  exports: ModuleExports | undefined;
  mtimeMs: number;
}

export class ProjectConstants implements ExportSource {
  readonly index: ConstantIndex;
  private readonly modules: ModuleResolver;
  private readonly read = new Map<string, Read>();
  private byName: Map<string, string[]> | undefined;
  /** What large modules export by single names, read without the rest (null: it must be read whole). */
  private readonly alone = new Map<string, { mtimeMs: number; large: boolean; names: Map<string, ModuleExports | null> }>();

  constructor(private readonly options: ProjectConstantsOptions) {
    // A run reads each module once; a watching process (ESLint) re-reads changed ones, and asks again.
    this.index = new ExportIndex(this, { remember: options.watch !== true });
    this.modules = options.resolver ?? new ModuleResolver({ rememberMisses: options.watch !== true });
  }

  exportsOf(file: string, name?: string): ModuleExports | undefined {
    const known = this.read.get(file);
    if (known !== undefined && !this.options.watch) return known.exports;
    const mtimeMs = this.options.watch ? modifiedAt(file) : 0;
    if (known !== undefined && known.mtimeMs === mtimeMs) return known.exports;
    if (name !== undefined) {
      const alone = this.exportsByName(file, name, mtimeMs);
      if (alone !== undefined) return alone;
    }
    const fromText = (): ModuleExports | undefined => {
      const text = this.textOf(file);
      return text === undefined ? undefined : exportsIn(text, file);
    };
    const exports = this.options.memo ? this.options.memo.exports(file, fromText) : fromText();
    this.read.set(file, { exports, mtimeMs });
    return exports;
  }

  /** What a large module exports by `name`, when that can be read alone; `undefined`: read it whole. */
  private exportsByName(file: string, name: string, mtimeMs: number): ModuleExports | undefined {
    let read = this.alone.get(file);
    if (read === undefined || read.mtimeMs !== mtimeMs) {
      // Most modules are small: they are read whole, and --cache keeps nothing by name for them.
      read = { mtimeMs, large: sizeOf(file) >= READ_NAME_ALONE_FROM, names: new Map() };
      this.alone.set(file, read);
    }
    if (!read.large) return undefined;
    let exports = read.names.get(name);
    if (exports === undefined) {
      const fromText = (): ModuleExports | undefined => {
        const text = this.textOf(file);
        return text === undefined ? undefined : enumExportsAlone(text, file, name);
      };
      exports = (this.options.memo ? this.options.memo.exportsByName(file, name, fromText) : fromText()) ?? null;
      read.names.set(name, exports);
    }
    return exports ?? undefined;
  }

  /** A module's text; a watched file is read from disk, as what is kept in memory may be older. */
  private textOf(file: string): string | undefined {
    return this.options.watch ? readText(file) : (this.options.readText ?? readText)(file);
  }

  resolveModule(specifier: string, fromFile: string): string | undefined {
    return this.modules.resolve(specifier, fromFile);
  }

  filesExporting(name: string): readonly string[] {
    return (this.byName ??= this.listExports()).get(name) ?? [];
  }

  /** Every name each candidate file may export, by a text search (a superset of what parsing finds). */
  private listExports(): Map<string, string[]> {
    const byName = new Map<string, string[]>();
    const read = this.options.readText ?? readText;
    const namesIn = (file: string): readonly string[] => {
      const text = read(file);
      return text === undefined || !MAY_EXPORT_CONSTANT.test(text) ? [] : [...exportedNames(text)];
    };
    for (const file of this.options.files()) {
      const names = this.options.memo ? this.options.memo.names(file, () => namesIn(file)) : namesIn(file);
      for (const name of names) {
        const files = byName.get(name);
        if (files === undefined) byName.set(name, [file]);
        else if (files[files.length - 1] !== file) files.push(file);
      }
    }
    for (const files of byName.values()) files.sort();
    return byName;
  }
}

const EXPORTED_NAMES = [
  // export const A; export declare const; export (const) enum
  /export\s+(?:declare\s+)?(?:const\s+enum|enum|const)\s+([\w$]+)/g,
  // export { a, b as c } (from "…")
  /export\s*\{([^}]*)\}/g,
];

/** The names a module's text may export a key by. */
export function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const found of text.matchAll(EXPORTED_NAMES[0]!)) {
    names.add(found[1]!);
  }
  for (const found of text.matchAll(EXPORTED_NAMES[1]!)) {
    for (const element of found[1]!.split(",")) {
      const name = /([\w$]+)\s*$/.exec(element.trim())?.[1];
      if (name !== undefined && name !== "default") names.add(name);
    }
  }
  return names;
}

/** A module whose exports cannot be read (it does not parse, or is too deep to walk) exports none. */
function exportsIn(text: string, file: string): ModuleExports | undefined {
  if (!MAY_EXPORT_ANYTHING.test(text)) return undefined;
  const sourceFile = parseSource(text, file);
  if (getParseError(sourceFile) !== undefined) return undefined;
  try {
    return collectExportedConstants(sourceFile);
  } catch {
    return undefined;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function modifiedAt(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * A new index of the project under `root` (a registry's folder), built lazily. `watch`: refreshed
 * file by file as mtimes change, so a long-lived linter asks it for every file at the cost of a few
 * stats; without it (a process that lints once and exits), each module is read once. Names exported
 * by files created after the first lookup are seen after a restart. The ESLint plugin keeps one per
 * root in its per-process context.
 */
export function folderConstants(root: string, { watch }: { watch: boolean }): ProjectConstants {
  return new ProjectConstants({ files: () => walkProject({ cwd: root, paths: [] }).files, watch });
}

// Kept for projectConstants, a public entry point whose callers hold no context of their own.
const shared = new Map<string, ProjectConstants>();

/** A watched folderConstants index, one per root per process for callers that keep no context. */
export function projectConstants(root: string): ConstantIndex {
  let constants = shared.get(root);
  if (constants === undefined) {
    constants = folderConstants(root, { watch: true });
    shared.set(root, constants);
  }
  return constants.index;
}
