// Test helper: the flag checks of the cleanup fixtures, found the way detection reports them.
// The fixtures check the flag `new_flow` through `*.isEnabled("new_flow", …)`, `useFlag("new_flow")`,
// `getVariant("new_flow")`, `const { enabled } = useFlag("new_flow")` and `const { newFlow } = useFlags()`.
import ts from "typescript";

export const FIXTURE_FLAG = "new_flow";
const CALLS = new Set(["isEnabled", "useFlag", "getVariant", "getBooleanValue"]);

export function findSites(text: string, fileName = "fixture.tsx"): Array<{ siteStart: number; siteEnd: number }> {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const sites: Array<{ siteStart: number; siteEnd: number }> = [];
  const site = (node: ts.Node): void => {
    sites.push({ siteStart: node.getStart(sourceFile), siteEnd: node.end });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isFlagCall(node)) {
      const holder = node.parent;
      if (ts.isVariableDeclaration(holder) && ts.isObjectBindingPattern(holder.name)) {
        // `const { enabled } = useFlag("new_flow")`: the bound name is the site.
        for (const element of holder.name.elements) {
          const property = element.propertyName ?? element.name;
          if (ts.isIdentifier(property) && property.text === "enabled") site(element.name);
        }
      } else {
        site(node);
      }
    }
    if (ts.isBindingElement(node) && ts.isIdentifier(node.propertyName ?? node.name)) {
      const property = (node.propertyName ?? node.name) as ts.Identifier;
      const declaration = node.parent.parent;
      if (
        property.text === "newFlow" &&
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        /^useFlags\(\)$/.test(declaration.initializer.getText(sourceFile))
      ) {
        site(node.name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

function isFlagCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const key = node.arguments[0];
  return name !== undefined && CALLS.has(name) && key !== undefined && ts.isStringLiteral(key) && key.text === FIXTURE_FLAG;
}
