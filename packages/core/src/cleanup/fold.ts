// One simplification step: every place where a flag value (a placeholder) meets an operator, a
// condition or a statement that it decides is rewritten one level up. Steps repeat until
// nothing changes; each step's edits are on the ranges of the nodes they replace.
import ts from "../typescript.js";
import { EditSet, type TextEdit } from "./edits.js";
import { literalValue, type FlagFact, type Sentinels } from "./sentinels.js";
import {
  identifierTexts,
  isHoisted,
  isJump,
  isPure,
  isTestPosition,
  lexicalNames,
  skipParens,
} from "./syntax.js";
import { attachedEnd, attachedStart, indentOf, isBlank, lineStartOf, reindentEdits, removalRange, removeStatementEdit } from "./text.js";
import { literalText, looseEquals, type FlagValue } from "./value.js";

/** A fold the simplifier will not make; the places it came from are left as they were. */
export interface Refusal {
  origins: number[];
  reason: string;
}

export interface StepResult {
  edits: TextEdit[];
  refusals: Refusal[];
}

type ExpressionFold =
  | { kind: "value"; value: FlagValue; origins: number[]; roots: number[] }
  | { kind: "part"; part: ts.Expression }
  | { kind: "refuse"; refusal: Refusal };

type StatementFold = { edits: TextEdit[]; jumps: boolean } | { refusal: Refusal };

export function foldStep(sourceFile: ts.SourceFile, sentinels: Sentinels): StepResult {
  const step = new FoldStep(sourceFile, sentinels);
  step.visit(sourceFile);
  return { edits: step.edits.list(), refusals: step.refusals };
}

class FoldStep {
  readonly edits = new EditSet();
  readonly refusals: Refusal[] = [];
  private readonly text: string;
  private readonly marks: number[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly sentinels: Sentinels,
  ) {
    this.text = sourceFile.text;
    for (let at = this.text.indexOf(sentinels.prefix); at !== -1; at = this.text.indexOf(sentinels.prefix, at + 1)) {
      this.marks.push(at);
    }
  }

