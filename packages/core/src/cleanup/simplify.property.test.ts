import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanupSource } from "./engine.js";
import type { FlagValue } from "./value.js";

// Random boolean expressions and small statement trees that mix the flag with variables and
// calls that record their side effects. For every assignment of the variables, the original
// (the flag evaluating to the fixed value) and the simplified code must return the same value
// and make the same calls in the same order.

const FLAG = `isEnabled("x")`;
const VALUES: readonly unknown[] = [true, false, 0, "s"];
const CALL_RESULTS: readonly unknown[] = [true, false, 0];
const FLAG_VALUES: readonly FlagValue[] = [true, false, "blue", "red", 0, 1, null];

/** An expression with the precedence it binds at, so it is parenthesised only where needed. */
interface Expr {
  text: string;
  precedence: number;
}

const PRIMARY = 20;
const atom = (text: string): Expr => ({ text, precedence: PRIMARY });
const wrap = (expr: Expr, min: number): string => (expr.precedence < min ? `(${expr.text})` : expr.text);

function expressions(withName: boolean): fc.Arbitrary<Expr> {
  const atoms = ["a", "b", "c", "f()", "g()", FLAG, FLAG, "true", "false", '"blue"', "0", "null", ...(withName ? ["on", "on"] : [])];
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...atoms).map(atom),
      tie("expr").map((e) => ({ text: `!${wrap(e, 15)}`, precedence: 15 })),
      fc.tuple(tie("expr"), fc.constantFrom("&&", "||"), tie("expr")).map(([l, op, r]) => {
        const level = op === "&&" ? 4 : 3;
        return { text: `${wrap(l, level)} ${op} ${wrap(r, level + 1)}`, precedence: level };
      }),
      // `??` may not mix with `&&`/`||` unparenthesised.
      fc.tuple(tie("expr"), tie("expr")).map(([l, r]) => ({ text: `${wrap(l, PRIMARY)} ?? ${wrap(r, PRIMARY)}`, precedence: 2.5 })),
      fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([t, y, n]) => ({
        text: `${wrap(t, 3)} ? ${wrap(y, 2)} : ${wrap(n, 2)}`,
        precedence: 2,
      })),
      fc.tuple(tie("expr"), fc.constantFrom("===", "!==", "==", "!="), fc.constantFrom('"blue"', "true", "0", "null")).map(
        ([l, op, r]) => ({ text: `${wrap(l, 9)} ${op} ${r}`, precedence: 8 }),
      ),
      tie("expr").map((e) => atom(`(${e.text})`)),
    ),
  }));
  return expr;
}

function statements(withName: boolean): fc.Arbitrary<string[]> {
  const expr = expressions(withName);
  let label = 0;
  const { block } = fc.letrec<{ block: string[]; statement: string[] }>((tie) => ({
    statement: fc.oneof(
      { depthSize: "small" },
      fc.constant(null).map(() => [`log.push("s${label++}");`]),
      expr.map((e) => [`return ${e.text};`]),
      expr.map((e) => [`${wrap(e, 4)} && log.push("e${label++}");`]),
      fc.tuple(expr, tie("block"), fc.option(tie("block"), { nil: undefined })).map(([test, yes, no]) => [
        `if (${test.text}) {`,
        ...yes.map((line) => `  ${line}`),
        ...(no ? ["} else {", ...no.map((line) => `  ${line}`)] : []),
        "}",
      ]),
    ),
    block: fc.array(tie("statement"), { minLength: 0, maxLength: 3 }).map((list) => list.flat()),
  }));
  return block;
}

function program(body: readonly string[], withName: boolean): string {
  const lines = withName ? [`const on = ${FLAG};`, ...body] : body;
  return ["function run(a, b, c, f, g, isEnabled, log) {", ...lines.map((line) => `  ${line}`), '  return "end";', "}", ""].join("\n");
}

function sitesOf(text: string): Array<{ siteStart: number; siteEnd: number }> {
  const sites = [];
  for (let at = text.indexOf(FLAG); at !== -1; at = text.indexOf(FLAG, at + 1)) sites.push({ siteStart: at, siteEnd: at + FLAG.length });
  return sites;
}

type Run = (...args: unknown[]) => unknown;

function compile(text: string): Run {
  // The property under test is what the code does when run: the generated source is the test's own.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`${text}\nreturn run;`)() as Run;
}

/** Every assignment of a, b, c and the results of f() and g(), with the calls each makes. */
function outcomes(run: Run, flag: FlagValue): unknown[] {
  const results: unknown[] = [];
  for (const a of VALUES)
    for (const b of VALUES)
      for (const c of VALUES)
        for (const fv of CALL_RESULTS)
          for (const gv of CALL_RESULTS) {
            const log: string[] = [];
            const f = () => (log.push("f"), fv);
            const g = () => (log.push("g"), gv);
            const value = run(a, b, c, f, g, () => flag, log);
            results.push({ value, log });
          }
  return results;
}

function checkEquivalent(text: string, flag: FlagValue): void {
  const result = cleanupSource(text, "snippet.js", sitesOf(text), flag);
  expect(result.failed, result.manual.map((spot) => spot.reason).join("; ")).toBe(false);
  expect(outcomes(compile(result.text), flag)).toEqual(outcomes(compile(text), flag));
  if (result.manual.length === 0) expect(result.text).not.toContain("isEnabled(");
}

describe("simplification keeps behaviour", () => {
  it("for boolean expressions in value and test positions", () => {
    fc.assert(
      fc.property(expressions(false), fc.constantFrom(...FLAG_VALUES), (expr, flag) => {
        checkEquivalent(program([`if (${expr.text}) log.push("then"); else log.push("else");`, `return ${expr.text};`], false), flag);
      }),
      { numRuns: 200 },
    );
  });

  it("for statement trees, with the flag held in a const", () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((withName) => statements(withName).map((body) => program(body, withName))),
        fc.constantFrom(...FLAG_VALUES),
        (text, flag) => {
          checkEquivalent(text, flag);
        },
      ),
      { numRuns: 200 },
    );
  });
});
