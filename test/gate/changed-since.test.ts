// `--changed-since` charges a pull request with the registry-level findings of the flags it touched only.
import { afterEach, describe, expect, it } from "vitest";
import { registry, removeProjects } from "../helpers/cli.js";
import { gitProject } from "../helpers/git.js";
import { cli } from "./in-process.js";

afterEach(removeProjects);

const NOW = "2026-11-26";
const IMPORT = 'import { client as ff } from "@acme/flags";\n';
const FLAGS = `  old_debt:
    type: release
    created: 2026-11-20
  edited:
    type: release
    created: 2026-11-20
  kept:
    type: ops
  dropped:
    type: ops`;

/** main: old_debt and edited have no ticket (old debt); src/d.ts alone checks dropped. */
function shop() {
  const repo = gitProject({
    "feature-flags.yaml": registry(FLAGS),
    "src/a.ts": `${IMPORT}export const k = ff.isEnabled("kept", {});\nexport const o = ff.isEnabled("old_debt", {});\nexport const e = ff.isEnabled("edited", {});\n`,
    "src/d.ts": `${IMPORT}export const d = ff.isEnabled("dropped", {});\nexport const x = 1;\n`,
  });
  repo.git(["checkout", "--quiet", "-b", "feature"]);
  return repo;
}

async function findings(root: string): Promise<string[]> {
  const run = await cli(["check", "--now", NOW, "-f", "json", "--changed-since", "main"], { cwd: root });
  return JSON.parse(run.stdout).findings.map((finding: { rule: string; flag: string }) => `${finding.rule} ${finding.flag}`);
}

describe("flaglint check --changed-since and registry-level findings", () => {
  it("reports an entry the change edited, not the untouched entries around it", async () => {
    const repo = shop();
    repo.commit({ "feature-flags.yaml": registry(FLAGS.replace("  edited:\n    type: release", '  edited:\n    type: release\n    owner: "@web"')) });
    expect(await findings(repo.root)).toEqual(["require-removal-ticket edited"]);
  });

  it("reports a flag whose last check the change removed", async () => {
    const repo = shop();
    repo.commit({ "src/d.ts": "export const x = 1;\n" });
    expect(await findings(repo.root)).toEqual(["no-unused-flag dropped"]);
  });

  it("reports the registry-level findings of a flag a changed file checks", async () => {
    const repo = shop();
    repo.commit({ "src/b.ts": `${IMPORT}export const again = ff.isEnabled("old_debt", {});\n` });
    expect(await findings(repo.root)).toEqual(["require-removal-ticket old_debt"]);
  });

  it("reports every entry of a registry the change added", async () => {
    const repo = gitProject({ "README.md": "shop\n" });
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    repo.commit({ "feature-flags.yaml": registry("  fresh:\n    type: release\n    created: 2026-11-20"), "src/a.ts": `${IMPORT}export const f = ff.isEnabled("fresh", {});\n` });
    expect(await findings(repo.root)).toEqual(["require-removal-ticket fresh"]);
  });
});
