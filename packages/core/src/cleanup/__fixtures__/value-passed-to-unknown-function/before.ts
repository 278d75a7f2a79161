import { client as ff } from "./flags";

export function plan(user: User): Plan {
  const on = ff.isEnabled("new_flow");
  const tier = pickTier(user, on);
  if (on) {
    audit(user);
  }
  return tier;
}
