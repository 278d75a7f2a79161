import { client as ff } from "./flags";

export function step(queue: Job[]): void {
  for (const job of queue)
    if (ff.isEnabled("new_flow")) runFast(job);
    else runSlow(job);
  if (ff.isEnabled("new_flow")) return;
  cleanupLegacy(queue);
}
