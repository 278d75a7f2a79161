// `# flaglint-disable-next-line <id>` comments in a YAML registry: the way to silence one
// registry-level finding (no-unused-flag, require-removal-ticket) where it is reported.
import type { DisableDirective } from "../types.js";

const REGISTRY_DIRECTIVE = /^\s*#\s*flaglint-disable-next-line(?:\s+(.*))?$/;

/**
 * The `# flaglint-disable-next-line <id>[, <id>…] [-- reason]` comments of a YAML registry, each
 * at the line of its comment (the finding it silences is on the next line). Without ids it names
 * every rule. JSON has no comments.
 */
export function readRegistryDirectives(text: string): DisableDirective[] {
  const directives: DisableDirective[] = [];
  text.split(/\r\n|\r|\n/).forEach((row, index) => {
    const match = REGISTRY_DIRECTIVE.exec(row);
    if (!match) return;
    const list = (match[1] ?? "").split(/\s-{2,}\s|\s-{2,}$/)[0]!;
    const rules = list
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((rule) => rule.replace(/^flaglint\//, ""));
    directives.push({ kind: "disable-next-line", rules, line: index + 1 });
  });
  return directives;
}
