// A registry for tests of whole projects: `flags.isOn(key)` from "@acme/flags" is a check, and
// three flags are listed.
export const ACME_REGISTRY = [
  "version: 1",
  "detect:",
  "  calls:",
  '    - module: "@acme/flags"',
  "      import: flags",
  "      method: isOn",
  "flags:",
  "  pricing:",
  "    type: permission",
  "  new_nav:",
  "    type: permission",
  "  eu_checkout:",
  "    type: permission",
  "",
].join("\n");
