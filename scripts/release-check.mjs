#!/usr/bin/env node
// `npm run release:check`: what `npm publish` would do for the three packages, without publishing.
// Fails when their versions drift apart, when a package depends on another core than its own
// version, or when npm would have to correct a manifest or warns about anything but the login
// that a dry run does not need.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const folders = ["packages/core", "rules", "cli"];
const manifests = folders.map((folder) => JSON.parse(fs.readFileSync(path.join(root, folder, "package.json"), "utf8")));
const problems = [];

const versions = new Set(manifests.map((manifest) => manifest.version));
if (versions.size !== 1) problems.push(`the packages are at different versions: ${manifests.map((m) => `${m.name}@${m.version}`).join(", ")}`);
for (const manifest of manifests) {
  const core = manifest.dependencies?.["@flaglint/core"];
  if (core !== undefined && core !== manifest.version) problems.push(`${manifest.name} depends on @flaglint/core ${core}, not ${manifest.version}`);
}

const args = ["publish", "--dry-run", "--ignore-scripts", ...folders.flatMap((folder) => ["--workspace", folder])];
const result = spawnSync("npm", args, { cwd: root, encoding: "utf8" });
const output = `${result.stdout}${result.stderr}`;
const notLoggedIn = /This command requires you to be logged in/;
const warnings = output.split("\n").filter((line) => /^npm (warn|error)/i.test(line) && !notLoggedIn.test(line));
problems.push(...warnings);
if (result.status !== 0) problems.push(`npm ${args.join(" ")} exited ${result.status}`);

const published = output.split("\n").filter((line) => line.startsWith("+ "));
if (problems.length > 0) {
  process.stderr.write(`${output}\nrelease check failed:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`release check passed; npm publish would upload:\n${published.map((line) => `  ${line}`).join("\n")}\n`);
}
