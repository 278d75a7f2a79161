import { client as ff } from "./flags";

export function summary(order: Order): string {
  const newFlow = ff.isEnabled("new_flow", { userId: order.userId });
  const title = newFlow ? "Your order" : "Order summary";
  if (!newFlow) {
    return title;
  }
  return `${title}: ${order.id}`;
}
