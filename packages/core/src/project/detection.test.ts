import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSource } from "./detection.js";

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
