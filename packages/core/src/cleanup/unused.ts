// Imports and local bindings that the rewrite left without a use are removed. Only those: a
// name that nobody used before the rewrite (or that is still used) is not this tool's business.
import ts from "../typescript.js";
import { EditHistory, applyEdits, type TextEdit } from "./edits.js";
import { declarationRemovals, usesBySymbol, variableStatementOf } from "./inline.js";
import { isPure, localChecker, parse } from "./syntax.js";
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
 * offsets of `after`.
 */
export function removeUnused(
  before: string,
  after: string,
  fileName: string,
  toAfter: (offset: number) => number | undefined,
): string {
  let previous = before;
  let current = after;
  let map = toAfter;
  for (let round = 0; round < 20; round++) {
    const edits = unusedRemovals(previous, current, fileName, map);
    if (edits.length === 0) break;
    const step = new EditHistory();
    step.record(edits);
    previous = current;
    current = applyEdits(current, edits);
    map = (offset) => step.forward(offset);
  }
  return current;
}

function unusedRemovals(before: string, after: string, fileName: string, toAfter: (offset: number) => number | undefined): TextEdit[] {
  const beforeFile = parse(before, fileName);
  const afterFile = parse(after, fileName);
  const beforeChecker = localChecker(beforeFile);
  const afterChecker = localChecker(afterFile);
  const usesBefore = usesBySymbol(beforeFile, beforeChecker);
  const usesAfter = usesBySymbol(afterFile, afterChecker);
  const afterByStart = new Map(declarations(afterFile).map((declared) => [declared.name.getStart(afterFile), declared]));
  const keepsJsxFactory = containsJsx(afterFile);

  const gone = new Set<ts.Node>();
  for (const declared of declarations(beforeFile)) {
    const symbolBefore = beforeChecker.getSymbolAtLocation(declared.name);
    if (!symbolBefore || !usesBefore.get(symbolBefore)?.length) continue;
    const at = toAfter(declared.name.getStart(beforeFile));
    const counterpart = at === undefined ? undefined : afterByStart.get(at);
    if (!counterpart || counterpart.kind !== declared.kind || counterpart.name.text !== declared.name.text) continue;
    const symbolAfter = afterChecker.getSymbolAtLocation(counterpart.name);
    if (!symbolAfter || usesAfter.get(symbolAfter)?.length) continue;
    // Classic JSX compiles to React.createElement: the import is used without being named.
    if (counterpart.kind === "import" && keepsJsxFactory && ["React", "h", "jsx"].includes(counterpart.name.text)) continue;
    if (!canRemove(counterpart)) continue;
    gone.add(counterpart.node);
  }
  return [...importRemovals(afterFile, gone), ...declarationRemovals(afterFile, new Set([...gone].filter(isVariableNode))), ...functionRemovals(afterFile, gone)];
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
    if (defaultGone) edits.push({ start: clause.name!.getStart(sourceFile), end: bindings!.getStart(sourceFile), text: "" });
    if (bindingsGone) edits.push({ start: clause.name!.end, end: bindings!.end, text: "" });
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
