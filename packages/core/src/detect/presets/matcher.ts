// Finds, in one file, the flag checks of the SDK presets that file can use: calls, reads of a flag
// set, and gate components. Only values the SDK's own packages hand out count, so a method of the
// same name on anything else is not a check.
import ts, { SyntaxKind, isIdentifier, isStringLiteral } from "../../typescript.js";
import type { KeyCase } from "../../types.js";
import type { Scopes } from "../scope.js";
import { lastName, memberName, moduleLoadSpecifier, skipWrappers } from "../syntax.js";
import type { Evaluation, SdkPreset, ValueKind } from "./types.js";
import { checkOf, SdkValues, type SdkImport } from "./values.js";

export interface SdkCall {
  evaluation: Evaluation;
  /** `sdk:<name>` */
  label: string;
}

export interface SdkFlagSet {
  keyCase: KeyCase;
  hook: boolean;
  label: string;
}

export interface SdkGate {
  attribute: string;
  list: boolean;
  label: string;
}

export class SdkMatcher {
  private readonly values: SdkValues;
  /**
   * Names an SDK check is written through in this file: the presets' exports, methods and
   * properties, and local names bound to them. A call or read not ending in one is not looked at.
   */
  private readonly names: Set<string>;

  /** `undefined` when the file names none of the presets' packages: nothing to look for. */
  static forFile(sourceFile: ts.SourceFile, presets: readonly SdkPreset[], scopes: Scopes): SdkMatcher | undefined {
    const text = sourceFile.text;
    const used = presets.filter((preset) => preset.tokens.some((token) => text.includes(token)));
    return used.length === 0 ? undefined : new SdkMatcher(sourceFile, used, scopes);
  }

  private constructor(
    private readonly sourceFile: ts.SourceFile,
    presets: readonly SdkPreset[],
    scopes: Scopes,
  ) {
    const packages = packagesByModule(presets);
    this.values = new SdkValues(scopes, (specifier) => lookupPackage(packages, specifier), presets);
    this.names = new Set(presets.flatMap((preset) => [...namesOf(preset)]));
    this.seed(packages);
  }

  /** The flag check `call` makes, if it calls something an SDK handed out. */
  callCheck(call: ts.CallExpression): SdkCall | undefined {
    const callee = skipWrappers(call.expression);
    const name = lastName(callee);
    if (name === undefined || !this.names.has(name)) return undefined;
    const value = this.values.of(callee);
    const evaluation = checkOf(value);
    return evaluation && value && { evaluation, label: labelOf(value.preset) };
  }

  /** The flag set `expression` is (`useFlags()`, `ldClient.allFlags()`), whose properties are flags. */
  flagSet(expression: ts.Expression): SdkFlagSet | undefined {
    if (!this.mentions(expression)) return undefined;
    const value = this.values.of(expression);
    const set = value?.kind.flagSet;
    return set && value && { ...set, label: labelOf(value.preset) };
  }

  /** What an SDK handed out as `expression` (a client, a factory…), for discovery to follow it further. */
  valueOf(expression: ts.Expression): { preset: SdkPreset; kind: ValueKind } | undefined {
    return this.values.of(expression);
  }

  /** The gate a JSX tag renders (`<IfFeatureEnabled feature="x">`). */
  gate(tagName: ts.JsxTagNameExpression): SdkGate | undefined {
    if (!isIdentifier(tagName) && !ts.isPropertyAccessExpression(tagName)) return undefined;
    const name = lastName(tagName);
    if (name === undefined || !this.names.has(name)) return undefined;
    const value = this.values.of(tagName);
    const gate = value?.kind.gate;
    return gate && value && { attribute: gate.attribute, list: gate.list === true, label: labelOf(value.preset) };
  }

  /** `const check = client.isEnabled`, `const flags = useFlags()`: the bound names can now hold SDK values. */
  trackVariable(declaration: ts.VariableDeclaration): void {
    if (declaration.initializer !== undefined && this.mentions(declaration.initializer)) {
      addBoundNames(declaration.name, this.names);
    }
  }

