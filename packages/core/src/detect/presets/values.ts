// Follows a value back to the SDK that handed it out: through imports, requires, consts and lets,
// destructuring, calls of factories and hooks, `new`, class fields assigned in any method, and
// parameters or fields typed with a type the SDK exports. Anything else is not an SDK value.
import ts, { SyntaxKind, isIdentifier } from "../../typescript.js";
import type { Binding, Scopes } from "../scope.js";
import { memberName, moduleLoadSpecifier, propertyNameText, skipWrappers } from "../syntax.js";
import type { Evaluation, SdkPackage, SdkPreset, ValueKind } from "./types.js";

/** A value of one kind, handed out by one preset's SDK. */
export interface SdkValue {
  preset: SdkPreset;
  kind: ValueKind;
}

/** The preset and package an import specifier belongs to. */
export interface SdkImport {
  preset: SdkPreset;
  pkg: SdkPackage;
}

export type PackageLookup = (specifier: string) => SdkImport | undefined;

// Deep enough for any real chain of aliases, factories and fields; guards against cycles.
const MAX_DEPTH = 32;
/** Marks a binding or field being resolved, so a cycle (`let a = b; b = a`) ends as "not an SDK value". */
const PENDING = null;

export class SdkValues {
  private readonly byBinding = new Map<Binding, SdkValue | null | undefined>();
  private readonly byField = new Map<ts.ClassLikeDeclaration, Map<string, SdkValue | null | undefined>>();

  constructor(
    private readonly scopes: Scopes,
    private readonly packageOf: PackageLookup,
    /** Presets whose global type names (`SplitIO.IClient`) count in this file. */
    private readonly presetsInFile: readonly SdkPreset[],
  ) {}

