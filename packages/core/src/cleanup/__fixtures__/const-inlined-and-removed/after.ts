export function summary(order: Order): string {
  const title = "Your order";
  return `${title}: ${order.id}`;
}
