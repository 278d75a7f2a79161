// Test data for the format tests: a small project on 2026-11-26 with every flag state, and a hostile twin.
import type { FlagReference, FlagSummary, Finding, ProjectResult, RuleId, Severity } from "@flaglint/core";
import type { FormatOptions, RuleInfo } from "./options.js";

export const CWD = "/repo";
const at = (file: string) => `${CWD}/${file}`;

export const RULES: RuleInfo[] = [
  { id: "no-unknown-flag", severity: "error", description: "Disallow flag keys that are not in the registry" },
  { id: "no-stale-flag", severity: "error", description: "Disallow checks of flags past their removal date, retired or archived" },
  { id: "flag-expiring-soon", severity: "warn", description: "Warn about temporary flags close to their removal date" },
  { id: "require-removal-ticket", severity: "error", description: "Require a removal ticket for release and experiment flags" },
  { id: "no-expired-todo", severity: "error", description: "Disallow flag-removal TODO comments whose date has passed" },
  { id: "no-dynamic-flag-key", severity: "warn", description: "Warn about flag checks whose key cannot be resolved statically" },
  { id: "require-flag-context", severity: "warn", description: "Require an evaluation context for experiment and permission flags" },
  { id: "no-unused-flag", severity: "warn", description: "Report registry flags that no code checks" },
  { id: "invalid-registry", severity: "error", description: "Report a malformed flag registry" },
  { id: "parse-error", severity: "error", description: "Report source files that do not parse" },
];

export function options(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return { cwd: CWD, version: "0.1.0", rules: RULES, ticketUrl: "https://tracker.example/browse/{id}", ...overrides };
}

type FlagInput = Omit<FlagSummary, "known" | "locations" | "references"> & {
  known?: boolean;
  checkedAt?: Array<[file: string, line: number, column: number]>;
  references?: number;
};

export function flag(input: FlagInput): FlagSummary {
  const { checkedAt = [], known = true, ...rest } = input;
  return {
    ...rest,
    known,
    references: input.references ?? checkedAt.length,
    locations: checkedAt.map(([file, line, column]) => ({ file: at(file), line, column })),
  };
}

interface FindingInput {
  rule: RuleId;
  severity: Severity;
  flag: string | null;
  file: string;
  range: [line: number, column: number, endLine: number, endColumn: number];
  message: string;
  suggestion?: string;
}

export function finding(input: FindingInput): Finding {
  const [line, column, endLine, endColumn] = input.range;
  return {
    rule: input.rule,
    severity: input.severity,
    flag: input.flag,
    file: at(input.file),
    line,
    column,
    endLine,
    endColumn,
    messageId: "message",
    data: {},
    message: input.message,
    ...(input.suggestion === undefined ? {} : { suggestion: input.suggestion }),
    registry: at("feature-flags.yaml"),
  };
}

function reference(flagKey: string | null, file: string, line: number, column: number): FlagReference & { file: string } {
  return {
    flag: flagKey,
    dynamic: flagKey === null,
    kind: "call",
    matcher: "calls[0]",
    context: flagKey === null ? null : true,
    keyText: flagKey === null ? "name" : JSON.stringify(flagKey),
    start: 0,
    end: 0,
    siteStart: 0,
    siteEnd: 0,
    file: at(file),
    line,
    column,
    endLine: line,
    endColumn: column + 10,
  };
}

const PRICING_LOCATIONS: Array<[string, number, number]> = Array.from({ length: 10 }, (_, index) => [
  `src/pricing/plan-${index + 1}.tsx`,
  10 + index,
  15,
]);

