import { defineConfig } from "vitest/config";

// `npm test`: everything that needs only Node. Tests that drive other programs
// (LibreOffice, openpyxl, jing, Chromium) live in test/clients and run via `npm run test:clients`.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/clients/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
