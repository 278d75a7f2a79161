// Syntax questions the simplifier asks: does this expression have side effects, is its value
// only tested for truthiness, which names does a block declare, which identifiers mean a binding.
import ts from "../typescript.js";
import type { TextEdit } from "./edits.js";

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const extension = /\.[cm]?[jt]sx?$/.exec(fileName)?.[0] ?? ".ts";
  if (extension.endsWith("tsx")) return ts.ScriptKind.TSX;
  if (extension.endsWith("jsx")) return ts.ScriptKind.JSX;
  if (extension.endsWith("js")) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * The last few trees parsed, by file name and text. The editor's no-stale-flag suggestion runs the
 * engine once per stale check of a file: each run starts from the same text, and the boolean test
 * before it parses that text too. A tree is never changed once built, so sharing it is safe; the
 * bound keeps a long-lived ESLint process from holding more than a few.
 */
const recent: ts.SourceFile[] = [];
const RECENT_TREES = 4;

export function parse(text: string, fileName: string): ts.SourceFile {
  const known = recent.find((tree) => tree.fileName === fileName && tree.text === text);
  if (known !== undefined) return known;
  const tree = parseOwn(text, fileName);
  recent.unshift(tree);
  if (recent.length > RECENT_TREES) recent.pop();
  return tree;
}

/** A tree of `text` that only the caller holds (not one of the recent trees): one `reparse` may spend it. */
export function parseOwn(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
}

/**
 * `text`, which is `spent.text` with `edits` applied, parsed by TypeScript's incremental parser: the
 * nodes outside the edited span are reused, so a step that rewrites one `if` costs a fraction of a
 * parse. The parser moves the reused nodes, so `spent` must be a tree only the caller holds (from
 * parseOwn or an earlier reparse) and is not to be read afterwards.
 */
export function reparse(spent: ts.SourceFile, text: string, edits: readonly TextEdit[]): ts.SourceFile {
  if (edits.length === 0) return spent;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  let growth = 0;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
    growth += edit.text.length - (edit.end - edit.start);
  }
  const span = ts.createTextSpan(start, end - start);
  return ts.updateSourceFile(spent, text, ts.createTextChangeRange(span, span.length + growth));
}

/**
 * `parsed` when it is `text` parsed as `parse` would parse it (a linter's tree: same text, script
 * kind and module-ness, parent pointers set), else `parse(text, fileName)`. Sparing the parse of
 * the original text is most of what a single-site cleanup of a linted file can save.
 */
export function parseReusing(text: string, fileName: string, parsed: ts.SourceFile | undefined): ts.SourceFile {
  if (parsed !== undefined && parsed.text === text && sameParse(parsed, fileName)) return parsed;
  return parse(text, fileName);
}

function sameParse(parsed: ts.SourceFile, fileName: string): boolean {
  const internal = parsed as unknown as { scriptKind?: ts.ScriptKind; externalModuleIndicator?: unknown };
  if (internal.scriptKind !== scriptKindFor(fileName) || parsed.statements.some((statement) => statement.parent !== parsed)) return false;
  // A parser told the file is a module (ESLint's sourceType) marks it so with `true`; `parse` calls a
  // file a module only when it imports or exports, and the type checker of unused.ts tells them apart.
  return internal.externalModuleIndicator !== true || parsed.statements.some(isModuleSyntax);
}

function isModuleSyntax(statement: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement) ||
    (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) ||
    (ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false))
  );
}

/** The first syntax error of a parsed file, as a message with a 0-based offset. */
export function firstSyntaxError(sourceFile: ts.SourceFile): { message: string; start: number } | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  return { message: ts.flattenDiagnosticMessageText(first.messageText, " "), start: first.start ?? 0 };
}

export function skipParens(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/**
 * Whether evaluating the expression can be skipped without anyone noticing: no call, no
 * assignment, no getter (property reads can throw on `undefined`, so they count as effects).
 */
export function isPure(node: ts.Expression): boolean {
  node = skipParens(node);
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return true;
  }
  if (ts.isPrefixUnaryExpression(node)) {
    if (node.operator === ts.SyntaxKind.ExclamationToken) return isPure(node.operand);
    // `-x` may call valueOf; on a number literal it cannot.
    return (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken) && ts.isNumericLiteral(node.operand);
  }
  if (ts.isTypeOfExpression(node)) return isPure(node.expression);
  if (ts.isBinaryExpression(node)) {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      case ts.SyntaxKind.CommaToken:
        return isPure(node.left) && isPure(node.right);
    }
    return false;
  }
  if (ts.isConditionalExpression(node)) return isPure(node.condition) && isPure(node.whenTrue) && isPure(node.whenFalse);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => !ts.isSpreadElement(element) && isPure(element));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every(
      (property) =>
        ts.isShorthandPropertyAssignment(property) ||
        ts.isMethodDeclaration(property) ||
        (ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name) && isPure(property.initializer)),
    );
  }
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    return isPure(node.expression);
  }
  return false;
}