  /** Whether a flag value stands anywhere inside the node: the rest of the file is not visited. */
  private holdsFlag(node: ts.Node): boolean {
    let low = 0;
    let high = this.marks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.marks[middle]! < node.pos) low = middle + 1;
      else high = middle;
    }
    return low < this.marks.length && this.marks[low]! < node.end;
  }

  visit(node: ts.Node): void {
    if (!this.holdsFlag(node)) return;
    if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isDefaultClause(node)) {
      this.visitStatements(node.statements);
      return;
    }
    if (ts.isCaseClause(node)) {
      this.visit(node.expression);
      this.visitStatements(node.statements);
      return;
    }
    if (isFoldableStatement(node)) {
      // A statement that is not in a list: a branch of an `if`, the body of a loop.
      const fold = this.foldStatement(node, false);
      if (fold) {
        this.applyStatementFold(fold, []);
        return;
      }
    } else if (ts.isIdentifier(node) && this.sentinels.isSentinel(node)) {
      const refusal = this.escapes(node);
      if (refusal) this.refusals.push(refusal);
      return;
    } else if (isFoldableExpression(node)) {
      const fold = this.foldExpression(node);
      if (fold) {
        this.applyExpressionFold(node, fold);
        return;
      }
    }
    ts.forEachChild(node, (child) => this.visit(child));
  }

  private visitStatements(statements: ts.NodeArray<ts.Statement>): void {
    for (let index = 0; index < statements.length; index++) {
      const statement = statements[index]!;
      if (!this.holdsFlag(statement)) continue;
      const fold = isFoldableStatement(statement) ? this.foldStatement(statement, true) : undefined;
      if (!fold) {
        ts.forEachChild(statement, (child) => this.visit(child));
        continue;
      }
      const unreachable = "edits" in fold && fold.jumps ? statements.slice(index + 1).filter((next) => !isHoisted(next)) : [];
      this.applyStatementFold(fold, unreachable);
      // The statements after a jump are gone with it; the next step sees the new shape.
      if ("edits" in fold && fold.jumps) return;
    }
  }

  private applyStatementFold(fold: StatementFold, unreachable: readonly ts.Statement[]): void {
    if ("refusal" in fold) {
      this.refusals.push(fold.refusal);
      return;
    }
    const removals = unreachable.map((statement) => removeStatementEdit(this.sourceFile, statement));
    this.edits.addGroup([...fold.edits, ...removals]);
  }

  private applyExpressionFold(node: ts.Expression, fold: ExpressionFold): void {
    if (fold.kind === "refuse") {
      this.refusals.push(fold.refusal);
      return;
    }
    const edits =
      fold.kind === "value"
        ? this.placeValue(node, this.sentinels.make(fold.value, fold.origins, fold.roots), fold.value)
        : this.placePart(node, fold.part);
    this.edits.addGroup(edits);
  }

  // ---- expressions -------------------------------------------------------------------------

  private fact(node: ts.Expression): FlagFact | undefined {
    return this.sentinels.read(node);
  }

  /** A flag value, or a literal that meets one (`"blue"` in `flag === "blue"`). */
  private operand(node: ts.Expression): FlagFact | undefined {
    const fact = this.fact(node);
    if (fact) return fact;
    const literal = literalValue(node);
    return literal ? { value: literal.value, origins: [], roots: [] } : undefined;
  }

  private foldExpression(node: ts.Expression): ExpressionFold | undefined {
    if (ts.isParenthesizedExpression(node)) {
      const fact = this.sentinels.isSentinel(node.expression) ? this.fact(node.expression) : undefined;
      return fact && { kind: "value", ...fact };
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const fact = this.fact(node.operand);
      return fact && { kind: "value", ...fact, value: !fact.value };
    }
    if (ts.isAwaitExpression(node)) {
      // The flag's value no longer comes from a promise: awaiting a constant only adds a tick.
      const fact = this.fact(node.expression);
      return fact && { kind: "value", ...fact };
    }
    if (ts.isTypeOfExpression(node)) {
      const fact = this.fact(node.expression);
      return fact && { kind: "value", ...fact, value: fact.value === null ? "object" : typeof fact.value };
    }
    if (ts.isConditionalExpression(node)) {
      const fact = this.fact(node.condition);
      return fact && { kind: "part", part: fact.value ? node.whenTrue : node.whenFalse };
    }
    if (ts.isBinaryExpression(node)) return this.foldBinary(node);
    return undefined;
  }

  private foldBinary(node: ts.BinaryExpression): ExpressionFold | undefined {
    const leftFlag = this.fact(node.left);
    const rightFlag = this.fact(node.right);
    if (!leftFlag && !rightFlag) return undefined;
    const left = this.operand(node.left);
    const right = this.operand(node.right);
    const origins = [...(left?.origins ?? []), ...(right?.origins ?? [])];
    const roots = [...(left?.roots ?? []), ...(right?.roots ?? [])];
    const operator = node.operatorToken.kind;
    const valueOf = (value: FlagValue): ExpressionFold => ({ kind: "value", value, origins, roots });

    const compared = left && right ? compare(operator, left.value, right.value) : undefined;
    if (compared !== undefined) return valueOf(compared);

    switch (operator) {
      case ts.SyntaxKind.AmpersandAmpersandToken:
        if (left) return left.value ? { kind: "part", part: node.right } : valueOf(left.value);
        return this.foldAgainstFlag(node, right!, false);
      case ts.SyntaxKind.BarBarToken:
        if (left) return left.value ? valueOf(left.value) : { kind: "part", part: node.right };
        return this.foldAgainstFlag(node, right!, true);
      case ts.SyntaxKind.QuestionQuestionToken:
        if (left) return left.value !== null ? valueOf(left.value) : { kind: "part", part: node.right };
        return undefined;
    }
    return undefined;
  }

  /**
   * `x && flag` and `x || flag`: only where the value is merely tested, `x && true` is as good as
   * `x` and `x || false` too; `x && false` is false and `x || true` true, but only when skipping
   * `x` changes nothing.
   */
  private foldAgainstFlag(node: ts.BinaryExpression, right: FlagFact, isOr: boolean): ExpressionFold | undefined {
    if (!this.fact(node.right) || !isTestPosition(node)) return undefined;
    const decides = isOr ? Boolean(right.value) : !right.value;
    if (!decides) return { kind: "part", part: node.left };
    if (isPure(node.left)) return { kind: "value", ...right };
    const folded = literalText(right.value);
    return {
      kind: "refuse",
      refusal: {
        origins: right.origins,
        reason: `\`${shorten(node.left.getText(this.sourceFile))} ${isOr ? "||" : "&&"} ${folded}\` is always ${folded}, but dropping \`${shorten(node.left.getText(this.sourceFile))}\` would drop its side effects`,
      },
    };
  }

  /** A flag value used where the simplifier cannot follow it. */
  private escapes(node: ts.Identifier): Refusal | undefined {
    let child: ts.Node = node;
    let parent = node.parent;
    while (ts.isParenthesizedExpression(parent)) {
      child = parent;
      parent = parent.parent;
    }
    const fact = this.fact(node)!;
    if (
      (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent) || ts.isTaggedTemplateExpression(parent)) &&
      ((ts.isTaggedTemplateExpression(parent) ? parent.tag : parent.expression) === child)
    ) {
      // Then the check does not return the flag's value itself: the check stays as it is.
      return { origins: fact.roots, reason: `the flag's value is used as an object (\`${shorten(parent.getText(this.sourceFile))}\`): its shape is unknown` };
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(child as ts.Expression)) {
      if (!resultIsDiscarded(parent)) {
        return {
          origins: fact.origins,
          reason: `the flag's value is passed to \`${shorten(parent.expression.getText(this.sourceFile))}\` and its result is used: cannot tell what it does with it`,
        };
      }
    }
    return undefined;
  }

  /** Rewrites `node` to a flag value, dropping the parentheses that only held it. */
  private placeValue(node: ts.Expression, sentinel: string, value: FlagValue): TextEdit[] {
    let outer: ts.Node = node;
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const container = outer.parent;
    if (ts.isJsxExpression(container) && isJsxChild(container) && (typeof value === "boolean" || value === null)) {
      // `{false}` renders nothing: the whole `{…}` goes.
      const range = removalRange(this.text, container.getStart(this.sourceFile), container.end);
      return [{ ...range, text: "" }];
    }
    return [{ start: outer.getStart(this.sourceFile), end: outer.end, text: sentinel }];
  }

  /** Rewrites `node` to one of its own parts, kept as written. */
  private placePart(node: ts.Expression, part: ts.Expression): TextEdit[] {
    let outer: ts.Node = node;
    while (ts.isParenthesizedExpression(outer.parent) && this.canDropParentheses(outer.parent, part)) outer = outer.parent;
    let inner: ts.Node = part;
    const container = outer.parent;
    if (ts.isJsxExpression(container) && isJsxChild(container) && isJsx(skipParens(part))) {
      // `{flag && <A />}` as a child: the element stands on its own.
      outer = container;
      inner = skipParens(part);
    } else if (ts.isJsxExpression(container) && ts.isJsxAttribute(container.parent) && isPlainAttributeString(part, this.sourceFile)) {
      // `className={"a"}` -> `className="a"`.
      outer = container;
    }
    const start = outer.getStart(this.sourceFile);
    const innerStart = inner.getStart(this.sourceFile);
    const wrap = startsAmbiguously(inner) && needsExpressionStart(outer);
    const edits: TextEdit[] = [
      { start, end: innerStart, text: wrap ? "(" : "" },
      { start: inner.end, end: outer.end, text: wrap ? ")" : "" },
    ];
    edits.push(...reindentEdits(this.sourceFile, innerStart, inner.end, this.shift(outer, innerStart)));
    return edits;
  }

  private canDropParentheses(parens: ts.ParenthesizedExpression, part: ts.Expression): boolean {
    // Parentheses spread over lines are layout the author chose.
    if (this.text.slice(parens.getStart(this.sourceFile), parens.end).includes("\n")) return false;
    const holder = parens.parent;
    const isHead =
      ((ts.isPropertyAccessExpression(holder) || ts.isElementAccessExpression(holder) || ts.isCallExpression(holder) || ts.isNewExpression(holder)) &&
        holder.expression === parens) ||
      (ts.isTaggedTemplateExpression(holder) && holder.tag === parens);
    // `(flag && obj.method)()` calls without `this`; `obj.method()` would not.
    if (isHead) return ts.isIdentifier(part) || ts.isParenthesizedExpression(part) || part.kind === ts.SyntaxKind.ThisKeyword;
    return isPrimary(part) || (isNeutralPlace(parens) && !isCommaExpression(part));
  }

  /** How far the lines of a part move left when it takes the place of `outer`. */
  private shift(outer: ts.Node, innerStart: number): number {
    const text = this.text;
    const innerLine = lineStartOf(text, innerStart);
    if (!isBlank(text, innerLine, innerStart)) return 0;
    const outerStart = outer.getStart(this.sourceFile);
    if (innerLine <= outerStart) return 0;
    const outerLine = lineStartOf(text, outerStart);
    const target = isBlank(text, outerLine, outerStart) ? outerStart - outerLine : indentOf(text, outerStart).length;
    return innerStart - innerLine - target;
  }

  // ---- statements --------------------------------------------------------------------------

  private foldStatement(statement: ts.Statement, inList: boolean): StatementFold | undefined {
    if (ts.isIfStatement(statement)) {
      const fact = this.fact(statement.expression);
      if (!fact) return undefined;
      const branch = fact.value ? statement.thenStatement : statement.elseStatement;
      return branch ? this.keepBranch(statement, branch, inList) : this.removeStatement(statement, inList);
    }
    if (ts.isExpressionStatement(statement)) {
      // A statement that only evaluates the flag (what is left of `flag && f()` when off).
      return this.fact(statement.expression) ? this.removeStatement(statement, inList) : undefined;
    }
    if (ts.isWhileStatement(statement)) {
      const fact = this.fact(statement.expression);
      return fact && !fact.value ? this.removeStatement(statement, inList) : undefined;
    }
    if (ts.isSwitchStatement(statement)) return this.foldSwitch(statement, inList);
    return undefined;
  }

  private removeStatement(statement: ts.Statement, inList: boolean): StatementFold {
    if (inList) return { edits: [removeStatementEdit(this.sourceFile, statement)], jumps: false };
    const parent = statement.parent;
    if (ts.isIfStatement(parent) && parent.elseStatement === statement) {
      // `if (a) A else if (false) B` -> `if (a) A`
      return { edits: [{ start: parent.thenStatement.end, end: statement.end, text: "" }], jumps: false };
    }
    return { edits: [{ start: statement.getStart(this.sourceFile), end: statement.end, text: "{}" }], jumps: false };
  }

  private keepBranch(statement: ts.Statement, branch: ts.Statement, inList: boolean): StatementFold {
    if (ts.isBlock(branch) && inList) return this.unwrap(statement, branch.statements, branch);
    const start = statement.getStart(this.sourceFile);
    const branchStart = branch.getStart(this.sourceFile);
    const edits: TextEdit[] = [
      { start, end: branchStart, text: "" },
      { start: branch.end, end: statement.end, text: "" },
      ...reindentEdits(this.sourceFile, branchStart, branch.end, this.shift(statement, branchStart)),
    ];
    const jumps = isJump(branch) || (ts.isBlock(branch) && branch.statements.some(isJump));
    return { edits, jumps };
  }

  /**
   * Puts a block's statements in the place of `statement`, one level less indented. When the
   * block declares a name that the surrounding code also uses, its braces stay, so no name
   * clashes or changes meaning.
   */
  private unwrap(statement: ts.Statement, statements: readonly ts.Statement[], block: ts.Block | undefined): StatementFold {
    if (statements.length === 0) return this.removeStatement(statement, true);
    const jumps = statements.some(isJump);
    if (this.clashes(statement, statements)) {
      if (block) return { edits: this.keepAsBlock(statement, block), jumps };
      return { refusal: this.refusal(statement, "the kept case declares a name that is also used around the switch; move it by hand") };
    }
    const sourceFile = this.sourceFile;
    const first = attachedStart(sourceFile, statements[0]!);
    const contentStart = block ? firstCodeAfter(this.text, block.getStart(sourceFile) + 1, first) : first;
    const contentEnd = block ? lastCodeBefore(this.text, block.end - 1) : attachedEnd(sourceFile, statements[statements.length - 1]!);
    const edits: TextEdit[] = [
      { start: statement.getStart(sourceFile), end: contentStart, text: "" },
      { start: contentEnd, end: statement.end, text: "" },
      ...reindentEdits(sourceFile, contentStart, contentEnd, this.shift(statement, contentStart)),
    ];
    return { edits, jumps };
  }

  private keepAsBlock(statement: ts.Statement, block: ts.Block): TextEdit[] {
    return [
      { start: statement.getStart(this.sourceFile), end: block.getStart(this.sourceFile), text: "" },
      { start: block.end, end: statement.end, text: "" },
    ];
  }

  private clashes(statement: ts.Statement, statements: readonly ts.Statement[]): boolean {
    const declared = lexicalNames(statements);
    if (declared.length === 0) return false;
    const holder = statement.parent;
    const siblings = (isStatementHolder(holder) ? holder.statements : []).filter((other) => other !== statement);
    const around: ts.Node[] = [...siblings];
    // A function body shares its scope with the parameters.
    if (ts.isBlock(holder) && ts.isFunctionLike(holder.parent)) around.push(...holder.parent.parameters);
    const used = identifierTexts(around);
    return declared.some((name) => used.has(name));
  }

  /**
   * `switch (flag) { case "blue": … }`: the matching case's statements up to its `break` take
   * the switch's place. A case that runs on into the next one, or leaves with a nested `break`,
   * is left for a person.
   */
  private foldSwitch(statement: ts.SwitchStatement, inList: boolean): StatementFold | undefined {
    const fact = this.fact(statement.expression);
    if (!fact) return undefined;
    const refuse = (reason: string): StatementFold => ({ refusal: { origins: fact.origins, reason } });
    if (!inList) return refuse("a switch on the flag stands where only one statement fits");
    const clauses = statement.caseBlock.clauses;
    let chosen: ts.CaseOrDefaultClause | undefined;
    for (const clause of clauses) {
      if (ts.isDefaultClause(clause)) continue;
      const test = this.operand(clause.expression);
      if (!test) return refuse(`\`case ${shorten(clause.expression.getText(this.sourceFile))}\` is not a literal: cannot tell which case runs`);
      if (test.value === fact.value) {
        chosen = clause;
        break;
      }
    }
    chosen ??= clauses.find(ts.isDefaultClause);
    if (!chosen) return this.removeStatement(statement, true);

    let body: readonly ts.Statement[] = chosen.statements;
    const only = body.length === 1 ? body[0] : undefined;
    if (only && ts.isBlock(only)) body = only.statements;
    const kept: ts.Statement[] = [];
    let ended = false;
    for (const inner of body) {
      if (ts.isBreakStatement(inner) && !inner.label) {
        ended = true;
        break;
      }
      kept.push(inner);
      if (isJump(inner)) {
        ended = true;
        break;
      }
    }
    if (!ended && chosen !== clauses[clauses.length - 1]) {
      return refuse("the matching case falls through into the next one: which statements run is unclear");
    }
    if (kept.some(breaksOut)) return refuse("the matching case leaves the switch with a nested `break`");
    return this.unwrap(statement, kept, undefined);
  }

  private refusal(node: ts.Node, reason: string): Refusal {
    const origins: number[] = [];
    const visit = (child: ts.Node): void => {
      const fact = ts.isIdentifier(child) ? this.sentinels.read(child) : undefined;
      if (fact) origins.push(...fact.origins);
      ts.forEachChild(child, visit);
    };
    visit(node);
    return { origins, reason };
  }
}

