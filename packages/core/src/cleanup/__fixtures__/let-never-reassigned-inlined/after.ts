export function limit(): number {
  return Infinity;
}
