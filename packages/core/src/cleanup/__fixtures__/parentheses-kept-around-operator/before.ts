import { client as ff } from "./flags";

export function guard(limit: number): void {
  if (!(ff.isEnabled("new_flow") && limit > 0)) {
    throw new Error("no limit");
  }
}
