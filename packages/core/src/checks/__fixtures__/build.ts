// Small in-memory registries and file analyses for the checks' tests.
import type {
  DisableDirective,
  FileAnalysis,
  FlagDefinition,
  FlagReference,
  Policy,
  Registry,
  RemovalNote,
} from "../../types.js";
import type { FileCheckInput } from "../rule.js";

export const NOW = "2026-11-26";
export const FILE = "/repo/src/pay.ts";
export const REGISTRY_PATH = "/repo/feature-flags.yaml";

/** SPEC §2's defaults. */
export const DEFAULT_POLICY: Policy = {
  lifetimeDays: { release: 42, experiment: 90, ops: null, permission: null },
  warnDays: 14,
  requireTicket: ["release", "experiment"],
};

/** An active release flag with owner and ticket, due on `removeBy` unless overridden. */
export function makeFlag(key: string, fields: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key,
    type: "release",
    owner: "@payments",
    created: "2026-03-01",
    ticket: "PAY-1234",
    status: "active",
    position: { line: 10, column: 3 },
    ...fields,
  };
}

export function makeRegistry(flags: FlagDefinition[], policy: Partial<Policy> = {}): Registry {
  return {
    path: REGISTRY_PATH,
    dir: "/repo",
    detect: { sdks: [], calls: [], objects: [], constants: [], properties: [] },
    policy: { ...DEFAULT_POLICY, ...policy },
    flags: new Map(flags.map((flag) => [flag.key, flag])),
  };
}

/** A call reference `isEnabled("<flag>")` whose string literal starts at `line:column`. */
export function makeReference(flag: string | null, fields: Partial<FlagReference> = {}): FlagReference {
  const line = fields.line ?? 12;
  const column = fields.column ?? 7;
  const keyText = fields.keyText ?? JSON.stringify(flag ?? "");
  return {
    flag,
    dynamic: flag === null,
    kind: "call",
    matcher: "calls[0]",
    context: null,
    keyText,
    line,
    column,
    endLine: line,
    endColumn: column + keyText.length,
    start: 100,
    end: 100 + keyText.length,
    siteStart: 90,
    siteEnd: 101 + keyText.length,
    ...fields,
  };
}

export function makeNote(flag: string, date: string, fields: Partial<RemovalNote> = {}): RemovalNote {
  const text = fields.text ?? `// TODO: remove ${flag} toggle by ${date}`;
  const line = fields.line ?? 3;
  return { flag, date, text, line, column: 1, endLine: line, endColumn: 1 + text.length, ...fields };
}

export function makeAnalysis(parts: Partial<FileAnalysis> = {}): FileAnalysis {
  return { references: [], notes: [], directives: [], ...parts };
}

export function fileInput(registry: Registry, analysis: FileAnalysis = makeAnalysis(), now = NOW): FileCheckInput {
  return { file: FILE, analysis, registry, now, ticketAt: "registry" };
}

export function directive(kind: DisableDirective["kind"], line: number, rules: string[] = []): DisableDirective {
  return { kind, line, rules };
}
