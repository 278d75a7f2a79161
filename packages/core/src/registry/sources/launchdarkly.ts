// LaunchDarkly, REST API v2: GET /api/v2/flags/{projectKey}, `Authorization: <access token>`,
// pages by `_links.next.href`; archived flags come from a second listing with `filter=state:archived`.
import { apiUrl, baseUrl, day, exportItems, fetchPages, flagKey, malformed, nextPage, readJsonFile, required, tagList, text, token } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource, SourceOptions } from "./types.js";

const SERVICE = "launchdarkly";
const PAGE_SIZE = 100;

export const launchdarkly: RegistrySource = {
  name: SERVICE,
  tokenEnv: "LD_API_KEY",
  async pull(options, context) {
    if (options.file) return this.fromExport!(readJsonFile(SERVICE, options.file, context.baseDir).value, options, options.file);
    const project = required(SERVICE, options.project, "--project", "the key of the LaunchDarkly project to read");
    const base = baseUrl(SERVICE, options, "https://app.launchdarkly.com");
    const headers = { authorization: token(SERVICE, options, context, "LD_API_KEY") };
    const list = `/api/v2/flags/${encodeURIComponent(project)}?summary=true&limit=${PAGE_SIZE}`;
    const progress = { pages: 0, flags: 0 };
    const live = await fetchPages(SERVICE, context, apiUrl(base, list), headers, readPage, progress);
    const archived = await fetchPages(SERVICE, context, apiUrl(base, `${list}&filter=${encodeURIComponent("state:archived")}`), headers, readPage, progress);
    return [...live, ...archived].map((item) => mapFlag(item, options, base, apiUrl(base, list)));
  },
  fromExport(payload, options, file) {
    const items = exportItems(payload, (page) => page.items);
    if (!items) throw malformed(SERVICE, file, 'expected the answer of GET /api/v2/flags/{projectKey} (an object with "items")');
    const base = baseUrl(SERVICE, options, "https://app.launchdarkly.com");
    return items.map((item) => mapFlag(item, options, base, file));
  },
};

function readPage(answer: unknown, url: URL): { items: unknown[]; next?: URL } {
  if (!isRecord(answer) || !Array.isArray(answer.items)) throw malformed(SERVICE, url, 'expected an object with an "items" list');
  const links = isRecord(answer._links) ? answer._links : {};
  const next = isRecord(links.next) ? links.next.href : undefined;
  return { items: answer.items, next: nextPage(SERVICE, next, url) };
}

/** temporary → release; permanent → ops (LaunchDarkly does not tell a kill switch from an entitlement). */
function mapFlag(item: unknown, options: SourceOptions, base: URL, where: URL | string): PulledFlag {
  if (!isRecord(item)) throw malformed(SERVICE, where, "a flag is not an object");
  const key = flagKey(SERVICE, item.key, where);
  const flag: PulledFlag = { key, archived: item.archived === true };
  const created = day(item.creationDate);
  if (created) flag.created = created;
  if (typeof item.temporary === "boolean") flag.type = item.temporary ? "release" : "ops";
  if (options.project) {
    const env = options.environment ? `?env=${encodeURIComponent(options.environment)}` : "";
    flag.link = `${base.origin}/projects/${encodeURIComponent(options.project)}/flags/${encodeURIComponent(key)}${env}`;
  }
  const tags = tagList(Array.isArray(item.tags) ? item.tags.map(text) : []);
  if (tags) flag.tags = tags;
  const description = text(item.description);
  if (description) flag.description = description;
  return flag;
}
