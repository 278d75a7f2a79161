import { afterEach, describe, expect, it } from "vitest";
import { fakeService, testContext, type FakeService } from "./__fixtures__/server.js";
import { growthbook } from "./growthbook.js";

let service: FakeService | undefined;
afterEach(async () => service?.close());

const ENV = { GROWTHBOOK_API_KEY: "secret_abc123" };

function feature(id: string, fields: Record<string, unknown> = {}) {
  return { id, dateCreated: "2026-04-02T10:00:00.000Z", dateUpdated: "2026-04-03T10:00:00.000Z", archived: false, description: "", owner: "ann", project: "prj_1", valueType: "boolean", defaultValue: "false", tags: [], environments: {}, ...fields };
}

describe("growthbook", () => {
  it("follows offset pages and sends the key as a Bearer token", async () => {
    service = await fakeService((url) => {
      if (url === "/api/v1/features?limit=100&offset=0&projectId=prj_1") return { body: { features: [feature("checkout", { tags: ["web"], description: "Checkout" })], limit: 100, offset: 0, count: 1, total: 2, hasMore: true, nextOffset: 100 } };
      if (url === "/api/v1/features?limit=100&offset=100&projectId=prj_1") return { body: { features: [feature("old", { archived: true })], limit: 100, offset: 100, count: 1, total: 2, hasMore: false, nextOffset: null } };
      return undefined;
    });
    const context = testContext("growthbook", ENV);
    const flags = await growthbook.pull({ from: "growthbook", project: "prj_1", baseUrl: `${service.base}/api` }, context);
    expect(flags).toEqual([
      { key: "checkout", archived: false, created: "2026-04-02", tags: ["web"], description: "Checkout" },
      { key: "old", archived: true, created: "2026-04-02" },
    ]);
    expect(service.requests[0]!.authorization).toBe("Bearer secret_abc123");
    expect(context.pages).toEqual([[1, 1], [2, 2]]);
  });

  it("stops at a page that says there is more but not where", async () => {
    service = await fakeService(() => ({ body: { features: [], hasMore: true } }));
    await expect(growthbook.pull({ from: "growthbook", baseUrl: service.base }, testContext("growthbook", ENV))).rejects.toThrow('it says "hasMore" without a "nextOffset"');
  });

  it("links to the cloud app only for the cloud API", () => {
    expect(growthbook.fromExport!({ features: [feature("a")] }, { from: "growthbook" }, "gb.json")[0]!.link).toBe("https://app.growthbook.io/features/a");
    expect(growthbook.fromExport!([feature("a")], { from: "growthbook", baseUrl: "http://gb.internal:3100" }, "gb.json")[0]!.link).toBeUndefined();
  });
});
