// `files:` on a matcher: globs, relative to the registry's folder, that say which files it applies to.
import path from "node:path";
import type { CompiledDetect } from "./config.js";

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

const scopedCache = new WeakMap<CompiledDetect, Map<string, CompiledDetect>>();

/**
 * The matchers that apply to `file`: those without `files`, and those whose globs match it. With no
 * registry folder to be relative to, every matcher applies.
 */
export function scopeToFile(config: CompiledDetect, file: string, registryDir: string | undefined): CompiledDetect {
  if (config.scoped.size === 0 || registryDir === undefined) return config;
  const outside = new Set<string>();
  for (const [label, globs] of config.scoped) {
    if (!matchesGlobs(globs, file, registryDir)) outside.add(label);
  }
  if (outside.size === 0) return config;
  const key = [...outside].join(" ");
  let byOutside = scopedCache.get(config);
  if (byOutside === undefined) scopedCache.set(config, (byOutside = new Map()));
  let scoped = byOutside.get(key);
  if (scoped === undefined) {
    scoped = without(config, outside);
    byOutside.set(key, scoped);
  }
  return scoped;
}

function without(config: CompiledDetect, labels: ReadonlySet<string>): CompiledDetect {
  const calls = config.calls.filter((call) => !labels.has(call.label));
  const objects = config.objects.filter((object) => !labels.has(object.label));
  const keep = (map: ReadonlyMap<string, string>) => new Map([...map].filter(([, label]) => !labels.has(label)));
  return {
    ...config,
    calls,
    hasModuleCalls: calls.some(({ matcher }) => matcher.module !== undefined),
    objects,
    objectTails: new Set(objects.map(({ segments }) => segments[segments.length - 1] ?? "")),
    constants: keep(config.constants),
    properties: keep(config.properties),
  };
}
