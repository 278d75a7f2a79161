import { client as ff } from "./flags";

export function adminView(user: User) {
  const show = user.isAdmin && ff.isEnabled("new_flow");
  if (user.isAdmin && ff.isEnabled("new_flow")) {
    log("admin on the new flow");
  }
  return show;
}
