import { client as ff } from "./flags";
import { legacyRates } from "./rates";

export function rate(amount: number): number {
  if (ff.isEnabled("new_flow")) {
    return amount * 0.2;
  }
  return oldRate(amount);
}

function oldRate(amount: number): number {
  return amount * legacyRates.base;
}
