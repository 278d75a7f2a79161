// PostHog: GET /api/projects/{project_id}/feature_flags/?limit=, `Authorization: Bearer <personal API key>`,
// pages by `next` (a full URL). A flag's `name` is its description; `deleted` is PostHog's archive.
import { apiUrl, root, baseUrl, day, exportItems, fetchPages, flagKey, malformed, nextPage, readJsonFile, required, tagList, text, token } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource, SourceOptions } from "./types.js";

const SERVICE = "posthog";
const PAGE_SIZE = 100;

export const posthog: RegistrySource = {
  name: SERVICE,
  tokenEnv: "POSTHOG_API_KEY",
  async pull(options, context) {
    if (options.file) return this.fromExport!(readJsonFile(SERVICE, options.file, context.baseDir).value, options, options.file);
    const project = required(SERVICE, options.project, "--project", "the id of the PostHog project to read");
    const base = baseUrl(SERVICE, options, "https://us.posthog.com", /\/api$/);
    const headers = { authorization: `Bearer ${token(SERVICE, options, context, "POSTHOG_API_KEY")}` };
    const first = apiUrl(base, `/api/projects/${encodeURIComponent(project)}/feature_flags/?limit=${PAGE_SIZE}`);
    const items = await fetchPages(SERVICE, context, first, headers, (answer, url) => {
      if (!isRecord(answer) || !Array.isArray(answer.results)) throw malformed(SERVICE, url, 'expected an object with a "results" list');
      return { items: answer.results, next: nextPage(SERVICE, answer.next, url) };
    });
    return items.map((item) => mapFlag(item, options, base, first));
  },
  fromExport(payload, options, file) {
    const items = exportItems(payload, (page) => page.results);
    if (!items) throw malformed(SERVICE, file, 'expected the answer of GET /api/projects/{id}/feature_flags/ (an object with "results")');
    return items.map((item) => mapFlag(item, options, baseUrl(SERVICE, options, "https://us.posthog.com", /\/api$/), file));
  },
};

function mapFlag(item: unknown, options: SourceOptions, base: URL, where: URL | string): PulledFlag {
  if (!isRecord(item)) throw malformed(SERVICE, where, "a flag is not an object");
  const key = flagKey(SERVICE, item.key, where);
  const flag: PulledFlag = { key, archived: item.deleted === true };
  const created = day(item.created_at);
  if (created) flag.created = created;
  if (options.project && (typeof item.id === "number" || typeof item.id === "string")) {
    flag.link = `${root(base)}/project/${encodeURIComponent(options.project)}/feature_flags/${encodeURIComponent(String(item.id))}`;
  }
  const tags = tagList(Array.isArray(item.tags) ? item.tags.map(text) : []);
  if (tags) flag.tags = tags;
  const description = text(item.name);
  if (description) flag.description = description;
  return flag;
}
