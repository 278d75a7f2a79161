// `flaglint explain <file>`: which registry governs a file, what counts as a check in it, what was found, and why a look-alike was not.
import type { Command } from "commander";
import { explainFile } from "@flaglint/core";
import { CommandContext, addCommonOptions, formatOption, type CommonOptions } from "../command-context.js";
import { EXIT_OK } from "../errors.js";
import { formatExplanationJson, formatExplanationText } from "../formats/explain.js";

const FORMATS = { text: formatExplanationText, json: formatExplanationJson };

interface ExplainOptions extends CommonOptions {
  format: keyof typeof FORMATS;
}

export function registerExplain(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("explain")
    .description("say which registry governs a file, what counts as a flag check in it, and why a look-alike call was not counted")
    .argument("<file>", "the source file to explain");
  addCommonOptions(command)
    .addOption(formatOption(Object.keys(FORMATS), "text"))
    .action((file: string, options: ExplainOptions) => {
      const cwd = context.io.cwd;
      const explanation = explainFile({ cwd, file, registry: options.registry, now: context.now(options) });
      context.emit(FORMATS[options.format](explanation, { cwd }), options);
      setExitCode(EXIT_OK);
    });
}
