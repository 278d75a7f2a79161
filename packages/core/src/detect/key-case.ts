// Maps a property name read in code (`newCheckoutV2`) to the registry key it stands for
// (`new_checkout_v2`), for objects whose properties are registry keys in another case.
import type { FlagReference, KeyCase } from "../types.js";

// Words of a key: `new_checkout_v2` -> new, checkout, v2; `HTTPServer` -> HTTP, Server.
const WORD = /[A-Z]+\d*(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+/g;

/** `key` written in `keyCase`, the way SDKs (LaunchDarkly's camelCase, for one) rename keys. */
export function toKeyCase(key: string, keyCase: KeyCase): string {
  if (keyCase === "exact") return key;
  const words = (key.match(WORD) ?? []).map((word) => word.toLowerCase());
  switch (keyCase) {
    case "camel":
      return words.map((word, index) => (index === 0 ? word : capitalize(word))).join("");
    case "pascal":
      return words.map(capitalize).join("");
    case "snake":
      return words.join("_");
    case "kebab":
      return words.join("-");
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// Two registry keys with the same spelling in the code's case: the code name says neither.
const AMBIGUOUS = Symbol("ambiguous");
export type KeysByCodeName = Map<string, string | typeof AMBIGUOUS>;

/**
 * The registry key `name` stands for under `keyCase`: itself when the registry lists it, the one key
 * whose `keyCase` spelling it is, or `name` unchanged when no key (or more than one) fits.
 */
export function registryKeyFor(name: string, keyCase: KeyCase, registryKeys: ReadonlySet<string> | undefined): string {
  if (keyCase === "exact" || registryKeys === undefined || registryKeys.has(name)) return name;
  // An AnalysisContext (context.ts) keeps this map per registry; a call on its own builds it.
  const key = keysByCodeName(registryKeys, keyCase).get(name);
  return typeof key === "string" ? key : name;
}

/** Each registry key by its spelling under `keyCase`, or AMBIGUOUS when two keys spell the same. */
export function keysByCodeName(registryKeys: ReadonlySet<string>, keyCase: KeyCase): KeysByCodeName {
  const map: KeysByCodeName = new Map();
  for (const key of registryKeys) {
    const codeName = toKeyCase(key, keyCase);
    const known = map.get(codeName);
    map.set(codeName, known === undefined || known === key ? key : AMBIGUOUS);
  }
  return map;
}

/**
 * With no registry to map names yet, `useFlags().betaDashboard` (LaunchDarkly's camelCased keys)
 * is known only by its code name. When exactly one other key found in the code camelCases to it
 * (`beta-dashboard`), it is that flag, not a second one: its checks join that key's, in place.
 */
export function mergeCamelCasedReads<T extends Pick<FlagReference, "kind">>(byKey: Map<string, T[]>): void {
  for (const [name, checks] of [...byKey]) {
    // Calls name their key as written; only property reads (hook results, flag objects) are camelCased.
    if (checks.some((check) => check.kind === "call")) continue;
    const matches = [...byKey.keys()].filter((key) => key !== name && toKeyCase(key, "camel") === name);
    if (matches.length !== 1) continue;
    const key = matches[0]!;
    byKey.set(key, [...byKey.get(key)!, ...checks]);
    byKey.delete(name);
  }
}
