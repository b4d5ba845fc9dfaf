import { defineConfig } from "vitest/config";

// `npm run test:clients`: checks against real programs nobody here wrote (quality.md).
export default defineConfig({
  test: {
    include: ["test/clients/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
