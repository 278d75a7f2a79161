import { client as ff } from "./flags";

// TODO: remove new_flow toggle by 2026-04-15 (PAY-1234)
export function pay(order: Order): string {
  /* FIXME: remove the new_flow check after the rollout */
  return ff.isEnabled("new_flow") ? payV2(order) : payV1(order);
}

// TODO: remove new_flow_extra toggle by 2026-05-01
export const extra = 1;