  /** What `expression` evaluates to, when an SDK handed it out. */
  of(expression: ts.Expression, depth = 0): SdkValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    let node = skipWrappers(expression);
    while (node.kind === SyntaxKind.AwaitExpression) node = skipWrappers((node as ts.AwaitExpression).expression);
    switch (node.kind) {
      case SyntaxKind.Identifier:
        return this.ofIdentifier(node as ts.Identifier, depth);
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression: {
        const access = node as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        const name = memberName(access);
        if (name === undefined) return undefined;
        if (access.expression.kind === SyntaxKind.ThisKeyword) return this.ofField(access, name, depth);
        return member(this.of(access.expression, depth + 1), name);
      }
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        const specifier = moduleLoadSpecifier(call);
        if (specifier !== undefined) return this.ofModule(specifier);
        const callee = this.of(call.expression, depth + 1);
        return callee && returned(callee, callee.kind.call);
      }
      case SyntaxKind.NewExpression: {
        const callee = this.of((node as ts.NewExpression).expression, depth + 1);
        return callee && returned(callee, callee.kind.construct);
      }
      default:
        return undefined;
    }
  }

  /** The value a type annotation promises: `LDClient`, `ld.LDClient`, `Client | undefined`, `SplitIO.IClient`. */
  ofType(type: ts.TypeNode): SdkValue | undefined {
    if (ts.isParenthesizedTypeNode(type)) return this.ofType(type.type);
    if (ts.isUnionTypeNode(type)) {
      for (const member of type.types) {
        const value = this.ofType(member);
        if (value !== undefined) return value;
      }
      return undefined;
    }
    if (!ts.isTypeReferenceNode(type)) return undefined;
    const name = type.typeName;
    if (isIdentifier(name)) {
      const binding = this.scopes.lookup(name);
      if (binding?.kind !== "import" || binding.imported === "*" || binding.imported === "default") return undefined;
      return typeValue(this.packageOf(binding.specifier), binding.imported);
    }
    if (!isIdentifier(name.left)) return undefined;
    const binding = this.scopes.lookup(name.left);
    if (binding === undefined) return this.ofGlobalType(`${name.left.text}.${name.right.text}`);
    if (binding.kind !== "import" || binding.imported !== "*") return undefined;
    return typeValue(this.packageOf(binding.specifier), name.right.text);
  }

  private ofGlobalType(name: string): SdkValue | undefined {
    for (const preset of this.presetsInFile) {
      const kind = preset.globalTypes?.[name];
      if (kind !== undefined) return { preset, kind: kindNamed(preset, kind) };
    }
    return undefined;
  }

  private ofModule(specifier: string): SdkValue | undefined {
    const found = this.packageOf(specifier);
    return found && { preset: found.preset, kind: namespaceKind(found.pkg) };
  }

  private ofIdentifier(identifier: ts.Identifier, depth: number): SdkValue | undefined {
    const binding = this.scopes.lookup(identifier);
    if (binding === undefined || binding.kind === "opaque" || binding.kind === "enum") return undefined;
    if (this.byBinding.has(binding)) return this.byBinding.get(binding) ?? undefined;
    this.byBinding.set(binding, PENDING);
    const value = this.ofBinding(binding, identifier.text, depth);
    this.byBinding.set(binding, value);
    return value;
  }

  private ofBinding(binding: Binding, name: string, depth: number): SdkValue | undefined {
    switch (binding.kind) {
      case "import": {
        const found = this.packageOf(binding.specifier);
        if (found === undefined) return undefined;
        const { preset, pkg } = found;
        const exported = binding.imported === "*" ? undefined : pkg.exports[binding.imported];
        if (exported !== undefined) return { preset, kind: kindNamed(preset, exported) };
        // `import * as ld`, `import ld = require()`, and a default import of a package without one.
        return binding.imported === "*" || binding.imported === "default"
          ? { preset, kind: namespaceKind(pkg) }
          : undefined;
      }
      case "variable":
        return this.ofVariable(binding, name, depth);
      case "parameter": {
        const { type, initializer } = binding.declaration;
        return (type && this.ofType(type)) ?? (initializer && this.of(initializer, depth + 1));
      }
      default:
        return undefined;
    }
  }

  private ofVariable(binding: Extract<Binding, { kind: "variable" }>, name: string, depth: number): SdkValue | undefined {
    const { declaration, path, constant } = binding;
    if (path === null) return undefined;
    const initializer = declaration.initializer;
    let value = initializer && this.of(initializer, depth + 1);
    for (const property of path) value = member(value, property);
    if (value !== undefined || path.length > 0) return value;
    if (declaration.type !== undefined) return this.ofType(declaration.type);
    // `let client; … client = init(key)`: what the code assigns to it later.
    if (constant) return undefined;
    const scope = declaration.parent.parent.parent;
    return this.ofAssignment(scope, (left) => isIdentifier(left) && left.text === name, () => false, depth);
  }

  /** `this.client`: a field's initializer or type, a parameter property's type, or what any method assigns to it. */
  private ofField(access: ts.Node, name: string, depth: number): SdkValue | undefined {
    const owner = classOfThis(access);
    if (owner === undefined) return undefined;
    let fields = this.byField.get(owner);
    if (fields === undefined) {
      fields = new Map();
      this.byField.set(owner, fields);
    }
    if (fields.has(name)) return fields.get(name) ?? undefined;
    fields.set(name, PENDING);
    const value =
      this.declaredField(owner, name, depth) ??
      this.ofAssignment(owner, (left) => isThisMember(left, name), startsOtherThis, depth);
    fields.set(name, value);
    return value;
  }

  private declaredField(owner: ts.ClassLikeDeclaration, name: string, depth: number): SdkValue | undefined {
    for (const classMember of owner.members) {
      if (ts.isPropertyDeclaration(classMember) && propertyNameText(classMember.name) === name) {
        const value =
          (classMember.initializer && this.of(classMember.initializer, depth + 1)) ??
          (classMember.type && this.ofType(classMember.type));
        if (value !== undefined) return value;
      } else if (ts.isConstructorDeclaration(classMember)) {
        for (const parameter of classMember.parameters) {
          if (!isParameterProperty(parameter) || !isIdentifier(parameter.name) || parameter.name.text !== name) continue;
          const value = parameter.type && this.ofType(parameter.type);
          if (value !== undefined) return value;
        }
      }
    }
    return undefined;
  }

  /** The first SDK value assigned (`target = value`) inside `root`, not looking below nodes `skip` names. */
  private ofAssignment(
    root: ts.Node,
    isTarget: (left: ts.Expression) => boolean,
    skip: (node: ts.Node) => boolean,
    depth: number,
  ): SdkValue | undefined {
    const stack: ts.Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === SyntaxKind.EqualsToken &&
        isTarget(skipWrappers(node.left))
      ) {
        const value = this.of(node.right, depth + 1);
        if (value !== undefined) return value;
      }
      ts.forEachChild(node, (child) => {
        if (!skip(child)) stack.push(child);
      });
    }
    return undefined;
  }
}

