// `--cache` (metadata strategy): what each walk read of each folder, so that the next walk lists
// only the folders that changed (see WalkMemo in files.ts). Stored in the cache file as `walks`.
import fs from "node:fs";
import path from "node:path";
import { isRecord } from "../json-shape.js";
import { relativeTo } from "../paths.js";
import type { FolderRecord, WalkMemo } from "./files.js";

/**
 * A change made within this long before a folder was read may not have moved its mtime past the
 * one read (file systems keep times coarser than a millisecond, and clocks drift): such a record is
 * read again rather than replayed, until a run that writes the cache stores it anew.
 */
const SETTLE_MS = 2000;

/**
 * One folder's FolderRecord as the cache file holds it: short names, empty lists left out, and of
 * the names module resolution may ask about (`resolvable`) only those that are not kept sources
 * (`x`: ignored sources and manifests), since it lists every kept source (links apart, in `l`).
 */
export interface StoredFolder {
  s: string;
  t: number;
  g?: string;
  l?: string[];
  c?: string[];
  f?: string[];
  d?: string[];
  r?: string[];
  k?: string[];
  x?: string[];
}

/** One walk from one root: its folders by their path from the root (`""` the root itself). */
export interface StoredWalk {
  /** When the run that read the folders started (its clock). */
  startedAt: number;
  /** The folders above the root whose .gitignore applies, and their state (the walk's `ancestors`). */
  ancestors: string;
  folders: Record<string, StoredFolder>;
}

/** The walks of one run, and those of earlier runs from the roots it did not walk. */
export class WalkRecords {
  private readonly next = new Map<string, StoredWalk>();
  /** Whether this run's walks found anything the stored ones do not say. */
  private changed = false;
  private readonly memos = new Map<string, WalkMemo>();
  /** By root: how many of the earlier walk's folders this walk met. */
  private readonly matched = new Map<string, { count: number }>();

  constructor(
    private readonly earlier: Record<string, StoredWalk>,
    /** The cache's root: walks are stored by their root's path from it. */
    private readonly root: string,
    private readonly startedAt: number,
  ) {}

  /** The memo of the walk from `walkRoot`, whose ancestors' .gitignore files are in `ancestors` state. */
  memo(walkRoot: string, ancestors: string): WalkMemo {
    const name = relativeTo(this.root, walkRoot);
    const existing = this.memos.get(name);
    if (existing !== undefined) return existing;
    const stored = Object.hasOwn(this.earlier, name) ? this.earlier[name] : undefined;
    // Other .gitignore files above the root than when it was walked: any folder may keep other files.
    const earlier = stored?.ancestors === ancestors ? stored : undefined;
    if (earlier === undefined) this.changed = true;
    const walk: StoredWalk = { startedAt: this.startedAt, ancestors, folders: Object.create(null) as Record<string, StoredFolder> };
    this.next.set(name, walk);
    const matched = { count: 0 };
    this.matched.set(name, matched);
    const keyOf = (dir: string) => relativeTo(walkRoot, dir);
    const memo: WalkMemo = {
      earlier: (dir) => {
        const folder = earlier === undefined ? undefined : folderOf(earlier, keyOf(dir));
        if (folder === undefined) return undefined;
        return { record: recordOf(folder), replayable: folder.t < earlier!.startedAt - SETTLE_MS };
      },
      record: (dir, record) => {
        const key = keyOf(dir);
        if (Object.hasOwn(walk.folders, key)) return;
        const folder = storedOf(record);
        walk.folders[key] = folder;
        const before = earlier === undefined ? undefined : folderOf(earlier, key);
        if (before === undefined) {
          this.changed = true;
          return;
        }
        matched.count++;
        // A folder whose time alone moved (a file that is not a source came or went), or one read
        // again because its record was too recent to trust, is not worth a write (a run that finds
        // nothing changed leaves the cache file as it was): the stored record still says what it
        // holds, the folder is read again next time, and the next run that writes stores it anew.
        if (!sameContent(before, folder)) this.changed = true;
      },
      keep: (dir) => {
        const key = keyOf(dir);
        if (earlier === undefined || Object.hasOwn(walk.folders, key)) return;
        walk.folders[key] = earlier.folders[key]!;
        matched.count++;
      },
    };
    this.memos.set(name, memo);
    return memo;
  }

