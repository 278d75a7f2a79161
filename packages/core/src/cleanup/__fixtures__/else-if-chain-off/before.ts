import { client as ff } from "./flags";

export function price(user: User): number {
  if (user.isStaff) {
    return 0;
  } else if (ff.isEnabled("new_flow")) {
    return newPrice(user);
  } else if (user.isTrial) {
    return trialPrice(user);
  } else {
    return oldPrice(user);
  }
}
