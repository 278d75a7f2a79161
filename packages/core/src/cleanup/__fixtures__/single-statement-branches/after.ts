export function step(queue: Job[]): void {
  for (const job of queue)
    runFast(job);
  return;
}
