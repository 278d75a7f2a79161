// Finds every flag reference of a file in one walk of its syntax tree, for all matchers at once.
import ts, {
  onCompilerLoad,
  SyntaxKind,
  forEachChild,
  isArrayLiteralExpression,
  isAwaitExpression,
  isCallExpression,
  isComputedPropertyName,
  isElementAccessExpression,
  isExpression,
  isExternalModuleReference,
  isIdentifier,
  isImportDeclaration,
  isImportEqualsDeclaration,
  isJsxExpression,
  isJsxAttribute,
  isNamespaceImport,
  isObjectBindingPattern,
  isObjectLiteralExpression,
  isOmittedExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isSpreadElement,
  isStringLiteral,
  isStringLiteralLike,
  isVariableStatement,
} from "../typescript.js";
import type { CallMatcher, DetectConfig, FileAnalysis, FlagReference, ReferenceKind } from "../types.js";
import { ChainResolver, endsWith, trailingNames, type Chain, type ChainRoot } from "./chains.js";
import { readComments } from "./comments.js";
import { declarationOf } from "./declarations.js";
import { isMethodOfCallResult } from "./call-results.js";
import type { CompiledCall, CompiledDetect, CompiledObject } from "./config.js";
import { AnalysisContext } from "./context.js";
import type { ConstantIndex } from "./external-names.js";
import { KeyResolver, type KeyFallback } from "./keys.js";
import { propertyValue } from "./literal-values.js";
import { ModuleMatcher } from "./modules.js";
import { failureFromError, getParseError, setParents } from "./parse.js";
import { SdkMatcher, type SdkCall } from "./presets/matcher.js";
import type { Evaluation } from "./presets/types.js";
import { Scopes } from "./scope.js";
import {
  CALL_SEGMENT_SUFFIX,
  calledIn,
  calleeNameNode,
  callSegment,
  enclosedBy,
  findsFlagRecord,
  isEqualityOperator,
  isWriteTarget,
  memberName,
  moduleLoadSpecifier,
  propertyNameText,
  rangeOf,
  skipWrappers,
  writtenNames,
} from "./syntax.js";


export interface AnalyzeOptions {
  /** Exported constants of the whole project, for keys imported from other files. */
  constants?: ConstantIndex;
  /** Absolute directory of the registry: `./path` modules in `detect.calls` are relative to it. */
  registryDir?: string;
  /** The registry's keys, to map a property name in another case (`keyCase`) to its key. */
  registryKeys?: ReadonlySet<string>;
  /** Consulted for a key the syntax cannot resolve, e.g. its literal type from a type checker. */
  resolveKey?: KeyFallback;
  /**
   * What the run derived from this registry (its compiled config, key maps): made once per registry
   * and passed to every file. Its detect config, folder and keys stand for `detect`, `registryDir`
   * and `registryKeys`. Without one, a context for this one call is made from those.
   */
  context?: AnalysisContext;
}

/**
 * Everything detection learns from one parsed file. Never throws: a file that did not parse, or
 * that the compiler cannot walk, comes back with `parseError` and nothing else, as in ESLint.
 */
export function analyzeSource(
  sourceFile: ts.SourceFile,
  detect: DetectConfig,
  options: AnalyzeOptions = {},
): FileAnalysis {
  try {
    const parseError = getParseError(sourceFile);
    if (parseError !== undefined) return { references: [], notes: [], directives: [], parseError };
    const context =
      options.context ??
      new AnalysisContext({ detect, registryDir: options.registryDir, registryKeys: options.registryKeys });
    const config = context.configFor(sourceFile.fileName);
    const references = new FileAnalyzer(sourceFile, config, options, context).findReferences();
    return { references, ...readComments(sourceFile) };
  } catch (error) {
    return { references: [], notes: [], directives: [], parseError: failureFromError(error) };
  }
}

interface ReferenceSite {
  keyNode: ts.Node;
  site: ts.Node;
  flag: string | undefined;
  kind: ReferenceKind;
  label: string;
  context: boolean | null;
}

