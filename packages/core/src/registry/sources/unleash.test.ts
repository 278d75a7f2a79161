import { afterEach, describe, expect, it } from "vitest";
import { fakeService, testContext, type FakeService } from "./__fixtures__/server.js";
import { unleash } from "./unleash.js";

let service: FakeService | undefined;
afterEach(async () => service?.close());

const ENV = { UNLEASH_API_TOKEN: "*:*.admin-secret" };

describe("unleash", () => {
  it("reads a project's features and its archive, mapping Unleash's flag types", async () => {
    service = await fakeService((url) => {
      if (url === "/api/admin/projects/web/features") {
        return {
          body: {
            version: 2,
            features: [
              { name: "new_nav", type: "release", project: "web", createdAt: "2026-03-01T08:00:00.000Z", description: "New navigation", tags: [{ type: "simple", value: "ui" }, { type: "team", value: "web" }] },
              { name: "kill_recs", type: "kill-switch", project: "web", createdAt: "2025-01-10T00:00:00.000Z" },
              { name: "ops_cache", type: "operational", project: "web", createdAt: "2025-01-11T00:00:00.000Z" },
              { name: "ab_hero", type: "experiment", project: "web", createdAt: "2026-06-01T00:00:00.000Z" },
              { name: "beta_users", type: "permission", project: "web", createdAt: "2024-12-31T23:59:59.000Z" },
            ],
          },
        };
      }
      if (url === "/api/admin/archive/features/web") return { body: { version: 2, features: [{ name: "old_nav", type: "release", project: "web", createdAt: "2025-02-01T00:00:00.000Z", archivedAt: "2025-05-01T00:00:00.000Z" }] } };
      return undefined;
    });
    const flags = await unleash.pull({ from: "unleash", project: "web", baseUrl: `${service.base}/api/` }, testContext("unleash", ENV));
    const link = (key: string) => `${service!.base}/projects/web/features/${key}`;
    expect(flags).toEqual([
      { key: "new_nav", archived: false, created: "2026-03-01", type: "release", link: link("new_nav"), tags: ["ui", "team:web"], description: "New navigation" },
      { key: "kill_recs", archived: false, created: "2025-01-10", type: "ops", link: link("kill_recs") },
      { key: "ops_cache", archived: false, created: "2025-01-11", type: "ops", link: link("ops_cache") },
      { key: "ab_hero", archived: false, created: "2026-06-01", type: "experiment", link: link("ab_hero") },
      { key: "beta_users", archived: false, created: "2024-12-31", type: "permission", link: link("beta_users") },
      { key: "old_nav", archived: true, created: "2025-02-01", type: "release", link: link("old_nav") },
    ]);
    expect(service.requests.map((request) => request.authorization)).toEqual([ENV.UNLEASH_API_TOKEN, ENV.UNLEASH_API_TOKEN]);
  });

  it("does without the archive on servers that lack its endpoint", async () => {
    service = await fakeService((url) => (url === "/api/admin/projects/default/features" ? { body: { features: [{ name: "a", type: "release" }] } } : undefined));
    const flags = await unleash.pull({ from: "unleash", baseUrl: service.base }, testContext("unleash", ENV));
    expect(flags.map((flag) => flag.key)).toEqual(["a"]);
  });

  it("needs the server's address", async () => {
    await expect(unleash.pull({ from: "unleash" }, testContext("unleash", ENV))).rejects.toThrow("unleash: needs --base-url, the address of your unleash server");
  });

  it("says what is wrong with a malformed answer", async () => {
    service = await fakeService(() => ({ body: { toggles: [] } }));
    await expect(unleash.pull({ from: "unleash", baseUrl: service.base }, testContext("unleash", ENV))).rejects.toThrow(
      `unleash: unexpected answer to GET ${service.base}/api/admin/projects/default/features: expected an object with a "features" list; check --base-url and --from (is it the unleash API?)`,
    );
  });
});
