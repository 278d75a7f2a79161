// The TypeScript compiler, loaded with require(). An ESM `import ts from "typescript"` makes Node
// scan the whole 9 MB CommonJS file for export names (and for ESM syntax) before loading it: about
// 0.5 s against 0.17 s, paid by every CLI run, worker thread and ESLint process that detects.
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;
export default ts;

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
