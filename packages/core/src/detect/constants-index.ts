// The cross-file part of key resolution: what each module exports as literal strings (its leaves,
// small) and which of its exports come from other modules, and an index that follows imports,
// aliases and re-exports through them. Reading files and resolving specifiers is the caller's
// (project/constants.ts), so this stays free of the file system.
import ts from "../typescript.js";
import type { ConstantIndex, Declaration, ExternalName } from "./external-names.js";
import { KeyResolver, type Container } from "./keys.js";
import { enumMemberValue } from "./literal-values.js";
import { Scopes } from "./scope.js";
import { hasExportModifier, propertyNameText } from "./syntax.js";

/** One exported string: `export const X = "x"` (path []), or a leaf of an exported object or enum. */
export interface ExportedConstant {
  name: string;
  path: readonly string[];
  value: string;
}

/**
 * Part of an export that another module provides: `export { a as b } from "m"` (b at [] is a of m),
 * `export default { ...Base }` (default at [] is Base of m), `export const K = Imported.key`,
 * `export * from "m"` (name `*`), `export * as ns from "m"` (imported `*`).
 */
export interface ExportLink {
  name: string;
  /** Where under the export the other module's value sits. */
  at: readonly string[];
  specifier: string;
  /** The other module's export: a name, `default`, or `*` for the module itself. */
  imported: string;
  /** The path under that export. */
  path: readonly string[];
}

export interface ModuleExports {
  values: ExportedConstant[];
  links: ExportLink[];
  /** Exported names declared in this module, with the name they are declared by (`export { Keys as K }`: K -> Keys). */
  declared: Array<{ name: string; local: string }>;
}

export const NO_EXPORTS: ModuleExports = { values: [], links: [], declared: [] };

/** A placeholder for what another module provides, while a module's own exports are read. */
const PLACEHOLDER = "\u0000";

/** What a module exports as literal strings and links to other modules. */
export function collectExportedConstants(sourceFile: ts.SourceFile): ModuleExports {
  return new ExportCollector(sourceFile).collect();
}

class ExportCollector {
  private readonly values = new Map<string, ExportedConstant>();
  private links: ExportLink[] = [];
  /**
   * Every place something was put at or under (the leafKey of a name and of each leading part of a
   * path): removeUnder looks through the values and links only where this says there are some, so
   * an object of many members costs one look per member instead of a scan of all before it.
   */
  private readonly filled = new Set<string>();
  private readonly declared: ModuleExports["declared"] = [];
  /** What the resolver asked of other modules, by placeholder number. */
  private readonly asked: Array<{ external: ExternalName; path: readonly string[] }> = [];
  private readonly keys: KeyResolver;

  constructor(private readonly sourceFile: ts.SourceFile) {
    const asked = this.asked;
    const recording: ConstantIndex = {
      resolve(external, path) {
        asked.push({ external, path });
        return `${PLACEHOLDER}${asked.length - 1}`;
      },
      origin: () => undefined,
    };
    this.keys = new KeyResolver(sourceFile, new Scopes(), recording, undefined);
  }

