// GET-and-parse-JSON for the flag services, with the manners a platform team expects: rate limits
// waited out (within bounds), server errors and timeouts retried with backoff, every other failure
// one line that says what to do. The token travels in a header only and never reaches a message.
import type * as Http from "node:http";
import type * as Https from "node:https";
import { createRequire } from "node:module";
import type * as Net from "node:net";
import type * as Tls from "node:tls";
import { PullError } from "./errors.js";

// Node's networking modules (some 20 ms to load) are loaded by the first request: every other
// command imports this module through core's entry point and never makes one.
// The loader too is made on first use: createRequire parses the module's URL (a few ms at start-up).
let loader: NodeJS.Require | undefined;
const load = (id: string): unknown => (loader ??= createRequire(import.meta.url))(id);
const http = (): typeof Http => load("node:http") as typeof Http;
const https = (): typeof Https => load("node:https") as typeof Https;
const tls = (): typeof Tls => load("node:tls") as typeof Tls;

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One GET, no retries: the part tests and proxies swap out. */
export interface HttpTransport {
  get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<HttpResponse>;
}

/** What a source asks of the network: a JSON document, or a PullError. */
export interface HttpClient {
  /** With `missingOk`, a 404 gives `undefined` (an endpoint older servers lack). */
  getJson(url: URL, headers: Record<string, string>, options?: { missingOk?: boolean }): Promise<unknown>;
}

export interface HttpClientOptions {
  /** Who is asking, for messages: "launchdarkly". */
  service: string;
  transport?: HttpTransport;
  /** Waits between attempts; tests pass one that only records. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts after the first for 429, 5xx and timeouts. Default 3. */
  retries?: number;
  /** Backoff before the first retry of a 5xx or timeout, doubled each time. Default 1000. */
  backoffMs?: number;
  /** A Retry-After longer than this fails at once instead of waiting. Default 60 s. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
}

const DEFAULTS = { retries: 3, backoffMs: 1000, maxRetryAfterMs: 60_000, timeoutMs: 30_000 };

/** Errors of the network layer that a retry may cure. */
class TransientError extends Error {}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const transport = options.transport ?? nodeTransport({});
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retries = options.retries ?? DEFAULTS.retries;
  const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const service = options.service;

  return {
    async getJson(url, headers, request = {}) {
      const where = describeUrl(url);
      for (let attempt = 0; ; attempt++) {
        const last = attempt >= retries;
        let response: HttpResponse;
        try {
          response = await transport.get(url, { accept: "application/json", ...headers }, timeoutMs);
        } catch (error) {
          if (error instanceof PullError) throw error;
          if (error instanceof TransientError && !last) {
            await sleep(backoffMs * 2 ** attempt);
            continue;
          }
          throw new PullError(`${service}: ${networkFailure(error, url)} (GET ${where})`);
        }
        const { status } = response;
        if (status >= 200 && status < 300) return parseJson(response.body, service, where);
        if (status === 404 && request.missingOk) return undefined;
        if (status === 429) {
          const wait = retryAfterMs(response.headers["retry-after"]) ?? rateLimitResetMs(response.headers["x-ratelimit-reset"]) ?? backoffMs * 2 ** attempt;
          if (last || wait > maxRetryAfterMs) {
            throw new PullError(`${service}: rate limited (429) on GET ${where}; try again in ${Math.ceil(wait / 1000)} s, or pull less often`);
          }
          await sleep(wait);
          continue;
        }
        if (status >= 500) {
          if (!last) {
            await sleep(backoffMs * 2 ** attempt);
            continue;
          }
          throw new PullError(`${service}: the server answered ${status} ${reason(status)} on GET ${where} ${retries + 1} times; try again later`);
        }
        throw new PullError(`${service}: ${status} ${reason(status)} on GET ${where}; ${clientErrorHint(status)}`);
      }
    },
  };
}

function clientErrorHint(status: number): string {
  if (status === 401) return "the token was refused: check that its variable holds a valid API token";
  if (status === 403) return "the token may not read this: give it read access to the project";
  if (status === 404) return "check --project and --base-url";
  return "check the source's options";
}

function reason(status: number): string {
  return http().STATUS_CODES[status] ?? "";
}

function parseJson(body: string, service: string, where: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new PullError(`${service}: the answer to GET ${where} is not JSON; check --base-url (it should name the service's API)`);
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds; a date in the past means now. */
export function retryAfterMs(header: string | string[] | undefined, now: () => number = Date.now): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** LaunchDarkly's `X-Ratelimit-Reset`: when the limit lifts, in Unix milliseconds. */
export function rateLimitResetMs(header: string | string[] | undefined, now: () => number = Date.now): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Math.max(0, Number(value) - now());
}

