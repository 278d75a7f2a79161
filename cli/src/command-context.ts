// What every command shares: the common options, and the context a command runs in (clock, colour, output).
import { InvalidArgumentError, Option, type Command } from "commander";
import fs from "node:fs";
import path from "node:path";
import {
  DEFAULT_MAX_FILE_BYTES,
  UsageError,
  formatProblem,
  invalidRegistryResult,
  isSourceFile,
  resolveNow,
  type ProjectResult,
  type RegistryError,
  type RunNote,
} from "@flaglint/core";
import { relativePath } from "./formats/paths.js";
import { writeFileAtomic, type CliIO } from "./io.js";

/** Options every command shares (SPEC §6). */
export interface CommonOptions {
  registry?: string;
  now?: string;
  format?: string;
  output?: string;
  quiet?: boolean;
  color: boolean;
  maxWarnings?: number;
  changedSince?: string;
}

export function addCommonOptions(command: Command): Command {
  return command
    .option("--registry <path>", "use this registry for every file instead of the nearest feature-flags.yaml")
    .option("--now <date>", "today's date, YYYY-MM-DD (default: $FLAGLINT_NOW, then the clock)")
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--no-color", "plain output without colours (also NO_COLOR=1)");
}

/** `check` and `report`: narrow the result to what a branch changed (see analyzeProject). */
export function changedSinceOption(): Option {
  return new Option("--changed-since <ref>", "only files changed since the merge base with this git ref, e.g. origin/main");
}

/** `--max-file-size`: check and report leave larger files unread, with a notice (analyzeProject's maxFileBytes). */
export function maxFileSizeOption(): Option {
  return new Option("--max-file-size <MB>", "leave files larger than this many megabytes unread, with a notice")
    .argParser(parseMegabytes)
    .default(DEFAULT_MAX_FILE_BYTES / BYTES_PER_MB, String(DEFAULT_MAX_FILE_BYTES / BYTES_PER_MB));
}

const BYTES_PER_MB = 1024 * 1024;

function parseMegabytes(value: string): number {
  const megabytes = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(megabytes > 0)) throw new InvalidArgumentError("expected a size in megabytes above 0, like 5 or 0.5.");
  return megabytes;
}

export function megabytesToBytes(megabytes: number): number {
  return Math.floor(megabytes * BYTES_PER_MB);
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number, like 0 or 10.");
  return Number(value);
}

export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option("-f, --format <format>", "output format").choices([...choices]).default(fallback);
}

/** Shared plumbing for commands: today's date, colour, where output goes. */
export class CommandContext {
  constructor(readonly io: CliIO) {}

  now(options: CommonOptions): string {
    return resolveNow({ now: options.now, env: this.io.env.FLAGLINT_NOW, clock: () => new Date() });
  }

  useColor(options: CommonOptions): boolean {
    const env = this.io.env;
    if (!options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
    if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
    return !options.output && this.io.stdout.isTTY === true;
  }

  /** Writes the result to `--output` (atomically) or stdout. */
  emit(text: string, options: CommonOptions): void {
    if (!options.output) {
      if (text) this.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
      return;
    }
    try {
      const file = path.resolve(this.io.cwd, options.output);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }

  /** One line on stderr per file left unread for its size: the run's result does not cover it. */
  noteSkipped(skipped: ProjectResult["skipped"], limitMegabytes: number): void {
    for (const { file, bytes } of skipped ?? []) {
      const size = (bytes / BYTES_PER_MB).toFixed(1);
      this.io.stderr.write(
        `flaglint: skipped ${relativePath(file, this.io.cwd)}: ${size} MB is over the ${limitMegabytes} MB limit (--max-file-size)\n`,
      );
    }
  }

  /**
   * A registry that does not load: its problems, one line each on stderr, and — for a format tools
   * read — the same problems as invalid-registry findings at the registry's lines, on stdout.
   */
  emitInvalidRegistry(error: RegistryError, now: string, format: ((result: ProjectResult) => string) | undefined, options: CommonOptions): void {
    for (const problem of error.problems) this.io.stderr.write(`${formatProblem(problem, this.io.cwd)}\n`);
    if (format !== undefined) this.emit(format(invalidRegistryResult(error, { cwd: this.io.cwd, now })), options);
  }

  /** One line on stderr per note of the run (a CODEOWNERS line that does not parse, a shallow clone). */
  note(notes: ProjectResult["notes"]): void {
    for (const { file, line, message } of notes ?? []) {
      const where = file === undefined ? "" : `${relativePath(file, this.io.cwd)}${line === undefined ? "" : `:${line}`}: `;
      this.io.stderr.write(`flaglint: ${where}${message}\n`);
    }
  }

  /** One line on stderr per part of the run's scope it did not cover (see RunNote). */
  noteScope(notes: ProjectResult["scope"]): void {
    for (const note of notes ?? []) this.io.stderr.write(`flaglint: ${scopeNote(note, this.io.cwd)}\n`);
  }

  /** A one-line progress counter on stderr, only when a person is watching. */
  progress(label: string): ((done: number, total: number) => void) | undefined {
    const stderr = this.io.stderr;
    if (!stderr.isTTY || this.io.env.CI) return undefined;
    let last = 0;
    return (done, total) => {
      const moment = Date.now();
      if (done < total && moment - last < 100) return;
      last = moment;
      stderr.write(done < total ? `\r${label} ${done}/${total} files…` : "\r\u001b[K");
    };
  }
}

function scopeNote(note: RunNote, cwd: string): string {
  const where = relativePath(note.path, cwd);
  switch (note.kind) {
    case "nothing-to-check":
      return `nothing to check in ${where}: no source files there.`;
    case "no-registry":
      if (isSourceFile(note.path)) return `${where}: no feature-flags.yaml governs this file, so it was not checked.`;
      return note.files === 1
        ? `${where}: no feature-flags.yaml governs its source file, so it was not checked (hint: flaglint init ${where}).`
        : `${where}: no feature-flags.yaml governs its ${note.files} source files, so they were not checked (hint: flaglint init ${where}).`;
    case "partial-registry":
      return `the paths cover part of what ${where} governs: its registry-level rules (no-unused-flag, require-removal-ticket) were not run.`;
  }
}
