// End to end: a registry and code written by someone hostile (or careless) give reports that a
// browser, a Markdown renderer, code scanning and the Actions runner show as inert text.
import { afterEach, describe, expect, it } from "vitest";
import { runFlaglint, project, removeProjects } from "../helpers/cli.js";
import { expectInertHtml, expectInertMarkdown, expectInertSarif, parseAnnotations, sarifLocations } from "../helpers/inert.js";

afterEach(removeProjects);

const HOSTILE_REGISTRY = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
flags:
  "<script>alert(1)</script>":
    type: release
    owner: "\\"><img src=x onerror=alert(2)>"
    created: 2026-01-01
    ticket: "javascript:alert(document.cookie)"
    description: "\`rm -rf /\` | a||b\\n## heading\\n<script>alert(3)</script>"
  "pipe|key\`tick\`":
    type: experiment
    owner: "\`team|x\`\\n- list item"
    created: 2026-11-01
    ticket: "https://tracker.example/\\"><script>alert(4)</script>"
    description: "[click](javascript:alert(5))"
  unused_one:
    type: release
    owner: "<b onmouseover=alert(6)>"
    created: 2026-11-20
`;

const SOURCE = `import { client as ff } from "@acme/flags";
export const a = ff.isEnabled("<script>alert(1)</script>");
export const b = ff.isEnabled("pipe|key\`tick\`");
export const c = ff.isEnabled("\\"><img src=x onerror=alert(7)>");
`;

/** The path of the source file: spaces, non-ASCII letters and markup characters. */
const SOURCE_PATH = "src/my dir/pay ment ü [1]#x.ts";

function hostileProject(): string {
  return project({ "feature-flags.yaml": HOSTILE_REGISTRY, [SOURCE_PATH]: SOURCE });
}

describe("a registry with hostile owner, description and ticket values, and a file path with spaces", () => {
  it("flaglint report --format html: one inert page", async () => {
    const run = await runFlaglint(["report", "--format", "html", "--now", "2026-11-26", "--no-git"], { cwd: hostileProject() });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectInertHtml(run.stdout);
    expect(run.stdout).toContain("&lt;script&gt;alert(3)&lt;/script&gt;");
    expect(run.stdout).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(run.stdout).toContain("src/<wbr>my dir/<wbr>pay ment ü [1]#x.ts:2");
  });

  it("flaglint report --format markdown: no markup from the data", async () => {
    const run = await runFlaglint(["report", "--format", "markdown", "--now", "2026-11-26", "--no-git"], { cwd: hostileProject() });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectInertMarkdown(run.stdout, ["## heading", "- list item"]);
  });

  it("flaglint check --format sarif: plain messages and percent-encoded file URIs", async () => {
    const run = await runFlaglint(["check", "--format", "sarif", "--now", "2026-11-26"], { cwd: hostileProject() });
    expect(run.status).toBe(1);
    expectInertSarif(run.stdout);
    const uris = sarifLocations(run.stdout).map(({ uri }) => uri);
    expect(uris).toContain("src/my%20dir/pay%20ment%20%C3%BC%20%5B1%5D%23x.ts");
    expect(uris).toContain("feature-flags.yaml");
  });

  it("flaglint check --format github: one well-formed command per finding", async () => {
    const run = await runFlaglint(["check", "--format", "github", "--now", "2026-11-26"], { cwd: hostileProject() });
    expect(run.status).toBe(1);
    const annotations = parseAnnotations(run.stdout);
    const json = JSON.parse((await runFlaglint(["check", "--format", "json", "--now", "2026-11-26"], { cwd: hostileProject() })).stdout);
    expect(annotations).toEqual(
      json.findings.map((finding: { severity: string; file: string; message: string }) => ({
        command: finding.severity === "error" ? "error" : "warning",
        file: finding.file,
        message: finding.message,
      })),
    );
    expect(annotations.map(({ file }) => file)).toContain(SOURCE_PATH);
    expect(annotations.some(({ message }) => message.includes('"><img src=x onerror=alert(7)>'))).toBe(true);
  });
});