/** The URL without its query's values, so nothing secret a user put there is echoed. */
function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function networkFailure(error: unknown, url: URL): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof TransientError) return `${error.message}, also after retrying; try again later`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `cannot find the host ${url.hostname}; check --base-url and the network`;
  if (code === "ECONNREFUSED") return `${url.host} refused the connection; check --base-url, and HTTPS_PROXY if you need a proxy`;
  if (error instanceof ExplainedError) return error.message;
  const message = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
  return `cannot reach ${url.host}: ${code ?? message}; check --base-url, the network and HTTPS_PROXY`;
}

/** A failure whose message already says what to do. */
class ExplainedError extends Error {}

/** No page of flags is this large; a body that is points at the wrong address, or at trouble. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Node's http/https, through `HTTPS_PROXY` / `HTTP_PROXY` (an HTTP CONNECT tunnel) unless `NO_PROXY` names the host. */
export function nodeTransport(env: Record<string, string | undefined>, limits: { maxBodyBytes?: number } = {}): HttpTransport {
  const maxBodyBytes = limits.maxBodyBytes ?? MAX_BODY_BYTES;
  return {
    async get(url, headers, timeoutMs) {
      const proxy = proxyFor(url, env);
      const secure = url.protocol === "https:";
      const port = Number(url.port || (secure ? 443 : 80));
      const socket = proxy ? await tunnel(proxy, url.hostname, port, timeoutMs) : undefined;
      return new Promise<HttpResponse>((resolve, reject) => {
        const options: Https.RequestOptions = { method: "GET", headers, timeout: timeoutMs };
        if (socket) {
          // Without an agent, the request runs over the connection given here: the tunnel.
          options.createConnection = () => (secure ? tls().connect({ socket, servername: url.hostname }) : socket);
        }
        const request = (secure ? https() : http()).request(url, options, (response) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > maxBodyBytes) {
              // The promise settles here; whatever the torn-down response emits next is ignored.
              reject(new ExplainedError(`the answer from ${url.host} is larger than ${sizeText(maxBodyBytes)}; is --base-url the service's API?`));
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          response.on("error", (error) => reject(error instanceof ExplainedError ? error : new TransientError(`the connection to ${url.host} broke (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        });
        request.on("timeout", () => request.destroy(new TransientError(`no answer from ${url.host} within ${duration(timeoutMs)}`)));
        request.on("error", (error) => {
          if (error instanceof TransientError || !isTransient(error)) return reject(error);
          reject(new TransientError(`the connection to ${url.host} broke (${(error as NodeJS.ErrnoException).code})`));
        });
        request.end();
      });
    },
  };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function isTransient(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ECONNRESET" || code === "EPIPE" || code === "ETIMEDOUT" || code === "ECONNABORTED";
}

/** A socket to `host:port` through the proxy's CONNECT method. */
function tunnel(proxy: URL, host: string, port: number, timeoutMs: number): Promise<Net.Socket> {
  return new Promise((resolve, reject) => {
    const proxyPort = Number(proxy.port || (proxy.protocol === "https:" ? 443 : 80));
    const headers: Record<string, string> = { host: `${host}:${port}` };
    if (proxy.username) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers["proxy-authorization"] = `Basic ${Buffer.from(credentials).toString("base64")}`;
    }
    const request = (proxy.protocol === "https:" ? https() : http()).request({
      host: proxy.hostname,
      port: proxyPort,
      method: "CONNECT",
      path: `${host}:${port}`,
      headers,
      timeout: timeoutMs,
      agent: false,
    });
    request.on("connect", (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new ExplainedError(`the proxy ${proxy.host} refused to connect to ${host}:${port} (${response.statusCode}); check HTTPS_PROXY and NO_PROXY`));
    });
    request.on("timeout", () => request.destroy(new TransientError(`no answer from the proxy ${proxy.host} within ${duration(timeoutMs)}`)));
    request.on("error", (error) => {
      if (error instanceof TransientError) return reject(error);
      reject(new ExplainedError(`cannot reach the proxy ${proxy.host} (${(error as NodeJS.ErrnoException).code ?? error.message}); check HTTPS_PROXY`));
    });
    request.end();
  });
}

/** The proxy for `url` by the usual variables (either case), or `undefined` for a direct connection. */
export function proxyFor(url: URL, env: Record<string, string | undefined>): URL | undefined {
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const value = url.protocol === "https:" ? pick("https_proxy") : pick("http_proxy");
  if (!value || bypassesProxy(url, pick("no_proxy") ?? "")) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new PullError(`the proxy variable holds no valid address; set HTTPS_PROXY to a URL such as http://proxy.example.com:3128`);
  }
}

/** `NO_PROXY`: `*`, host names (a name covers its subdomains; a leading dot or `*.` too), `host:port`. */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === "*") return true;
      const [name, entryPort] = splitHostPort(entry.toLowerCase());
      if (entryPort && entryPort !== port) return false;
      const bare = name.replace(/^\*?\./, "");
      return host === bare || host.endsWith(`.${bare}`);
    });
}

function splitHostPort(entry: string): [string, string | undefined] {
  const match = /^(.*?)(?::(\d+))?$/.exec(entry)!;
  return [match[1]!.replace(/^\[|\]$/g, ""), match[2]];
}
