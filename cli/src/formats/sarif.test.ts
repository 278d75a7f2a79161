import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { hostileResult, IMG_TAG, options, projectResult, RULES, SCRIPT_TAG } from "./fixture.js";
import { fileUri, formatSarif } from "./sarif.js";

const repositoryRoot = new URL("../../../", import.meta.url);
const schemaPath = fileURLToPath(new URL("test/schemas/sarif-schema-2.1.0.json", repositoryRoot));

function validator() {
  const ajv = new Ajv({ allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its typed default export is the `default` property.
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SARIF is read back as plain JSON
function sarif(result = projectResult()): any {
  return JSON.parse(formatSarif(result, options()));
}

describe("formatSarif", () => {
  it("matches the snapshot", () => {
    expect(formatSarif(projectResult(), options())).toMatchSnapshot();
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    const validate = validator();
    expect(validate(sarif()), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(sarif(hostileResult())), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("describes flaglint and every rule for code scanning", () => {
    const { driver } = sarif().runs[0].tool;
    expect(driver).toMatchObject({ name: "flaglint", version: "0.1.0", informationUri: "https://github.com/flaglint/flaglint" });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(driver.rules[0]).toMatchObject({
      id: "no-unknown-flag",
      name: "NoUnknownFlag",
      shortDescription: { text: RULES[0]!.description },
      fullDescription: { text: RULES[0]!.description },
      helpUri: "https://github.com/flaglint/flaglint/blob/main/rules/docs/no-unknown-flag.md",
      defaultConfiguration: { level: "error" },
    });
    expect(driver.rules[2].defaultConfiguration.level).toBe("warning");
  });

  it("gives one result per finding, pointing at its rule, with a relative location", () => {
    const log = sarif();
    const { results, tool } = log.runs[0];
    expect(log.version).toBe("2.1.0");
    expect(results).toHaveLength(projectResult().findings.length);
    for (const result of results) expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(results[0]).toMatchObject({
      ruleId: "no-stale-flag",
      level: "error",
      message: { text: projectResult().findings[0]!.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "src/pay.ts", uriBaseId: "%SRCROOT%" },
            region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 25 },
          },
        },
      ],
    });
    expect(results[2].level).toBe("warning");
  });

  it("percent-encodes file names into URI references but keeps the path readable", () => {
    const uris = sarif().runs[0].results.map(
      (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        result.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain("src/weird%20dir/a%23b%20%5B1%5D.ts");
    expect(uris).toContain("packages/@acme/ui/broken.ts");
    expect(fileUri("../shared/c:d.ts")).toBe("../shared/c%3Ad.ts");
  });

  it("keeps fingerprints when a finding moves to another line, and tells repeated findings apart", () => {
    const before = projectResult();
    const after = projectResult();
    after.findings[0] = { ...after.findings[0]!, line: 40, endLine: 40 };
    const fingerprint = (result: ReturnType<typeof projectResult>, index: number) =>
      sarif(result).runs[0].results[index].partialFingerprints["flaglint/v1"];
    expect(fingerprint(after, 0)).toBe(fingerprint(before, 0));

    const twice = projectResult();
    twice.findings.push({ ...twice.findings[0]!, line: 50, endLine: 50 });
    const prints = sarif(twice).runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints["flaglint/v1"]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("keeps hostile text intact inside valid JSON", () => {
    const hostile = hostileResult();
    const log = sarif(hostile);
    expect(log.runs[0].results[0].message.text).toBe(hostile.findings[0]!.message);
    expect(log.runs[0].results[0].message.text).toContain(SCRIPT_TAG);
    const uri: string = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(decodeURIComponent(uri)).toContain(IMG_TAG);
    expect(uri).not.toMatch(/[<>"` |[\]]/);
  });
});

