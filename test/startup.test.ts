// What a run loads: the TypeScript compiler (0.2 s of start-up) only when something must be parsed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { flaglint, project, REPO_ROOT, removeProjects } from "./helpers/cli.js";

// Loaded before the CLI: on exit, says on stderr whether Node's module cache holds the compiler.
const PROBE = `data:text/javascript,${encodeURIComponent(
  'import { createRequire } from "node:module";' +
    "const cache = createRequire(process.execPath).cache;" +
    'process.on("exit", () => process.stderr.write("\\ntypescript loaded: " + Object.keys(cache).some((file) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file)) + "\\n"));',
)}`;

function loadsTypeScript(args: readonly string[], cwd: string): boolean {
  const run = flaglint(args, { cwd, nodeArgs: ["--import", PROBE], env: { FLAGLINT_NOW: "2026-11-26" } });
  const said = /typescript loaded: (true|false)/.exec(run.stderr);
  expect(said, run.stderr).not.toBeNull();
  return said![1] === "true";
}

afterAll(removeProjects);

/** A copy of fixtures/<name> in a temporary folder. */
function fixtureCopy(name: string): string {
  const dir = project({});
  fs.cpSync(path.join(REPO_ROOT, "fixtures", name), dir, { recursive: true });
  return dir;
}

describe("start-up", () => {
  it("loads the TypeScript compiler for a check that parses, and not for --version or --help", () => {
    const dir = fixtureCopy("demo");
    expect(loadsTypeScript(["check", "."], dir)).toBe(true);
    expect(loadsTypeScript(["--version"], dir)).toBe(false);
    expect(loadsTypeScript(["check", "--help"], dir)).toBe(false);
  });

  it("loading the ESLint plugin, from its bundle or its modules, does not load the compiler", () => {
    for (const entry of ["rules/plugin.mjs", "rules/dist/index.js"]) {
      const script = `await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, entry)).href)});`;
      const run = spawnSync(process.execPath, ["--import", PROBE, "--input-type=module", "-e", script], { encoding: "utf8" });
      expect(run.stderr, entry).toMatch(/typescript loaded: false/);
    }
  });

  it("a warm --cache run on unchanged files parses nothing, keys from other modules included", () => {
    const dir = fixtureCopy("shapes-definition-objects");
    const args = ["check", ".", "--cache", "--format", "json"];
    expect(loadsTypeScript(args, dir)).toBe(true);
    expect(loadsTypeScript(args, dir)).toBe(false);
  });
});

describe("the CLI's bundle (scripts/bundle.mjs)", () => {
  it("is what the binary runs while it is as new as the build, and the built modules once it is older", () => {
    const entry = withStandIns("cli/bin/flaglint.js", {
      bundle: ["cli/dist/flaglint.cjs", 'exports.run = async (args, io) => { io.stdout.write("bundle\\n"); return 0; };\n'],
      modules: ["cli/dist/cli.js", 'export async function run(args, io) { io.stdout.write("modules\\n"); return 0; }\n'],
      build: "cli/dist/.tsbuildinfo",
    });
    expectBundleWhileCurrent(entry, () => spawnSync(process.execPath, [entry.file], { encoding: "utf8" }).stdout.trim());
  });

  it.runIf(process.getuid !== undefined)("is loaded through V8's code cache, written as the first run exits and used by the next", () => {
    const entry = withStandIns("cli/bin/flaglint.js", {
      bundle: ["cli/dist/flaglint.cjs", 'exports.run = async (args, io) => { io.stdout.write("bundle " + args.join(" ") + "\\n"); return 0; };\n'],
      modules: ["cli/dist/cli.js", 'export async function run(args, io) { io.stdout.write("modules\\n"); return 0; }\n'],
      build: "cli/dist/.tsbuildinfo",
    });
    // An installed package: no build info, the bundle is what runs.
    fs.rmSync(entry.ownBuild);
    fs.rmSync(entry.coreBuild);
    const tmp = project({});
    const cacheDir = path.join(tmp, `flaglint-code-cache-${process.getuid!()}`);
    const bundleCaches = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => /^flaglint-[0-9a-f]{8}-[0-9a-f]{20}\.v8cache$/.test(name)) : []);
    const version = () => spawnSync(process.execPath, [entry.file, "--version"], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } });

    expect(version().stdout).toBe("bundle --version\n");
    const [written] = bundleCaches();
    expect(written).toBeDefined();
    const past = new Date("2026-01-01T00:00:00Z");
    fs.utimesSync(path.join(cacheDir, written!), past, past);
    expect(version().stdout).toBe("bundle --version\n");
    // Accepted by V8, so not written again.
    expect(bundleCaches()).toEqual([written]);
    expect(fs.statSync(path.join(cacheDir, written!)).mtime).toEqual(past);
  });

  it("has a worker thread of its own that analyses files", async () => {
    const worker = new Worker(new URL("../cli/dist/worker.mjs", import.meta.url));
    try {
      const detect = { sdks: [], calls: [{ function: "isOn", keyArg: 0 }], objects: [], constants: [], properties: [], keySets: [], jsx: [] };
      worker.postMessage({ kind: "targets", targets: [{ detect, registryDir: REPO_ROOT, registryKeys: ["new_nav"] }] });
      const text = 'if (isOn("new_nav")) render();\n';
      worker.postMessage({ kind: "analyze", id: 1, jobs: [{ index: 0, file: path.join(REPO_ROOT, "a.ts"), text, target: 0 }] });
      const reply = await new Promise<{ result: Array<{ analysis: { references: Array<{ flag: string | null }> } }> }>((resolve) => worker.once("message", resolve));
      expect(reply.result[0]!.analysis.references.map((reference) => reference.flag)).toEqual(["new_nav"]);
    } finally {
      await worker.terminate();
    }
  });
});

