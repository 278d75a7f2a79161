// A local server shaped like LaunchDarkly's flags API, and a shop project to pull into: shared by the
// in-process tests of `registry pull` and the ones that run the built binary.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** The API token the server accepts; tests check it is never printed. */
export const TOKEN = "ld-api-secret-do-not-print";

/** LaunchDarkly's GET /api/v2/flags/{projectKey} over two pages, plus its archived listing. */
export async function launchDarklyServer(
  servers: http.Server[],
  overrides: (url: string) => { status: number; body: string } | undefined = () => undefined,
): Promise<string> {
  const page = (items: unknown[], next?: string) => JSON.stringify({ items, _links: next ? { next: { href: next } } : {} });
  const server = http.createServer((request, response) => {
    const url = request.url ?? "";
    const override = overrides(url);
    if (override) {
      response.writeHead(override.status, { "content-type": "application/json" });
      return response.end(override.body);
    }
    if (request.headers.authorization !== TOKEN) {
      response.writeHead(401, { "content-type": "application/json" });
      return response.end('{"code":"unauthorized","message":"Invalid account ID header"}');
    }
    response.writeHead(200, { "content-type": "application/json" });
    if (url === "/api/v2/flags/shop?summary=true&limit=100") {
      return response.end(page([{ key: "new_checkout", creationDate: Date.UTC(2026, 2, 1), temporary: true, tags: ["payments"], description: "Stripe-based checkout" }], "/api/v2/flags/shop?summary=true&limit=100&offset=100"));
    }
    if (url === "/api/v2/flags/shop?summary=true&limit=100&offset=100") {
      return response.end(page([{ key: "kill_recommendations", creationDate: Date.UTC(2025, 0, 1), temporary: false }, { key: "search_v2", creationDate: Date.UTC(2026, 10, 20), temporary: true }]));
    }
    if (url === "/api/v2/flags/shop?summary=true&limit=100&filter=state%3Aarchived") {
      return response.end(page([{ key: "dark_mode", creationDate: Date.UTC(2025, 5, 1), temporary: true, archived: true }]));
    }
    response.writeHead(404);
    response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export const REGISTRY = `# Our flags. Owners and tickets are kept by hand.
version: 1

flags:
  new_checkout:
    type: release   # confirmed with payments
    owner: "@payments"
    ticket: PAY-1234

  kill_recommendations:
    type: permission
    owner: "@recs"

  dark_mode:
    type: release
    created: 2025-06-01
    ticket: WEB-9
`;

export const SOURCE = `import { init } from "@launchdarkly/node-server-sdk";
const client = init("sdk-key");
export const checkout = (user: { key: string }) => client.boolVariation("new_checkout", user, false);
export const search = (user: { key: string }) => client.boolVariation("search_v2", user, false);
`;

/** `flaglint registry pull` of the shop project from the server at `base`. */
export const pullArgs = (base: string) => ["registry", "pull", "--from", "launchdarkly", "--project", "shop", "--base-url", base];