/** A property of an SDK value: a method (as a function), or a property holding another kind. */
export function member(value: SdkValue | undefined, name: string): SdkValue | undefined {
  if (value === undefined) return undefined;
  const { preset, kind } = value;
  const method = kind.methods?.[name];
  if (method !== undefined) return { preset, kind: methodKind(kind, name, method) };
  const property = kind.properties?.[name];
  return property === undefined ? undefined : { preset, kind: kindNamed(preset, property) };
}

/** The flag check made by calling `value`, if calling it checks a flag. */
export function checkOf(value: SdkValue | undefined): Evaluation | undefined {
  const call = value?.kind.call;
  return typeof call === "object" ? call : undefined;
}

function returned(value: SdkValue, kind: Evaluation | string | undefined): SdkValue | undefined {
  return typeof kind === "string" ? { preset: value.preset, kind: kindNamed(value.preset, kind) } : undefined;
}

function typeValue(found: SdkImport | undefined, typeName: string): SdkValue | undefined {
  const kind = found?.pkg.types?.[typeName];
  return found && kind !== undefined ? { preset: found.preset, kind: kindNamed(found.preset, kind) } : undefined;
}

export function kindNamed(preset: SdkPreset, name: string): ValueKind {
  const kind = preset.kinds[name];
  if (kind === undefined) throw new Error(`preset ${preset.name} names an unknown kind "${name}"`);
  return kind;
}

// These two stay in module state on purpose, unlike what is derived from a registry
// (detect/context.ts): they are keyed by the kinds and packages of the built-in SDK presets, data
// that never changes, and give one stable kind per method or namespace for every run.
const methodKinds = new WeakMap<ValueKind, Map<string, ValueKind>>();

/** A method read off a value (`const check = client.isEnabled`) is a function doing what the method does. */
function methodKind(owner: ValueKind, name: string, method: Evaluation | string): ValueKind {
  let methods = methodKinds.get(owner);
  if (methods === undefined) {
    methods = new Map();
    methodKinds.set(owner, methods);
  }
  let kind = methods.get(name);
  if (kind === undefined) {
    kind = { call: method };
    methods.set(name, kind);
  }
  return kind;
}

const namespaceKinds = new WeakMap<SdkPackage, ValueKind>();

/** `import * as ld from "…"` or `require("…")`: the module's exports are its properties. */
function namespaceKind(pkg: SdkPackage): ValueKind {
  let kind = namespaceKinds.get(pkg);
  if (kind === undefined) {
    kind = { properties: pkg.exports };
    namespaceKinds.set(pkg, kind);
  }
  return kind;
}

/** The class whose instance `this` is at `node`; `undefined` inside a plain function or an object's method. */
function classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
    if ((ts.isMethodDeclaration(current) || ts.isAccessor(current)) && !ts.isClassLike(current.parent)) return undefined;
  }
  return undefined;
}

/** Nodes below which `this` means something else than in the class being searched. */
function startsOtherThis(node: ts.Node): boolean {
  return ts.isClassLike(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node);
}

function isThisMember(expression: ts.Expression, name: string): boolean {
  return (
    (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) &&
    expression.expression.kind === SyntaxKind.ThisKeyword &&
    memberName(expression) === name
  );
}

function isParameterProperty(parameter: ts.ParameterDeclaration): boolean {
  return ts.getModifiers(parameter)?.some((modifier) => isParameterPropertyModifier(modifier.kind)) ?? false;
}

/** Made on first use: no module reads the compiler while it loads (see typescript.ts). */
let parameterPropertyModifiers: ReadonlySet<ts.SyntaxKind> | undefined;

function isParameterPropertyModifier(kind: ts.SyntaxKind): boolean {
  parameterPropertyModifiers ??= new Set([SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.ReadonlyKeyword]);
  return parameterPropertyModifiers.has(kind);
}
