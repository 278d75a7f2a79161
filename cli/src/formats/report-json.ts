// The SPEC §6 JSON document, shared by `check --format json` and `report --format json`.
import type { FlagReference, FlagSummary, Finding, JsonFinding, JsonFlag, JsonReference, JsonReport, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";

export type { JsonFinding, JsonFlag, JsonReference, JsonReport } from "@flaglint/core";

export function toJson(result: ProjectResult, options: Pick<FormatOptions, "cwd">): JsonReport {
  const relative = (file: string) => relativePath(file, options.cwd);
  return {
    version: 1,
    now: result.now,
    registries: result.registries.map(relative),
    findings: result.findings.map((finding) => jsonFinding(finding, relative)),
    references: result.references.map((reference) => jsonReference(reference, relative)),
    flags: result.flags.map((flag) => jsonFlag(flag, relative)),
    summary: { ...result.summary },
    ...(result.history ? { history: result.history.map((point) => ({ ...point, states: { ...point.states } })) } : {}),
    ...(result.notes && result.notes.length > 0
      ? { notes: result.notes.map((note) => ({ ...note, ...(note.file === undefined ? {} : { file: relative(note.file) }) })) }
      : {}),
    ...(result.shard
      ? {
          shard: {
            ...result.shard,
            registries: result.shard.registries.map((entry) => ({ path: relative(entry.path), sha256: entry.sha256 })),
            partial: result.shard.partial.map(relative),
            unusedDirectives: result.shard.unusedDirectives.map((directive) => ({ ...directive, file: relative(directive.file) })),
          },
        }
      : {}),
  };
}

export function formatJson(result: ProjectResult, options: FormatOptions): string {
  return `${JSON.stringify(toJson(result, options), null, 2)}\n`;
}

type Relative = (file: string) => string;

function jsonFinding(finding: Finding, relative: Relative): JsonFinding {
  const { rule, severity, flag, line, column, endLine, endColumn, message, suggestion } = finding;
  const json: JsonFinding = { rule, severity, flag, file: relative(finding.file), line, column, endLine, endColumn, message };
  if (suggestion !== undefined) json.suggestion = suggestion;
  if (finding.registry !== undefined) json.registry = relative(finding.registry);
  return json;
}

function jsonReference(reference: FlagReference & { file: string }, relative: Relative): JsonReference {
  const { flag, line, column, kind, matcher, dynamic, context } = reference;
  return { flag, file: relative(reference.file), line, column, kind, matcher, dynamic, context };
}

// Missing registry fields are `null`, not absent, so scripts can rely on every key being there.
function jsonFlag(flag: FlagSummary, relative: Relative): JsonFlag {
  return {
    key: flag.key,
    type: flag.type ?? null,
    owner: flag.owner ?? null,
    ownerSource: flag.owner?.trim() ? (flag.ownerSource ?? "registry") : null,
    created: flag.created ?? null,
    removeBy: flag.removeBy ?? null,
    ticket: flag.ticket ?? null,
    state: flag.state,
    daysLeft: flag.daysLeft,
    references: flag.references,
    known: flag.known,
    ...(flag.createdInferred ? { createdInferred: true as const } : {}),
    ...(flag.description !== undefined ? { description: flag.description } : {}),
    ...(flag.registry !== undefined ? { registry: relative(flag.registry) } : {}),
    locations: flag.locations.map(({ file, line, column }) => ({ file: relative(file), line, column })),
  };
}
