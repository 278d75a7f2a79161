// Writes a deterministic synthetic TypeScript monorepo for the bench: same seed, same bytes.
//
//   node bench/generate.mjs [--quick] [--seed N] [--out DIR]
//
// Eight packages under packages/, each with its own feature-flags.yaml (SPEC §2; 500 flags in all,
// 80 with --quick) and src/**: services, React components, hooks, handlers, utils, types, about
// 8,000 files and 1M lines (600 files with --quick). About 5 % of the files check
// flags in the shapes detection supports; a few use unknown or dynamic keys, some carry
// `TODO: remove <key> toggle by <date>` notes. Everything comes from one seeded PRNG, so the
// tree (and its hash) only changes when this file does.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Identifies this generator's code, so `run.mjs --keep` never reuses a tree an older one wrote. */
export const GENERATOR_ID = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
/** The bench's "today": the registries' dates are spread around it. */
export const NOW = "2026-11-26";
export const MANIFEST = "bench-tree.json";
export const ESLINT_CONFIG = "eslint.config.mjs";
export const ESLINT_BARE_CONFIG = "eslint.bare.config.mjs";
export const ESLINT_NOOP_CONFIG = "eslint.noop.config.mjs";

const SIZES = {
  full: { files: 8000, flags: 500 },
  quick: { files: 600, flags: 80 },
};
const FLAG_FILE_SHARE = 0.05;
const DECOY_FILE_SHARE = 0.01; // isEnabled() on something that is not the flags SDK
const PLAIN_TODO_SHARE = 0.04; // TODO comments that are not removal notes

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough to pick words; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks by weight from [[value, weight], …]. */
  weighted(pairs) {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of pairs) {
      x -= w;
      if (x < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle(list) {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  sample(list, n) {
    return this.shuffle(list).slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const PACKAGES = [
  { name: "storefront", team: "@storefront", weight: 1.4 },
  { name: "checkout", team: "@checkout", weight: 1.1 },
  { name: "billing", team: "@billing", weight: 1.0 },
  { name: "catalog", team: "@search", weight: 1.0 },
  { name: "accounts", team: "@identity", weight: 0.9 },
  { name: "admin-console", team: "@platform", weight: 1.2 },
  { name: "notifications", team: "@growth", weight: 0.7 },
  { name: "search", team: "@search", weight: 0.7 },
];
const TEAMS = ["@payments", "@growth", "@platform", "@search", "@checkout", "@identity", "@mobile", "@data", "@storefront", "@infra", "@billing"];
const TICKET_PREFIXES = ["PAY", "GRW", "PLAT", "SRCH", "CHK", "IDN", "MOB", "DATA", "WEB", "OPS", "BIL"];

const NOUNS = [
  "order", "invoice", "cart", "product", "session", "payment", "account", "address", "coupon", "review",
  "shipment", "subscription", "plan", "report", "event", "message", "token", "price", "discount", "customer",
  "merchant", "refund", "ticket", "team", "project", "widget", "dashboard", "notification", "profile", "setting",
  "catalog", "warehouse", "carrier", "receipt", "ledger", "balance", "transfer", "booking", "channel", "comment",
  "attachment", "document", "template", "workflow", "task", "job", "metric", "segment", "campaign", "audience",
  "tenant", "region", "locale", "currency", "vendor", "supplier", "bundle", "variant", "category", "rating",
  "wishlist", "banner", "page", "menu", "role", "member", "invite", "device", "credential", "webhook",
  "integration", "backup", "audit", "alert", "incident", "quote", "contract", "checkout", "basket", "voucher",
];
const VERBS = [
  "fetch", "load", "create", "update", "remove", "sync", "compute", "validate", "resolve", "format",
  "parse", "build", "merge", "apply", "normalize", "track", "schedule", "refresh", "archive", "publish",
  "enqueue", "reconcile", "calculate", "serialize", "hydrate", "dispatch", "notify", "approve", "reject", "export",
  "render", "filter", "sort", "group", "summarize", "estimate", "assign", "cancel", "restore", "prepare",
];
const ADJECTIVES = [
  "active", "pending", "archived", "recent", "primary", "default", "current", "next", "previous", "visible",
  "selected", "expired", "draft", "total", "remaining", "failed", "verified", "local", "remote", "cached",
];
const AREAS = [
  "billing", "checkout", "catalog", "search", "accounts", "notifications", "analytics", "inventory", "shipping",
  "orders", "reviews", "auth", "profile", "settings", "reports", "onboarding", "messaging", "pricing",
  "payments", "subscriptions", "admin", "support", "marketing", "loyalty",
];
const STATUSES = ["draft", "pending", "active", "paused", "failed", "completed", "cancelled", "archived"];
const FLAG_WORDS_A = ["new", "enable", "use", "show", "beta", "v2", "async", "fast", "smart", "redesigned", "unified", "instant", "legacy", "guest", "bulk"];
const FLAG_WORDS_B = ["checkout", "search", "payments", "pricing", "navigation", "onboarding", "invoices", "cart", "recommendations", "dashboard", "exports", "reviews", "shipping", "notifications", "profile", "coupons", "ledger", "sidebar", "filters", "uploads", "sessions", "billing", "wishlist", "reports", "audit_log"];
const FLAG_WORDS_C = ["", "", "", "v2", "v3", "flow", "ui", "api", "rollout", "experiment", "kill_switch", "banner", "cache", "beta"];

/** [name, kind]: kinds drive which expressions can use a property. */
const PROPS = [
  ["id", "str"], ["name", "str"], ["status", "str"], ["createdAt", "str"], ["updatedAt", "str"],
  ["ownerId", "str"], ["email", "str"], ["title", "str"], ["currency", "str"], ["region", "str"],
  ["total", "num"], ["quantity", "num"], ["price", "num"], ["amount", "num"], ["count", "num"], ["position", "num"],
  ["enabled", "bool"], ["archived", "bool"], ["visible", "bool"], ["verified", "bool"],
  ["tags", "list"], ["items", "list"], ["lines", "list"],
];
const PROPS_BY_KIND = groupBy(PROPS, ([, kind]) => kind);
const TS_TYPES = { str: "string", num: "number", bool: "boolean", list: "string[]" };

const COMMENTS = [
  "Keep the {noun} list stable so rows are reused between renders.",
  "The API returns {noun}s in creation order; sort them for display.",
  "Retry once: the {area} service sometimes drops the first request after a deploy.",
  "Amounts are in minor units (cents) everywhere in this module.",
  "{Noun} ids are opaque strings; never parse them.",
  "This runs on every request, so avoid allocating inside the loop.",
  "Normalise before comparing: older {noun}s were stored with mixed case.",
  "The {area} team owns this contract; talk to them before changing the shape.",
  "Empty {noun}s are valid here and mean \"use the account default\".",
  "We cap the batch size to stay under the gateway's payload limit.",
  "Dates come back as ISO strings; convert at the edge, not here.",
  "Guard against the race where the {noun} is deleted while we load it.",
  "Cheap check first: most {noun}s are filtered out by status.",
  "Mirrors the server-side validation in the {area} service.",
  "The order of these checks matters for the error message the user sees.",
  "Fallback for tenants that have not migrated to the new {noun} model.",
  "Memoised because the parent re-renders on every keystroke.",
  "Legacy {noun}s have no region; treat them as the account's home region.",
  "Only the first page is prefetched; the rest loads on scroll.",
  "See the {area} runbook for what to do when this alert fires.",
];
const PLAIN_TODOS = [
  "TODO: paginate once the {area} API supports cursors",
  "TODO: move this to the shared {noun} helpers",
  "TODO(perf): cache the {noun} lookup per request",
  "FIXME: this ignores the tenant's time zone",
  "TODO: drop the fallback after the {noun} migration",
];
const JSX_TAGS = ["div", "section", "header", "footer", "p", "span", "ul", "li", "button", "Card", "Stack", "Text", "Badge", "Tooltip"];
const LOG_LEVELS = ["debug", "info", "warn"];

// ---------------------------------------------------------------------------------------------
// Small helpers

function groupBy(list, keyOf) {
  const out = {};
  for (const item of list) (out[keyOf(item)] ??= []).push(item);
  return out;
}
const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const camel = (...words) => words[0] + words.slice(1).map(cap).join("");
const pascal = (...words) => words.map(cap).join("");
const kebab = (...words) => words.join("-");
/** "dispatch" -> "dispatches", "apply" -> "applies": doc comments read as English. */
const third = (verb) => (/(s|sh|ch|x)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);
const past = (verb) => (verb.endsWith("e") ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`);
const snakeToCamel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const snakeToPascal = (s) => cap(snakeToCamel(s));
const snakeToUpper = (s) => s.toUpperCase();

const DAY = 86_400_000;
const toDays = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (days) => new Date(days * DAY).toISOString().slice(0, 10);
const NOW_DAYS = toDays(NOW);

function fill(template, r) {
  const noun = r.pick(NOUNS);
  return template.replaceAll("{noun}", noun).replaceAll("{Noun}", cap(noun)).replaceAll("{area}", r.pick(AREAS));
}

/** Splits `total` into integer shares proportional to `weights`, summing exactly to `total`. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  for (let i = 0; shares.reduce((a, b) => a + b, 0) < total; i++) shares[i % shares.length]++;
  return shares;
}

// ---------------------------------------------------------------------------------------------
// Registries

const POLICY = { lifetimeDays: { release: 42, experiment: 90, ops: null, permission: null }, warnDays: 14 };

/** Picks the flag's standing on NOW first, then dates that produce it. */
function makeFlag(r, key, pkg) {
  const type = r.weighted([["release", 50], ["experiment", 20], ["ops", 15], ["permission", 15]]);
  const owner = r.chance(0.75) ? pkg.team : r.pick(TEAMS);
  const temporary = type === "release" || type === "experiment";
  const flag = { key, type, owner, description: describeFlag(key, type) };
  if (!temporary) {
    flag.created = toIso(NOW_DAYS - r.int(30, 900));
    if (r.chance(0.04)) flag.status = "retired";
    return flag;
  }
  const lifetime = POLICY.lifetimeDays[type];
  const standing = r.weighted([["ok", 46], ["due-soon", 12], ["overdue", 30], ["retired", 8], ["archived", 4]]);
  const daysLeft = {
    ok: () => r.int(POLICY.warnDays + 2, 160),
    "due-soon": () => r.int(1, POLICY.warnDays - 2),
    overdue: () => -r.int(1, 420),
    retired: () => -r.int(0, 300),
    archived: () => -r.int(30, 500),
  }[standing]();
  const deadline = NOW_DAYS + daysLeft;
  // Half the entries state removeBy, half rely on created + lifetime (only when that stays in the past).
  if (r.chance(0.5) && daysLeft < lifetime) {
    flag.created = toIso(deadline - lifetime);
  } else {
    flag.created = toIso(Math.min(NOW_DAYS, deadline) - r.int(5, 120));
    flag.removeBy = toIso(deadline);
  }
  if (!r.chance(0.12)) flag.ticket = `${r.pick(TICKET_PREFIXES)}-${r.int(100, 9999)}`;
  if (standing === "retired" || standing === "archived") flag.status = standing;
  return flag;
}

function describeFlag(key, type) {
  const words = key.replaceAll("_", " ");
  return {
    release: `Roll out ${words}`,
    experiment: `A/B test: ${words}`,
    ops: `Kill switch for ${words}`,
    permission: `Entitlement: ${words}`,
  }[type];
}

function makeFlagKeys(r, count) {
  const keys = new Set();
  while (keys.size < count) {
    const parts = [r.pick(FLAG_WORDS_A), r.pick(FLAG_WORDS_B), r.pick(FLAG_WORDS_C)].filter(Boolean);
    let key = parts.join("_");
    if (keys.has(key)) key = `${key}_${r.int(2, 9)}`;
    keys.add(key);
  }
  return [...keys];
}

function registryYaml(pkg, flags) {
  const lines = [
    `# Feature flags of @acme/${pkg.name}. Generated by the flaglint bench.`,
    "version: 1",
    "",
    "detect:",
    "  calls:",
    '    - module: "@acme/flags"',
    "      import: flags",
    "      method: isEnabled",
    "      contextArg: 1",
    "    - function: useFlag",
    "",
    "policy:",
    "  lifetimeDays:",
    `    release: ${POLICY.lifetimeDays.release}`,
    `    experiment: ${POLICY.lifetimeDays.experiment}`,
    "    ops: null",
    "    permission: null",
    `  warnDays: ${POLICY.warnDays}`,
    "  requireTicket: [release, experiment]",
    "",
    "flags:",
  ];
  for (const flag of flags) {
    lines.push(`  ${flag.key}:`, `    type: ${flag.type}`, `    owner: "${flag.owner}"`, `    created: ${flag.created}`);
    if (flag.removeBy) lines.push(`    removeBy: ${flag.removeBy}`);
    if (flag.ticket) lines.push(`    ticket: ${flag.ticket}`);
    lines.push(`    description: ${JSON.stringify(flag.description)}`);
    if (flag.status) lines.push(`    status: ${flag.status}`);
  }
  return lines.join("\n") + "\n";
}

/** The flag's effective deadline, as a removal note would quote it. */
function deadlineOf(flag) {
  if (flag.removeBy) return flag.removeBy;
  const lifetime = POLICY.lifetimeDays[flag.type];
  return lifetime === null ? null : toIso(toDays(flag.created) + lifetime);
}

// ---------------------------------------------------------------------------------------------
// Function bodies: random but well-formed statements over typed local variables

/** A function body being written: its indentation, the variables in scope, what it may use. */
class Body {
  constructor(r, indent, { async = false, self = "", vars = [] } = {}) {
    this.r = r;
    this.indent = indent;
    this.async = async;
    this.self = self; // "this." inside class methods, "" in plain functions
    this.vars = [...vars];
    this.taken = new Set(vars.map((v) => v.name));
    this.lines = [];
  }
  line(text) {
    this.lines.push(this.indent + text);
  }
  nested(fn) {
    const saved = [this.indent, this.vars.length];
    this.indent += "  ";
    fn();
    [this.indent] = saved;
    this.vars.length = saved[1]; // block-scoped declarations leave scope
  }
  declare(base, kind) {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    this.vars.push({ name, kind });
    return name;
  }
  varOf(kind) {
    const candidates = this.vars.filter((v) => v.kind === kind);
    return candidates.length ? this.r.pick(candidates).name : null;
  }
}

function prop(r, kind) {
  return r.pick(PROPS_BY_KIND[kind])[0];
}

function literal(r, kind) {
  switch (kind) {
    case "str":
      return JSON.stringify(r.pick(STATUSES));
    case "num":
      return String(r.pick([0, 1, 5, 10, 20, 25, 50, 100, 250, 1000]));
    case "bool":
      return r.pick(["true", "false"]);
    default:
      return "[]";
  }
}

/** An expression of the given kind built from what is in scope. */
function expr(b, kind, depth = 0) {
  const r = b.r;
  const list = b.varOf("list");
  const obj = b.varOf("obj");
  const num = b.varOf("num");
  const str = b.varOf("str");
  const aw = b.async ? "await " : "";
  const noun = r.pick(NOUNS);
  const options = {
    list: [
      list && (() => `${list}.filter((item) => item.${prop(r, "str")} !== ${literal(r, "str")})`),
      list && (() => `${list}.map((item) => ({ ...item, ${prop(r, "num")}: item.${prop(r, "num")} * ${r.int(2, 12)} }))`),
      list && (() => `[...${list}].sort((a, b) => a.${prop(r, "num")} - b.${prop(r, "num")})`),
      list && (() => `${list}.slice(0, ${r.int(5, 50)})`),
      () => `${aw}${b.self}${camel(r.pick(["fetch", "load", "list", "find"]), noun)}s(${str ?? literal(r, "str")})`,
      () => `Object.values(${obj ?? "{}"}).filter(Boolean)`,
    ],
    obj: [
      obj && depth < 2 && (() => `{ ...${obj}, ${prop(r, "str")}: ${expr(b, "str", depth + 1)} }`),
      list && (() => `${list}.find((item) => item.id === ${str ?? literal(r, "str")})`),
      () => `${aw}${b.self}${camel(r.pick(VERBS), noun)}(${str ?? literal(r, "str")})`,
      () => `{ id: ${str ?? literal(r, "str")}, ${prop(r, "num")}: ${num ?? literal(r, "num")}, ${prop(r, "bool")}: ${literal(r, "bool")} }`,
      list && (() => `${list}[0] ?? null`),
    ],
    num: [
      list && (() => `${list}.length`),
      list && (() => `${list}.reduce((sum, item) => sum + item.${prop(r, "num")}, 0)`),
      num && (() => `Math.max(${num}, ${literal(r, "num")})`),
      num && (() => `Math.round(${num} * ${r.pick(["0.2", "1.5", "100", "0.01"])})`),
      obj && (() => `${obj}.${prop(r, "num")} ?? 0`),
      () => literal(r, "num"),
    ],
    str: [
      obj && (() => `${obj}.${prop(r, "str")}`),
      str && (() => `${str}.trim().toLowerCase()`),
      num && (() => `String(${num})`),
      () => `\`${cap(noun)} \${${str ?? obj ?? "Date.now()"}}\``,
      () => `new Date().toISOString()`,
      () => JSON.stringify(`${r.pick(AREAS)}.${noun}.${r.pick(VERBS)}`),
    ],
    bool: [
      list && (() => `${list}.length > ${r.int(0, 3)}`),
      list && (() => `${list}.some((item) => item.${prop(r, "bool")})`),
      obj && (() => `${obj}.${prop(r, "str")} === ${literal(r, "str")}`),
      obj && (() => `Boolean(${obj}?.${prop(r, "bool")})`),
      num && (() => `${num} >= ${literal(r, "num")}`),
      str && (() => `${str}.startsWith(${JSON.stringify(r.pick(NOUNS))})`),
      () => r.pick(['process.env.NODE_ENV !== "production"', "Date.now() > deadline", "retries < MAX_RETRIES", "cache.size === 0"]),
    ],
  }[kind].filter(Boolean);
  return r.pick(options)();
}

const NAME_BASES = {
  list: () => [...ADJECTIVES.map((a) => (n) => camel(a, n) + "s"), (n) => n + "s"],
  obj: () => [(n) => n, ...ADJECTIVES.map((a) => (n) => camel(a, n))],
  num: () => [(n) => n + "Count", (n) => camel("total", n) + "s", (n) => n + "Total", () => "limit", () => "offset"],
  str: () => [(n) => n + "Id", (n) => n + "Label", (n) => n + "Key", () => "cursor"],
  bool: () => [(n) => camel("has", n), (n) => camel("is", n) + "Ready", (n) => camel("should", "sync", n)],
};
const NAME_MAKERS = Object.fromEntries(Object.entries(NAME_BASES).map(([k, f]) => [k, f()]));

function newName(r, kind) {
  return r.pick(NAME_MAKERS[kind])(r.pick(NOUNS));
}

/** Writes `count` statements into the body, nesting up to `depth` levels. */
function statements(b, count, depth = 0) {
  const r = b.r;
  for (let i = 0; i < count; i++) {
    const choice = r.weighted([
      ["declare", 8], ["if", depth < 2 ? 3 : 0], ["for", depth < 2 ? 2 : 0], ["try", depth < 1 ? 1 : 0],
      ["switch", depth < 1 ? 1 : 0], ["log", 2], ["call", 2], ["comment", 1.2], ["push", 1],
    ]);
    switch (choice) {
      case "declare": {
        const kind = r.weighted([["list", 2], ["obj", 3], ["num", 2], ["str", 2], ["bool", 2]]);
        const value = expr(b, kind);
        b.line(`const ${b.declare(newName(r, kind), kind)} = ${value};`);
        break;
      }
      case "if": {
        b.line(`if (${expr(b, "bool")}) {`);
        b.nested(() => statements(b, r.int(1, 3), depth + 1));
        if (r.chance(0.3)) {
          b.line("} else {");
          b.nested(() => statements(b, r.int(1, 2), depth + 1));
        }
        b.line("}");
        break;
      }
      case "for": {
        const list = b.varOf("list");
        if (!list) break;
        const item = r.pick(["item", "entry", "row", "record"]);
        b.line(`for (const ${item} of ${list}) {`);
        b.nested(() => {
          b.vars.push({ name: item, kind: "obj" });
          b.line(`if (!${item}.${prop(r, "bool")}) continue;`);
          statements(b, r.int(1, 3), depth + 1);
        });
        b.line("}");
        break;
      }
      case "try": {
        b.line("try {");
        b.nested(() => statements(b, r.int(2, 4), depth + 1));
        b.line("} catch (error) {");
        b.nested(() => {
          b.line(`logger.${r.pick(["warn", "error"])}(${JSON.stringify(`Could not ${r.pick(VERBS)} ${r.pick(NOUNS)}`)}, { error });`);
          if (r.chance(0.5)) b.line("throw error;");
        });
        b.line("}");
        break;
      }
      case "switch": {
        const subject = b.varOf("obj");
        if (!subject) break;
        b.line(`switch (${subject}.status) {`);
        for (const status of r.sample(STATUSES, r.int(2, 4))) {
          b.line(`  case ${JSON.stringify(status)}: {`);
          b.nested(() => b.nested(() => {
            statements(b, r.int(1, 2), depth + 2);
            b.line("break;");
          }));
          b.line("  }");
        }
        b.line("  default:");
        b.line(`    logger.debug(${JSON.stringify(`Unhandled ${r.pick(NOUNS)} status`)}, { status: ${subject}.status });`);
        b.line("}");
        break;
      }
      case "log": {
        const v = b.vars.length ? r.pick(b.vars).name : "undefined";
        b.line(`logger.${r.pick(LOG_LEVELS)}(${JSON.stringify(`${cap(past(r.pick(VERBS)))} ${r.pick(NOUNS)}`)}, { ${v} });`);
        break;
      }
      case "call": {
        const arg = b.vars.length ? r.pick(b.vars).name : literal(r, "str");
        b.line(`${b.async ? "await " : ""}${b.self}${camel(r.pick(VERBS), r.pick(NOUNS))}(${arg});`);
        break;
      }
      case "comment":
        b.line(`// ${fill(r.pick(COMMENTS), r)}`);
        break;
      case "push": {
        const list = b.varOf("list");
        const obj = b.varOf("obj");
        if (list && obj) b.line(`${list}.push(${obj});`);
        break;
      }
    }
  }
}

function returnStatement(b, kind) {
  b.line(`return ${expr(b, kind)};`);
}

// ---------------------------------------------------------------------------------------------
// Flag checks: what a flag-check file contains, planned before its code is written

/**
 * Plans the checks of one file: keys, shapes, key expressions, notes. `header` lines go after the
 * imports (key constants, enums, destructuring); each check is later written into a function body.
 */
function planFlagChecks(r, pkgFlags, otherKeys, { component }) {
  const count = r.weighted([[1, 45], [2, 30], [3, 15], [4, 10]]);
  const style = component ? "hook" : r.weighted([["member", 55], ["alias", 20], ["destructured", 25]]);
  const callee = { member: "flags.isEnabled", alias: "featureFlags.isEnabled", destructured: "isEnabled", hook: "useFlag" }[style];
  const imports = {
    member: 'import { flags } from "@acme/flags";',
    alias: 'import { flags as featureFlags } from "@acme/flags";',
    destructured: 'import { flags } from "@acme/flags";',
    hook: 'import { useFlag } from "@acme/flags/react";',
  }[style];
  const header = style === "destructured" ? ["", "const { isEnabled } = flags;"] : [];
  const consts = [];
  const enumMembers = [];
  const asConst = [];
  const checks = [];
  const stats = { references: 0, dynamic: 0, unknown: 0, notes: 0 };
  const usable = pkgFlags.filter((f) => f.status !== "archived" || r.chance(0.3));

  for (let i = 0; i < count; i++) {
    const kind = r.weighted([["known", 92], ["unknown", 4], ["dynamic", 4]]);
    const flag = r.pick(usable);
    let key = flag.key;
    if (kind === "unknown") key = r.chance(0.5) ? misspell(r, key, pkgFlags) : r.pick(otherKeys);
    let keyExpr;
    if (kind === "dynamic") {
      keyExpr = r.pick(["`${context.region}_checkout`", "context.experimentKey", "`beta_${context.area}`"]);
      stats.dynamic++;
    } else {
      const form = r.weighted([["literal", 60], ["template", 4], ["const", 14], ["enum", 14], ["asConst", 8]]);
      keyExpr = {
        literal: () => JSON.stringify(key),
        template: () => `\`${key}\``,
        const: () => addConst(consts, key),
        enum: () => addMember(enumMembers, key, "Flag.", snakeToPascal),
        asConst: () => addMember(asConst, key, "FLAGS.", snakeToCamel),
      }[form]();
      if (kind === "unknown") stats.unknown++;
    }
    stats.references++;
    // Experiments and permissions usually pass a context; leave some out for require-flag-context.
    const withContext = style !== "hook" && r.chance(0.85);
    let note = null;
    const deadline = kind === "known" ? deadlineOf(flag) : null;
    if (deadline && r.chance(0.2)) {
      const date = r.chance(0.7) ? deadline : toIso(NOW_DAYS + r.int(-200, 120));
      note = `// TODO: remove ${key} toggle by ${date}${flag.ticket && r.chance(0.3) ? ` (${flag.ticket})` : ""}`;
      stats.notes++;
    }
    checks.push({ callee, keyExpr, key, withContext, note, name: snakeToCamel(key.replace(/[^a-z0-9_]/g, "")) });
  }

  if (consts.length) header.push("", ...consts.map(([name, key]) => `const ${name} = ${JSON.stringify(key)};`));
  if (enumMembers.length) {
    header.push("", "enum Flag {", ...enumMembers.map(([name, key]) => `  ${name} = ${JSON.stringify(key)},`), "}");
  }
  if (asConst.length) {
    header.push("", "const FLAGS = {", ...asConst.map(([name, key]) => `  ${name}: ${JSON.stringify(key)},`), "} as const;");
  }
  return { imports: [imports], header, checks, stats };
}

function addConst(consts, key) {
  const found = consts.find(([, k]) => k === key);
  if (found) return found[0];
  const name = `${snakeToUpper(key)}_FLAG`;
  consts.push([name, key]);
  return name;
}

function addMember(members, key, prefix, naming) {
  const found = members.find(([, k]) => k === key);
  if (found) return prefix + found[0];
  const name = naming(key);
  members.push([name, key]);
  return prefix + name;
}

/** A typo of a real key that is not itself a key: drops or swaps a letter. */
function misspell(r, key, pkgFlags) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = r.int(1, key.length - 2);
    const typo = r.chance(0.5) ? key.slice(0, i) + key.slice(i + 1) : key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    if (!pkgFlags.some((f) => f.key === typo)) return typo;
  }
  return `${key}_old`;
}

/** Writes one check into a non-component body, in one of the shapes real code uses. */
function writeCheck(b, check) {
  const r = b.r;
  const call = `${check.callee}(${check.keyExpr}${check.withContext ? `, ${contextArg(r)}` : ""})`;
  if (check.note) b.line(check.note);
  const shape = r.weighted([["if", 45], ["guard", 20], ["ternary", 15], ["const", 20]]);
  switch (shape) {
    case "if":
      b.line(`if (${call}) {`);
      b.nested(() => {
        statements(b, r.int(1, 3), 1);
        b.line(`return ${b.async ? "await " : ""}${b.self}${camel(r.pick(VERBS), r.pick(NOUNS))}V2(context);`);
      });
      b.line("}");
      break;
    case "guard":
      b.line(`if (!${call}) {`);
      b.line(`  return ${r.pick(["null", "undefined", "[]", "false"])};`);
      b.line("}");
      break;
    case "ternary":
      b.line(`const ${b.declare(check.name + "Limit", "num")} = ${call} ? ${r.int(20, 200)} : ${r.int(5, 19)};`);
      break;
    case "const": {
      const name = b.declare(`${check.name}Enabled`, "bool");
      b.line(`const ${name} = ${call};`);
      b.line(`if (${name} && ${expr(b, "bool")}) {`);
      b.nested(() => statements(b, r.int(1, 2), 1));
      b.line("}");
      break;
    }
  }
}

function contextArg(r) {
  return r.pick([
    "{ userId: context.userId }",
    "{ userId: context.userId, tenantId: context.tenantId }",
    "context",
    "{ userId: context.userId, region: context.region, plan: context.plan }",
  ]);
}

// ---------------------------------------------------------------------------------------------
// Files by kind. Each returns { text, exports } where exports feed later files' imports.

/** Imports of earlier modules of the same package, with relative `.js` specifiers. */
function importLines(r, fromPath, modules, taken, n) {
  const lines = [];
  for (const mod of r.sample(modules, Math.min(n, modules.length))) {
    const names = r.sample(mod.exports, r.int(1, Math.min(3, mod.exports.length))).filter((e) => !taken.has(e.name));
    if (!names.length) continue;
    for (const e of names) taken.add(e.name);
    let spec = path.posix.relative(path.posix.dirname(fromPath), mod.path).replace(/\.tsx?$/, ".js");
    if (!spec.startsWith(".")) spec = `./${spec}`;
    const types = names.every((e) => e.type);
    const list = names.map((e) => (e.type && !types ? `type ${e.name}` : e.name)).join(", ");
    lines.push(`import ${types ? "type " : ""}{ ${list} } from "${spec}";`);
  }
  return lines;
}

function jsdoc(r, indent, summary) {
  if (!r.chance(0.55)) return [];
  const lines = [`${indent}/**`, `${indent} * ${summary}`];
  if (r.chance(0.4)) lines.push(`${indent} *`, `${indent} * ${fill(r.pick(COMMENTS), r)}`);
  lines.push(`${indent} */`);
  return lines;
}

function interfaceLines(r, name, { without = null } = {}) {
  const lines = [`export interface ${name} {`];
  for (const [p, kind] of r.sample(PROPS.filter(([p]) => p !== without), r.int(3, 9))) {
    lines.push(`  ${r.chance(0.15) ? "readonly " : ""}${p}${r.chance(0.2) ? "?" : ""}: ${TS_TYPES[kind]};`);
  }
  lines.push("}");
  return lines;
}

function serviceFile(r, ctx) {
  const { noun, name: Name } = ctx;
  const taken = new Set([Name, "logger"]);
  const lines = [`import { logger } from "${ctx.loggerSpec}";`, ...ctx.flag?.imports ?? [], ...importLines(r, ctx.path, ctx.modules, taken, r.int(1, 5))];
  lines.push(...(ctx.flag?.header ?? []), "");
  const Options = `${Name}Options`;
  lines.push(...interfaceLines(r, Options), "");
  lines.push(...jsdoc(r, "", `${cap(third(r.pick(VERBS)))} ${noun}s for the ${r.pick(AREAS)} area.`));
  lines.push(`export class ${Name} {`);
  lines.push(`  private readonly cache = new Map<string, unknown>();`, "");
  lines.push(`  constructor(private readonly options: ${Options}) {}`);
  const checks = [...(ctx.flag?.checks ?? [])];
  const methods = Math.max(checks.length, ctx.units);
  const methodNames = new Set();
  for (let m = 0; m < methods; m++) {
    const async = r.chance(0.6);
    const verb = r.pick(VERBS);
    let target = r.pick(NOUNS);
    while (methodNames.has(camel(verb, target))) target = r.pick(NOUNS);
    methodNames.add(camel(verb, target));
    const check = checks.shift();
    const params = check ? [{ name: "context", kind: "ctx" }] : [];
    const vars = [...params];
    for (const kind of r.sample(["str", "obj", "list", "num"], r.int(1, 2))) vars.push({ name: newName(r, kind), kind });
    const retKind = r.pick(["obj", "list", "num", "str", "bool"]);
    lines.push("", ...jsdoc(r, "  ", `${cap(third(verb))} the ${target}.`));
    const signature = vars.map((v) => `${v.name}: ${v.kind === "ctx" ? "RequestContext" : paramType(v.kind, target)}`).join(", ");
    lines.push(`  ${r.chance(0.2) ? "private " : ""}${async ? "async " : ""}${camel(verb, target)}(${signature}) {`);
    const b = new Body(r, "    ", { async, self: "this.", vars: vars.filter((v) => v.kind !== "ctx") });
    if (check) writeCheck(b, check);
    statements(b, r.int(3, 11));
    returnStatement(b, retKind);
    lines.push(...b.lines, "  }");
  }
  lines.push("}");
  if (ctx.flag) lines.unshift('import type { RequestContext } from "@acme/flags";');
  return { lines, exports: [{ name: Name }, { name: Options, type: true }] };
}

function paramType(kind, noun) {
  return { str: "string", num: "number", bool: "boolean", list: `${pascal(noun)}[]`, obj: pascal(noun) }[kind];
}

function functionsFile(r, ctx, { handler = false } = {}) {
  const taken = new Set(["logger"]);
  const lines = [`import { logger } from "${ctx.loggerSpec}";`, ...ctx.flag?.imports ?? []];
  if (handler) lines.push('import type { Request, Response } from "express";');
  if (ctx.flag) lines.push('import type { RequestContext } from "@acme/flags";');
  lines.push(...importLines(r, ctx.path, ctx.modules, taken, r.int(0, 4)), ...(ctx.flag?.header ?? []));
  const exports = [];
  if (r.chance(0.4)) {
    const T = `${pascal(r.pick(ADJECTIVES), r.pick(NOUNS))}Input`;
    if (!taken.has(T)) {
      taken.add(T);
      lines.push("", ...interfaceLines(r, T));
      exports.push({ name: T, type: true });
    }
  }
  const checks = [...(ctx.flag?.checks ?? [])];
  const count = Math.max(checks.length, ctx.units);
  for (let f = 0; f < count; f++) {
    const verb = r.pick(VERBS);
    const noun = r.chance(0.5) ? ctx.noun : r.pick(NOUNS);
    let name = handler ? `handle${pascal(verb, noun)}` : camel(verb, noun, r.pick(["", "", "List", "Summary", "Batch"]));
    for (let i = 2; taken.has(name); i++) name = `${name}${i}`;
    taken.add(name);
    const check = checks.shift();
    const async = handler || r.chance(0.4);
    const vars = [];
    for (const kind of r.sample(["str", "obj", "list", "num", "bool"], r.int(1, 3))) vars.push({ name: newName(r, kind), kind });
    const unique = vars.filter((v, i) => vars.findIndex((w) => w.name === v.name) === i);
    const params = handler
      ? "req: Request, res: Response"
      : [...(check ? ["context: RequestContext"] : []), ...unique.map((v) => `${v.name}: ${paramType(v.kind, noun)}`)].join(", ");
    lines.push("", ...jsdoc(r, "", `${cap(third(verb))} ${noun}s${handler ? " over HTTP" : ""}.`));
    const retKind = r.pick(["obj", "list", "num", "str", "bool"]);
    lines.push(`export ${async ? "async " : ""}function ${name}(${params})${handler ? ": Promise<void>" : ""} {`);
    const b = new Body(r, "  ", { async, vars: handler ? [] : unique });
    if (handler) {
      if (check) b.line(`const context = req.context as RequestContext;`);
      for (const v of unique) b.line(`const ${b.declare(v.name, v.kind)} = req.${v.kind === "str" ? "params" : "body"}.${v.name};`);
    }
    if (check) writeCheck(b, check);
    statements(b, r.int(3, 12));
    if (handler) b.line(`res.status(${r.pick([200, 201, 202])}).json(${expr(b, retKind)});`);
    else returnStatement(b, retKind);
    lines.push(...b.lines, "}");
    exports.push({ name });
  }
  return { lines, exports };
}

function typesFile(r, ctx) {
  const { noun } = ctx;
  const lines = [`// Types of the ${noun} model, shared by services and components.`];
  const exports = [];
  const taken = new Set();
  const Status = `${pascal(noun)}Status`;
  lines.push("", `export type ${Status} = ${r.sample(STATUSES, r.int(3, 6)).map((s) => JSON.stringify(s)).join(" | ")};`);
  exports.push({ name: Status, type: true });
  taken.add(Status);
  for (let i = 0; i < ctx.units; i++) {
    const name = pascal(r.pick(ADJECTIVES), noun, r.pick(["", "Summary", "Input", "Patch", "Row", "Event"]));
    if (taken.has(name)) continue;
    taken.add(name);
    lines.push("", ...jsdoc(r, "", `${/^[aeiou]/.test(noun) ? "An" : "A"} ${noun} as the ${r.pick(AREAS)} API returns it.`));
    const kind = r.weighted([["interface", 6], ["alias", 2], ["enum", 1]]);
    if (kind === "interface") {
      lines.push(...interfaceLines(r, name, { without: "status" }).slice(0, -1), `  status: ${Status};`, "}");
      exports.push({ name, type: true });
    } else if (kind === "alias") {
      lines.push(`export type ${name} = Pick<${r.pick(["Record<string, unknown>", "Partial<Record<string, string>>"])}, string> & {`, `  ${noun}Id: string;`, `  items: ReadonlyArray<{ id: string; quantity: number }>;`, "};");
      exports.push({ name, type: true });
    } else {
      lines.push(`export enum ${name} {`, ...r.sample(STATUSES, r.int(2, 5)).map((s) => `  ${cap(s)} = ${JSON.stringify(s)},`), "}");
      exports.push({ name });
    }
  }
  lines.push("", `export type Paginated${pascal(noun)}s<T = unknown> = {`, "  items: T[];", "  nextCursor: string | null;", "  total: number;", "};");
  return { lines, exports };
}

function hookFile(r, ctx) {
  const { noun, name } = ctx;
  const taken = new Set([name, "logger"]);
  const lines = ['import { useCallback, useEffect, useMemo, useState } from "react";', `import { logger } from "${ctx.loggerSpec}";`, ...ctx.flag?.imports ?? []];
  lines.push(...importLines(r, ctx.path, ctx.modules, taken, r.int(0, 3)), ...(ctx.flag?.header ?? []), "");
  lines.push(...jsdoc(r, "", `Loads ${noun}s and keeps them fresh while the view is open.`));
  lines.push(`export function ${name}(${noun}Id: string) {`);
  lines.push(`  const [data, setData] = useState<unknown[]>([]);`, "  const [error, setError] = useState<Error | null>(null);");
  const flagsOut = [];
  for (const check of ctx.flag?.checks ?? []) {
    if (check.note) lines.push(`  ${check.note}`);
    let v = `${check.name}Enabled`;
    for (let i = 2; flagsOut.includes(v); i++) v = `${check.name}Enabled${i}`;
    flagsOut.push(v);
    lines.push(`  const ${v} = useFlag(${check.keyExpr});`);
  }
  lines.push("  useEffect(() => {", "    let cancelled = false;");
  lines.push(`    fetch(\`/api/${noun}s/\${${noun}Id}\`)`, "      .then((response) => response.json())", "      .then((body) => {", "        if (!cancelled) setData(body.items);", "      })", "      .catch((reason: Error) => {", `        logger.warn("Could not load ${noun}s", { reason });`, "        setError(reason);", "      });", "    return () => {", "      cancelled = true;", "    };", `  }, [${noun}Id]);`);
  for (let i = 0; i < ctx.units; i++) {
    const cb = camel(r.pick(VERBS), noun) + (i || "");
    lines.push("", `  const ${cb} = useCallback(${r.chance(0.5) ? "async " : ""}(input: string) => {`);
    const b = new Body(r, "    ", { vars: [{ name: "input", kind: "str" }, { name: "data", kind: "list" }] });
    statements(b, r.int(2, 6));
    returnStatement(b, r.pick(["obj", "list", "bool"]));
    lines.push(...b.lines, `  }, [data]);`);
  }
  lines.push("", `  const summary = useMemo(() => ({ count: data.length, loaded: !error }), [data, error]);`);
  lines.push(`  return { data, error, summary${flagsOut.length ? `, ${flagsOut.join(", ")}` : ""} };`, "}");
  return { lines, exports: [{ name }] };
}

function componentFile(r, ctx) {
  const { noun, name: Name } = ctx;
  const taken = new Set([Name, "logger", "useState", "useEffect", "useMemo"]);
  const lines = ['import { useEffect, useMemo, useState } from "react";', `import { logger } from "${ctx.loggerSpec}";`, ...ctx.flag?.imports ?? []];
  lines.push(...importLines(r, ctx.path, ctx.modules, taken, r.int(1, 5)), ...(ctx.flag?.header ?? []), "");
  const Props = `${Name}Props`;
  lines.push(`export interface ${Props} {`, `  ${noun}Id: string;`, "  compact?: boolean;", "  onSelect?: (id: string) => void;", "}", "");
  // Helper components first, the exported one last, as people write them.
  for (let i = 1; i < ctx.units; i++) {
    const Helper = `${Name}${r.pick(["Item", "Empty", "Badge", "Footer", "Section", "Hint"])}${i}`;
    lines.push(`function ${Helper}({ label, count }: { label: string; count: number }) {`);
    const b = new Body(r, "  ", { vars: [{ name: "label", kind: "str" }, { name: "count", kind: "num" }] });
    statements(b, r.int(0, 3));
    lines.push(...b.lines, "  return (");
    lines.push(...jsx(r, "    ", r.int(1, 3), ["label", "count"]));
    lines.push("  );", "}", "");
  }
  lines.push(...jsdoc(r, "", `Shows a ${noun} and what the user can do with it.`));
  lines.push(`export function ${Name}({ ${noun}Id, compact = false, onSelect }: ${Props}) {`);
  const flagVars = [];
  for (const check of ctx.flag?.checks ?? []) {
    if (check.note) lines.push(`  ${check.note}`);
    let v = `${check.name}Enabled`;
    for (let i = 2; flagVars.includes(v); i++) v = `${check.name}Enabled${i}`;
    flagVars.push(v);
    lines.push(`  const ${v} = useFlag(${check.keyExpr});`);
  }
  lines.push(`  const [items, setItems] = useState<Array<{ id: string; name: string; total: number }>>([]);`);
  lines.push("  const [loading, setLoading] = useState(true);");
  lines.push("  useEffect(() => {", "    let cancelled = false;", `    fetch(\`/api/${noun}s/\${${noun}Id}/items\`)`, "      .then((response) => response.json())", "      .then((body) => {", "        if (!cancelled) setItems(body);", "      })", "      .finally(() => setLoading(false));", "    return () => {", "      cancelled = true;", "    };", `  }, [${noun}Id]);`);
  lines.push(`  const visible = useMemo(() => items.filter((item) => item.total > ${r.int(0, 10)}), [items]);`);
  if (r.chance(0.3)) lines.push(`  // ${fill(r.pick(COMMENTS), r)}`);
  lines.push("  if (loading) {", '    return <Spinner size="small" />;', "  }");
  lines.push("  return (", `    <section className="${kebab(noun, "panel")}" data-compact={compact}>`);
  for (const v of flagVars) lines.push(`      {${v} && <${pascal(r.pick(ADJECTIVES), noun)}Banner ${noun}Id={${noun}Id} />}`);
  lines.push(...jsx(r, "      ", r.int(2, 4), ["visible", `${noun}Id`]));
  lines.push("      <ul>", "        {visible.map((item) => (", `          <li key={item.id} onClick={() => onSelect?.(item.id)}>`, "            <span>{item.name}</span>", `            <Text tone="muted">{item.total.toFixed(2)}</Text>`, "          </li>", "        ))}", "      </ul>");
  lines.push("    </section>", "  );", "}");
  return { lines, exports: [{ name: Name }, { name: Props, type: true }] };
}

/** A small JSX tree; `names` are expressions in scope to interpolate. */
function jsx(r, indent, depth, names) {
  const tag = r.pick(JSX_TAGS);
  const attrs = [];
  if (r.chance(0.7)) attrs.push(`className="${kebab(r.pick(NOUNS), r.pick(["title", "body", "meta", "actions", "row"]))}"`);
  if (tag === "button") attrs.push(`type="button" onClick={() => logger.info("clicked", { target: ${JSON.stringify(r.pick(NOUNS))} })}`);
  if (r.chance(0.2)) attrs.push(`aria-label=${JSON.stringify(`${cap(r.pick(VERBS))} ${r.pick(NOUNS)}`)}`);
  const open = `${indent}<${tag}${attrs.length ? " " + attrs.join(" ") : ""}>`;
  if (depth <= 1) {
    const text = r.chance(0.5) ? `{${r.pick(names)}}` : `${cap(r.pick(VERBS))} ${r.pick(NOUNS)}`;
    return [`${open}${text}</${tag}>`];
  }
  const lines = [open];
  const children = r.int(1, 3);
  for (let i = 0; i < children; i++) {
    if (r.chance(0.2)) lines.push(`${indent}  {${r.pick(names)} ? <Badge>${cap(r.pick(ADJECTIVES))}</Badge> : null}`);
    else lines.push(...jsx(r, indent + "  ", depth - 1, names));
  }
  lines.push(`${indent}</${tag}>`);
  return lines;
}

// Some files call isEnabled() on a logger or a permission helper: not flag checks, but they pass any
// text pre-filter, as such files do in real code bases.
function addDecoy(r, lines) {
  lines.push("", "const debugLog = createLogger(\"bench\");", "", "export function traceIfEnabled(message: string): void {");
  lines.push(`  if (debugLog.isEnabled(${JSON.stringify(r.pick(["debug", "trace"]))})) {`, "    debugLog.debug(message);", "  }", "}");
}

// ---------------------------------------------------------------------------------------------
// The tree

const KINDS = [
  // [kind, weight, folder, extension, units [min, max]]
  ["service", 20, "services", ".ts", [3, 10]],
  ["component", 26, "components", ".tsx", [1, 5]],
  ["util", 18, "utils", ".ts", [2, 9]],
  ["handler", 10, "api", ".ts", [2, 7]],
  ["hook", 10, "hooks", ".ts", [1, 6]],
  ["types", 16, "types", ".ts", [3, 12]],
];
const WRITERS = {
  service: serviceFile,
  component: componentFile,
  util: (r, ctx) => functionsFile(r, ctx),
  handler: (r, ctx) => functionsFile(r, ctx, { handler: true }),
  hook: hookFile,
  types: typesFile,
};

/** Where the file goes and the names it is about, so `order-service.ts` holds `OrderService`. */
function fileName(r, kind, folder, ext, used) {
  const area = r.pick(AREAS);
  const noun = r.pick(NOUNS);
  const adjective = r.pick(ADJECTIVES);
  const feature = r.chance(0.35) ? `features/${area}/` : "";
  let name = null;
  const stem = {
    service: () => {
      const suffix = r.pick(["Service", "Repository", "Client", "Store", "Manager"]);
      name = pascal(noun, suffix);
      return `${folder}/${noun}/${kebab(noun, suffix.toLowerCase())}`;
    },
    component: () => {
      name = pascal(adjective, noun, r.pick(["List", "Card", "Panel", "View", "Form", "Row", "Summary", "Details", "Picker"]));
      return `${folder}/${area}/${name}`;
    },
    util: () => `${folder}/${area}/${kebab(r.pick(VERBS), noun)}`,
    handler: () => `${folder}/${area}/${noun}.handler`,
    hook: () => {
      name = `use${pascal(adjective, noun)}`;
      return `${folder}/use-${kebab(adjective, noun)}`;
    },
    types: () => `${folder}/${kebab(noun, r.pick(["model", "api", "events", "dto"]))}`,
  }[kind]();
  let rel = `src/${feature}${stem}${ext}`;
  for (let i = 2; used.has(rel); i++) rel = `src/${feature}${stem}-${i}${ext}`;
  used.add(rel);
  return { rel, noun, name };
}

/**
 * Generates the tree into `out` (emptied first). Returns its size and what it plants, which
 * the bench compares with what flaglint finds.
 */
export function generate({ out, seed = 1, quick = false }) {
  const r = new Random(seed);
  const size = quick ? SIZES.quick : SIZES.full;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const hash = createHash("sha256");
  const stats = { files: 0, lines: 0, bytes: 0, flagCheckFiles: 0, decoyFiles: 0, flags: 0, references: 0, dynamicReferences: 0, unknownReferences: 0, removalNotes: 0 };

  const madeDirs = new Set();
  const write = (rel, text, { source = false, hashed = true } = {}) => {
    const full = path.join(out, rel);
    const dir = path.dirname(full);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(full, text);
    if (hashed) hash.update(rel).update("\0").update(text).update("\0");
    if (source) {
      stats.files++;
      stats.bytes += Buffer.byteLength(text);
      stats.lines += countLines(text);
    }
  };

  write("package.json", JSON.stringify({ name: "acme-monorepo", private: true, type: "module", workspaces: ["packages/*"] }, null, 2) + "\n");
  write(".gitignore", "node_modules\ndist\n");

  const flagCounts = apportion(size.flags, PACKAGES.map((p) => p.weight));
  const fileCounts = apportion(size.files, PACKAGES.map((p) => p.weight));
  const keys = makeFlagKeys(r, size.flags);
  const registries = [];
  let k = 0;
  for (const [i, pkg] of PACKAGES.entries()) {
    const flags = keys.slice(k, k + flagCounts[i]).map((key) => makeFlag(r, key, pkg));
    k += flagCounts[i];
    registries.push(flags);
    stats.flags += flags.length;
    write(`packages/${pkg.name}/feature-flags.yaml`, registryYaml(pkg, flags));
    write(`packages/${pkg.name}/package.json`, JSON.stringify({ name: `@acme/${pkg.name}`, version: "0.0.0", private: true, type: "module" }, null, 2) + "\n");
  }

  for (const [i, pkg] of PACKAGES.entries()) {
    const otherKeys = registries.filter((_, j) => j !== i).flat().map((f) => f.key);
    writePackageSources(r, pkg, fileCounts[i], registries[i], otherKeys, write, stats);
  }
  const manifest = { generator: GENERATOR_ID, seed, quick, now: NOW, hash: hash.digest("hex"), ...stats };
  write(MANIFEST, JSON.stringify(manifest, null, 2) + "\n", { hashed: false });
  return manifest;
}

function writePackageSources(r, pkg, fileCount, flags, otherKeys, write, stats) {
  const base = `packages/${pkg.name}/`;
  write(`${base}src/lib/logger.ts`, loggerModule(), { source: true });
  const used = new Set(["src/lib/logger.ts"]);
  const modules = [];
  const flagFiles = new Set(r.sample([...Array(fileCount - 1).keys()], Math.round(fileCount * FLAG_FILE_SHARE)));
  for (let n = 0; n < fileCount - 1; n++) {
    let [kind, , folder, ext, [min, max]] = r.weighted(KINDS.map((entry) => [entry, entry[1]]));
    // Types files declare, they do not check: a flag file drawn as one becomes a service.
    if (flagFiles.has(n) && kind === "types") [kind, , folder, ext, [min, max]] = KINDS[0];
    const { rel, noun, name } = fileName(r, kind, folder, ext, used);
    const ctx = { path: rel, noun, name, modules, units: r.int(min, max), loggerSpec: relativeSpec(rel, "src/lib/logger.ts") };
    if (flagFiles.has(n)) {
      ctx.flag = planFlagChecks(r, flags, otherKeys, { component: kind === "component" || kind === "hook" });
      stats.flagCheckFiles++;
      stats.references += ctx.flag.stats.references;
      stats.dynamicReferences += ctx.flag.stats.dynamic;
      stats.unknownReferences += ctx.flag.stats.unknown;
      stats.removalNotes += ctx.flag.stats.notes;
    }
    const { lines, exports } = WRITERS[kind](r, ctx);
    if (!ctx.flag && kind !== "types" && kind !== "component" && r.chance(DECOY_FILE_SHARE)) {
      lines.splice(1, 0, `import { createLogger } from "${ctx.loggerSpec}";`);
      addDecoy(r, lines);
      stats.decoyFiles++;
    }
    if (r.chance(PLAIN_TODO_SHARE)) {
      // After the imports: anywhere later could be inside JSX, where `//` is text.
      const at = lines.findIndex((line) => !line.startsWith("import "));
      lines.splice(at, 0, `// ${fill(r.pick(PLAIN_TODOS), r)}`);
    }
    write(base + rel, lines.join("\n") + "\n", { source: true });
    if (modules.length < 400 || r.chance(0.2)) modules.push({ path: rel, exports });
  }
}

function relativeSpec(from, to) {
  const spec = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, ".js");
  return spec.startsWith(".") ? spec : `./${spec}`;
}

