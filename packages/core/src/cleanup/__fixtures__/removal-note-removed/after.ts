export function pay(order: Order): string {
  return payV2(order);
}

// TODO: remove new_flow_extra toggle by 2026-05-01
export const extra = 1;
