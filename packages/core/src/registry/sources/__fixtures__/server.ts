// A local HTTP server on 127.0.0.1 that answers like a flag service, for tests that never touch the network.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, nodeTransport } from "../http.js";
import type { PullContext } from "../types.js";

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
}

export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
}

export interface FakeService {
  base: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Serves `answer(path with query)`; an `undefined` answer is a 404. */
export async function fakeService(answer: (url: string, request: http.IncomingMessage) => Answer | undefined): Promise<FakeService> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "", authorization: request.headers.authorization });
    const reply = answer(request.url ?? "", request) ?? { status: 404, body: { message: "not found" } };
    const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
    response.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A pull context on the real transport with waits recorded, not waited. */
export function testContext(service: string, env: Record<string, string | undefined>, baseDir = "/nowhere"): PullContext & { waits: number[]; pages: Array<[number, number]> } {
  const waits: number[] = [];
  const pages: Array<[number, number]> = [];
  const http = createHttpClient({
    service,
    transport: nodeTransport({}),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { baseDir, env, http, waits, pages, onPage: (count, flags) => pages.push([count, flags]) };
}