  collect(): ModuleExports {
    const locals = new Map<string, ts.Expression | ts.EnumDeclaration>();
    for (const statement of this.sourceFile.statements) {
      const exported = hasExportModifier(statement);
      if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
          locals.set(declaration.name.text, declaration.name);
          if (exported) this.exportExpression(declaration.name.text, declaration.name, declaration.name.text);
        }
      } else if (ts.isEnumDeclaration(statement)) {
        locals.set(statement.name.text, statement);
        if (exported) this.exportEnum(statement.name.text, statement);
      } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
        const expression = statement.expression;
        this.exportExpression("default", expression, ts.isIdentifier(expression) ? expression.text : undefined);
      } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        this.exportList(statement, locals);
      }
    }
    return { values: [...this.values.values()], links: this.links, declared: this.declared };
  }

  /** `export { a, b as c }`, `export { a } from "m"`, `export * from "m"`, `export * as ns from "m"`. */
  private exportList(statement: ts.ExportDeclaration, locals: Map<string, ts.Expression | ts.EnumDeclaration>): void {
    const specifier =
      statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    const clause = statement.exportClause;
    if (clause === undefined) {
      if (specifier !== undefined) this.putLink({ name: "*", at: [], specifier, imported: "*", path: [] });
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      if (specifier !== undefined) this.putLink({ name: clause.name.text, at: [], specifier, imported: "*", path: [] });
      return;
    }
    for (const element of clause.elements) {
      if (element.isTypeOnly) continue;
      const local = (element.propertyName ?? element.name).text;
      const name = element.name.text;
      if (specifier !== undefined) {
        this.putLink({ name, at: [], specifier, imported: local, path: [] });
        continue;
      }
      const declaration = locals.get(local);
      if (declaration === undefined) {
        // An imported name exported again: `import X from "./x"; export { X }`.
        this.exportExpression(name, ts.factory.createIdentifier(local), undefined, statement);
      } else if (ts.isEnumDeclaration(declaration)) {
        this.exportEnum(name, declaration, local);
      } else {
        this.exportExpression(name, declaration, local);
      }
    }
  }

  /**
   * `expression` as the export `name`: its object's leaves, a string, or a link. `context` places
   * a synthesised identifier in the file, so that its binding is found.
   */
  private exportExpression(name: string, expression: ts.Expression, local: string | undefined, context?: ts.Node): void {
    if (local !== undefined) this.declared.push({ name, local });
    if (context !== undefined) (expression as { parent: ts.Node }).parent = context;
    this.exportValue(name, [], expression, 0);
  }

  private exportEnum(name: string, declaration: ts.EnumDeclaration, local = name): void {
    this.declared.push({ name, local });
    this.enumLeaves(name, [], declaration);
  }

  private exportValue(name: string, at: readonly string[], expression: ts.Expression, depth: number): void {
    if (depth > 16) return;
    const container = this.keys.container(expression, 0);
    if (container !== undefined) {
      this.exportContainer(name, at, container, depth);
      return;
    }
    const value = this.keys.value(expression, 0);
    if (value === undefined) return;
    const link = this.placeholder(value);
    if (link === undefined) {
      if (!value.includes(PLACEHOLDER)) this.putValue({ name, path: at, value });
      return;
    }
    this.addLink(name, at, link.external, link.path);
  }

  private exportContainer(name: string, at: readonly string[], container: Container, depth: number): void {
    switch (container.kind) {
      case "object":
        this.objectLeaves(name, at, container, depth);
        return;
      case "enum":
        this.enumLeaves(name, at, container.declaration);
        return;
      case "external":
        this.addLink(name, at, container.external, container.path);
        return;
      case "namespace":
        this.putLink({ name, at, specifier: container.specifier, imported: "*", path: [] });
        return;
    }
  }

  /** Each property in order: a later one, or a spread, replaces what an earlier one put at its place. */
  private objectLeaves(name: string, at: readonly string[], container: Extract<Container, { kind: "object" }>, depth: number): void {
    for (const property of container.literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        this.removeUnder(name, at);
        const spread = this.keys.container(property.expression, 0);
        if (spread !== undefined) this.exportContainer(name, at, spread, depth + 1);
        continue;
      }
      const member = property.name === undefined ? undefined : propertyNameText(property.name);
      if (member === undefined) {
        // A computed name may be any member.
        this.removeUnder(name, at);
        continue;
      }
      const below = [...at, member];
      this.removeUnder(name, below);
      if (container.declaration !== undefined && this.keys.assigned(container.declaration, member)) continue;
      if (ts.isPropertyAssignment(property)) this.exportValue(name, below, property.initializer, depth + 1);
      else if (ts.isShorthandPropertyAssignment(property)) this.exportValue(name, below, property.name, depth + 1);
    }
  }

  private enumLeaves(name: string, at: readonly string[], declaration: ts.EnumDeclaration): void {
    for (const enumMember of declaration.members) {
      const member = propertyNameText(enumMember.name);
      const value = member === undefined ? undefined : enumMemberValue(declaration, member);
      if (member !== undefined && value !== undefined) {
        const path = [...at, member];
        this.putValue({ name, path, value });
      }
    }
  }

  private addLink(name: string, at: readonly string[], external: ExternalName, path: readonly string[]): void {
    // A global name has no module to follow.
    if (external.specifier === undefined) return;
    this.putLink({ name, at, specifier: external.specifier, imported: external.name, path });
  }

  private placeholder(value: string): { external: ExternalName; path: readonly string[] } | undefined {
    if (!value.startsWith(PLACEHOLDER)) return undefined;
    const number = Number(value.slice(PLACEHOLDER.length));
    return Number.isInteger(number) ? this.asked[number] : undefined;
  }

  private putValue(constant: ExportedConstant): void {
    this.values.set(leafKey(constant.name, constant.path), constant);
    this.fill(constant.name, constant.path);
  }

  private putLink(link: ExportLink): void {
    this.links.push(link);
    this.fill(link.name, link.at);
  }

  private fill(name: string, path: readonly string[]): void {
    let key = name;
    this.filled.add(key);
    for (const part of path) {
      key += `${KEY_SEPARATOR}${part}`;
      this.filled.add(key);
    }
  }

  private removeUnder(name: string, at: readonly string[]): void {
    const prefix = leafKey(name, at);
    if (!this.filled.has(prefix)) return;
    const below = `${prefix}${KEY_SEPARATOR}`;
    for (const key of this.values.keys()) {
      if (key === prefix || key.startsWith(below)) this.values.delete(key);
    }
    this.links = this.links.filter((link) => !(link.name === name && startsWith(link.at, at)));
  }
}

