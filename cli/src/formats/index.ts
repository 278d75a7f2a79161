// Every output format, by the name users pass to --format.
import type { ProjectResult } from "@flaglint/core";
import { fitComment } from "./comment-limit.js";
import { formatGitlab } from "./gitlab.js";
import { formatGithub } from "./github.js";
import { formatJunit } from "./junit.js";
import type { FormatOptions } from "./options.js";
import { formatCsvReport } from "./report-csv.js";
import { formatHtmlReport } from "./report-html.js";
import { formatJson } from "./report-json.js";
import { formatMarkdownReport } from "./report-markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export type Formatter = (result: ProjectResult, options: FormatOptions) => string;

export const CHECK_FORMATS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  junit: formatJunit,
};

/** The formats CI tools read, which name files from the repository root (FormatOptions.root). */
export const REPOSITORY_PATH_FORMATS: ReadonlySet<string> = new Set(["github", "gitlab", "sarif"]);

export const REPORT_FORMATS: Readonly<Record<string, Formatter>> = {
  markdown: (result, options) => fitComment(formatMarkdownReport(result, options)),
  html: formatHtmlReport,
  json: formatJson,
  csv: formatCsvReport,
};

export type { FormatOptions } from "./options.js";
