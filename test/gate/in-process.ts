// The CLI run in this process, through the same `run` the binary calls: what these tests check is
// the commands, and a Node start-up per run would cost the suite seconds. Each test file still runs
// the binary itself where the process boundary matters (exit codes, stderr).
import { run } from "../../cli/src/cli.js";
import type { CliRun } from "../helpers/cli.js";

export async function cli(args: readonly string[], options: { cwd: string }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(args, {
    cwd: options.cwd,
    env: { NO_COLOR: "1" },
    stdout: { write: (chunk: string) => out.push(chunk), isTTY: false },
    stderr: { write: (chunk: string) => err.push(chunk), isTTY: false },
  });
  return { status, stdout: out.join(""), stderr: err.join("") };
}
