// What key resolution asks of other modules: the interface of the cross-file index, apart from any
// implementation, so that keys.ts and the index (constants-index.ts, project/constants.ts) do not
// import each other.

/** A name another module exports, as one file reaches it. */
export interface ExternalName {
  /** The exported name; `"default"` for a default export. */
  name: string;
  /** The import specifier; `undefined` for a name no import declares (looked up by name project-wide). */
  specifier?: string;
  /** Absolute path of the file that imports it: relative specifiers resolve from there. */
  file: string;
}

/** Where an exported name is declared, after import aliases and re-exports. */
export interface Declaration {
  /** The declaring file; `undefined` when only the name is known (a package that does not resolve). */
  file: string | undefined;
  /** The name it is declared with in that file. */
  name: string;
}

export interface ConstantIndex {
  /** The string at `path` under an exported name (`Flags.nav.NEW` is Flags at ["nav", "NEW"]); `undefined` when not known. */
  resolve(external: ExternalName, path: readonly string[]): string | undefined;
  /** The declaration an imported name stands for; `undefined` when it cannot be followed. */
  origin(external: ExternalName): Declaration | undefined;
}

/**
 * One question a file's detection asked of other modules, with the answer it got: the file's
 * analysis depends on its text and on these answers alone, so a cached analysis still holds when
 * every question, asked again, gets the same answer. The asking file is the analysed file itself.
 */
export type Lookup =
  | { kind: "resolve"; name: string; specifier?: string; path: readonly string[]; value?: string }
  | { kind: "origin"; name: string; specifier?: string; declaration?: Declaration };
