import { client as ff } from "./flags";

export function menu(user: User): string[] {
  const items = ["home"];
  if (ff.isEnabled("new_flow") && user.isAdmin) {
    items.push("admin");
  }
  return items;
}
