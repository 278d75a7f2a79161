// Finds what an identifier is bound to by walking up its enclosing scopes. Only as much scope
// analysis as flag detection needs: imports, requires, consts, enums, and whatever shadows them.
import ts, { SyntaxKind } from "../typescript.js";
import { moduleLoadSpecifier, propertyNameText, skipWrappers } from "./syntax.js";

export type Binding =
  /** `imported` is the exported name, `"default"`, or `"*"` for a namespace / `import x = require()`. */
  | { kind: "import"; specifier: string; imported: string; commonJs: boolean }
  /**
   * A `const` / `let` / `var`; `path` is the chain of property names that leads from the initializer to
   * the bound name inside a destructuring pattern (`const { a: { b } } = x` binds b at ["a", "b"]), or
   * `null` when an array pattern or computed name hides it.
   */
  | { kind: "variable"; declaration: ts.VariableDeclaration; path: readonly string[] | null; constant: boolean }
  | { kind: "enum"; declaration: ts.EnumDeclaration }
  /** A parameter bound to a plain name: its type annotation can say what it holds (`client: LDClient`). */
  | { kind: "parameter"; declaration: ts.ParameterDeclaration }
  /** A destructured parameter, function, class, catch variable…: a name we do not see through. */
  | { kind: "opaque" };

type Declarations = Map<string, Binding>;

const OPAQUE: Binding = { kind: "opaque" };

export class Scopes {
  private readonly declarationsByScope = new Map<ts.Node, Declarations>();

  /** The binding `identifier` refers to; `undefined` when nothing in the file declares it (a global). */
  lookup(identifier: ts.Identifier): Binding | undefined {
    const name = identifier.text;
    for (let node: ts.Node | undefined = identifier.parent; node !== undefined; node = node.parent) {
      if (!isScope(node)) continue;
      const binding = this.declarationsOf(node).get(name);
      if (binding !== undefined) return binding;
    }
    return undefined;
  }

  private declarationsOf(scope: ts.Node): Declarations {
    let declarations = this.declarationsByScope.get(scope);
    if (declarations === undefined) {
      declarations = collectDeclarations(scope);
      this.declarationsByScope.set(scope, declarations);
    }
    return declarations;
  }
}

function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.SourceFile:
    case SyntaxKind.Block:
    case SyntaxKind.ModuleBlock:
    case SyntaxKind.CaseBlock:
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.CatchClause:
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.Constructor:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
    case SyntaxKind.ClassExpression:
      return true;
    default:
      return false;
  }
}

function collectDeclarations(scope: ts.Node): Declarations {
  const declarations: Declarations = new Map();
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    addStatements(declarations, scope.statements);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) addStatements(declarations, clause.statements);
  } else if (ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer !== undefined && ts.isVariableDeclarationList(initializer)) addVariables(declarations, initializer);
  } else if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration !== undefined) addOpaqueNames(declarations, scope.variableDeclaration.name);
  } else if (ts.isClassExpression(scope)) {
    if (scope.name !== undefined) declarations.set(scope.name.text, OPAQUE);
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      if (ts.isIdentifier(parameter.name)) declarations.set(parameter.name.text, { kind: "parameter", declaration: parameter });
      else addOpaqueNames(declarations, parameter.name);
    }
    // A named function expression sees its own name.
    if (ts.isFunctionExpression(scope) && scope.name !== undefined && !declarations.has(scope.name.text)) {
      declarations.set(scope.name.text, OPAQUE);
    }
  }
  return declarations;
}

function addStatements(declarations: Declarations, statements: readonly ts.Statement[]): void {
  for (const statement of statements) {
    switch (statement.kind) {
      case SyntaxKind.VariableStatement:
        addVariables(declarations, (statement as ts.VariableStatement).declarationList);
        break;
      case SyntaxKind.ImportDeclaration:
        addImport(declarations, statement as ts.ImportDeclaration);
        break;
      case SyntaxKind.ImportEqualsDeclaration:
        addImportEquals(declarations, statement as ts.ImportEqualsDeclaration);
        break;
      case SyntaxKind.EnumDeclaration: {
        const declaration = statement as ts.EnumDeclaration;
        // Enums merge across declarations; the first one is where string members usually live.
        if (!declarations.has(declaration.name.text)) {
          declarations.set(declaration.name.text, { kind: "enum", declaration });
        }
        break;
      }
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ModuleDeclaration: {
        const name = (statement as ts.FunctionDeclaration | ts.ClassDeclaration | ts.ModuleDeclaration).name;
        if (name !== undefined && ts.isIdentifier(name)) declarations.set(name.text, OPAQUE);
        break;
      }
      default:
        break;
    }
  }
}

function addVariables(declarations: Declarations, list: ts.VariableDeclarationList): void {
  const constant = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const declaration of list.declarations) {
    addBindingNames(declarations, declaration.name, [], (path) => ({ kind: "variable", declaration, path, constant }));
  }
}

function addOpaqueNames(declarations: Declarations, name: ts.BindingName): void {
  addBindingNames(declarations, name, [], () => OPAQUE);
}

function addBindingNames(
  declarations: Declarations,
  name: ts.BindingName,
  path: readonly string[] | null,
  bindingAt: (path: readonly string[] | null) => Binding,
): void {
  if (ts.isIdentifier(name)) {
    declarations.set(name.text, bindingAt(path));
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    addBindingNames(declarations, element.name, elementPath(name, element, path), bindingAt);
  }
}

/** The property path of one destructuring element; an object rest keeps its parent's path. */
function elementPath(
  pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern,
  element: ts.BindingElement,
  path: readonly string[] | null,
): readonly string[] | null {
  if (path === null || ts.isArrayBindingPattern(pattern)) return null;
  if (element.dotDotDotToken !== undefined) return path;
  const property = propertyNameText(element.propertyName ?? element.name);
  return property === undefined ? null : [...path, property];
}

function addImport(declarations: Declarations, declaration: ts.ImportDeclaration): void {
  const clause = declaration.importClause;
  if (clause === undefined || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
  const specifier = declaration.moduleSpecifier.text;
  if (clause.name !== undefined) {
    declarations.set(clause.name.text, { kind: "import", specifier, imported: "default", commonJs: false });
  }
  const bindings = clause.namedBindings;
  if (bindings === undefined) return;
  if (ts.isNamespaceImport(bindings)) {
    declarations.set(bindings.name.text, { kind: "import", specifier, imported: "*", commonJs: false });
    return;
  }
  for (const element of bindings.elements) {
    const imported = (element.propertyName ?? element.name).text;
    declarations.set(element.name.text, { kind: "import", specifier, imported, commonJs: false });
  }
}

function addImportEquals(declarations: Declarations, declaration: ts.ImportEqualsDeclaration): void {
  const reference = declaration.moduleReference;
  if (!ts.isExternalModuleReference(reference)) {
    declarations.set(declaration.name.text, OPAQUE);
    return;
  }
  const expression = reference.expression;
  if (!ts.isStringLiteral(expression)) return;
  declarations.set(declaration.name.text, {
    kind: "import",
    specifier: expression.text,
    imported: "*",
    commonJs: true,
  });
}

/** Whether a variable's initializer loads a module (`require("m")`, `require("m").x`, `await import("m")`). */
export function loadsModule(initializer: ts.Expression | undefined): boolean {
  let current = initializer;
  while (current !== undefined) {
    current = skipWrappers(current);
    if (ts.isAwaitExpression(current)) {
      current = current.expression;
    } else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      current = current.expression;
    } else {
      return moduleLoadSpecifier(current) !== undefined;
    }
  }
  return false;
}
