import { client as ff } from "./flags";

export function start(): void {
  if (!ff.isEnabled("new_flow")) {
    showLegacyNotice();
  }
  run();
}