  /** Whether the cache file must be written for the walks' sake. */
  get dirty(): boolean {
    if (this.changed) return true;
    for (const [name, { count }] of this.matched) {
      const earlier = this.earlier[name];
      // A folder of the earlier walk this one did not meet: it is gone, or now ignored.
      if (earlier !== undefined && Object.keys(earlier.folders).length !== count) return true;
    }
    return false;
  }

  /** What the cache file keeps: this run's walks, and the earlier ones from roots that still exist. */
  stored(): Record<string, StoredWalk> {
    const walks = Object.create(null) as Record<string, StoredWalk>;
    for (const [name, walk] of Object.entries(this.earlier)) {
      if (!this.next.has(name) && fs.existsSync(path.resolve(this.root, name))) walks[name] = walk;
    }
    for (const [name, walk] of this.next) walks[name] = walk;
    return walks;
  }
}

/** A walk's record of one folder, if it has one shaped as this version writes it. */
function folderOf(walk: StoredWalk, key: string): StoredFolder | undefined {
  const folder = Object.hasOwn(walk.folders, key) ? walk.folders[key] : undefined;
  return isStoredFolder(folder) ? folder : undefined;
}

function recordOf(folder: StoredFolder): FolderRecord {
  return {
    state: folder.s,
    changedAt: folder.t,
    ...(folder.g === undefined ? {} : { gitignore: folder.g }),
    ...(folder.l === undefined ? {} : { links: folder.l }),
    ...(folder.c === undefined ? {} : { linkCandidates: folder.c }),
    sources: folder.f ?? [],
    subfolders: folder.d ?? [],
    registries: folder.r ?? [],
    keptRegistries: folder.k ?? [],
    resolvable: folder.f === undefined ? (folder.x ?? []) : folder.x === undefined ? folder.f : [...folder.f, ...folder.x],
  };
}

function storedOf(record: FolderRecord): StoredFolder {
  const folder: StoredFolder = { s: record.state, t: record.changedAt };
  if (record.gitignore !== undefined) folder.g = record.gitignore;
  if (record.links !== undefined && record.links.length > 0) folder.l = [...record.links];
  if (record.linkCandidates !== undefined && record.linkCandidates.length > 0) folder.c = [...record.linkCandidates];
  if (record.sources.length > 0) folder.f = [...record.sources];
  if (record.subfolders.length > 0) folder.d = [...record.subfolders];
  if (record.registries.length > 0) folder.r = [...record.registries];
  if (record.keptRegistries.length > 0) folder.k = [...record.keptRegistries];
  const sources = new Set(record.sources);
  const others = record.resolvable.filter((name) => !sources.has(name));
  if (others.length > 0) folder.x = others;
  return folder;
}

/** Whether two records say the same of what a folder holds, and of its .gitignore. */
function sameContent(a: StoredFolder, b: StoredFolder): boolean {
  return a.g === b.g && LIST_FIELDS.every((field) => sameList(a[field], b[field]));
}

/** The fields of a StoredFolder that are lists of names. */
const LIST_FIELDS = ["l", "c", "f", "d", "r", "k", "x"] as const;

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Walks shaped as this version stores them. Their folders' records are checked one by one as the
 * walk asks for them (a walk asks for every one): a record shaped otherwise is as none, and its
 * folder is read again.
 */
export function validWalks(walks: Record<string, unknown>): Record<string, StoredWalk> {
  const valid = Object.create(null) as Record<string, StoredWalk>;
  for (const [name, walk] of Object.entries(walks)) {
    if (!isRecord(walk) || typeof walk.startedAt !== "number" || typeof walk.ancestors !== "string" || !isRecord(walk.folders)) continue;
    valid[name] = walk as unknown as StoredWalk;
  }
  return valid;
}

function isStoredFolder(folder: unknown): folder is StoredFolder {
  if (!isRecord(folder) || typeof folder.s !== "string" || typeof folder.t !== "number") return false;
  if (folder.g !== undefined && typeof folder.g !== "string") return false;
  return LIST_FIELDS.every((field) => {
    const list = folder[field];
    return list === undefined || (Array.isArray(list) && list.every(isName));
  });
}

/** A name in a folder: not empty, no separator, not `.` or `..` (a replayed name is joined to its folder). */
function isName(name: unknown): boolean {
  return typeof name === "string" && name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\\");
}
