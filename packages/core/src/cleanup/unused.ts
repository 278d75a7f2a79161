// Imports and local bindings that the rewrite left without a use are removed. Only those: a
// name that nobody used before the rewrite (or that is still used) is not this tool's business.
import ts from "../typescript.js";
import { BindingUses, useCountsByName } from "./bindings.js";
import { EditHistory, applyEdits, type TextEdit } from "./edits.js";
import { declarationRemovals } from "./inline.js";
import { isPure, localChecker, parse, variableStatementOf } from "./syntax.js";
import { removeStatementEdit } from "./text.js";

type Kind = "import" | "variable" | "function";

interface Declared {
  kind: Kind;
  name: ts.Identifier;
  /** The node that goes when the name goes: an import binding, a declarator, an element, a function. */
  node: ts.Node;
}

/**
 * Removes what became unused between `before` and `after`, repeatedly: a helper that lost its
 * last caller goes, and then the import only it used. `toAfter` maps offsets of `before` to
 * offsets of `after`. `parsedBefore` and `parsedAfter`, when given, are `before` and `after`
 * already parsed. Returns the result parsed.
 */
export function removeUnused(
  before: string,
  after: string,
  fileName: string,
  toAfter: (offset: number) => number | undefined,
  parsedBefore?: ts.SourceFile,
  parsedAfter?: ts.SourceFile,
): ts.SourceFile {
  // Each round's `after` is the next round's `before`: every text is parsed, and checked, once.
  const parsed = new Map<string, ParsedText>();
  if (parsedBefore?.text === before) parsed.set(before, parsedTextOf(parsedBefore));
  if (parsedAfter?.text === after && after !== before) parsed.set(after, new ParsedText(parsedAfter));
  const parseOnce = (text: string): ParsedText => {
    let result = parsed.get(text);
    if (!result) parsed.set(text, (result = new ParsedText(parse(text, fileName))));
    return result;
  };
  let previous = before;
  let current = after;
  let map = toAfter;
  for (let round = 0; round < 20; round++) {
    const edits = unusedRemovals(parseOnce(previous), parseOnce(current), map);
    if (edits.length === 0) break;
    const step = new EditHistory();
    step.record(edits);
    previous = current;
    current = applyEdits(current, edits);
    map = (offset) => step.forward(offset);
  }
  return parseOnce(current).sourceFile;
}

/**
 * What was read from a tree given as `parsedBefore`, kept with the tree: an editor's suggestions
 * clean up each stale check of a file on its own, all from the same original tree, and share what
 * is read from it (its type checker above all). Weak: it goes with the tree.
 */
const readFromTree = new WeakMap<ts.SourceFile, ParsedText>();

function parsedTextOf(sourceFile: ts.SourceFile): ParsedText {
  let read = readFromTree.get(sourceFile);
  if (read === undefined) readFromTree.set(sourceFile, (read = new ParsedText(sourceFile)));
  return read;
}

/** A text parsed once; what is read from it, its type checker (a `createProgram`) above all, is built on first need. */
class ParsedText {
  private builtUses?: Map<string, number>;
  private builtDeclarations?: Declared[];
  private builtSurelyUsed?: Set<ts.Identifier>;
  /** Which identifiers read a binding; the type checker is built only for what the syntax leaves open. */
  readonly uses: BindingUses;
  constructor(readonly sourceFile: ts.SourceFile) {
    this.uses = new BindingUses(sourceFile, () => localChecker(sourceFile));
  }
  get usesByName(): Map<string, number> {
    return (this.builtUses ??= useCountsByName(this.sourceFile));
  }
  get declarations(): Declared[] {
    return (this.builtDeclarations ??= declarations(this.sourceFile));
  }
  get surelyUsedImports(): Set<ts.Identifier> {
    return (this.builtSurelyUsed ??= surelyUsedImports(this.sourceFile, this.declarations));
  }
}

function unusedRemovals(before: ParsedText, after: ParsedText, toAfter: (offset: number) => number | undefined): TextEdit[] {
  const afterFile = after.sourceFile;
  const candidates = removalCandidates(before, after, toAfter);
  // The syntax settles most uses: the type checkers are built for the rest.
  const lostLastUse = (candidate: Candidate): boolean => {
    if (!before.uses.of(candidate.before.name)?.length) return false;
    return after.uses.of(candidate.after.name)?.length === 0;
  };
  const gone = new Set<ts.Node>();
  for (const candidate of candidates) if (candidate.surelyUnused || lostLastUse(candidate)) gone.add(candidate.after.node);
  return [...importRemovals(afterFile, gone), ...declarationRemovals(afterFile, new Set([...gone].filter(isVariableNode))), ...functionRemovals(afterFile, gone)];
}

