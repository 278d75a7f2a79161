// Flagsmith, Admin API: GET /api/v1/projects/{project_id}/features/?page_size=, `Authorization: Api-Key <organisation key>`,
// pages by `next` (a full URL). Flagsmith has no flag types, and its tags are ids: neither comes in.
import { apiUrl, baseUrl, day, exportItems, fetchPages, flagKey, malformed, nextPage, readJsonFile, required, text, token } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource, SourceOptions } from "./types.js";

const SERVICE = "flagsmith";
const CLOUD_API = "https://api.flagsmith.com";
const CLOUD_APP = "https://app.flagsmith.com";
const PAGE_SIZE = 100;

export const flagsmith: RegistrySource = {
  name: SERVICE,
  tokenEnv: "FLAGSMITH_API_KEY",
  async pull(options, context) {
    if (options.file) return this.fromExport!(readJsonFile(SERVICE, options.file, context.baseDir).value, options, options.file);
    const project = required(SERVICE, options.project, "--project", "the id of the Flagsmith project to read");
    const base = baseUrl(SERVICE, options, CLOUD_API, /\/api(\/v1)?$/);
    const headers = { authorization: `Api-Key ${token(SERVICE, options, context, "FLAGSMITH_API_KEY")}` };
    const first = apiUrl(base, `/api/v1/projects/${encodeURIComponent(project)}/features/?page_size=${PAGE_SIZE}`);
    const items = await fetchPages(SERVICE, context, first, headers, (answer, url) => {
      if (!isRecord(answer) || !Array.isArray(answer.results)) throw malformed(SERVICE, url, 'expected an object with a "results" list');
      return { items: answer.results, next: nextPage(SERVICE, answer.next, url) };
    });
    return items.map((item) => mapFlag(item, options, base.origin === CLOUD_API, first));
  },
  fromExport(payload, options, file) {
    const items = exportItems(payload, (page) => page.results);
    if (!items) throw malformed(SERVICE, file, 'expected the answer of GET /api/v1/projects/{id}/features/ (an object with "results")');
    return items.map((item) => mapFlag(item, options, (options.baseUrl ?? CLOUD_API).startsWith(CLOUD_API), file));
  },
};

function mapFlag(item: unknown, options: SourceOptions, cloud: boolean, where: URL | string): PulledFlag {
  if (!isRecord(item)) throw malformed(SERVICE, where, "a feature is not an object");
  const key = flagKey(SERVICE, item.name, where);
  const flag: PulledFlag = { key, archived: item.is_archived === true };
  const created = day(item.created_date);
  if (created) flag.created = created;
  // A feature's page lives under an environment: without one there is nothing to link to.
  if (cloud && options.project && options.environment && (typeof item.id === "number" || typeof item.id === "string")) {
    flag.link = `${CLOUD_APP}/project/${encodeURIComponent(options.project)}/environment/${encodeURIComponent(options.environment)}/features?feature=${encodeURIComponent(String(item.id))}`;
  }
  const description = text(item.description);
  if (description) flag.description = description;
  return flag;
}
