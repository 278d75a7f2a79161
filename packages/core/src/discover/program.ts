// One TypeScript program over the project's own files, with a type checker, for discovery.
// Imports resolve to project files only: relative paths, the project's workspace packages by
// name, and tsconfig `paths` aliases. Nothing is read from node_modules, and of the standard
// library only the ES5 core (`Partial`, `Record`, `ReturnType`…): the checker only has to see the
// project's own types (unions, enums, interfaces, consts) and what they are built with.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import type * as TS from "typescript";
import ts from "../typescript.js";
import { parseJsonc, readText } from "../project/module-resolution.js";

export interface ProjectProgram {
  program: TS.Program;
  checker: TS.TypeChecker;
  /** The program's roots (the project's files), in the order given. */
  sourceFiles: TS.SourceFile[];
  /** Files the parser gave up on (it recurses: deep nesting overflows the stack), with why. */
  failures: ReadonlyMap<string, string>;
}

/** Made on first use: no module reads the compiler while it loads (see typescript.ts). */
const compilerOptions = (): TS.CompilerOptions => ({
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  lib: ["lib.es5.d.ts"],
  noEmit: true,
  types: [],
  skipLibCheck: true,
  target: ts.ScriptTarget.Latest,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Discovery asks the checker about types, never for diagnostics.
  noResolve: false,
});

/** TypeScript's own library folder and its ES5 library, found on first use (resolving a module costs ms at start-up). */
let libPaths: { dir: string; es5: string } | undefined;
function lib(): { dir: string; es5: string } {
  if (libPaths === undefined) {
    const dir = path.dirname(createRequire(import.meta.url).resolve("typescript"));
    libPaths = { dir, es5: path.join(dir, "lib.es5.d.ts") };
  }
  return libPaths;
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs"];

export interface ProgramOptions {
  /** How much memory the parse may fill, and how it is measured (default: the V8 heap, half its limit). */
  heap?: HeapBudget;
  /** The files the program is of (default: every file of `texts`); it reads the others they import. */
  roots?: readonly string[];
}

/**
 * Bytes the parsed files may fill. Binding them and discovery's questions to the checker add about
 * half as much again: past this, the program would exhaust the heap, and V8 would end the process
 * with no word of what to do.
 */
export interface HeapBudget {
  budget: number;
  /** Bytes in use now, with this many files parsed. */
  used(parsedFiles: number): number;
}

/** Half of V8's heap limit, measured as V8 counts what is in use. */
export function defaultHeapBudget(): HeapBudget {
  return { budget: v8.getHeapStatistics().heap_size_limit / 2, used: () => v8.getHeapStatistics().used_heap_size };
}

/** The project's files do not fit in one program within the heap budget. */
export class ProgramTooLarge extends Error {
  constructor(
    /** Files parsed when the budget ran out, and how many the program would hold. */
    readonly parsed: number,
    readonly total: number,
    /** Bytes of source the program would hold, and the budget. */
    readonly sourceBytes: number,
    readonly heapBudget: number,
  ) {
    super(`the program outgrew its heap budget after ${parsed} of ${total} files`);
    // Until it is formatted, V8's trace holds the frames it was thrown through, and with them the
    // whole program: formatted now, the program can be collected while the error is handled.
    void this.stack;
  }
}

/**
 * A full garbage collection, so that the heap measure that follows counts what lives, not what an
 * earlier program left to collect. V8 gives `gc` only to a process started with `--expose-gc`; the
 * flag set now makes it for a fresh context. Where that fails, V8 collects in its own time.
 */
export function collectGarbage(): void {
  try {
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
  } catch {
    // The measure may count garbage: the budget is then reached sooner, never overshot.
  }
}

/** How often, in parsed files, the heap is measured: the measure costs about a microsecond. */
const HEAP_CHECK_EVERY = 16;

/** `texts` maps each absolute file to its text: the files the program holds. */
export function createProjectProgram(root: string, texts: ReadonlyMap<string, string>, programOptions: ProgramOptions = {}): ProjectProgram {
  const resolver = resolverOf(root, texts);
  // React's context functions get their types where the project does not hold React itself.
  const shim = resolver.resolve("react", path.join(root, "index.ts")) === undefined ? reactShim() : undefined;
  const virtual = (fileName: string): string | undefined => {
    const file = path.resolve(fileName);
    return file === lib().es5 ? readLib() : file === shim?.file ? shim.text : undefined;
  };
  const failures = new Map<string, string>();
  const heap = programOptions.heap ?? defaultHeapBudget();
  const roots = programOptions.roots ?? [...texts.keys()];
  const withinBudget = (parsed: number): void => {
    if (heap.used(parsed) <= heap.budget) return;
    let sourceBytes = 0;
    for (const file of roots) sourceBytes += texts.get(file)?.length ?? 0;
    throw new ProgramTooLarge(parsed, roots.length, sourceBytes, heap.budget);
  };
  let parsed = 0;
  const host: TS.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = virtual(fileName) ?? texts.get(path.resolve(fileName));
      // Discovery never reads JSDoc; skipping it makes parsing measurably faster.
      const options = { languageVersion: typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
      if (text === undefined) return undefined;
      if (++parsed % HEAP_CHECK_EVERY === 0) withinBudget(parsed);
      try {
        return ts.createSourceFile(fileName, text, options, true);
      } catch (error) {
        failures.set(path.resolve(fileName), (error as Error).message);
        return ts.createSourceFile(fileName, "", options, true);
      }
    },
    getDefaultLibFileName: () => lib().es5,
    getDefaultLibLocation: () => lib().dir,
    writeFile: () => {},
    getCurrentDirectory: () => root,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => texts.has(path.resolve(fileName)) || virtual(fileName) !== undefined,
    readFile: (fileName) => virtual(fileName) ?? texts.get(path.resolve(fileName)),
    resolveModuleNameLiterals: (literals, containingFile) =>
      literals.map((literal) => {
        const resolved = resolver.resolve(literal.text, containingFile);
        return {
          resolvedModule:
            resolved === undefined
              ? undefined
              : { resolvedFileName: resolved, extension: extensionOf(resolved), isExternalLibraryImport: false },
        };
      }),
  };
  const program = ts.createProgram({ rootNames: shim === undefined ? roots : [...roots, shim.file], options: compilerOptions(), host });
  const sourceFiles = roots
    .map((file) => program.getSourceFile(file))
    .filter((file): file is TS.SourceFile => file !== undefined);
  withinBudget(parsed);
  return { program, checker: program.getTypeChecker(), sourceFiles, failures };
}

