/**
 * Tracker benchmark: builds and renders the tracker of every seed (plan already parsed) many times and prints
 * the mean / median / slowest time against the one-second budget of issue 3, split into build (Plan →
 * WorkbookSpec) and render (WorkbookSpec → .xlsx bytes). For scale it times, in the same run, an openpyxl
 * script (Debian's python3) that writes the province plan's bare task table with a status dropdown — what a
 * user would otherwise script by hand — and prints the ratio. Run with `npm run bench tracker`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlanText, type Plan } from "../shared/plan/index.js";
import { buildTracker } from "../shared/workbook/build-tracker.js";
import { renderWorkbook } from "../shared/xlsx/render.js";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const seeds = path.join(root, "seeds");
const BUDGET_MS = 1000;
const WARMUP = 3;
const MIN_RUNS = 20;
const MIN_TIME_MS = 3000;
const OPTS = { year: 2026, asOf: "2026-09-14" };

interface Stats {
  runs: number;
  mean: number;
  median: number;
  max: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: times.length,
    mean: times.reduce((s, t) => s + t, 0) / times.length,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

async function time(plan: Plan): Promise<{ build: Stats; total: Stats; bytes: number }> {
  const opts = { ...OPTS, unit: plan.unit ?? "Đơn vị" };
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) bytes = (await renderWorkbook(buildTracker(plan, opts))).length;
  const build: number[] = [];
  const total: number[] = [];
  const start = performance.now();
  while (total.length < MIN_RUNS || performance.now() - start < MIN_TIME_MS) {
    const t0 = performance.now();
    const spec = buildTracker(plan, opts);
    const t1 = performance.now();
    await renderWorkbook(spec);
    const t2 = performance.now();
    build.push(t1 - t0);
    total.push(t2 - t0);
  }
  return { build: stats(build), total: stats(total), bytes };
}

const rows: string[][] = [["Tệp", "Nhiệm vụ", "Lần chạy", "Dựng (ms)", "TB (ms)", "Trung vị (ms)", "Chậm nhất (ms)", "Tệp (KB)", "TB / ngân sách"]];
let province: { plan: Plan; mean: number } | undefined;
for (const file of readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
  const plan = parsePlanText(readFileSync(path.join(seeds, file), "utf8"), { fileName: file });
  const r = await time(plan);
  if (file.startsWith("001")) province = { plan, mean: r.total.mean };
  rows.push([
    file,
    String(plan.tasks.length),
    String(r.total.runs),
    r.build.mean.toFixed(2),
    r.total.mean.toFixed(1),
    r.total.median.toFixed(1),
    r.total.max.toFixed(1),
    (r.bytes / 1024).toFixed(1),
    `${((r.total.mean / BUDGET_MS) * 100).toFixed(1)}%`,
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
for (const r of rows) process.stdout.write(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ") + "\n");
process.stdout.write(`Ngân sách: ${BUDGET_MS} ms cho một sổ theo dõi (Plan → WorkbookSpec → .xlsx).\n`);

// Side by side: a hand-written openpyxl script writing the province plan's bare table (no formulas, colours,
// protection or print setup), timed inside Python over the same number of runs.
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
if (province) {
  const dir = path.join(root, "bench/.data");
  mkdirSync(dir, { recursive: true });
  const rowsJson = path.join(dir, "tracker-rows.json");
  writeFileSync(
    rowsJson,
    JSON.stringify(province.plan.tasks.map((t) => [t.id, t.area, t.title, t.leads.join("; "), t.partners.join("; "), t.deadline.raw, t.deadline.due])),
  );
  const script = `
import json, sys, time, datetime, io, warnings
warnings.simplefilter("ignore")
import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
rows = json.load(open(sys.argv[1], encoding="utf-8"))
def once():
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Nhiệm vụ"
    ws.append(["Mã", "Lĩnh vực", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Hạn hoàn thành", "Trạng thái"])
    for r in rows:
        due = datetime.date.fromisoformat(r[6]) if r[6] else None
        ws.append(r[:6] + [due, None])
    dv = DataValidation(type="list", formula1='"Chưa triển khai,Đang thực hiện,Hoàn thành,Không thực hiện"', allow_blank=True)
    ws.add_data_validation(dv); dv.add(f"H2:H{len(rows) + 1}")
    ws.freeze_panes = "B2"
    buf = io.BytesIO(); wb.save(buf)
for _ in range(3): once()
times = []
start = time.perf_counter()
while len(times) < 20 or time.perf_counter() - start < 3:
    t0 = time.perf_counter(); once(); times.append((time.perf_counter() - t0) * 1000)
print(sum(times) / len(times))
`;
  const r = spawnSync(python, ["-c", script, rowsJson], { encoding: "utf-8" });
  if (r.status === 0) {
    const py = Number(r.stdout.trim());
    process.stdout.write(
      `So sánh (tỉnh, ${province.plan.tasks.length} nhiệm vụ): cchc ${province.mean.toFixed(1)} ms cho sổ đầy đủ; ` +
        `openpyxl ${py.toFixed(1)} ms cho bảng trơn (không công thức, màu, khóa, in) — tỉ lệ ${(province.mean / py).toFixed(2)}×.\n`,
    );
  } else {
    process.stdout.write(`Bỏ qua so sánh với openpyxl: ${r.stderr.trim().split("\n").pop() ?? "không chạy được python3"}\n`);
  }
}