export function projectResult(): ProjectResult {
  const registry = at("feature-flags.yaml");
  const flags: FlagSummary[] = [
    flag({
      key: "dark_mode", type: "release", created: "2026-11-01", removeBy: "2026-12-13",
      state: "ok", daysLeft: 17, checkedAt: [["src/theme.ts", 4, 20], ["src/settings/appearance.tsx", 18, 11]], registry,
    }),
    flag({
      key: "new_payment_flow", type: "release", owner: "@payments", created: "2026-03-01", removeBy: "2026-04-15",
      ticket: "PAY-1234", description: "New payment processor", status: "active", state: "overdue", daysLeft: -225,
      checkedAt: [["src/pay.ts", 12, 7], ["src/checkout/summary.tsx", 40, 9], ["src/api/charge.ts", 8, 20]], registry,
    }),
    flag({
      key: "payments_kill_switch", type: "ops", owner: "@payments", created: "2025-01-10", status: "active",
      state: "permanent", daysLeft: null, checkedAt: [["src/api/charge.ts", 3, 14], ["src/pay.ts", 2, 10]], registry,
    }),
    flag({
      key: "checkout_v3", type: "release", owner: "@payments", created: "2026-10-20", createdInferred: true,
      removeBy: "2026-12-01", ticket: "https://github.com/acme/shop/issues/42", state: "due-soon", daysLeft: 5,
      checkedAt: [["src/checkout/page.tsx", 3, 14]], registry,
    }),
    flag({
      key: "pricing_page_test", type: "experiment", owner: "@growth", created: "2026-10-01", removeBy: "2026-12-30",
      ticket: "GROW-80", description: "Three-tier pricing page", state: "ok", daysLeft: 34,
      checkedAt: PRICING_LOCATIONS, references: 14, registry,
    }),
    flag({
      key: "onboarding_quiz", type: "experiment", owner: "@growth", created: "2026-07-01", removeBy: "2026-09-29",
      ticket: "GROW-77", state: "overdue", daysLeft: -58, checkedAt: [["src/onboarding/quiz.tsx", 5, 22]], registry,
    }),
    flag({
      key: "legacy_banner", type: "release", owner: "@growth", created: "2025-11-01", removeBy: "2025-12-13",
      ticket: "GROW-12", status: "retired", state: "retired", daysLeft: -348, checkedAt: [["src/home/banner.tsx", 7, 9]], registry,
    }),
    flag({
      key: "old_search", type: "release", owner: "@platform", created: "2025-02-01", removeBy: "2025-03-15",
      ticket: "PLAT-3", status: "archived", state: "archived", daysLeft: -621, registry,
    }),
    flag({
      key: "beta_dashboard", type: "permission", owner: "@platform", created: "2026-05-05", state: "unused", daysLeft: null, registry,
    }),
    flag({
      key: "holiday_banner", type: "release", created: "2026-09-01", removeBy: "2026-11-23", ticket: "OPS-9",
      state: "overdue", daysLeft: -3, checkedAt: [["src/home/banner.tsx", 20, 18]], registry,
    }),
    flag({ key: "new_paymnet_flow", known: false, state: "unknown", daysLeft: null, checkedAt: [["src/pay.ts", 30, 20]] }),
  ];

  const findings: Finding[] = [
    finding({
      rule: "no-stale-flag", severity: "error", flag: "new_payment_flow", file: "src/pay.ts", range: [12, 7, 12, 25],
      message: 'Release toggle "new_payment_flow" was due for removal on 2026-04-15 (225 days ago); owner @payments, ticket PAY-1234. Remove the check.',
    }),
    finding({
      rule: "no-unknown-flag", severity: "error", flag: "new_paymnet_flow", file: "src/pay.ts", range: [30, 20, 30, 38],
      message: 'Unknown flag "new_paymnet_flow". Did you mean "new_payment_flow"?', suggestion: "new_payment_flow",
    }),
    finding({
      rule: "flag-expiring-soon", severity: "warn", flag: "checkout_v3", file: "src/checkout/page.tsx", range: [3, 14, 3, 27],
      message: 'Release toggle "checkout_v3" is due for removal on 2026-12-01 (in 5 days).',
    }),
    finding({
      rule: "no-expired-todo", severity: "error", flag: "holiday_banner", file: "src/home/banner.tsx", range: [18, 1, 19, 40],
      message: "TODO: remove holiday_banner by 2026-11-23 has expired (3 days ago).",
    }),
    finding({
      rule: "require-removal-ticket", severity: "error", flag: "dark_mode", file: "feature-flags.yaml", range: [40, 3, 40, 12],
      message: 'Release toggle "dark_mode" has no removal ticket. Add `ticket:` to its registry entry.',
    }),
    finding({
      rule: "no-unused-flag", severity: "warn", flag: "beta_dashboard", file: "feature-flags.yaml", range: [52, 3, 52, 17],
      message: 'Flag "beta_dashboard" is in the registry but no code checks it.',
    }),
    finding({
      rule: "no-dynamic-flag-key", severity: "warn", flag: null, file: "src/weird dir/a#b [1].ts", range: [4, 18, 4, 22],
      message: "The flag key `name` cannot be resolved statically.",
    }),
    finding({
      rule: "parse-error", severity: "error", flag: null, file: "packages/@acme/ui/broken.ts", range: [2, 5, 2, 6],
      message: "Parsing error: ')' expected.",
    }),
  ];

  return {
    cwd: CWD,
    now: "2026-11-26",
    registries: [registry],
    findings,
    references: [
      reference("new_payment_flow", "src/pay.ts", 12, 7),
      reference("new_paymnet_flow", "src/pay.ts", 30, 20),
      reference(null, "src/weird dir/a#b [1].ts", 4, 18),
    ],
    flags,
    summary: { files: 120, parsed: 14, references: 31, errors: 5, warnings: 3 },
  };
}

