import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleIfCurrent } from "./pool.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-pool-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the worker's module", () => {
  it("is the bundle while it is as new as the build it was made from, and the modules once they are rebuilt", () => {
    const modules = path.join(dir, "worker.js");
    const bundle = path.join(dir, "worker.bundle.mjs");
    const buildInfo = path.join(dir, ".tsbuildinfo");
    fs.writeFileSync(modules, "");
    const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
    const pick = () => bundleIfCurrent(pathToFileURL(modules), pathToFileURL(bundle), [pathToFileURL(modules), pathToFileURL(buildInfo)]).pathname;

    expect(pick()).toBe(pathToFileURL(modules).pathname); // no bundle: built with tsc -b alone
    fs.writeFileSync(bundle, "");
    at(modules, 1_000);
    at(bundle, 1_000);
    expect(pick()).toBe(pathToFileURL(bundle).pathname);
    at(modules, 2_000); // rebuilt by tsc -b after the bundle
    expect(pick()).toBe(pathToFileURL(modules).pathname);
    at(modules, 1_000);
    fs.writeFileSync(buildInfo, "");
    at(buildInfo, 3_000); // another module the worker imports was rebuilt
    expect(pick()).toBe(pathToFileURL(modules).pathname);
    at(bundle, 3_000); // bundled again (npm run build)
    expect(pick()).toBe(pathToFileURL(bundle).pathname);
  });
});
