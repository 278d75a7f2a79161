export function retries(): number {
  return 3;
}
