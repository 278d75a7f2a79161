// The HTML report in a real browser (Debian's Chromium, headless): `npm run test:browser`.
// Kept out of `npm test`, which must pass on machines without Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