/**
 * Whether only the truthiness of the expression's value matters where it stands: a condition,
 * the operand of `!`, a discarded expression statement, or an operand of `&&`/`||`/`?:` that
 * stands in such a place itself.
 */
export function isTestPosition(node: ts.Expression): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent) {
    if (ts.isParenthesizedExpression(parent)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === child;
    if (ts.isForStatement(parent)) return parent.condition === child;
    if (ts.isExpressionStatement(parent)) return true;
    if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
    if (ts.isConditionalExpression(parent)) {
      if (parent.condition === child) return true;
    } else if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.CommaToken && parent.left === child) return true;
      const passesThrough =
        operator === ts.SyntaxKind.AmpersandAmpersandToken ||
        operator === ts.SyntaxKind.BarBarToken ||
        operator === ts.SyntaxKind.CommaToken ||
        (operator === ts.SyntaxKind.QuestionQuestionToken && parent.right === child);
      if (!passesThrough) return false;
    } else {
      return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** A statement after which the rest of its block never runs. */
export function isJump(statement: ts.Statement): boolean {
  return (
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isBreakStatement(statement) ||
    ts.isContinueStatement(statement)
  );
}

/** Statements that still matter after a `return`: declarations are hoisted or are types. */
export function isHoisted(statement: ts.Statement): boolean {
  if (ts.isVariableStatement(statement)) return !(statement.declarationList.flags & ts.NodeFlags.BlockScoped);
  return (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement) ||
    ts.isImportDeclaration(statement) ||
    ts.isExportDeclaration(statement)
  );
}

/** Names a statement list declares in its own scope (let, const, class, function). */
export function lexicalNames(statements: readonly ts.Statement[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.BlockScoped) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    } else if (ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      if (ts.isIdentifier(statement.name)) names.push(statement.name.text);
    }
  }
  return names;
}

export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) names.push(...bindingNames(element.name));
  }
  return names;
}

/** Every identifier text used anywhere inside the nodes. */
export function identifierTexts(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  return names;
}

/** The innermost node whose own range is exactly `start..end`, if any. */
export function nodeAt(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) <= start && end <= node.end) {
      if (node.getStart(sourceFile) === start && node.end === end) found = node;
      ts.forEachChild(node, visit);
    }
  };
  visit(sourceFile);
  return found;
}

/**
 * A type checker over this one file, without libraries or imports: enough to tell which
 * identifiers refer to which local binding.
 */
export function localChecker(sourceFile: ts.SourceFile): ts.TypeChecker {
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === sourceFile.fileName ? sourceFile : undefined),
    writeFile: () => undefined,
    getDefaultLibFileName: () => "lib.d.ts",
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => "",
    getNewLine: () => "\n",
    fileExists: (name) => name === sourceFile.fileName,
    readFile: () => undefined,
    // noResolve keeps other files out of the program, but TypeScript still resolves every import,
    // probing the disk through this host (a tenth of a suggestion's cost): no import resolves here.
    resolveModuleNameLiterals: (literals) => literals.map(() => ({ resolvedModule: undefined })),
  };
  const program = ts.createProgram({
    rootNames: [sourceFile.fileName],
    options: { noLib: true, noResolve: true, allowJs: true, jsx: ts.JsxEmit.Preserve, types: [] },
    host,
  });
  return program.getTypeChecker();
}

/** Whether an identifier is written to: assigned, incremented, or a destructuring target. */
export function isWrite(identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  let parent = node.parent;
  while (
    parent &&
    (ts.isParenthesizedExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isShorthandPropertyAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent))
  ) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return parent.left === node && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node;
  return false;
}

/** The `const`/`let`/`var` statement a declarator or (nested) binding element belongs to. */
export function variableStatementOf(node: ts.VariableDeclaration | ts.BindingElement): ts.VariableStatement | undefined {
  let current: ts.Node = node;
  while (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current)) current = current.parent;
  if (!ts.isVariableDeclaration(current)) return undefined;
  const statement = current.parent.parent;
  return ts.isVariableStatement(statement) ? statement : undefined;
}
