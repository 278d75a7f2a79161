import { client as ff } from "./flags";

export function quote(order: Order, userId: string): Quote {
  const context = { userId, country: "NL" };
  const started = Date.now();
  if (ff.isEnabled("new_flow", context)) {
    return fastQuote(order);
  }
  report(started);
  return slowQuote(order);
}
