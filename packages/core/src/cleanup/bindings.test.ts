import { describe, expect, it } from "vitest";
import ts from "../typescript.js";
import { BindingUses, syntacticUses, usesBySymbol } from "./bindings.js";
import { localChecker, parse } from "./syntax.js";

/** The declared name spelt `name` (the first binding of it in the text). */
function declared(sourceFile: ts.SourceFile, name: string): ts.Identifier {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const parent = node.parent as (ts.Node & { name?: ts.Node }) | undefined;
    if (ts.isIdentifier(node) && node.text === name && parent?.name === node && !ts.isPropertyAccessExpression(parent)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (!found) throw new Error(`no declaration of ${name}`);
  return found;
}

/** The uses the type checker finds, as `line:column` of each identifier. */
function checkerUses(sourceFile: ts.SourceFile, name: ts.Identifier): string[] {
  const checker = localChecker(sourceFile);
  const symbol = checker.getSymbolAtLocation(name);
  return at(sourceFile, (symbol && usesBySymbol(sourceFile, checker).get(symbol)) ?? []);
}

function at(sourceFile: ts.SourceFile, identifiers: readonly ts.Identifier[]): string[] {
  return identifiers.map((identifier) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(identifier.getStart(sourceFile));
    return `${line + 1}:${character + 1}`;
  });
}

// [code, name]: the syntax settles these, and agrees with the checker.
const SETTLED: Array<[string, string, number]> = [
  ['import { flags } from "./flags";\nif (flags.isEnabled("a")) run();\nflags.track();\n', "flags", 2],
  ['import flags from "./flags";\nexport { flags };\nconst o = { flags };\n', "flags", 2],
  ['import * as client from "./c";\nclient.isOn("a") ? a() : b();\nconst other = { client: 1 }.client;\n', "client", 1],
  ['const KEY = "new-checkout";\nuseFlag(KEY);\nconst o = { KEY: 1, [KEY]: 2 };\no.KEY;\n', "KEY", 2],
  ['function helper() { return 1; }\nexport default helper;\nhelper();\nclass A { helper() { return helper(); } }\n', "helper", 3],
  ['export function C() {\n  const { enabled } = useFlag("x");\n  if (!enabled) return null;\n  return enabled && <div title={enabled ? "a" : "b"} enabled />;\n}\n', "enabled", 3],
  ['function f() {\n  const on = isOn("x");\n  let n = on ? 1 : 2;\n  n = on as unknown as number;\n}\nconst g = () => on;\n', "on", 2],
  ['import { Banner } from "./b";\nexport const A = () => <Banner>{"x"}</Banner>;\nconst B = () => <Banner.Item />;\n', "Banner", 3],
  ['import { x } from "./x";\nlabel: for (;;) { break label; }\nexport { y as x } from "./y";\n', "x", 0],
  ['import { a } from "./a";\nexport { a as b };\n', "a", 1],
  ['const v = 1;\nswitch (k) { case v: break; }\nfunction h({ v: alias = v }) { return alias; }\n', "v", 2],
  ['import { a } from "./a";\nconst o = { a: a, b: `${a}` };\nif (typeof a === "string") ({ a } = o);\n', "a", 4],
  ['const on = isOn("x");\nclass A { on = on; static { use(on); } }\non: for (;;) break on;\n', "on", 2],
];

// [code, name]: the syntax cannot tell; the checker decides.
const UNSETTLED: Array<[string, string]> = [
  ['import { flags } from "./flags";\nfunction f(flags) { return flags.on; }\n', "flags"],
  ['import { Flag } from "./flags";\nlet a: Flag;\nFlag.on;\n', "Flag"],
  ['const div = isOn("x");\nconst e = <div />;\n', "div"],
  ['function f() { var on = isOn("x"); return on; }\n', "on"],
  ['for (let i = 0; i < 3; i++) use(i);\n', "i"],
  ['const on = isOn("x");\n{ const on = 2; use(on); }\n', "on"],
  ['import { Base } from "./b";\nclass A extends Base {}\n', "Base"],
  ['const on = isOn("x");\ntype T = typeof on;\n', "on"],
  ['const on = 1;\nconst o = { m(on) { return on; } };\n', "on"],
  ['const on = 1;\n[1].map((on) => on);\n', "on"],
  ['const on = 1;\ntry { use(on); } catch (on) { use(on); }\n', "on"],
  ['const on = 1;\nenum E { on = 2, off = on }\n', "on"],
  ['const on = 1;\ninterface I { on: boolean }\nuse(on);\n', "on"],
];

describe("syntacticUses", () => {
  for (const [code, name, count] of SETTLED) {
    it(`finds the checker's uses of ${name} in ${JSON.stringify(code.split("\n")[1])}`, () => {
      const sourceFile = parse(code, "/x/a.tsx");
      const binding = declared(sourceFile, name);
      const uses = syntacticUses(binding);
      expect(uses).toBeDefined();
      expect(at(sourceFile, uses!)).toEqual(checkerUses(sourceFile, binding));
      expect(uses).toHaveLength(count);
    });
  }

  for (const [code, name] of UNSETTLED) {
    it(`leaves ${name} to the checker in ${JSON.stringify(code.split("\n").slice(0, 2).join(" "))}`, () => {
      const sourceFile = parse(code, "/x/a.tsx");
      expect(syntacticUses(declared(sourceFile, name))).toBeUndefined();
    });
  }
});

describe("BindingUses", () => {
  it("answers from the syntax without building a checker, and builds one checker for what the syntax leaves open", () => {
    const code = 'import { flags } from "./flags";\nflags.on();\nfunction f(flags) { return flags.on; }\nconst KEY = "k";\nuse(KEY);\n';
    const sourceFile = parse(code, "/x/a.ts");
    let built = 0;
    const uses = new BindingUses(sourceFile, () => {
      built++;
      return localChecker(sourceFile);
    });
    expect(at(sourceFile, uses.of(declared(sourceFile, "KEY"))!)).toEqual(["5:5"]);
    expect(built).toBe(0);
    const flags = declared(sourceFile, "flags");
    expect(at(sourceFile, uses.of(flags)!)).toEqual(checkerUses(sourceFile, flags));
    expect(at(sourceFile, uses.of(flags)!)).toEqual(["2:1"]);
    expect(built).toBe(1);
  });
});
