// `--changed-since`: a whole-project result narrowed to what a branch changed.
import type { ProjectResult } from "../types.js";
import type { ChangedFiles } from "./git.js";
import type { RegistrySet } from "./registries.js";
import { touchedFlags } from "./touched.js";

/**
 * `--changed-since`: keeps what the change touches. Findings in changed files; a registry's own
 * findings (require-removal-ticket, no-unused-flag) only for the flags the change touched (see
 * touchedFlags): old debt is not the pull request's. The references in changed files; the flags
 * those references check and the touched ones. The error and warning counts follow; `files` and
 * `parsed` still count the whole scan.
 */
export function narrowToChange(result: ProjectResult, changedFiles: ChangedFiles, registries: RegistrySet, cwd: string): ProjectResult {
  const changed = changedFiles.files;
  const references = result.references.filter((reference) => changed.has(reference.file));
  const registryPaths = new Set(registries.all().map((registry) => registry.path));
  const touched = touchedFlags({
    cwd,
    changed: changedFiles,
    registries: registries.all(),
    checkedInChanges: references.flatMap((reference) => {
      const registry = registries.forFile(reference.file)?.path;
      return registry && reference.flag !== null ? [{ registry, flag: reference.flag }] : [];
    }),
    registryOf: (file) => registries.pathFor(file),
  });
  const isTouched = (registry: string | undefined, flag: string | null) => touched.has(`${registry ?? ""}\0${flag ?? ""}`);
  const findings = result.findings.filter((finding) =>
    registryPaths.has(finding.file) ? isTouched(finding.file, finding.flag) : changed.has(finding.file),
  );
  const flags = result.flags.filter((flag) => isTouched(flag.registry, flag.key));
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const unusedDirectives = result.unusedDirectives?.filter((directive) => changed.has(directive.file));
  return {
    ...result,
    findings,
    references,
    flags,
    ...(unusedDirectives?.length ? { unusedDirectives } : { unusedDirectives: undefined }),
    summary: { ...result.summary, references: references.length, errors, warnings: findings.length - errors },
  };
}
