// GrowthBook, REST API v1: GET /api/v1/features?limit=&offset=[&projectId=], `Authorization: Bearer <secret key>`,
// offset pages (`hasMore`, `nextOffset`). GrowthBook has no flag types: new flags come in as release toggles.
import { apiUrl, baseUrl, day, exportItems, fetchPages, flagKey, malformed, readJsonFile, tagList, text, token } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource } from "./types.js";

const SERVICE = "growthbook";
const CLOUD_API = "https://api.growthbook.io";
const CLOUD_APP = "https://app.growthbook.io";
const PAGE_SIZE = 100;

export const growthbook: RegistrySource = {
  name: SERVICE,
  tokenEnv: "GROWTHBOOK_API_KEY",
  async pull(options, context) {
    if (options.file) return this.fromExport!(readJsonFile(SERVICE, options.file, context.baseDir).value, options, options.file);
    const base = baseUrl(SERVICE, options, CLOUD_API, /\/api$/);
    const headers = { authorization: `Bearer ${token(SERVICE, options, context, "GROWTHBOOK_API_KEY")}` };
    const project = options.project ? `&projectId=${encodeURIComponent(options.project)}` : "";
    const page = (offset: number) => apiUrl(base, `/api/v1/features?limit=${PAGE_SIZE}&offset=${offset}${project}`);
    const first = page(0);
    const items = await fetchPages(SERVICE, context, first, headers, (answer, url) => {
      if (!isRecord(answer) || !Array.isArray(answer.features)) throw malformed(SERVICE, url, 'expected an object with a "features" list');
      if (answer.hasMore !== true) return { items: answer.features };
      if (typeof answer.nextOffset !== "number") throw malformed(SERVICE, url, 'it says "hasMore" without a "nextOffset"');
      return { items: answer.features, next: page(answer.nextOffset) };
    });
    return items.map((item) => mapFlag(item, base.origin === CLOUD_API, first));
  },
  fromExport(payload, options, file) {
    const items = exportItems(payload, (page) => page.features);
    if (!items) throw malformed(SERVICE, file, 'expected the answer of GET /api/v1/features (an object with "features")');
    return items.map((item) => mapFlag(item, (options.baseUrl ?? CLOUD_API).startsWith(CLOUD_API), file));
  },
};

/** Self-hosted GrowthBook serves its pages from another address than its API: links only for the cloud. */
function mapFlag(item: unknown, cloud: boolean, where: URL | string): PulledFlag {
  if (!isRecord(item)) throw malformed(SERVICE, where, "a feature is not an object");
  const key = flagKey(SERVICE, item.id, where);
  const flag: PulledFlag = { key, archived: item.archived === true };
  const created = day(item.dateCreated);
  if (created) flag.created = created;
  if (cloud) flag.link = `${CLOUD_APP}/features/${encodeURIComponent(key)}`;
  const tags = tagList(Array.isArray(item.tags) ? item.tags.map(text) : []);
  if (tags) flag.tags = tags;
  const description = text(item.description);
  if (description) flag.description = description;
  return flag;
}
