export function checkout(cart: Cart): Receipt {
  const receipt = newCheckout(cart);
  audit(receipt);
  return receipt;
}
