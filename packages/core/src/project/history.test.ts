import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { UsageError } from "../clock.js";
import { flagHistory, historyDates } from "./history.js";

describe("historyDates", () => {
  test("--history Nw: N weekly dates ending today, oldest first", () => {
    expect(historyDates("2026-11-26", { weeks: 3 })).toEqual(["2026-11-12", "2026-11-19", "2026-11-26"]);
    expect(historyDates("2026-11-26", { weeks: 12 })[0]).toBe("2026-09-10");
  });

  test("--history-from: from that date, a week apart, up to today", () => {
    expect(historyDates("2026-11-26", { from: "2026-11-01" })).toEqual(["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"]);
    expect(historyDates("2026-11-26", { from: "2026-11-26" })).toEqual(["2026-11-26"]);
  });

  test("rejects impossible ranges with a one-line usage error", () => {
    expect(() => historyDates("2026-11-26", { from: "2026-02-30" })).toThrow(UsageError);
    expect(() => historyDates("2026-11-26", { from: "2026-12-01" })).toThrow(/after today/);
    expect(() => historyDates("2026-11-26", { weeks: 0 })).toThrow(/between 1w and 520w/);
    expect(() => historyDates("2026-11-26", { from: "2000-01-01" })).toThrow(/more than 520 weeks/);
  });
});

describe("flagHistory", () => {
  test("outside a git repository: no points, one note", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-history-"));
    try {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
      const previous = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
      try {
        const result = flagHistory({ cwd: dir, paths: [], dates: ["2026-11-26"] });
        expect(result.points).toBeUndefined();
        expect(result.notes).toEqual([{ message: "no trend: not inside a git repository (the report is shown without --history)" }]);
      } finally {
        if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = previous;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
