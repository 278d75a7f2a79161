// The matcher of a registry's `ignore:` globs (gitignore syntax, relative to the registry's folder).
// A run asks it about every file it walks. `flaglint init` writes paths and folders (`src/a.test.ts`,
// `src/test/**`), which a set answers in a few look-ups; any other pattern, and the whole list goes
// to the `ignore` package, which implements all of gitignore.
import ignore from "ignore";

export interface IgnoreMatcher {
  /** Whether the path (relative to the registry's folder, `/` between names) is left out. */
  ignores(relative: string): boolean;
}

export function ignoreMatcher(patterns: readonly string[]): IgnoreMatcher {
  return plainMatcher(patterns) ?? ignore().add([...patterns]);
}

/** Neither a wildcard, a negation, an escape, a comment nor trailing spaces. */
const PLAIN = /^[^*?[\]\\!#]+$/;

/**
 * The matcher for patterns that each name one path from the registry's folder (`a/b.ts`, `/a`,
 * `a/b/**`, `a/b/`), or undefined when one does not. In gitignore, a slash at the start or in the
 * middle anchors a pattern to its folder; `x/**` is everything below `x`; `a/b` is also a folder,
 * with everything below it.
 */
function plainMatcher(patterns: readonly string[]): IgnoreMatcher | undefined {
  const selfOrBelow = new Set<string>();
  const below = new Set<string>();
  for (const pattern of patterns) {
    const everythingBelow = pattern.endsWith("/**");
    const folder = everythingBelow || pattern.endsWith("/");
    const body = everythingBelow ? pattern.slice(0, -3) : folder ? pattern.slice(0, -1) : pattern;
    if (!PLAIN.test(body) || body.trim() !== body) return undefined;
    // `a/` alone is any folder `a` at any depth: not one path.
    if (!everythingBelow && !body.includes("/")) return undefined;
    const name = body.startsWith("/") ? body.slice(1) : body;
    if (name === "" || name.split("/").some((part) => part === "" || part === "." || part === "..")) return undefined;
    (folder ? below : selfOrBelow).add(name);
  }
  return {
    ignores(relative) {
      if (selfOrBelow.has(relative)) return true;
      for (let slash = relative.indexOf("/"); slash !== -1; slash = relative.indexOf("/", slash + 1)) {
        const folder = relative.slice(0, slash);
        if (selfOrBelow.has(folder) || below.has(folder)) return true;
      }
      return false;
    },
  };
}
