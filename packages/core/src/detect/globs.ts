// Globs over `/`-separated relative paths, as `files:` scopes and `ignore:` lists write them.
import path from "node:path";

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
  const relative = path.relative(dir, file).split(path.sep).join("/");
  if (relative.startsWith("../") || path.isAbsolute(relative)) return false;
  return globs.some((glob) => glob.test(relative));
}
