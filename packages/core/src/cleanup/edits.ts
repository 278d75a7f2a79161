// Text edits on node ranges, ESLint-fix style: `{ start, end, text }`, applied back to front.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

function byRange(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}

/** Applies non-overlapping edits; throws on an overlap, which would be a bug in the caller. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(byRange);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new Error(`overlapping edits at ${sorted[i]!.start}`);
  }
  let result = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const edit = sorted[i]!;
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/**
 * The edits of one rewrite step. A fold adds its edits as a group: all of them or none, so
 * a group that collides with an earlier one waits for the next step. Deletions may overlap
 * (two removed statements can both claim the blank line between them): they merge.
 */
export class EditSet {
  private readonly edits: TextEdit[] = [];

  addGroup(group: readonly TextEdit[]): boolean {
    const kept = group.filter((edit) => edit.start !== edit.end || edit.text !== "");
    for (const edit of kept) {
      for (const other of this.edits) {
        if (!overlaps(edit, other)) continue;
        if (edit.text !== "" || other.text !== "") return false;
      }
    }
    for (const edit of kept) this.mergeDeletion(edit);
    return true;
  }

  list(): TextEdit[] {
    return [...this.edits].sort(byRange);
  }

  private mergeDeletion(edit: TextEdit): void {
    if (edit.text !== "") {
      this.edits.push(edit);
      return;
    }
    let merged = { ...edit };
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const other = this.edits[i]!;
      if (other.text === "" && overlaps(merged, other)) {
        merged = { start: Math.min(merged.start, other.start), end: Math.max(merged.end, other.end), text: "" };
        this.edits.splice(i, 1);
      }
    }
    this.edits.push(merged);
  }
}

/** Two edits collide when their ranges share a character, or one inserts strictly inside the other. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Follows positions through a series of edit steps: where a character of the original text is
 * in the result (or `undefined` when it was deleted), and back.
 */
export class EditHistory {
  private readonly steps: TextEdit[][] = [];

  record(edits: readonly TextEdit[]): void {
    this.steps.push([...edits].sort(byRange));
  }

  forward(position: number): number | undefined {
    let current: number | undefined = position;
    for (const step of this.steps) {
      if (current === undefined) return undefined;
      current = mapForward(step, current);
    }
    return current;
  }

  backward(position: number): number | undefined {
    let current: number | undefined = position;
    for (let i = this.steps.length - 1; i >= 0; i--) {
      if (current === undefined) return undefined;
      current = mapBackward(this.steps[i]!, current);
    }
    return current;
  }
}

function mapForward(edits: readonly TextEdit[], position: number): number | undefined {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= position) {
      shift += edit.text.length - (edit.end - edit.start);
      continue;
    }
    if (edit.start <= position && position < edit.end) return undefined;
    break;
  }
  return position + shift;
}

function mapBackward(edits: readonly TextEdit[], position: number): number | undefined {
  let shift = 0;
  for (const edit of edits) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (position < newStart) break;
    if (position < newEnd) return undefined;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return position - shift;
}
