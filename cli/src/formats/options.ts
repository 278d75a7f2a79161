// What every output format needs besides the result itself.
import type { RuleId, Severity } from "@flaglint/core";

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  description: string;
}

export interface FormatOptions {
  /** Paths in the output are relative to it, with "/". */
  cwd: string;
  /**
   * The repository root: CI formats (github, gitlab, sarif) name files from it, wherever the
   * command runs, since that is where CI looks for them. Default: `cwd`.
   */
  root?: string;
  /** The flaglint version. */
  version: string;
  /** Rule metadata; the CLI passes core's table. */
  rules: ReadonlyArray<RuleInfo>;
  /** Template like "https://tracker/browse/{id}" that turns ticket ids into links. */
  ticketUrl?: string;
  color?: boolean;
}
