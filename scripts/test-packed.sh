#!/usr/bin/env bash
# The three packages as users get them: packed with npm pack, installed from the tarballs into a fresh
# project that brings its own TypeScript, ESLint and typescript-eslint, and used the way
# docs/getting-started.md says. Not part of `npm test`: it installs from the npm registry.
#
#   scripts/test-packed.sh                      TypeScript 5.0 (the oldest supported), ESLint 10
#   TS_VERSION=6.0 scripts/test-packed.sh       the newest
#   ESLINT_VERSION=9 scripts/test-packed.sh     the other ESLint the plugin supports
#   KEEP=1 scripts/test-packed.sh               leave the project behind to look at
set -euo pipefail

TS_VERSION=${TS_VERSION:-5.0}
ESLINT_VERSION=${ESLINT_VERSION:-10}
TSESLINT_VERSION=${TSESLINT_VERSION:-8}
NOW=2026-11-26

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/flaglint-packed.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "project kept in $work"; fi
started=$(date +%s)
failures=0

pass() { echo "  ok    $1"; }
fail() { echo "  FAIL  $1" >&2; failures=$((failures + 1)); }
expect() { # expect <description> <command…>: passes when the command succeeds
  local description=$1
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}
seconds() { echo $(($(date +%s) - started)); }

echo "packing (build first)"
(cd "$root" && npm run build)
mkdir -p "$work/tarballs"
(cd "$root" && npm pack --silent --ignore-scripts --pack-destination "$work/tarballs" \
  --workspace packages/core --workspace rules --workspace cli >/dev/null)