export const SCRIPT_TAG = "<script>alert(1)</script>";
export const IMG_TAG = '"><img src=x onerror=alert(1)>';
export const JS_URL = "javascript:alert(1)";

/** Every string a registry or a code base controls, made hostile. */
export function hostileResult(): ProjectResult {
  const registry = at("feature-flags.yaml");
  const evilFile = `src/${IMG_TAG}/a|b\`c\`[x](${JS_URL}).ts`;
  const flags: FlagSummary[] = [
    flag({
      key: SCRIPT_TAG, type: "release", owner: IMG_TAG, created: "2026-01-01", removeBy: "2026-02-01",
      ticket: JS_URL, description: `line one\nline two | \`code\` [click](${JS_URL}) ${SCRIPT_TAG}`,
      state: "overdue", daysLeft: -298, checkedAt: [[evilFile, 1, 1]], registry,
    }),
    flag({
      key: "pipe|key`tick`", type: "experiment", owner: "`team|x`\n## heading", created: "2026-11-01", removeBy: "2026-12-01",
      ticket: `https://evil.example/"><script>alert(1)</script>`, state: "due-soon", daysLeft: 5,
      checkedAt: [[evilFile, 2, 1], ["src/ok.ts", 3, 1], ["src/ok.ts", 4, 1], ["src/ok.ts", 5, 1]], registry,
    }),
    flag({
      key: "[link](javascript:alert(1))", type: "ops", owner: IMG_TAG, ticket: `ID ${SCRIPT_TAG}`,
      state: "permanent", daysLeft: null, registry,
    }),
    flag({ key: `${IMG_TAG}\nsecond line`, known: false, state: "unknown", daysLeft: null, checkedAt: [["src/ok.ts", 9, 1]] }),
  ];
  const message = `Flag ${SCRIPT_TAG} ${IMG_TAG}\nsecond line\r\n100% done, see ${JS_URL} :: end`;
  return {
    cwd: CWD,
    now: "2026-11-26",
    registries: [registry],
    findings: [
      finding({ rule: "no-stale-flag", severity: "error", flag: SCRIPT_TAG, file: evilFile, range: [1, 1, 1, 5], message }),
      finding({ rule: "no-unknown-flag", severity: "error", flag: `${IMG_TAG}\nsecond line`, file: "src/new\nline,x:y.ts", range: [9, 1, 9, 4], message }),
      finding({ rule: "flag-expiring-soon", severity: "warn", flag: "pipe|key`tick`", file: "src/ok.ts", range: [3, 1, 4, 2], message }),
    ],
    references: [reference(SCRIPT_TAG, evilFile, 1, 1)],
    flags,
    summary: { files: 3, parsed: 3, references: 6, errors: 2, warnings: 1 },
  };
}
