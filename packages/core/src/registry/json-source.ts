// Reads a JSON registry with positions: JSON.parse gives no places, differs in its messages
// across Node versions, and silently keeps the last of two equal keys.
import { duplicateKey, positionsIn, type SourceNode, type SourceText, type TextProblem } from "./source.js";

/** Deeper than any registry; guards the recursion of the reader. */
const MAX_DEPTH = 200;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WORD = /[A-Za-z_$][\w$-]*/y;

export function readJson(text: string): SourceText {
  const { lineOf, position } = positionsIn(text);
  const reader = new JsonReader(text, lineOf);
  try {
    const { value, node } = reader.readDocument();
    return { value, root: node, problems: reader.problems, position };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const problem: TextProblem = { offset: error.offset, message: error.message };
    if (error.hint) problem.hint = error.hint;
    return { value: undefined, root: undefined, problems: [problem], position };
  }
}

interface Read {
  value: unknown;
  node: SourceNode;
}

class JsonReader {
  /** Duplicate keys: reported, and reading goes on. */
  readonly problems: TextProblem[] = [];
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly lineOf: (offset: number) => number,
  ) {
    if (text.startsWith("\uFEFF")) this.at = 1;
  }

  readDocument(): Read {
    this.skipWhitespace();
    if (this.at >= this.text.length) throw new JsonSyntaxError(0, "the registry file is empty", 'start with { "version": 1 }');
    const read = this.readValue(0);
    this.skipWhitespace();
    if (this.at < this.text.length) throw this.unexpected("after the end of the JSON value");
    return read;
  }

  private readValue(depth: number): Read {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.at, "the JSON is nested too deeply", "a registry needs a few levels at most");
    const offset = this.at;
    const char = this.text[this.at];
    if (char === "{") return this.readObject(depth);
    if (char === "[") return this.readArray(depth);
    if (char === '"') return { value: this.readString(), node: { offset } };
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return { value: this.readNumber(), node: { offset } };
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { value, node: { offset } };
      }
    }
    throw this.unexpected("where a value should be");
  }

  private readObject(depth: number): Read {
    const node: SourceNode = { offset: this.at, entries: new Map() };
    const value: Record<string, unknown> = {};
    this.at++; // {
    this.skipWhitespace();
    if (this.text[this.at] === "}") {
      this.at++;
      return { value, node };
    }
    for (;;) {
      const keyOffset = this.at;
      if (this.text[this.at] !== '"') throw this.unexpected("where a key in double quotes should be");
      const key = this.readString();
      this.skipWhitespace();
      if (this.text[this.at] !== ":") throw this.unexpected('after a key, where ":" should be');
      this.at++;
      this.skipWhitespace();
      const read = this.readValue(depth + 1);
      const first = node.entries!.get(key);
      if (first) this.problems.push(this.duplicate(key, keyOffset, first.keyOffset));
      node.entries!.set(key, { keyOffset, value: read.node });
      // defineProperty: a "__proto__" key is data, not the object's prototype.
      Object.defineProperty(value, key, { value: read.value, enumerable: true, writable: true, configurable: true });
      if (this.afterEntry("}")) return { value, node };
    }
  }

  private readArray(depth: number): Read {
    const node: SourceNode = { offset: this.at, items: [] };
    const value: unknown[] = [];
    this.at++; // [
    this.skipWhitespace();
    if (this.text[this.at] === "]") {
      this.at++;
      return { value, node };
    }
    for (;;) {
      const read = this.readValue(depth + 1);
      node.items!.push(read.node);
      value.push(read.value);
      if (this.afterEntry("]")) return { value, node };
    }
  }

  /** After an entry: `true` at the closing bracket, `false` when a comma leads to the next entry. */
  private afterEntry(close: "}" | "]"): boolean {
    const end = this.at;
    this.skipWhitespace();
    const char = this.text[this.at];
    if (char === close) {
      this.at++;
      return true;
    }
    if (char !== ",") {
      const hint = this.lineOf(this.at) > this.lineOf(end) ? "is a comma missing at the end of the line before?" : undefined;
      throw this.unexpected(`where "," or "${close}" should be`, hint);
    }
    const comma = this.at;
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === close) {
      throw new JsonSyntaxError(comma, `trailing comma before "${close}"`, "JSON allows no comma after the last entry");
    }
    return false;
  }

  private readString(): string {
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (!match) throw this.badString();
    this.at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  /** Why the string at the cursor does not read: the first character JSON does not allow in it. */
  private badString(): JsonSyntaxError {
    const start = this.at;
    for (let i = start + 1; i < this.text.length; i++) {
      const char = this.text[i]!;
      if (char === "\n" || char === "\r") return new JsonSyntaxError(start, "unterminated string", "a JSON string ends on the line it starts");
      if (char < " ") return new JsonSyntaxError(i, "control character in a string", "write it escaped, such as \\t");
      if (char === "\\") {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(this.text.slice(i + 1, i + 6))) {
          return new JsonSyntaxError(i, "invalid escape in a string", 'escape a backslash as "\\\\"');
        }
        i++;
      }
    }
    return new JsonSyntaxError(start, "unterminated string", "the file ends before the closing double quote");
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw this.unexpected("where a number should be");
    this.at += match[0].length;
    return Number(match[0]);
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  private unexpected(where: string, hint?: string): JsonSyntaxError {
    if (this.at >= this.text.length) return new JsonSyntaxError(this.at, "unexpected end of file", "a bracket or quote is not closed");
    WORD.lastIndex = this.at;
    const word = WORD.exec(this.text)?.[0];
    const found = word ?? this.text[this.at]!;
    const what = found === '"' ? "string" : JSON.stringify(found);
    return new JsonSyntaxError(this.at, `unexpected ${what} ${where}`, hint ?? hintFor(found));
  }

  private duplicate(key: string, offset: number, firstOffset: number): TextProblem {
    return duplicateKey(key, offset, this.lineOf(firstOffset));
  }
}

function hintFor(found: string): string | undefined {
  if (found === "'") return "JSON strings use double quotes";
  if (found === "/" || found === "#") return "JSON has no comments; a feature-flags.yaml can have them";
  if (/^[A-Za-z_$]/.test(found)) return "JSON keys and strings are written in double quotes";
  return undefined;
}
