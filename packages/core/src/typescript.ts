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
    loaded = requireWithCodeCache("typescript", import.meta.url) as Compiler;
    Object.setPrototypeOf(ts, loaded);
    for (const bind of waiting.splice(0)) bind(loaded);
  }
  return loaded;
}

/**
 * Until its first read, `ts` is an empty object whose prototype loads the compiler and then puts
 * the compiler's module object in its own place: every later read is a plain prototype lookup.
 */
const ts = Object.create(new Proxy({}, { get: (_target, name) => Reflect.get(load(), name) as unknown })) as Compiler;
export default ts;

/**
 * Calls `bind` with the compiler once it is loaded (at once if it is): for modules that bind the
 * names their per-node code reads to locals, `({ SyntaxKind, isIdentifier } = compiler)`, since the
 * compiler's module exports every name through a getter. Every tree comes from a parse, which loads
 * the compiler, so the locals are bound before any code that walks a tree runs.
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
