// The TypeScript compiler, loaded with require() the first time a module reads from it. An ESM
// `import ts from "typescript"` makes Node scan the whole 9 MB CommonJS file for export names (and
// for ESM syntax) before loading it: about 0.5 s against 0.17 s. And loading it at all is 0.2 s that
// a run which parses nothing (`--version`, a warm `--cache` run, `merge`) need not pay: so no
// module may read `ts` while it loads (no `const { SyntaxKind } = ts` at the top of a module).
// It is loaded through V8's code cache (code-cache.ts), which halves what loading it costs.
import type * as TypeScript from "typescript";
import { requireWithCodeCache } from "./code-cache.js";

type Compiler = typeof TypeScript;

let loaded: Compiler | undefined;
const waiting: Array<(compiler: Compiler) => void> = [];

function load(): Compiler {
  if (loaded === undefined) {
    loaded = requireWithCodeCache("typescript", import.meta.url, { warmUp: (compiler) => parseSample(compiler as Compiler) }) as Compiler;
    Object.setPrototypeOf(ts, loaded);
    ({
      SyntaxKind,
      forEachChild,
      isArrayLiteralExpression,
      isAwaitExpression,
      isBinaryExpression,
      isCallExpression,
      isComputedPropertyName,
      isDeleteExpression,
      isElementAccessExpression,
      isExpression,
      isExternalModuleReference,
      isIdentifier,
      isImportDeclaration,
      isImportEqualsDeclaration,
      isJsxAttribute,
      isJsxExpression,
      isNamespaceImport,
      isObjectBindingPattern,
      isObjectLiteralExpression,
      isOmittedExpression,
      isPostfixUnaryExpression,
      isPrefixUnaryExpression,
      isPrivateIdentifier,
      isPropertyAccessExpression,
      isPropertyAssignment,
      isSpreadElement,
      isStringLiteral,
      isStringLiteralLike,
      isTypeReferenceNode,
      isVariableStatement,
    } = loaded);
    for (const bind of waiting.splice(0)) bind(loaded);
  }
  return loaded;
}

/*
 * The names detection's per-node code calls, bound when the compiler loads: the compiler's module
 * exports every name through a getter, and these are read for every node of every tree walked.
 * Every tree comes from a parse, which loads the compiler, so they are bound before any walk.
 * Import them by name (`import ts, { isIdentifier } from "../typescript.js"`); add one here when
 * a hot path needs another.
 */
export let
  SyntaxKind: Compiler["SyntaxKind"],
  forEachChild: Compiler["forEachChild"],
  isArrayLiteralExpression: Compiler["isArrayLiteralExpression"],
  isAwaitExpression: Compiler["isAwaitExpression"],
  isBinaryExpression: Compiler["isBinaryExpression"],
  isCallExpression: Compiler["isCallExpression"],
  isComputedPropertyName: Compiler["isComputedPropertyName"],
  isDeleteExpression: Compiler["isDeleteExpression"],
  isElementAccessExpression: Compiler["isElementAccessExpression"],
  isExpression: Compiler["isExpression"],
  isExternalModuleReference: Compiler["isExternalModuleReference"],
  isIdentifier: Compiler["isIdentifier"],
  isImportDeclaration: Compiler["isImportDeclaration"],
  isImportEqualsDeclaration: Compiler["isImportEqualsDeclaration"],
  isJsxAttribute: Compiler["isJsxAttribute"],
  isJsxExpression: Compiler["isJsxExpression"],
  isNamespaceImport: Compiler["isNamespaceImport"],
  isObjectBindingPattern: Compiler["isObjectBindingPattern"],
  isObjectLiteralExpression: Compiler["isObjectLiteralExpression"],
  isOmittedExpression: Compiler["isOmittedExpression"],
  isPostfixUnaryExpression: Compiler["isPostfixUnaryExpression"],
  isPrefixUnaryExpression: Compiler["isPrefixUnaryExpression"],
  isPrivateIdentifier: Compiler["isPrivateIdentifier"],
  isPropertyAccessExpression: Compiler["isPropertyAccessExpression"],
  isPropertyAssignment: Compiler["isPropertyAssignment"],
  isSpreadElement: Compiler["isSpreadElement"],
  isStringLiteral: Compiler["isStringLiteral"],
  isStringLiteralLike: Compiler["isStringLiteralLike"],
  isTypeReferenceNode: Compiler["isTypeReferenceNode"],
  isVariableStatement: Compiler["isVariableStatement"];

