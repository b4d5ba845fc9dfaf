/**
 * The "Trạng thái" sub-menu: sets a status on the selected task rows and stamps Cập nhật. The sheet is read once;
 * the writes are grouped by column and value, so the number of calls does not grow with the selection.
 */
import { applyStatus } from "../../../shared/entries/apply-status.js";
import type { CellUpdate } from "../../../shared/entries/schema.js";
import { sheetsCommandMessages as M, sheetsMenuMessages } from "../../../shared/messages/sheets.js";
import { SHEET, type Status } from "../../../shared/workbook/layout.js";
import { activeSpreadsheet, alertUser, localDate, toast, todayIso, withDocumentLock } from "../host.js";
import { cellsToRects, rectA1 } from "../sheets/a1.js";
import { readSheet, zoneOffsetMs } from "../sheets/read.js";
import { DEFAULT_DATE_FORMAT } from "../sheets/render.js";
import { toSheetsInput } from "../sheets/values.js";

/** Applies `status` to the task rows of the current selection on the Nhiệm vụ sheet. */
export function setStatusOnSelection(status: Status): void {
  const ss = activeSpreadsheet();
  const sheet = ss.getSheetByName(SHEET.tasks);
  if (!sheet) return alertUser(M.statusNoTasksSheet(SHEET.tasks), sheetsMenuMessages.statusSubmenu);
  if (ss.getActiveSheet().getName() !== SHEET.tasks) return alertUser(M.statusWrongSheet(SHEET.tasks), sheetsMenuMessages.statusSubmenu);
  const list = ss.getActiveRangeList();
  const ranges = list ? list.getRanges() : [ss.getActiveRange()!];
  const rows: number[] = [];
  for (const r of ranges) {
    const first = r.getRow();
    const last = r.getLastRow();
    for (let row = first; row <= last; row++) rows.push(row - 1);
  }
  withDocumentLock(() => {
    const grid = readSheet(sheet, zoneOffsetMs(ss));
    const updates = applyStatus(grid, rows, status, localDate(todayIso()));
    const taskRows = new Set(updates.map((u) => u.row)).size;
    if (taskRows === 0) return alertUser(M.statusNoTaskRows, sheetsMenuMessages.statusSubmenu);
    writeUpdates(sheet, updates);
    const skipped = new Set(rows).size - taskRows;
    toast(ss, skipped > 0 ? `${M.statusApplied(status, taskRows)} ${M.statusSkipped(skipped)}` : M.statusApplied(status, taskRows));
  });
}

/** Writes cell updates with one RangeList per (column, value): a status, a date and a number cover any selection. */
export function writeUpdates(sheet: GoogleAppsScript.Spreadsheet.Sheet, updates: CellUpdate[]): void {
  const groups = new Map<string, { cells: Array<[number, number]>; update: CellUpdate }>();
  for (const u of updates) {
    const key = `${u.col}\u0000${JSON.stringify(u.value)}`;
    const cell: [number, number] = [u.row + 1, u.col + 1];
    const g = groups.get(key);
    if (g) g.cells.push(cell);
    else groups.set(key, { cells: [cell], update: u });
  }
  for (const { cells, update } of groups.values()) {
    const list = sheet.getRangeList(cellsToRects(cells).map(rectA1));
    const v = update.value;
    if (v !== null && typeof v === "object") list.setNumberFormat(DEFAULT_DATE_FORMAT);
    list.setValue(toSheetsInput(v));
  }
}
