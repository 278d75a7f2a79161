import { client as ff } from "./flags";

export function boot(): void {
  ff.isEnabled("new_flow") && preloadCheckout();
  ff.isEnabled("new_flow") ? startNew() : startOld();
  !ff.isEnabled("new_flow") && warmLegacyCache();
  track("boot", ff.isEnabled("new_flow"));
}
