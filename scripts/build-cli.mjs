// Bundles the command line into dist/cli/ (dependencies stay external, loaded from node_modules). The entry is
// dist/cli/cchc.js (what bin/cchc.js imports); with code splitting every command cli/run.ts imports dynamically is
// its own chunk, so `cchc parse` never loads exceljs or docx and start-up stays short.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

// Old chunks would otherwise pile up (their names carry content hashes).
await rm("dist/cli", { recursive: true, force: true });
await build({
  entryPoints: { cchc: "cli/main.ts" },
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