/**
 * One resolver per project: discovery one package at a time makes a program per package over the
 * same files, and the resolver reads every folder's package.json and tsconfig when it is made.
 */
const resolvers = new WeakMap<ReadonlyMap<string, string>, { root: string; resolver: ProjectResolver }>();

function resolverOf(root: string, texts: ReadonlyMap<string, string>): ProjectResolver {
  const known = resolvers.get(texts);
  if (known !== undefined && known.root === root) return known.resolver;
  const resolver = new ProjectResolver(root, texts);
  resolvers.set(texts, { root, resolver });
  return resolver;
}

let libText: string | undefined;

/**
 * What discovery knows of React without reading node_modules: a context is created with the type
 * of what it holds, and `useContext` hands that type back. So `const flags = useContext(FlagsContext)`
 * is typed as the flags it holds, not `any`, however many hooks pass it on. Every other name of
 * React stays `any`, as an import that does not resolve is.
 */
const REACT_SHIM = `declare module "react" {
  export interface Context<T> { Provider: any; Consumer: any; displayName?: string }
  export function createContext<T>(defaultValue: T): Context<T>;
  export function useContext<T>(context: Context<T>): T;
  const React: { createContext: typeof createContext; useContext: typeof useContext; [name: string]: any };
  export default React;
}
`;

function reactShim(): { file: string; text: string } {
  return { file: path.join(lib().dir, "flaglint-discovery-react.d.ts"), text: REACT_SHIM };
}

function readLib(): string | undefined {
  try {
    libText ??= fs.readFileSync(lib().es5, "utf8");
  } catch {
    return undefined;
  }
  return libText;
}

function extensionOf(file: string): TS.Extension {
  if (file.endsWith(".d.ts")) return ts.Extension.Dts;
  const extension = path.extname(file);
  const known: Record<string, TS.Extension> = {
    ".ts": ts.Extension.Ts,
    ".tsx": ts.Extension.Tsx,
    ".mts": ts.Extension.Mts,
    ".cts": ts.Extension.Cts,
    ".js": ts.Extension.Js,
    ".jsx": ts.Extension.Jsx,
    ".mjs": ts.Extension.Mjs,
    ".cjs": ts.Extension.Cjs,
  };
  return known[extension] ?? ts.Extension.Ts;
}

interface Alias {
  /** `@/*` -> prefix `@/`, wildcard true; `~lib` -> prefix `~lib`, wildcard false. */
  prefix: string;
  wildcard: boolean;
  targets: string[];
}