/**
 * Until its first read, `ts` is an empty object whose prototype loads the compiler and then puts
 * the compiler's module object in its own place: every later read is a plain prototype lookup.
 */
const ts = Object.create(new Proxy({}, { get: (_target, name) => Reflect.get(load(), name) as unknown })) as Compiler;
export default ts;

/**
 * Calls `bind` with the compiler once it is loaded (at once if it is): for what a module builds
 * from it once (a table by syntax kind), which it must not do while it loads.
 */
export function onCompilerLoad(bind: (compiler: Compiler) => void): void {
  if (loaded === undefined) waiting.push(bind);
  else bind(loaded);
}

// `ts.Node` and friends as types, so modules keep writing `ts.X` for both values and types.
// A type only: it adds nothing at run time. Add a name here when a module needs another.
// eslint-disable-next-line @typescript-eslint/no-namespace -- merges types into the `ts` value, as the compiler's own module does
declare namespace ts {
  export type ArrayBindingPattern = TypeScript.ArrayBindingPattern;
  export type AwaitExpression = TypeScript.AwaitExpression;
  export type BinaryExpression = TypeScript.BinaryExpression;
  export type BindingElement = TypeScript.BindingElement;
  export type BindingName = TypeScript.BindingName;
  export type Block = TypeScript.Block;
  export type CallExpression = TypeScript.CallExpression;
  export type CaseOrDefaultClause = TypeScript.CaseOrDefaultClause;
  export type ClassDeclaration = TypeScript.ClassDeclaration;
  export type ClassLikeDeclaration = TypeScript.ClassLikeDeclaration;
  export type CommentRange = TypeScript.CommentRange;
  export type CompilerHost = TypeScript.CompilerHost;
  export type CreateSourceFileOptions = TypeScript.CreateSourceFileOptions;
  export type Diagnostic = TypeScript.Diagnostic;
  export type ElementAccessExpression = TypeScript.ElementAccessExpression;
  export type ExportDeclaration = TypeScript.ExportDeclaration;
  export type EnumDeclaration = TypeScript.EnumDeclaration;
  export type Expression = TypeScript.Expression;
  export type FunctionDeclaration = TypeScript.FunctionDeclaration;
  export type Identifier = TypeScript.Identifier;
  export type ImportDeclaration = TypeScript.ImportDeclaration;
  export type ImportClause = TypeScript.ImportClause;
  export type ImportEqualsDeclaration = TypeScript.ImportEqualsDeclaration;
  export type ImportSpecifier = TypeScript.ImportSpecifier;
  export type JSDocParsingMode = TypeScript.JSDocParsingMode;
  export type JsxAttribute = TypeScript.JsxAttribute;
  export type JsxChild = TypeScript.JsxChild;
  export type JsxElement = TypeScript.JsxElement;
  export type JsxEmit = TypeScript.JsxEmit;
  export type JsxExpression = TypeScript.JsxExpression;
  export type JsxOpeningLikeElement = TypeScript.JsxOpeningLikeElement;
  export type JsxSelfClosingElement = TypeScript.JsxSelfClosingElement;
  export type JsxTagNameExpression = TypeScript.JsxTagNameExpression;
  export type LiteralExpression = TypeScript.LiteralExpression;
  export type ModuleBlock = TypeScript.ModuleBlock;
  export type ModuleDeclaration = TypeScript.ModuleDeclaration;
  export type NewExpression = TypeScript.NewExpression;
  export type Node = TypeScript.Node;
  export type NodeArray<T extends TypeScript.Node> = TypeScript.NodeArray<T>;
  export type NodeFlags = TypeScript.NodeFlags;
  export type ObjectBindingPattern = TypeScript.ObjectBindingPattern;
  export type ObjectLiteralExpression = TypeScript.ObjectLiteralExpression;
  export type ParameterDeclaration = TypeScript.ParameterDeclaration;
  export type ParenthesizedExpression = TypeScript.ParenthesizedExpression;
  export type PropertyAccessExpression = TypeScript.PropertyAccessExpression;
  export type PropertyAssignment = TypeScript.PropertyAssignment;
  export type PropertyName = TypeScript.PropertyName;
  export type ScriptKind = TypeScript.ScriptKind;
  export type ScriptTarget = TypeScript.ScriptTarget;
  export type ShorthandPropertyAssignment = TypeScript.ShorthandPropertyAssignment;
  export type Scanner = TypeScript.Scanner;
  export type SourceFile = TypeScript.SourceFile;
  export type Statement = TypeScript.Statement;
  export type StringLiteral = TypeScript.StringLiteral;
  export type SwitchStatement = TypeScript.SwitchStatement;
  export type Symbol = TypeScript.Symbol;
  export type SyntaxKind = TypeScript.SyntaxKind;
  export type TemplateExpression = TypeScript.TemplateExpression;
  export type TypeChecker = TypeScript.TypeChecker;
  export type TypeNode = TypeScript.TypeNode;
  export type VariableDeclaration = TypeScript.VariableDeclaration;
  export type VariableDeclarationList = TypeScript.VariableDeclarationList;
  export type VariableStatement = TypeScript.VariableStatement;
}

