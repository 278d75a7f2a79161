import { describe, expect, it } from "vitest";
import ts from "../typescript.js";
import { cleanupOneCheck, isBooleanCheck, type TextEdit } from "./single-check.js";
import { parseReusing } from "./syntax.js";

/** The site of the first (or `nth`) occurrence of `check` in `text`. */
function siteOf(text: string, check: string, nth = 0): { siteStart: number; siteEnd: number } {
  let start = -1;
  for (let seen = 0; seen <= nth; seen++) start = text.indexOf(check, start + 1);
  if (start === -1) throw new Error(`no ${check} in the source`);
  return { siteStart: start, siteEnd: start + check.length };
}

function applied(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

const CHECK = 'ff.isEnabled("new_flow")';

describe("cleanupOneCheck", () => {
  it("unwraps the then-branch of an if/else, as one edit over the changed lines only", () => {
    const text = [
      'import { client as ff } from "./flags";',
      "",
      "export function checkout(cart: Cart): Receipt {",
      "  const total = sum(cart);",
      `  if (${CHECK}) {`,
      "    return newCheckout(cart, total);",
      "  } else {",
      "    return legacyCheckout(cart, total);",
      "  }",
      "}",
      "",
    ].join("\n");
    const edit = cleanupOneCheck(text, "checkout.ts", siteOf(text, CHECK), true);

    expect(edit).toBeDefined();
    expect(applied(text, edit!)).toBe(
      ["export function checkout(cart: Cart): Receipt {", "  const total = sum(cart);", "  return newCheckout(cart, total);", "}", ""].join("\n"),
    );
    // The import went (it became unused), so the edit starts at the top; the closing brace stays out of it.
    expect(edit!.start).toBe(0);
    expect(text.slice(edit!.end)).toBe("\n}\n");
  });

  it("keeps a JSX child guarded by `on &&`", () => {
    const text = [
      'import { useFlag } from "@acme/flags";',
      "",
      "export function Header() {",
      "  return <header>{" + 'useFlag("new_flow")' + " && <Search />}</header>;",
      "}",
      "",
    ].join("\n");
    const edit = cleanupOneCheck(text, "header.tsx", siteOf(text, 'useFlag("new_flow")'), true);

    expect(applied(text, edit!)).toBe(["export function Header() {", "  return <header><Search /></header>;", "}", ""].join("\n"));
  });

  it("inlines a const that holds the flag's value and removes it", () => {
    const text = [
      "export function summary(order: Order): string {",
      `  const newFlow = ${CHECK};`,
      '  const title = newFlow ? "Your order" : "Order summary";',
      "  if (!newFlow) {",
      "    return title;",
      "  }",
      "  return `${title}: ${order.id}`;",
      "}",
      "",
    ].join("\n");
    const edit = cleanupOneCheck(text, "summary.ts", siteOf(text, CHECK), true);

    expect(applied(text, edit!)).toBe(
      ["export function summary(order: Order): string {", '  const title = "Your order";', "  return `${title}: ${order.id}`;", "}", ""].join("\n"),
    );
  });

  it("rewrites only the given check, not the flag's other checks", () => {
    const text = `export const a = ${CHECK} ? 1 : 2;\nexport const b = ${CHECK} ? 3 : 4;\n`;
    const edit = cleanupOneCheck(text, "two.ts", siteOf(text, CHECK, 1), true);

    expect(applied(text, edit!)).toBe(`export const a = ${CHECK} ? 1 : 2;\nexport const b = 3;\n`);
  });

  it("gives nothing when the engine leaves a place for a person: the value passed to an unknown function", () => {
    const text = [
      "export function plan(user: User): Plan {",
      `  const on = ${CHECK};`,
      "  const tier = pickTier(user, on);",
      "  if (on) {",
      "    audit(user);",
      "  }",
      "  return tier;",
      "}",
      "",
    ].join("\n");

    expect(cleanupOneCheck(text, "plan.ts", siteOf(text, CHECK), true)).toBeUndefined();
  });

  it("gives nothing for a file that does not parse", () => {
    const text = `if (${CHECK}) {\n  run(\n`;
    expect(cleanupOneCheck(text, "broken.ts", siteOf(text, CHECK), true)).toBeUndefined();
  });

  it("gives nothing when the site is not an expression the engine can replace", () => {
    const text = `export function f(on = ${CHECK}) {\n  return on;\n}\n`;
    const parameterName = siteOf(text, "on =");
    parameterName.siteEnd -= 2;
    expect(cleanupOneCheck(text, "f.ts", parameterName, true)).toBeUndefined();
  });
});

describe("isBooleanCheck", () => {
  const at = (text: string, check = CHECK) => isBooleanCheck(text, "f.tsx", siteOf(text, check));

  it("is true where the value decides a branch", () => {
    expect(at(`if (${CHECK}) run();`)).toBe(true);
    expect(at(`while (!${CHECK}) wait();`)).toBe(true);
    expect(at(`const x = ${CHECK} ? a : b;`)).toBe(true);
    expect(at(`const x = <div>{${CHECK} && <A />}</div>;`)).toBe(true);
    expect(at(`if (ready && (await ${CHECK})) run();`)).toBe(true);
    expect(at(`if (${CHECK} === false) run();`)).toBe(true);
  });

  it("is true for a const, or a destructured name, whose every use is a test", () => {
    expect(at(`function f() {\n  const on = ${CHECK};\n  if (on) a();\n  return !on;\n}`)).toBe(true);
    expect(at(`const { enabled } = useFlag("new_flow");\nif (enabled) a();`, "enabled")).toBe(true);
  });

  it("is false where the value flows on as data", () => {
    expect(at(`const color = ${CHECK};\nrender({ color });`)).toBe(false);
    expect(at(`if (${CHECK} === "blue") run();`)).toBe(false);
    expect(at(`return user && ${CHECK};`)).toBe(false);
    expect(at(`track(${CHECK});`)).toBe(false);
    expect(at(`function f() {\n  const on = ${CHECK};\n  if (on) a();\n  pickTier(on);\n}`)).toBe(false);
    expect(at(`const unused = ${CHECK};`)).toBe(false);
  });
});

describe("a tree the caller already parsed (an ESLint parser's)", () => {
  const text = [
    'import { client as ff } from "./flags";',
    "",
    "export function checkout(cart: Cart): Receipt {",
    `  if (${CHECK}) {`,
    "    return newCheckout(cart);",
    "  }",
    "  return legacyCheckout(cart);",
    "}",
    "",
  ].join("\n");
  /** As @typescript-eslint/parser parses: parent pointers, and `true` for a module under sourceType "module". */
  const linterTree = (source: string, fileName: string, kind: ts.ScriptKind): ts.SourceFile => {
    const setExternalModuleIndicator = (file: ts.SourceFile): void => {
      (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
    };
    return ts.createSourceFile(fileName, source, { languageVersion: ts.ScriptTarget.Latest, setExternalModuleIndicator }, true, kind);
  };

  it("gives the same suggestion from it as from the text alone", () => {
    const tree = linterTree(text, "/src/checkout.ts", ts.ScriptKind.TS);
    const site = siteOf(text, CHECK);

    expect(isBooleanCheck(text, "/src/checkout.ts", site, tree)).toBe(true);
    expect(cleanupOneCheck(text, "/src/checkout.ts", site, true, tree)).toEqual(cleanupOneCheck(text, "/src/checkout.ts", site, true));
    // Twice from one tree (a file's second stale check): the same again.
    expect(cleanupOneCheck(text, "/src/checkout.ts", site, true, tree)).toEqual(cleanupOneCheck(text, "/src/checkout.ts", site, true));
  });

  it("is used only when it is the parse the engine would make", () => {
    const tree = linterTree(text, "/src/checkout.ts", ts.ScriptKind.TS);
    expect(parseReusing(text, "/src/checkout.ts", tree)).toBe(tree);
    // Another text, another script kind, no parent pointers: parsed again.
    expect(parseReusing(`${text}\n`, "/src/checkout.ts", tree)).not.toBe(tree);
    expect(parseReusing(text, "/src/checkout.tsx", tree)).not.toBe(tree);
    const flat = ts.createSourceFile("/src/checkout.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    expect(parseReusing(text, "/src/checkout.ts", flat)).not.toBe(flat);
    // Called a module by the linter, though nothing in it imports or exports: the engine parses a script.
    const script = `if (${CHECK}) run();\n`;
    const scriptTree = linterTree(script, "/src/run.ts", ts.ScriptKind.TS);
    expect(parseReusing(script, "/src/run.ts", scriptTree)).not.toBe(scriptTree);
  });
});