function loggerModule() {
  return [
    "// A tiny structured logger; the real one ships logs to the collector.",
    "type Level = \"trace\" | \"debug\" | \"info\" | \"warn\" | \"error\";",
    "",
    "export interface Logger {",
    "  isEnabled(level: Level): boolean;",
    "  debug(message: string, fields?: Record<string, unknown>): void;",
    "  info(message: string, fields?: Record<string, unknown>): void;",
    "  warn(message: string, fields?: Record<string, unknown>): void;",
    "  error(message: string, fields?: Record<string, unknown>): void;",
    "}",
    "",
    "export function createLogger(scope: string, minimum: Level = \"info\"): Logger {",
    "  const order: Level[] = [\"trace\", \"debug\", \"info\", \"warn\", \"error\"];",
    "  const isEnabled = (level: Level) => order.indexOf(level) >= order.indexOf(minimum);",
    "  const emit = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {",
    "    if (isEnabled(level)) console.log(JSON.stringify({ level, scope, message, ...fields }));",
    "  };",
    "  return { isEnabled, debug: emit(\"debug\"), info: emit(\"info\"), warn: emit(\"warn\"), error: emit(\"error\") };",
    "}",
    "",
    "export const logger = createLogger(\"app\");",
    "",
  ].join("\n");
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// ESLint configs: written per run, since they name this checkout's parser and plugin by URL

/**
 * Writes the two flat configs into the tree: `eslint.config.mjs` (parser + flaglint recommended)
 * and `eslint.bare.config.mjs` (parser, no rules). Resolves both packages from this repository so
 * the temp tree needs no node_modules. A plugin that cannot be resolved yet (not built) gives a
 * config that fails with a clear message when ESLint loads it.
 */
export function writeEslintConfigs(out) {
  const parserUrl = import.meta.resolve("@typescript-eslint/parser");
  let pluginImport;
  let noopImport;
  let noopIds = [];
  try {
    const pluginUrl = import.meta.resolve("eslint-plugin-flaglint");
    pluginImport = `import flaglint from ${JSON.stringify(pluginUrl)};`;
    // The rules flaglint's recommended config turns on, read from the built plugin, and the plugin's
    // fix to ESLint's FileContext#extend from its own small module (not the plugin's bundle).
    const plugin = createRequire(import.meta.url)(fileURLToPath(new URL("./dist/plugin.cjs", pluginUrl))).default;
    noopIds = [plugin.configs.recommended].flat().flatMap((config) => Object.keys(config.rules ?? {})).map((id) => id.replace(/^flaglint\//, ""));
    noopImport = `import { stopFileContextPrototypes } from ${JSON.stringify(new URL("./dist/file-context.js", pluginUrl).href)};`;
  } catch (error) {
    const thrown = `throw new Error(${JSON.stringify(`eslint-plugin-flaglint cannot be loaded (${error.code ?? error.message}); run npm run build first`)});`;
    pluginImport = `${thrown}\nconst flaglint = undefined;`;
    noopImport = `${thrown}\nconst stopFileContextPrototypes = undefined;`;
  }
  const common = [
    `import parser from ${JSON.stringify(parserUrl)};`,
    "",
    'const files = ["**/*.ts", "**/*.tsx"];',
    "// The configs themselves are the only .mjs files; ESLint would lint them by default.",
    'const ignores = { ignores: ["*.mjs", "**/node_modules/**", "**/dist/**"] };',
    "const typescript = { files, languageOptions: { parser } };",
  ];
  const withPlugin = [
    "// Generated by the flaglint bench: ESLint with @typescript-eslint/parser and flaglint's recommended config.",
    pluginImport,
    ...common,
    "",
    "export default [",
    "  ignores,",
    "  typescript,",
    "  ...[flaglint.configs.recommended].flat().map((config) => ({ ...config, files })),",
    `  { files, settings: { flaglint: { now: ${JSON.stringify(NOW)} } } },`,
    "];",
    "",
  ];
  const bare = [
    "// Generated by the flaglint bench: the same parser and files, no rules, to isolate the plugin's cost.",
    ...common,
    "",
    "export default [ignores, typescript];",
    "",
  ];
  // ESLint pays for every rule that is on, whatever it does: as many rules as flaglint turns on,
  // each doing nothing (with the plugin's fix to ESLint's `extend`, as flaglint's rules have it),
  // show that price apart from what flaglint's own work adds on top of it.
  const noop = [
    "// Generated by the flaglint bench: the same parser and files, and as many rules as flaglint's recommended",
    "// config turns on, each doing nothing, with the plugin's fix to ESLint's FileContext#extend.",
    noopImport,
    ...common,
    "",
    `const ids = ${JSON.stringify(noopIds)};`,
    'const noop = { meta: { type: "problem", schema: [] }, create: (context) => (stopFileContextPrototypes(context), {}) };',
    "const rules = Object.fromEntries(ids.map((id) => [id, noop]));",
    'export default [ignores, typescript, { files, plugins: { noop: { rules } }, rules: Object.fromEntries(ids.map((id) => [`noop/${id}`, "error"])) }];',
    "",
  ];
  writeFileSync(path.join(out, ESLINT_CONFIG), withPlugin.join("\n"));
  writeFileSync(path.join(out, ESLINT_NOOP_CONFIG), noop.join("\n"));
  writeFileSync(path.join(out, ESLINT_BARE_CONFIG), bare.join("\n"));
}

/**
 * The bench tree for `options` ({ quick, seed, keep }): a new temporary one, or with `keep` the one
 * in a fixed temporary folder when it was written by this generator with the same seed and size.
 * The ESLint configs are written every time: they name this checkout's parser and plugin.
 */
export function prepareTree(options) {
  const mode = options.quick ? "quick" : "full";
  const tree = options.keep ? path.join(tmpdir(), `flaglint-bench-${mode}-seed${options.seed}`) : mkdtempSync(path.join(tmpdir(), "flaglint-bench-"));
  const existing = options.keep ? readManifest(tree) : null;
  const current = existing && existing.generator === GENERATOR_ID && existing.seed === options.seed && existing.quick === options.quick;
  const started = performance.now();
  const manifest = current ? existing : generate({ out: tree, seed: options.seed, quick: options.quick });
  const generateSeconds = current ? null : (performance.now() - started) / 1000;
  writeEslintConfigs(tree);
  return { dir: tree, manifest, generateSeconds, reused: Boolean(current) };
}

/** The manifest of a tree written earlier, or null. */
export function readManifest(out) {
  const file = path.join(out, MANIFEST);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const options = { quick: false, seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--seed") options.seed = Number(argv[++i]);
    else if (arg === "--out") options.out = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      console.log("Usage: node bench/generate.mjs [--quick] [--seed N] [--out DIR]");
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.seed)) throw new Error("--seed takes an integer");
  options.out ??= path.join(tmpdir(), `flaglint-bench-${options.quick ? "quick" : "full"}-seed${options.seed}`);
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const manifest = generate(options);
  writeEslintConfigs(options.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Generated ${path.resolve(options.out)} in ${seconds} s`);
  console.log(JSON.stringify(manifest, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`generate: ${error.message}`);
    process.exit(2);
  }
}
