import "./polyfills";
import flags, { isEnabled } from "@acme/flags";
import { unusedHelper } from "./helpers";

export function mode(): string {
  flags.init();
  return isEnabled("new_flow") ? "new" : "old";
}
