// What "inert" means for each output format that something downstream interprets: a browser (HTML
// report), a Markdown renderer (markdown report), a code-scanning UI (SARIF), the Actions runner
// (GitHub annotations). Shared by the format unit tests and the end-to-end hardening tests.
import { expect } from "vitest";

/** Tags of an HTML page with their quoted attribute values blanked: what a browser reads as attribute names. */
function tagsWithoutValues(html: string): string[] {
  return (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
}

/** No script but the page's own, no element or handler from the data, no link but http(s). */
export function expectInertHtml(html: string): void {
  expect(html.match(/<script/gi)).toHaveLength(1);
  expect(html).not.toMatch(/<img/i);
  for (const tag of tagsWithoutValues(html)) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
  for (const [, href] of html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)) expect(href).toMatch(/^https?:\/\/[^"<>\s]+$/);
  expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
}

function markdownTableShapes(markdown: string): number[][] {
  const tables: number[][] = [];
  let current: number[] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (current === undefined) tables.push((current = []));
    current.push(line.split(/(?<!\\)\|/).length - 2);
  }
  return tables;
}

/**
 * Only the report's own tags, no code span or link from the data (links only to http(s)), every
 * table row at its table's cell count, and no data line break that could start a heading or a list.
 */
export function expectInertMarkdown(markdown: string, dataLines: readonly string[] = []): void {
  const tags = new Set([...markdown.matchAll(/<\/?([a-z]+)/gi)].map((match) => match[1]!.toLowerCase()));
  for (const tag of tags) expect(["code", "details", "summary", "sub"]).toContain(tag);
  expect(markdown).not.toContain("`");
  for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(target).toMatch(/^https?:\/\/[^\s()<>|`]+$/);
  for (const shape of markdownTableShapes(markdown)) expect(new Set(shape).size).toBe(1);
  expect(markdown).not.toMatch(/[\r\u2028\u2029]/);
  for (const line of dataLines) expect(markdown.split("\n").some((outputLine) => outputLine.startsWith(line))).toBe(false);
}

export interface SarifLocation {
  uri: string;
  message: Record<string, string>;
}

/** The results' messages and file URIs of a SARIF log (which must be valid JSON). */
export function sarifLocations(text: string): SarifLocation[] {
  const log = JSON.parse(text) as {
    runs: Array<{ results: Array<{ message: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
  };
  return log.runs[0]!.results.map((result) => ({
    uri: result.locations[0]!.physicalLocation.artifactLocation.uri,
    message: result.message,
  }));
}

/** Plain-text messages only, and relative URI references: percent-encoded, never a scheme such as javascript:. */
export function expectInertSarif(text: string): void {
  for (const { uri, message } of sarifLocations(text)) {
    expect(Object.keys(message)).toEqual(["text"]);
    // RFC 3986 unreserved characters, "/" and "@" between segments, percent escapes; nothing else.
    expect(uri).toMatch(/^[A-Za-z0-9\-._~!*'()/@%]+$/);
    expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
  }
}

export interface Annotation {
  command: "error" | "warning";
  /** The `file` property, unescaped. */
  file: string;
  /** The message, unescaped. */
  message: string;
}

const ANNOTATION = /^::(error|warning) file=([^:,\r\n]*),line=\d+,(?:[a-zA-Z]+=[^:,\r\n]*,)*title=flaglint\/[a-z-]+::([^\r\n]*)$/;

function unescapeCommand(value: string): string {
  return value.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}

/** Each line is one well-formed workflow command; returns them read back as the runner reads them. */
export function parseAnnotations(text: string): Annotation[] {
  return text
    .trimEnd()
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const parsed = ANNOTATION.exec(line);
      expect(parsed, line).not.toBeNull();
      const [, command, file, message] = parsed!;
      return { command: command as Annotation["command"], file: unescapeCommand(file!), message: unescapeCommand(message!) };
    });
}