/**
 * What the code cache is made after (see code-cache.ts): a sample of the syntax flag checks live
 * in, parsed as TSX and as TS, so that the parser's functions are compiled by then and kept.
 */
const SAMPLE = `import React, { useMemo } from "react";
import type { Flags } from "./flags";
export enum Flag { NewNav = "new-nav", DarkMode = 'dark-mode' }
export const FLAGS = { checkout: "new-checkout", ...other } as const;
export type FlagKey = (typeof FLAGS)[keyof typeof FLAGS] | \`beta-\${string}\`;
interface Props<T extends object = {}> { flags?: Readonly<Record<string, boolean>>; item: T }
/** A component. @param props the props */
export function Panel<T extends object>({ flags, item }: Props<T>): JSX.Element | null {
  const on = useMemo(() => flags?.[Flag.NewNav] ?? false, [flags]);
  // TODO(FF-1): remove new-nav by 2026-01-01
  if (!on && item !== undefined) return null;
  return <div className={on ? "a" : \`b-\${1 + 2 * 3}\`} onClick={async () => { await client.isEnabled(FLAGS.checkout); }}>{[1, 2].map((n) => <span key={n}>{n}</span>)}</div>;
}
export default class Service extends Base implements Checker {
  private readonly cache = new Map<string, boolean>();
  constructor(private client: { variation(key: string, fallback: boolean): Promise<boolean> }) { super(); }
  async check(key: FlagKey, fallback = false): Promise<boolean> {
    try { for (const [name, value] of this.cache) if (name === key) return value; } catch (error: unknown) { throw new Error(String(error)); }
    switch (key) { case "new-checkout": return !!(await this.client.variation(key, fallback)); default: return /^beta-/i.test(key) && fallback; }
  }
}
`;

/** The sample's trees (exported for its test: a sample that does not parse would warm up the wrong code). */
export function parseSample(compiler: Compiler): TypeScript.SourceFile[] {
  const options = { languageVersion: compiler.ScriptTarget.Latest, jsDocParsingMode: compiler.JSDocParsingMode?.ParseNone };
  return [
    compiler.createSourceFile("sample.tsx", SAMPLE, options, true, compiler.ScriptKind.TSX),
    compiler.createSourceFile("sample.ts", SAMPLE.replace(/return <div[^\n]*\n/, "return null;\n"), options, true, compiler.ScriptKind.TS),
  ];
}
