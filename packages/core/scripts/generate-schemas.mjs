// Writes what the shipped JSON Schemas repeat from the code, then compiles the registry validator:
// the preset names of detect.sdks (from detect/presets/index.ts), the registry sources of
// `sources:` (REGISTRY_SOURCE_NAMES), and the rule ids of the
// registry's `rules` map and of the check and report outputs (from checks/rules.ts). Run after
// adding a rule or a preset, on built sources (a test fails until you do):
//
//   npm run generate

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { REGISTRY_SOURCE_NAMES, RULE_IDS, SDK_PRESETS } from "../dist/index.js";
import { generateValidator, VALIDATOR } from "./generate-schema-validator.mjs";

export const SCHEMAS = {
  registry: new URL("../schema/feature-flags.schema.json", import.meta.url),
  check: new URL("../schema/check-result.schema.json", import.meta.url),
  report: new URL("../schema/report-result.schema.json", import.meta.url),
};

/** Each schema's text with its lists of presets and rules as the code has them; the rest as written. */
export function generateSchemas() {
  const texts = {};
  for (const [name, url] of Object.entries(SCHEMAS)) {
    let text = readFileSync(url, "utf8");
    if (name === "registry") {
      text = replaceList(text, '"sdks": {', SDK_PRESETS.map((preset) => preset.name));
      text = replaceList(text, '"from": {', REGISTRY_SOURCE_NAMES);
      text = replaceRuleSettings(text, RULE_IDS.filter((id) => id !== "invalid-registry"));
    } else {
      text = replaceList(text, '"rule": {', RULE_IDS);
    }
    texts[name] = text;
  }
  return texts;
}

/** The registry's `rules` map: one property per rule that a registry can set (all but invalid-registry). */
function replaceRuleSettings(text, ids) {
  const at = text.indexOf('"rules": {');
  if (at === -1) throw new Error('no "rules": { in the schema');
  const open = text.indexOf("{", text.indexOf('"properties": {', at));
  let depth = 0;
  let close = open;
  for (; close < text.length; close++) {
    if (text[close] === "{") depth++;
    else if (text[close] === "}" && --depth === 0) break;
  }
  const indent = /\n([ ]*)"properties"/.exec(text.slice(text.lastIndexOf("\n", open - 20), open))?.[1] ?? "";
  const lines = ids.map(
    (id) => `${indent}  ${JSON.stringify(id)}: { "description": "Setting of ${id}: off, warn or error.", "enum": ["off", "warn", "error"] }`,
  );
  return `${text.slice(0, open)}{\n${lines.join(",\n")}\n${indent}${text.slice(close)}`;
}

/** The first `"enum": [...]` after `anchor`, written anew with `values`, in the file's own layout. */
function replaceList(text, anchor, values) {
  const at = text.indexOf(anchor);
  if (at === -1) throw new Error(`no ${anchor} in the schema`);
  const open = text.indexOf('"enum": [', at);
  const close = text.indexOf("]", open);
  if (!text.slice(open, close).includes("\n")) {
    return `${text.slice(0, open)}"enum": [${values.map((value) => JSON.stringify(value)).join(", ")}${text.slice(close)}`;
  }
  const indent = /\n([ ]*)"enum"/.exec(text.slice(text.lastIndexOf("\n", open), open + 7))?.[1] ?? "";
  const items = values.map((value) => `${indent}  ${JSON.stringify(value)}`).join(",\n");
  return `${text.slice(0, open)}"enum": [\n${items}\n${indent}${text.slice(close)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generateSchemas())) writeFileSync(SCHEMAS[name], text);
  writeFileSync(VALIDATOR, generateValidator());
  console.log("wrote the schemas and src/registry/schema-validator.ts");
}
