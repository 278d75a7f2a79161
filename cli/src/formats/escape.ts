// Escaping for the two markup languages the report is written in. Every registry or code string goes through one of these.

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in HTML text and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

/**
 * Markdown text that stays text: no HTML, no links, no emphasis, no math, and no cell break
 * inside a GFM table. Characters that could start markup become numeric entities, which
 * GitHub decodes for display but never parses as syntax; line breaks become spaces.
 * An underscore inside a word (`new_payment_flow`) cannot emphasise anything and is kept, so
 * the source stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/[&<>`|[\]\\*~$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (char) => `&#${char.codePointAt(0)};`);
}
