import { client as ff } from "./flags";

export function retries(): number {
  const max = ff.getVariant("new_flow");
  if (max > 5) {
    warn("too many retries");
  }
  return max;
}
