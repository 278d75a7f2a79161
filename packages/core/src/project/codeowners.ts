// Owners from a CODEOWNERS file (GitHub and GitLab syntax): a flag the registry gives no owner
// belongs to whoever owns the files that check it.
import fs from "node:fs";
import path from "node:path";
import type { FlagSummary, ProjectNote, ProjectResult } from "../types.js";
import { isWithin } from "../paths.js";
import { repositoryRoot } from "./git.js";

/** Where GitHub and GitLab look for the file, relative to the repository root; the first one found is used. */
export const CODEOWNERS_LOCATIONS = ["CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS"] as const;

export interface CodeOwnersRule {
  pattern: string;
  owners: string[];
  line: number;
  matches: (file: string) => boolean;
}

export interface CodeOwners {
  /** Absolute path of the file read. */
  file: string;
  rules: CodeOwnersRule[];
  /** Lines that do not parse, each with the file and line; they are left out. */
  notes: ProjectNote[];
}

/** An owner as both hosts write one: `@user`, `@org/team`, `@group/subgroup`, or an email address. */
const OWNER = /^(@[\w.-]+(\/[\w.-]+)*|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
/** A GitLab section header: `[Section]`, `^[Optional]`, `[Section][2]`, with default owners after it. */
const SECTION = /^\^?\[([^\]]+)\](\[\d+\])?(\s+.*)?$/;

/** Parses CODEOWNERS text; `file` (absolute) names it in notes. */
export function parseCodeOwners(text: string, file: string): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const notes: ProjectNote[] = [];
  let sectionOwners: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw).trim();
    if (content === "") return;
    const note = (message: string) => notes.push({ file, line, message: `${message}; the line is ignored` });
    const section = SECTION.exec(content);
    if (section) {
      const owners = (section[3] ?? "").trim().split(/\s+/).filter(Boolean);
      const bad = owners.find((owner) => !OWNER.test(owner));
      if (bad !== undefined) return note(`"${bad}" is not an owner (write @user, @org/team or an email address)`);
      sectionOwners = owners;
      return;
    }
    const [pattern, ...owners] = splitFields(content);
    const bad = owners.find((owner) => !OWNER.test(owner));
    if (bad !== undefined) return note(`"${bad}" is not an owner (write @user, @org/team or an email address)`);
    const problem = patternProblem(pattern!);
    if (problem !== undefined) return note(problem);
    rules.push({ pattern: pattern!, owners: owners.length > 0 ? owners : sectionOwners, line, matches: compilePattern(pattern!) });
  });
  return { file, rules, notes };
}

/** The first CODEOWNERS file under `root` in CODEOWNERS_LOCATIONS order, parsed; `undefined` when there is none. */
export function loadCodeOwners(root: string): CodeOwners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    const file = path.join(root, location);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    return parseCodeOwners(text, file);
  }
  return undefined;
}

/** The owners of a file (relative to the root, with "/"): the last matching rule wins; none when no rule matches. */
export function ownersOf(codeOwners: CodeOwners, file: string): string[] {
  for (let index = codeOwners.rules.length - 1; index >= 0; index--) {
    const rule = codeOwners.rules[index]!;
    if (rule.matches(file)) return rule.owners;
  }
  return [];
}

/**
 * The result with owners from CODEOWNERS for the flags the registry gives none: the owners of
 * the files that check the flag, the most frequent first. Every flag with an owner is marked
 * `ownerSource`; CODEOWNERS lines that do not parse become notes. The result is not changed.
 */
