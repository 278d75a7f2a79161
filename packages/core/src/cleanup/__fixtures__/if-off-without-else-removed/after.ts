export function render(page: Page): void {
  page.header();

  page.footer();
}
