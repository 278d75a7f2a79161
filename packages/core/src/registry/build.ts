// From a validated registry value to the model: defaults filled in, aliases resolved, positions attached.
import * as path from "node:path";
import { finalFieldValue } from "../cleanup/value.js";
import type { CallMatcher, DetectConfig, FileScope, JsxMatcher, KeySetMatcher, FlagDefinition, FlagStatus, FlagType, KeyCase, Policy, Position, Registry, RegistrySourceConfig, RuleSettings } from "../types.js";
import { DEFAULT_DETECT, DEFAULT_POLICY, FLAG_TYPE_ALIASES } from "./defaults.js";
import type { SourceNode } from "./source.js";

/** The registry file as the schema describes it; only called once the schema has accepted it. */
interface RegistryFile {
  detect?: {
    sdks?: string[];
    calls?: Array<Partial<CallMatcher>>;
    objects?: Array<{ path: string; keyCase?: KeyCase } & FileScope>;
    constants?: Array<{ name: string } & FileScope>;
    properties?: Array<{ name: string } & FileScope>;
    keySets?: KeySetMatcher[];
    jsx?: JsxMatcher[];
  };
  policy?: {
    lifetimeDays?: Partial<Record<FlagType, number | null>>;
    warnDays?: number;
    requireTicket?: string[];
  };
  flags?: Record<string, FlagEntry> | null;
  sources?: RegistrySourceConfig[];
  rules?: RuleSettings;
  ignore?: string[];
}

interface FlagEntry {
  type: string;
  owner?: string;
  created?: string;
  removeBy?: string;
  ticket?: string;
  description?: string;
  link?: string;
  tags?: string[];
  status?: FlagStatus;
  final?: unknown;
}

export function buildRegistry(value: unknown, root: SourceNode | undefined, file: string, position: (offset: number) => Position): Registry {
  const registry = value as RegistryFile;
  const built: Registry = {
    path: file,
    dir: path.dirname(file),
    detect: buildDetect(registry.detect),
    policy: buildPolicy(registry.policy),
    flags: buildFlags(registry.flags ?? {}, root?.entries?.get("flags")?.value, position),
    ...(registry.rules !== undefined ? { rules: { ...registry.rules } } : {}),
    ...(registry.ignore !== undefined ? { ignore: [...registry.ignore] } : {}),
  };
  if (registry.sources) built.sources = registry.sources.map((source) => ({ ...source }));
  return built;
}

export function flagType(type: string): FlagType {
  return FLAG_TYPE_ALIASES[type] ?? (type as FlagType);
}

function buildDetect(detect: RegistryFile["detect"] = {}): DetectConfig {
  return {
    sdks: [...(detect.sdks ?? DEFAULT_DETECT.sdks)],
    calls: (detect.calls ?? []).map((call) => ({ ...call, keyArg: call.keyArg ?? 0 })),
    objects: (detect.objects ?? []).map((object) => ({ path: object.path, keyCase: object.keyCase ?? "exact", ...scope(object) })),
    constants: (detect.constants ?? []).map((constant) => ({ name: constant.name, ...scope(constant) })),
    properties: (detect.properties ?? []).map((property) => ({ name: property.name, ...scope(property) })),
    ...(detect.keySets === undefined ? {} : { keySets: detect.keySets.map((keySet) => ({ ...keySet })) }),
    ...(detect.jsx === undefined ? {} : { jsx: detect.jsx.map((gate) => ({ ...gate })) }),
  };
}

/** `files:` only where it was written, so a matcher without it compares equal to one built by hand. */
function scope(matcher: FileScope): FileScope {
  return matcher.files === undefined ? {} : { files: [...matcher.files] };
}

function buildPolicy(policy: RegistryFile["policy"] = {}): Policy {
  return {
    lifetimeDays: { ...DEFAULT_POLICY.lifetimeDays, ...policy.lifetimeDays },
    warnDays: policy.warnDays ?? DEFAULT_POLICY.warnDays,
    requireTicket: [...new Set((policy.requireTicket ?? DEFAULT_POLICY.requireTicket).map(flagType))],
  };
}

function buildFlags(entries: Record<string, FlagEntry>, node: SourceNode | undefined, position: (offset: number) => Position): Map<string, FlagDefinition> {
  const flags = new Map<string, FlagDefinition>();
  // File order comes from the source: a plain object would put keys such as "123" first.
  for (const [key, { keyOffset }] of node?.entries ?? []) {
    const entry = entries[key]!;
    const flag: FlagDefinition = { key, type: flagType(entry.type), status: entry.status ?? "active", position: position(keyOffset) };
    for (const field of ["owner", "created", "removeBy", "ticket", "description", "link"] as const) {
      if (entry[field] !== undefined) flag[field] = entry[field];
    }
    const final = "final" in entry ? finalFieldValue(entry.final) : undefined;
    if (final !== undefined) flag.final = final;
    if (entry.tags !== undefined) flag.tags = [...entry.tags];
    flags.set(key, flag);
  }
  return flags;
}
