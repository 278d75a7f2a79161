import { client as ff } from "./flags";

export function region(user: User): string {
  const override = ff.getVariant("new_flow");
  return override ?? user.region;
}
