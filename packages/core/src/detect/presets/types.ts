// The shape of an SDK preset: which packages it belongs to, and what the values they hand out do.
// Presets are data; `values.ts` follows those values through a file and `matcher.ts` finds the checks.
import type { KeyCase } from "../../types.js";

/** A call that reads a flag: where its key and its evaluation context are. */
export interface Evaluation {
  /** Index of the argument that holds the key (or the options object / list that does). */
  readonly key: number;
  /**
   * Index of the argument that carries the evaluation context (the user); `true` or `false` when
   * the value was bound to a user or to none before the call (a scoped client, environment flags);
   * `null` when the SDK keeps the context globally, as client-side SDKs do.
   */
  readonly context: number | boolean | null;
  /** The key is this property of the argument object: Split's `useTreatment({ name: "x" })`. */
  readonly property?: string;
  /** The argument (or property) is a list of keys: Flagsmith's `useFlags(["a", "b"])`. */
  readonly list?: boolean;
  /** A React hook: references are of kind `hook`. */
  readonly hook?: boolean;
  /**
   * The same method with a client-side signature `(key, attributes?)`, used when the call's
   * arguments show it (one argument, attributes as second, or a key list first): Split's
   * `getTreatment(userKey, "flag")` on a server and `getTreatment("flag")` in a browser.
   */
  readonly clientSide?: Evaluation;
}

/** What a value of one kind (a client, a factory, a hook…) does. Names refer to `SdkPreset.kinds`. */
export interface ValueKind {
  /** Calling the value: a flag check, or the kind of what the call returns. */
  readonly call?: Evaluation | string;
  /** `new Value(…)` returns this kind. */
  readonly construct?: string;
  /** Methods: a flag check, or the kind of what the call returns. */
  readonly methods?: Readonly<Record<string, Evaluation | string>>;
  /** Properties that hold another kind of value. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Every other property read names a flag (LaunchDarkly's `useFlags()` object). */
  readonly flagSet?: { readonly keyCase: KeyCase; readonly hook: boolean };
  /** A component that renders by a flag named in one of its props: `<IfFeatureEnabled feature="x">`. */
  readonly gate?: { readonly attribute: string; readonly list?: boolean };
}

/** One package of an SDK and the names it exports. */
export interface SdkPackage {
  /** Import specifier, matched exactly (a subpath only when listed, or with `subpaths`). */
  readonly module: string;
  /** Every subpath of the package exports the same names (`@configcat/sdk/browser`). */
  readonly subpaths?: boolean;
  /**
   * Exported values -> kind. A default import of a package without a `default` entry is the
   * whole module, as with CommonJS under `esModuleInterop`.
   */
  readonly exports: Readonly<Record<string, string>>;
  /** Exported types -> kind of a value so typed: `constructor(private client: LDClient)`. */
  readonly types?: Readonly<Record<string, string>>;
}

export interface SdkPreset {
  /** The `detect.sdks` name; references say `matcher: "sdk:<name>"`. */
  readonly name: string;
  /** Texts every file using the preset contains (short forms of its package names), for the pre-filter. */
  readonly tokens: readonly string[];
  readonly packages: readonly SdkPackage[];
  /** Global type names (`SplitIO.IClient`) -> kind, trusted only in files that import the SDK. */
  readonly globalTypes?: Readonly<Record<string, string>>;
  readonly kinds: Readonly<Record<string, ValueKind>>;
}

/** The same evaluation for several methods. */
export function sameCheck(methods: readonly string[], evaluation: Evaluation): Record<string, Evaluation> {
  return Object.fromEntries(methods.map((method) => [method, evaluation]));
}

/** A React hook whose first argument is the key; the provider carries the context. */
export const HOOK_CHECK: Evaluation = Object.freeze({ key: 0, context: null, hook: true });
