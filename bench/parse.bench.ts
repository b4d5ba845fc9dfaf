/**
 * Plan-reader benchmark: parses every seed many times (text already in memory, as a host would hand it over)
 * and prints the mean / median / slowest time per plan against the 100 ms budget. Run with `npm run bench parse`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlanText } from "../shared/plan/index.js";

const seeds = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "seeds");
const BUDGET_MS = 100;
const WARMUP = 5;
const MIN_RUNS = 30;
const MIN_TIME_MS = 1500;

const rows: string[][] = [["Tệp", "Nhiệm vụ", "Lần chạy", "TB (ms)", "Trung vị (ms)", "Chậm nhất (ms)", "TB / ngân sách"]];
for (const file of readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
  const text = readFileSync(path.join(seeds, file), "utf8");
  let tasks = 0;
  for (let i = 0; i < WARMUP; i++) tasks = parsePlanText(text).tasks.length;
  const times: number[] = [];
  const start = performance.now();
  while (times.length < MIN_RUNS || performance.now() - start < MIN_TIME_MS) {
    const t0 = performance.now();
    parsePlanText(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const max = times[times.length - 1] ?? 0;
  rows.push([
    file,
    String(tasks),
    String(times.length),
    mean.toFixed(2),
    median.toFixed(2),
    max.toFixed(2),
    `${((mean / BUDGET_MS) * 100).toFixed(1)}%`,
  ]);
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
for (const r of rows) process.stdout.write(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ") + "\n");
process.stdout.write(`Ngân sách: ${BUDGET_MS} ms cho một kế hoạch (đọc văn bản → Plan đã kiểm tra).\n`);
