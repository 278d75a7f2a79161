// Which identifiers read a binding: from the syntax alone for the common case, a name nothing
// shadows, and from a type checker for the rest. Asking a type checker costs a program per text (an
// editor's suggestion builds up to three), and most names in a cleanup are a module's import or
// constant that nothing shadows. Any identifier whose role is not plain (a type position, a second
// binding of the name, a position not listed below) and the syntax's answer is "cannot tell".
import ts from "../typescript.js";
import { variableStatementOf } from "./syntax.js";

/**
 * The uses of bindings in one tree: syntacticUses where it settles them, else the type checker's,
 * which `checker` builds on first need; each name is looked up by symbol once.
 */
export class BindingUses {
  private built?: ts.TypeChecker;
  private readonly bySymbol = new Map<string, Map<ts.Symbol, ts.Identifier[]>>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly checker: () => ts.TypeChecker,
  ) {}

  /** The identifiers that read or write the binding `name` declares; undefined when the checker knows no symbol for it. */
  of(name: ts.Identifier): ts.Identifier[] | undefined {
    const settled = syntacticUses(name);
    if (settled !== undefined) return settled;
    const checker = (this.built ??= this.checker());
    let uses = this.bySymbol.get(name.text);
    // A binding is read only by identifiers spelt as it is: only those are looked up.
    if (uses === undefined) this.bySymbol.set(name.text, (uses = usesBySymbol(this.sourceFile, checker, new Set([name.text]))));
    const symbol = checker.getSymbolAtLocation(name);
    return symbol === undefined ? undefined : (uses.get(symbol) ?? []);
  }
}

/**
 * The identifiers that read or write the binding `name` declares, when the syntax settles it:
 * `name` is declared at the top level (an import, a variable, a function) or by `let`/`const` in a
 * block, and every other identifier of its text in that scope is either such a use or plainly not
 * one (a member name, a label): no other binding of the text there, nothing in a type. Undefined
 * otherwise.
 */
export function syntacticUses(name: ts.Identifier): ts.Identifier[] | undefined {
  const scope = scopeOf(name);
  if (scope === undefined) return undefined;
  const text = name.text;
  // Another binding of the name in the scope, or a use the syntax cannot place, and the checker decides.
  let settled = true;
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (!settled) return;
    if (ts.isIdentifier(node) && node.text === text && node !== name) {
      const role = roleOf(node);
      if (role === "use") uses.push(node);
      else if (role !== "member") settled = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return settled ? uses : undefined;
}

/** The node whose subtree the binding is visible in, for the declarations this module settles. */
function scopeOf(name: ts.Identifier): ts.Node | undefined {
  const declaration = name.parent;
  if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration) || ts.isImportSpecifier(declaration)) {
    let statement: ts.Node = declaration;
    while (!ts.isImportDeclaration(statement)) statement = statement.parent;
    return ts.isSourceFile(statement.parent) ? statement.parent : undefined;
  }
  if (ts.isFunctionDeclaration(declaration)) return ts.isSourceFile(declaration.parent) ? declaration.parent : undefined;
  if (!(ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) || declaration.name !== name) return undefined;
  const statement = variableStatementOf(declaration);
  if (statement === undefined) return undefined;
  const list = statement.declarationList;
  const holder = statement.parent;
  if (ts.isSourceFile(holder)) return holder;
  if ((list.flags & ts.NodeFlags.BlockScoped) === 0) return undefined;
  if (ts.isBlock(holder) || ts.isModuleBlock(holder)) return holder;
  if (ts.isCaseClause(holder) || ts.isDefaultClause(holder)) return holder.parent;
  return undefined;
}

type Role = "binding" | "member" | "use" | "unknown";

/** What an identifier is to the binding its text names. */
function roleOf(node: ts.Identifier): Role {
  const parent = node.parent;
  const named = (parent as ts.Node & { name?: ts.Node }).name === node;
  switch (parent.kind) {
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.BindingElement:
    case ts.SyntaxKind.EnumMember:
      return named ? "binding" : (parent as ts.BindingElement).propertyName === node ? "member" : "use";
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
    case ts.SyntaxKind.ModuleDeclaration:
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport:
    case ts.SyntaxKind.ImportEqualsDeclaration:
    case ts.SyntaxKind.TypeParameter:
    case ts.SyntaxKind.NamespaceExport:
    case ts.SyntaxKind.NamespaceExportDeclaration:
      return named ? "binding" : "unknown";
    case ts.SyntaxKind.ImportSpecifier:
      return named ? "binding" : "member";
    case ts.SyntaxKind.ExportSpecifier: {
      if (!ts.isExportSpecifier(parent)) return "unknown";
      // `export { a } from "m"` names another module's export; `export { a as b }` exports `a` as `b`.
      if (parent.parent.parent.moduleSpecifier !== undefined) return "member";
      return parent.propertyName === undefined || parent.propertyName === node ? "use" : "member";
    }
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return named ? "member" : "use";
    case ts.SyntaxKind.JsxAttribute:
    case ts.SyntaxKind.MetaProperty:
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.ImportAttribute:
      return "member";
    case ts.SyntaxKind.JsxOpeningElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxClosingElement:
      // `<div>` is the element, not a binding named `div`.
      return /^[a-z]/.test(node.text) ? "unknown" : "use";
    case ts.SyntaxKind.ShorthandPropertyAssignment:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.ThrowStatement:
    case ts.SyntaxKind.SwitchStatement:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.Decorator:
    case ts.SyntaxKind.JsxExpression:
    case ts.SyntaxKind.JsxSpreadAttribute:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.ComputedPropertyName:
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.PrefixUnaryExpression:
    case ts.SyntaxKind.PostfixUnaryExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.DeleteExpression:
    case ts.SyntaxKind.ArrowFunction:
      return "use";
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
      return (parent as ts.Node & { expression?: ts.Node }).expression === node ? "use" : "unknown";
    default:
      // A type position, a qualified name, a heritage clause: the checker knows.
      return "unknown";
  }
}

/**
 * Every identifier that reads or writes a binding, by the binding's symbol. With `names`, only
 * identifiers spelt like one of them are looked up: a use is always spelt like its binding.
 */
export function usesBySymbol(sourceFile: ts.SourceFile, checker: ts.TypeChecker, names?: ReadonlySet<string>): Map<ts.Symbol, ts.Identifier[]> {
  const uses = new Map<ts.Symbol, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (!names || names.has(node.text)) && !isDeclarationName(node)) {
      const parent = node.parent;
      const symbol =
        ts.isShorthandPropertyAssignment(parent) && parent.name === node
          ? checker.getShorthandAssignmentValueSymbol(parent)
          : ts.isExportSpecifier(parent)
            ? parent.parent.parent.moduleSpecifier
              ? undefined
              : checker.getExportSpecifierLocalTargetSymbol(parent)
            : checker.getSymbolAtLocation(node);
      if (symbol) uses.set(symbol, [...(uses.get(symbol) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/**
 * How many identifiers of each spelling read or write a binding: the same identifiers
 * `usesBySymbol` looks up, counted by text, without a type checker.
 */
export function useCountsByName(sourceFile: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isDeclarationName(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return counts;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent)) return true;
  // `export { local as exported }` uses `local` once.
  if (ts.isExportSpecifier(parent)) return node !== (parent.propertyName ?? parent.name);
  return (
    ((ts.isVariableDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent)
  );
}
