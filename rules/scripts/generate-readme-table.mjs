// Writes the rules table into the repository's README from the built plugin's metadata.
//
//   node rules/scripts/generate-readme-table.mjs [--check]
//
// --check writes nothing and exits 1 when the README's table is stale. Build first (npx tsc -b).
import { readFileSync, writeFileSync } from "node:fs";
import plugin from "../dist/index.js";
import { rulesTable, withRulesTable } from "../dist/rules-table.js";

const readmeUrl = new URL("../../README.md", import.meta.url);
const readme = readFileSync(readmeUrl, "utf8");
const fresh = withRulesTable(readme, rulesTable(plugin));

if (fresh === readme) {
  console.log("README.md: the rules table is up to date");
} else if (process.argv.includes("--check")) {
  console.error("README.md: the rules table is stale; run npm run -w eslint-plugin-flaglint docs");
  process.exitCode = 1;
} else {
  writeFileSync(readmeUrl, fresh);
  console.log("README.md: rules table regenerated");
}
