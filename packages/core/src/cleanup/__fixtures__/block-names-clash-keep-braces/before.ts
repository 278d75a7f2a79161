import { client as ff } from "./flags";

export function total(cart: Cart): number {
  let sum = base(cart);
  if (ff.isEnabled("new_flow")) {
    const discount = bestDiscount(cart);
    sum -= discount;
  }
  const discount = 0;
  return sum - discount;
}
