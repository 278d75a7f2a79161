import { describe, expect, it } from "vitest";
import { parseShard, shardFiles } from "./shards.js";

const sizes: Record<string, number> = { "/r/a.ts": 100, "/r/b.ts": 900, "/r/c.ts": 100, "/r/d.ts": 400, "/r/e.ts": 0, "/r/f.ts": 500 };
const items = Object.keys(sizes)
  .reverse()
  .map((file) => ({ file }));
const sizeOf = (file: string) => sizes[file]!;

describe("shardFiles", () => {
  it.each([1, 2, 3, 4, 6, 9])("puts every file in exactly one of %i shards, in path order", (total) => {
    const parts = Array.from({ length: total }, (_, index) => shardFiles(items, { index: index + 1, total }, sizeOf).map((item) => item.file));
    expect(parts.flat()).toEqual(Object.keys(sizes));
  });

  it("balances by size, not by count", () => {
    const parts = [1, 2].map((index) => shardFiles(items, { index, total: 2 }, sizeOf).map((item) => item.file));
    // 2000 bytes: b.ts ends near the middle, so the first shard holds two files and the second four.
    expect(parts).toEqual([["/r/a.ts", "/r/b.ts"], ["/r/c.ts", "/r/d.ts", "/r/e.ts", "/r/f.ts"]]);
  });

  it("gives the same split whatever order the files come in", () => {
    const shuffled = [items[3]!, items[0]!, items[5]!, items[1]!, items[4]!, items[2]!];
    expect(shardFiles(shuffled, { index: 2, total: 3 }, sizeOf)).toEqual(shardFiles(items, { index: 2, total: 3 }, sizeOf));
  });
});

describe("parseShard", () => {
  it("reads K/N", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, total: 3 });
  });

  it.each(["0/3", "4/3", "3", "1/0", "a/b", "1/2/3", "-1/2"])("refuses %s with a hint", (text) => {
    expect(() => parseShard(text)).toThrow(/write K\/N with 1 <= K <= N, like 2\/3/);
  });
});
