// A small repository with dated commits for the scheduled job: a registry that appears on
// 2026-09-10, flags that age week by week, CODEOWNERS for the flags without an owner.
import { gitProject, type GitProject } from "./git.js";

export const NOW = "2026-11-26";

const DETECT = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
      contextArg: 1
flags:
`;

const FIRST_FLAGS = `  new_checkout:
    type: release
    created: 2026-09-10
    ticket: SHOP-1
    final: on
  dark_mode:
    type: release
    owner: "@web"
    created: 2026-09-10
    removeBy: 2026-10-20
  kill_switch:
    type: ops
    created: 2026-09-10
  legacy_banner:
    type: release
    created: 2026-09-10
    status: retired
    final: off
`;

const SEARCH_FLAG = `  beta_search:
    type: experiment
    created: 2026-10-05
    ticket: SEARCH-9
  promo_banner:
    type: release
    owner: "@growth"
`;

const UNUSED_FLAG = `  unused_flag:
    type: release
    created: 2026-11-20
    ticket: X-1
`;

export const CART = `import { client } from "@acme/flags";

export function cartTitle(): string {
  return client.isEnabled("new_checkout") ? "New cart" : "Cart";
}
`;

export const BANNER = `import { client } from "@acme/flags";

export function banner(): string | null {
  return client.isEnabled("legacy_banner") ? "Old banner" : null;
}
`;

/**
 * Commits, each at noon UTC:
 * - 2026-09-01 code, no registry yet
 * - 2026-09-10 the registry: new_checkout (due 10-22), dark_mode (due 10-20), kill_switch (ops),
 *   legacy_banner (retired); CODEOWNERS with one line that does not parse
 * - 2026-10-05 beta_search (experiment, due 2027-01-03); promo_banner with no created date, so
 *   dated from git to 2026-10-05 (due 2026-11-16)
 * - 2026-11-20 unused_flag, checked nowhere
 */
export function scheduledRepo(): GitProject {
  const repo = gitProject({ "src/app.ts": "export const version = 1;\n" }, "2026-09-01T12:00:00Z");
  repo.commit(
    {
      "feature-flags.yaml": DETECT + FIRST_FLAGS,
      CODEOWNERS: "# owners\n*              @platform\n/src/checkout/ @shop\nsrc/legacy     nobody\n",
      "src/checkout/cart.ts": CART,
      "src/ui/banner.ts": BANNER,
      "src/ui/theme.ts": `import { client } from "@acme/flags";\n\nexport const theme = client.isEnabled("dark_mode", {}) ? "dark" : "light";\n`,
      "src/ops.ts": `import { client } from "@acme/flags";\n\nexport const open = () => client.isEnabled("kill_switch");\n`,
    },
    "2026-09-10T12:00:00Z",
  );
  repo.commit(
    {
      "feature-flags.yaml": DETECT + FIRST_FLAGS + SEARCH_FLAG,
      "src/search.ts": `import { client } from "@acme/flags";\n\nexport const searchVersion = (user: object) => (client.isEnabled("beta_search", user) ? 2 : 1);\n`,
      "src/promo.ts": `import { client } from "@acme/flags";\n\nexport const promo = client.isEnabled("promo_banner", {});\n`,
    },
    "2026-10-05T12:00:00Z",
  );
  repo.commit({ "feature-flags.yaml": DETECT + FIRST_FLAGS + SEARCH_FLAG + UNUSED_FLAG }, "2026-11-20T12:00:00Z");
  return repo;
}
