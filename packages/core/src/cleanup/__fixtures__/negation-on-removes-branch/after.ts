export function start(): void {
  run();
}
