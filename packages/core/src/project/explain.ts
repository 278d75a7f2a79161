// `flaglint explain <file>`: why a file is or is not checked, and why a call that looks like a flag
// check was not counted. The answer comes from the same engine as `check`, run on the one file.
import fs from "node:fs";
import path from "node:path";
import type * as TS from "typescript";
import { isIgnoredByRegistry } from "../checks/index.js";
import { UsageError } from "../clock.js";
import { AnalysisContext, mayNeedAnalysis, parseSource, SDK_PRESETS, type SdkPreset } from "../detect/index.js";
import ts from "../typescript.js";
import type { DetectConfig, Finding, FlagReference, Registry } from "../types.js";
import { analyzeProject } from "./analyze.js";
import { isSourceFile } from "./files.js";
import { RegistrySet } from "./registries.js";

export interface ExplainOptions {
  cwd: string;
  /** The file, relative to cwd or absolute. */
  file: string;
  /** An explicit registry (`--registry`). */
  registry?: string;
  /** Today, `YYYY-MM-DD`, for the file's findings. */
  now: string;
}

/** A configured way of checking a flag, as `detect` says it. */
export interface MatcherView {
  /** As references name it: `calls[0]`, `objects[1]`, `sdk:launchdarkly`. */
  id: string;
  description: string;
}

/** A call that looks like a flag check but is not one, and why. */
export interface LookAlike {
  line: number;
  column: number;
  /** The callee as written: `other.isEnabled`. */
  callee: string;
  reason: string;
}

export interface FileExplanation {
  /** Absolute path. */
  file: string;
  /** Absolute path of the governing registry; absent when none governs the file. */
  registry?: string;
  /** Why the file is not checked at all, when it is not: no registry, an `ignore:` glob, not a source file. */
  unchecked?: string;
  matchers: MatcherView[];
  /** Whether the text passed the pre-filter (a file that fails it is never parsed). */
  parsed: boolean;
  references: FlagReference[];
  findings: Finding[];
  lookAlikes: LookAlike[];
}

export function explainFile(options: ExplainOptions): FileExplanation {
  const file = path.resolve(options.cwd, options.file);
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`no such file: ${options.file} (hint: explain takes one source file, relative to ${options.cwd})`);
  }
  const empty = { file, matchers: [], parsed: false, references: [], findings: [], lookAlikes: [] };
  if (!isSourceFile(file)) return { ...empty, unchecked: `not a source file (flaglint reads ${[".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"].join(" ")})` };
  const registries = new RegistrySet(options.cwd, options.registry);
  const registry = registries.forFile(file);
  registries.throwProblems();
  if (!registry) return { ...empty, unchecked: "no feature-flags.yaml in its folder or any folder above it (hint: flaglint init)" };
  const matchers = describeMatchers(registry.detect);
  const context = AnalysisContext.of(registry);
  if (isIgnoredByRegistry(registry, file, context)) {
    return { ...empty, registry: registry.path, matchers, unchecked: `the registry's ignore: globs (${registry.ignore!.join(", ")}) leave it out` };
  }

  const text = fs.readFileSync(file, "utf8");
  const parsed = mayNeedAnalysis(text, registry.detect, context, file);
  const result = analyzeProject({ cwd: options.cwd, paths: [file], registry: options.registry, now: options.now, maxFileBytes: Infinity });
  const references = result.references.filter((reference) => reference.file === file);
  const findings = result.findings.filter((finding) => finding.file === file);
  const lookAlikes = findLookAlikes(parseSource(text, file), registry, references, parsed);
  return { file, registry: registry.path, matchers, parsed, references, findings, lookAlikes };
}

function describeMatchers(detect: DetectConfig): MatcherView[] {
  const views: MatcherView[] = [];
  for (const name of detect.sdks) {
    const preset = SDK_PRESETS.find((candidate) => candidate.name === name);
    views.push({ id: `sdk:${name}`, description: preset ? `SDK preset: ${preset.packages.map((p) => p.module).join(", ")}` : "SDK preset (unknown)" });
  }
  detect.calls.forEach((call, index) => {
    const key = `key: ${call.key === undefined ? `argument ${call.keyArg}` : JSON.stringify(call.key)}${call.contextArg === undefined ? "" : `, context: argument ${call.contextArg}`}`;
    let what: string;
    if (call.module !== undefined) {
      const binding = call.import === undefined ? "any import" : call.import === "default" ? "the default import" : call.import === "*" ? "the namespace import" : `the ${call.import} import`;
      what = `${call.method === undefined ? "a call of" : `.${call.method}() on`} ${binding} of "${call.module}"`;
    } else if (call.object !== undefined) {
      what = `.${call.method ?? "?"}() on an object named ${call.object} (or ending in .${call.object})`;
    } else {
      what = `a call of the function ${call.function ?? "?"}()`;
    }
    views.push({ id: `calls[${index}]`, description: `${what} (${key})` });
  });
  detect.objects.forEach((object, index) => views.push({ id: `objects[${index}]`, description: `property reads of ${object.path} (keyCase: ${object.keyCase})` }));
  detect.constants.forEach((constant, index) => views.push({ id: `constants[${index}]`, description: `every member of ${constant.name}` }));
  detect.properties.forEach((property, index) => views.push({ id: `properties[${index}]`, description: `object-literal properties named ${property.name}` }));
  return views;
}

