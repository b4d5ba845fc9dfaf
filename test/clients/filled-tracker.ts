/** Filled trackers of the seed plans, as a commune would send them (the browser tests' inputs). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlanText } from "../../shared/plan/index.js";
import { buildTracker, taskColumnNumber } from "../../shared/workbook/build-tracker.js";
import { SHEET } from "../../shared/workbook/layout.js";
import type { CellSpec, WorkbookSpec } from "../../shared/workbook/spec.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export /** A filled tracker of a seed plan as .xlsx bytes: the first `done` tasks Hoàn thành with a date and a result. */
async function filledTracker(seed: string, unit: string, done: number): Promise<Buffer> {
  const plan = parsePlanText(readFileSync(path.join(ROOT, "seeds", seed), "utf8"), { fileName: seed });
  const spec: WorkbookSpec = buildTracker(plan, { unit, year: 2026, asOf: "2026-03-14" });
  const tasks = spec.sheets.find((s) => s.name === SHEET.tasks)!;
  const ids = new Set(plan.tasks.map((t) => t.id));
  const col = (k: Parameters<typeof taskColumnNumber>[0]) => taskColumnNumber(k) - 1;
  let n = 0;
  for (const row of tasks.rows) {
    const id = row?.cells[col("id")]?.v;
    if (n >= done || typeof id !== "string" || !ids.has(id) || !row.cells[col("evaluation")]) continue;
    const put = (k: Parameters<typeof taskColumnNumber>[0], v: CellSpec["v"]) => {
      const old = row.cells[col(k)];
      row.cells[col(k)] = { ...(old ?? {}), v };
    };
    put("status", "Hoàn thành");
    put("progress", 100);
    put("completedOn", { kind: "date", iso: "2026-02-20" });
    put("result", `Báo cáo số ${n + 1}/BC-UBND`);
    n++;
  }
  return Buffer.from(await renderWorkbook(spec));
}