function compare(operator: ts.SyntaxKind, a: FlagValue, b: FlagValue): boolean | undefined {
  switch (operator) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
      return a === b;
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return a !== b;
    case ts.SyntaxKind.EqualsEqualsToken:
      return looseEquals(a, b);
    case ts.SyntaxKind.ExclamationEqualsToken:
      return !looseEquals(a, b);
  }
  if (typeof a !== "number" || typeof b !== "number") return undefined;
  switch (operator) {
    case ts.SyntaxKind.LessThanToken:
      return a < b;
    case ts.SyntaxKind.LessThanEqualsToken:
      return a <= b;
    case ts.SyntaxKind.GreaterThanToken:
      return a > b;
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return a >= b;
  }
  return undefined;
}

function isFoldableStatement(node: ts.Node): node is ts.Statement {
  return ts.isIfStatement(node) || ts.isExpressionStatement(node) || ts.isWhileStatement(node) || ts.isSwitchStatement(node);
}

function isFoldableExpression(node: ts.Node): node is ts.Expression {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isTypeOfExpression(node) ||
    ts.isConditionalExpression(node) ||
    ts.isBinaryExpression(node)
  );
}

function isStatementHolder(node: ts.Node): node is ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseOrDefaultClause {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

function isJsx(node: ts.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

function isJsxChild(container: ts.JsxExpression): boolean {
  return ts.isJsxElement(container.parent) || ts.isJsxFragment(container.parent);
}

/** A string that reads the same as a JSX attribute value: no escapes, no entities, one line. */
function isPlainAttributeString(node: ts.Expression, sourceFile: ts.SourceFile): boolean {
  if (!ts.isStringLiteral(node)) return false;
  const raw = node.getText(sourceFile);
  return !/[\\&\n]/.test(raw);
}

/** Expressions that need no parentheses wherever an operand of theirs stood. */
function isPrimary(node: ts.Expression): boolean {
  return (
    ts.isIdentifier(node) ||
    node.kind === ts.SyntaxKind.ThisKeyword ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    ts.isStringLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    (ts.isCallExpression(node) && !node.questionDotToken && !hasOptionalChain(node.expression)) ||
    (ts.isPropertyAccessExpression(node) && !hasOptionalChain(node)) ||
    (ts.isElementAccessExpression(node) && !hasOptionalChain(node)) ||
    ts.isNonNullExpression(node) ||
    isJsx(node)
  );
}

function hasOptionalChain(node: ts.Expression): boolean {
  return (node.flags & ts.NodeFlags.OptionalChain) !== 0;
}

/** A place that takes any expression but a comma list as it is: `...x`, `= x`, `f(x)`, `return x`. */
function isNeutralPlace(node: ts.Expression): boolean {
  const parent = node.parent;
  return (
    ts.isSpreadAssignment(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isReturnStatement(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
    (ts.isVariableDeclaration(parent) && parent.initializer === node) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node)
  );
}

function isCommaExpression(node: ts.Expression): boolean {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken;
}

/** An expression whose first token would be read as a block, a declaration or a statement. */
function startsAmbiguously(node: ts.Node): boolean {
  let head: ts.Node = node;
  for (;;) {
    if (ts.isObjectLiteralExpression(head) || ts.isFunctionExpression(head) || ts.isClassExpression(head)) return true;
    if (ts.isPropertyAccessExpression(head) || ts.isElementAccessExpression(head) || ts.isCallExpression(head) || ts.isNonNullExpression(head)) head = head.expression;
    else if (ts.isBinaryExpression(head)) head = head.left;
    else if (ts.isConditionalExpression(head)) head = head.condition;
    else if (ts.isTaggedTemplateExpression(head)) head = head.tag;
    else if (ts.isAsExpression(head) || ts.isSatisfiesExpression(head)) head = head.expression;
    else return false;
  }
}

/** Whether `node` begins a statement or an arrow function's expression body. */
function needsExpressionStart(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isArrowFunction(parent)) return parent.body === node;
  if (ts.isExpressionStatement(parent)) return true;
  return false;
}

/** Whether the value of a call is thrown away (`track(flag);`). */
function resultIsDiscarded(call: ts.Node): boolean {
  let node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent) || ts.isVoidExpression(node.parent)) {
    if (ts.isVoidExpression(node.parent)) return true;
    node = node.parent;
  }
  return ts.isExpressionStatement(node.parent);
}

/** A `break` that would leave the enclosing switch (not one of a loop or switch inside). */
function breaksOut(statement: ts.Node): boolean {
  if (ts.isBreakStatement(statement)) return !statement.label;
  if (ts.isIterationStatement(statement, false) || ts.isSwitchStatement(statement) || ts.isFunctionLike(statement) || ts.isClassLike(statement)) {
    return false;
  }
  return ts.forEachChild(statement, breaksOut) ?? false;
}

function firstCodeAfter(text: string, from: number, limit: number): number {
  let position = from;
  while (position < limit && /\s/.test(text[position]!)) position++;
  return position;
}

function lastCodeBefore(text: string, from: number): number {
  let position = from;
  while (position > 0 && /\s/.test(text[position - 1]!)) position--;
  return position;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
