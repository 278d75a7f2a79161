// `--shard K/N` and `merge`: one run split across machines, and the shards' results put back into
// the result one run on the whole tree gives. A shard checks its files; the registry-level rules
// (no-unused-flag, require-removal-ticket) and the flags' standings need every reference, so they
// wait for the merge, which recomputes them from the shards' references and the registries.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../clock.js";
import type { JsonReport } from "../json-document.js";
import type { Finding, FlagReference, ProjectResult, Shard, ShardInfo } from "../types.js";
import { isRecord } from "../json-shape.js";

/** `K/N` -> a Shard, or a UsageError that says what is expected. */
export function parseShard(text: string): Shard {
  const match = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index > total) throw new UsageError(`--shard ${text}: write K/N with 1 <= K <= N, like 2/3`);
  return { index, total };
}

/**
 * The files of shard `index` of `total`: the files in path order, cut into `total` runs of about
 * the same number of bytes. Deterministic (every machine lists the same files in the same order)
 * and balanced by size, since a file's cost is about its length; neighbours stay together, so the
 * cross-file index of a shard reads mostly its own package.
 */
export function shardFiles<T extends { file: string }>(items: readonly T[], shard: Shard, sizeOf: (file: string) => number): T[] {
  const ordered = [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Each file weighs at least one byte, so empty files are shared out too.
  const sizes = ordered.map((item) => Math.max(1, sizeOf(item.file)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const picked: T[] = [];
  let before = 0;
  ordered.forEach((item, position) => {
    // A file belongs to the shard its middle byte falls in.
    const middle = before + sizes[position]! / 2;
    before += sizes[position]!;
    const index = Math.min(shard.total, Math.floor((middle * shard.total) / total) + 1);
    if (index === shard.index) picked.push(item);
  });
  return picked;
}

export function fileSize(file: string): number {
  return fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

/** SHA-256 of a registry file's text; empty when it cannot be read. */
export function registryHash(file: string): string {
  try {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return "";
  }
}

/** A shard's result as read back from its `--format json` output, paths made absolute again. */
export interface ShardResult {
  /** Where it was read from, for messages. */
  source: string;
  result: ProjectResult;
  shard: ShardInfo;
}

/**
 * A `check`/`report --shard … --format json` document -> a ShardResult. Relative paths are taken
 * from `cwd`, the folder the shards ran in. Throws a UsageError on anything else.
 */
export function readShardResult(text: string, source: string, cwd: string): ShardResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not JSON (${(error as Error).message}) (hint: run the shards with --format json --output FILE)`);
  }
  const json = document as JsonShardDocument;
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.findings) || !Array.isArray(json.references) || !isRecord(json.summary)) {
    throw new UsageError(`${source}: not a flaglint JSON result (hint: run the shards with --format json --output FILE)`);
  }
  const info = json.shard;
  if (!isRecord(info) || typeof info.index !== "number" || typeof info.total !== "number" || !Array.isArray(info.registries)) {
    throw new UsageError(`${source}: a flaglint result without "shard" (hint: run it with --shard K/N)`);
  }
  const absolute = (file: string) => path.resolve(cwd, file);
  const findings = json.findings.map(
    (finding): Finding => ({
      rule: finding.rule,
      severity: finding.severity,
      flag: finding.flag,
      file: absolute(finding.file),
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      // The output formats print `message`; the id and data are not in the JSON.
      messageId: finding.rule,
      data: {},
      message: finding.message,
      ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
      ...(finding.registry !== undefined ? { registry: absolute(finding.registry) } : {}),
    }),
  );
  const references = json.references.map(
    (reference): FlagReference & { file: string } => ({
      flag: reference.flag,
      file: absolute(reference.file),
      line: reference.line,
      column: reference.column,
      endLine: reference.line,
      endColumn: reference.column,
      kind: reference.kind,
      matcher: reference.matcher,
      dynamic: reference.dynamic,
      context: reference.context,
      keyText: reference.flag === null ? "" : JSON.stringify(reference.flag),
      start: 0,
      end: 0,
      siteStart: 0,
      siteEnd: 0,
    }),
  );
  const shard: ShardInfo = {
    index: info.index,
    total: info.total,
    flaglint: String(info.flaglint),
    command: String(info.command),
    registries: info.registries.map((entry) => ({ path: absolute(entry.path), sha256: entry.sha256 })),
    partial: (info.partial ?? []).map(absolute),
    explicit: info.explicit === true,
    createdFromGit: info.createdFromGit === true,
    paths: (info.paths ?? []).map(String),
    unusedDirectives: (info.unusedDirectives ?? []).map((directive) => ({ file: absolute(directive.file), line: directive.line, rules: [...directive.rules] })),
  };
  const result: ProjectResult = {
    cwd,
    now: String(json.now),
    registries: (json.registries ?? []).map(absolute),
    findings,
    references,
    flags: [],
    summary: { ...json.summary },
    ...(json.skipped && json.skipped.length > 0 ? { skipped: json.skipped.map((entry) => ({ file: absolute(entry.file), bytes: entry.bytes })) } : {}),
  };
  return { source, result, shard };
}

/**
 * Checks that the shards belong together: the same version, day, command, registries (by content)
 * and number of shards, each shard once and none missing. Throws a UsageError naming the first
 * difference.
 */
export function checkShardsAgree(shards: readonly ShardResult[]): void {
  if (shards.length === 0) throw new UsageError("merge: give the shards' JSON results, like flaglint merge shard-1.json shard-2.json");
  const [first, ...rest] = shards;
  const pathsOf = (shard: ShardInfo) => shard.paths.join("\0");
  const registriesOf = (shard: ShardInfo) => shard.registries.map((entry) => `${entry.path}\0${entry.sha256}`).join("\n");
  for (const other of rest) {
    const differ = (what: string, a: string | number, b: string | number) =>
      new UsageError(`merge: ${other.source} and ${first!.source} come from different runs: ${what} ${b} vs ${a} (hint: merge the shards of one run)`);
    if (other.shard.flaglint !== first!.shard.flaglint) throw differ("flaglint", first!.shard.flaglint, other.shard.flaglint);
    if (other.result.now !== first!.result.now) throw differ("date", first!.result.now, other.result.now);
    if (other.shard.command !== first!.shard.command) throw differ("command", first!.shard.command, other.shard.command);
    if (other.shard.total !== first!.shard.total) throw differ("shard count", first!.shard.total, other.shard.total);
    if (pathsOf(other.shard) !== pathsOf(first!.shard)) throw differ("paths", first!.shard.paths.join(" ") || ".", other.shard.paths.join(" ") || ".");
    if (registriesOf(other.shard) !== registriesOf(first!.shard)) {
      throw new UsageError(
        `merge: ${other.source} and ${first!.source} were checked against different registries (content hash) (hint: run every shard on the same commit)`,
      );
    }
  }
  const seen = new Map<number, string>();
  for (const { shard, source } of shards) {
    const twice = seen.get(shard.index);
    if (twice !== undefined) throw new UsageError(`merge: ${source} and ${twice} are both shard ${shard.index}/${shard.total}`);
    seen.set(shard.index, source);
  }
  const total = first!.shard.total;
  const missing = Array.from({ length: total }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new UsageError(`merge: shard ${missing.map((index) => `${index}/${total}`).join(", ")} missing (hint: a flag checked only there would be reported unused)`);
  }
  for (const entry of first!.shard.registries) {
    if (registryHash(entry.path) !== entry.sha256) {
      throw new UsageError(`merge: ${entry.path} is not the registry the shards were checked against (hint: merge on the commit the shards ran on)`);
    }
  }
}

/** A shard's JSON document as read back: the SPEC §6 document, its `shard` not yet trusted. */
type JsonShardDocument = Omit<JsonReport, "shard" | "flags" | "registries"> & {
  registries?: string[];
  skipped?: Array<{ file: string; bytes: number }>;
  shard?: {
    index: number;
    total: number;
    flaglint: unknown;
    command: unknown;
    registries: Array<{ path: string; sha256: string }>;
    partial?: string[];
    explicit?: boolean;
    createdFromGit?: boolean;
    paths?: string[];
    unusedDirectives?: Array<{ file: string; line: number; rules: string[] }>;
  };
};
