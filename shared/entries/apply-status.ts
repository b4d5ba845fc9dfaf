/**
 * The status command of the hosts (Excel ribbon "Trạng thái", Sheets menu): which cells to write when the user
 * sets a status on the selected rows. Pure: the host reads the sheet into a GridSheet, applies the CellUpdates
 * in one batch.
 *
 * Rules:
 * - the status cell gets the status, the Cập nhật cell today's date;
 * - Hoàn thành: progress becomes 100 and, when the completion date is empty, today (a date already typed is kept:
 *   the user may have entered the real date first);
 * - any other status on a row that was Hoàn thành: the completion date is cleared (it no longer holds), progress is
 *   left as it is for the user to correct;
 * - rows that are not task rows (title, header, group separators, blank rows, beyond the table) are skipped.
 */
import type { Status } from "../workbook/layout.js";
import { a1 } from "./a1.js";
import { isoFromParts } from "./dates.js";
import type { GridSheet } from "./grid.js";
import { matchStatus } from "./read.js";
import type { CellUpdate } from "./schema.js";
import { cellOf, findTaskTable, rowKind } from "./task-table.js";

/** The cells to write to set `status` on the given 0-based rows; `today` is stamped by its local calendar day. */
export function applyStatus(sheet: GridSheet, rowIndexes: number[], status: Status, today: Date): CellUpdate[] {
  const table = findTaskTable(sheet);
  const statusCol = table?.columns.status;
  if (!table || statusCol === undefined) return [];
  const todayIso = isoFromParts(today.getFullYear(), today.getMonth() + 1, today.getDate());
  const updates: CellUpdate[] = [];
  const put = (row: number, col: number | undefined, value: CellUpdate["value"]) => {
    if (col !== undefined) updates.push({ row, col, cell: a1(row, col), value });
  };
  const rows = [...new Set(rowIndexes)].sort((a, b) => a - b);
  for (const r of rows) {
    if (r < table.firstRow || r > table.lastRow) continue;
    const values = sheet.values[r] ?? [];
    if (rowKind(values, table, null, sheet.formulas?.[r]) !== "task") continue;
    const before = cellOf(values, table, "status");
    const wasDone = typeof before === "string" && matchStatus(before)?.status === "Hoàn thành";
    const completed = cellOf(values, table, "completedOn");
    const hasCompleted = completed !== null && !(typeof completed === "string" && completed.trim() === "");
    put(r, statusCol, status);
    if (status === "Hoàn thành") {
      put(r, table.columns.progress, 100);
      if (!hasCompleted && todayIso) put(r, table.columns.completedOn, { kind: "date", iso: todayIso });
    } else if (wasDone && hasCompleted) {
      put(r, table.columns.completedOn, null);
    }
    if (todayIso) put(r, table.columns.updated, { kind: "date", iso: todayIso });
  }
  return updates;
}
