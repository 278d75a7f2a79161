import { describe, expect, it } from "vitest";
import ts from "../typescript.js";
import { parseJsonc } from "./module-resolution.js";

// What the compiler's own reader makes of a tsconfig: parseJsonc must agree on every one of these.
const TEXTS = [
  '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
  `{
  // line comment with "quotes" and a , comma
  "compilerOptions": {
    /* block comment, with // inside */
    "baseUrl": "./src", // after a value
    "paths": {
      "~/*": ["./*",],
    },
  },
  "extends": "./base.json",
}`,
  '{ "a": "a // not a comment", "b": "/* nor this */", "c": "escaped \\" quote, }", }',
  '{ "list": [1, 2, 3,], "nested": { "x": [ { "y": "z", }, ], }, }',
  "{}",
  '{ "compilerOptions": { "paths": { "a": ["b"] } } } // trailing comment',
];

describe("parseJsonc", () => {
  it.each(TEXTS)("reads %j as the compiler does", (text) => {
    const expected = (ts.parseConfigFileTextToJson("tsconfig.json", text) as { config?: unknown }).config;
    expect(parseJsonc("tsconfig.json", text)).toEqual(expected);
  });

  it("leaves what is not JSON with comments to the compiler's lenient reader", () => {
    const text = '{ compilerOptions: { baseUrl: "." } }';
    expect(parseJsonc("tsconfig.json", text)).toEqual((ts.parseConfigFileTextToJson("tsconfig.json", text) as { config?: unknown }).config);
  });
});
