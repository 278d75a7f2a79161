// Key sets: declarations whose members are flag keys, read through the type checker — a union of
// string literals, `keyof` an interface, an enum, or a const object of string values.
import path from "node:path";
import type * as TS from "typescript";
import ts from "../typescript.js";

export type KeySetKind = "union" | "keyof" | "enum" | "object";

export interface KeySet {
  /** The declared name, as `detect.keySets` writes it. */
  name: string;
  kind: KeySetKind;
  /** Absolute path and 1-based line of the declaration. */
  file: string;
  line: number;
  members: string[];
  /** Enums and const objects: code reads the keys as members (`Flags.NEW_NAV`), each read a check. */
  membersAreRead: boolean;
  declaration: TS.Node;
  /** For `keyof X`: the type X, whose values are the flags' values (an object of flag values). */
  objectType?: TS.Type;
  /** For `keyof typeof X`: X's declaration, the object the keys are listed in (read for keys, never for values). */
  source?: TS.Node | undefined;
  /**
   * For `keyof X` and `keyof typeof X`: X's name, which says what the keys list where the alias's
   * own name does not (`type Name = keyof typeof flags`, with `import * as flags from "./flags"`).
   */
  listedIn?: string;
}

/** More members than this is not a list of flags anyone maintains by hand (generated data). */
export const MAX_KEY_SET_MEMBERS = 5000;

/** The key set a parameter's declared type names: `FlagKey`, `keyof UiFlags`, `FlagsEnum`, `FlagKey | undefined`. */
export function keySetOfTypeNode(node: TS.TypeNode, checker: TS.TypeChecker): KeySet | undefined {
  if (ts.isUnionTypeNode(node)) {
    const defined = node.types.filter((type) => !isNullish(type));
    return defined.length === 1 ? keySetOfTypeNode(defined[0]!, checker) : undefined;
  }
  if (ts.isParenthesizedTypeNode(node)) return keySetOfTypeNode(node.type, checker);
  if (ts.isTypeReferenceNode(node)) {
    // `Pick<Features, "a" | "b">`: a generic's instance is no declaration of keys of its own.
    if (node.typeArguments !== undefined) return undefined;
    const declaration = declarationOf(checker, node.typeName);
    if (declaration === undefined || isLibraryDeclaration(declaration)) return undefined;
    if (ts.isEnumDeclaration(declaration)) return enumKeySet(declaration, checker);
    // `<K extends FlagKey>(flag: K)`: the constraint is the key set.
    if (ts.isTypeParameterDeclaration(declaration)) return declaration.constraint && keySetOfTypeNode(declaration.constraint, checker);
    if (ts.isTypeAliasDeclaration(declaration)) {
      const members = stringLiterals(checker.getTypeAtLocation(declaration.name));
      if (members === undefined) return undefined;
      const keyof = ts.isTypeOperatorNode(declaration.type) && declaration.type.operator === ts.SyntaxKind.KeyOfKeyword;
      const found = keySet(declaration.name.text, keyof ? "keyof" : "union", declaration, members, false);
      if (keyof) {
        const target = stripParens(declaration.type.type);
        const listed = ts.isTypeQueryNode(target) ? target.exprName : ts.isTypeReferenceNode(target) ? target.typeName : undefined;
        if (listed !== undefined) found.listedIn = ts.isIdentifier(listed) ? listed.text : listed.right.text;
        // `keyof typeof CATALOG`: the object lists the keys (a schema, a default per flag); its
        // values are not the flags' values. `keyof UiFlags`: the interface types them.
        if (ts.isTypeQueryNode(target)) found.source = declarationOf(checker, target.exprName);
        else found.objectType = checker.getTypeFromTypeNode(target);
      }
      return found;
    }
    return undefined;
  }
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword) {
    // `keyof UiFlags`: the interface (or type literal alias) lists the flags.
    const target = node.type;
    if (!ts.isTypeReferenceNode(target) || target.typeArguments !== undefined) return undefined;
    const declaration = declarationOf(checker, target.typeName);
    if (declaration === undefined || isLibraryDeclaration(declaration)) return undefined;
    if (!(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) return undefined;
    const members = stringLiterals(checker.getTypeFromTypeNode(node));
    return members && { ...keySet(declaration.name.text, "keyof", declaration, members, false), objectType: checker.getTypeFromTypeNode(target) };
  }
  if (ts.isIndexedAccessTypeNode(node) && ts.isTypeQueryNode(stripParens(node.objectType))) {
    // `(typeof FLAGS)[keyof typeof FLAGS]`: the values of a const object.
    const query = stripParens(node.objectType) as TS.TypeQueryNode;
    return constObjectKeySet(checker, query.exprName);
  }
  return undefined;
}

