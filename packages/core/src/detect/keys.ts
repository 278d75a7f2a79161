// Resolves a flag-key expression to its string statically: literals, consts, object literals whose
// members nothing writes (typed, plain, `as const`, nested, spread), string enums, and what other
// modules export through a ConstantIndex. Never guesses.
import ts, { SyntaxKind } from "../typescript.js";
import type { ConstantIndex, ExternalName } from "./external-names.js";
import { enumMemberValue, objectLiteralOf } from "./literal-values.js";
import { Mutations } from "./mutations.js";
import type { Scopes } from "./scope.js";
import { memberName, propertyNameText, skipWrappers } from "./syntax.js";

/** Last resort for a key the syntax cannot resolve, e.g. the literal type from a type checker. */
export type KeyFallback = (expression: ts.Expression) => string | undefined;

/** What a member access can be read from. */
export type Container =
  /** `declaration` is set for a plain (not frozen) object bound by a `const`: its members may be assigned. */
  | { kind: "object"; literal: ts.ObjectLiteralExpression; declaration: ts.VariableDeclaration | undefined }
  | { kind: "enum"; declaration: ts.EnumDeclaration }
  /** What another module exports (or a global), `path` below it. */
  | { kind: "external"; external: ExternalName; path: readonly string[] }
  /** `import * as ns`: its members are another module's exports. */
  | { kind: "namespace"; specifier: string };

/** A member found in an object literal: its value, a spread object that may hold it, nothing, or not known. */
type Member =
  | { kind: "value"; expression: ts.Expression }
  | { kind: "spread"; container: Container }
  | { kind: "absent" }
  | { kind: "unknown" };

// Enough for any real chain of consts; a deeper one (or a cycle) is treated as unresolvable.
const MAX_DEPTH = 32;

export class KeyResolver {
  private readonly mutations: Mutations;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly scopes: Scopes,
    private readonly constants: ConstantIndex | undefined,
    private readonly fallback: KeyFallback | undefined,
  ) {
    this.mutations = new Mutations(sourceFile, scopes);
  }

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
    if (binding === undefined) return this.constants?.resolve(this.global(identifier.text), []);
    switch (binding.kind) {
      case "import":
        if (binding.imported === "*") return undefined;
        return this.constants?.resolve({ name: binding.imported, specifier: binding.specifier, file: this.fileName }, []);
      case "variable": {
        const { declaration, path, constant } = binding;
        if (!constant || declaration.initializer === undefined || path === null) return undefined;
        if (path.length === 0) return this.value(declaration.initializer, depth + 1);
        // `const { NEW_NAV } = Flags`
        let container = this.container(declaration.initializer, depth + 1);
        for (const name of path.slice(0, -1)) container = this.memberContainer(container, name, depth + 1);
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
    if (ts.isObjectLiteralExpression(current)) return { kind: "object", literal: current, declaration: undefined };
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      const member = memberName(current);
      if (member === undefined) return undefined;
      return this.memberContainer(this.container(current.expression, depth + 1), member, depth + 1);
    }
    return undefined;
  }

  private identifierContainer(identifier: ts.Identifier, depth: number): Container | undefined {
    const binding = this.scopes.lookup(identifier);
    if (binding === undefined) return { kind: "external", external: this.global(identifier.text), path: [] };
    switch (binding.kind) {
      case "enum":
        return { kind: "enum", declaration: binding.declaration };
      case "import":
        if (binding.imported === "*") return { kind: "namespace", specifier: binding.specifier };
        return {
          kind: "external",
          external: { name: binding.imported, specifier: binding.specifier, file: this.fileName },
          path: [],
        };
      case "variable": {
        const { declaration, path, constant } = binding;
        if (!constant || declaration.initializer === undefined || path === null) return undefined;
        const object = objectLiteralOf(declaration.initializer);
        let container: Container | undefined = object
          ? { kind: "object", literal: object.literal, declaration: object.frozen ? undefined : declaration }
          : this.container(declaration.initializer, depth + 1);
        for (const name of path) container = this.memberContainer(container, name, depth + 1);
        return container;
      }
      default:
        return undefined;
    }
  }

  memberContainer(container: Container | undefined, member: string, depth: number): Container | undefined {
    if (container === undefined || depth > MAX_DEPTH) return undefined;
    switch (container.kind) {
      case "object": {
        const found = this.objectMember(container, member, depth);
        if (found.kind === "spread") return this.memberContainer(found.container, member, depth + 1);
        return found.kind === "value" ? this.container(found.expression, depth + 1) : undefined;
      }
      case "external":
        return { kind: "external", external: container.external, path: [...container.path, member] };
      case "namespace":
        return { kind: "external", external: { name: member, specifier: container.specifier, file: this.fileName }, path: [] };
      case "enum":
        return undefined;
    }
  }

  private memberValue(container: Container | undefined, member: string, depth: number): string | undefined {
    if (container === undefined || depth > MAX_DEPTH) return undefined;
    switch (container.kind) {
      case "object": {
        const found = this.objectMember(container, member, depth);
        if (found.kind === "spread") return this.memberValue(found.container, member, depth + 1);
        return found.kind === "value" ? this.value(found.expression, depth + 1) : undefined;
      }
      case "enum":
        return enumMemberValue(container.declaration, member);
      case "external":
        return this.constants?.resolve(container.external, [...container.path, member]);
      case "namespace":
        return this.constants?.resolve({ name: member, specifier: container.specifier, file: this.fileName }, []);
    }
  }

  /**
   * Where `member` of an object literal comes from, reading from the last property back, as at
   * run time: a property, a spread that may hold it, or nothing. A member the file may assign,
   * a method, an accessor or a computed name that may be it leaves it unknown (`undefined`).
   */
  objectMember(container: Extract<Container, { kind: "object" }>, member: string, depth: number): Member {
    if (container.declaration !== undefined && this.mutations.assigned(container.declaration, member)) {
      return { kind: "unknown" };
    }
    const properties = container.literal.properties;
    for (let index = properties.length - 1; index >= 0; index--) {
      const property = properties[index]!;
      if (ts.isSpreadAssignment(property)) {
        const spread = this.container(property.expression, depth + 1);
        if (spread === undefined || spread.kind === "enum") return { kind: "unknown" };
        if (spread.kind !== "object") return { kind: "spread", container: spread };
        const inner = this.objectMember(spread, member, depth + 1);
        if (inner.kind !== "absent") return inner;
        continue;
      }
      const name = property.name === undefined ? undefined : propertyNameText(property.name);
      if (name === undefined) return { kind: "unknown" };
      if (name !== member) continue;
      if (ts.isPropertyAssignment(property)) return { kind: "value", expression: property.initializer };
      if (ts.isShorthandPropertyAssignment(property)) return { kind: "value", expression: property.name };
      return { kind: "unknown" };
    }
    return { kind: "absent" };
  }

  /** Whether the file may assign `member` of the object `declaration` binds. */
  assigned(declaration: ts.VariableDeclaration, member: string): boolean {
    return this.mutations.assigned(declaration, member);
  }

  private get fileName(): string {
    return this.sourceFile.fileName;
  }

  private global(name: string): ExternalName {
    return { name, file: this.fileName };
  }
}
