/** A1 addresses from 0-based row/column indexes, as findings and hosts name cells (built on shared/workbook/a1.ts). */
import { colLetter } from "../workbook/a1.js";

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(col: number): string {
  return colLetter(col + 1);
}

/** A1 address for 0-based row and column indexes: (6, 10) → "K7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
