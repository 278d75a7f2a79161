import { client as ff } from "./flags";

export function limit(): number {
  let unlimited = ff.isEnabled("new_flow");
  return unlimited ? Infinity : 10;
}
