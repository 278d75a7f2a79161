import { client as ff } from "./flags";

export function render(page: Page): void {
  page.header();
  // Promo banner for the new flow.
  if (ff.isEnabled("new_flow", { userId: page.user })) {
    page.banner("Try the new checkout");
  }

  page.footer();
}