/** The key set `Flags` is, read as `Flags.X`: an enum, or a const object whose values are strings. */
export function keySetOfMemberRead(access: TS.PropertyAccessExpression | TS.ElementAccessExpression, checker: TS.TypeChecker): KeySet | undefined {
  const receiver = access.expression;
  if (!ts.isIdentifier(receiver) && !ts.isPropertyAccessExpression(receiver)) return undefined;
  const declaration = declarationOf(checker, ts.isIdentifier(receiver) ? receiver : receiver.name);
  if (declaration === undefined) return undefined;
  if (ts.isEnumDeclaration(declaration)) return enumKeySet(declaration, checker);
  if (ts.isVariableDeclaration(declaration)) return constObjectKeySet(checker, declaration.name);
  return undefined;
}

/** An interface or object type alias whose properties are flags, as a key set of its property names. */
export function keySetOfInterface(declaration: TS.InterfaceDeclaration | TS.TypeAliasDeclaration, checker: TS.TypeChecker): KeySet | undefined {
  const type = checker.getTypeAtLocation(declaration.name);
  const members = type.getProperties().map((property) => property.getName());
  if (members.length === 0) return undefined;
  return { ...keySet(declaration.name.text, "keyof", declaration, members, false), objectType: type };
}

function enumKeySet(declaration: TS.EnumDeclaration, checker: TS.TypeChecker): KeySet | undefined {
  const members: string[] = [];
  for (const member of declaration.members) {
    const value = checker.getConstantValue(member);
    if (typeof value !== "string") return undefined;
    members.push(value);
  }
  return members.length === 0 ? undefined : keySet(declaration.name.text, "enum", declaration, members, true);
}

function constObjectKeySet(checker: TS.TypeChecker, name: TS.EntityName | TS.BindingName): KeySet | undefined {
  const declaration = ts.isIdentifier(name) ? declarationOf(checker, name) : undefined;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  let initializer = declaration.initializer;
  while (initializer !== undefined && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isParenthesizedExpression(initializer))) {
    initializer = initializer.expression;
  }
  // `Object.freeze({ … })`
  if (initializer !== undefined && ts.isCallExpression(initializer) && initializer.arguments.length === 1) initializer = initializer.arguments[0];
  if (initializer === undefined || !ts.isObjectLiteralExpression(initializer)) return undefined;
  const members: string[] = [];
  for (const property of initializer.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const value = property.initializer;
    if (!ts.isStringLiteralLike(value)) return undefined;
    members.push(value.text);
  }
  return members.length === 0 ? undefined : keySet(declaration.name.text, "object", declaration, members, true);
}

/** A declaration of TypeScript's standard library (`Pick`, `Record`): never the project's list of flags. */
function isLibraryDeclaration(declaration: TS.Node): boolean {
  return declaration.getSourceFile().hasNoDefaultLib;
}

function keySet(name: string, kind: KeySetKind, declaration: TS.Node, members: string[], membersAreRead: boolean): KeySet {
  const sourceFile = declaration.getSourceFile();
  const line = sourceFile.getLineAndCharacterOfPosition(declaration.getStart(sourceFile)).line + 1;
  return { name, kind, file: path.resolve(sourceFile.fileName), line, members: [...new Set(members)], membersAreRead, declaration };
}

/** The declaration a name refers to, through imports and re-exports. */
export function declarationOf(checker: TS.TypeChecker, name: TS.Node): TS.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol === undefined) return undefined;
  if ((symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  return symbol.declarations?.[0];
}

/** The string literal values of a union (or single literal) type; `undefined` when it is anything else. */
function stringLiterals(type: TS.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral()) values.push(part.value);
    else if ((part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0) continue;
    else return undefined;
  }
  return values.length === 0 ? undefined : values;
}

function isNullish(node: TS.TypeNode): boolean {
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  return ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
}

function stripParens(node: TS.TypeNode): TS.TypeNode {
  return ts.isParenthesizedTypeNode(node) ? stripParens(node.type) : node;
}
