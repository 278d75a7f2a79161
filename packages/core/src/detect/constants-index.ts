// The project-wide index of exported string constants, so `import { Flags } from "@acme/shared"`
// then `isEnabled(Flags.NEW_NAV)` resolves in the CLI without a module resolver.
import ts from "../typescript.js";
import { enumMemberValue, KeyResolver } from "./keys.js";
import { Scopes } from "./scope.js";
import { constObjectLiteral, hasExportModifier, propertyNameText } from "./syntax.js";

/** One exported string: `export const X = "x"` (no member), or a member of an `as const` object or enum. */
export interface ExportedConstant {
  name: string;
  member?: string;
  value: string;
}

export interface ConstantIndex {
  resolve(name: string, member?: string): string | undefined;
}

/** Exported string consts, `as const` objects (their string members) and enums (their string members). */
export function collectExportedConstants(sourceFile: ts.SourceFile): ExportedConstant[] {
  const keys = new KeyResolver(new Scopes(), undefined, undefined);
  const constants: ExportedConstant[] = [];
  const locals = new Map<string, ts.VariableDeclaration | ts.EnumDeclaration>();

  const add = (name: string, declaration: ts.VariableDeclaration | ts.EnumDeclaration): void => {
    if (ts.isEnumDeclaration(declaration)) {
      collectEnum(name, declaration, constants);
    } else {
      collectConst(name, declaration, keys, constants);
    }
  };

  for (const statement of sourceFile.statements) {
    const exported = hasExportModifier(statement);
    if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        locals.set(declaration.name.text, declaration);
        if (exported) add(declaration.name.text, declaration);
      }
    } else if (ts.isEnumDeclaration(statement)) {
      locals.set(statement.name.text, statement);
      if (exported) add(statement.name.text, statement);
    }
  }
  // `export { NEW_NAV, Flags as FeatureFlags }` of local declarations.
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier !== undefined) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) continue;
    for (const element of clause.elements) {
      const local = locals.get((element.propertyName ?? element.name).text);
      if (local !== undefined) add(element.name.text, local);
    }
  }
  return constants;
}

function collectConst(
  name: string,
  declaration: ts.VariableDeclaration,
  keys: KeyResolver,
  constants: ExportedConstant[],
): void {
  const initializer = declaration.initializer;
  if (initializer === undefined) return;
  const literal = constObjectLiteral(initializer);
  if (literal === undefined) {
    const value = keys.value(initializer, 0);
    if (value !== undefined) constants.push({ name, value });
    return;
  }
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
    const member = propertyNameText(property.name);
    const value = keys.value(ts.isPropertyAssignment(property) ? property.initializer : property.name, 0);
    if (member !== undefined && value !== undefined) constants.push({ name, member, value });
  }
}

function collectEnum(name: string, declaration: ts.EnumDeclaration, constants: ExportedConstant[]): void {
  for (const enumMember of declaration.members) {
    const member = propertyNameText(enumMember.name);
    const value = member === undefined ? undefined : enumMemberValue(declaration, member);
    if (member !== undefined && value !== undefined) constants.push({ name, member, value });
  }
}

// Marks a name that two files export with different values: a wrong key is worse than none.
const AMBIGUOUS = Symbol("ambiguous");

export function buildConstantIndex(entries: Iterable<ExportedConstant>): ConstantIndex {
  const values = new Map<string, string | typeof AMBIGUOUS>();
  for (const { name, member, value } of entries) {
    const key = indexKey(name, member);
    const known = values.get(key);
    if (known === undefined) values.set(key, value);
    else if (known !== value) values.set(key, AMBIGUOUS);
  }
  return {
    resolve(name, member) {
      const value = values.get(indexKey(name, member));
      return typeof value === "string" ? value : undefined;
    },
  };
}

function indexKey(name: string, member: string | undefined): string {
  // NUL cannot occur in an identifier, so `a` + `b.c` and `a.b` + `c` stay apart.
  return member === undefined ? name : `${name}\u0000${member}`;
}
