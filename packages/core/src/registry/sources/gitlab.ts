// GitLab-style flag definitions: a folder of one YAML file per flag (config/feature_flags/<type>/<name>.yml)
// with name, type, group, milestone and the URLs of the issues that introduce and roll it out.
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { FlagType } from "../../types.js";
import { PullError } from "./errors.js";
import { malformed, readSourceFile, tagList, text } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource } from "./types.js";

const SOURCE = "gitlab";

/** GitLab's flag types: the short-lived ones are release toggles, `ops` and `worker` are permanent, `licensed` is an entitlement. */
const TYPES: Record<string, FlagType> = {
  gitlab_com_derisk: "release",
  wip: "release",
  beta: "release",
  development: "release",
  experiment: "experiment",
  ops: "ops",
  worker: "ops",
  licensed: "permission",
};

export const gitlab: RegistrySource = {
  name: SOURCE,
  async pull(options, context) {
    const folder = options.file ?? "config/feature_flags";
    const absolute = path.resolve(context.baseDir, folder);
    return definitionFiles(absolute, folder).map((file) => {
      const relative = path.relative(context.baseDir, file).split(path.sep).join("/");
      const { text: content } = readSourceFile(SOURCE, relative, context.baseDir);
      let value: unknown;
      try {
        value = parse(content, { schema: "core" });
      } catch (error) {
        throw new PullError(`${SOURCE}: ${relative} is not valid YAML (${(error as Error).message.split("\n", 1)[0]})`);
      }
      return mapDefinition(value, relative);
    });
  },
};

function definitionFiles(folder: string, written: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PullError(`${SOURCE}: cannot read the folder ${written}: ${code === "ENOENT" ? "not found" : code === "ENOTDIR" ? "not a folder" : code}; name the folder of flag definitions with --file`);
  }
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function mapDefinition(definition: unknown, file: string): PulledFlag {
  if (!isRecord(definition)) throw malformed(SOURCE, file, "expected a flag definition (name, type, group, …)");
  const key = text(definition.name) ?? path.basename(file).replace(/\.ya?ml$/, "");
  const flag: PulledFlag = { key, archived: false };
  const type = typeof definition.type === "string" && Object.hasOwn(TYPES, definition.type) ? TYPES[definition.type] : undefined;
  if (type) flag.type = type;
  const link = text(definition.rollout_issue_url) ?? text(definition.introduced_by_url) ?? text(definition.feature_issue_url);
  if (link) flag.link = link;
  const tags = tagList([text(definition.group)]);
  if (tags) flag.tags = tags;
  const description = text(definition.description);
  if (description) flag.description = description;
  return flag;
}
