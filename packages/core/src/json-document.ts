// The SPEC §6 JSON document that `check` and `report --format json` print: its shape, shared by the
// formatter that writes it and by `flaglint merge`, which reads shards back.
import type { FlagSummary, HistoryPoint, ProjectResult, ReferenceKind, RuleId, Severity, ShardInfo } from "./types.js";

export interface JsonFinding {
  rule: RuleId;
  severity: Severity;
  flag: string | null;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  suggestion?: string;
  /** The registry that governs the file, relative like `file`: in a monorepo, which package judged it. */
  registry?: string;
}

export interface JsonReference {
  flag: string | null;
  file: string;
  line: number;
  column: number;
  kind: ReferenceKind;
  matcher: string;
  dynamic: boolean;
  context: boolean | null;
}

export interface JsonFlag {
  key: string;
  type: string | null;
  owner: string | null;
  /** Where the owner comes from; `null` when the flag has none. */
  ownerSource: "registry" | "codeowners" | null;
  created: string | null;
  removeBy: string | null;
  ticket: string | null;
  state: FlagSummary["state"];
  daysLeft: number | null;
  references: number;
  known: boolean;
  createdInferred?: true;
  description?: string;
  registry?: string;
  locations: Array<{ file: string; line: number; column: number }>;
}

export interface JsonReport {
  version: 1;
  now: string;
  registries: string[];
  findings: JsonFinding[];
  references: JsonReference[];
  flags: JsonFlag[];
  summary: ProjectResult["summary"];
  /** `report --history`: the states week by week, oldest first. */
  history?: HistoryPoint[];
  /** What the run could not do as asked: a CODEOWNERS line that does not parse, a shallow clone. */
  notes?: Array<{ file?: string; line?: number; message: string }>;
  /** `--shard K/N`: which shard, and what `flaglint merge` needs; paths relative like `file`. */
  shard?: ShardInfo;
}
