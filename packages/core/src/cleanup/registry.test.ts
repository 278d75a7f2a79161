import { describe, expect, it } from "vitest";
import { UsageError } from "../clock.js";
import { archiveFlagInRegistry } from "./registry.js";

const YAML_REGISTRY = `# The flag registry.
version: 1

flags:
  new_flow:
    type: release             # release | experiment | ops | permission
    owner: "@payments"
    created: 2026-03-01
    ticket: PAY-1234          # removal ticket

  other_flag:
    type: ops
`;

describe("archiveFlagInRegistry in YAML", () => {
  it("adds status: archived after the entry's last field and changes nothing else", () => {
    const result = archiveFlagInRegistry(YAML_REGISTRY, "feature-flags.yaml", "new_flow");
    expect(result).toBe(YAML_REGISTRY.replace("    ticket: PAY-1234          # removal ticket\n", "    ticket: PAY-1234          # removal ticket\n    status: archived\n"));
  });

  it("replaces an existing status and keeps the comment after it", () => {
    const text = YAML_REGISTRY.replace("    created: 2026-03-01\n", "    status: active   # still rolling out\n    created: 2026-03-01\n");
    const result = archiveFlagInRegistry(text, "feature-flags.yaml", "new_flow");
    expect(result).toBe(text.replace("status: active   #", "status: archived   #"));
  });

  it("adds the status after a block scalar that ends the entry", () => {
    const text = "flags:\n  new_flow:\n    type: release\n    description: |\n      Two lines\n      of text.\n  other_flag:\n    type: ops\n";
    expect(archiveFlagInRegistry(text, "feature-flags.yml", "new_flow")).toBe(
      "flags:\n  new_flow:\n    type: release\n    description: |\n      Two lines\n      of text.\n    status: archived\n  other_flag:\n    type: ops\n",
    );
  });

  it("extends a flow mapping entry", () => {
    const text = "flags:\n  new_flow: { type: release, owner: \"@web\" }\n";
    expect(archiveFlagInRegistry(text, "feature-flags.yaml", "new_flow")).toBe(
      "flags:\n  new_flow: { type: release, owner: \"@web\", status: archived }\n",
    );
  });

  it("keeps Windows line endings", () => {
    const text = "flags:\r\n  new_flow:\r\n    type: release\r\n";
    expect(archiveFlagInRegistry(text, "feature-flags.yaml", "new_flow")).toBe("flags:\r\n  new_flow:\r\n    type: release\r\n    status: archived\r\n");
  });

  it("can mark the flag retired instead", () => {
    const result = archiveFlagInRegistry(YAML_REGISTRY, "feature-flags.yaml", "new_flow", "retired");
    expect(result).toContain("    ticket: PAY-1234          # removal ticket\n    status: retired\n");
  });

  it("leaves an entry that is already archived as it is", () => {
    const text = "flags:\n  new_flow:\n    type: release\n    status: archived\n";
    expect(archiveFlagInRegistry(text, "feature-flags.yaml", "new_flow")).toBe(text);
  });

  it("refuses a key the registry does not list", () => {
    expect(() => archiveFlagInRegistry(YAML_REGISTRY, "feature-flags.yaml", "new_flwo")).toThrow(UsageError);
  });
});

describe("archiveFlagInRegistry in JSON", () => {
  it("adds a status member on its own line, indented like its neighbours", () => {
    const text = `{\n  "version": 1,\n  "flags": {\n    "new_flow": {\n      "type": "release",\n      "owner": "@payments"\n    }\n  }\n}\n`;
    expect(archiveFlagInRegistry(text, "feature-flags.json", "new_flow")).toBe(
      `{\n  "version": 1,\n  "flags": {\n    "new_flow": {\n      "type": "release",\n      "owner": "@payments",\n      "status": "archived"\n    }\n  }\n}\n`,
    );
  });

  it("replaces an existing status value", () => {
    const text = `{ "flags": { "new_flow": { "type": "release", "status": "active" } } }\n`;
    expect(archiveFlagInRegistry(text, "feature-flags.json", "new_flow")).toBe(
      `{ "flags": { "new_flow": { "type": "release", "status": "archived" } } }\n`,
    );
  });

  it("extends a one-line object", () => {
    const text = `{ "flags": { "new_flow": { "type": "release" } } }\n`;
    expect(archiveFlagInRegistry(text, "feature-flags.json", "new_flow")).toBe(
      `{ "flags": { "new_flow": { "type": "release", "status": "archived" } } }\n`,
    );
  });
});
