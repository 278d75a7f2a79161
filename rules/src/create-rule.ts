// The one RuleCreator every flaglint rule is built with: it names each rule's docs page.
import type { TSESLint } from "@typescript-eslint/utils";
import { RuleCreator } from "@typescript-eslint/utils/eslint-utils";

/** Where a rule's docs live: the same address the CLI's SARIF output links to. */
export function docsUrl(ruleId: string): string {
  return `https://github.com/flaglint/flaglint/blob/main/rules/docs/${ruleId}.md`;
}

/** What flaglint adds to `meta.docs`. */
export interface FlaglintDocs {
  /** Turned on by `configs.recommended`. */
  recommended: boolean;
}

// The subpath, not the package root: the root would load ESLint and TypeScript's whole API with it.
export const createRule = RuleCreator<FlaglintDocs>(docsUrl);

/** The type of every exported flaglint rule (rules take no options: they share `settings.flaglint`). */
export type FlaglintRule = TSESLint.RuleModule<string, [], FlaglintDocs>;