export function withCodeOwners(result: ProjectResult, root: string = repositoryRoot(result.cwd)): ProjectResult {
  const marked = result.flags.map((flag): FlagSummary => (hasOwner(flag) ? { ...flag, ownerSource: flag.ownerSource ?? "registry" } : flag));
  const codeOwners = loadCodeOwners(root);
  if (codeOwners === undefined) return { ...result, flags: marked };

  const registryOf = governingRegistry(result.registries);
  const fileOwners = new Map<string, string[]>();
  const ownersOfFile = (file: string) => {
    let owners = fileOwners.get(file);
    if (owners === undefined) {
      owners = ownersOf(codeOwners, path.relative(root, file).split(path.sep).join("/"));
      fileOwners.set(file, owners);
    }
    return owners;
  };
  const flags = marked.map((flag) => {
    if (hasOwner(flag) || flag.references === 0) return flag;
    const counts = new Map<string, number>();
    for (const reference of result.references) {
      if (reference.flag !== flag.key || (flag.registry !== undefined && registryOf(reference.file) !== flag.registry)) continue;
      for (const owner of ownersOfFile(reference.file)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    if (counts.size === 0) return flag;
    const owners = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([owner]) => owner);
    return { ...flag, owner: owners.join(" "), ownerSource: "codeowners" as const };
  });
  return { ...result, flags, notes: [...(result.notes ?? []), ...codeOwners.notes] };
}

function hasOwner(flag: FlagSummary): boolean {
  return flag.owner !== undefined && flag.owner.trim() !== "";
}

/** The registry (of those given) nearest above a file: the one that governs it, as in the run. */
function governingRegistry(registries: readonly string[]): (file: string) => string | undefined {
  if (registries.length === 1) return () => registries[0];
  const byDepth = [...registries].sort((a, b) => path.dirname(b).length - path.dirname(a).length);
  return (file) => byDepth.find((registry) => isWithin(file, path.dirname(registry)));
}

/** A `#` starts a comment at the line's start or after a space; `\#` is a literal `#`. */
function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line.replace(/\\#/g, "\0\0"));
  return match ? line.slice(0, match.index) : line;
}

/** Fields split on unescaped whitespace (`\ ` keeps a space in a pattern). */
function splitFields(content: string): string[] {
  return content
    .replace(/\\ /g, "\0")
    .split(/\s+/)
    .map((field) => field.replace(/\0/g, " ").replace(/\\#/g, "#"));
}

const MAX_WILDCARDS = 16;

function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith("!")) return `"${pattern}": negated patterns are not supported in CODEOWNERS`;
  if (/[[\]]/.test(pattern)) return `"${pattern}": character ranges [ ] are not supported in CODEOWNERS`;
  if (pattern.startsWith("@")) return `"${pattern}" looks like an owner where the file pattern should be`;
  // Each wildcard can make matching backtrack further; real patterns use a handful.
  if ((pattern.match(/\*+|\?/g) ?? []).length > MAX_WILDCARDS) return `"${pattern.slice(0, 40)}…": more than ${MAX_WILDCARDS} wildcards`;
  return undefined;
}

/**
 * gitignore-style matching, as CODEOWNERS uses it: a leading or inner `/` anchors the pattern to
 * the root, otherwise it matches at any depth; a match on a folder covers everything below it,
 * except `dir/*`, which covers only the folder's own files.
 */
function compilePattern(pattern: string): (file: string) => boolean {
  let body = pattern;
  const dirOnly = body.endsWith("/");
  if (dirOnly) body = body.slice(0, -1);
  const anchored = body.startsWith("/") || body.includes("/");
  // Repeated `**/` match what one does; collapsed, a hostile pattern cannot make the expression backtrack for long.
  body = body.replace(/^\/+/, "").replace(/(\*\*\/)+/g, "**/").replace(/\*{3,}/g, "**");
  const shallow = body.endsWith("/*");
  let source = "";
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (body.startsWith("**/", index)) {
      source += "(?:.*/)?";
      index += 2;
    } else if (body.startsWith("/**", index) && index + 3 === body.length) {
      source += "(?:/.*)?";
      index += 2;
    } else if (body.startsWith("**", index)) {
      source += ".*";
      index += 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  const prefix = anchored || body === "" ? "^" : "^(?:.*/)?";
  const suffix = dirOnly ? "/.*$" : shallow ? "$" : "(?:/.*)?$";
  const expression = new RegExp(body === "" ? "^.*$" : `${prefix}${source}${suffix}`);
  return (file) => expression.test(file);
}
