import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportPattern, readSource } from "./detection.js";

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

describe("readSource", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-read-"));
  const file = path.join(dir, "a.ts");
  fs.writeFileSync(file, "export const a = 1;\n");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a file up to the size limit, and only measures a larger one", () => {
    expect(readSource(file, 20)).toBe("export const a = 1;\n");
    expect(readSource(file, 19)).toEqual({ bytes: 20 });
  });

  it("returns the error for a file that cannot be read, and throws none", () => {
    expect((readSource(path.join(dir, "gone.ts"), 100) as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect((readSource(dir, 1e9) as NodeJS.ErrnoException).code).toBe("EISDIR");
  });
});
