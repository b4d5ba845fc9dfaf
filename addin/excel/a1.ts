/**
 * A1-address arithmetic for the Office.js renderer and reader. Office.js addresses ranges by A1 strings on a sheet
 * (getRange("B2:D9") exists since ExcelApi 1.1; getRangeByIndexes only since 1.7), so indexes become strings here.
 * Rows and columns are 0-based in this module's numeric arguments (the 1-based core is shared/workbook/a1.ts).
 */
import { colLetter, colNumber, parseCellRef, quoteSheet, splitSheetRef } from "../../shared/workbook/a1.js";

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnName(col: number): string {
  return colLetter(col + 1);
}

/** 0-based column index of column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  return colNumber(letters) - 1;
}

/** A1 address of one cell from 0-based indexes: (6, 10) → "K7". */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** A1 address of a rectangle: "B2:D9", or "B2" for a single cell. */
export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** A1 address of whole columns: (2, 2) → "C:C". */
export function columnsAddress(left: number, right: number): string {
  return `${columnName(left)}:${columnName(right)}`;
}

const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d+)$/;
/** Excel's last row and column (0-based), for whole-column and whole-row references. */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/**
 * Parses an A1 address without a sheet part ("B2", "$B$2:$D$9", "C:C", "3:5") into a 0-based rectangle;
 * undefined when it is not one.
 */
export function parseAddress(address: string): Rect | undefined {
  const parts = address.split(":");
  if (parts.length > 2 || parts.length === 0) return undefined;
  const [a, b = parts[0]] = parts as [string, string?];
  const ca = parseCellRef(a);
  const cb = parseCellRef(b ?? a);
  if (ca && cb) {
    return {
      top: Math.min(ca.row, cb.row) - 1,
      bottom: Math.max(ca.row, cb.row) - 1,
      left: Math.min(ca.col, cb.col) - 1,
      right: Math.max(ca.col, cb.col) - 1,
    };
  }
  const ka = COLS.exec(a);
  const kb = COLS.exec(b ?? a);
  if (ka && kb) {
    const c1 = columnIndex(ka[1]!);
    const c2 = columnIndex(kb[1]!);
    return { top: 0, bottom: MAX_ROW, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  const ra = ROWS.exec(a);
  const rb = ROWS.exec(b ?? a);
  if (ra && rb) {
    const r1 = Number(ra[1]) - 1;
    const r2 = Number(rb[1]) - 1;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COL };
  }
  return undefined;
}

/** Splits "'Danh mục'!$A$2:$A$5" into its sheet name (quotes undone) and address; sheet is undefined when absent. */
export const splitSheetAddress = splitSheetRef;

/**
 * Splits a multi-area address ("'Nhiệm vụ'!A5:C9,'Nhiệm vụ'!E12", what RangeAreas.address gives) into its areas,
 * ignoring commas inside quoted sheet names ('Kế hoạch, 2026'!A1).
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** A sheet name quoted for use in a formula or reference: "Danh mục" → "'Danh mục'". */
export const quoteSheetName = quoteSheet;

/** The cell `rows` × `cols` away from a cell address (used to size charts by cells): ("H2", 8, 15) → "O16". */
export function offsetCell(address: string, rows: number, cols: number): string {
  const r = parseAddress(address);
  if (!r) return address;
  return cellAddress(r.top + rows, r.left + cols);
}
