/** Test helpers for the merge and export commands: tracker files with entries, written quickly with the lean writer. */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Plan } from "../../shared/plan/schema.js";
import { buildTracker, taskColumnNumber } from "../../shared/workbook/build-tracker.js";
import { SHEET, type TaskColumnKey } from "../../shared/workbook/layout.js";
import type { CellValue, WorkbookSpec } from "../../shared/workbook/spec.js";
import { fastWriteWorkbook } from "../../shared/xlsx/fast-write.js";
import { appendixPlan } from "../fixtures/plan-sample.js";

/** Entries of one task, by column key (dates as ISO text). */
export type Entry = Partial<Record<TaskColumnKey, string | number>>;

/** A finished task, an ongoing one, a dropped one. */
export const DONE = (on = "2026-06-20"): Entry => ({ status: "Hoàn thành", progress: 100, completedOn: on, result: "Kế hoạch số 12/KH-UBND" });
export const DOING: Entry = { status: "Đang thực hiện", progress: 40 };
export const DROPPED: Entry = { status: "Không thực hiện", note: "Không bố trí được kinh phí" };

const DATE_KEYS = new Set<TaskColumnKey>(["completedOn"]);

/** The tracker spec of a plan for a unit, with entries written into its task rows. */
export function filledSpec(unit: string, entries: Record<string, Entry>, opts: { plan?: Plan; year?: number } = {}): WorkbookSpec {
  const spec = buildTracker(opts.plan ?? appendixPlan, { unit, year: opts.year ?? 2026, asOf: "2026-09-14" });
  const sheet = spec.sheets.find((s) => s.name === SHEET.tasks)!;
  const idCol = taskColumnNumber("id") - 1;
  for (const row of sheet.rows) {
    const id = row?.cells[idCol]?.v;
    if (typeof id !== "string" || !(id in entries)) continue;
    for (const [key, value] of Object.entries(entries[id]!)) {
      const col = taskColumnNumber(key as TaskColumnKey) - 1;
      const v: CellValue = DATE_KEYS.has(key as TaskColumnKey) && typeof value === "string" ? { kind: "date", iso: value } : value;
      const old = row.cells[col];
      row.cells[col] = old ? { ...old, v } : { v };
    }
  }
  return spec;
}

/** A tracker file's bytes; `saved` is the save time in its document properties. */
export function trackerFile(unit: string, entries: Record<string, Entry>, opts: { plan?: Plan; year?: number; saved?: Date } = {}): Uint8Array {
  return fastWriteWorkbook(filledSpec(unit, entries, opts), opts.saved ? { created: opts.saved } : {});
}

/** A fresh temporary folder. */
export function tempDir(prefix = "cchc-merge-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
