import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fakeService, type FakeService } from "./__fixtures__/server.js";
import { bypassesProxy, createHttpClient, nodeTransport, proxyFor, rateLimitResetMs, retryAfterMs } from "./http.js";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(answer: Parameters<typeof fakeService>[0]): Promise<FakeService> {
  const service = await fakeService(answer);
  closers.push(service.close);
  return service;
}

function client(options: { timeoutMs?: number; env?: Record<string, string> } = {}) {
  const waits: number[] = [];
  const http = createHttpClient({
    service: "unleash",
    transport: nodeTransport(options.env ?? {}),
    timeoutMs: options.timeoutMs,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { http, waits };
}

const SECRET = { authorization: "token-that-must-not-leak" };

describe("the HTTP client", () => {
  it("waits out a 429's Retry-After, then reads the answer", async () => {
    let calls = 0;
    const service = await serve(() => (++calls === 1 ? { status: 429, headers: { "retry-after": "7" } } : { body: { ok: true } }));
    const { http, waits } = client();
    expect(await http.getJson(new URL(`${service.base}/api`), SECRET)).toEqual({ ok: true });
    expect(waits).toEqual([7000]);
  });

  it("fails at once when Retry-After asks for longer than a minute", async () => {
    const service = await serve(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const { http, waits } = client();
    await expect(http.getJson(new URL(`${service.base}/api`), SECRET)).rejects.toThrow(`unleash: rate limited (429) on GET ${service.base}/api; try again in 3600 s, or pull less often`);
    expect(waits).toEqual([]);
  });

  it("retries server errors with a growing backoff, then gives up with one line", async () => {
    const service = await serve(() => ({ status: 503, body: "busy" }));
    const { http, waits } = client();
    await expect(http.getJson(new URL(`${service.base}/api`), SECRET)).rejects.toThrow(`unleash: the server answered 503 Service Unavailable on GET ${service.base}/api 4 times; try again later`);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(service.requests).toHaveLength(4);
  });

  it("recovers when a server error passes", async () => {
    let calls = 0;
    const service = await serve(() => (++calls < 3 ? { status: 502 } : { body: [1] }));
    const { http, waits } = client();
    expect(await http.getJson(new URL(`${service.base}/api`), SECRET)).toEqual([1]);
    expect(waits).toEqual([1000, 2000]);
  });

  it("says what to do about 401 and 403, without the token", async () => {
    const service = await serve((url) => ({ status: url.startsWith("/401") ? 401 : 403 }));
    const { http, waits } = client();
    const refused = http.getJson(new URL(`${service.base}/401?secret=abc`), SECRET);
    await expect(refused).rejects.toThrow(`unleash: 401 Unauthorized on GET ${service.base}/401; the token was refused: check that its variable holds a valid API token`);
    await expect(http.getJson(new URL(`${service.base}/403`), SECRET)).rejects.toThrow("403 Forbidden");
    await refused.catch((error: Error) => {
      expect(error.message).not.toContain("token-that-must-not-leak");
      expect(error.message).not.toContain("abc");
    });
    expect(waits).toEqual([]);
  });

  it("says when the answer is not JSON", async () => {
    const service = await serve(() => ({ body: "<html>login</html>" }));
    await expect(client().http.getJson(new URL(`${service.base}/api`), SECRET)).rejects.toThrow(
      `unleash: the answer to GET ${service.base}/api is not JSON; check --base-url (it should name the service's API)`,
    );
  });

  it("stops reading an answer larger than any page of flags", async () => {
    const service = await serve(() => ({ body: { items: "x".repeat(5000) } }));
    const waits: number[] = [];
    const small = createHttpClient({ service: "unleash", transport: nodeTransport({}, { maxBodyBytes: 1000 }), sleep: async (ms) => void waits.push(ms) });
    await expect(small.getJson(new URL(`${service.base}/api`), SECRET)).rejects.toThrow(
      `unleash: the answer from ${service.base.slice("http://".length)} is larger than 1000 bytes; is --base-url the service's API? (GET ${service.base}/api)`,
    );
    expect(waits).toEqual([]);
  });

  it("says when nothing listens at the address, without retrying", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { http, waits } = client();
    await expect(http.getJson(new URL(`http://127.0.0.1:${port}/api`), SECRET)).rejects.toThrow(`unleash: 127.0.0.1:${port} refused the connection; check --base-url, and HTTPS_PROXY if you need a proxy (GET http://127.0.0.1:${port}/api)`);
    expect(waits).toEqual([]);
  });

  it("retries a server that does not answer in time, then gives up", async () => {
    const service = await serve(() => undefined);
    const silent = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as AddressInfo;
    const { http: httpClient, waits } = client({ timeoutMs: 50 });
    await expect(httpClient.getJson(new URL(`http://127.0.0.1:${port}/api`), SECRET)).rejects.toThrow(`unleash: no answer from 127.0.0.1:${port} within 50 ms, also after retrying; try again later`);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(service.requests).toEqual([]);
  });

  it("goes through the proxy in HTTPS_PROXY / HTTP_PROXY with a CONNECT tunnel", async () => {
    const service = await serve(() => ({ body: { through: "tunnel" } }));
    const tunnels: string[] = [];
    const sockets: net.Socket[] = [];
    const proxy = http.createServer();
    proxy.on("connect", (request: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(request.url ?? "");
      const [host, port] = (request.url ?? "").split(":");
      const upstream = net.connect(Number(port), host, () => {
        sockets.push(client, upstream);
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.pipe(client);
        client.pipe(upstream);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          proxy.close(() => resolve());
        }),
    );
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const target = new URL(`${service.base}/api/admin/features`);
    expect(await client({ env: { HTTP_PROXY: proxyUrl } }).http.getJson(target, SECRET)).toEqual({ through: "tunnel" });
    expect(tunnels).toEqual([target.host]);
    // NO_PROXY names the host: straight there.
    expect(await client({ env: { HTTP_PROXY: proxyUrl, NO_PROXY: "localhost,127.0.0.1" } }).http.getJson(target, SECRET)).toEqual({ through: "tunnel" });
    expect(tunnels).toHaveLength(1);
    // An https:// service goes through HTTPS_PROXY, and TLS runs inside the tunnel: here the far
    // end speaks plain HTTP, so the handshake fails, in one line.
    const secure = new URL(`https://${target.host}/api`);
    await expect(client({ env: { HTTPS_PROXY: proxyUrl } }).http.getJson(secure, SECRET)).rejects.toThrow(new RegExp(`^unleash: cannot reach ${target.host}: \\S+; check --base-url, the network and HTTPS_PROXY \\(GET https://${target.host}/api\\)$`));
    expect(tunnels).toEqual([target.host, target.host]);
  });

  it("says when the proxy cannot be reached", async () => {
    const { http: proxied } = client({ env: { HTTPS_PROXY: "http://127.0.0.1:1" } });
    await expect(proxied.getJson(new URL("https://app.launchdarkly.com/api/v2/flags/x"), SECRET)).rejects.toThrow(
      "unleash: cannot reach the proxy 127.0.0.1:1 (ECONNREFUSED); check HTTPS_PROXY (GET https://app.launchdarkly.com/api/v2/flags/x)",
    );
  });
});

describe("proxy settings", () => {
  it("picks HTTPS_PROXY for https and HTTP_PROXY for http, in either case", () => {
    const env = { https_proxy: "proxy.corp:3128", HTTP_PROXY: "http://plain.corp:80" };
    expect(proxyFor(new URL("https://app.launchdarkly.com/api"), env)?.href).toBe("http://proxy.corp:3128/");
    expect(proxyFor(new URL("http://unleash.local/api"), env)?.href).toBe("http://plain.corp/");
    expect(proxyFor(new URL("https://x.io"), {})).toBeUndefined();
  });

  it("reads NO_PROXY like curl: names cover subdomains, ports narrow, * is everything", () => {
    const url = new URL("https://api.flagsmith.com/api/v1");
    expect(bypassesProxy(url, "flagsmith.com")).toBe(true);
    expect(bypassesProxy(url, ".flagsmith.com")).toBe(true);
    expect(bypassesProxy(url, "*.flagsmith.com")).toBe(true);
    expect(bypassesProxy(url, "api.flagsmith.com:443")).toBe(true);
    expect(bypassesProxy(url, "api.flagsmith.com:8443")).toBe(false);
    expect(bypassesProxy(url, "smith.com, other.io")).toBe(false);
    expect(bypassesProxy(url, "*")).toBe(true);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    const now = () => Date.parse("2026-11-26T10:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Thu, 26 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Thu, 26 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });

  it("falls back to LaunchDarkly's X-Ratelimit-Reset, in Unix milliseconds", () => {
    const now = () => 1_800_000_000_000;
    expect(rateLimitResetMs("1800000004500", now)).toBe(4500);
    expect(rateLimitResetMs("1700000000000", now)).toBe(0);
    expect(rateLimitResetMs(undefined, now)).toBeUndefined();
  });
});
