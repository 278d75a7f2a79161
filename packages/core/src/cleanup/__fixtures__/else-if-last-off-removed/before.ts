import { client as ff } from "./flags";

export function grant(user: User): void {
  if (user.isStaff) {
    grantAll(user);
  } else if (ff.isEnabled("new_flow")) {
    grantNew(user);
  }
  save(user);
}
