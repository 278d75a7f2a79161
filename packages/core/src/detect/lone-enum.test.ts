import { describe, expect, it } from "vitest";
import { collectExportedConstants, type ModuleExports } from "./constants-index.js";
import { enumExportsAlone } from "./lone-enum.js";
import { parseSource } from "./parse.js";

/** What reading the whole module gives for `name`: the part of it a lookup of that name reads. */
function wholeModule(text: string, fileName: string, name: string): ModuleExports {
  const all = collectExportedConstants(parseSource(text, fileName));
  return {
    values: all.values.filter((value) => value.name === name),
    links: all.links.filter((link) => link.name === name || link.name === "*"),
    declared: all.declared.filter((declared) => declared.name === name),
  };
}

/** A module shaped as GraphQL's code generators write one, with what makes scanning it hard. */
const GENERATED = `/* eslint-disable */
import { gql } from '@apollo/client';
export type Maybe<T> = T | null;
export type Plan = { __typename?: 'Plan'; id: string; code: string };
export const PlanFragmentDoc = gql\`
  fragment Plan on Plan { id code \${"nested { braces }"} }
\`;
const SLUG = /^[a-z{]+$/;
const ratio = total / count / 2;
export function usePlans(options: { first: number }) {
  const label = \`\${options.first > 1 ? \`\${options.first} plans {\` : "one plan"}\`;
  return { label, valid: SLUG.test(label) };
}
export enum FeatureFlagEnum {
  EnrichedEvents = 'enriched_events',
  /** Comments, and a brace in one: } */
  MultiConnection = 'multi_connection',
  OrderForms = "order_forms",
  Computed = 1 << 2,
}
export enum OtherEnum { A = 'a' }
export const afterwards = { key: "x" };
`;

describe("enumExportsAlone", () => {
  it("reads an exported enum of a generated module as reading the whole module does", () => {
    const alone = enumExportsAlone(GENERATED, "graphql.tsx", "FeatureFlagEnum");
    expect(alone?.values.map((value) => value.value)).toEqual(["enriched_events", "multi_connection", "order_forms"]);
    expect(alone).toEqual(wholeModule(GENERATED, "graphql.tsx", "FeatureFlagEnum"));
  });

  it.each([
    ["a const enum", `export const enum Keys { A = "a" }`],
    ["a declared enum", `export declare enum Keys { A = "a" }`],
    ["a declared const enum after a statement on its line", `const x = 1; export declare const enum Keys { A = "a" }`],
    ["an enum after a class with a template", "export class C { m() { return `${{ a: 1 }.a}`; } }\nexport enum Keys { A = 'a' }"],
  ])("reads %s", (_, text) => {
    const alone = enumExportsAlone(text, "keys.ts", "Keys");
    expect(alone?.values).toEqual([{ name: "Keys", path: ["A"], value: "a" }]);
    expect(alone).toEqual(wholeModule(text, "keys.ts", "Keys"));
  });

  it.each([
    ["declared in two parts, which merge", `export enum Keys { A = "a" }\nexport enum Keys { B = "b" }`],
    ["not exported where it is declared", `enum Keys { A = "a" }\nexport { Keys };`],
    ["declared inside a module declaration", `declare module "flags" {\nexport enum Keys { A = "a" }\n}`],
    ["declared inside a namespace", `export namespace Flags {\nexport enum Keys { A = "a" }\n}`],
    ["only in a comment", `// export enum Keys { A = "a" }\nexport const Keys = { A: "b" };`],
    ["only in a template", "const doc = `\nexport enum Keys { A = 'a' }\n`;\nexport const Keys = { A: 'b' };"],
    ["in a module that re-exports another whole", `export * from "./more";\nexport enum Keys { A = "a" }`],
    ["after text that does not scan (JSX text)", `export const Note = () => <p>Don't</p>;\nexport enum Keys { A = "a" }`],
    ["after a brace closed twice", `}\nexport enum Keys { A = "a" }`],
    ["a const, not an enum", `export const Keys = { A: "a" } as const;`],
  ])("leaves a name %s to reading the whole module", (_, text) => {
    expect(enumExportsAlone(text, "keys.tsx", "Keys")).toBeUndefined();
  });

  it("leaves a name with characters no identifier has to reading the whole module", () => {
    expect(enumExportsAlone(`export enum Keys { A = "a" }`, "keys.ts", "Keys.*")).toBeUndefined();
  });

  it("reads a name with a dollar sign", () => {
    expect(enumExportsAlone(`export enum $Keys { A = "a" }`, "keys.ts", "$Keys")?.values).toEqual([{ name: "$Keys", path: ["A"], value: "a" }]);
  });
});