describe("the ESLint plugin's bundle (scripts/bundle.mjs)", () => {
  it("is what the plugin's entry exports while it is as new as the build, and the built modules once it is older, for import and require alike", () => {
    const entry = withStandIns("rules/plugin.mjs", {
      bundle: ["rules/dist/plugin.cjs", 'exports.default = { ran: "bundle" };\nexports.cacheKey = () => "bundle";\n'],
      modules: ["rules/dist/index.js", 'export default { ran: "modules" };\nexport const cacheKey = () => "modules";\n'],
      build: "rules/dist/.tsbuildinfo",
    });
    const loaded = (how: "import" | "require") => {
      const script =
        how === "import"
          ? `const m = await import(${JSON.stringify(pathToFileURL(entry.file).href)}); console.log(m.default.ran + " " + m.cacheKey());`
          : `const m = require(${JSON.stringify(entry.file)}); console.log(m.default.ran + " " + m.cacheKey());`;
      const child = spawnSync(process.execPath, [...(how === "import" ? ["--input-type=module"] : []), "-e", script], { encoding: "utf8" });
      const [ran, key] = child.stdout.trim().split(" ");
      expect(key, child.stderr).toBe(ran);
      return ran!;
    };
    expectBundleWhileCurrent(entry, () => loaded("import"));
    expectBundleWhileCurrent(entry, () => loaded("require"));
  });
});

interface StandIns {
  file: string;
  bundle: string;
  ownBuild: string;
  coreBuild: string;
}

/**
 * A copy of a package's entry file in a fresh folder, beside stand-ins for its bundle and for the
 * modules tsc writes (each says which it is), the build info of both packages, and core where an
 * installed package finds it (core's code-cache.ts says which of the two is current).
 */
function withStandIns(entry: string, files: { bundle: [string, string]; modules: [string, string]; build: string }): StandIns {
  const root = project({});
  const write = (file: string, text: string): string => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    return path.join(root, file);
  };
  fs.mkdirSync(path.join(root, "node_modules/@flaglint"), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "packages/core"), path.join(root, "node_modules/@flaglint/core"));
  write(files.modules[0], files.modules[1]);
  return {
    file: write(entry, fs.readFileSync(path.join(REPO_ROOT, entry), "utf8")),
    bundle: write(files.bundle[0], files.bundle[1]),
    ownBuild: write(files.build, "{}"),
    coreBuild: write("packages/core/dist/.tsbuildinfo", "{}"),
  };
}

/** `ran()` says "bundle" while the bundle is as new as both builds, "modules" once tsc -b alone rebuilt either. */
function expectBundleWhileCurrent({ bundle, ownBuild, coreBuild }: StandIns, ran: () => string): void {
  const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
  [bundle, ownBuild, coreBuild].forEach((file) => at(file, 1_000));
  expect(ran()).toBe("bundle");
  at(coreBuild, 2_000); // core rebuilt by tsc -b alone
  expect(ran()).toBe("modules");
  at(bundle, 3_000);
  at(ownBuild, 4_000); // the package itself rebuilt by tsc -b alone
  expect(ran()).toBe("modules");
  // An installed package: no build info, the bundle is the build.
  fs.rmSync(ownBuild);
  fs.rmSync(coreBuild);
  expect(ran()).toBe("bundle");
  // Back as it was, for a second pass.
  fs.writeFileSync(ownBuild, "{}");
  fs.writeFileSync(coreBuild, "{}");
}
