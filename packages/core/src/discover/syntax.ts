// Syntax and type helpers of discovery: what a declaration is called, what a read is of.
import fs from "node:fs";
import path from "node:path";
import type * as TS from "typescript";
import type { Evaluation } from "../detect/presets/types.js";
import { writtenNames } from "../detect/syntax.js";
import ts from "../typescript.js";

export type FunctionLike = TS.FunctionDeclaration | TS.MethodDeclaration | TS.ArrowFunction | TS.FunctionExpression;
/** What a call can be found to call: a function, or a method or function property declared in a type. */
export type Callable = FunctionLike | TS.MethodSignature | TS.PropertySignature;

export function fieldsOf(evaluation: Evaluation): { keyArg: number; contextArg?: number } {
  return typeof evaluation.context === "number" ? { keyArg: evaluation.key, contextArg: evaluation.context } : { keyArg: evaluation.key };
}

/** The `.d.ts` files beside the walked files and in the registry's folder. */
export function declarationFiles(files: readonly string[], dir: string): string[] {
  const folders = new Set([dir, ...files.map((file) => path.dirname(file))]);
  const found: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith(".d.ts")) found.push(path.join(folder, name));
  }
  return found.sort();
}

export function isCallable(node: TS.Node): node is Callable {
  if (ts.isMethodSignature(node)) return true;
  if (ts.isPropertySignature(node)) return node.type !== undefined && ts.isFunctionTypeNode(node.type);
  return isFunctionLike(node);
}

export function parametersOf(node: Callable): readonly TS.ParameterDeclaration[] {
  if (ts.isPropertySignature(node)) return node.type !== undefined && ts.isFunctionTypeNode(node.type) ? node.type.parameters : [];
  return node.parameters;
}

/** Type annotations that can name a key set; `string`, arrays, object and function types cannot. */
export function mayNameKeySet(type: TS.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) || ts.isUnionTypeNode(type) || ts.isTypeOperatorNode(type) || ts.isIndexedAccessTypeNode(type) || ts.isParenthesizedTypeNode(type);
}

/** Folders whose files are tests, mocks, fixtures or end-to-end suites. */
const TEST_FOLDER = "__tests__|__mocks__|__fixtures__|e2e|cypress|playwright|test|tests";
const IN_TEST_FOLDER = new RegExp(`/(?:${TEST_FOLDER})/`);
const TEST_FOLDER_NAME = new RegExp(`^(?:${TEST_FOLDER})$`);

/** Tests, mocks, stories and end-to-end suites. */
export function isTestFile(file: string): boolean {
  const normalized = file.split(path.sep).join("/");
  return IN_TEST_FOLDER.test(normalized) || /\.(test|spec|e2e|stories|story)\.[cm]?[jt]sx?$/.test(normalized);
}

/** Whether a folder's name makes its files tests (isTestFile). */
export function isTestFolder(name: string): boolean {
  return TEST_FOLDER_NAME.test(name);
}

export function isFunctionLike(node: TS.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** The name a function is called by: its own, or the variable, property or field it is assigned to. */
export function functionName(node: Callable): string | undefined {
  if (ts.isMethodSignature(node) || ts.isPropertySignature(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) {
    return node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : undefined;
  }
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }
  if (ts.isFunctionExpression(node) && node.name !== undefined) return node.name.text;
  return undefined;
}

/**
 * The name of what a method belongs to: its class (`class FeatureFlags { static isEnabled() }`) or
 * the variable its object literal is assigned to (`const flags = { isOn() {} }`).
 */
export function ownerName(node: Callable): string | undefined {
  const member = ts.isMethodDeclaration(node) || ts.isMethodSignature(node) || ts.isPropertySignature(node) ? node : node.parent;
  const owner = member?.parent;
  if (owner === undefined) return undefined;
  if ((ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) && owner.name !== undefined) return owner.name.text;
  if (ts.isObjectLiteralExpression(owner) && ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name)) return owner.parent.name.text;
  return undefined;
}

export function isMethod(node: Callable): boolean {
  if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node) || ts.isPropertySignature(node)) return true;
  const parent = node.parent;
  return ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent);
}

export function isExported(declaration: TS.VariableDeclaration): boolean {
  const statement = declaration.parent?.parent;
  return statement !== undefined && ts.isVariableStatement(statement) && (statement.modifiers ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

export function isCallee(node: TS.Node): boolean {
  return ts.isCallExpression(node.parent) && node.parent.expression === node;
}

/** What a function hands back: its `return` expressions (not nested functions'), or an arrow's body. */
export function returnedExpressions(node: FunctionLike): TS.Expression[] {
  const body = node.body;
  if (body === undefined) return [];
  if (!ts.isBlock(body)) return [body];
  return returnStatements(body).flatMap((statement) => (statement.expression === undefined ? [] : [statement.expression]));
}

/** The `return` statements of a function's block (not nested functions' or classes'), `return;` too. */
export function returnStatements(body: TS.Block): TS.ReturnStatement[] {
  const found: TS.ReturnStatement[] = [];
  const visit = (child: TS.Node): void => {
    if (isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isReturnStatement(child)) found.push(child);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}


/** The names that lead to a destructuring pattern: `const { flags: { a } } = config.ui` -> config, ui, flags. */
export function patternPath(pattern: TS.ObjectBindingPattern): string[] | undefined {
  const parent = pattern.parent;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === undefined ? undefined : writtenNames(parent.initializer);
  if (ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent)) {
    const name = parent.propertyName === undefined ? undefined : propertyName(parent.propertyName);
    if (name === undefined) return undefined;
    const outer = patternPath(parent.parent);
    return outer === undefined ? [name] : [...outer, name];
  }
  return undefined;
}

export function propertyName(name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The node an expression's value goes to, through `await`, parentheses and casts. */
export function skipParents(node: TS.Node): TS.Node {
  let current = node.parent;
  while (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) current = current.parent;
  return current;
}

export function stripParens(node: TS.TypeNode): TS.TypeNode {
  return ts.isParenthesizedTypeNode(node) ? stripParens(node.type) : node;
}

/** A type a flag's value can have: a boolean (among others), or one the checker cannot tell. */
export function mayBeFlagValue(type: TS.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
}

/** The paths a read through these names could be matched by: its last two names, and its last. */
export function candidatePaths(names: readonly string[]): string[] {
  const last = names[names.length - 1]!;
  return names.length >= 2 ? [`${names[names.length - 2]!}.${last}`, last] : [last];
}

/** Where a type is declared: its alias, or its interface or class. */
export function typeDeclaration(type: TS.Type): TS.Node | undefined {
  return (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
}

/** Whether a type is exactly these string literals (plus undefined). */
export function sameLiterals(type: TS.Type, members: readonly string[]): boolean {
  const parts = type.isUnion() ? type.types : [type];
  const values = new Set<string>();
  for (const part of parts) {
    if (part.isStringLiteral()) values.add(part.value);
    else if ((part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0) return false;
  }
  return values.size === members.length && members.every((member) => values.has(member));
}

/** The node that spans exactly [start, end), the innermost first. */
export function nodeAt(sourceFile: TS.SourceFile, start: number, end: number): TS.Node | undefined {
  let found: TS.Node | undefined;
  const visit = (node: TS.Node): void => {
    if (node.end < end || node.pos > start) return;
    if (node.getStart(sourceFile) === start && node.end === end) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

export function sum<T extends Record<string, number>>(rows: readonly T[], field: keyof T): number {
  return rows.reduce((total, row) => total + row[field]!, 0);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
