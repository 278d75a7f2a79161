// Loaded with `node --import` into a CLI child process that runs as root, for whom file modes mean
// nothing: below FLAGLINT_TEST_OWNER_ROOT, the file functions the CLI uses answer EACCES by the
// owner's mode bits, as the kernel answers an unprivileged owner of those files.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

const root = process.env.FLAGLINT_TEST_OWNER_ROOT;
if (root) {
  const below = (file) => typeof file === "string" && path.resolve(file).startsWith(path.resolve(root) + path.sep);
  const denied = (file, bit) => {
    let mode;
    try {
      mode = fs.statSync(file).mode;
    } catch {
      return false; // a new file: its folder decides, and the folders stay writable
    }
    return (mode & bit) === 0;
  };
  const eacces = (syscall, file) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${file}'`), { errno: -13, code: "EACCES", syscall, path: file });
  const READ = 0o400;
  const WRITE = 0o200;
  const wants = (flags) => {
    const text = typeof flags === "string" ? flags : "r";
    return { read: text.includes("r") || text.includes("+"), write: /[wa+]/.test(text) };
  };

  const { accessSync, openSync, readFileSync, writeFileSync } = fs;
  fs.accessSync = function (file, mode = fs.constants.F_OK) {
    if (below(file) && (((mode & fs.constants.R_OK) && denied(file, READ)) || ((mode & fs.constants.W_OK) && denied(file, WRITE)))) {
      throw eacces("access", file);
    }
    return accessSync.apply(this, arguments);
  };
  fs.openSync = function (file, flags) {
    const { read, write } = wants(flags);
    if (below(file) && ((read && denied(file, READ)) || (write && denied(file, WRITE)))) throw eacces("open", file);
    return openSync.apply(this, arguments);
  };
  fs.readFileSync = function (file) {
    if (below(file) && denied(file, READ)) throw eacces("open", file);
    return readFileSync.apply(this, arguments);
  };
  fs.writeFileSync = function (file) {
    if (below(file) && denied(file, WRITE)) throw eacces("open", file);
    return writeFileSync.apply(this, arguments);
  };
  syncBuiltinESMExports();
}
