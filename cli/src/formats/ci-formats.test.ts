// The CI formats added for rollouts: GitLab Code Quality, JUnit XML, the CSV report, and SARIF for a broken registry.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { invalidRegistryResult, RegistryError } from "@flaglint/core";
import { CWD, finding, hostileResult, options, projectResult } from "./fixture.js";
import { formatGitlab } from "./gitlab.js";
import { formatGithub } from "./github.js";
import { formatJunit } from "./junit.js";
import { formatCsvReport } from "./report-csv.js";
import { formatSarif } from "./sarif.js";

/**
 * GitLab's Code Quality report as its documentation specifies it (there is no published JSON
 * Schema): an array of issues, each with these fields required.
 */
const CODE_QUALITY_SCHEMA = {
  type: "array",
  items: {
    type: "object",
    required: ["description", "check_name", "fingerprint", "severity", "location"],
    properties: {
      description: { type: "string", minLength: 1 },
      check_name: { type: "string", minLength: 1 },
      fingerprint: { type: "string", pattern: "^[0-9a-f]{32}$" },
      severity: { enum: ["info", "minor", "major", "critical", "blocker"] },
      location: {
        type: "object",
        required: ["path", "lines"],
        properties: {
          path: { type: "string", not: { pattern: "^(/|\\./|\\.\\./)" } },
          lines: { type: "object", required: ["begin"], properties: { begin: { type: "integer", minimum: 1 }, end: { type: "integer", minimum: 1 } } },
        },
      },
    },
  },
};

