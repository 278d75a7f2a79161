// Unleash, Admin API: GET /api/admin/projects/{projectId}/features (one answer, no pages) and the
// project's archive, GET /api/admin/archive/features/{projectId}; `Authorization: <admin or personal token>`.
import type { FlagType } from "../../types.js";
import { apiUrl, root, baseUrl, day, exportItems, fetchPages, flagKey, malformed, readJsonFile, tagList, text, token } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource, SourceOptions } from "./types.js";

const SERVICE = "unleash";

/** Unleash's flag types; its kill switch and operational toggles are both ops. */
const TYPES: Record<string, FlagType> = { release: "release", experiment: "experiment", operational: "ops", "kill-switch": "ops", permission: "permission" };

export const unleash: RegistrySource = {
  name: SERVICE,
  tokenEnv: "UNLEASH_API_TOKEN",
  async pull(options, context) {
    if (options.file) return this.fromExport!(readJsonFile(SERVICE, options.file, context.baseDir).value, options, options.file);
    const base = baseUrl(SERVICE, options, undefined, /\/api$/);
    const project = encodeURIComponent(options.project ?? "default");
    const headers = { authorization: token(SERVICE, options, context, "UNLEASH_API_TOKEN") };
    const progress = { pages: 0, flags: 0 };
    const features = await fetchPages(SERVICE, context, apiUrl(base, `/api/admin/projects/${project}/features`), headers, readPage, progress);
    // Servers without the archive endpoint answer 404: their archived flags stay unknown, not an error.
    const archiveUrl = apiUrl(base, `/api/admin/archive/features/${project}`);
    const archive = await context.http.getJson(archiveUrl, headers, { missingOk: true });
    const archived = archive === undefined ? [] : readPage(archive, archiveUrl).items;
    context.onPage?.(progress.pages + 1, progress.flags + archived.length);
    return [
      ...features.map((item) => mapFlag(item, options, base, archiveUrl, false)),
      ...archived.map((item) => mapFlag(item, options, base, archiveUrl, true)),
    ];
  },
  fromExport(payload, options, file) {
    // Unleash's own export (`GET /api/admin/features-batch/export`) lists `features` as well.
    const items = exportItems(payload, (page) => page.features);
    if (!items) throw malformed(SERVICE, file, 'expected an Unleash answer or export (an object with "features")');
    const base = options.baseUrl ? baseUrl(SERVICE, options, undefined, /\/api$/) : undefined;
    return items.map((item) => mapFlag(item, options, base, file, false));
  },
};

function readPage(answer: unknown, url: URL): { items: unknown[] } {
  if (!isRecord(answer) || !Array.isArray(answer.features)) throw malformed(SERVICE, url, 'expected an object with a "features" list');
  return { items: answer.features };
}

function mapFlag(item: unknown, options: SourceOptions, base: URL | undefined, where: URL | string, fromArchive: boolean): PulledFlag {
  if (!isRecord(item)) throw malformed(SERVICE, where, "a feature is not an object");
  const key = flagKey(SERVICE, item.name, where);
  const flag: PulledFlag = { key, archived: fromArchive || item.archived === true || typeof item.archivedAt === "string" };
  const created = day(item.createdAt);
  if (created) flag.created = created;
  const type = typeof item.type === "string" && Object.hasOwn(TYPES, item.type) ? TYPES[item.type] : undefined;
  if (type) flag.type = type;
  if (base) {
    const project = typeof item.project === "string" ? item.project : (options.project ?? "default");
    flag.link = `${root(base)}/projects/${encodeURIComponent(project)}/features/${encodeURIComponent(key)}`;
  }
  const tags = tagList(Array.isArray(item.tags) ? item.tags.map(tagName) : []);
  if (tags) flag.tags = tags;
  const description = text(item.description);
  if (description) flag.description = description;
  return flag;
}

/** `{ type: "simple", value: "web" }` → `web`; tags of other types keep their type: `team:payments`. */
function tagName(tag: unknown): string | undefined {
  if (typeof tag === "string") return text(tag);
  if (!isRecord(tag)) return undefined;
  const value = text(tag.value);
  const type = text(tag.type);
  return value === undefined ? undefined : type === undefined || type === "simple" ? value : `${type}:${value}`;
}
