// The markdown report is written to be posted: GitHub refuses a pull-request or issue comment over
// 65,536 characters, and the step that posts it fails. A longer report is cut at a line, with a note.
export const COMMENT_LIMIT = 65_536;

export function fitComment(markdown: string, limit = COMMENT_LIMIT): string {
  if (markdown.length <= limit) return markdown;
  const lines = markdown.split("\n");
  const note = (left: number) =>
    `\n\n> **Cut short:** ${left} more ${left === 1 ? "line" : "lines"} of this report did not fit in a ${limit.toLocaleString("en-US")}-character comment. ` +
    "Run `flaglint report --format html` or `--format json` for all of it.\n";
  let kept = lines.length;
  let length = markdown.length;
  // Drop whole lines from the end until the rest and the note fit.
  while (kept > 0 && length + note(lines.length - kept).length > limit) {
    kept--;
    length -= lines[kept]!.length + 1;
  }
  return `${lines.slice(0, kept).join("\n")}${note(lines.length - kept)}`;
}