tarballs=("$work"/tarballs/*.tgz)
echo "  ${#tarballs[@]} tarballs after $(seconds) s"

echo "tarball contents"
for tarball in "${tarballs[@]}"; do
  name=$(basename "$tarball")
  listing=$(tar -tzf "$tarball")
  for file in package/README.md package/LICENSE package/package.json; do
    expect "$name has ${file#package/}" grep -qx "$file" <<<"$listing"
  done
  expect "$name ships no build info, maps or tests" \
    bash -c '! grep -E "\.tsbuildinfo$|\.map$|\.test\.|__fixtures__|/src/" <<<"$1"' _ "$listing"
  expect "$name names its repository" \
    bash -c 'tar -xzOf "$1" package/package.json | node -e "const m = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\")); process.exit(m.repository && m.repository.url ? 0 : 1)"' _ "$tarball"
done

echo "a fresh project on TypeScript $TS_VERSION, ESLint $ESLINT_VERSION, typescript-eslint $TSESLINT_VERSION"
app="$work/app"
mkdir -p "$app/src"
cat >"$app/package.json" <<'EOF'
{ "name": "packed-app", "version": "1.0.0", "private": true, "type": "module" }
EOF
cat >"$app/tsconfig.json" <<'EOF'
{ "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "strict": true }, "include": ["src"] }
EOF
cat >"$app/src/flags.ts" <<'EOF'
export function isEnabled(key: string): boolean {
  return key.length > 0;
}
EOF
cat >"$app/src/checkout.ts" <<'EOF'
import { isEnabled } from "./flags";

export function checkout(): string {
  if (isEnabled("new_checkout")) return "new";
  return isEnabled("dark_mode") ? "dark" : "old";
}
EOF
# The project first installs its own toolchain, as an existing project has it; then flaglint.
(cd "$app" && npm install --save-dev --no-audit --no-fund --loglevel=error \
  "typescript@$TS_VERSION" "eslint@$ESLINT_VERSION" "typescript-eslint@$TSESLINT_VERSION")
(cd "$app" && npm install --save-dev --no-audit --no-fund --loglevel=error "${tarballs[@]}")
echo "  installed after $(seconds) s: typescript $(cd "$app" && node -p 'require("typescript/package.json").version'), eslint $(cd "$app" && node -p 'require("eslint/package.json").version')"

compilers=$(cd "$app" && find node_modules -path '*node_modules/typescript/package.json' | wc -l)
expect "one compiler in node_modules (found $compilers)" test "$compilers" -eq 1

export FLAGLINT_NOW=$NOW NO_COLOR=1
cd "$app"

# Getting started, step by step: init writes the registry from the checks it finds; then the
# user fills in types, owners, dates and tickets (here: the file as they would leave it).
expect "npx flaglint init --function isEnabled lists both flags" \
  bash -c 'npx flaglint init --function isEnabled --no-git >init.log 2>&1 && grep -q "^  new_checkout:" feature-flags.yaml && grep -q "^  dark_mode:" feature-flags.yaml'
cat >feature-flags.yaml <<'EOF'
# yaml-language-server: $schema=./node_modules/@flaglint/core/schema/feature-flags.schema.json
version: 1
detect:
  calls:
    - function: isEnabled
flags:
  new_checkout:
    type: release
    owner: "@shop"
    created: 2026-01-05
    ticket: SHOP-1
  dark_mode:
    type: release
    owner: "@web"
    created: 2026-11-20
    ticket: WEB-7
EOF

status=0
npx flaglint check >check.txt 2>&1 || status=$?
expect "npx flaglint check exits 1" test "$status" -eq 1
expect "npx flaglint check reports the stale flag" grep -q "no-stale-flag" check.txt

cat >eslint.config.js <<'EOF'
import flaglint from "eslint-plugin-flaglint";
import tseslint from "typescript-eslint";

export default [
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
  flaglint.configs.recommended,
];
EOF
status=0
npx eslint src >eslint.txt 2>&1 || status=$?
expect "eslint with the plugin exits 1" test "$status" -eq 1
expect "eslint with the plugin reports the stale flag" grep -q "flaglint/no-stale-flag" eslint.txt

# Type-aware mode: the key is a constant of another file, read from its literal type through the
# user's compiler, the one typescript-eslint loaded.
cat >src/keys.ts <<'EOF'
export const CHECKOUT_KEY = "new_checkout";
EOF
cat >src/typed.ts <<'EOF'
import { isEnabled } from "./flags";
import { CHECKOUT_KEY } from "./keys";

export const typed = (): boolean => isEnabled(CHECKOUT_KEY);
EOF
cat >eslint.typed.config.js <<'EOF'
import flaglint from "eslint-plugin-flaglint";
import tseslint from "typescript-eslint";

export default [
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  flaglint.configs.recommended,
];
EOF
npx eslint -c eslint.typed.config.js src/typed.ts >eslint-typed.txt 2>&1 || true
expect "type-aware eslint resolves an imported constant to the stale flag" grep -q "flaglint/no-stale-flag" eslint-typed.txt

npx flaglint check --format json >check.json || true
npx flaglint report --format json --no-git >report.json || true
cat >validate.cjs <<'EOF'
// Validates a JSON output with the schema the installed @flaglint/core exports, through its exports map.
const Ajv = require("ajv");
const fs = require("fs");
const [schemaName, file] = process.argv.slice(2);
const schema = require(`@flaglint/core/schema/${schemaName}`);
const validate = new Ajv({ allErrors: true }).compile(schema);
if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
  console.error(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
EOF
expect "check --format json validates against check-result.schema.json" node validate.cjs check-result.schema.json check.json
expect "report --format json validates against report-result.schema.json" node validate.cjs report-result.schema.json report.json
expect "the registry validates against feature-flags.schema.json" \
  node -e 'const v = new (require("ajv"))({ strict: false }).compile(require("@flaglint/core/schema/feature-flags.schema.json")); process.exit(v(require("yaml").parse(require("fs").readFileSync("feature-flags.yaml", "utf8"))) ? 0 : 1)'

if [ "$failures" -gt 0 ]; then
  echo "--- flaglint check"; cat check.txt
  echo "--- eslint"; cat eslint.txt
  echo "--- eslint, type-aware"; cat eslint-typed.txt
  echo "--- init"; cat init.log
  echo "test-packed: $failures failed, $(seconds) s (TypeScript $TS_VERSION, ESLint $ESLINT_VERSION)" >&2
  exit 1
fi
echo "test-packed: all passed in $(seconds) s (TypeScript $TS_VERSION, ESLint $ESLINT_VERSION)"
