// The plugin stops ESLint from making each file's context a prototype (rules/src/file-context.ts):
// after a flaglint rule has run once, every rule's context, flaglint's or another plugin's, holds the
// file's properties as its own and sees the same values ESLint gave it; only ESLint's own `extend`
// is ever replaced; FLAGLINT_KEEP_ESLINT_CONTEXT=1 leaves ESLint as it is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { replaceExtend } from "../rules/src/file-context.js";
import { eslintApi, ESLINT_MAJORS, PLUGIN_ENTRY, REPO_ROOT } from "./helpers/eslint.js";
import { temporaryFolders } from "./helpers/temp.js";

const temporaryFolder = temporaryFolders("flaglint-file-context-");

const REGISTRY = `version: 1
detect:
  calls:
    - object: flags
      method: isOn
flags: {}
`;

function project(): string {
  const dir = temporaryFolder();
  fs.writeFileSync(path.join(dir, "feature-flags.yaml"), REGISTRY);
  return dir;
}

/** A rule of another plugin that keeps every context it is given and reports once per file. */
function probe() {
  const contexts: Array<Record<string, unknown>> = [];
  const rule = {
    meta: { type: "problem", schema: [{ type: "string" }], messages: { seen: "seen {{name}}" } },
    create(context: Record<string, unknown> & { report(descriptor: object): void; filename: string }) {
      contexts.push(context);
      return {
        Program(node: object) {
          context.report({ node, messageId: "seen", data: { name: path.basename(context.filename) } });
        },
      };
    },
  };
  return { contexts, plugin: { rules: { ctx: rule } } };
}

describe.each(ESLINT_MAJORS)("ESLint %i's rule contexts with the plugin loaded", (major) => {
  it("hold the file's properties as their own, with the values ESLint gives, once a flaglint rule has run", async () => {
    const dir = project();
    const { Linter } = await eslintApi(major);
    const flaglint = ((await import(pathToFileURL(PLUGIN_ENTRY).href)) as { default: { rules: object } }).default;
    const seen = probe();
    const settings = { flaglint: { now: "2026-11-26" }, other: true };
    const config = [
      {
        plugins: { flaglint, probe: seen.plugin },
        rules: { "flaglint/no-unknown-flag": "error", "probe/ctx": ["warn", "option"] },
        settings,
      },
    ];
    const linter = new Linter({ cwd: dir });
    const texts = ['flags.isOn("missing");\n', "export const two = 2;\n"];
    const messages = texts.map((text, i) => linter.verify(text, config as never, { filename: path.join(dir, `f${i}.js`) }));

    // flaglint's own findings are as before, and so are the other rule's.
    expect(messages[0]!.map((m) => m.ruleId).sort()).toEqual(["flaglint/no-unknown-flag", "probe/ctx"]);
    expect(messages[1]!.map((m) => m.message)).toEqual(["seen f1.js"]);

    const second = seen.contexts[1]!;
    const shared = Object.getPrototypeOf(second) as object;
    // The prototype is the class's (it has `extend`), not a file's context (which has a sourceCode).
    expect(Object.prototype.hasOwnProperty.call(shared, "extend")).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(shared, "sourceCode")).toBe(false);
    expect(Object.isFrozen(second)).toBe(true);
    const sourceCode = second.sourceCode as { text: string };
    expect(sourceCode.text).toBe(texts[1]);
    expect(second.filename).toBe(path.join(dir, "f1.js"));
    expect(second.physicalFilename).toBe(path.join(dir, "f1.js"));
    expect(second.cwd).toBe(dir);
    expect(second.settings).toEqual(settings);
    expect((second.languageOptions as { sourceType: unknown }).sourceType).toBe("module");
    expect(second.id).toBe("probe/ctx");
    expect(second.options).toEqual(["option"]);
  });
});

describe("replaceExtend", () => {
  /** Written as ESLint writes its FileContext. */
  class FileContext {
    constructor(fields: object) {
      Object.assign(this, fields);
      Object.freeze(this);
    }
    extend(extension: object): Record<string, unknown> {
      return Object.freeze(Object.assign(Object.create(this), extension));
    }
  }

  /** The same, but for an `extend` of its own. */
  class OtherFileContext {
    constructor(fields: object) {
      Object.assign(this, fields);
      Object.freeze(this);
    }
    extend(extension: object): object {
      return Object.assign(Object.create(this), extension, { mine: true });
    }
  }

  it("replaces ESLint's extend: contexts made after it copy the file's properties", () => {
    const file = new FileContext({ cwd: "/p", filename: "a.js" });
    const before = file.extend({ id: "r1" });
    expect(Object.getPrototypeOf(before)).toBe(file);

    expect(replaceExtend(before)).toBe(true);
    const after = file.extend({ id: "r2" });
    expect(Object.getPrototypeOf(after)).toBe(FileContext.prototype);
    expect({ ...after }).toEqual({ cwd: "/p", filename: "a.js", id: "r2" });
    expect(Object.isFrozen(after)).toBe(true);
  });

  it("leaves any other extend as it is", () => {
    const file = new OtherFileContext({ cwd: "/p" });
    const extend = OtherFileContext.prototype.extend;
    expect(replaceExtend(file.extend({ id: "r" }))).toBe(false);
    expect(OtherFileContext.prototype.extend).toBe(extend);
    expect(replaceExtend({})).toBe(false);
    expect(replaceExtend(Object.create(null) as object)).toBe(false);
  });
});

describe("FLAGLINT_KEEP_ESLINT_CONTEXT=1", () => {
  it("leaves ESLint's contexts children of the file's context", () => {
    const dir = project();
    const script = `
      const { Linter } = require(${JSON.stringify(path.join(REPO_ROOT, "node_modules/eslint"))});
      import(${JSON.stringify(pathToFileURL(PLUGIN_ENTRY).href)}).then(({ default: flaglint }) => {
        const contexts = [];
        const probe = { rules: { ctx: { create(context) { contexts.push(context); return {}; } } } };
        const config = [{ plugins: { flaglint, probe }, rules: { "flaglint/no-unknown-flag": "error", "probe/ctx": "error" } }];
        const linter = new Linter({ cwd: ${JSON.stringify(dir)} });
        for (const name of ["a.js", "b.js"]) linter.verify("x;\\n", config, { filename: ${JSON.stringify(dir)} + "/" + name });
        console.log(JSON.stringify(contexts.map((c) => Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(c), "sourceCode"))));
      });`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["-e", script], { cwd: dir, env: { ...process.env, FLAGLINT_NOW: "2026-11-26", ...env }, encoding: "utf8" });
    const kept = run({ FLAGLINT_KEEP_ESLINT_CONTEXT: "1" });
    expect(kept.stderr).toBe("");
    expect(JSON.parse(kept.stdout)).toEqual([true, true]);
    const replaced = run({});
    // flaglint's rule comes first in the config: the other rule's context is made after the replacement.
    expect(JSON.parse(replaced.stdout)).toEqual([false, false]);
  });
});
