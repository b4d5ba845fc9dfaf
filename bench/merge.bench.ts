/**
 * Merge benchmark (product.md, "Scale and speed"; quality.md, "Speed"): 92 commune trackers merged by `cchc merge`
 * (in-process, the command's own code path) side by side with `pandas.read_excel(f, sheet_name=None)` over the same
 * files (Debian's python3-pandas, timed inside Python so the interpreter's start-up is not counted), and 3,321
 * trackers (Vietnam's communes and wards) merged in one run of the built command, with its peak memory from
 * /usr/bin/time. The data is made by bench/make-trackers.ts (bench/.data, git-ignored).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { CliIo } from "../cli/io.js";
import { runCli } from "../cli/run.js";
import { mergeFiles } from "../cli/commands/merge.js";
import { DATA_DIR, ensureTrackers, trackerFiles } from "./make-trackers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const RUNS = 5;

const say = (s: string) => process.stdout.write(`${s}\n`);
const quiet = (): CliIo => ({ out: () => {}, err: () => {}, errIsTty: false, now: () => new Date("2026-11-21T00:00:00Z") });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" / ");

/** pandas reading every sheet of every file, timed inside Python; the best of `runs`. */
function pandas(files: string[], runs: number): number | null {
  const script = String.raw`
import sys, time, warnings
warnings.simplefilter("ignore")
import pandas as pd
files = sys.argv[2:]
best = None
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    for f in files:
        pd.read_excel(f, sheet_name=None)
    d = time.perf_counter() - t
    best = d if best is None else min(best, d)
print(best)
`;
  const r = spawnSync(PYTHON, ["-c", script, String(runs), ...files], { encoding: "utf-8", timeout: 1_800_000 });
  if (r.status !== 0) {
    say(`pandas: không chạy được (${(r.stderr || r.error?.message || "").trim().split("\n").at(-1)})`);
    return null;
  }
  return Number(r.stdout.trim()) * 1000;
}

/** Builds the command as users run it (scripts/build-cli.mjs' options) into bench/.data. */
async function buildCli(): Promise<string> {
  const outfile = path.join(DATA_DIR, "cchc-bench.mjs");
  await build({ entryPoints: [path.join(root, "cli/main.ts")], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  return outfile;
}

async function main(): Promise<void> {
  say(`Tải máy lúc bắt đầu (1/5/15 phút): ${load()}`);
  const small = await ensureTrackers(92, (s) => process.stdout.write(s));
  const big = await ensureTrackers(3321, (s) => process.stdout.write(s));
  const outDir = path.join(DATA_DIR, "out");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files92 = await trackerFiles(small.dir);
  const bytes92 = files92.reduce((s, f) => s + statSync(f).size, 0);

  // 92 files, in-process: the whole command (read, check, roll up, write the province workbook), and reading +
  // roll-up alone (what pandas.read_excel is compared with), after one warm-up run.
  const args = ["merge", small.dir, "-o", path.join(outDir, "tinh-92.xlsx"), "--quarter", "3", "--year", "2026"];
  await runCli(args, quiet());
  const full: number[] = [];
  const readOnly: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await runCli(args, quiet());
    full.push(performance.now() - t);
    t = performance.now();
    await mergeFiles({ inputs: [small.dir], output: null, quarter: 3, year: 2026, json: true }, quiet());
    readOnly.push(performance.now() - t);
  }
  const rollup = await mergeFiles({ inputs: [small.dir], output: null, quarter: 3, year: 2026, json: true }, quiet());
  say(`\n92 sổ theo dõi (${(bytes92 / 1024 / 1024).toFixed(1)} MB, ${rollup.accounting.rowsRead} dòng nhiệm vụ, ${rollup.units.length} đơn vị):`);
  say(`  cchc merge, cả lệnh (đọc, kiểm tra, tổng hợp, ghi tệp tỉnh): trung vị ${median(full).toFixed(0)} ms, nhanh nhất ${Math.min(...full).toFixed(0)} ms (${RUNS} lần)`);
  say(`  cchc merge, chỉ đọc + kiểm tra + tổng hợp:                     trung vị ${median(readOnly).toFixed(0)} ms, nhanh nhất ${Math.min(...readOnly).toFixed(0)} ms`);

  const cli = await buildCli();
  let t = performance.now();
  const cold = spawnSync(process.execPath, [cli, ...args], { encoding: "utf-8" });
  const coldMs = performance.now() - t;
  say(`  node cchc merge (tiến trình mới, kể cả khởi động Node):       ${coldMs.toFixed(0)} ms (mã thoát ${cold.status})`);

  const pd = pandas(files92, 2);
  if (pd !== null) {
    say(`  pandas.read_excel(f, sheet_name=None), chỉ đọc (trong Python):  ${pd.toFixed(0)} ms (nhanh nhất 2 lần)`);
    say(`  → cchc merge cả lệnh nhanh hơn pandas ${(pd / median(full)).toFixed(1)} lần; phần đọc + tổng hợp nhanh hơn ${(pd / median(readOnly)).toFixed(1)} lần.`);
  }

  // 3,321 files in one run of the built command, peak memory measured by /usr/bin/time.
  const files3321 = await trackerFiles(big.dir);
  const bytes3321 = files3321.reduce((s, f) => s + statSync(f).size, 0);
  const out3321 = path.join(outDir, "tinh-3321.xlsx");
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const cmd = [cli, "merge", big.dir, "-o", out3321, "--quarter", "3", "--year", "2026"];
  t = performance.now();
  const r = timeBin ? spawnSync(timeBin, ["-v", process.execPath, ...cmd], { encoding: "utf-8" }) : spawnSync(process.execPath, cmd, { encoding: "utf-8" });
  const ms = performance.now() - t;
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "")?.[1] ?? NaN);
  const merged = /Đã gộp (\d+) đơn vị từ (\d+) tệp, (\d+) dòng/.exec(r.stdout ?? "");
  say(`\n3.321 sổ theo dõi (${(bytes3321 / 1024 / 1024).toFixed(0)} MB) trong một lần chạy \`cchc merge\`:`);
  say(`  ${merged ? `gộp ${merged[1]} đơn vị, ${merged[3]} dòng nhiệm vụ; ` : ""}thời gian ${(ms / 1000).toFixed(1)} s; bộ nhớ đỉnh ${Number.isFinite(peakKb) ? `${(peakKb / 1024).toFixed(0)} MiB` : "(không đo được)"}; mã thoát ${r.status}; tệp tỉnh ${(statSync(out3321).size / 1024 / 1024).toFixed(1)} MB`);
  if (Number.isFinite(peakKb)) say(`  → ${peakKb / 1024 < 1024 ? "dưới" : "VƯỢT"} ngưỡng 1 GB.`);
  say(`\nTải máy lúc kết thúc (1/5/15 phút): ${load()} — máy dùng chung, số đo dao động theo tải.`);
}

await main();
