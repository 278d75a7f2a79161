// What git knows and the registry may not: which files a branch changed, and when a flag first appeared.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { UsageError, utcDate } from "../clock.js";

/** The files `--changed-since` gives findings for. */
export interface ChangedFiles {
  /** The ref as the user wrote it. */
  ref: string;
  /** The commit the change is measured from: `git merge-base <ref> HEAD`. */
  mergeBase: string;
  /**
   * Absolute paths, spelled from the `cwd` the caller passed (not the real path git prints), so
   * they compare equal to the files a project walk finds. Deleted files are included.
   */
  files: ReadonlySet<string>;
}

/**
 * The files changed since the merge base of `ref` and HEAD: committed on this branch, staged,
 * unstaged, and untracked (but not ignored). Throws a one-line `UsageError` outside a git
 * repository, for an unknown ref, or when the two have no common history (a shallow clone).
 */
export function changedFilesSince(cwd: string, ref: string): ChangedFiles {
  const problem = (message: string) => new UsageError(`--changed-since ${ref}: ${message}`);
  // A ref that starts with "-" would be read by git as an option.
  if (ref === "" || ref.startsWith("-")) {
    throw problem("not a git ref (hint: name a branch, tag or commit, like origin/main)");
  }
  const inRepository = runGit(cwd, ["rev-parse", "--show-cdup"]);
  if (inRepository === undefined) throw problem("git is not installed or not on the PATH");
  if (inRepository.status !== 0) {
    throw problem("not inside a git repository (hint: run flaglint in a git checkout, or leave out --changed-since)");
  }
  const top = path.resolve(cwd, inRepository.stdout.trim());

  if (gitOk(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) === undefined) {
    throw problem(`unknown git ref (hint: ${unknownRefHint(top, ref)})`);
  }
  const mergeBase = gitOk(top, ["merge-base", ref, "HEAD"])?.trim();
  if (!mergeBase) {
    throw problem(
      "no common history with HEAD (hint: a shallow clone lacks it: git fetch --unshallow, or fetch-depth: 0 in actions/checkout)",
    );
  }

  const listings = [
    // Against the working tree: committed on this branch, staged and unstaged alike.
    ["diff", "--name-only", "-z", "--no-ext-diff", mergeBase],
    // Against the index too: a file staged and then changed back in the working tree still counts.
    ["diff", "--name-only", "-z", "--no-ext-diff", "--cached", mergeBase],
    ["ls-files", "--others", "--exclude-standard", "-z"],
  ];
  const files = new Set<string>();
  for (const args of listings) {
    const output = gitOk(top, args);
    if (output === undefined) throw problem(`git ${args[0]} failed`);
    for (const name of output.split("\0")) if (name) files.add(path.resolve(top, name));
  }
  return { ref, mergeBase, files };
}

function unknownRefHint(top: string, ref: string): string {
  const remotes = (gitOk(top, ["remote"]) ?? "").split("\n").filter(Boolean);
  const remote = remotes.find((name) => ref.startsWith(`${name}/`));
  if (remote) return `fetch it first: git fetch ${remote} ${ref.slice(remote.length + 1)}`;
  return "git branch -a lists the branches; a CI checkout may need fetch-depth: 0";
}

/**
 * The repository root: the nearest folder at or above `cwd` that holds `.git` (a folder, or a
 * file in a worktree or submodule); `cwd` itself outside a repository. No git process is started.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

export interface CreatedDatesInput {
  /** Absolute path of the registry file. It need not exist or be committed yet. */
  registry: string;
  /** The flag keys to date. */
  keys: Iterable<string>;
  /**
   * Absolute folders inside the registry's folder that another registry governs: checks there
   * belong to other flags of the same name, so they do not date this registry's flags.
   */
  excludeDirs?: readonly string[];
}

/**
 * When each flag first appeared, as a UTC `YYYY-MM-DD` commit date: the first commit that added
 * its key to the registry, or failing that the first that added a quoted key (`"key"`, `'key'`)
 * to code under the registry's folder. Keys git cannot date are left out; outside a git
 * repository, or without git, the map is empty. Nothing is cached: history moves between runs.
 */
export function inferCreatedDates(input: CreatedDatesInput): Map<string, string> {
  const wanted = new Set(input.keys);
  const dates = new Map<string, string>();
  if (wanted.size === 0) return dates;
  const dir = path.dirname(input.registry);

  // One pass over the registry's own history, parsed once, dates every key it ever listed.
  const registryLog = gitOk(dir, [...LOG_WITH_PATCHES, "--", path.basename(input.registry)]);
  if (registryLog === undefined) return dates;
  for (const [key, date] of firstAdditions(registryLog, registryKeysIn, wanted)) dates.set(key, date);

  const undated = [...wanted].filter((key) => !dates.has(key));
  const excluded = [path.basename(input.registry), ...(input.excludeDirs ?? []).map((other) => path.relative(dir, other))].map(
    (relative) => `:(exclude)${toPathspec(relative)}`,
  );
  for (let start = 0; start < undated.length; start += KEYS_PER_SEARCH) {
    const chunk = undated.slice(start, start + KEYS_PER_SEARCH);
    const alternatives = chunk.map(escapeRegExp).join("|");
    // -G keeps only commits (and files) whose added or removed lines name one of the keys quoted.
    const codeLog = gitOk(dir, [...LOG_WITH_PATCHES, `-G["'\`](${alternatives})["'\`]`, "--", ".", ...excluded]);
    if (codeLog === undefined) continue;
    const quoted = new RegExp(`["'\`](${alternatives})["'\`]`, "g");
    const keysIn = (line: string) => Array.from(line.matchAll(quoted), (match) => match[1]!);
    for (const [key, date] of firstAdditions(codeLog, keysIn, new Set(chunk))) dates.set(key, date);
  }
  return dates;
}