/** Resolves import specifiers to project files, without node_modules. */
class ProjectResolver {
  /** Workspace package name -> its folder. */
  private readonly packages = new Map<string, string>();
  /** Folder of a tsconfig / jsconfig -> its path aliases. */
  private readonly aliases = new Map<string, Alias[]>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly root: string,
    private readonly files: ReadonlyMap<string, string>,
  ) {
    const folders = new Set<string>([root]);
    for (const file of files.keys()) {
      for (let dir = path.dirname(file); dir.startsWith(root) && !folders.has(dir); dir = path.dirname(dir)) folders.add(dir);
    }
    for (const dir of folders) {
      const manifest = readJson(path.join(dir, "package.json"));
      if (typeof manifest?.name === "string" && !this.packages.has(manifest.name)) this.packages.set(manifest.name, dir);
      for (const name of ["tsconfig.json", "jsconfig.json"]) {
        const aliases = readAliases(path.join(dir, name));
        if (aliases.length > 0) {
          this.aliases.set(dir, aliases);
          break;
        }
      }
    }
  }

  resolve(specifier: string, containingFile: string): string | undefined {
    const dir = path.dirname(containingFile);
    const key = specifier.startsWith(".") ? `${dir}\0${specifier}` : `${this.aliasScope(dir)}\0${specifier}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const resolved = this.resolveUncached(specifier, dir);
    this.cache.set(key, resolved);
    return resolved;
  }

  private resolveUncached(specifier: string, dir: string): string | undefined {
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) return this.asFile(path.resolve(dir, specifier));
    const scope = this.aliasScope(dir);
    for (const alias of scope === undefined ? [] : this.aliases.get(scope)!) {
      const rest = alias.wildcard ? (specifier.startsWith(alias.prefix) ? specifier.slice(alias.prefix.length) : undefined) : specifier === alias.prefix ? "" : undefined;
      if (rest === undefined) continue;
      for (const target of alias.targets) {
        const found = this.asFile(target.replace("*", rest));
        if (found !== undefined) return found;
      }
    }
    return this.asPackage(specifier);
  }

  /** The nearest folder above `dir` with path aliases. */
  private aliasScope(dir: string): string | undefined {
    for (let current = dir; current.startsWith(this.root); current = path.dirname(current)) {
      if (this.aliases.has(current)) return current;
      if (path.dirname(current) === current) break;
    }
    return undefined;
  }

  /** `@acme/flags` or `@acme/flags/sub`: a workspace package of the project, its entry or a file in it. */
  private asPackage(specifier: string): string | undefined {
    const parts = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    const name = parts.slice(0, nameLength).join("/");
    const dir = this.packages.get(name);
    if (dir === undefined) return undefined;
    const subpath = parts.slice(nameLength).join("/");
    if (subpath !== "") return this.asFile(path.join(dir, subpath)) ?? this.asFile(path.join(dir, "src", subpath));
    const manifest = readJson(path.join(dir, "package.json")) ?? {};
    const entries = [manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main]
      .filter((entry): entry is string => typeof entry === "string")
      .flatMap((entry) => [entry, entry.replace(/^(\.\/)?(dist|build|lib|out)\//, "$1src/")]);
    for (const entry of [...entries, "src/index", "index"]) {
      const found = this.asFile(path.join(dir, entry));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** A project file for `base`: itself, with an extension, a `.js` written for a `.ts`, or its folder's index. */
  private asFile(base: string): string | undefined {
    if (this.files.has(base)) return base;
    const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, "");
    for (const candidate of [stripped, base]) {
      for (const extension of EXTENSIONS) if (this.files.has(candidate + extension)) return candidate + extension;
    }
    for (const extension of EXTENSIONS) {
      const index = path.join(base, `index${extension}`);
      if (this.files.has(index)) return index;
    }
    return undefined;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  const config = text === undefined ? undefined : parseJsonc(file, text);
  return typeof config === "object" && config !== null ? config : undefined;
}

/** `compilerOptions.paths` of a tsconfig, with targets made absolute (relative to `baseUrl` or the file). */
function readAliases(file: string): Alias[] {
  const config = readJson(file);
  const options = config?.compilerOptions as { paths?: Record<string, unknown>; baseUrl?: string } | undefined;
  if (options?.paths === undefined || typeof options.paths !== "object") return [];
  const base = path.resolve(path.dirname(file), typeof options.baseUrl === "string" ? options.baseUrl : ".");
  const aliases: Alias[] = [];
  for (const [pattern, targets] of Object.entries(options.paths)) {
    if (!Array.isArray(targets)) continue;
    const wildcard = pattern.endsWith("*");
    aliases.push({
      prefix: wildcard ? pattern.slice(0, -1) : pattern,
      wildcard,
      targets: targets.filter((target): target is string => typeof target === "string").map((target) => path.resolve(base, target)),
    });
  }
  // The longest prefix first, as TypeScript picks it.
  return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
}