interface Candidate {
  before: Declared;
  after: Declared;
  /** The text alone shows it: an import surely used before, and nothing spelt like it is used after. */
  surelyUnused: boolean;
}

/**
 * Declarations that may have lost their last use and could go, by what the text alone tells:
 * a name with fewer uses than before, still declared in the same place, removable, and not
 * surely still used. A binding loses its last use only where an identifier spelt like it went
 * away (a kept block never moves a name into another scope: folding refuses to when names clash).
 */
function removalCandidates(before: ParsedText, after: ParsedText, toAfter: (offset: number) => number | undefined): Candidate[] {
  const beforeFile = before.sourceFile;
  const afterFile = after.sourceFile;
  const usesAfter = after.usesByName;
  const fewer = namesWithFewerUses(before.usesByName, usesAfter);
  const declaredBefore = before.declarations.filter((declared) => fewer.has(declared.name.text));
  if (declaredBefore.length === 0) return [];
  const afterByStart = new Map(after.declarations.map((declared) => [declared.name.getStart(afterFile), declared]));
  const keepsJsxFactory = containsJsx(afterFile);
  const usedAfter = after.surelyUsedImports;
  const usedBefore = before.surelyUsedImports;
  const candidates: Candidate[] = [];
  for (const declared of declaredBefore) {
    const at = toAfter(declared.name.getStart(beforeFile));
    const counterpart = at === undefined ? undefined : afterByStart.get(at);
    if (!counterpart || counterpart.kind !== declared.kind || counterpart.name.text !== declared.name.text) continue;
    // Classic JSX compiles to React.createElement: the import is used without being named.
    if (counterpart.kind === "import" && keepsJsxFactory && ["React", "h", "jsx"].includes(counterpart.name.text)) continue;
    if (!canRemove(counterpart) || usedAfter.has(counterpart.name)) continue;
    const surelyUnused = usedBefore.has(declared.name) && !usesAfter.get(declared.name.text);
    candidates.push({ before: declared, after: counterpart, surelyUnused });
  }
  return candidates;
}

/**
 * Import names the text alone shows are still used: `name.member` or `name(…)` somewhere, and
 * nothing else in the file declares the name, so that use can only mean the import. This is
 * the common case (the flag client keeps its other checks) and spares the type checkers.
 */
function surelyUsedImports(sourceFile: ts.SourceFile, declaredInFile: readonly Declared[]): Set<ts.Identifier> {
  const imported = new Map<string, ts.Identifier>();
  for (const declared of declaredInFile) {
    if (declared.kind === "import" && !isTypeOnly(declared.node)) imported.set(declared.name.text, declared.name);
  }
  const usedAsValue = new Set<string>();
  const declaredElsewhere = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && imported.has(node.text)) {
      const parent = node.parent as ts.Node & { name?: ts.Node; expression?: ts.Node };
      const declares = parent.name === node && !ts.isPropertyAccessExpression(parent) && node !== imported.get(node.text);
      if (declares) declaredElsewhere.add(node.text);
      else if ((ts.isPropertyAccessExpression(parent) || ts.isCallExpression(parent)) && parent.expression === node) usedAsValue.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return new Set([...imported].filter(([name]) => usedAsValue.has(name) && !declaredElsewhere.has(name)).map(([, identifier]) => identifier));
}

function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportSpecifier(node) && node.isTypeOnly) return true;
  let current: ts.Node | undefined = node;
  while (current && !ts.isImportClause(current)) current = current.parent;
  return current?.isTypeOnly ?? true;
}

function namesWithFewerUses(usesBefore: ReadonlyMap<string, number>, usesAfter: ReadonlyMap<string, number>): Set<string> {
  const fewer = new Set<string>();
  for (const [name, count] of usesBefore) if ((usesAfter.get(name) ?? 0) < count) fewer.add(name);
  return fewer;
}

function isVariableNode(node: ts.Node): node is ts.VariableDeclaration | ts.BindingElement {
  return ts.isVariableDeclaration(node) || ts.isBindingElement(node);
}

/** Whether dropping the declaration drops nothing else: no call in its initializer. */
function canRemove(declared: Declared): boolean {
  if (declared.kind !== "variable") return true;
  const node = declared.node;
  if (ts.isBindingElement(node)) {
    // One element of `const { a, b } = x` can go; the last one only with a pure initializer.
    const pattern = node.parent as ts.ObjectBindingPattern;
    if (pattern.elements.length > 1) return !node.initializer || isPure(node.initializer);
    const declarator = pattern.parent;
    return ts.isVariableDeclaration(declarator) && (!declarator.initializer || isRemovableInitializer(declarator.initializer));
  }
  const declarator = node as ts.VariableDeclaration;
  return !declarator.initializer || isRemovableInitializer(declarator.initializer);
}

