// Compiles schema/feature-flags.schema.json into src/registry/schema-validator.ts with ajv's
// standalone code, so no run pays for importing ajv and compiling the schema (about 0.1 s).
// The schema stays the source of truth: run this after editing it (a test fails until you do).
//
//   node packages/core/scripts/generate-schema-validator.mjs

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";

const SCHEMA = new URL("../schema/feature-flags.schema.json", import.meta.url);
export const VALIDATOR = new URL("../src/registry/schema-validator.ts", import.meta.url);

/** Annotations for editors (VS Code, yaml-language-server) that ajv should accept and ignore. */
const EDITOR_KEYWORDS = ["errorMessage", "patternErrorMessage", "enumDescriptions", "markdownDescription"];

/** The validator module's text: every error, with `verbose` data and parent schema, as schema.ts reads them. */
export function generateValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
  // Lists that grow with the code (presets, rules) are checked in src/registry/semantics.ts, so that
  // adding a preset or a rule leaves this compiled file as it is; editors still get them from the
  // published schema.
  delete schema.properties.detect.properties.sdks.items.enum;
  const rules = schema.properties.rules;
  rules.additionalProperties = { enum: ["off", "warn", "error"] };
  delete rules.properties;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, logger: false, code: { source: true, esm: true } });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  const code = (standalone.default ?? standalone)(ajv, ajv.compile(schema));
  return [
    "// @ts-nocheck",
    "// Generated from schema/feature-flags.schema.json by scripts/generate-schema-validator.mjs: do not edit.",
    // ajv's output calls one runtime helper, a string's length in code points: defined here, so
    // the validator needs no ajv at run time.
    "const ucs2length = (text) => [...text].length;",
    code.replace(/^"use strict";/, "").replaceAll('require("ajv/dist/runtime/ucs2length").default', "ucs2length"),
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(VALIDATOR, generateValidator());
  console.log(`wrote ${fileURLToPath(VALIDATOR)}`);
}
