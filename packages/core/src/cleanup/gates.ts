// Component gates (`detect.jsx`): `<FeatureToggle featureFlag="x">children</FeatureToggle>` renders
// its children when the flag is on. Fixed on, the element gives way to its children; fixed off,
// it goes (or becomes `null` where an expression is needed). Anything else is left for a person.
import ts from "../typescript.js";
import { applyEdits, EditHistory, type TextEdit } from "./edits.js";
import { verifiedRewrite, type FlagSite, type ManualSpot, type SourceCleanup } from "./engine.js";
import { firstSyntaxError, nodeAt, parse } from "./syntax.js";
import { isBlank, lineEndOf, lineStartOf, nextLineStart } from "./text.js";
import { removeUnused } from "./unused.js";
import type { FlagValue } from "./value.js";

/** Props a gate may carry besides its flag: React's own. */
const HARMLESS_PROPS = new Set(["key"]);

/** `sites` are the gates' flag attributes (their references' sites). */
export function removeGates(text: string, fileName: string, sites: readonly FlagSite[], value: FlagValue): SourceCleanup {
  const original = parse(text, fileName);
  const broken = firstSyntaxError(original);
  if (broken) return unchanged(text, [spotAt(text, broken.start, `the file does not parse (${broken.message}); it was left as it is`)]);
  if (typeof value !== "boolean") {
    return unchanged(text, sites.map((site) => spotAt(text, site.siteStart, "a component gate is on or off: remove it by hand for another value")));
  }

  const manual: ManualSpot[] = [];
  const edits: TextEdit[] = [];
  const elements: Array<ts.JsxElement | ts.JsxSelfClosingElement> = [];
  for (const site of sites) {
    const gate = gateAt(original, site);
    if (typeof gate === "string") {
      manual.push(spotAt(text, site.siteStart, gate));
      continue;
    }
    elements.push(gate);
  }
  for (const element of elements) {
    // A gate inside another gate goes with it, or stays with its children: one rewrite per run.
    if (elements.some((other) => other !== element && other.pos <= element.pos && element.end <= other.end)) {
      manual.push(spotAt(text, element.getStart(original), "a component gate inside another gate of the flag: run the cleanup again"));
      continue;
    }
    edits.push(gateEdit(original, element, value));
  }
  if (edits.length === 0) return unchanged(text, manual);

  const history = new EditHistory();
  history.record(edits);
  const rewritten = applyEdits(text, edits);
  const parsed = removeUnused(text, rewritten, fileName, (offset) => history.forward(offset), original);
  manual.sort((a, b) => a.line - b.line || a.column - b.column);
  return verifiedRewrite(text, parsed.text, fileName, manual, parsed);
}

/** The gate element whose flag attribute `site` is, or why it cannot be rewritten. */
function gateAt(sourceFile: ts.SourceFile, site: FlagSite): ts.JsxElement | ts.JsxSelfClosingElement | string {
  const attribute = nodeAt(sourceFile, site.siteStart, site.siteEnd);
  if (attribute === undefined || !ts.isJsxAttribute(attribute)) return "this component gate is not one the cleanup can rewrite";
  const value = attribute.initializer;
  if (value !== undefined && ts.isJsxExpression(value) && value.expression !== undefined && ts.isArrayLiteralExpression(value.expression)) {
    return "a component gate of several flags: remove this one by hand";
  }
  const opening = attribute.parent.parent;
  const others = opening.attributes.properties.filter(
    (property) => property !== attribute && !(ts.isJsxAttribute(property) && ts.isIdentifier(property.name) && HARMLESS_PROPS.has(property.name.text)),
  );
  if (others.length > 0) return `the component gate has other props (\`${others[0]!.getText(sourceFile)}\`): remove it by hand`;
  return ts.isJsxSelfClosingElement(opening) ? opening : opening.parent;
}

function gateEdit(sourceFile: ts.SourceFile, element: ts.JsxElement | ts.JsxSelfClosingElement, value: boolean): TextEdit {
  const text = sourceFile.text;
  const start = element.getStart(sourceFile);
  const end = element.end;
  const inJsx = ts.isJsxElement(element.parent) || ts.isJsxFragment(element.parent);
  const children = ts.isJsxElement(element) ? element.children.filter((child) => !isWhitespace(child)) : [];
  if (!value || children.length === 0) {
    if (!inJsx) return { start, end, text: "null" };
    // The element alone on its lines goes with its lines.
    const lineStart = lineStartOf(text, start);
    if (isBlank(text, lineStart, start) && isBlank(text, end, lineEndOf(text, end))) {
      return { start: lineStart, end: nextLineStart(text, end), text: "" };
    }
    return { start, end, text: "" };
  }
  const first = children[0]!.getStart(sourceFile);
  const last = children[children.length - 1]!.end;
  const lineStart = lineStartOf(text, start);
  const ownLines = isBlank(text, lineStart, start) && isBlank(text, end, lineEndOf(text, end)) && isBlank(text, lineStartOf(text, first), first);
  const single = children.length === 1 && isElementLike(children[0]!);
  const wrap = (inner: string) => (inJsx || single ? inner : `<>${inner}</>`);
  if (!ownLines) return { start, end, text: wrap(text.slice(first, last)) };
  // The children move out one level: they keep their own lines, at the gate's indentation.
  const indent = text.slice(lineStart, start);
  const childIndent = text.slice(lineStartOf(text, first), first);
  const extra = childIndent.startsWith(indent) ? childIndent.length - indent.length : 0;
  const lines = text
    .slice(lineStartOf(text, first), lineEndOf(text, last))
    .split("\n")
    .map((line) => (/^[ \t]*$/.test(line.slice(0, extra)) ? line.slice(extra) : line));
  const body = lines.join("\n");
  const replaced = inJsx || single ? body : `${indent}<>\n${lines.map((line) => `  ${line}`).join("\n")}\n${indent}</>`;
  return { start: lineStart, end: lineEndOf(text, end), text: replaced };
}

function isWhitespace(child: ts.JsxChild): boolean {
  return ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces;
}

function isElementLike(child: ts.JsxChild): boolean {
  return ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child) || ts.isJsxFragment(child);
}

function unchanged(text: string, manual: ManualSpot[]): SourceCleanup {
  return { text, changed: false, manual, failed: false };
}

function spotAt(text: string, offset: number, reason: string): ManualSpot {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n"), reason };
}