/** Method names each SDK preset evaluates flags with. */
function presetMethods(preset: SdkPreset): Set<string> {
  const names = new Set<string>();
  for (const kind of Object.values(preset.kinds)) {
    for (const [name, does] of Object.entries(kind.methods ?? {})) if (typeof does !== "string") names.add(name);
  }
  return names;
}

/**
 * Calls named like a configured check (a configured method or function, a preset's evaluation
 * method) that detection did not count, each with the likeliest reason.
 */
function findLookAlikes(sourceFile: TS.SourceFile, registry: Registry, references: readonly FlagReference[], parsed: boolean): LookAlike[] {
  const { detect } = registry;
  const presets = detect.sdks.flatMap((name) => SDK_PRESETS.filter((preset) => preset.name === name));
  const imported = importedModules(sourceFile, registry.dir);
  const lookAlikes: LookAlike[] = [];

  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const reason = lookAlikeReason(node, sourceFile, detect, presets, imported, parsed);
      // Counted: a key among its arguments, or the call itself a check (a fixed key sits at the callee's name).
      const site = node.getStart(sourceFile);
      const counted = references.some(
        (reference) => (reference.start >= node.arguments.pos && reference.end <= node.arguments.end) || (reference.siteStart === site && reference.siteEnd === node.end),
      );
      if (reason !== undefined && !counted) {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        lookAlikes.push({ line: line + 1, column: character + 1, callee: node.expression.getText(sourceFile), reason });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return lookAlikes;
}

function lookAlikeReason(
  call: TS.CallExpression,
  sourceFile: TS.SourceFile,
  detect: DetectConfig,
  presets: readonly SdkPreset[],
  imported: ReadonlySet<string>,
  parsed: boolean,
): string | undefined {
  const callee = call.expression;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sourceFile) : undefined;
  const name = ts.isIdentifier(callee) ? callee.text : undefined;
  const filtered = (why: string) => (parsed ? why : `filtered out before parsing: the file's text names no configured check, so it was never parsed (${why})`);

  for (const [index, matcher] of detect.calls.entries()) {
    const id = `calls[${index}]`;
    if (matcher.module !== undefined && matcher.method !== undefined && method === matcher.method) {
      if (!imported.has(matcher.module)) return filtered(`wrong import: ${id} wants .${matcher.method}() on ${matcher.import ?? "an import"} from "${matcher.module}", which this file does not import`);
      return filtered(`wrong receiver: ${receiver} is not the ${matcher.import ?? ""} import of "${matcher.module}" that ${id} names`.replace("  ", " "));
    }
    if (matcher.object !== undefined && method === (matcher.method ?? method) && method !== undefined && matcher.method !== undefined) {
      return filtered(`wrong receiver: ${id} wants .${matcher.method}() on an object named ${matcher.object}, not on ${receiver}`);
    }
    if (matcher.function !== undefined && (method === matcher.function || name === matcher.function)) {
      return filtered(method === undefined ? `${id} names ${matcher.function}(), but its key is not where keyArg ${matcher.keyArg} says` : `wrong receiver: ${id} wants a plain call of ${matcher.function}(), not a method of ${receiver}`);
    }
    if (matcher.module !== undefined && matcher.method === undefined && name !== undefined && name === matcher.import) {
      if (!imported.has(matcher.module)) return filtered(`wrong import: ${id} wants ${name}() imported from "${matcher.module}", which this file does not import`);
    }
  }
  if (method !== undefined) {
    for (const preset of presets) {
      if (!presetMethods(preset).has(method)) continue;
      const packages = preset.packages.map((p) => `"${p.module}"`).join(", ");
      const fromSdk = preset.packages.some((p) => imported.has(p.module));
      return filtered(
        fromSdk
          ? `wrong receiver: ${receiver} is not followed back to a ${preset.name} client (a const, field or parameter typed from the SDK)`
          : `wrong import: .${method}() is a ${preset.name} method, but this file imports none of ${packages}`,
      );
    }
  }
  return undefined;
}

/**
 * Module specifiers the file imports or requires; a relative one also as `detect.calls` writes it,
 * relative to the registry's folder (`./src/flags` for `import … from "./flags.js"` in src/).
 */
function importedModules(sourceFile: TS.SourceFile, registryDir: string): Set<string> {
  const modules = new Set<string>();
  const add = (specifier: string): void => {
    modules.add(specifier);
    if (!specifier.startsWith(".")) return;
    const absolute = path.resolve(path.dirname(sourceFile.fileName), specifier).replace(/\.[cm]?[jt]sx?$/, "").replace(/[\\/]index$/, "");
    const relative = path.relative(registryDir, absolute).split(path.sep).join("/");
    modules.add(relative.startsWith(".") ? relative : `./${relative}`);
  };
  const visit = (node: TS.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require" && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return modules;
}
