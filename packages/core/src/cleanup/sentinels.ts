// While the simplifier works, every value that comes from the flag is written as a placeholder
// identifier (`__flaglint_3__`): the code still parses, each step knows which literals are the
// flag's (and may be folded) and which were there before (and are left alone), and each knows
// the places in the original text it came from, to leave them alone if a fold is refused.
import ts from "../typescript.js";
import { literalText, type FlagValue } from "./value.js";

export interface FlagFact {
  value: FlagValue;
  /** Offsets in the original text of the flag checks (or uses of an inlined name) this value came from. */
  origins: number[];
  /** Offsets of the flag checks themselves, behind any inlined name. */
  roots: number[];
}

export class Sentinels {
  private readonly facts: FlagFact[] = [];
  private readonly pattern: RegExp;

  constructor(readonly prefix: string) {
    this.pattern = new RegExp(`^${prefix}(\\d+)__$`);
  }

  /** A prefix no identifier of the text starts with. */
  static for(text: string): Sentinels {
    let prefix = "__flaglint_";
    for (let attempt = 0; text.includes(prefix); attempt++) prefix = `__flaglint${attempt}_`;
    return new Sentinels(prefix);
  }

  make(value: FlagValue, origins: readonly number[], roots: readonly number[] = origins): string {
    this.facts.push({ value, origins: [...new Set(origins)], roots: [...new Set(roots)] });
    return `${this.prefix}${this.facts.length - 1}__`;
  }

  /** The flag fact a node stands for, seeing through parentheses. */
  read(node: ts.Node | undefined): FlagFact | undefined {
    while (node && ts.isParenthesizedExpression(node)) node = node.expression;
    if (!node || !ts.isIdentifier(node)) return undefined;
    const match = this.pattern.exec(node.text);
    return match ? this.facts[Number(match[1])] : undefined;
  }

  isSentinel(node: ts.Node): node is ts.Identifier {
    return ts.isIdentifier(node) && this.pattern.test(node.text);
  }

  /** Whether any placeholder is left in the text. */
  occursIn(text: string): boolean {
    return text.includes(this.prefix);
  }
}

/** A literal's value: what `true`, `"blue"`, `3`, `-1` or `null` evaluate to. */
export function literalValue(node: ts.Expression): { value: FlagValue } | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return { value: true };
    case ts.SyntaxKind.FalseKeyword:
      return { value: false };
    case ts.SyntaxKind.NullKeyword:
      return { value: null };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { value: -Number(node.operand.text) };
  }
  return undefined;
}

/** The literal to write where a placeholder stands, in parentheses where the grammar needs them. */
export function finalLiteral(node: ts.Identifier, value: FlagValue): string {
  const text = literalText(value);
  if (typeof value !== "number") return text;
  const parent = node.parent;
  const negative = value < 0 || Object.is(value, -0);
  // `3.toFixed()` does not parse; `-1 ** 2` neither; `a - -1` does but `a--1` does not.
  const isObject =
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.expression === node;
  if (isObject) return `(${text})`;
  if (!negative) return text;
  const safe =
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) ||
    (ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind !== ts.SyntaxKind.AsteriskAsteriskToken &&
      /\s/.test(node.getSourceFile().text[node.getStart() - 1] ?? ""));
  return safe ? text : `(${text})`;
}
