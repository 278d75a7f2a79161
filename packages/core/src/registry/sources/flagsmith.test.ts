import { afterEach, describe, expect, it } from "vitest";
import { fakeService, testContext, type FakeService } from "./__fixtures__/server.js";
import { flagsmith } from "./flagsmith.js";

let service: FakeService | undefined;
afterEach(async () => service?.close());

const ENV = { FLAGSMITH_API_KEY: "ser.org-key" };

describe("flagsmith", () => {
  it("follows the next links of a project's features and sends an Api-Key header", async () => {
    service = await fakeService((url) => {
      if (url === "/api/v1/projects/42/features/?page_size=100") {
        return { body: { count: 2, next: `${service!.base}/api/v1/projects/42/features/?page=2&page_size=100`, previous: null, results: [{ id: 7, name: "new_cart", created_date: "2026-02-10T12:00:00Z", description: "Cart", is_archived: false, tags: [3], type: "STANDARD" }] } };
      }
      if (url === "/api/v1/projects/42/features/?page=2&page_size=100") {
        return { body: { count: 2, next: null, previous: "x", results: [{ id: 8, name: "old_cart", created_date: "2025-02-10T12:00:00Z", description: null, is_archived: true, tags: [], type: "STANDARD" }] } };
      }
      return undefined;
    });
    const flags = await flagsmith.pull({ from: "flagsmith", project: "42", environment: "prod", baseUrl: service.base }, testContext("flagsmith", ENV));
    expect(flags).toEqual([
      { key: "new_cart", archived: false, created: "2026-02-10", description: "Cart" },
      { key: "old_cart", archived: true, created: "2025-02-10" },
    ]);
    expect(service.requests[0]!.authorization).toBe("Api-Key ser.org-key");
  });

  it("links to the flag's page in the cloud app when it knows the environment", () => {
    const [flag] = flagsmith.fromExport!({ results: [{ id: 7, name: "a", is_archived: false }] }, { from: "flagsmith", project: "42", environment: "prod" }, "fs.json");
    expect(flag!.link).toBe("https://app.flagsmith.com/project/42/environment/prod/features?feature=7");
  });

  it("says a refused token is refused, and nothing more", async () => {
    service = await fakeService(() => ({ status: 401, body: { detail: "Invalid token." } }));
    await expect(flagsmith.pull({ from: "flagsmith", project: "42", baseUrl: service.base }, testContext("flagsmith", ENV))).rejects.toThrow(
      `flagsmith: 401 Unauthorized on GET ${service.base}/api/v1/projects/42/features/; the token was refused: check that its variable holds a valid API token`,
    );
  });
});
