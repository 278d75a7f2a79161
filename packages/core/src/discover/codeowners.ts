// Owners from a CODEOWNERS file (GitHub, GitLab): the last pattern that matches a file wins.
import fs from "node:fs";
import path from "node:path";
import { globToRegExp } from "../detect/file-scope.js";

export interface CodeOwners {
  /** The first owner of `file` (absolute), and the pattern that named it; `undefined` when no rule does. */
  ownerOf(file: string): { owner: string; pattern: string } | undefined;
}

const PLACES = ["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

/** The CODEOWNERS of the repository around `dir`: looked for in `dir` and each folder above it. */
export function findCodeOwners(dir: string): CodeOwners | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const place of PLACES) {
      const file = path.join(current, place);
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch {
        continue;
      }
      return parseCodeOwners(text, current);
    }
    if (fs.existsSync(path.join(current, ".git")) || path.dirname(current) === current) return undefined;
  }
}

/** `root` is the folder patterns are relative to (the repository's root). */
export function parseCodeOwners(text: string, root: string): CodeOwners {
  const rules: Array<{ pattern: string; test: RegExp; owner: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    // GitLab sections (`[Docs]`) group rules; their own default owners are left aside.
    if (line === "" || line.startsWith("[") || line.startsWith("^[")) continue;
    const [pattern, owner] = line.split(/\s+/);
    if (pattern === undefined || owner === undefined) continue;
    rules.push({ pattern, test: patternToRegExp(pattern), owner });
  }
  return {
    ownerOf(file) {
      const relative = path.relative(root, file).split(path.sep).join("/");
      if (relative.startsWith("../")) return undefined;
      for (let index = rules.length - 1; index >= 0; index--) {
        const rule = rules[index]!;
        if (rule.test.test(relative)) return { owner: rule.owner, pattern: rule.pattern };
      }
      return undefined;
    },
  };
}

/** gitignore-style: `/x` and `a/b` are anchored at the root, `x` matches at any depth, a folder matches what it holds. */
function patternToRegExp(pattern: string): RegExp {
  const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  let glob = pattern.replace(/^\//, "");
  if (glob.endsWith("/")) glob += "**";
  const source = globToRegExp(anchored ? glob : `**/${glob}`).source.slice(1, -1);
  return new RegExp(`^${source}(?:/.*)?$`);
}
