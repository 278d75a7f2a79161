// Detection: what counts as a flag check, found on the TypeScript compiler's own syntax tree.
export { analyzeSource, type AnalyzeOptions } from "./analyze.js";
export { AnalysisContext, type AnalysisContextInput } from "./context.js";
export {
  collectExportedConstants,
  ExportIndex,
  type ExportedConstant,
  type ExportLink,
  type ExportSource,
  type ModuleExports,
} from "./constants-index.js";
export type { ConstantIndex, Declaration, ExternalName } from "./external-names.js";
export { declarationOf } from "./declarations.js";
export { mergeCamelCasedReads, registryKeyFor, toKeyCase } from "./key-case.js";
export type { KeyFallback } from "./keys.js";
export { getParseError, parseSource, scriptKindOf } from "./parse.js";
export { mayNeedAnalysis } from "./prefilter.js";
export { SDK_PRESETS, type Evaluation, type SdkPackage, type SdkPreset, type ValueKind } from "./presets/index.js";
