import { client as ff } from "./flags";

export function beta(user: User): boolean {
  if (ff.isEnabled("new_flow") || user.beta) {
    return true;
  }
  return false;
}
