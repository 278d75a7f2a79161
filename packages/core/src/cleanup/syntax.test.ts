import { describe, expect, it } from "vitest";
import ts from "../typescript.js";
import { applyEdits, type TextEdit } from "./edits.js";
import { parseOwn, reparse } from "./syntax.js";

/** Every node as kind, range and parent kind, in walk order: what the engine reads of a tree. */
function shape(sourceFile: ts.SourceFile): string[] {
  const rows: string[] = [];
  const visit = (node: ts.Node): void => {
    rows.push(`${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} < ${node.parent ? ts.SyntaxKind[node.parent.kind] : "-"}`);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return rows;
}

const SOURCE = [
  `import { flags, track } from "./flags";`,
  `/** The checkout. */`,
  `export function checkout(cart: Cart) {`,
  `  const on = flags.isEnabled("new-checkout");`,
  `  if (on && cart.items.length > 0) {`,
  `    track("new");`,
  `    return <NewCheckout cart={cart} />;`,
  `  } else {`,
  `    return <OldCheckout cart={cart} />;`,
  `  }`,
  `}`,
  `export const label = on ? "new" : "old";`,
].join("\n");

function at(search: string): number {
  const offset = SOURCE.indexOf(search);
  if (offset < 0) throw new Error(`not in the source: ${search}`);
  return offset;
}

const replace = (search: string, text: string): TextEdit => ({ start: at(search), end: at(search) + search.length, text });

describe("reparse", () => {
  it.each<[string, TextEdit[]]>([
    ["a check replaced by a literal", [replace(`flags.isEnabled("new-checkout")`, "true")]],
    ["a branch removed", [replace(` else {\n    return <OldCheckout cart={cart} />;\n  }`, "")]],
    ["edits far apart, one longer", [replace(`on && `, ""), replace(`on ? "new" : "old"`, `"new"`)]],
    ["an import emptied and a JSX tag renamed", [replace(`flags, `, ""), replace(`<NewCheckout`, `<Checkout`)]],
    ["text inserted at the very start", [{ start: 0, end: 0, text: "// header\n" }]],
  ])("gives the tree a fresh parse gives: %s", (_, edits) => {
    const text = applyEdits(SOURCE, edits);
    const incremental = reparse(parseOwn(SOURCE, "/repo/checkout.tsx"), text, edits);
    const fresh = parseOwn(text, "/repo/checkout.tsx");
    expect(incremental.text).toBe(text);
    expect(shape(incremental)).toEqual(shape(fresh));
  });

  it("keeps a tree with no edits as it is", () => {
    const tree = parseOwn(SOURCE, "/repo/checkout.tsx");
    expect(reparse(tree, SOURCE, [])).toBe(tree);
  });

  it("reports a syntax error the edit makes, as a fresh parse does", () => {
    const edits = [replace(`track("new");`, `track("new";`)];
    const text = applyEdits(SOURCE, edits);
    const incremental = reparse(parseOwn(SOURCE, "/repo/checkout.tsx"), text, edits) as ts.SourceFile & { parseDiagnostics: ts.Diagnostic[] };
    const fresh = parseOwn(text, "/repo/checkout.tsx") as ts.SourceFile & { parseDiagnostics: ts.Diagnostic[] };
    expect(incremental.parseDiagnostics.map((d) => d.start)).toEqual(fresh.parseDiagnostics.map((d) => d.start));
    expect(fresh.parseDiagnostics.length).toBeGreaterThan(0);
  });
});
