// A cross-file index over in-memory modules, for tests: `./x` resolves to `/repo/…/x.ts`, a package
// name to `/repo/packages/<name>/index.ts`, and every module is searched by name.
import path from "node:path";
import { collectExportedConstants, ExportIndex } from "../constants-index.js";
import type { ConstantIndex } from "../external-names.js";
import { parseSource } from "../parse.js";

export function memoryIndex(files: Record<string, string>): ConstantIndex {
  const exports = new Map(Object.entries(files).map(([file, text]) => [file, collectExportedConstants(parseSource(text, file))]));
  return new ExportIndex({
    exportsOf: (file) => exports.get(file),
    resolveModule(specifier, fromFile) {
      const base = specifier.startsWith(".")
        ? path.posix.join(path.posix.dirname(fromFile), specifier)
        : `/repo/packages/${specifier}/index`;
      return [`${base}.ts`, `${base}/index.ts`].find((file) => exports.has(file));
    },
    filesExporting: () => [...exports.keys()].sort(),
  });
}
