// Source files as they are found in real repositories — binary files named .ts, huge bundles, other
// encodings and line endings, unreadable files, symlink loops, odd names — through the CLI. The run
// never crashes or hangs, reports what it could not check, and places every finding exactly.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asFileOwner, flaglint, runFlaglint, project, registry, removeProjects } from "../helpers/cli.js";

afterEach(() => {
  removeProjects();
});

const REGISTRY = registry(`  fast_search:
    type: release
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1`);

const IMPORT = 'import { client as ff } from "@acme/flags";';
/** An unknown key (a misspelt fast_search): one no-unknown-flag finding at the key, columns 32 to 44. */
const CHECK = 'export const on = ff.isEnabled("fast_serch", { userId: "u" });';
/** A clean file next to the odd one: it must still be checked. */
const CLEAN = `${IMPORT}\nexport const fine = ff.isEnabled("fast_search", { userId: "u" });\n`;

const NOW = ["--now", "2026-11-26"];

interface Located {
  file: string;
  line: number;
  column: number;
  endColumn?: number;
}

interface JsonOutput {
  findings: Array<Located & { rule: string; message: string; endLine: number; endColumn: number }>;
  references: Array<Located & { flag: string | null }>;
  summary: { files: number; parsed: number; errors: number; warnings: number };
}

async function checkJson(root: string, ...args: string[]): Promise<{ output: JsonOutput; stderr: string; status: number | null }> {
  const run = await runFlaglint(["check", ...NOW, "-f", "json", ...args], { cwd: root });
  return { output: JSON.parse(run.stdout) as JsonOutput, stderr: run.stderr, status: run.status };
}

/** Writes raw bytes into a project made by `project`. */
function writeBytes(root: string, name: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), bytes);
}

/** Deterministic bytes that are not text: every byte value, NULs and invalid UTF-8 sequences included. */
function binaryBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 23;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Line endings and byte-order marks, in every check format

/** Each file and where its misspelt key is, as an editor would show it. */
const LINE_ENDING_FILES: Record<string, { text: string; line: number }> = {
  "src/crlf.ts": { text: `${IMPORT}\r\n// a comment\r\n${CHECK}\r\n`, line: 3 },
  "src/lone-cr.ts": { text: `${IMPORT}\r// a comment\r${CHECK}\r`, line: 3 },
  "src/mixed.ts": { text: `// one\r\n// two\r// three\n${IMPORT}\r\n${CHECK}\n`, line: 5 },
  "src/bom.ts": { text: `\uFEFF${CHECK} ${IMPORT}\n`, line: 1 },
  "src/bom-crlf.ts": { text: `\uFEFF${IMPORT}\r\n${CHECK}\r\n`, line: 2 },
};

const EXPECTED_PLACES = Object.entries(LINE_ENDING_FILES)
  .map(([file, { line }]) => `${file}:${line}:32-44`)
  .sort();

