// Worker threads that parse and analyse files for analyzeProjectAsync. The main thread reads and
// pre-filters; workers get batches of the files that need the parser and send back plain data.
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { bundleIfCurrent } from "../code-cache.js";
import type { DetectionStep, DetectionTarget, FileJob, FileOutcome } from "./detection.js";

export type WorkerRequest =
  | { kind: "targets"; targets: readonly DetectionTarget[] }
  | { kind: "analyze"; id: number; jobs: readonly FileJob[] };

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

/** Text per batch: small enough to share the work evenly, large enough that messages cost nothing. */
const BATCH_TEXT = 64 * 1024;
/** Batches per worker at least, so one that drew the heavy files does not hold up the rest. */
const BATCHES_PER_WORKER = 4;

export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private targets: readonly DetectionTarget[] | undefined;

  /** Starts workers up to `size`; they load the parser while the caller goes on reading. */
  grow(size: number): void {
    while (this.workers.length < size) {
      const worker = new PoolWorker();
      if (this.targets !== undefined) worker.post({ kind: "targets", targets: this.targets });
      this.workers.push(worker);
    }
  }

  async analyze(step: Extract<DetectionStep, { kind: "analyze" }>): Promise<FileOutcome[]> {
    this.useTargets(step.targets);
    const batches = this.batches(step.jobs, (job) => job.text.length);
    const results = await this.share(batches, async (worker, jobs) => {
      const outcomes = (await worker.request({ kind: "analyze", jobs })) as FileOutcome[];
      step.progress(outcomes.length);
      return outcomes;
    });
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private useTargets(targets: readonly DetectionTarget[]): void {
    if (this.targets === targets) return;
    this.targets = targets;
    for (const worker of this.workers) worker.post({ kind: "targets", targets });
  }

  /** Consecutive runs of items, about BATCH_TEXT each, and enough of them to keep every worker busy. */
  private batches<T>(items: readonly T[], sizeOf: (item: T) => number): T[][] {
    const total = items.reduce((sum, item) => sum + sizeOf(item), 0);
    const limit = Math.max(1, Math.min(BATCH_TEXT, Math.ceil(total / (this.workers.length * BATCHES_PER_WORKER))));
    const batches: T[][] = [];
    let batch: T[] = [];
    let size = 0;
    for (const item of items) {
      batch.push(item);
      size += sizeOf(item);
      if (size >= limit) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  }

  /** Each idle worker takes the next batch; results come back in the batches' order. */
  private async share<T, R>(batches: readonly T[], send: (worker: PoolWorker, batch: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(batches.length);
    let next = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < batches.length) {
          const index = next++;
          results[index] = await send(worker, batches[index]!);
        }
      }),
    );
    return results;
  }
}

type Request = Exclude<WorkerRequest, { kind: "targets" }>;
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** One worker thread and the requests it has not answered yet. */
class PoolWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker((script ??= workerScript()));
    this.worker.on("message", (reply: WorkerReply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`a flaglint worker thread stopped (exit code ${code})`)));
  }

  post(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  request(body: WithoutId<Request>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ ...body, id });
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error("the worker pool was closed");
    await this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.waiting.get(reply.id);
    if (waiting === undefined) return;
    this.waiting.delete(reply.id);
    if ("error" in reply) waiting.reject(new Error(`flaglint worker thread failed: ${reply.error}`));
    else waiting.resolve(reply.result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }
}

let script: URL | undefined;

/**
 * The worker's module. Built (`npm run build`), core has two beside this one: `worker.js`, which
 * imports the rest of core module by module, and `worker.bundle.mjs`, the same in one file
 * (scripts/bundle.mjs), which a thread starts in two thirds of the time; the bundle is used
 * while it is as new as `worker.js` (after `tsc -b` alone it is older). In the CLI's own bundle,
 * the worker beside it is `worker.mjs`. Tests run the TypeScript sources, which a worker thread
 * cannot load: they use the build's copy.
 */
function workerScript(): URL {
  const cliWorker = new URL("./worker.mjs", import.meta.url);
  if (fs.existsSync(cliWorker)) return cliWorker;
  for (const dir of ["./", "../../dist/project/"]) {
    const modules = new URL(`${dir}worker.js`, import.meta.url);
    if (!fs.existsSync(modules)) continue;
    // tsc -b rewrites the build info whenever it rebuilds any of core's modules the worker imports.
    const build = [modules, new URL(`${dir}../.tsbuildinfo`, import.meta.url)];
    return bundleIfCurrent(modules, new URL(`${dir}worker.bundle.mjs`, import.meta.url), build);
  }
  return new URL("../../dist/project/worker.js", import.meta.url);
}

