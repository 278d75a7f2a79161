// What the plugin derives from each registry, kept for the life of the ESLint process (an editor
// keeps it alive for hours): core's AnalysisContext (compiled detect config, pre-filter, key maps,
// ignore: matcher), the cross-file index of exported keys of the registry's folder, and the
// analyses of the trees linted under it. A registry read again (its file changed) gets a new context;
// the index of its folder is kept, since it follows its files' mtimes itself (when watched, see
// lifetime.ts).
import type ts from "typescript";
import {
  AnalysisContext,
  folderConstants,
  type ConstantIndex,
  type FileAnalysis,
  type Registry,
} from "@flaglint/core";

export interface CachedAnalysis {
  program: ts.Program | undefined;
  analysis: FileAnalysis;
  /** A key came from another module: that module may have changed since, so the walk is not reused. */
  crossFile: boolean;
}

export interface LintContext {
  registry: Registry;
  analysis: AnalysisContext;
  /** Keys other modules export, as `flaglint check` resolves them. */
  constants: ConstantIndex;
  /**
   * Keyed by the tree: a parser with type information can hand the same ts.SourceFile to several
   * lints of an unchanged file; the walk is reused while the program stays the same.
   */
  analyses: WeakMap<ts.SourceFile, CachedAnalysis>;
}

export class LintContexts {
  /** By registry path: the context of the registry last read from it. */
  private readonly byPath = new Map<string, LintContext>();
  /** By registry folder (the root of the index). */
  private readonly indexes = new Map<string, ConstantIndex>();

  /** `watch`: modules a key comes from are read again when their mtime changes. */
  constructor(private readonly options: { watch: boolean }) {}

  /** The context of `registry`, as read from `registryPath`: made again when the registry was read again. */
  of(registryPath: string, registry: Registry): LintContext {
    let context = this.byPath.get(registryPath);
    if (context === undefined || context.registry !== registry) {
      context = {
        registry,
        analysis: AnalysisContext.of(registry),
        constants: this.indexOf(registry.dir),
        analyses: new WeakMap(),
      };
      this.byPath.set(registryPath, context);
    }
    return context;
  }

  private indexOf(root: string): ConstantIndex {
    let index = this.indexes.get(root);
    if (index === undefined) {
      index = folderConstants(root, this.options).index;
      this.indexes.set(root, index);
    }
    return index;
  }
}
