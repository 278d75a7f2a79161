import { client as ff } from "./flags";

export function sync(job: Job): void {
  // Load the job's data first.
  load(job);

  // Old path: goes when new_flow is on everywhere.
  if (!ff.isEnabled("new_flow")) {
    legacySync(job); // slow
    return;
  }

  // New path, in batches.
  for (const batch of batches(job)) {
    /* one request per batch */
    send(batch);
  }
}
