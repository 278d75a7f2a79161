import { describe, expect, it } from "vitest";
import { exportPattern } from "./detection.js";

describe("exportPattern", () => {
  const pattern = exportPattern(["PRICING", "$flags"]);

  it.each([
    ["a const", `export const PRICING = "pricing";`],
    ["a typed const", `export const PRICING: string = "pricing";`],
    ["a later declarator", `export const OTHER = "x",\n  PRICING = "pricing";`],
    ["a declared const", `export declare const PRICING: "pricing";`],
    ["an enum", `export enum PRICING { A = "a" }`],
    ["a const enum", `export const enum PRICING { A = "a" }`],
    ["an export list", `const pricing = "p";\nexport { other, pricing as PRICING };`],
    ["a name with a dollar sign", `export const $flags = { A: "a" } as const;`],
  ])("matches %s", (_, text) => {
    expect(pattern.test(text)).toBe(true);
  });

  it.each([
    ["a longer name", `export const PRICING_FLAG = "pricing";`],
    ["a function", `export function PRICING() {}`],
    ["a let", `export let PRICING = "pricing";`],
    ["a mention", `import { PRICING } from "./keys";\nexport const page = PRICING;`],
    ["a name that only ends like it", `export const my$flags = {};`],
  ])("does not match %s", (_, text) => {
    expect(pattern.test(text)).toBe(false);
  });
});
