// A worker thread of analyzeProjectAsync: parses and analyses the batches the pool posts (pool.ts).
import { parentPort } from "node:worker_threads";
import type { AnalysisContext } from "../detect/context.js";
import { contextsOf } from "./detection.js";
import { analyzeFiles } from "./file-analysis.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

const port = parentPort;
if (port === null) throw new Error("project/worker.js runs as a worker thread of analyzeProjectAsync");

/** What this thread derives from each registry of the run, made once when the targets arrive. */
let contexts: readonly AnalysisContext[] = [];

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "targets") {
    contexts = contextsOf(request.targets);
    return;
  }
  let reply: WorkerReply;
  try {
    const result = analyzeFiles(contexts, request.jobs);
    reply = { id: request.id, result };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
