export function total(cart: Cart): number {
  let sum = base(cart);
  {
    const discount = bestDiscount(cart);
    sum -= discount;
  }
  const discount = 0;
  return sum - discount;
}
