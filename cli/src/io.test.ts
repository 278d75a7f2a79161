import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./io.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-io-"));
  folders.push(made);
  return made;
}

describe("writeFileAtomic", () => {
  it("replaces a file whole, leaving no temporary file behind", () => {
    const dir = folder();
    const file = path.join(dir, "result.json");
    fs.writeFileSync(file, "old");
    writeFileAtomic(file, "new");
    expect(fs.readFileSync(file, "utf8")).toBe("new");
    expect(fs.readdirSync(dir)).toEqual(["result.json"]);
  });

  it("writes through a symlink, which stays a link", () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "real.json"), "old");
    fs.symlinkSync("real.json", path.join(dir, "link.json"));
    writeFileAtomic(path.join(dir, "link.json"), "new");
    expect(fs.lstatSync(path.join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "real.json"), "utf8")).toBe("new");
  });

  it("writes into a pipe or a device as it is, never renaming a file over it (-o /dev/stdout)", async () => {
    const dir = folder();
    const pipe = path.join(dir, "pipe");
    execFileSync("mkfifo", [pipe]);
    const reader = spawn("cat", [pipe], { stdio: ["ignore", "pipe", "ignore"] });
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString("utf8")));
    const closed = new Promise((resolve) => reader.on("close", resolve));
    writeFileAtomic(pipe, "through the pipe");
    await closed;
    expect(read).toBe("through the pipe");
    expect(fs.statSync(pipe).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["pipe"]);
  });
});
