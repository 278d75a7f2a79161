import "./polyfills";
import flags from "@acme/flags";
import { unusedHelper } from "./helpers";

export function mode(): string {
  flags.init();
  return "new";
}
