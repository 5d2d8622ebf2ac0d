import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import shipped from "./scripts/bundle-options.json" with { type: "json" };

// The workspace packages export their TypeScript sources under the "@sla/source" condition (and
// their built dist/ otherwise): the tests run the sources, as the bundles do.
const source = shipped.conditions;

export default defineConfig({
  resolve: { conditions: [...source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [...source, ...defaultServerConditions] } },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "extension/test/**/*.test.ts",
      "grammar/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "test/e2e/**"],
    testTimeout: 30_000,
    pool: "threads",
  },
});