/** Oldest first, one `\0<committer time>` line per commit, then its patch, plain whatever the user's config says. */
const LOG_WITH_PATCHES = [
  "log",
  "--reverse",
  "--format=%x00%ct",
  "-p",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--no-show-signature",
];

/** Keys per `git log -G` call: the regular expression stays short, and the calls stay few. */
const KEYS_PER_SEARCH = 200;

/**
 * Reads `git log -p --reverse` output and returns, for each wanted key, the date of the first
 * commit with an added line that `keysIn` finds the key in.
 */
function firstAdditions(log: string, keysIn: (line: string) => Iterable<string>, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  let date: string | undefined;
  let inHunk = false;
  for (const line of log.split("\n")) {
    if (line.startsWith("\0")) {
      date = utcDate(new Date(Number(line.slice(1)) * 1000));
      inHunk = false;
    } else if (line.startsWith("diff --git ")) {
      inHunk = false;
    } else if (line.startsWith("@@")) {
      inHunk = true;
    } else if (inHunk && date !== undefined && line.startsWith("+")) {
      for (const key of keysIn(line.slice(1))) {
        if (wanted.has(key) && !found.has(key)) found.set(key, date);
      }
      if (found.size === wanted.size) break;
    }
  }
  return found;
}

/** The key a registry line introduces: `key:` or `"key":` in YAML, `"key": {` in JSON. */
function registryKeysIn(line: string): string[] {
  const match = /^\s*(?:"((?:[^"\\]|\\.)+)"|'([^']+)'|([^\s"'#][^:#]*?))\s*:(?:\s|$)/.exec(line);
  if (!match) return [];
  const quoted = match[1];
  if (quoted !== undefined) {
    try {
      return [JSON.parse(`"${quoted}"`) as string];
    } catch {
      return [quoted];
    }
  }
  return [match[2] ?? match[3]!];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function toPathspec(relative: string): string {
  return relative.split(path.sep).join("/");
}

interface GitRun {
  status: number;
  stdout: string;
}

/** Generous: a registry's or a big repository's patch history can run to many megabytes. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** Runs git without a shell; `undefined` when git cannot be started at all. */
function runGit(cwd: string, args: readonly string[]): GitRun | undefined {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error) return undefined;
  return { status: result.status ?? 1, stdout: result.stdout };
}

/** The output of a git command that succeeded, else `undefined`. */
function gitOk(cwd: string, args: readonly string[]): string | undefined {
  const result = runGit(cwd, args);
  return result?.status === 0 ? result.stdout : undefined;
}

/** The work tree's top folder as git prints it (a real path); `undefined` outside a repository or without git. */
export function gitTopLevel(cwd: string): string | undefined {
  return gitOk(cwd, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

/** Whether the repository is a shallow clone: its history stops short. */
export function isShallowRepository(top: string): boolean {
  return gitOk(top, ["rev-parse", "--is-shallow-repository"])?.trim() === "true";
}

export interface DatedCommit {
  commit: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** HEAD and its first parents, newest first: the line of commits a trunk was at, week by week. */
export function firstParentCommits(top: string): DatedCommit[] {
  const log = gitOk(top, ["log", "--first-parent", "--format=%H %ct", "--no-show-signature", "HEAD"]);
  if (log === undefined) return [];
  return log
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [commit, time] = line.split(" ");
      return { commit: commit!, time: Number(time) };
    });
}

export interface TreeFile {
  /** Relative to the repository root, with "/". */
  path: string;
  oid: string;
}

/** The regular files of a commit's tree (no symlinks, no submodules), read with `git ls-tree`. */
export function treeFiles(top: string, commit: string): TreeFile[] {
  const listing = gitOk(top, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  if (listing === undefined) return [];
  const files: TreeFile[] = [];
  for (const entry of listing.split("\0")) {
    // "<mode> <type> <oid>\t<path>"
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, oid] = entry.slice(0, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755")) files.push({ path: entry.slice(tab + 1), oid: oid! });
  }
  return files;
}

/** The contents of many blobs from one `git cat-file --batch` process. */
export function readBlobs(top: string, oids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const result = spawnSync("git", ["cat-file", "--batch"], {
    cwd: top,
    input: `${oids.join("\n")}\n`,
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (result.error || result.status !== 0) return blobs;
  const output = result.stdout;
  let offset = 0;
  while (offset < output.length) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) break;
    // "<oid> blob <size>", or "<oid> missing"
    const [oid, type, size] = output.subarray(offset, end).toString("utf8").split(" ");
    offset = end + 1;
    if (type === undefined || size === undefined) continue;
    const length = Number(size);
    if (type === "blob") blobs.set(oid!, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}
