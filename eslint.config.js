// The repository lints itself: typescript-eslint's type-checked rules, and flaglint's own plugin.
import tseslint from "typescript-eslint";
import flaglint from "eslint-plugin-flaglint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "fixtures/**",
      "packages/core/src/**/__fixtures__/**",
      "packages/core/src/registry/schema-validator.ts", // generated
      "test/eslint9/**",
      "bench/**",
      ".bench/**",
      "coverage/**",
    ],
  },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    rules: {
      // An async function turns a throw into a rejection: implementations of a Promise-returning
      // interface (registry sources, test stubs) are async for that, awaiting or not.
      "@typescript-eslint/require-await": "off",
      // `_name` is a value left out on purpose (a rest sibling, an unused parameter of a callback).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
    languageOptions: {
      parserOptions: {
        // Each package's sources, and its tests (which the packages' own builds leave out).
        project: ["./packages/core/tsconfig.json", "./rules/tsconfig.json", "./cli/tsconfig.json", "./tsconfig.test.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests read the CLI's JSON output and ESLint's results back as plain values and assert on them:
    // the assertion is their type check.
    files: ["**/*.test.ts", "test/**/*.ts", "cli/src/formats/fixture.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // expect(object.method) reads a method without calling it.
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  flaglint.configs.recommended,
);
