// `files:` on a matcher: globs, relative to the registry's folder, that say which files it applies to.
import { firstLabelByName, searchTokens, type CompiledDetect } from "./config.js";
import { matchesGlobs } from "./globs.js";

export { globToRegExp, matchesGlobs } from "./globs.js";

/**
 * The matchers that apply to `file`: those without `files`, and those whose globs match it. With no
 * registry folder to be relative to, every matcher applies. `cache` (the AnalysisContext's, see
 * context.ts) keeps each narrowed config by the labels it leaves out.
 */
export function scopedTo(
  config: CompiledDetect,
  file: string,
  registryDir: string | undefined,
  cache: Map<string, CompiledDetect>,
): CompiledDetect {
  if (config.scoped.size === 0 || registryDir === undefined) return config;
  const outside = new Set<string>();
  for (const [label, globs] of config.scoped) {
    if (!matchesGlobs(globs, file, registryDir)) outside.add(label);
  }
  if (outside.size === 0) return config;
  const key = [...outside].join(" ");
  let scoped = cache.get(key);
  if (scoped === undefined) {
    scoped = without(config, outside);
    cache.set(key, scoped);
  }
  return scoped;
}

function without(config: CompiledDetect, labels: ReadonlySet<string>): CompiledDetect {
  const calls = config.calls.filter((call) => !labels.has(call.label));
  const objects = config.objects.filter((object) => !labels.has(object.label));
  // A name the first matcher of which is left out may still have another that applies.
  const keep = (named: ReadonlyArray<readonly [string, string]>) => firstLabelByName(named.filter(([, label]) => !labels.has(label)));
  // A token goes from the pre-filter when every matcher that spells it is left out (a JSX gate's stays).
  const candidates = config.candidates.filter((candidate) => candidate.labels.length === 0 || candidate.labels.some((label) => !labels.has(label)));
  return {
    ...config,
    ...searchTokens(candidates),
    candidates,
    calls,
    hasModuleCalls: calls.some(({ matcher }) => matcher.module !== undefined),
    objects,
    objectTails: new Set(objects.map(({ segments }) => segments[segments.length - 1] ?? "")),
    constants: keep(config.namedMatchers.constants),
    properties: keep(config.namedMatchers.properties),
  };
}
