import { describe, expect, it } from "vitest";
import { cleanupSource } from "./engine.js";

// The flag client's import is decided from the text when it can be (`flags.x` with no other
// `flags` declared) and by the type checker otherwise; both must give the same answer.
function cleanOn(text: string): string {
  const start = text.indexOf('flags.isEnabled("old")');
  const site = { siteStart: start, siteEnd: start + 'flags.isEnabled("old")'.length };
  return cleanupSource(text, "file.ts", [site], true).text;
}

describe("removeUnused and the flag client's import", () => {
  it("keeps the import while another check reads it", () => {
    const text = 'import { flags } from "./flags";\nif (flags.isEnabled("old")) go();\nif (flags.isEnabled("new")) stay();\n';
    expect(cleanOn(text)).toBe('import { flags } from "./flags";\ngo();\nif (flags.isEnabled("new")) stay();\n');
  });

  it("removes the import when the removed check was its last use", () => {
    const text = 'import { flags } from "./flags";\nif (flags.isEnabled("old")) go();\n';
    expect(cleanOn(text)).toBe("go();\n");
  });

  it("removes the import when the other reads of `flags` are of a parameter that shadows it", () => {
    const text =
      'import { flags } from "./flags";\nif (flags.isEnabled("old")) go();\nexport function other(flags: { isEnabled(key: string): boolean }) {\n  return flags.isEnabled("new");\n}\n';
    expect(cleanOn(text)).toBe(
      'go();\nexport function other(flags: { isEnabled(key: string): boolean }) {\n  return flags.isEnabled("new");\n}\n',
    );
  });

  it("keeps the import when a nested function still reads it", () => {
    const text = 'import { flags } from "./flags";\nif (flags.isEnabled("old")) go();\nexport const later = () => flags.isEnabled("new");\n';
    expect(cleanOn(text)).toBe('import { flags } from "./flags";\ngo();\nexport const later = () => flags.isEnabled("new");\n');
  });
});
