// A name that holds the flag's value (`const on = flag`, `const { enabled } = useFlag("x")`)
// is replaced by the value at every use, and its declaration goes.
import ts from "../typescript.js";
import { BindingUses } from "./bindings.js";
import type { EditHistory, TextEdit } from "./edits.js";
import type { Refusal, StepResult } from "./fold.js";
import type { FlagFact, Sentinels } from "./sentinels.js";
import { isWrite, localChecker, variableStatementOf } from "./syntax.js";
import { removeStatementEdit } from "./text.js";

/** A destructured name that detection reported as the flag's value, located in the original text. */
export interface BindingSite {
  /** Offset of the bound identifier in the original text. */
  start: number;
  fact: FlagFact;
}

interface Holder {
  /** The name's declaration: a declarator or a binding element. */
  declaration: ts.VariableDeclaration | ts.BindingElement;
  name: ts.Identifier;
  fact: FlagFact;
}

export interface InlineInput {
  sourceFile: ts.SourceFile;
  sentinels: Sentinels;
  bindings: readonly BindingSite[];
  history: EditHistory;
  /** Original offsets of uses a refused fold asked to keep as written. */
  kept: ReadonlySet<number>;
}

export function inlineStep(input: InlineInput): StepResult {
  const holders = findHolders(input);
  if (holders.length === 0) return { edits: [], refusals: [] };
  const { sourceFile, sentinels, history, kept } = input;
  // The syntax settles most holders' uses; the checker (a program of the file) is built for the others.
  const uses = new BindingUses(sourceFile, () => localChecker(sourceFile));
  const exported = exportedNames(sourceFile);
  const edits: TextEdit[] = [];
  const refusals: Refusal[] = [];
  const removed = new Set<ts.Node>();

  for (const holder of holders) {
    const name = holder.name.text;
    const statement = variableStatementOf(holder.declaration);
    const refuse = (reason: string): void => {
      refusals.push({ origins: holder.fact.origins, reason });
    };
    if (!statement) continue;
    const isTopLevel = ts.isSourceFile(statement.parent);
    if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) || (isTopLevel && exported.has(name))) {
      refuse(`\`${name}\` holds the flag's value and is exported: other modules may read it`);
      continue;
    }
    const references = uses.of(holder.name) ?? [];
    if (references.some(isWrite)) {
      refuse(`\`${name}\` holds the flag's value but is reassigned: its value is not the flag's everywhere`);
      continue;
    }
    if (references.some((reference) => ts.isTypeQueryNode(reference.parent))) {
      refuse(`\`${name}\` holds the flag's value and a type is taken from it (\`typeof ${name}\`)`);
      continue;
    }
    let keepDeclaration = false;
    for (const reference of references) {
      const origin = history.backward(reference.getStart(sourceFile));
      if (origin !== undefined && kept.has(origin)) {
        keepDeclaration = true;
        continue;
      }
      const placeholder = sentinels.make(holder.fact.value, origin === undefined ? holder.fact.origins : [origin], holder.fact.roots);
      const shorthand = ts.isShorthandPropertyAssignment(reference.parent) && reference.parent.name === reference;
      edits.push({
        start: reference.getStart(sourceFile),
        end: reference.end,
        text: shorthand ? `${name}: ${placeholder}` : placeholder,
      });
    }
    if (!keepDeclaration) removed.add(holder.declaration);
  }
  if (refusals.length > 0) return { edits: [], refusals };
  edits.push(...declarationRemovals(sourceFile, removed));
  return { edits, refusals };
}

function findHolders(input: InlineInput): Holder[] {
  const { sourceFile, sentinels, bindings, history } = input;
  const holders: Holder[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && variableStatementOf(node)) {
      const fact = sentinels.read(node.initializer);
      if (fact) holders.push({ declaration: node, name: node.name, fact });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  for (const binding of bindings) {
    const at = history.forward(binding.start);
    if (at === undefined) continue;
    const identifier = identifierAt(sourceFile, at);
    const element = identifier?.parent;
    if (identifier && element && ts.isBindingElement(element) && element.name === identifier && variableStatementOf(element)) {
      holders.push({ declaration: element, name: identifier, fact: binding.fact });
    }
  }
  return holders;
}

function identifierAt(sourceFile: ts.SourceFile, position: number): ts.Identifier | undefined {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.pos || position >= node.end) return;
    if (ts.isIdentifier(node) && node.getStart(sourceFile) === position) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Names a module exports through `export { … }` or `export default name`. */
function exportedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add((element.propertyName ?? element.name).text);
    }
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) names.add(statement.expression.text);
  }
  return names;
}

/**
 * Edits that remove declarators and binding elements: a pattern left empty goes with its
 * owner, a declaration list left empty goes with its statement, and commas are kept right.
 */
export function declarationRemovals(sourceFile: ts.SourceFile, removed: ReadonlySet<ts.Node>): TextEdit[] {
  const gone = new Set(removed);
  // An emptied pattern takes its owner along, up to the declarator.
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of [...gone]) {
      const pattern = node.parent;
      if (!ts.isBindingElement(node) || !ts.isObjectBindingPattern(pattern)) continue;
      const owner = pattern.parent;
      if (!gone.has(owner) && pattern.elements.every((element) => gone.has(element))) {
        gone.add(owner);
        grew = true;
      }
    }
  }
  const edits: TextEdit[] = [];
  const handledLists = new Set<ts.Node>();
  for (const node of gone) {
    const list = node.parent;
    if (handledLists.has(list)) continue;
    handledLists.add(list);
    if (ts.isVariableDeclarationList(list)) {
      if (list.declarations.every((declaration) => gone.has(declaration))) {
        edits.push(removeStatementEdit(sourceFile, list.parent));
      } else {
        edits.push(...commaListRemovals(sourceFile, list.declarations, gone));
      }
    } else if (ts.isObjectBindingPattern(list) && !gone.has(list.parent)) {
      edits.push(...commaListRemovals(sourceFile, list.elements, gone));
    }
  }
  return edits;
}

function commaListRemovals(sourceFile: ts.SourceFile, elements: readonly ts.Node[], gone: ReadonlySet<ts.Node>): TextEdit[] {
  const edits: TextEdit[] = [];
  let index = 0;
  while (index < elements.length) {
    if (!gone.has(elements[index]!)) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < elements.length && gone.has(elements[last + 1]!)) last++;
    const next = elements[last + 1];
    if (next) edits.push({ start: elements[index]!.getStart(sourceFile), end: next.getStart(sourceFile), text: "" });
    else edits.push({ start: elements[index - 1]!.end, end: elements[last]!.end, text: "" });
    index = last + 1;
  }
  return edits;
}