  /** Whether an expression reads, calls or loads something by one of the tracked names. */
  mentions(expression: ts.Expression): boolean {
    let current = skipWrappers(expression);
    for (let depth = 0; depth < 64; depth++) {
      switch (current.kind) {
        case SyntaxKind.Identifier:
          return this.names.has((current as ts.Identifier).text);
        case SyntaxKind.AwaitExpression:
          current = skipWrappers((current as ts.AwaitExpression).expression);
          break;
        case SyntaxKind.NewExpression:
          current = skipWrappers((current as ts.NewExpression).expression);
          break;
        case SyntaxKind.CallExpression:
          if (moduleLoadSpecifier(current) !== undefined) return true;
          current = skipWrappers((current as ts.CallExpression).expression);
          break;
        case SyntaxKind.PropertyAccessExpression:
        case SyntaxKind.ElementAccessExpression: {
          const access = current as ts.PropertyAccessExpression | ts.ElementAccessExpression;
          const name = memberName(access);
          if (name !== undefined && this.names.has(name)) return true;
          current = skipWrappers(access.expression);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  /** Local names of SDK imports, and top-level consts bound from them, before the walk reaches any use. */
  private seed(packages: ReadonlyMap<string, SdkImport>): void {
    for (const statement of this.sourceFile.statements) {
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause === undefined || !isStringLiteral(statement.moduleSpecifier)) continue;
        if (lookupPackage(packages, statement.moduleSpecifier.text) === undefined) continue;
        if (clause.name !== undefined) this.names.add(clause.name.text);
        const bindings = clause.namedBindings;
        if (bindings === undefined) continue;
        if (ts.isNamespaceImport(bindings)) this.names.add(bindings.name.text);
        else for (const element of bindings.elements) this.names.add(element.name.text);
      } else if (ts.isImportEqualsDeclaration(statement)) {
        const reference = statement.moduleReference;
        if (
          ts.isExternalModuleReference(reference) &&
          isStringLiteral(reference.expression) &&
          lookupPackage(packages, reference.expression.text) !== undefined
        ) {
          this.names.add(statement.name.text);
        }
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) this.trackVariable(declaration);
      }
    }
  }
}

function labelOf(preset: SdkPreset): string {
  return `sdk:${preset.name}`;
}

/** Exact module specifiers, and `<module>/` prefixes for packages whose every subpath counts. */
/** The packages of `presets` by import specifier (a package with `subpaths` also under `module/`). */
export function packagesByModule(presets: readonly SdkPreset[]): Map<string, SdkImport> {
  const packages = new Map<string, SdkImport>();
  for (const preset of presets) {
    for (const pkg of preset.packages) {
      packages.set(pkg.module, { preset, pkg });
      if (pkg.subpaths === true) packages.set(`${pkg.module}/`, { preset, pkg });
    }
  }
  return packages;
}

/** The SDK package an import specifier names: exactly, or a subpath of a package that takes any. */
export function lookupPackage(packages: ReadonlyMap<string, SdkImport>, specifier: string): SdkImport | undefined {
  const exact = packages.get(specifier);
  if (exact !== undefined) return exact;
  const slash = specifier.indexOf("/", specifier.startsWith("@") ? specifier.indexOf("/") + 1 : 0);
  return slash < 0 ? undefined : packages.get(`${specifier.slice(0, slash)}/`);
}

// Kept in module state on purpose, unlike what is derived from a registry (detect/context.ts): the
// key is one of the built-in SDK presets (SDK_PRESETS), data that never changes, so its names are
// the same for every run and registry.
const presetNames = new WeakMap<SdkPreset, ReadonlySet<string>>();

/** Every name a check through this preset can be written with: exports, methods, properties. */
export function namesOf(preset: SdkPreset): ReadonlySet<string> {
  let names = presetNames.get(preset);
  if (names === undefined) {
    const found = new Set<string>();
    for (const pkg of preset.packages) for (const name of Object.keys(pkg.exports)) found.add(name);
    for (const kind of Object.values<ValueKind>(preset.kinds)) {
      for (const name of Object.keys(kind.methods ?? {})) found.add(name);
      for (const name of Object.keys(kind.properties ?? {})) found.add(name);
    }
    found.delete("default");
    names = found;
    presetNames.set(preset, names);
  }
  return names;
}

function addBoundNames(name: ts.BindingName, names: Set<string>): void {
  if (isIdentifier(name)) {
    names.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) addBoundNames(element.name, names);
  }
}
