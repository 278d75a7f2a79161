export function checkout(cart: Cart): Receipt {
  return legacyCheckout(cart);
}
