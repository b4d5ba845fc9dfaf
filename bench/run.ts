/**
 * `npm run bench`: runs every bench/*.bench.ts as its own process (so memory figures are not mixed)
 * and lets each print its figures. Benchmarks are scripts, not timed tests (quality.md, "Speed").
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
process.stdout.write(`Máy: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length} lõi, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file} ==\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(here, file)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