/** NUL cannot occur in an identifier, so `a` + `b.c` and `a.b` + `c` stay apart in a key. */
const KEY_SEPARATOR = "\u0000";

function leafKey(name: string, path: readonly string[]): string {
  return [name, ...path].join(KEY_SEPARATOR);
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

/** What the index needs from its host: modules' exports, module resolution, and a search by name. */
export interface ExportSource {
  /**
   * The exports of a module file; `undefined` when it cannot be read or parsed. With `name`, only
   * what the module exports by that name (and its `export *` links) need be there: a host may read
   * just that part of a large module.
   */
  exportsOf(file: string, name?: string): ModuleExports | undefined;
  /** The file an import specifier names from `fromFile`; `undefined` when it does not resolve. */
  resolveModule(specifier: string, fromFile: string): string | undefined;
  /** Files that may export `name` (a superset), for a name no resolvable module provides. */
  filesExporting(name: string): readonly string[];
}

// Re-exports chain a few modules deep; a longer chain (or a cycle) is treated as unresolvable.
const MAX_HOPS = 16;

/**
 * Follows an exported name through modules: its own leaves, then links (re-exports, spreads,
 * imported objects), then `export *`. A name no resolvable module provides is looked up by name
 * in every module that exports it, and resolves only when they all agree: a wrong key is worse
 * than none.
 */
export class ExportIndex implements ConstantIndex {
  /** By module, name and path: what each lookup found, when the modules cannot change (remember). */
  private readonly found: Map<string, string | undefined> | undefined;

  constructor(
    private readonly source: ExportSource,
    /** The modules stay as first read (a CLI run): a lookup's answer is kept for the next one that asks the same. */
    options: { remember?: boolean } = {},
  ) {
    this.found = options.remember ? new Map() : undefined;
  }

  resolve(external: ExternalName, path: readonly string[]): string | undefined {
    const { specifier, name } = external;
    // A global name (nothing imports it) is no module's export.
    if (specifier === undefined) return undefined;
    const target = this.source.resolveModule(specifier, external.file);
    const found = target === undefined ? undefined : this.valueFrom(target, name, path);
    if (found !== undefined || name === "default") return found;
    // A relative path names its module for sure; a package's entry is a guess (it may be built code).
    return target !== undefined && isRelative(specifier) ? undefined : this.byName(name, path);
  }

  origin(external: ExternalName): Declaration | undefined {
    const target = external.specifier === undefined ? undefined : this.source.resolveModule(external.specifier, external.file);
    if (target !== undefined) return this.originIn(target, external.name, 0);
    return external.name === "default" ? undefined : { file: undefined, name: external.name };
  }

  /** valueIn from a module a lookup names, remembered (many files ask one module for the same key). */
  private valueFrom(file: string, name: string, path: readonly string[]): string | undefined {
    if (this.found === undefined) return this.valueIn(file, name, path, 0);
    const key = leafKey(file, [name, ...path]);
    if (this.found.has(key)) return this.found.get(key);
    const value = this.valueIn(file, name, path, 0);
    this.found.set(key, value);
    return value;
  }

  private valueIn(file: string, name: string, path: readonly string[], hops: number): string | undefined {
    if (hops > MAX_HOPS) return undefined;
    const exports = this.source.exportsOf(file, name);
    if (exports === undefined) return undefined;
    const own = exports.values.find((value) => value.name === name && samePath(value.path, path));
    if (own !== undefined) return own.value;
    // The deepest link first: `{ ...Base, nav: Nav }` reads nav.X from Nav before Base.
    const links = exports.links
      .filter((link) => link.name === name && startsWith(path, link.at))
      .sort((a, b) => b.at.length - a.at.length);
    for (const link of links) {
      const found = this.follow(file, link, path.slice(link.at.length), hops);
      if (found !== undefined) return found;
    }
    if (name === "default") return undefined;
    for (const link of exports.links) {
      if (link.name !== "*") continue;
      const target = this.source.resolveModule(link.specifier, file);
      const found = target === undefined ? undefined : this.valueIn(target, name, path, hops + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private follow(file: string, link: ExportLink, rest: readonly string[], hops: number): string | undefined {
    const target = this.source.resolveModule(link.specifier, file);
    const path = [...link.path, ...rest];
    if (link.imported === "*") {
      // A namespace: its first member is an export of the target.
      if (target === undefined || path.length === 0) return undefined;
      return this.valueIn(target, path[0]!, path.slice(1), hops + 1);
    }
    if (target !== undefined) return this.valueIn(target, link.imported, path, hops + 1);
    return link.imported === "default" ? undefined : this.byName(link.imported, path, hops + 1);
  }

  private byName(name: string, path: readonly string[], hops = 0): string | undefined {
    let agreed: string | undefined;
    for (const file of this.source.filesExporting(name)) {
      const value = this.valueIn(file, name, path, hops + 1);
      if (value === undefined) continue;
      if (agreed !== undefined && agreed !== value) return undefined;
      agreed = value;
    }
    return agreed;
  }

  private originIn(file: string, name: string, hops: number): Declaration | undefined {
    if (hops > MAX_HOPS) return undefined;
    const exports = this.source.exportsOf(file, name);
    if (exports === undefined) return undefined;
    const own = exports.declared.find((declared) => declared.name === name);
    if (own !== undefined) return { file, name: own.local };
    const link = exports.links.find((candidate) => candidate.name === name && candidate.at.length === 0 && candidate.path.length === 0);
    if (link !== undefined && link.imported !== "*") {
      const target = this.source.resolveModule(link.specifier, file);
      if (target !== undefined) return this.originIn(target, link.imported, hops + 1);
      return link.imported === "default" ? undefined : { file: undefined, name: link.imported };
    }
    if (name === "default") return undefined;
    for (const star of exports.links) {
      if (star.name !== "*") continue;
      const target = this.source.resolveModule(star.specifier, file);
      const found = target === undefined ? undefined : this.originIn(target, name, hops + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && startsWith(a, b);
}
