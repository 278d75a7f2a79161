export function sync(job: Job): void {
  // Load the job's data first.
  load(job);

  // New path, in batches.
  for (const batch of batches(job)) {
    /* one request per batch */
    send(batch);
  }
}
