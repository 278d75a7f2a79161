// parseRegistry / loadRegistry: text -> validated Registry, or a RegistryError that lists every problem.
import { readFileSync } from "node:fs";
import type { Registry } from "../types.js";
import { buildRegistry } from "./build.js";
import { readRegistryDirectives } from "./directives.js";
import { readJson } from "./json-source.js";
import { fileProblem, RegistryError, sortProblems, type RegistryProblem } from "./problems.js";
import { schemaProblems, type ValueProblem } from "./schema.js";
import { semanticProblems } from "./semantics.js";
import { offsetOf, positionsIn, type SourceText, type TextProblem } from "./source.js";
import { readYaml } from "./yaml-source.js";

/**
 * Reads registry text; `path` (absolute) names the file in problems and decides the syntax:
 * `.json` is read as strict JSON, anything else as YAML. Throws `RegistryError`, and nothing else.
 */
export function parseRegistry(text: string, path: string): Registry {
  try {
    return parseChecked(text, path);
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    // A bug or a resource limit deep in a library must still read as a registry problem, not a crash.
    throw new RegistryError([fileProblem(path, `cannot read the registry: ${errorText(error)}`)]);
  }
}

/**
 * Reads and parses the file at `path` (absolute). A missing or unreadable file is a problem at 1:1.
 * `memo` (the `--cache`) gives back a registry parsed before from the same path and text.
 */
export function loadRegistry(path: string, memo?: { get(file: string, text: string): Registry | undefined; set(file: string, text: string, registry: Registry): void }): Registry {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new RegistryError([fileProblem(path, `cannot read the registry: ${readFailure(error)}`)]);
  }
  const known = memo?.get(path, text);
  if (known !== undefined) return known;
  const registry = parseRegistry(text, path);
  memo?.set(path, text, registry);
  return registry;
}

function parseChecked(original: string, path: string): Registry {
  // A lone "\r" ends a line in YAML, as in editors, but not in the yaml library; "\n" in its place
  // keeps every offset where it was.
  const text = original.replace(/\r(?!\n)/g, "\n");
  const damage = damageProblems(text);
  if (damage.length > 0) {
    const { position } = positionsIn(text);
    throw new RegistryError(damage.map((problem) => placed(path, position, problem.offset, problem)));
  }
  const source: SourceText = /\.json$/i.test(path) ? readJson(text) : readYaml(text);
  const placeText = (problem: TextProblem) => placed(path, source.position, problem.offset, problem);
  if (!source.root) throw new RegistryError(sortProblems(source.problems.map(placeText)));

  const placeValue = (problem: ValueProblem) => placed(path, source.position, offsetOf(source.root, problem.path, problem.anchor), problem);
  const problems = [
    ...source.problems.map(placeText),
    ...schemaProblems(source.value).map(placeValue),
    ...semanticProblems(source.value).map(placeValue),
  ];
  if (problems.length > 0) throw new RegistryError(sortProblems(problems));
  const registry = buildRegistry(source.value, source.root, path, source.position);
  const directives = /\.json$/i.test(path) ? [] : readRegistryDirectives(text);
  return directives.length > 0 ? { ...registry, directives } : registry;
}

const CONFLICT_START = /^<{7}(?: |$)/gm;
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?: |$)/m;

/**
 * Text that no registry can be — a binary file (or one saved as UTF-16), a merge left unresolved —
 * said plainly, instead of the parser errors it would cause.
 */
function damageProblems(text: string): TextProblem[] {
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    return [{ offset: nul, message: "the registry is not UTF-8 text (it holds a NUL character)", hint: "is it a binary file, or saved as UTF-16? Save it as UTF-8" }];
  }
  const hint = "keep one side and delete the <<<<<<<, ======= and >>>>>>> lines";
  const starts = [...text.matchAll(CONFLICT_START)].map((match) => ({ offset: match.index, message: "unresolved merge conflict", hint }));
  if (starts.length > 0) return starts;
  const marker = CONFLICT_MARKER.exec(text);
  return marker ? [{ offset: marker.index, message: "unresolved merge conflict", hint }] : [];
}

function placed(file: string, position: SourceText["position"], offset: number, problem: { message: string; hint?: string }): RegistryProblem {
  const { line, column } = position(offset);
  const result: RegistryProblem = { file, line, column, message: problem.message };
  if (problem.hint !== undefined) result.hint = problem.hint;
  return result;
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "file not found";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return errorText(error);
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0]!;
}
