/** Reading the tracker in the active spreadsheet: its Grid and the as-of date its Hướng dẫn sheet holds. */
import { AS_OF_NAME, SHEET } from "../../../shared/workbook/layout.js";
import type { Grid } from "../../../shared/entries/grid.js";
import { readDateCell } from "../../../shared/entries/dates.js";
import { readGrid, zoneOffsetMs } from "../sheets/read.js";
import { fromSheetsValue } from "../sheets/values.js";
import { todayIso } from "../host.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets the commands never need to read: outputs of earlier commands. */
export function isDerivedSheet(name: string): boolean {
  return name === SHEET.check || name.startsWith("Tổng hợp");
}

/** The tracker as a Grid (derived sheets listed without values). */
export function readTracker(ss: Spreadsheet): Grid {
  return readGrid(ss, { include: (name) => !isDerivedSheet(name) });
}

/** The as-of date in the tracker's named cell (NgayBaoCao), else today. */
export function trackerAsOf(ss: Spreadsheet): string {
  const range = ss.getRangeByName(AS_OF_NAME);
  if (range) {
    const read = readDateCell(fromSheetsValue(range.getValue(), zoneOffsetMs(ss)));
    if (read.kind === "date") return read.iso;
  }
  return todayIso();
}

