// Globs over `/`-separated relative paths, as `files:` scopes and `ignore:` lists write them.
import path from "node:path";
import ignore from "ignore";
import { relativeTo } from "../paths.js";

/**
 * A glob as a regular expression over a `/`-separated relative path: `*` and `?` stay within one
 * name, `**` crosses folders (`a/**` matches everything under `a`), `{a,b}` is either.
 */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  let braces = 0;
  const text = glob.replace(/^\.\//, "").replace(/\/$/, "/**");
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === "*" && text[index + 1] === "*") {
      const slashAfter = text[index + 2] === "/";
      // `**/` may match no folder at all; a trailing `**` anything below.
      source += slashAfter ? "(?:[^/]*(?:/|$))*" : ".*";
      index += slashAfter ? 2 : 1;
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "{") {
      braces++;
      source += "(?:";
    } else if (char === "}" && braces > 0) {
      braces--;
      source += ")";
    } else if (char === "," && braces > 0) {
      source += "|";
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}${")".repeat(braces)}$`);
}

/** Whether `file` (absolute) is one the globs name, relative to `dir`; a file outside `dir` is not. */
export function matchesGlobs(globs: readonly RegExp[], file: string, dir: string): boolean {
  const relative = relativeTo(dir, file);
  if (relative.startsWith("../") || path.isAbsolute(relative)) return false;
  return globs.some((glob) => glob.test(relative));
}

// The matcher of a registry's `ignore:` list (gitignore syntax, relative to the registry's folder).
// A run asks it about every file it walks. `flaglint init` writes paths and folders (`src/a.test.ts`,
// `src/test/**`), which a set answers in a few look-ups; any other pattern, and the whole list goes
// to the `ignore` package, which implements all of gitignore.
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
