/** A1 notation for the Sheets renderer: parsing spec ranges and writing rectangles back (1-based rows and columns). */
import {
  cellRef,
  colLetter,
  colNumber as sharedColNumber,
  parseCellRef,
  quoteSheet,
  rangeRef,
  splitSheetRef,
} from "../../../shared/workbook/a1.js";

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A range reference split into its sheet (if any) and rectangle. */
export interface SheetRect extends Rect {
  sheet: string | null;
}

/** 1-based column number of column letters: "A" → 1, "AA" → 27. */
export const colNumber = sharedColNumber;

/** Column letters of a 1-based column number: 1 → "A", 27 → "AA". */
export const colLetters = colLetter;

/** A1 address of a cell: (5, 3) → "C5". */
export const cellA1 = cellRef;

/** A1 notation of a rectangle, a single cell when it is one cell. */
export function rectA1(r: Rect): string {
  return rangeRef(r.top, r.left, r.bottom, r.right);
}

/** Parses "C5", "$C$5", "A5:O9", optionally prefixed by a sheet ("'Danh mục'!$A$2:$A$5"). Throws on anything else. */
export function parseRange(ref: string): SheetRect {
  const { sheet, address } = splitSheetRef(ref.trim());
  const [first, second] = address.split(":");
  const a = parseCellRef(first ?? "");
  const b = parseCellRef(second ?? first ?? "");
  if (!a || !b) throw new Error(`Not an A1 range: ${ref}`);
  return {
    sheet: sheet ?? null,
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/** The sheet name quoted for A1 notation: always quoted, inner quotes doubled. */
export const quoteSheetName = quoteSheet;

/**
 * Covers a set of cells with few rectangles: runs of consecutive columns per row, then identical runs on consecutive
 * rows merged. A task table's entry columns become one rectangle each, however many rows it has.
 */
export function cellsToRects(cells: Iterable<[row: number, col: number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [row, col] of cells) {
    const list = byRow.get(row);
    if (list) list.push(col);
    else byRow.set(row, [col]);
  }
  const rows = [...byRow.keys()].sort((x, y) => x - y);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  let prevRow = -1;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row)!)].sort((x, y) => x - y);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && prevRow === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, left: l, bottom: row, right: r });
      }
    }
    for (const [key, rect] of [...open]) {
      if (!seen.has(key)) {
        done.push(rect);
        open.delete(key);
      }
    }
    prevRow = row;
  }
  done.push(...open.values());
  return done.sort((x, y) => x.top - y.top || x.left - y.left);
}
