export function rate(amount: number): number {
  return amount * 0.2;
}
