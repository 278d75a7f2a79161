import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const requireRemovalTicket = rules["require-removal-ticket"];

const files = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

const missingTicket = {
  messageId: "missingTicket",
  data: { kind: "Release", flag: "no_ticket", owner: "owner @search", registryName: "feature-flags.yaml" },
};

ruleTester.run("require-removal-ticket", requireRemovalTicket, {
  valid: [
    { name: "a release flag with a ticket", code: code('client.isEnabled("fresh_release", ctx);'), settings },
    { name: "permission flags need no ticket by default", code: code('client.isEnabled("beta_access", ctx);'), settings },
    { name: "ops flags need no ticket by default", code: code('client.isEnabled("kill_switch", ctx);'), settings },
    { name: "an unknown key has no entry to fix", code: code('client.isEnabled("no_tickets_at_all", ctx);'), settings },
  ],
  invalid: [
    {
      name: "a release flag without a ticket, at its check",
      code: code('client.isEnabled("no_ticket", ctx);'),
      settings,
      errors: [{ ...missingTicket, line: 2, column: 18, endLine: 2, endColumn: 29 }],
    },
    {
      name: "at each check, since ESLint sees one file at a time",
      code: code('client.isEnabled("no_ticket", ctx);', "", 'export const Nav = () => useFlag("no_ticket");'),
      settings,
      errors: [
        { ...missingTicket, line: 2, column: 18, endLine: 2, endColumn: 29 },
        { ...missingTicket, line: 4, column: 34, endLine: 4, endColumn: 45 },
      ],
    },
  ],
});
