import { afterEach, describe, expect, it } from "vitest";
import { fakeService, testContext, type FakeService } from "./__fixtures__/server.js";
import { posthog } from "./posthog.js";

let service: FakeService | undefined;
afterEach(async () => service?.close());

describe("posthog", () => {
  it("reads every page of a project's flags, with a token from --token-env", async () => {
    service = await fakeService((url) => {
      if (url === "/api/projects/9/feature_flags/?limit=100") {
        return { body: { count: 2, next: `${service!.base}/api/projects/9/feature_flags/?limit=100&offset=100`, previous: null, results: [{ id: 1, key: "beta-search", name: "Beta search", created_at: "2026-01-05T09:00:00Z", deleted: false, active: true, tags: ["search"] }] } };
      }
      if (url === "/api/projects/9/feature_flags/?limit=100&offset=100") {
        return { body: { count: 2, next: null, previous: null, results: [{ id: 2, key: "gone", name: "", created_at: "2025-01-05T09:00:00Z", deleted: true, active: false, tags: [] }] } };
      }
      return undefined;
    });
    const flags = await posthog.pull({ from: "posthog", project: "9", baseUrl: service.base, tokenEnv: "PH_PERSONAL_KEY" }, testContext("posthog", { PH_PERSONAL_KEY: "phx_123" }));
    expect(flags).toEqual([
      { key: "beta-search", archived: false, created: "2026-01-05", link: `${service.base}/project/9/feature_flags/1`, tags: ["search"], description: "Beta search" },
      { key: "gone", archived: true, created: "2025-01-05", link: `${service.base}/project/9/feature_flags/2` },
    ]);
    expect(service.requests[0]!.authorization).toBe("Bearer phx_123");
  });

  it("names the variable it looked in when the token is missing, unless the name may be the token itself", async () => {
    await expect(posthog.pull({ from: "posthog", project: "9", tokenEnv: "PH_PERSONAL_KEY" }, testContext("posthog", {}))).rejects.toThrow("posthog: no API token in $PH_PERSONAL_KEY");
    const pasted = posthog.pull({ from: "posthog", project: "9", tokenEnv: "phx_a1b2c3" }, testContext("posthog", {}));
    await expect(pasted).rejects.toThrow("posthog: the variable named by --token-env is not set; pass the name of a variable (such as POSTHOG_API_KEY), never the token");
    await expect(pasted).rejects.not.toThrow("phx_a1b2c3");
  });

  it("stops at a malformed page", async () => {
    service = await fakeService((url) =>
      url === "/api/projects/9/feature_flags/?limit=100" ? { body: { results: [], next: `${service!.base}/api/projects/9/feature_flags/?offset=100` } } : { body: { results: [{ id: 3 }] } },
    );
    await expect(posthog.pull({ from: "posthog", project: "9", baseUrl: service.base }, testContext("posthog", { POSTHOG_API_KEY: "k" }))).rejects.toThrow("posthog: unexpected answer to GET");
  });
});
