/**
 * Row heights for wrapped text. LibreOffice does not auto-fit rows of an imported .xlsx and Excel does not
 * auto-fit merged cells, so the spec carries an estimated height for every row whose text wraps; each host then
 * shows (and prints) the same thing. The estimate errs on the tall side: clipped text is worse than white space.
 */
import type { CellSpec, CellStyle, SheetSpec } from "./spec.js";

/** Pixels of one character unit of column width (Calibri 11's digit width, Excel's unit) at 96 dpi. */
const PX_PER_WIDTH = 7;
/** Average advance of a character of Vietnamese text in Times New Roman, as a fraction of the font size in px. */
const CHAR_EM = 0.36;
/** Line height as a multiple of the font size (points). */
const LINE_FACTOR = 1.3;
/** Padding inside a cell (px). */
const CELL_PADDING_PX = 6;
/** Word wrapping leaves the end of most lines empty. */
const WRAP_SLACK = 1.05;
/** Excel's maximum row height (points). */
const MAX_ROW_HEIGHT = 409;

function cellText(c: CellSpec): string | null {
  const v = c.v;
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && v.kind === "formula" && typeof v.result === "string") return v.result;
  return null;
}

/** Number of lines a text takes in a column of `widthChars` characters at `style`. */
export function wrappedLines(text: string, widthChars: number, style: CellStyle | undefined): number {
  const fontPx = ((style?.fontSize ?? 11) * 4) / 3;
  const charPx = fontPx * CHAR_EM * (style?.bold ? 1.08 : 1);
  const perLine = Math.max(1, Math.floor((widthChars * PX_PER_WIDTH + 5 - CELL_PADDING_PX) / charPx));
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil((para.length * WRAP_SLACK) / perLine)), 0);
}

/** Height in points that shows every line of a row's wrapped cells; undefined when one line is enough. */
export function estimateRowHeight(
  cells: Array<CellSpec | null>,
  widths: number[],
  styles: Record<string, CellStyle>,
  spans: Map<number, number> = new Map(),
): number | undefined {
  let height = 0;
  let multiline = false;
  cells.forEach((c, i) => {
    if (!c) return;
    const style = c.s ? styles[c.s] : undefined;
    const size = style?.fontSize ?? 11;
    const text = cellText(c);
    let lines = 1;
    if (text && style?.wrap) {
      const span = spans.get(i) ?? 1;
      let width = 0;
      for (let k = i; k < i + span; k++) width += widths[k] ?? 8.43;
      lines = wrappedLines(text, width, style);
    }
    if (lines > 1) multiline = true;
    height = Math.max(height, lines * size * LINE_FACTOR + 3);
  });
  if (!multiline) return undefined;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(height));
}

/** Merged ranges within one row: row number → (0-based start column → number of columns). */
function rowSpans(merges: string[]): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const m of merges) {
    const r = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!r || r[2] !== r[4]) continue;
    const row = Number(r[2]);
    const spans = out.get(row) ?? new Map<number, number>();
    spans.set(col(r[1]!) - 1, col(r[3]!) - col(r[1]!) + 1);
    out.set(row, spans);
  }
  return out;
}

/** A copy of the sheet where every row without an explicit height gets the estimated height of its wrapped text. */
export function fitRowHeights(sheet: SheetSpec, styles: Record<string, CellStyle>): SheetSpec {
  const widths = sheet.columns.map((c) => c.width);
  const spans = rowSpans(sheet.merges);
  const rows = sheet.rows.map((r, i) => {
    if (!r || r.height !== undefined) return r;
    const height = estimateRowHeight(r.cells, widths, styles, spans.get(i + 1));
    return height === undefined ? r : { ...r, height };
  });
  return { ...sheet, rows };
}