describe("formatGitlab", () => {
  it("is a Code Quality report GitLab reads, one issue per finding", () => {
    const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);
    for (const result of [projectResult(), hostileResult()]) {
      const issues = JSON.parse(formatGitlab(result, options()));
      expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
      expect(issues).toHaveLength(result.findings.length);
    }
    expect(JSON.parse(formatGitlab(projectResult(), options()))[0]).toEqual({
      type: "issue",
      check_name: "flaglint/no-stale-flag",
      description: expect.stringContaining('Release toggle "new_payment_flow" was due for removal on 2026-04-15'),
      categories: ["Bug Risk"],
      severity: "major",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      location: { path: "src/pay.ts", lines: { begin: 12, end: 12 } },
    });
  });

  it("keeps fingerprints when lines move and days pass, and tells repeated findings apart", () => {
    const before = projectResult();
    const moved = { ...before, findings: before.findings.map((f) => ({ ...f, line: f.line + 10, endLine: f.endLine + 10, message: `${f.message} later` })) };
    const prints = (result: typeof before) => JSON.parse(formatGitlab(result, options())).map((issue: { fingerprint: string }) => issue.fingerprint);
    expect(prints(moved)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(before.findings.length);
  });

  it("names files from the repository root when run in a subfolder", () => {
    const issues = JSON.parse(formatGitlab(projectResult(), options({ cwd: `${CWD}/src`, root: CWD })));
    expect(issues[0].location.path).toBe("src/pay.ts");
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The element tree of the XML text, checked for well-formedness on the way: tags nest, attributes quote, entities are known. */
function parseXml(xml: string): XmlElement {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("\n") + 1);
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
      stack.at(-1)!.text += text.trim();
      continue;
    }
    if (closing) {
      expect(stack.pop()!.name).toBe(name);
      continue;
    }
    const attributes = Object.fromEntries([...attributeText!.matchAll(/([\w.-]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    for (const value of Object.values(attributes)) expect(value).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    const element: XmlElement = { name: name!, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

/** The JUnit shape CI servers read (the Jenkins / Ant junit XSD): which element holds which, and its required attributes. */
function expectJunitShape(tree: XmlElement): void {
  expect(tree.name).toBe("testsuites");
  for (const suite of tree.children) {
    expect(suite.name).toBe("testsuite");
    expect(Object.keys(suite.attributes)).toEqual(expect.arrayContaining(["name", "tests", "failures", "errors"]));
    expect(Number(suite.attributes.tests)).toBe(suite.children.length);
    for (const testCase of suite.children) {
      expect(testCase.name).toBe("testcase");
      expect(Object.keys(testCase.attributes)).toEqual(expect.arrayContaining(["name", "classname"]));
      for (const child of testCase.children) expect(child.name).toBe("failure");
    }
  }
}

describe("formatJunit", () => {
  it("writes one failing test case per finding, in a suite per file", () => {
    const result = projectResult();
    const tree = parseXml(formatJunit(result, options()));
    expectJunitShape(tree);
    const cases = tree.children.flatMap((suite) => suite.children);
    expect(cases).toHaveLength(result.findings.length);
    expect(tree.attributes.failures).toBe(String(result.findings.length));
    const first = tree.children.find((suite) => suite.attributes.name === "src/pay.ts")!.children[0]!;
    expect(first.attributes).toMatchObject({ name: "flaglint/no-stale-flag new_payment_flow (12:7)", classname: "src/pay.ts" });
    expect(first.children[0]!.attributes.type).toBe("error");
    expect(first.children[0]!.text).toMatch(/^src\/pay\.ts:12:7: Error - Release toggle/);
  });

  it("writes one passing case when there is nothing to report", () => {
    const tree = parseXml(formatJunit({ ...projectResult(), findings: [] }, options()));
    expectJunitShape(tree);
    expect(tree.attributes).toMatchObject({ tests: "1", failures: "0" });
  });

  it("stays well-formed XML whatever the registry and the code hold", () => {
    const tree = parseXml(formatJunit(hostileResult(), options()));
    expectJunitShape(tree);
    const withControl = { ...projectResult(), findings: [finding({ rule: "parse-error", severity: "error", flag: null, file: "src/a&b<c>.ts", range: [1, 1, 1, 2], message: 'bad \u0000 "quote" ]]> end\nnext' })] };
    const parsed = parseXml(formatJunit(withControl, options()));
    expect(parsed.children[0]!.attributes.name).toBe("src/a&amp;b&lt;c&gt;.ts");
  });
});

describe("formatCsvReport", () => {
  it("writes a header and one row per flag, overdue first", () => {
    const lines = formatCsvReport(projectResult(), options()).split("\r\n");
    expect(lines[0]).toBe("key,state,days_left,type,owner,created,remove_by,ticket,references,registry,description");
    expect(lines[1]).toBe("new_payment_flow,overdue,-225,release,@payments,2026-03-01,2026-04-15,PAY-1234,3,feature-flags.yaml,New payment processor");
    expect(lines).toHaveLength(projectResult().flags.length + 2);
    expect(lines.at(-1)).toBe("");
  });

  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    const base = projectResult();
    const result = { ...base, flags: [{ ...base.flags[0]!, owner: "=HYPERLINK(\"x\")", description: 'a, "b"\nc' }] };
    const row = formatCsvReport(result, options()).split("\r\n")[1]!;
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain(`"a, ""b""\nc"`);
  });
});

describe("a broken registry in every format", () => {
  const broken = () =>
    invalidRegistryResult(
      new RegistryError([{ file: `${CWD}/packages/web/feature-flags.yaml`, line: 10, column: 11, message: 'unknown type "relase"', hint: 'did you mean "release"?' }]),
      { cwd: `${CWD}/packages/web`, now: "2026-11-26" },
    );
  const inPackage = options({ cwd: `${CWD}/packages/web`, root: CWD });

  it("is an ::error annotation on the registry line, named from the repository root", () => {
    expect(formatGithub(broken(), inPackage)).toBe(
      '::error file=packages/web/feature-flags.yaml,line=10,col=11,endLine=10,endColumn=11,title=flaglint/invalid-registry::unknown type "relase" (did you mean "release"?)\n',
    );
  });

  it("is a SARIF result and a tool notification at the registry line", () => {
    const log = JSON.parse(formatSarif(broken(), inPackage));
    const location = { physicalLocation: { artifactLocation: { uri: "packages/web/feature-flags.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 10, startColumn: 11, endLine: 10, endColumn: 11 } } };
    expect(log.runs[0].results).toMatchObject([{ ruleId: "invalid-registry", level: "error", locations: [location] }]);
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: "error", message: { text: expect.stringContaining('unknown type "relase"') }, descriptor: { id: "invalid-registry" }, locations: [location] }],
      },
    ]);
  });

  const schemaPath = fileURLToPath(new URL("../../../test/schemas/sarif-schema-2.1.0.json", import.meta.url));
  it("gives SARIF valid against the 2.1.0 schema", () => {
    const ajv = new Ajv({ allErrors: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
    expect(validate(JSON.parse(formatSarif(broken(), inPackage))), JSON.stringify(validate.errors)).toBe(true);
  });
});
