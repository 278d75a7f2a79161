// One exported enum of a module, read from its own declaration: code generators (GraphQL's among
// them) declare a key set as an enum among megabytes of types and documents, and the cross-file
// index would otherwise parse the whole module for that one name. The module is only scanned
// (tokens, no tree) to find the declaration at its top level; the declaration alone is parsed.
// Whatever cannot be told this way for sure is left to reading the module whole. One difference
// is by design: a syntax error elsewhere in the module, which makes a whole read give nothing, does
// not hide an enum read alone.
import { collectExportedConstants, type ModuleExports } from "./constants-index.js";
import { getParseError, parseSource } from "./parse.js";
import { hasExportModifier } from "./syntax.js";
import ts from "../typescript.js";

/**
 * The exports of the module `text` that are named `name`, when `name` is an enum the module
 * declares and exports at its top level (`export enum`, `export const enum`, `export declare enum`)
 * and nothing else in the module can add to it: exactly what reading the whole module gives for
 * that name. `undefined` when it cannot be told without reading the module whole: the name is
 * declared another way, or more than once; the module re-exports everything of another (`export *`);
 * or its text does not scan cleanly (JSX text, an odd regular expression).
 */
export function enumExportsAlone(text: string, fileName: string, name: string): ModuleExports | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || /\bexport\s*\*\s*from\b/.test(text)) return undefined;
  // One enum of the name in the whole text (an enum may be declared in parts, which merge).
  const declarations = text.match(new RegExp(String.raw`\benum\s+${name.replace(/\$/g, "\\$")}(?![\w$])`, "g"));
  if (declarations?.length !== 1) return undefined;
  const span = topLevelEnum(text, name);
  if (span === undefined) return undefined;
  const declaration = parseSource(text.slice(span.start, span.end), fileName);
  if (getParseError(declaration) !== undefined || declaration.statements.length !== 1) return undefined;
  const statement = declaration.statements[0]!;
  if (!ts.isEnumDeclaration(statement) || statement.name.text !== name || !hasExportModifier(statement)) return undefined;
  return collectExportedConstants(declaration);
}

/** Kinds after which a `/` divides; anywhere else it starts a regular expression. */
let endsExpression: ReadonlySet<ts.SyntaxKind> | undefined;

function expressionEnds(): ReadonlySet<ts.SyntaxKind> {
  const kind = ts.SyntaxKind;
  return (endsExpression ??= new Set([
    kind.Identifier,
    kind.PrivateIdentifier,
    kind.ThisKeyword,
    kind.SuperKeyword,
    kind.TrueKeyword,
    kind.FalseKeyword,
    kind.NullKeyword,
    kind.NumericLiteral,
    kind.BigIntLiteral,
    kind.StringLiteral,
    kind.RegularExpressionLiteral,
    kind.NoSubstitutionTemplateLiteral,
    kind.TemplateTail,
    kind.CloseParenToken,
    kind.CloseBracketToken,
    kind.CloseBraceToken,
    kind.PlusPlusToken,
    kind.MinusMinusToken,
  ]));
}

/**
 * Where the declaration of the enum `name` starts (with its modifiers) and ends, when it stands at
 * the module's top level; `undefined` when it does not, or when the text does not scan cleanly
 * (an error, a brace left open or closed twice).
 */
function topLevelEnum(text: string, name: string): { start: number; end: number } | undefined {
  const kind = ts.SyntaxKind;
  let failed = false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text, () => {
    failed = true;
  });
  const ends = expressionEnds();
  /** Depths at which a template's `${` is open: its `}` goes on with the template. */
  const templates: number[] = [];
  let depth = 0;
  let previous = kind.Unknown;
  /** The first of the modifiers right before the current token, at the top level. */
  let modifiers = -1;
  let pending: { start: number } | undefined;
  let span: { start: number; end: number } | undefined;
  for (let token = scanner.scan(); token !== kind.EndOfFileToken && !failed; token = scanner.scan()) {
    if ((token === kind.SlashToken || token === kind.SlashEqualsToken) && !ends.has(previous)) token = scanner.reScanSlashToken();
    const start = scanner.getTokenStart();
    if (depth === 0) {
      if (pending !== undefined && previous === kind.EnumKeyword) {
        // `enum` then its name: this is the declaration when the name is the one asked for.
        if (token !== kind.Identifier || scanner.getTokenValue() !== name) pending = undefined;
      } else if (pending !== undefined && token === kind.OpenBraceToken) {
        span = { start: pending.start, end: -1 };
        pending = undefined;
      } else if (token === kind.EnumKeyword) {
        pending = { start: modifiers === -1 ? start : modifiers };
      } else {
        pending = undefined;
      }
      modifiers = token === kind.ExportKeyword || token === kind.DeclareKeyword || token === kind.ConstKeyword ? (modifiers === -1 ? start : modifiers) : -1;
    }
    switch (token) {
      case kind.OpenBraceToken:
        depth++;
        break;
      case kind.TemplateHead:
        depth++;
        templates.push(depth);
        break;
      case kind.CloseBraceToken:
        if (templates[templates.length - 1] === depth) {
          // The end of a template's `${…}`: the template goes on from here.
          if (scanner.reScanTemplateToken(false) === kind.TemplateTail) {
            templates.pop();
            depth--;
          }
          token = scanner.getToken();
          break;
        }
        depth--;
        if (depth < 0) return undefined;
        if (depth === 0 && span?.end === -1) span.end = scanner.getTokenEnd();
        break;
    }
    previous = token;
  }
  if (failed || depth !== 0 || templates.length !== 0 || span === undefined || span.end === -1) return undefined;
  return span;
}
