import { track } from "./flags";

export function open(): void {
  track("new");
}
