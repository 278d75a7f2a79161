// Decides whether an import specifier in a file names the module a matcher is configured with.
import path from "node:path";

/**
 * Compares module specifiers per file. A package (or package/subpath) matches by name; a `./path`
 * in the registry is relative to the registry's directory, an import's `./path` to the importing
 * file; both are compared as paths without extension or trailing `/index`.
 */
export class ModuleMatcher {
  private readonly fileDir: string;
  private readonly verdicts = new Map<string, boolean>();

  /** `configured` is the matcher's `module`; without `registryDir` relative paths compare as written. */
  constructor(
    private readonly configured: string,
    fileName: string,
    private readonly registryDir: string | undefined,
  ) {
    this.fileDir = path.posix.dirname(toPosix(fileName));
  }

  matches(specifier: string): boolean {
    let verdict = this.verdicts.get(specifier);
    if (verdict === undefined) {
      verdict = this.compare(specifier);
      this.verdicts.set(specifier, verdict);
    }
    return verdict;
  }

  private compare(specifier: string): boolean {
    if (!isRelative(this.configured)) {
      return !isRelative(specifier) && stripModuleSuffix(specifier) === stripModuleSuffix(this.configured);
    }
    if (!isRelative(specifier)) return false;
    if (this.registryDir === undefined) {
      return stripModuleSuffix(path.posix.normalize(specifier)) === stripModuleSuffix(path.posix.normalize(this.configured));
    }
    const imported = path.posix.join(this.fileDir, specifier);
    const configured = path.posix.join(toPosix(this.registryDir), this.configured);
    return stripModuleSuffix(imported) === stripModuleSuffix(configured);
  }
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

function toPosix(filePath: string): string {
  return filePath.replace(/\\/g, "/");
}

/** `./flags/index.ts`, `./flags/index`, `./flags.js` and `./flags` all name the same module. */
function stripModuleSuffix(specifier: string): string {
  return specifier
    .replace(/\.(?:d\.)?[cm]?[jt]sx?$/, "")
    .replace(/\/index$/, "")
    .replace(/\/$/, "");
}
