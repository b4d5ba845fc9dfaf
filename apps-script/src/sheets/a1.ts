/** A1 notation for the Sheets renderer: parsing spec ranges and writing rectangles back (1-based rows and columns). */

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
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column letters of a 1-based column number: 1 → "A", 27 → "AA". */
export function colLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a cell: (5, 3) → "C5". */
export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** A1 notation of a rectangle, a single cell when it is one cell. */
export function rectA1(r: Rect): string {
  const a = cellA1(r.top, r.left);
  const b = cellA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses "C5", "$C$5", "A5:O9", optionally prefixed by a sheet ("'Danh mục'!$A$2:$A$5"). Throws on anything else. */
export function parseRange(ref: string): SheetRect {
  let sheet: string | null = null;
  let body = ref.trim();
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    const rawSheet = body.slice(0, bang);
    sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    body = body.slice(bang + 1);
  }
  const [first, second] = body.split(":");
  const a = CELL.exec(first ?? "");
  const b = CELL.exec(second ?? first ?? "");
  if (!a || !b) throw new Error(`Not an A1 range: ${ref}`);
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = colNumber(a[1]!);
  const c2 = colNumber(b[1]!);
  return { sheet, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** The sheet name quoted for A1 notation: always quoted, inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

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
