// What a command may touch of the outside world, passed in so tests can run commands in-process.
import fs from "node:fs";
import path from "node:path";

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a report. Through a
 * symlink it writes the file the link points to, and the link stays.
 */
export function writeFileAtomic(file: string, content: string): void {
  const target = linkTarget(file);
  // A device or a pipe (-o /dev/null, -o /dev/stdout, a named pipe) is written as it is: renaming
  // a file over it would replace it, and nobody reads half of what a pipe is sent anyway.
  if (isSpecialFile(target)) {
    fs.writeFileSync(target, content);
    return;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function isSpecialFile(file: string): boolean {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && !stats.isFile() && !stats.isDirectory();
}

function linkTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // a new file
  }
}
