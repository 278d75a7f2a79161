import { client as ff } from "./flags";

export function checkout(cart: Cart): Receipt {
  if (ff.isEnabled("new_flow")) {
    const receipt = newCheckout(cart);
    audit(receipt);
    return receipt;
  } else {
    return legacyCheckout(cart);
  }
}
