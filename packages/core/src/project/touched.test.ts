import { describe, expect, it } from "vitest";
import { parseDiff } from "./touched.js";

describe("parseDiff", () => {
  it("numbers added lines in the new file and keeps the text of removed ones", () => {
    const diff = [
      "diff --git a/feature-flags.yaml b/feature-flags.yaml",
      "index 1111111..2222222 100644",
      "--- a/feature-flags.yaml",
      "+++ b/feature-flags.yaml",
      "@@ -3,0 +4,2 @@ flags:",
      "+    owner: \"@web\"",
      "+---not a header",
      "@@ -10 +12 @@",
      "-    type: relase",
      "+    type: release",
      "diff --git a/src/gone.ts b/src/gone.ts",
      "deleted file mode 100644",
      "--- a/src/gone.ts",
      "+++ /dev/null",
      "@@ -1,2 +0,0 @@",
      '-check("dropped");',
      "--- a comment line that looks like a header",
      "diff --git a/src/new.ts b/src/new.ts",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/src/new.ts",
      "@@ -0,0 +1 @@",
      "+x",
      "",
    ].join("\n");
    const files = parseDiff(diff, "/repo");
    expect(files.get("/repo/feature-flags.yaml")).toEqual({ added: new Set([4, 5, 12]), removed: ["    type: relase"], isNew: false });
    expect(files.get("/repo/src/gone.ts")).toEqual({ added: new Set(), removed: ['check("dropped");', "-- a comment line that looks like a header"], isNew: false });
    expect(files.get("/repo/src/new.ts")).toEqual({ added: new Set([1]), removed: [], isNew: true });
  });
});
