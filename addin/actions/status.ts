/**
 * The ribbon's Trạng thái menu: set a status on the selected task rows and stamp Cập nhật (and, per applyStatus,
 * progress and the completion date). Two syncs whatever the selection: load the selection and its sheet, write.
 */
import { applyStatus } from "../../shared/entries/apply-status.js";
import type { CellUpdate } from "../../shared/entries/schema.js";
import type { Status } from "../../shared/workbook/layout.js";
import { addinMessages } from "../../shared/messages/index.js";
import { AddinError } from "../errors.js";
import { cellAddress, parseAddress, splitAreas, splitSheetAddress, type Rect } from "../excel/a1.js";
import { detectCapabilities } from "../excel/capabilities.js";
import type { ExcelHost } from "../excel/host.js";
import { gridSheet } from "../excel/read.js";
import { DATE_FORMAT, excelSerial, TEXT_FORMAT } from "../excel/sheet-plan.js";

/** What a status command did. */
export interface StatusResult {
  status: Status;
  sheet: string;
  /** Task rows that got the status. */
  rows: number;
}

/** Sets `status` on the task rows of the current selection; `today` is the date stamped. */
export async function setStatusOnSelection(host: ExcelHost, status: Status, today: Date): Promise<StatusResult> {
  const caps = detectCapabilities(host);
  return host.run(async (context) => {
    const wb = context.workbook;
    // Ctrl-click selections have several areas (ExcelApi 1.9); older Excel gives the first area only.
    const areas = caps.has("multiSelection") ? wb.getSelectedRanges() : undefined;
    const single = areas ? undefined : wb.getSelectedRange();
    areas?.load("address");
    single?.load("address");
    const ws = wb.worksheets.getActiveWorksheet();
    ws.load("name");
    const used = ws.getUsedRange();
    used.load("address,values,formulas,numberFormat");
    const protection = caps.has("protection") ? ws.protection : undefined;
    protection?.load("protected,options");
    await context.sync();

    const sheet = gridSheet(ws.name, "Visible", used.address, used.values, used.formulas);
    const usedRect = parseAddress(splitSheetAddress(used.address).address);
    const lastRow = usedRect ? usedRect.bottom : 0;
    const selected = splitAreas(areas ? areas.address : single!.address).map((a) => parseAddress(splitSheetAddress(a).address));
    const rows = new Set<number>();
    for (const rect of selected) {
      if (!rect) continue;
      for (let r = rect.top; r <= Math.min(rect.bottom, lastRow); r++) rows.add(r);
    }
    const updates = applyStatus(sheet, [...rows], status, today);
    const taskRows = new Set(updates.map((u) => u.row)).size;
    if (taskRows === 0) throw new AddinError(addinMessages.noTaskRowsSelected(ws.name));

    const formats = usedRect ? { rect: usedRect, matrix: used.numberFormat as unknown[][] } : undefined;
    const wasProtected = protection?.protected === true;
    if (wasProtected) protection!.unprotect();
    for (const run of columnRuns(updates)) {
      const range = ws.getRange(`${cellAddress(run.top, run.col)}:${cellAddress(run.top + run.values.length - 1, run.col)}`);
      range.numberFormat = run.values.map((v, i) => [formatFor(v, currentFormat(formats, run.top + i, run.col))]);
      range.formulas = run.values.map((v) => [writable(v)]);
    }
    if (wasProtected) protection!.protect(protection!.options as Excel.WorksheetProtectionOptions);
    await context.sync();
    return { status, sheet: ws.name, rows: taskRows };
  });
}

/** Consecutive updates of one column, as a block written in one call. */
interface ColumnRun {
  col: number;
  top: number;
  values: CellUpdate["value"][];
}

/** Groups cell updates into vertical runs (a contiguous selection of 500 rows becomes four writes). */
export function columnRuns(updates: readonly CellUpdate[]): ColumnRun[] {
  const byCol = new Map<number, CellUpdate[]>();
  for (const u of updates) byCol.set(u.col, [...(byCol.get(u.col) ?? []), u]);
  const runs: ColumnRun[] = [];
  for (const [col, list] of [...byCol].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.row - b.row);
    let run: ColumnRun | undefined;
    for (const u of list) {
      if (run && u.row === run.top + run.values.length) run.values.push(u.value);
      else {
        run = { col, top: u.row, values: [u.value] };
        runs.push(run);
      }
    }
  }
  return runs;
}

function currentFormat(formats: { rect: Rect; matrix: unknown[][] } | undefined, row: number, col: number): string {
  if (!formats) return "General";
  const f = formats.matrix[row - formats.rect.top]?.[col - formats.rect.left];
  return typeof f === "string" ? f : "General";
}

/** The number format a written value needs: text stays text, dates show as dates, others keep the cell's format. */
function formatFor(value: CellUpdate["value"], current: string): string {
  if (typeof value === "string") return TEXT_FORMAT;
  if (value !== null && typeof value === "object") return current !== "General" && current !== TEXT_FORMAT ? current : DATE_FORMAT;
  return current === TEXT_FORMAT ? "General" : current;
}

function writable(value: CellUpdate["value"]): string | number {
  if (value === null) return "";
  if (typeof value === "object") return excelSerial(value.iso);
  return value;
}
