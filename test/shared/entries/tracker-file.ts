/** Test helpers: a real tracker .xlsx (buildTracker + renderWorkbook) and filling it the way a user's Excel would. */
import ExcelJS from "exceljs";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { SHEET, TASK_COLUMNS, type TaskColumnKey } from "../../../shared/workbook/layout.js";
import type { Plan } from "../../../shared/plan/schema.js";
import { renderWorkbook } from "../../../shared/xlsx/render.js";
import { appendixPlan } from "../../fixtures/plan-sample.js";

/** Renders the tracker of a plan (default: the sample appendix plan) as .xlsx bytes. */
export async function trackerBytes(plan: Plan = appendixPlan, asOf = "2026-09-14"): Promise<Uint8Array> {
  return renderWorkbook(buildTracker(plan, { unit: "xã An Khánh", year: 2026, asOf }));
}

/** Cell values to write into a task's row, by column key. */
export type Fill = Partial<Record<TaskColumnKey, ExcelJS.CellValue>>;

/** Loads .xlsx bytes with exceljs. */
export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The 1-based row of each task id on the Nhiệm vụ sheet (column A). */
export function taskRows(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === "string" && n > 4) rows.set(v, n);
  });
  return rows;
}

/** 1-based column of a key in the generated layout. */
export function columnOf(key: TaskColumnKey): number {
  return TASK_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** Writes entries into task rows (by id) and returns the saved bytes. */
export async function fillTracker(bytes: Uint8Array, fills: Record<string, Fill>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = await loadBook(bytes);
  const ws = wb.getWorksheet(SHEET.tasks)!;
  const rows = taskRows(ws);
  for (const [id, fill] of Object.entries(fills)) {
    const r = rows.get(id);
    if (!r) throw new Error(`no task ${id}`);
    for (const [key, value] of Object.entries(fill)) ws.getCell(r, columnOf(key as TaskColumnKey)).value = value as ExcelJS.CellValue;
  }
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
