/**
 * The pure half of the Office.js renderer: turns a SheetSpec into the few large blocks Excel takes in one call
 * (a values matrix, a number-format matrix, style rectangles), so the host half only issues a handful of range
 * operations per sheet, whatever the number of tasks.
 */
import { isoToExcelSerial } from "../../shared/workbook/dates.js";
import type { CellStyle, CellValue, SheetSpec } from "../../shared/workbook/spec.js";
import type { Rect } from "./a1.js";

/** Excel's text number format: a cell formatted so keeps what is written as text, even "=…", "+…", "-…", "0012". */
export const TEXT_FORMAT = "@";
/** The date format the product shows (product.md: dd/mm/yyyy). */
export const DATE_FORMAT = "dd/mm/yyyy";
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Excel's serial day number of an ISO date (the 1900 date system: 1 = 1900-01-01, with Lotus' phantom 29/02/1900). */
export const excelSerial = isoToExcelSerial;

/** Points Excel uses for a column `chars` characters wide (Calibri 11: 7 px per digit plus 5 px padding, 96 dpi). */
export function columnWidthPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 72) / 96 * 100) / 100;
}

/**
 * Replaces defined names in a formula by their references, outside string literals. Used when the running Excel
 * cannot define names (ExcelApi < 1.4): the formulas still compute against the same cell.
 */
export function substituteNames(formula: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return formula;
  const pattern = new RegExp(`(?<![A-Za-z0-9_.$!'])(${[...names.keys()].map(escapeRegExp).join("|")})(?![A-Za-z0-9_.(])`, "g");
  // Split on string literals ("..." with "" escapes) so text constants are never touched.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (name) => names.get(name) ?? name)))
    .join("");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A value as Office.js `Range.formulas` takes it, and the number format the cell needs so it stays what it is. */
export interface CellWrite {
  value: string | number | boolean;
  format: string;
}

/**
 * What to write into one cell. Every string gets the text format, set before the value: Excel otherwise turns
 * "=…"/"+…"/"-…" into formulas, "3.1" into a number and "01/02/2026" into a date. Formulas are the only values
 * written with a leading "=".
 */
export function cellWrite(
  value: CellValue,
  styleFormat: string | undefined,
  names: ReadonlyMap<string, string>,
): CellWrite {
  if (value === null || value === undefined) return { value: "", format: styleFormat ?? "General" };
  if (typeof value === "string") {
    const text = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
    return { value: text, format: TEXT_FORMAT };
  }
  if (typeof value === "number") return { value, format: styleFormat ?? "General" };
  if (typeof value === "boolean") return { value, format: styleFormat ?? "General" };
  if (value.kind === "date") return { value: excelSerial(value.iso), format: dateFormat(styleFormat) };
  return { value: `=${substituteNames(value.formula, names)}`, format: styleFormat && styleFormat !== TEXT_FORMAT ? styleFormat : "General" };
}

function dateFormat(styleFormat: string | undefined): string {
  return styleFormat && styleFormat !== TEXT_FORMAT && styleFormat !== "General" ? styleFormat : DATE_FORMAT;
}

/** The whole-sheet blocks: values and formats for rows 1…rows.length, columns A…width. */
export interface SheetBlock {
  rows: number;
  cols: number;
  values: Array<Array<string | number | boolean>>;
  formats: string[][];
}

/** Builds the value and number-format matrices of a sheet (empty cells included, so one write covers the table). */
export function sheetBlock(sheet: SheetSpec, styles: Record<string, CellStyle>, names: ReadonlyMap<string, string>): SheetBlock {
  const rows = sheet.rows.length;
  const cols = Math.max(0, ...sheet.rows.map((r) => r.cells.length));
  const values: SheetBlock["values"] = [];
  const formats: string[][] = [];
  for (const row of sheet.rows) {
    const vRow: Array<string | number | boolean> = [];
    const fRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = row.cells[c] ?? null;
      const colStyle = sheet.columns[c]?.style;
      const styleName = cell?.s ?? colStyle;
      const write = cellWrite(cell?.v ?? null, styleName ? styles[styleName]?.numFmt : undefined, names);
      vRow.push(write.value);
      fRow.push(write.format);
    }
    values.push(vRow);
    formats.push(fRow);
  }
  return { rows, cols, values, formats };
}

/** A rectangle of cells that share one named style. */
export interface StyleRect extends Rect {
  style: string;
}

/**
 * Groups the cells' styles into as few rectangles as a simple sweep finds: runs of equal styles along each row,
 * extended downwards while the row below has the same run. A tracker's table becomes a few dozen ranges.
 */
export function styleRects(sheet: SheetSpec): StyleRect[] {
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  sheet.rows.forEach((row, r) => {
    const next = new Map<string, StyleRect>();
    let c = 0;
    while (c < row.cells.length) {
      const style = row.cells[c]?.s;
      if (!style) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.cells.length && row.cells[end + 1]?.s === style) end++;
      const key = `${c}:${end}:${style}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, { top: r, bottom: r, left: c, right: end, style });
      }
      c = end + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  });
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Consecutive rows with the same explicit height, as (first, last, height) runs. */
export function rowHeightRuns(sheet: SheetSpec): Array<{ top: number; bottom: number; height: number }> {
  const runs: Array<{ top: number; bottom: number; height: number }> = [];
  sheet.rows.forEach((row, r) => {
    if (row.height === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1 && last.height === row.height) last.bottom = r;
    else runs.push({ top: r, bottom: r, height: row.height });
  });
  return runs;
}

/** Consecutive rows with an outline level ≥ 1, as (first, last) runs (grouped once; nested levels are not drawn). */
export function outlineRuns(sheet: SheetSpec): Array<{ top: number; bottom: number }> {
  const runs: Array<{ top: number; bottom: number }> = [];
  sheet.rows.forEach((row, r) => {
    if (!row.outline) return;
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else runs.push({ top: r, bottom: r });
  });
  return runs;
}
