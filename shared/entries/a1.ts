/** A1 addresses from 0-based row/column indexes, as findings and hosts name cells. */

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address for 0-based row and column indexes: (6, 10) → "K7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
