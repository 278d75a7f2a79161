// Temporary folders a test file makes and removes when it is done.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * A maker of temporary folders named `prefix…`, every one removed after the test file's last test.
 * Call it at a test file's top level, where `afterAll` belongs.
 */
export function temporaryFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** The head of a registry whose flags are checked by `flags.isOn("x")`; the `flags:` entries follow. */
export const IS_ON_REGISTRY_HEAD = `version: 1
detect:
  calls:
    - object: flags
      method: isOn
flags:
`;
