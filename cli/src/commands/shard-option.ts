// `--shard K/N`, shared by check and report.
import { InvalidArgumentError, Option } from "commander";
import { parseShard, type Shard } from "@flaglint/core";

/** `--shard K/N` on check and report (Playwright's convention). */
export function shardOption(): Option {
  return new Option("--shard <K/N>", "check only shard K of N (split by path, balanced by size); combine the JSON results with flaglint merge").argParser(
    (value: string): Shard => {
      try {
        return parseShard(value);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message.replace(/^--shard \S+: /, ""));
      }
    },
  );
}
