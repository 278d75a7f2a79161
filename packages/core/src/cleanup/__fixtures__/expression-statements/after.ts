export function boot(): void {
  preloadCheckout();
  startNew();
  track("boot", true);
}
