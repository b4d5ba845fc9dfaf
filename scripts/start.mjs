// `npm start`: the main job on the bundled seeds — one tracker workbook per seed plan in out/.
import { spawnSync } from "node:child_process";
import { readdirSync, mkdirSync } from "node:fs";

mkdirSync("out", { recursive: true });
let failed = 0;
for (const seed of readdirSync("seeds").filter((f) => /\.(txt|md|docx|pdf|xlsx)$/.test(f)).sort()) {
  const r = spawnSync(process.execPath, ["bin/cchc.js", "init", `seeds/${seed}`, "-o", "out/"], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