/** `file:line:col-endCol` of each no-unknown-flag finding, read back from each format. */
const PLACES_BY_FORMAT: Record<string, (stdout: string) => string[]> = {
  stylish(stdout) {
    const places: string[] = [];
    let file = "";
    for (const line of stdout.split("\n")) {
      if (/^\S/.test(line) && !line.startsWith("✖")) file = line.trim();
      const row = /^ {2}(\d+):(\d+) +error +.* no-unknown-flag$/.exec(line);
      // Stylish shows no end column: the key is 12 characters wide.
      if (row) places.push(`${file}:${row[1]}:${row[2]}-${Number(row[2]) + 12}`);
    }
    return places;
  },
  json(stdout) {
    return (JSON.parse(stdout) as JsonOutput).findings
      .filter((finding) => finding.rule === "no-unknown-flag")
      .map((finding) => `${finding.file}:${finding.line}:${finding.column}-${finding.endColumn}`);
  },
  sarif(stdout) {
    const log = JSON.parse(stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }> }>;
    };
    return log.runs[0]!.results
      .filter((result) => result.ruleId === "no-unknown-flag")
      .map(({ locations: [location] }) => {
        const { artifactLocation, region } = location!.physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endColumn}`;
      });
  },
  github(stdout) {
    return stdout
      .split("\n")
      .filter((line) => line.includes("title=flaglint/no-unknown-flag"))
      .map((line) => {
        const property = (name: string) => new RegExp(`[ ,]${name}=([^,:]*)`).exec(line)![1];
        return `${property("file")}:${property("line")}:${property("col")}-${property("endColumn")}`;
      });
  },
};

describe("CRLF, lone-CR and mixed line endings, and a UTF-8 byte-order mark", () => {
  it.each(Object.keys(PLACES_BY_FORMAT))("place a reference at its exact line and column in %s output", async (format) => {
    const files = Object.fromEntries(Object.entries(LINE_ENDING_FILES).map(([file, { text }]) => [file, text]));
    const root = project({ "feature-flags.yaml": REGISTRY, ...files });
    const run = await runFlaglint(["check", ...NOW, "-f", format], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(PLACES_BY_FORMAT[format]!(run.stdout).sort()).toEqual(EXPECTED_PLACES);
  });
});

// ---------------------------------------------------------------------------------------------
// Contents that are not ordinary source text

describe("odd file contents", () => {
  it("binary content with a .ts name: nothing found where no check can be; a parse-error where the text looks like one; the run goes on", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/search.ts": CLEAN });
    writeBytes(root, "src/video.ts", binaryBytes(64 * 1024));
    writeBytes(root, "src/mixed.ts", Buffer.concat([binaryBytes(2048), Buffer.from(`\n${IMPORT}\n${CHECK}\n`), binaryBytes(2048)]));

    const { output, stderr, status } = await checkJson(root);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(output.findings.map(({ rule, file, line, column }) => `${rule} ${file}:${line}:${column}`)).toEqual([
      expect.stringMatching(/^parse-error src\/mixed\.ts:\d+:\d+$/),
    ]);
    expect(output.references.map(({ flag, file }) => `${flag} ${file}`)).toEqual(["fast_search src/search.ts"]);
    expect(output.summary.files).toBe(3);
  });

  it("invalid UTF-8: read with replacement characters, the reference after it placed exactly", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY });
    writeBytes(root, "src/latin1.ts", Buffer.concat([Buffer.from(`${IMPORT}\n// caf`), Buffer.from([0xe9, 0xff, 0xfe, 0xc3, 0x28]), Buffer.from(`\n${CHECK}\n`)]));

    const { output, stderr } = await checkJson(root);
    expect(stderr).toBe("");
    expect(output.findings.map(({ rule, file, line, column }) => `${rule} ${file}:${line}:${column}`)).toEqual([
      "no-unused-flag feature-flags.yaml:9:3",
      "no-unknown-flag src/latin1.ts:3:32",
    ]);
  });

  it("an empty file: nothing to report, and it counts as a file", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/empty.ts": "", "src/search.ts": CLEAN });
    const { output, stderr, status } = await checkJson(root);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(output.findings).toEqual([]);
    expect(output.summary.files).toBe(2);
  });

  it("a 10,000-deep nested expression holding a flag check: a parse-error finding, and the other files are checked", async () => {
    const deep = `${IMPORT}\nexport const on = ${"(".repeat(10_000)}ff.isEnabled("fast_serch", {})${")".repeat(10_000)};\n`;
    const root = project({ "feature-flags.yaml": REGISTRY, "src/deep.ts": deep, "src/search.ts": CLEAN });
    const { output, stderr, status } = await checkJson(root);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(output.findings.map(({ rule, file, line, column, message }) => `${rule} ${file}:${line}:${column} ${message}`)).toEqual([
      expect.stringMatching(/^parse-error src\/deep\.ts:1:1 Parsing error: File is nested too deeply to analyse/),
    ]);
    expect(output.references.map(({ flag, file }) => `${flag} ${file}`)).toEqual(["fast_search src/search.ts"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Files too large to read

describe("a file over 5 MB", () => {
  /** A minified bundle that checks a flag: 7.2 MB. */
  function bundle(): string {
    const head = `${IMPORT}\n${CHECK}\n`;
    const size = Math.round(7.2 * 1024 * 1024);
    return `${head}// ${"x".repeat(size - head.length - 4)}\n`;
  }

  it("is skipped with a one-line notice on stderr, and the rest is checked", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/huge.ts": bundle(), "src/search.ts": CLEAN });
    const check = await runFlaglint(["check", ...NOW], { cwd: root });
    expect(check.stderr).toBe("flaglint: skipped src/huge.ts: 7.2 MB is over the 5 MB limit (--max-file-size)\n");
    expect(check.stdout).toBe("");
    expect(check.status).toBe(0);

    const report = await runFlaglint(["report", ...NOW, "--no-git", "-f", "json"], { cwd: root });
    expect(report.stderr).toBe("flaglint: skipped src/huge.ts: 7.2 MB is over the 5 MB limit (--max-file-size)\n");
    expect(JSON.parse(report.stdout).flags[0]).toMatchObject({ key: "fast_search", references: 1 });
  });

  it("is read under a higher --max-file-size, and a lower one skips more", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/huge.ts": bundle(), "src/search.ts": CLEAN });
    const { output, stderr } = await checkJson(root, "--max-file-size", "8");
    expect(stderr).toBe("");
    expect(output.findings.map(({ rule, file }) => `${rule} ${file}`)).toEqual(["no-unknown-flag src/huge.ts"]);

    const lower = await runFlaglint(["check", ...NOW, "--max-file-size", "0.0001"], { cwd: root });
    expect(lower.stderr.trimEnd().split("\n")).toEqual([
      "flaglint: skipped src/huge.ts: 7.2 MB is over the 0.0001 MB limit (--max-file-size)",
      "flaglint: skipped src/search.ts: 0.0 MB is over the 0.0001 MB limit (--max-file-size)",
    ]);
    expect((await runFlaglint(["check", ...NOW, "--max-file-size", "none"], { cwd: root })).status).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// The file system: symlinks, permissions, names

describe("the file system", () => {
  it("does not follow a symlink loop or symlinks that lead outside the scanned root", async () => {
    const outside = project({ "elsewhere.ts": `${IMPORT}\n${CHECK}\n`, "lib/more.ts": `${IMPORT}\n${CHECK}\n` });
    const root = project({ "feature-flags.yaml": REGISTRY, "src/search.ts": CLEAN });
    fs.symlinkSync(root, path.join(root, "src/loop"), "dir");
    fs.symlinkSync(path.join(root, "src"), path.join(root, "src/up"), "dir");
    fs.symlinkSync(path.join(outside, "lib"), path.join(root, "src/lib"), "dir");
    fs.symlinkSync(path.join(outside, "elsewhere.ts"), path.join(root, "src/elsewhere.ts"));
    fs.symlinkSync(path.join(root, "src/missing.ts"), path.join(root, "src/dangling.ts"));

    const { output, stderr, status } = await checkJson(root);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(output.findings).toEqual([]);
    expect(output.references.map(({ file }) => file)).toEqual(["src/search.ts"]);
    expect(output.summary.files).toBe(1);
  });

  it("an unreadable file (chmod 000) is a parse-error finding, 'cannot read the file', and the run goes on", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, "src/secret.ts": `${IMPORT}\n${CHECK}\n`, "src/search.ts": CLEAN });
    fs.chmodSync(path.join(root, "src/secret.ts"), 0o000);
    // Root ignores file modes: the CLI sees them as the files' unprivileged owner would.

    const run = flaglint(["check", ...NOW, "-f", "json"], { cwd: root, ...asFileOwner(root) });
    fs.chmodSync(path.join(root, "src/secret.ts"), 0o644);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.findings.map(({ rule, file, line, column, message }) => `${rule} ${file}:${line}:${column} ${message}`)).toEqual([
      "parse-error src/secret.ts:1:1 Cannot read the file: permission denied. Nothing in it was checked.",
    ]);
    expect(output.references.map(({ file }) => file)).toEqual(["src/search.ts"]);
  });

  const ODD_NAME = "src/dir with spaces/ünïcödé 文件 #1.ts";

  it("a path with spaces and non-ASCII characters is shown as it is in every format, percent-encoded in SARIF", async () => {
    const root = project({ "feature-flags.yaml": REGISTRY, [ODD_NAME]: `${IMPORT}\n${CHECK}\n` });
    const check = async (format: string) => (await runFlaglint(["check", ...NOW, "-f", format], { cwd: root })).stdout;
    const report = async (format: string) => (await runFlaglint(["report", ...NOW, "--no-git", "-f", format], { cwd: root })).stdout;

    expect((await check("stylish"))).toContain(`\n${ODD_NAME}\n  2:32  error  `);
    expect((JSON.parse((await check("json"))) as JsonOutput).findings.map(({ file }) => file)).toContain(ODD_NAME);
    expect((await check("github"))).toContain(`::error file=${ODD_NAME},line=2,col=32,`);
    const sarif = JSON.parse((await check("sarif"))) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(
      "src/dir%20with%20spaces/%C3%BCn%C3%AFc%C3%B6d%C3%A9%20%E6%96%87%E4%BB%B6%20%231.ts",
    );
    expect((await report("markdown"))).toContain(`<code>${ODD_NAME}:2</code>`);
    // The HTML report lets long paths break after each "/".
    expect((await report("html"))).toContain(`<code>${ODD_NAME.replace(/\//g, "/<wbr>")}:2</code>`);
    const flags = (JSON.parse((await report("json"))) as { flags: Array<{ locations: Located[] }> }).flags;
    expect(flags.flatMap((flag) => flag.locations.map(({ file }) => file))).toContain(ODD_NAME);
  });
});

