// The grammar of a removal note (`TODO: remove <flag> toggle by <date>`), for the comment reader
// (comments.ts), which reads notes out of comments, and for the pre-filter (prefilter.ts), which
// asks whether a file's text can hold one before anything parses it.

const PARTS = [
  String.raw`\b(?:TODO|FIXME|Todo|Fixme|todo|fixme)\b`,
  // an optional ticket or owner right after the marker: TODO(PAY-123), TODO[PAY-123], TODO PAY-123
  String.raw`(?:\s*\(\s*([^)]*?)\s*\)|\s*\[\s*([^\]]*?)\s*\]|\s+([A-Z][A-Z0-9_]*-\d+))?`,
  String.raw`\s*[:\-\u2013\u2014]?\s*`,
  String.raw`[Rr]emove\s+(?:the\s+)?(?:(?:feature\s+)?(?:[Ff]lag|[Tt]oggle)\s+)?`,
  String.raw`(?<quote>[\x60'"]?)(?<flag>[\w$][\w$.:/-]*?)\k<quote>`,
  String.raw`(?:\s+(?:feature\s+)?(?:[Ff]lag|[Tt]oggle)s?)?(?:\s+(?:check|checks|code))?`,
  String.raw`\s+(?:by|before|on|until|due)\s+(?<date>\d{4}-\d{2}-\d{2})\b`,
];

/** A note in a comment's content (its delimiters and the `*` that starts block lines taken off). */
export const NOTE = new RegExp(PARTS.join(""), "g");

/**
 * A note as a file's text spells it: where the content has a space, the text may also have the
 * `*` that starts a block comment's next line. Every note the comment reader finds matches it.
 */
export const NOTE_IN_TEXT = new RegExp(PARTS.join("").replaceAll(String.raw`\s`, String.raw`[\s*]`));
