import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProject } from "./analyze.js";
import { scanFlagChecks } from "./scan.js";
import { walkProject, type WalkResult } from "./files.js";
import { validWalks, WalkRecords, type StoredWalk } from "./walk-memo.js";
import { ACME_REGISTRY } from "./__fixtures__/acme-registry.js";

// Records are replayed only when made well after their folder last changed: a clock far ahead of
// the files' times makes every record replayable, one at the epoch none.
const LATER = Date.parse("2100-01-01T00:00:00Z");
const EPOCH = 0;

const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-walk-memo-")));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) write(root, name, content);
  return root;
}

function write(root: string, name: string, content: string): void {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A walk of `paths` under `root` with the records of `earlier` (stored and read back, as the cache file does). */
function walk(root: string, earlier: Record<string, StoredWalk>, clock: number, paths: string[] = []): { result: WalkResult; records: WalkRecords } {
  const records = new WalkRecords(validWalks(JSON.parse(JSON.stringify(earlier)) as Record<string, unknown>), root, clock);
  const result = walkProject({ cwd: root, paths, memo: (walkRoot, ancestors) => records.memo(walkRoot, ancestors) });
  return { result, records };
}

function files(root: string, result: WalkResult): string[] {
  return result.files.map((file) => path.relative(root, file).split(path.sep).join("/"));
}

/** A walk's result with each folder's listing as sorted lists (a replayed listing is its own class). */
function plain(result: WalkResult): unknown {
  const listings = [...result.listings].map(([dir, listing]) => [dir, [...listing.files].sort(), [...listing.links].sort()]);
  return { ...result, listings };
}

/** What a walk without records finds. */
function onDisk(root: string, paths: string[] = []): string[] {
  return files(root, walkProject({ cwd: root, paths }));
}

/** The stored walks with the record of `folder` saying it holds `ghost.ts`, a file that is not there. */
function withGhost(stored: Record<string, StoredWalk>, folder: string, walkRoot = ""): Record<string, StoredWalk> {
  const copy = JSON.parse(JSON.stringify(stored)) as Record<string, StoredWalk>;
  const record = copy[walkRoot]!.folders[folder]!;
  record.f = [...(record.f ?? []), "ghost.ts"];
  return copy;
}

const PROJECT = {
  "feature-flags.yaml": "version: 1\nflags: {}\n",
  "src/a.ts": "export const a = 1;\n",
  "src/b.ts": "export const b = 1;\n",
  "src/deep/c.ts": "export const c = 1;\n",
  "lib/d.ts": "export const d = 1;\n",
};

describe("walk records (--cache)", () => {
  it("a second walk takes an unchanged folder's record instead of reading it, and finds what the first found", () => {
    const root = tree({ ...PROJECT, ".gitignore": "lib/ignored.ts\n", "lib/ignored.ts": "export const i = 1;\n", "lib/package.json": "{}\n" });
    const first = walk(root, {}, LATER);
    expect(files(root, first.result)).toEqual(onDisk(root));
    expect(first.records.dirty).toBe(true);
    const stored = first.records.stored();
    expect(Object.keys(stored[""]!.folders).sort()).toEqual(["", "lib", "src", "src/deep"]);
    // Module resolution's names: the kept sources once, the others (ignored, manifests) beside them.
    expect(stored[""]!.folders["lib"]!.f).toEqual(["d.ts"]);
    expect([...stored[""]!.folders["lib"]!.x!].sort()).toEqual(["ignored.ts", "package.json"]);

    const second = walk(root, stored, LATER);
    expect(plain(second.result)).toStrictEqual(plain(first.result));
    expect(second.records.dirty).toBe(false);
    // The record is what the second walk went by: one that names a file not there shows through.
    expect(files(root, walk(root, withGhost(stored, "src"), LATER).result)).toContain("src/ghost.ts");
  });

  it("reads again a folder where a file was added or removed, or a folder was made, and drops a folder that is gone", () => {
    const root = tree(PROJECT);
    const stored = walk(root, {}, LATER).records.stored();
    write(root, "src/new.ts", "export const n = 1;\n");
    fs.rmSync(path.join(root, "src/b.ts"));
    write(root, "src/deep/deeper/e.ts", "export const e = 1;\n");
    fs.rmSync(path.join(root, "lib"), { recursive: true });
    const second = walk(root, withGhost(withGhost(stored, "src"), "src/deep"), LATER);
    expect(files(root, second.result)).toEqual(onDisk(root));
    expect(files(root, second.result)).toEqual(["src/a.ts", "src/deep/c.ts", "src/deep/deeper/e.ts", "src/new.ts"]);
    expect(second.records.dirty).toBe(true);
    expect(Object.keys(second.records.stored()[""]!.folders).sort()).toEqual(["", "src", "src/deep", "src/deep/deeper"]);
  });

  it("honours a .gitignore edited in place, and a new one, in the folders below them", () => {
    const root = tree({ ...PROJECT, ".gitignore": "nothing-yet/\n" });
    let stored = walk(root, {}, LATER).records.stored();
    write(root, ".gitignore", "lib/\n");
    let next = walk(root, withGhost(stored, "src"), LATER);
    expect(files(root, next.result)).toEqual(onDisk(root));
    expect(files(root, next.result)).not.toContain("lib/d.ts");
    stored = next.records.stored();

    write(root, "src/.gitignore", "deep/\n");
    next = walk(root, withGhost(stored, "src/deep"), LATER);
    expect(files(root, next.result)).toEqual(["src/a.ts", "src/b.ts"]);
    stored = next.records.stored();

    fs.rmSync(path.join(root, "src/.gitignore"));
    expect(files(root, walk(root, stored, LATER).result)).toEqual(onDisk(root));
    expect(onDisk(root)).toContain("src/deep/c.ts");
  });

  it("replays nothing when a .gitignore above the walked folder changed", () => {
    const root = tree({ ...PROJECT, ".gitignore": "nothing-yet/\n" });
    fs.mkdirSync(path.join(root, ".git"));
    const stored = walk(root, {}, LATER, ["src"]).records.stored();
    expect(Object.keys(stored)).toEqual(["src"]);
    write(root, ".gitignore", "deep/\n");
    const next = walk(root, withGhost(stored, "", "src"), LATER, ["src"]);
    expect(files(root, next.result)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(next.records.dirty).toBe(true);
  });

  it("reads again a folder whose record was made within moments of its last change, and replays it once stored anew", () => {
    const root = tree(PROJECT);
    const hasty = walk(root, {}, EPOCH).records.stored();
    expect(files(root, walk(root, withGhost(hasty, "src"), LATER).result)).toEqual(onDisk(root));
    // Found as recorded: no reason to write the cache; a run that writes stores it as read now.
    const second = walk(root, hasty, LATER);
    expect(second.records.dirty).toBe(false);
    expect(files(root, walk(root, withGhost(second.records.stored(), "src"), LATER).result)).toContain("src/ghost.ts");
  });

  it("replays a folder holding symbolic links, and looks at each kept link's target again, since it changes without the folder", () => {
    const root = tree(PROJECT);
    fs.symlinkSync(path.join(root, "lib/d.ts"), path.join(root, "src/link.ts"));
    fs.symlinkSync(path.join(root, "lib"), path.join(root, "src/folder-link"));
    fs.symlinkSync(path.join(root, "README.md"), path.join(root, "src/notes.md"));
    const first = walk(root, {}, LATER);
    expect(files(root, first.result)).toContain("src/link.ts");
    const stored = first.records.stored();
    // Every link, for module resolution's listing; only the one named as a source is looked at again.
    expect(stored[""]!.folders["src"]).toMatchObject({ l: ["folder-link", "link.ts", "notes.md"].sort(), c: ["link.ts"] });
    expect(stored[""]!.folders["src"]!.f).not.toContain("link.ts");
    // Replayed (its record's ghost shows through), with the listing a read would give.
    const replayed = walk(root, withGhost(stored, "src"), LATER);
    expect(files(root, replayed.result)).toEqual([...onDisk(root), "src/ghost.ts"].sort());
    expect(plain(walk(root, stored, LATER).result)).toEqual(plain(walkProject({ cwd: root, paths: [] })));
    expect(walk(root, stored, LATER).records.dirty).toBe(false);
    // The target gone: the link is no longer a file inside the tree, though the folder did not change.
    const srcState = fs.statSync(path.join(root, "src"));
    fs.rmSync(path.join(root, "lib/d.ts"));
    expect(fs.statSync(path.join(root, "src")).mtimeMs).toBe(srcState.mtimeMs);
    const gone = files(root, walk(root, withGhost(stored, "src"), LATER).result);
    expect(gone).toContain("src/ghost.ts");
    expect(gone).not.toContain("src/link.ts");
    expect(files(root, walk(root, stored, LATER).result)).toEqual(onDisk(root));
    // Back, as a folder outside the tree (its target a folder now): not kept either; then a file again.
    fs.mkdirSync(path.join(root, "lib/d.ts"));
    expect(files(root, walk(root, stored, LATER).result)).toEqual(onDisk(root));
    fs.rmSync(path.join(root, "lib/d.ts"), { recursive: true });
    fs.writeFileSync(path.join(root, "lib/d.ts"), "export const d = 2;\n");
    expect(files(root, walk(root, withGhost(stored, "src"), LATER).result)).toEqual(expect.arrayContaining(["src/ghost.ts", "src/link.ts"]));
  });

  it("drops a record shaped otherwise (a name with a separator, a state that is not text) and reads its folder", () => {
    const root = tree(PROJECT);
    const stored = walk(root, {}, LATER).records.stored();
    const damaged = JSON.parse(JSON.stringify(stored)) as Record<string, Record<string, unknown> & { folders: Record<string, Record<string, unknown>> }>;
    damaged[""]!.folders["src"]!.f = ["../outside.ts"];
    damaged[""]!.folders["lib"]!.s = 42;
    damaged["elsewhere"] = { startedAt: "yesterday", ancestors: "", folders: {} };
    const valid = validWalks(damaged);
    expect(Object.keys(valid)).toEqual([""]);
    const next = walk(root, valid, LATER);
    expect(files(root, next.result)).toEqual(onDisk(root));
    expect(next.records.dirty).toBe(true);
  });

  it("keeps the walks of other roots while they exist", () => {
    const root = tree(PROJECT);
    const stored = walk(root, {}, LATER, ["src", "lib"]).records.stored();
    fs.rmSync(path.join(root, "lib"), { recursive: true });
    expect(Object.keys(walk(root, stored, LATER, ["src"]).records.stored()).sort()).toEqual(["src"]);
    expect(Object.keys(walk(root, stored, LATER, []).records.stored()).sort()).toEqual(["", "src"]);
  });
});

describe("--cache with the metadata strategy", () => {
  const checking = (key: string) => `import { flags } from "@acme/flags";\nexport const on = () => flags.isOn("${key}");\n`;

  it("gives the uncached result after files are added, removed and ignored, and writes nothing when nothing changed", () => {
    const root = tree({ "feature-flags.yaml": ACME_REGISTRY, "src/a.ts": checking("pricing"), "src/old/b.ts": checking("gone") });
    const location = path.join(root, "node_modules/.cache/flaglint.json");
    const run = () => analyzeProject({ cwd: root, paths: [], now: "2026-11-26", cache: { location, strategy: "metadata", version: "1.2.3", clock: () => LATER } });
    const uncached = () => analyzeProject({ cwd: root, paths: [], now: "2026-11-26" });
    expect(run()).toStrictEqual(uncached());
    const written = fs.statSync(location).mtimeMs;
    fs.utimesSync(location, new Date(0), new Date(0));
    expect(run()).toStrictEqual(uncached());
    expect(fs.statSync(location).mtimeMs).toBe(0);
    expect(written).toBeGreaterThan(0);

    write(root, "src/new/c.ts", checking("fresh"));
    write(root, ".gitignore", "old/\n");
    const after = run();
    expect(after).toStrictEqual(uncached());
    expect(after.references.map((reference) => reference.flag).sort()).toEqual(["fresh", "pricing"]);
  });

  it("gives flaglint init's scan the files added since the last run, through the same records", () => {
    const root = tree({ "src/a.ts": checking("pricing") });
    const location = path.join(root, "node_modules/.cache/flaglint.json");
    const detect = { sdks: [], calls: [{ module: "@acme/flags", import: "flags", method: "isOn", keyArg: 0 }], objects: [], constants: [], properties: [] };
    const scan = () =>
      scanFlagChecks({ cwd: root, paths: [], detect, dir: root, cache: { location, strategy: "metadata", version: "1.2.3", clock: () => LATER } });
    expect(scan().references.map((reference) => reference.flag)).toEqual(["pricing"]);
    expect(Object.keys((JSON.parse(fs.readFileSync(location, "utf8")) as { walks: Record<string, unknown> }).walks)).toEqual([""]);
    write(root, "src/new/b.ts", checking("fresh"));
    expect(scan().references.map((reference) => reference.flag)).toEqual(["pricing", "fresh"]);
  });

  it("stores no walk records with the content strategy, whose runs do not trust times", () => {
    const root = tree({ "feature-flags.yaml": ACME_REGISTRY, "src/a.ts": checking("pricing") });
    const location = path.join(root, "node_modules/.cache/flaglint.json");
    analyzeProject({ cwd: root, paths: [], now: "2026-11-26", cache: { location, strategy: "content", version: "1.2.3", clock: () => LATER } });
    expect(JSON.parse(fs.readFileSync(location, "utf8"))).not.toHaveProperty("walks");
  });
});
