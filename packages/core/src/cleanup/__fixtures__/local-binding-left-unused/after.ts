export function quote(order: Order, userId: string): Quote {
  const started = Date.now();
  return fastQuote(order);
}
