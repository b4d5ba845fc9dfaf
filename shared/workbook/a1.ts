/**
 * A1-notation helpers (1-based rows and columns, as spreadsheets count): the one implementation that the spec
 * builders, the entries reader, the renderers and both hosts use.
 */

/** Column letters for a 1-based column number: 1 → "A", 27 → "AA". */
export function colLetter(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based column number of column letters: "A" → 1, "AA" → 27. */
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A relative cell address: (5, 3) → "C5". */
export function cellRef(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** A relative range: (5, 1, 9, 15) → "A5:O9"; a single cell when both corners coincide. */
export function rangeRef(top: number, left: number, bottom: number, right: number): string {
  const a = cellRef(top, left);
  const b = cellRef(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** An absolute address: (9, 3) → "$C$9". */
export function absCellRef(row: number, col: number): string {
  return `$${colLetter(col)}$${row}`;
}

/** A sheet name as it must appear in a formula: always quoted, inner quotes doubled ("Danh mục" → "'Danh mục'"). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Danh mục'!$A$2:$A$5" into its sheet name (quotes undone) and address; sheet is undefined when absent. */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** 1-based row and column of one cell address ("C5", "$C$5"), or undefined when it is not one. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = CELL.exec(ref);
  return m ? { row: Number(m[2]), col: colNumber(m[1]!) } : undefined;
}

/** An absolute reference to a range on a sheet: ("Danh mục", 2, 1, 5, 1) → "'Danh mục'!$A$2:$A$5". */
export function sheetRangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const a = absCellRef(top, left);
  const b = absCellRef(bottom, right);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** A text constant inside a formula: quotes doubled and wrapped ("Quá hạn" → "\"Quá hạn\""). */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
