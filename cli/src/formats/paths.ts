import path from "node:path";

/** A path as output shows it: relative to `cwd`, with "/" on every platform. */
export function relativePath(file: string, cwd: string): string {
  // Only absolute paths are made relative: path.relative would resolve anything else against process.cwd().
  if (!path.isAbsolute(file)) return file.split(path.sep).join("/");
  return path.relative(cwd, file).split(path.sep).join("/") || ".";
}