function isRemovableInitializer(initializer: ts.Expression): boolean {
  if (isPure(initializer)) return true;
  // `require("x")` is an import by another name.
  return (
    ts.isCallExpression(initializer) &&
    ts.isIdentifier(initializer.expression) &&
    initializer.expression.text === "require" &&
    initializer.arguments.length === 1 &&
    ts.isStringLiteralLike(initializer.arguments[0]!)
  );
}

function declarations(sourceFile: ts.SourceFile): Declared[] {
  const found: Declared[] = [];
  for (const statement of sourceFile.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause) continue;
    if (clause.name) found.push({ kind: "import", name: clause.name, node: clause.name });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) found.push({ kind: "import", name: bindings.name, node: bindings });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) found.push({ kind: "import", name: element.name, node: element });
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && variableStatementOf(node) && !isExported(variableStatementOf(node)!)) {
      if (ts.isIdentifier(node.name)) found.push({ kind: "variable", name: node.name, node });
      else if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (ts.isIdentifier(element.name) && !element.dotDotDotToken) found.push({ kind: "variable", name: element.name, node: element });
        }
      }
    }
    if (ts.isFunctionDeclaration(node) && node.name && node.body && !isExported(node) && !hasOverloads(node)) {
      found.push({ kind: "function", name: node.name, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isExported(node: ts.VariableStatement | ts.FunctionDeclaration): boolean {
  return (
    node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword || modifier.kind === ts.SyntaxKind.DeclareKeyword) ??
    false
  );
}

function hasOverloads(node: ts.FunctionDeclaration): boolean {
  const siblings = (node.parent as ts.Block | ts.SourceFile).statements ?? [];
  return siblings.some((other) => other !== node && ts.isFunctionDeclaration(other) && other.name?.text === node.name!.text);
}

function containsJsx(sourceFile: ts.SourceFile): boolean {
  const visit = (node: ts.Node): boolean =>
    ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node) || (ts.forEachChild(node, visit) ?? false);
  return visit(sourceFile);
}

function importRemovals(sourceFile: ts.SourceFile, gone: ReadonlySet<ts.Node>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const statement of sourceFile.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause) continue;
    const bindings = clause.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
    const defaultGone = clause.name !== undefined && gone.has(clause.name);
    const bindingsGone = bindings !== undefined && (named ? named.length > 0 && named.every((element) => gone.has(element)) : gone.has(bindings));
    const keepsDefault = clause.name !== undefined && !defaultGone;
    const keepsBindings = bindings !== undefined && !bindingsGone;
    if (!keepsDefault && !keepsBindings) {
      if (defaultGone || bindingsGone) edits.push(removeStatementEdit(sourceFile, statement));
      continue;
    }
    if (defaultGone) edits.push({ start: clause.name.getStart(sourceFile), end: bindings!.getStart(sourceFile), text: "" });
    if (bindingsGone) edits.push({ start: clause.name!.end, end: bindings.end, text: "" });
    else if (named && named.some((element) => gone.has(element))) {
      edits.push(...namedImportRemovals(sourceFile, named, gone));
    }
  }
  return edits;
}

function namedImportRemovals(sourceFile: ts.SourceFile, elements: readonly ts.ImportSpecifier[], gone: ReadonlySet<ts.Node>): TextEdit[] {
  const edits: TextEdit[] = [];
  elements.forEach((element, index) => {
    if (!gone.has(element)) return;
    const next = elements[index + 1];
    if (next) edits.push({ start: element.getStart(sourceFile), end: next.getStart(sourceFile), text: "" });
    else {
      let kept = index - 1;
      while (kept >= 0 && gone.has(elements[kept]!)) kept--;
      edits.push({ start: elements[kept]!.end, end: element.end, text: "" });
    }
  });
  return mergeDeletions(edits);
}

function mergeDeletions(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && edit.start <= last.end) last.end = Math.max(last.end, edit.end);
    else merged.push({ ...edit });
  }
  return merged;
}

function functionRemovals(sourceFile: ts.SourceFile, gone: ReadonlySet<ts.Node>): TextEdit[] {
  return [...gone].filter(ts.isFunctionDeclaration).map((node) => removeStatementEdit(sourceFile, node));
}
