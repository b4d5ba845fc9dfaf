/**
 * Reads a Google spreadsheet into a Grid: per sheet one getDataRange() and one getValues() + getFormulas(), whatever
 * the number of rows.
 */
import type { Grid, GridSheet, GridValue } from "../../../shared/entries/grid.js";
import { fromSheetsValue, offsetMs } from "./values.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Which sheets to read: all, or only those whose name passes `include` (the other sheets are listed without values). */
export interface ReadOptions {
  include?: (name: string) => boolean;
  /** Name shown in findings; defaults to the spreadsheet's name. */
  file?: string;
}

/** The spreadsheet zone's offset now ("+0700"), one Utilities call; Dates read from cells are shifted by it. */
export function zoneOffsetMs(ss: Spreadsheet): number {
  return offsetMs(Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "Z"));
}

/** Reads one sheet's used range. */
export function readSheet(sheet: Sheet, zoneMs: number): GridSheet {
  const name = sheet.getName();
  const state = sheet.isSheetHidden() ? "hidden" : "visible";
  const range = sheet.getDataRange();
  const raw = range.getValues();
  const rawFormulas = range.getFormulas();
  const values: GridValue[][] = raw.map((row) => row.map((v) => fromSheetsValue(v, zoneMs)));
  let any = false;
  const formulas = rawFormulas.map((row) =>
    row.map((f) => {
      if (typeof f !== "string" || f === "") return null;
      any = true;
      return f.replace(/^=/, "");
    }),
  );
  // An empty sheet still reports a 1×1 data range holding "".
  const empty = values.length === 1 && values[0]!.length === 1 && values[0]![0] === null && !any;
  return { name, state, values: empty ? [] : values, ...(any ? { formulas } : {}) };
}

/** Reads the spreadsheet into a Grid (sheets in tab order). */
export function readGrid(ss: Spreadsheet, opts: ReadOptions = {}): Grid {
  const zoneMs = zoneOffsetMs(ss);
  const sheets = ss.getSheets().map((sheet): GridSheet => {
    if (opts.include && !opts.include(sheet.getName())) {
      return { name: sheet.getName(), state: sheet.isSheetHidden() ? "hidden" : "visible", values: [] };
    }
    return readSheet(sheet, zoneMs);
  });
  return { file: opts.file ?? ss.getName(), sheets };
}