class FileAnalyzer {
  private readonly references: FlagReference[] = [];
  /** Key expressions a reference already covers: one site is one reference, whoever else agrees. */
  private readonly claimedKeys = new Set<ts.Node>();
  private readonly chains: ChainResolver;
  private readonly keys: KeyResolver;
  private readonly scopes = new Scopes();
  /** The SDK presets this file can use; `undefined` when it names none of their packages. */
  private sdk: SdkMatcher | undefined;
  private readonly modules: ReadonlyArray<ModuleMatcher | undefined>;
  private readonly jsxModules: ReadonlyArray<ModuleMatcher | undefined>;
  /** Names a check can be written through in this file: the configured names and their local aliases. */
  private readonly aliases: Set<string>;
  /** Local names that may stand for a `detect.constants` declaration: the names and their aliases. */
  private readonly constantNames: Set<string>;
  /** The calls object paths name (`getFlags()`): what they return holds flag values. */
  private readonly objectCalls: ReadonlySet<string>;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly config: CompiledDetect,
    options: AnalyzeOptions,
    private readonly context: AnalysisContext,
  ) {
    this.chains = new ChainResolver(this.scopes);
    this.keys = new KeyResolver(sourceFile, this.scopes, options.constants, options.resolveKey);
    this.modules = config.calls.map(({ matcher }) =>
      matcher.module === undefined
        ? undefined
        : new ModuleMatcher(matcher.module, sourceFile.fileName, context.registryDir),
    );
    this.jsxModules = config.jsx.map(({ matcher }) =>
      matcher.module === undefined ? undefined : new ModuleMatcher(matcher.module, sourceFile.fileName, context.registryDir),
    );
    this.aliases = new Set(config.aliasHints);
    this.constantNames = new Set(config.constants.keys());
    this.objectCalls = new Set(config.objects.flatMap(({ segments }) => segments.filter((segment) => segment.endsWith(CALL_SEGMENT_SUFFIX))));
  }

  findReferences(): FlagReference[] {
    const { calls, objects, constants, properties, presets, jsx } = this.config;
    if (calls.length + objects.length + constants.size + properties.size + presets.length + jsx.length === 0) return [];
    this.ensureParents();
    this.sdk = presets.length === 0 ? undefined : SdkMatcher.forFile(this.sourceFile, presets, this.scopes);
    this.seedAliases();
    this.walk();
    return this.references.sort((a, b) => a.start - b.start || a.siteStart - b.siteStart);
  }

  // -------------------------------------------------------------------------------------------
  // The walk

  /** Front ends may hand over a tree built without parent pointers; scope lookups need them. */
  private ensureParents(): void {
    const first = this.sourceFile.statements[0];
    if (first !== undefined && first.parent === undefined) setParents(this.sourceFile);
  }

  private walk(): void {
    let depth = 0;
    const visitNode = (node: ts.Node): undefined => {
      this.visit(node);
      if (HOLDS_NO_CHECKS[node.kind] === 1) return undefined;
      // Recursion is the fast path; a generated file can nest thousands of levels (`a + b + c + …`),
      // so past a safe depth the subtree is walked with an explicit stack instead.
      if (depth >= MAX_RECURSION) {
        this.walkWithStack(node);
        return undefined;
      }
      depth++;
      forEachChild(node, visitNode);
      depth--;
      return undefined;
    };
    visitNode(this.sourceFile);
  }

  /** Visits the descendants of `root` (not `root` itself) in source order without recursing. */
  private walkWithStack(root: ts.Node): void {
    const stack: ts.Node[] = [];
    const push = (child: ts.Node): undefined => {
      stack.push(child);
      return undefined;
    };
    forEachChild(root, push);
    stack.reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.visit(node);
      if (HOLDS_NO_CHECKS[node.kind] === 1) continue;
      const firstChild = stack.length;
      forEachChild(node, push);
      reverseTail(stack, firstChild);
    }
  }

  private visit(node: ts.Node): void {
    switch (node.kind) {
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        const configured = this.config.calls.length > 0 && this.checkCall(call);
        if (!configured && this.sdk !== undefined) this.checkSdkCall(call, this.sdk);
        break;
      }
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        this.checkMemberRead(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        break;
      case SyntaxKind.VariableDeclaration:
        this.checkVariable(node as ts.VariableDeclaration);
        break;
      case SyntaxKind.PropertyAssignment:
      case SyntaxKind.ShorthandPropertyAssignment:
        if (this.config.properties.size > 0) {
          this.checkProperty(node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment);
        }
        break;
      case SyntaxKind.JsxAttribute:
        if (this.config.properties.size > 0) this.checkJsxAttribute(node as ts.JsxAttribute);
        break;
      case SyntaxKind.JsxOpeningElement:
      case SyntaxKind.JsxSelfClosingElement:
        if (this.config.jsx.length > 0) this.checkComponentGate(node as ts.JsxOpeningLikeElement);
        if (this.sdk !== undefined) this.checkSdkGate(node as ts.JsxOpeningLikeElement, this.sdk);
        break;
      default:
        break;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Aliases: which local names can stand for a configured import or receiver

  /** Top-level imports and consts first, so a function declared above an alias still sees it. */
  private seedAliases(): void {
    for (const statement of this.sourceFile.statements) {
      if (isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause === undefined || !isStringLiteral(statement.moduleSpecifier)) continue;
        this.seedConstantAliases(clause);
        if (!this.isConfiguredModule(statement.moduleSpecifier.text)) continue;
        if (clause.name !== undefined) this.aliases.add(clause.name.text);
        const bindings = clause.namedBindings;
        if (bindings === undefined) continue;
        if (isNamespaceImport(bindings)) this.aliases.add(bindings.name.text);
        else for (const element of bindings.elements) this.aliases.add(element.name.text);
      } else if (isImportEqualsDeclaration(statement)) {
        const reference = statement.moduleReference;
        if (
          isExternalModuleReference(reference) &&
          isStringLiteral(reference.expression) &&
          this.isConfiguredModule(reference.expression.text)
        ) {
          this.aliases.add(statement.name.text);
        }
      } else if (isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) this.trackAlias(declaration);
      }
    }
  }

  /** `import { FeatureKeys as Keys }`: Keys may stand for the configured FeatureKeys. */
  private seedConstantAliases(clause: ts.ImportClause): void {
    const bindings = clause.namedBindings;
    if (this.config.constants.size === 0 || bindings === undefined || isNamespaceImport(bindings)) return;
    for (const element of bindings.elements) {
      if (element.propertyName !== undefined && this.config.constants.has(element.propertyName.text)) {
        this.constantNames.add(element.name.text);
      }
    }
  }

  private isConfiguredModule(specifier: string): boolean {
    return this.modules.some((module) => module?.matches(specifier) === true);
  }

  private trackAlias(declaration: ts.VariableDeclaration): void {
    const initializer = declaration.initializer;
    if (initializer === undefined) return;
    if (this.mentionsAlias(initializer) || this.patternMentionsAlias(declaration.name)) {
      addBoundNames(declaration.name, this.aliases);
    }
  }

  /** Whether `client.isEnabled`, `this.flagResolver`, `require("@acme/flags")`… mentions a known name. */
  private mentionsAlias(expression: ts.Expression): boolean {
    let current = skipWrappers(expression);
    for (let depth = 0; depth < 64; depth++) {
      if (isAwaitExpression(current)) {
        current = skipWrappers(current.expression);
      } else if (isPropertyAccessExpression(current) || isElementAccessExpression(current)) {
        const name = memberName(current);
        if (name !== undefined && this.aliases.has(name)) return true;
        current = skipWrappers(current.expression);
      } else if (isIdentifier(current)) {
        return this.aliases.has(current.text);
      } else {
        const specifier = moduleLoadSpecifier(current);
        if (specifier !== undefined) return this.isConfiguredModule(specifier);
        // `await getFlags(team)`, where an object path names `getFlags()`.
        return isCallExpression(current) && this.objectCalls.has(writtenName(current) ?? "");
      }
    }
    return false;
  }

  private patternMentionsAlias(name: ts.BindingName): boolean {
    if (isIdentifier(name)) return false;
    return name.elements.some((element) => {
      if (isOmittedExpression(element)) return false;
      const property = element.propertyName && propertyNameText(element.propertyName);
      return (property !== undefined && this.aliases.has(property)) || this.patternMentionsAlias(element.name);
    });
  }

  // -------------------------------------------------------------------------------------------
  // detect.calls

  /** Whether a configured call matched. */
  private checkCall(call: ts.CallExpression): boolean {
    const callee = skipWrappers(call.expression);
    const calledAs = writtenName(callee);
    if (calledAs === undefined || !this.aliases.has(calledAs)) return false;
    const written = writtenNames(callee);
    let resolved: Chain | undefined;
    const chain = (): Chain => (resolved ??= this.chains.of(callee));
    const calls = this.config.calls;
    for (let index = 0; index < calls.length; index++) {
      if (this.callMatches(index, written, chain, callee)) {
        this.addCallReference(call, calls[index]!, calledAs);
        return true;
      }
    }
    return false;
  }

  private callMatches(index: number, written: readonly string[], chain: () => Chain, callee: ts.Expression): boolean {
    const { matcher } = this.config.calls[index]!;
    if (matcher.call !== undefined) return isMethodOfCallResult(callee, matcher.call, matcher.method);
    if (matcher.module !== undefined) {
      const { root, names } = chain();
      return (
        root.kind === "module" &&
        this.modules[index]!.matches(root.specifier) &&
        importPathMatches(matcher, root, names)
      );
    }
    // The rest go by trailing names, as written or as seen through a const alias.
    const suffix = trailingSuffix(matcher);
    if (suffix === undefined) return false;
    return endsWith(written, suffix) || endsWith(trailingNames(chain()), suffix);
  }

  private addCallReference(call: ts.CallExpression, compiled: CompiledCall, calledAs: string): void {
    const { matcher, label, calleeName } = compiled;
    const args = call.arguments;
    const siteOf = () =>
      ({
        site: call,
        kind: isHookName(calleeName ?? calledAs) ? "hook" : "call",
        label,
        context: matcher.contextArg === undefined ? null : isArgumentPassed(args, matcher.contextArg),
      }) as const;
    if (matcher.key !== undefined) {
      // A function that stands for one flag: its name is where the key is written.
      const keyNode = calleeNameNode(call.expression);
      if (keyNode !== undefined) this.addReference({ ...siteOf(), keyNode, flag: matcher.key });
      return;
    }
    const keyIndex = matcher.keyArg ?? 0;
    // A spread before the key hides which argument the key is.
    const spread = args.slice(0, keyIndex + 1).find(isSpreadElement);
    const keyNode = spread ?? args[keyIndex];
    if (keyNode === undefined) return;
    const site = siteOf();
    const list = spread === undefined ? skipWrappers(keyNode) : undefined;
    if (list !== undefined && isArrayLiteralExpression(list)) {
      // `isFeatureEnabled([A.key, B.key])`: each listed key is a reference; the list is their site
      // (no single value to rewrite).
      for (const element of list.elements) if (!isOmittedExpression(element)) this.addSdkKey(element, { ...site, site: list });
      return;
    }
    this.addReference({ ...site, keyNode, flag: spread === undefined ? this.keys.resolve(keyNode) : undefined });
  }

  // -------------------------------------------------------------------------------------------
  // detect.objects and detect.constants: member reads

  private checkMemberRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    const receiver = skipWrappers(access.expression);
    if (this.sdk !== undefined && this.checkFlagSetRead(access, receiver, this.sdk)) return;
    const receiverName = writtenName(receiver);
    if (receiverName === undefined) return;
    const constant = this.constantNames.has(receiverName) ? this.constantOf(receiver) : undefined;
    if (constant !== undefined) {
      this.addConstantReference(access, constant);
      return;
    }
    if (this.config.objects.length === 0) return;
    if (this.config.objectTails.has(receiverName) || (isIdentifier(receiver) && this.aliases.has(receiverName))) {
      this.checkObjectRead(access, receiver);
    }
  }

  /**
   * The `detect.constants` matcher `receiver` is the declaration of: the name it is declared by,
   * through import aliases, namespace imports and local const aliases. A parameter, a `let` or a
   * property of another object that happens to share the name is not it.
   */
  private constantOf(receiver: ts.Expression): { label: string; declaredHere: boolean } | undefined {
    const declaration = declarationOf(receiver, this.scopes);
    if (declaration === undefined) return undefined;
    const label = this.config.constants.get(declaration.name);
    return label === undefined ? undefined : { label, declaredHere: declaration.file === this.sourceFile.fileName };
  }

  /**
   * `FeatureFlagsKeysEnum.IS_V2_ENABLED` anywhere is a check of the key it holds. A mention
   * instead, where the key is named and no value read: as the name of a member being declared
   * (`{ [Flags.X]: z.boolean() }`, a schema or a table of defaults per flag), compared with
   * another key (`key === Flags.X`, `case Flags.X:`), or listed in a table outside every
   * function of the file that declares the constant (`const LOCKED = [Flags.X]`: the flags are
   * described there; their values are read where code runs), or as the index of a table this
   * file declares per flag (`Catalog[Flags.X]` where `const Catalog = { [Flags.X]: schema }`:
   * the table's entry, not the flag's value). A mention still keeps a flag in use and is left to
   * a person by cleanup, as every key used as data is.
   */
  private addConstantReference(
    access: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    { label, declaredHere }: { label: string; declaredHere: boolean },
  ): void {
    // A method called on the constant's object reads no key.
    if (this.claimedKeys.has(access) || isWriteTarget(access) || isCallee(access)) return;
    const mention =
      isComputedMemberName(access) ||
      (isComparedKey(access) && !findsFlagRecord(access)) ||
      (declaredHere && isListedAsData(access) && !isInFunction(access)) ||
      this.indexesTableOf(access);
    const flag = this.keys.resolve(access);
    this.addReference({ keyNode: access, site: access, flag, kind: mention ? "mention" : "constant", label, context: null });
  }

  /** `Catalog[Flags.X]`, where this file declares `const Catalog = { [Flags.X]: … }` with the same constant. */
  private indexesTableOf(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
    const outer = enclosedBy(access, ts.isParenthesizedExpression);
    const indexed = outer.parent;
    if (indexed === undefined || !ts.isElementAccessExpression(indexed) || indexed.argumentExpression !== outer) return false;
    const table = skipWrappers(indexed.expression);
    const constant = writtenName(skipWrappers(access.expression));
    if (!isIdentifier(table) || constant === undefined) return false;
    const binding = this.scopes.lookup(table);
    if (binding?.kind !== "variable" || !binding.constant || binding.declaration.initializer === undefined) return false;
    const literal = skipWrappers(binding.declaration.initializer);
    if (!isObjectLiteralExpression(literal)) return false;
    return literal.properties.some((property) => {
      const name = property.name;
      if (name === undefined || !ts.isComputedPropertyName(name)) return false;
      const key = skipWrappers(name.expression);
      return (ts.isPropertyAccessExpression(key) || ts.isElementAccessExpression(key)) && writtenName(skipWrappers(key.expression)) === constant;
    });
  }

  private checkObjectRead(
    access: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    receiver: ts.Expression,
  ): void {
    if (this.claimedKeys.has(access) || isWriteTarget(access) || isCallee(access)) return;
    const matcher = this.objectMatcherFor(writtenNames(receiver), () => trailingNames(this.chains.of(receiver)));
    if (matcher === undefined) return;
    const keyNode = isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
    const name = isPropertyAccessExpression(access) ? access.name.text : this.keys.resolve(access.argumentExpression);
    this.addMemberReference(matcher, keyNode, access, name);
  }

  private objectMatcherFor(written: readonly string[], resolved: () => readonly string[]): CompiledObject | undefined {
    let seen: readonly string[] | undefined;
    for (const matcher of this.config.objects) {
      if (endsWith(written, matcher.segments) || endsWith((seen ??= resolved()), matcher.segments)) return matcher;
    }
    return undefined;
  }

  private addMemberReference(matcher: CompiledObject, keyNode: ts.Node, site: ts.Node, name: string | undefined): void {
    this.addReference({
      keyNode,
      site,
      flag: name === undefined ? undefined : this.context.registryKeyFor(name, matcher.keyCase),
      kind: "member",
      label: matcher.label,
      context: null,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Variables: aliases, and destructured reads of configured objects

  private checkVariable(declaration: ts.VariableDeclaration): void {
    this.trackAlias(declaration);
    if (this.config.constants.size > 0) this.trackConstantAlias(declaration);
    if (this.config.properties.size > 0) this.checkPropertyConst(declaration);
    const { name, initializer } = declaration;
    if (this.sdk !== undefined) {
      this.sdk.trackVariable(declaration);
      const destructured = initializer !== undefined && isObjectBindingPattern(name);
      if (destructured && this.checkFlagSetDestructuring(name, initializer, this.sdk)) return;
    }
    if (this.config.objects.length === 0 || initializer === undefined || !isObjectBindingPattern(name)) return;
    if (!this.mentionsAlias(initializer) && !this.patternMentionsAlias(name)) return;
    const chain = this.chains.of(initializer);
    this.checkDestructuring(name, writtenNames(initializer), trailingNames(chain));
  }

  /** `const Keys = FeatureKeys`: Keys may stand for it (declarationOf decides). */
  private trackConstantAlias(declaration: ts.VariableDeclaration): void {
    const initializer = declaration.initializer && skipWrappers(declaration.initializer);
    if (initializer === undefined || !isIdentifier(declaration.name)) return;
    const name = isIdentifier(initializer) || isPropertyAccessExpression(initializer) ? writtenName(initializer) : undefined;
    if (name !== undefined && this.constantNames.has(name)) this.constantNames.add(declaration.name.text);
  }

  /** `const { featureToggles: { newNav } } = config`: each bound name under a configured path is a read. */
  private checkDestructuring(
    pattern: ts.ObjectBindingPattern,
    written: readonly string[],
    resolved: readonly string[],
  ): void {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken !== undefined) continue;
      const propertyName = element.propertyName;
      const name = propertyNameText(propertyName ?? element.name);
      if (isObjectBindingPattern(element.name)) {
        if (name !== undefined) this.checkDestructuring(element.name, [...written, name], [...resolved, name]);
        continue;
      }
      if (!isIdentifier(element.name)) continue;
      const matcher = this.objectMatcherFor(written, () => resolved);
      if (matcher === undefined) continue;
      // `{ [FLAG]: enabled }` names the key through an expression.
      const computed =
        propertyName !== undefined && isComputedPropertyName(propertyName) ? propertyName.expression : undefined;
      const key = computed === undefined ? name : this.keys.resolve(computed);
      this.addMemberReference(matcher, computed ?? propertyName ?? element.name, element.name, key);
    }
  }

  // -------------------------------------------------------------------------------------------
  // detect.properties: keys passed as data

  private checkProperty(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
    const name = propertyNameText(property.name);
    const label = name === undefined ? undefined : this.config.properties.get(name);
    if (label === undefined) return;
    this.addPropertyValues(isPropertyAssignment(property) ? property.initializer : property.name, label);
  }

  /** `export const featureFlag = SalesChannelFeatureFlag.key`: a framework reads the key by the module-level name. */
  private checkPropertyConst(declaration: ts.VariableDeclaration): void {
    const { name, initializer } = declaration;
    if (initializer === undefined || !isIdentifier(name)) return;
    const label = this.config.properties.get(name.text);
    const list = declaration.parent;
    if (label === undefined || !ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return;
    // Module level only: a local const of that name is a value on its way somewhere (`{ flag }`).
    if (!ts.isVariableStatement(list.parent) || !ts.isSourceFile(list.parent.parent)) return;
    this.addPropertyValues(initializer, label);
  }

  /** `<FeatureGate flag="new-nav">`: a JSX prop is the same thing as an object property. */
  private checkJsxAttribute(attribute: ts.JsxAttribute): void {
    const label = isIdentifier(attribute.name) ? this.config.properties.get(attribute.name.text) : undefined;
    const value = attribute.initializer;
    if (label === undefined || value === undefined) return;
    if (isStringLiteral(value)) this.addPropertyValues(value, label);
    else if (isJsxExpression(value) && value.expression !== undefined) this.addPropertyValues(value.expression, label);
  }

  private addPropertyValues(value: ts.Expression, label: string): void {
    const inner = skipWrappers(value);
    const values = isArrayLiteralExpression(inner) ? inner.elements : [value];
    for (const element of values) {
      const key = skipWrappers(element);
      if (!couldBeKey(element) || this.claimedKeys.has(key)) continue;
      // `{ flag: "" }`: a value that says "no flag", not a key.
      if (isStringLiteralLike(key) && key.text === "") continue;
      const flag = this.keys.resolve(element);
      this.addReference({ keyNode: element, site: element, flag, kind: "property", label, context: null });
    }
  }

  // -------------------------------------------------------------------------------------------
  // detect.sdks: the presets' calls, flag sets and gate components

  private checkSdkCall(call: ts.CallExpression, sdk: SdkMatcher): void {
    const found = sdk.callCheck(call);
    if (found !== undefined) this.addSdkCall(call, found);
  }

  private addSdkCall(call: ts.CallExpression, { evaluation: declared, label }: SdkCall): void {
    const args = call.arguments;
    const evaluation = signatureOf(declared, args);
    const kind = evaluation.hook === true ? "hook" : "call";
    const { context } = evaluation;
    const passed = typeof context === "number" ? isArgumentPassed(args, context) : context;
    // A spread before the key hides which argument the key is.
    const spread = args.slice(0, evaluation.key + 1).find(isSpreadElement);
    let keyNode: ts.Expression | undefined = spread ?? args[evaluation.key];
    if (keyNode === undefined) return;
    if (spread === undefined && evaluation.property !== undefined) keyNode = optionValue(keyNode, evaluation.property);
    const site = { site: call, kind, label, context: passed } as const;
    if (spread === undefined && evaluation.list === true) {
      const list = skipWrappers(keyNode);
      if (isArrayLiteralExpression(list)) {
        // Each listed key is a reference; the list is their site (no single value to rewrite).
        for (const element of list.elements) this.addSdkKey(element, { ...site, site: list });
        return;
      }
    }
    this.addSdkKey(keyNode, site);
  }

  /** A spread (`useFlags([...keys])`, `check(...args)`) hides the key: the reference is dynamic. */
  private addSdkKey(keyNode: ts.Expression, site: Omit<ReferenceSite, "keyNode" | "flag">): void {
    if (this.claimedKeys.has(keyNode)) return;
    const flag = isSpreadElement(keyNode) ? undefined : this.keys.resolve(keyNode);
    this.addReference({ ...site, keyNode, flag });
  }

  /** `useFlags().newCheckout`, `flags["new-checkout"]`: a property of a flag set names a flag. */
  private checkFlagSetRead(
    access: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    receiver: ts.Expression,
    sdk: SdkMatcher,
  ): boolean {
    const set = sdk.flagSet(receiver);
    if (set === undefined) return false;
    // A method called on the set (`flags.hasOwnProperty(…)`) reads no flag.
    if (this.claimedKeys.has(access) || isWriteTarget(access) || isCallee(access)) return true;
    const keyNode = isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
    const name = isPropertyAccessExpression(access) ? access.name.text : this.keys.resolve(access.argumentExpression);
    this.addReference({
      keyNode,
      site: access,
      flag: name === undefined ? undefined : this.context.registryKeyFor(name, set.keyCase),
      kind: set.hook ? "hook" : "member",
      label: set.label,
      context: null,
    });
    return true;
  }

  /** `const { newCheckout, [KEY]: other } = useFlags()`: each bound property names a flag. */
  private checkFlagSetDestructuring(pattern: ts.ObjectBindingPattern, initializer: ts.Expression, sdk: SdkMatcher): boolean {
    const set = sdk.flagSet(initializer);
    if (set === undefined) return false;
    for (const element of pattern.elements) {
      if (element.dotDotDotToken !== undefined) continue;
      const propertyName = element.propertyName;
      const computed =
        propertyName !== undefined && isComputedPropertyName(propertyName) ? propertyName.expression : undefined;
      const name = computed === undefined ? propertyNameText(propertyName ?? element.name) : this.keys.resolve(computed);
      this.addReference({
        keyNode: computed ?? propertyName ?? element.name,
        // A nested pattern binds parts of the flag's value: no single name to rewrite.
        site: isIdentifier(element.name) ? element.name : element,
        flag: name === undefined ? undefined : this.context.registryKeyFor(name, set.keyCase),
        kind: set.hook ? "hook" : "member",
        label: set.label,
        context: null,
      });
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // detect.jsx: component gates

  /** `<FeatureToggle featureFlag="x">`, `<FeatureToggle featureFlag={Flag.key}>`, as the matcher's import. */
  private checkComponentGate(element: ts.JsxOpeningLikeElement): void {
    const tag = element.tagName;
    if (!isIdentifier(tag) && !isPropertyAccessExpression(tag)) return;
    const written = writtenNames(tag);
    let resolved: Chain | undefined;
    const chain = (): Chain => (resolved ??= this.chains.of(tag));
    const gates = this.config.jsx;
    for (let index = 0; index < gates.length; index++) {
      const { matcher, label, imported } = gates[index]!;
      const module = this.jsxModules[index];
      let matches: boolean;
      if (module === undefined) {
        matches = endsWith(written, [matcher.component]) || endsWith(trailingNames(chain()), [matcher.component]);
      } else {
        const { root, names } = chain();
        matches = root.kind === "module" && module.matches(root.specifier) && sameNames(names, [imported]);
      }
      if (!matches) continue;
      const value = jsxAttributeValue(element, matcher.prop);
      if (value === undefined) continue;
      const site = { site: value.attribute, kind: "property", label, context: null } as const;
      const list = skipWrappers(value.expression);
      if (isArrayLiteralExpression(list)) {
        for (const listed of list.elements) if (!isOmittedExpression(listed)) this.addSdkKey(listed, site);
      } else {
        this.addSdkKey(value.expression, site);
      }
      return;
    }
  }

  /** `<IfFeatureEnabled feature="x">`, `<SplitTreatments names={["a", "b"]}>` */
  private checkSdkGate(element: ts.JsxOpeningLikeElement, sdk: SdkMatcher): void {
    const gate = sdk.gate(element.tagName);
    if (gate === undefined) return;
    const attribute = element.attributes.properties.find(
      (property): property is ts.JsxAttribute =>
        isJsxAttribute(property) && isIdentifier(property.name) && property.name.text === gate.attribute,
    );
    const value = attribute?.initializer;
    if (attribute === undefined || value === undefined) return;
    const keyNode = isJsxExpression(value) ? value.expression : value;
    if (keyNode === undefined) return;
    // The attribute is the site: a component is not a value the cleanup can replace.
    const site = { site: attribute, kind: "property", label: gate.label, context: null } as const;
    const list = skipWrappers(keyNode);
    if (gate.list && isArrayLiteralExpression(list)) {
      for (const listed of list.elements) this.addSdkKey(listed, site);
    } else {
      this.addSdkKey(keyNode, site);
    }
  }

  // -------------------------------------------------------------------------------------------

  private addReference({ keyNode, site, flag, kind, label, context }: ReferenceSite): void {
    const sourceFile = this.sourceFile;
    const start = keyNode.getStart(sourceFile);
    const end = keyNode.end;
    this.claimedKeys.add(keyNode);
    if (isExpression(keyNode)) this.claimedKeys.add(skipWrappers(keyNode));
    this.references.push({
      flag: flag ?? null,
      dynamic: flag === undefined,
      kind,
      matcher: label,
      context,
      keyText: sourceFile.text.slice(start, end),
      start,
      end,
      siteStart: site.getStart(sourceFile),
      siteEnd: site.end,
      ...rangeOf(sourceFile, start, end),
    });
  }
}

// Deep enough for any hand-written code, far below where the stack runs out.
const MAX_RECURSION = 500;

/** Subtrees that cannot read a flag, by node kind: types, and imports (already read for aliases). */
let HOLDS_NO_CHECKS = new Uint8Array(0);
onCompilerLoad(() => {
  HOLDS_NO_CHECKS = new Uint8Array(SyntaxKind.Count);
  for (let kind = SyntaxKind.FirstTypeNode; kind <= SyntaxKind.LastTypeNode; kind++) HOLDS_NO_CHECKS[kind] = 1;
  for (const kind of [
    SyntaxKind.InterfaceDeclaration,
    SyntaxKind.TypeAliasDeclaration,
    SyntaxKind.ImportDeclaration,
    SyntaxKind.ImportEqualsDeclaration,
    SyntaxKind.ExportDeclaration,
  ]) {
    HOLDS_NO_CHECKS[kind] = 1;
  }
});

function reverseTail(stack: ts.Node[], from: number): void {
  for (let low = from, high = stack.length - 1; low < high; low++, high--) {
    const swap = stack[low]!;
    stack[low] = stack[high]!;
    stack[high] = swap;
  }
}

/** The last name of `a.b["c"]` or `a`, as written; `getFlags()` for a call (see writtenNames). */
function writtenName(expression: ts.Expression): string | undefined {
  if (isIdentifier(expression)) return expression.text;
  if (isPropertyAccessExpression(expression) || isElementAccessExpression(expression)) return memberName(expression);
  const call = calledIn(expression);
  return call === undefined ? undefined : callSegment(call);
}

function addBoundNames(name: ts.BindingName, names: Set<string>): void {
  if (isIdentifier(name)) {
    names.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!isOmittedExpression(element)) addBoundNames(element.name, names);
  }
}

/** The expression a JSX attribute passes (`prop="x"`, `prop={X.key}`), with the attribute. */
function jsxAttributeValue(
  element: ts.JsxOpeningLikeElement,
  prop: string,
): { attribute: ts.JsxAttribute; expression: ts.Expression } | undefined {
  for (const property of element.attributes.properties) {
    if (!isJsxAttribute(property) || !isIdentifier(property.name) || property.name.text !== prop) continue;
    const value = property.initializer;
    if (value === undefined) return undefined;
    if (isStringLiteral(value)) return { attribute: property, expression: value };
    if (isJsxExpression(value) && value.expression !== undefined) return { attribute: property, expression: value.expression };
    return undefined;
  }
  return undefined;
}

/** The trailing names a matcher without `module` asks of a callee. */
function trailingSuffix(matcher: CallMatcher): readonly string[] | undefined {
  if (matcher.object !== undefined) {
    return matcher.method === undefined ? [matcher.object] : [matcher.object, matcher.method];
  }
  if (matcher.function !== undefined) return [matcher.function];
  return matcher.method === undefined ? undefined : [matcher.method];
}

/**
 * Whether the names read from a configured module reach the configured export and method:
 * `import { client }` + `client.isEnabled` and `import * as m` + `m.client.isEnabled` both read
 * client, isEnabled. A `require()`d module is also its own default export.
 */
function importPathMatches(
  matcher: CallMatcher,
  root: Extract<ChainRoot, { kind: "module" }>,
  names: readonly string[],
): boolean {
  const method = matcher.method;
  const tail = method === undefined ? [] : [method];
  switch (matcher.import) {
    case undefined:
      if (method === undefined) return names.length === 1 || (root.commonJs && names.length === 0);
      return (names.length === 2 && names[1] === method) || (names.length === 1 && names[0] === method);
    case "*":
      return sameNames(names, tail) && (tail.length > 0 || root.whole);
    case "default":
      return sameNames(names, ["default", ...tail]) || (root.commonJs && sameNames(names, tail));
    default:
      return sameNames(names, [matcher.import, ...tail]);
  }
}

function sameNames(names: readonly string[], expected: readonly string[]): boolean {
  return names.length === expected.length && endsWith(names, expected);
}

function isHookName(name: string): boolean {
  return /^use[A-Z0-9]/.test(name);
}

/** Whether the argument at `index` is passed; a spread before it may pass it, so it counts. */
function isArgumentPassed(args: ts.NodeArray<ts.Expression>, index: number): boolean {
  for (let position = 0; position < args.length && position <= index; position++) {
    const arg = args[position]!;
    if (isSpreadElement(arg)) return true;
    if (position === index) return !(isIdentifier(arg) && arg.text === "undefined");
  }
  return false;
}

function isCallee(node: ts.Node): boolean {
  const parent = node.parent;
  return parent !== undefined && isCallExpression(parent) && parent.expression === node;
}

/** A value that can name a flag: not a boolean, number, null, object, function… */
function couldBeKey(value: ts.Expression): boolean {
  const inner = skipWrappers(value);
  switch (inner.kind) {
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.RegularExpressionLiteral:
    case SyntaxKind.ObjectLiteralExpression:
    case SyntaxKind.ArrayLiteralExpression:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.ClassExpression:
    case SyntaxKind.PrefixUnaryExpression:
    case SyntaxKind.VoidExpression:
    case SyntaxKind.OmittedExpression:
    case SyntaxKind.SpreadElement:
      return false;
    case SyntaxKind.Identifier:
      return (inner as ts.Identifier).text !== "undefined";
    default:
      return true;
  }
}

/**
 * Which signature an SDK call uses, for methods one package serves with two: a client-side
 * `(key, attributes?)` when there is one argument, attributes come second, or a key list first.
 */
function signatureOf(evaluation: Evaluation, args: ts.NodeArray<ts.Expression>): Evaluation {
  const clientSide = evaluation.clientSide;
  if (clientSide === undefined) return evaluation;
  const first = args[0] && skipWrappers(args[0]);
  const second = args[1] && skipWrappers(args[1]);
  const isClientSide =
    args.length < 2 ||
    (second !== undefined && isObjectLiteralExpression(second)) ||
    (first !== undefined && isArrayLiteralExpression(first));
  return isClientSide ? clientSide : evaluation;
}

/** The value of `property` in an options argument (`{ name: "x" }`); the argument itself when it is not a literal. */
function optionValue(argument: ts.Expression, property: string): ts.Expression {
  const options = skipWrappers(argument);
  if (!isObjectLiteralExpression(options)) return argument;
  return propertyValue(options, property) ?? argument;
}

/** `key === Flags.X`, `Flags.X !== key`, `case Flags.X:`: a key compared with another, no flag's value read. */
function isComparedKey(node: ts.Expression): boolean {
  const outer = enclosedBy(node, ts.isParenthesizedExpression);
  const parent = outer.parent;
  if (parent === undefined) return false;
  if (ts.isCaseClause(parent)) return parent.expression === outer;
  return ts.isBinaryExpression(parent) && isEqualityOperator(parent.operatorToken.kind);
}

/** An element of an array literal or the value of an object literal's property: `[Flags.X]`, `{ locked: Flags.X }`. */
function isListedAsData(node: ts.Expression): boolean {
  const outer = enclosedBy(node, (parent) => ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent));
  const parent = outer.parent;
  if (parent === undefined) return false;
  return ts.isArrayLiteralExpression(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === outer);
}

/** Whether code inside a function (or a class member's initializer, run per instance) holds `node`. */
function isInFunction(node: ts.Node): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isPropertyDeclaration(current) || ts.isClassStaticBlockDeclaration(current)) return true;
  }
  return false;
}

/** `[Flags.X]` as the name of a member being declared: `{ [Flags.X]: … }`, `class { [Flags.X] = … }`. */
function isComputedMemberName(node: ts.Expression): boolean {
  const parent = node.parent;
  return parent !== undefined && ts.isComputedPropertyName(parent) && parent.expression === node;
}
