// The architecture, enforced by `npm run lint` (see CONTRIBUTING.md for the picture):
//
//   cli/ , rules/                    front ends: import only @flaglint/core's public entry point
//   packages/core/src/index.ts       the public API
//   project/ , cleanup/project.ts    whole-project runs: files, git, the scan, the cleanup of a project
//            , cleanup/patches.ts
//   checks/                          one module per rule: facts + policy + today -> findings
//   detect/ , registry/ , cleanup/*  detection, the registry model, the rewrite engine of one file
//   types.ts , clock.ts , typescript.ts , code-cache.ts , paths.ts
//
// Each layer imports only the layers below it, and nothing imports in a circle.
const CORE = "^packages/core/src/";
const BASE = `${CORE}(types|clock|typescript|code-cache|paths)\\.ts$`;
// cleanup/project.ts and cleanup/patches.ts clean up a whole project: they sit with project/.
const PROJECT_CLEANUP = `${CORE}cleanup/(project|patches|index)\\.ts$`;
const ENGINE = `${CORE}cleanup/(?!(project|patches|index)\\.ts$)[^/]+\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A circle of imports has no bottom: split the shared part into a module both import.",
      from: {},
      to: { circular: true },
    },
    {
      name: "front-ends-use-the-public-api",
      severity: "error",
      comment: "cli/ and rules/ import @flaglint/core's entry point, never its files.",
      from: { path: "^(cli|rules)/" },
      to: { path: `${CORE}(?!index\\.ts$)` },
    },
    {
      name: "core-knows-no-front-end",
      severity: "error",
      from: { path: CORE },
      to: { path: "^(cli|rules)/" },
    },
    {
      name: "base-imports-nothing-above",
      severity: "error",
      from: { path: BASE },
      to: { path: CORE, pathNot: BASE },
    },
    {
      name: "registry-and-detect-stay-below-checks",
      severity: "error",
      comment: "A flag's value (cleanup/value.ts: on, off, a JSON literal) is the one thing they share with the rewrite engine.",
      from: { path: `${CORE}(registry|detect)/` },
      to: { path: `${CORE}((checks|project)/|cleanup/(?!value\\.ts$)|index\\.ts$)` },
    },
    {
      name: "the-rewrite-engine-stays-below-checks",
      severity: "error",
      from: { path: ENGINE },
      to: { path: [`${CORE}(checks|project|detect|registry)/`, PROJECT_CLEANUP] },
    },
    {
      name: "checks-stay-below-the-project",
      severity: "error",
      from: { path: `${CORE}checks/` },
      to: { path: [`${CORE}(project/|index\\.ts$)`, PROJECT_CLEANUP] },
    },
    {
      name: "only-the-entry-point-imports-the-entry-point",
      severity: "error",
      from: { path: CORE, pathNot: `${CORE}index\\.ts$` },
      to: { path: `${CORE}index\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|__fixtures__)/|\\.test\\.ts$|^packages/core/src/registry/schema-validator\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.test.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"], extensions: [".ts", ".js"] },
    moduleSystems: ["es6"],
  },
};
