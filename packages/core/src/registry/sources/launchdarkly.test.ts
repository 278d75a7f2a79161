import { afterEach, describe, expect, it } from "vitest";
import { fakeService, testContext, type FakeService } from "./__fixtures__/server.js";
import { launchdarkly } from "./launchdarkly.js";

let service: FakeService | undefined;
afterEach(async () => service?.close());

const ENV = { LD_API_KEY: "api-secret-123" };

/** GET /api/v2/flags/{projectKey}, shaped like LaunchDarkly's documented answer. */
function ldFlag(key: string, fields: Record<string, unknown>) {
  return { key, name: key, kind: "boolean", _links: { self: { href: `/api/v2/flags/shop/${key}` } }, ...fields };
}

describe("launchdarkly", () => {
  it("reads every page of live and archived flags, with the token as the Authorization header", async () => {
    service = await fakeService((url) => {
      if (url === "/api/v2/flags/shop?summary=true&limit=100") {
        return { body: { items: [ldFlag("new_checkout", { creationDate: Date.UTC(2026, 2, 1, 23, 30), temporary: true, tags: ["web"], description: "New checkout" })], totalCount: 2, _links: { next: { href: "/api/v2/flags/shop?summary=true&limit=100&offset=100" } } } };
      }
      if (url === "/api/v2/flags/shop?summary=true&limit=100&offset=100") {
        return { body: { items: [ldFlag("kill_search", { creationDate: Date.UTC(2025, 10, 5), temporary: false, tags: [] })], totalCount: 2, _links: { self: { href: url } } } };
      }
      if (url === "/api/v2/flags/shop?summary=true&limit=100&filter=state%3Aarchived") {
        return { body: { items: [ldFlag("old_banner", { creationDate: Date.UTC(2024, 0, 9), temporary: true, archived: true })], _links: {} } };
      }
      return undefined;
    });
    const context = testContext("launchdarkly", ENV);
    const flags = await launchdarkly.pull({ from: "launchdarkly", project: "shop", environment: "production", baseUrl: service.base }, context);
    expect(flags).toEqual([
      { key: "new_checkout", archived: false, created: "2026-03-01", type: "release", link: `${service.base}/projects/shop/flags/new_checkout?env=production`, tags: ["web"], description: "New checkout" },
      { key: "kill_search", archived: false, created: "2025-11-05", type: "ops", link: `${service.base}/projects/shop/flags/kill_search?env=production` },
      { key: "old_banner", archived: true, created: "2024-01-09", type: "release", link: `${service.base}/projects/shop/flags/old_banner?env=production` },
    ]);
    expect(service.requests.map((request) => request.authorization)).toEqual(["api-secret-123", "api-secret-123", "api-secret-123"]);
    expect(context.pages).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it("refuses a next link to another server, so the token goes nowhere else", async () => {
    service = await fakeService(() => ({ body: { items: [], _links: { next: { href: "http://127.0.0.2:9/api/v2/flags/shop?offset=100" } } } }));
    await expect(launchdarkly.pull({ from: "launchdarkly", project: "shop", baseUrl: service.base }, testContext("launchdarkly", ENV))).rejects.toThrow(
      /points at another server \(http:\/\/127\.0\.0\.2:9\); refusing to send the token there/,
    );
  });

  it("needs a project and a token, and says how to give them", async () => {
    await expect(launchdarkly.pull({ from: "launchdarkly" }, testContext("launchdarkly", ENV))).rejects.toThrow("launchdarkly: needs --project, the key of the LaunchDarkly project to read");
    await expect(launchdarkly.pull({ from: "launchdarkly", project: "shop" }, testContext("launchdarkly", {}))).rejects.toThrow(
      "launchdarkly: no API token in $LD_API_KEY; set it in the environment (or name another variable with --token-env), or pull a saved export with --file",
    );
  });

  it("reads a saved answer with --file, without a token", async () => {
    const flags = launchdarkly.fromExport!({ items: [ldFlag("a", { temporary: false, creationDate: 0 })] }, { from: "launchdarkly" }, "ld.json");
    expect(flags).toEqual([{ key: "a", archived: false, created: "1970-01-01", type: "ops" }]);
  });
});
