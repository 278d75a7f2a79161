import { describe, expect, it } from "vitest";
import { checkRegistry, referenceCounts } from "./check-registry.js";
import { NOW, REGISTRY_PATH, makeFlag, makeReference, makeRegistry } from "./__fixtures__/build.js";

describe("checkRegistry", () => {
  const registry = makeRegistry([
    makeFlag("used_no_ticket", { ticket: undefined, position: { line: 20, column: 3 } }),
    makeFlag("unused", { position: { line: 8, column: 3 } }),
    makeFlag("unused_no_ticket", { ticket: undefined, position: { line: 14, column: 3 } }),
    makeFlag("archived", { status: "archived", ticket: undefined, position: { line: 26, column: 3 } }),
    makeFlag("kill", { type: "ops", ticket: undefined, position: { line: 30, column: 3 } }),
  ]);
  const references = [makeReference("used_no_ticket"), makeReference("kill"), makeReference(null)];

  it("reports missing tickets and unused flags at their entries, in registry order", () => {
    const findings = checkRegistry({ registry, references, now: NOW });
    expect(findings.map(({ rule, flag, line }) => ({ rule, flag, line }))).toEqual([
      { rule: "no-unused-flag", flag: "unused", line: 8 },
      { rule: "require-removal-ticket", flag: "unused_no_ticket", line: 14 },
      { rule: "no-unused-flag", flag: "unused_no_ticket", line: 14 },
      { rule: "require-removal-ticket", flag: "used_no_ticket", line: 20 },
    ]);
  });

  it("points at the entry's key in the registry file", () => {
    const [ticket] = checkRegistry({ registry, references, now: NOW }).filter((f) => f.flag === "used_no_ticket");
    expect(ticket).toMatchObject({
      file: REGISTRY_PATH,
      line: 20,
      column: 3,
      endLine: 20,
      endColumn: 3 + "used_no_ticket".length,
      registry: REGISTRY_PATH,
    });
  });
});

describe("referenceCounts", () => {
  it("counts references per key and skips dynamic ones", () => {
    const counts = referenceCounts([makeReference("a"), makeReference("a"), makeReference("b"), makeReference(null)]);
    expect([...counts]).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });
});
