// What the sources share: tokens from the environment, reading untrusted JSON, pagination guards.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { utcDate } from "../../clock.js";
import { PullError } from "./errors.js";
import type { PullContext, SourceOptions } from "./types.js";
import { isRecord } from "../../json-shape.js";

/** A page loop that never ends (a server whose next link points back) stops here. */
export const MAX_PAGES = 10_000;

/** The API token, from `--token-env` / `tokenEnv` or the service's usual variable. */
export function token(service: string, options: SourceOptions, context: PullContext, fallback: string): string {
  const name = options.tokenEnv ?? fallback;
  const value = context.env[name];
  if (value === undefined || value.trim() === "") {
    // A name that does not look like one may be the token itself, pasted by mistake: not echoed.
    if (options.tokenEnv !== undefined && !/^[A-Z_][A-Z0-9_]*$/.test(name)) {
      throw new PullError(`${service}: the variable named by --token-env is not set; pass the name of a variable (such as ${fallback}), never the token`);
    }
    throw new PullError(`${service}: no API token in $${name}; set it in the environment (or name another variable with --token-env), or pull a saved export with --file`);
  }
  return value.trim();
}

export function required(service: string, value: string | undefined, option: string, what: string): string {
  if (value === undefined || value === "") throw new PullError(`${service}: needs ${option}, ${what}`);
  return value;
}

/** The service's address without a trailing slash; `strip` drops a path the user may have copied along (".../api"). */
export function baseUrl(service: string, options: SourceOptions, fallback: string | undefined, strip?: RegExp): URL {
  const text = options.baseUrl ?? fallback;
  if (text === undefined) throw new PullError(`${service}: needs --base-url, the address of your ${service} server`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PullError(`${service}: --base-url ${JSON.stringify(text)} is not a URL; write it like https://${service}.example.com`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new PullError(`${service}: --base-url must start with https:// or http://`);
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  if (strip) url.pathname = url.pathname.replace(strip, "");
  return url;
}

/** The service's address as text, without a trailing slash. */
export function root(base: URL): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}`;
}

/** `base` plus an API path (which may carry a query). */
export function apiUrl(base: URL, pathAndQuery: string): URL {
  return new URL(`${root(base)}${pathAndQuery}`);
}

/** A next-page link, resolved against the page it came from; only on the same server, so the token goes nowhere else. */
export function nextPage(service: string, href: unknown, current: URL): URL | undefined {
  if (href === undefined || href === null || href === "") return undefined;
  if (typeof href !== "string") throw malformed(service, current, "its next-page link is not a URL");
  const next = new URL(href, current);
  if (next.origin !== current.origin) {
    throw new PullError(`${service}: the next page of GET ${current.origin}${current.pathname} points at another server (${next.origin}); refusing to send the token there`);
  }
  return next;
}

export function malformed(service: string, where: URL | string, what: string): PullError {
  const place = typeof where === "string" ? where : `GET ${where.origin}${where.pathname}`;
  return new PullError(`${service}: unexpected answer to ${place}: ${what}; check --base-url and --from (is it the ${service} API?)`);
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A creation time as ISO text or epoch milliseconds, as the UTC calendar day. */
export function day(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : utcDate(instant);
}

/** Tags as unique non-empty strings, in the service's order; `undefined` when there are none. */
export function tagList(values: Array<string | undefined>): string[] | undefined {
  const tags = [...new Set(values.filter((value): value is string => value !== undefined && value.trim() !== "").map((value) => value.trim()))];
  return tags.length > 0 ? tags : undefined;
}

/** The items of a saved export: one API answer, a list of answers, or a bare list of items. */
export function exportItems(payload: unknown, items: (page: Record<string, unknown>) => unknown): unknown[] | undefined {
  const listed = (page: unknown) => (isRecord(page) && Array.isArray(items(page)) ? (items(page) as unknown[]) : undefined);
  if (Array.isArray(payload)) {
    const pages = payload.map(listed);
    return payload.length > 0 && pages.every((page) => page !== undefined) ? pages.flat() : (payload as unknown[]);
  }
  return listed(payload);
}

/** The text of `file`, relative to `baseDir`. */
export function readSourceFile(service: string, file: string, baseDir: string): { path: string; text: string } {
  const absolute = path.resolve(baseDir, file);
  try {
    return { path: absolute, text: readFileSync(absolute, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "it is a folder" : (code ?? "cannot read it");
    throw new PullError(`${service}: cannot read ${file}: ${why}`);
  }
}

export function readJsonFile(service: string, file: string, baseDir: string): { path: string; value: unknown } {
  const { path: absolute, text: content } = readSourceFile(service, file, baseDir);
  try {
    return { path: absolute, value: JSON.parse(content.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    throw new PullError(`${service}: ${file} is not valid JSON (${(error as Error).message.split("\n", 1)[0]})`);
  }
}

/** A flag key as the registry can hold it. */
export function flagKey(service: string, value: unknown, where: URL | string): string {
  const key = typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
  if (key === undefined || key === "") throw malformed(service, where, "a flag has no key");
  return key;
}

export interface Page {
  items: unknown[];
  next?: URL;
}

/** Reads page after page from `first`; `read` takes one answer apart and finds the next page. */
export async function fetchPages(
  service: string,
  context: PullContext,
  first: URL,
  headers: Record<string, string>,
  read: (answer: unknown, url: URL) => Page,
  progress = { pages: 0, flags: 0 },
): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let url: URL | undefined = first; url; ) {
    if (seen.has(url.href) || seen.size >= MAX_PAGES) throw malformed(service, url, "its pages do not end");
    seen.add(url.href);
    const page = read(await context.http.getJson(url, headers), url);
    items.push(...page.items);
    progress.pages++;
    progress.flags += page.items.length;
    context.onPage?.(progress.pages, progress.flags);
    url = page.next;
  }
  return items;
}
