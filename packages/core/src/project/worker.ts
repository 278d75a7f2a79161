// A worker thread of analyzeProjectAsync: parses and analyses the batches the pool posts (pool.ts).
import { parentPort } from "node:worker_threads";
import type { DetectionTarget } from "./detection.js";
import { analyzeFiles } from "./file-analysis.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

const port = parentPort;
if (port === null) throw new Error("project/worker.js runs as a worker thread of analyzeProjectAsync");

let targets: readonly DetectionTarget[] = [];

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "targets") {
    targets = request.targets;
    return;
  }
  let reply: WorkerReply;
  try {
    const result = analyzeFiles(targets, request.jobs);
    reply = { id: request.id, result };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
