// Resolves a flag-key expression to its string statically: literals, consts, `as const` objects,
// string enums, and exported constants of other files through a ConstantIndex. Never guesses.
import ts from "../typescript.js";
import type { ConstantIndex } from "./constants-index.js";
import type { Scopes } from "./scope.js";
import { constObjectLiteral, literalText, memberName, propertyNameText, skipWrappers } from "./syntax.js";

// Bound once: typescript exports every name through a getter.
const { SyntaxKind } = ts;

/** Last resort for a key the syntax cannot resolve, e.g. the literal type from a type checker. */
export type KeyFallback = (expression: ts.Expression) => string | undefined;

/** What a member access can be read from. */
type Container =
  | { kind: "object"; literal: ts.ObjectLiteralExpression }
  | { kind: "enum"; declaration: ts.EnumDeclaration }
  /** An imported or global name, looked up in the constant index. */
  | { kind: "external"; name: string }
  /** `import * as ns`: its members are another file's exports. */
  | { kind: "namespace" };

// Enough for any real chain of consts; a deeper one (or a cycle) is treated as unresolvable.
const MAX_DEPTH = 32;

export class KeyResolver {
  constructor(
    private readonly scopes: Scopes,
    private readonly constants: ConstantIndex | undefined,
    private readonly fallback: KeyFallback | undefined,
  ) {}

  /** The key's string, or `undefined` when it cannot be known without running the code. */
  resolve(expression: ts.Expression): string | undefined {
    return this.value(expression, 0) ?? this.fallback?.(expression);
  }

  value(expression: ts.Expression, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = skipWrappers(expression);
    switch (current.kind) {
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        return (current as ts.StringLiteral).text;
      case SyntaxKind.TemplateExpression:
        return this.template(current as ts.TemplateExpression, depth);
      case SyntaxKind.BinaryExpression:
        return this.concatenation(current as ts.BinaryExpression, depth);
      case SyntaxKind.Identifier:
        return this.identifierValue(current as ts.Identifier, depth);
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression: {
        const access = current as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        const member = memberName(access);
        if (member === undefined) return undefined;
        return this.memberValue(this.container(access.expression, depth + 1), member, depth);
      }
      default:
        return undefined;
    }
  }

  /** `${PREFIX}_nav` is as static as its parts. */
  private template(template: ts.TemplateExpression, depth: number): string | undefined {
    let text = template.head.text;
    for (const span of template.templateSpans) {
      const part = this.value(span.expression, depth + 1);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }

  private concatenation(binary: ts.BinaryExpression, depth: number): string | undefined {
    if (binary.operatorToken.kind !== SyntaxKind.PlusToken) return undefined;
    const left = this.value(binary.left, depth + 1);
    if (left === undefined) return undefined;
    const right = this.value(binary.right, depth + 1);
    return right === undefined ? undefined : left + right;
  }

  private identifierValue(identifier: ts.Identifier, depth: number): string | undefined {
    const binding = this.scopes.lookup(identifier);
    if (binding === undefined) return this.constants?.resolve(identifier.text);
    switch (binding.kind) {
      case "import":
        return binding.imported === "*" || binding.imported === "default"
          ? undefined
          : this.constants?.resolve(binding.imported);
      case "variable": {
        const { declaration, path, constant } = binding;
        if (!constant || declaration.initializer === undefined || path === null) return undefined;
        if (path.length === 0) return this.value(declaration.initializer, depth + 1);
        // `const { NEW_NAV } = Flags`
        let container = this.container(declaration.initializer, depth + 1);
        for (const name of path.slice(0, -1)) container = this.memberContainer(container, name);
        return this.memberValue(container, path[path.length - 1]!, depth);
      }
      default:
        return undefined;
    }
  }

  /** What `expression` is, as something members can be read from. */
  container(expression: ts.Expression, depth: number): Container | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = skipWrappers(expression);
    if (ts.isIdentifier(current)) return this.identifierContainer(current, depth);
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      const member = memberName(current);
      if (member === undefined) return undefined;
      return this.memberContainer(this.container(current.expression, depth + 1), member);
    }
    return undefined;
  }

  private identifierContainer(identifier: ts.Identifier, depth: number): Container | undefined {
    const binding = this.scopes.lookup(identifier);
    if (binding === undefined) return { kind: "external", name: identifier.text };
    switch (binding.kind) {
      case "enum":
        return { kind: "enum", declaration: binding.declaration };
      case "import":
        if (binding.imported === "*") return { kind: "namespace" };
        return binding.imported === "default" ? undefined : { kind: "external", name: binding.imported };
      case "variable": {
        const { declaration, path, constant } = binding;
        if (!constant || declaration.initializer === undefined || path === null) return undefined;
        const literal = constObjectLiteral(declaration.initializer);
        let container: Container | undefined = literal
          ? { kind: "object", literal }
          : this.container(declaration.initializer, depth + 1);
        for (const name of path) container = this.memberContainer(container, name);
        return container;
      }
      default:
        return undefined;
    }
  }

  private memberContainer(container: Container | undefined, member: string): Container | undefined {
    if (container === undefined) return undefined;
    switch (container.kind) {
      case "object": {
        const value = propertyValue(container.literal, member);
        const literal = value === undefined ? undefined : skipWrappers(value);
        return literal !== undefined && ts.isObjectLiteralExpression(literal) ? { kind: "object", literal } : undefined;
      }
      case "namespace":
        return { kind: "external", name: member };
      default:
        return undefined;
    }
  }

  private memberValue(container: Container | undefined, member: string, depth: number): string | undefined {
    if (container === undefined) return undefined;
    switch (container.kind) {
      case "object": {
        const value = propertyValue(container.literal, member);
        return value === undefined ? undefined : this.value(value, depth + 1);
      }
      case "enum":
        return enumMemberValue(container.declaration, member);
      case "external":
        return this.constants?.resolve(container.name, member);
      case "namespace":
        return this.constants?.resolve(member);
    }
  }
}

/** The value written for `member` in an object literal; the last one wins, as at run time. */
export function propertyValue(literal: ts.ObjectLiteralExpression, member: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === member) {
      found = property.initializer;
    } else if (ts.isShorthandPropertyAssignment(property) && property.name.text === member) {
      found = property.name;
    } else if (ts.isSpreadAssignment(property)) {
      // A spread after the member may override it: no longer statically known.
      found = undefined;
    }
  }
  return found;
}

/** The string a string-enum member holds; numeric or computed members have none. */
export function enumMemberValue(declaration: ts.EnumDeclaration, member: string): string | undefined {
  for (const enumMember of declaration.members) {
    if (propertyNameText(enumMember.name) !== member) continue;
    const initializer = enumMember.initializer && skipWrappers(enumMember.initializer);
    if (initializer === undefined || !ts.isStringLiteralLike(initializer)) return undefined;
    return literalText(initializer);
  }
  return undefined;
}
