import { client as ff, track } from "./flags";

export function open(): void {
  if (ff.isEnabled("new_flow")) {
    track("new");
  }
}
