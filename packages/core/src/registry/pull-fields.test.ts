// The registry fields that `registry pull` writes: link, tags and the sources list.
import { describe, expect, it } from "vitest";
import { parseRegistry, RegistryError } from "./index.js";

const FILE = "/repo/feature-flags.yaml";

function problems(text: string): string[] {
  try {
    parseRegistry(text, FILE);
  } catch (error) {
    if (error instanceof RegistryError) return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}${problem.hint ? ` (${problem.hint})` : ""}`);
    throw error;
  }
  return [];
}

describe("link, tags and sources", () => {
  it("reads link and tags into the flag", () => {
    const registry = parseRegistry(
      ["version: 1", "flags:", "  new_nav:", "    type: release", '    link: "https://app.launchdarkly.com/projects/web/flags/new_nav"', "    tags: [web, checkout]", ""].join("\n"),
      FILE,
    );
    expect(registry.flags.get("new_nav")).toMatchObject({ link: "https://app.launchdarkly.com/projects/web/flags/new_nav", tags: ["web", "checkout"] });
  });

  it("reads the sources list", () => {
    const registry = parseRegistry(
      ["version: 1", "sources:", "  - from: launchdarkly", "    project: web", "    environment: production", "  - from: openfeature", "    file: flags.json", "flags:", ""].join("\n"),
      FILE,
    );
    expect(registry.sources).toEqual([{ from: "launchdarkly", project: "web", environment: "production" }, { from: "openfeature", file: "flags.json" }]);
  });

  it("has no sources when the registry lists none", () => {
    expect(parseRegistry("version: 1\nflags:\n", FILE).sources).toBeUndefined();
  });

  it("reports an unknown source, a number for a project, a token in place of its variable's name", () => {
    expect(problems(["version: 1", "sources:", "  - from: launchdarkley", "  - from: posthog", "    project: 12345", "  - from: unleash", "    tokenEnv: user:abc.123", ""].join("\n"))).toEqual([
      '3:11 unknown from "launchdarkley" (did you mean "launchdarkly"?)',
      '5:14 "project" must be a string, not a number (put it in quotes: "12345")',
      '7:15 "tokenEnv" must be the name of an environment variable, such as LD_API_KEY, not "user:abc.123"',
    ]);
  });

  it("reports tags that are not a list of text", () => {
    expect(problems(["version: 1", "flags:", "  a:", "    type: ops", "    tags: web", ""].join("\n"))).toEqual([
      '5:11 "tags" must be a list, not a string (write a list, such as [a, b], or one - item per line)',
    ]);
  });
});
