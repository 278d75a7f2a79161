import { client as ff } from "./flags";

export function limit(user: User): number {
  let unlimited = ff.isEnabled("new_flow");
  if (user.isTrial) unlimited = false;
  return unlimited ? Infinity : 10;
}
