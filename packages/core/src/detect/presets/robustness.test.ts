import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../../types.js";
import { analyzeSource } from "../analyze.js";
import { getParseError, parseSource } from "../parse.js";
import { SDK_PRESETS } from "./index.js";

const detect: DetectConfig = {
  sdks: SDK_PRESETS.map((preset) => preset.name),
  calls: [],
  objects: [],
  constants: [],
  properties: [],
};

const IMPORTS = [
  `import { OpenFeature, type Client } from "@openfeature/server-sdk";`,
  `import { init, type LDClient } from "@launchdarkly/node-server-sdk";`,
  `import { useFlags } from "launchdarkly-react-client-sdk";`,
  `import { useFeatureIsOn } from "@growthbook/growthbook-react";`,
].join("\n");

/** A statement and the flags detection must find in it, in order. */
interface Statement {
  code: string;
  flags: string[];
}
const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const literal = (text: string) => JSON.stringify(text);
const statement: fc.Arbitrary<Statement> = fc.oneof(
  key.map((k) => ({ code: `OpenFeature.getClient().getBooleanValue(${literal(k)}, false, ctx);`, flags: [k] })),
  key.map((k) => ({ code: `init("sdk").variation(\n  ${literal(k)},\n  ctx,\n  false,\n);`, flags: [k] })),
  key.map((k) => ({ code: `useFeatureIsOn(${literal(k)}) && render();`, flags: [k] })),
  key.map((k) => ({ code: `useFlags()[${literal(k)}];`, flags: [k] })),
  key.map((k) => ({ code: `((c: LDClient) => c.boolVariation(${literal(k)}, ctx, false))(client);`, flags: [k] })),
  key.map((k) => ({ code: `({ getBooleanValue: (x: string) => x }).getBooleanValue(${literal(k)});`, flags: [] })),
  key.map((k) => ({ code: `((c: { variation(k: string): void }) => c.variation(${literal(k)}))(other);`, flags: [] })),
  key.map((k) => ({ code: `const text = ${literal(`useFeatureIsOn("${k}")`)};`, flags: [] })),
);
const program = fc
  .array(fc.oneof(statement, fc.array(statement, { maxLength: 4 }).map(inClass)), { maxLength: 10 })
  .map((statements) => ({
    code: [IMPORTS, ...statements.map((s) => s.code)].join("\n"),
    flags: statements.flatMap((s) => s.flags),
  }));

/** The statements inside a method of a class that keeps an SDK client in a field. */
function inClass(statements: Statement[]): Statement {
  return {
    code: `class Flags {\n  private ld?: LDClient;\n  start() { this.ld = init("k"); }\n  run(ctx: unknown) {\n${statements
      .map((s) => s.code)
      .join("\n")}\n    return this.ld?.variation("field-key", ctx, false);\n  }\n}`,
    flags: [...statements.flatMap((s) => s.flags), "field-key"],
  };
}

// Whole statements that send value resolution down every path: cycles, self-assignment, `this`
// in objects and nested classes, unions, qualified and global types, deep chains.
const TRICKY = [
  `let a = b; let b = a; a.variation("k", ctx, false);`,
  `let self = self?.client(); self.getTreatment("k");`,
  `class A { c = this.c; d: LDClient | undefined | null; go() { this.c.variation("k"); this.d?.variation("k", u, 1); } }`,
  `class B { constructor(public ld: LDClient, private readonly n: number) {} m() { return this.ld.variation(k, u, 0); } }`,
  `const o = { ld: init("k"), m() { return this.ld.variation("k", u, false); } };`,
  `class C { x; y() { this.x = this.x; class D { z() { this.x.variation("k"); } } } }`,
  `function f(this: unknown, c: ld.LDClient, s: SplitIO.IClient) { c.variation("k"); s.getTreatment(u, "k"); }`,
  `const { getClient: gc } = OpenFeature; gc().getBooleanValue("k", false);`,
  `const deep = OpenFeature.getClient().getClient?.().a.b.c.d.e.f.g.h;`,
  `export default class extends Object { v = (this as any).ld.variation("k"); }`,
  `const flags = useFlags(); const { [flags.a]: b } = flags; flags[b];`,
  `let later; later = later; later.variation("k");`,
  `for (let i of [init("k")]) i.variation("k", u, false);`,
  `const Comp = () => <IfFeatureEnabled feature={["a", ...rest]} {...props} />;`,
  `const n = new (init as any)().variation("k");`,
];
const tricky: fc.Arbitrary<Statement> = fc.constantFrom(...TRICKY).map((code) => ({ code, flags: [] }));
const mixed = fc
  .array(fc.oneof(statement, tricky, fc.array(fc.oneof(statement, tricky), { maxLength: 3 }).map(inClass)), {
    maxLength: 12,
  })
  .map((statements) => [IMPORTS, ...statements.map((s) => s.code)].join("\n"));

describe("SDK presets on generated input", () => {
  it("find every generated check, and nothing on look-alikes, at the key", () => {
    fc.assert(
      fc.property(program, ({ code, flags }) => {
        const analysis = analyzeSource(parseSource(code, "a.tsx"), detect);
        expect(analysis.parseError).toBeUndefined();
        expect(analysis.references.map((reference) => reference.flag)).toEqual(flags);
        for (const reference of analysis.references) {
          expect(code.slice(reference.start, reference.end)).toBe(reference.keyText);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it("never fail on valid programs that send resolution down odd paths", () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const sourceFile = parseSource(text, "a.tsx");
        // An exception inside detection would come back as a parse error the parser did not see.
        expect(getParseError(sourceFile)).toBeUndefined();
        expect(analyzeSource(sourceFile, detect).parseError).toBeUndefined();
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
