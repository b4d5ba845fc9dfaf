/**
 * Row heights for wrapped text. LibreOffice does not auto-fit rows of an imported .xlsx and Excel does not
 * auto-fit merged cells, so the spec carries an estimated height for every row whose text wraps; each host then
 * shows (and prints) the same thing. The estimate wraps word by word, as the spreadsheet does, and errs on the tall
 * side: clipped text is worse than white space.
 */
import type { CellSpec, CellStyle, SheetSpec } from "./spec.js";

/** Pixels of one character unit of column width (Calibri 11's digit width, Excel's unit) at 96 dpi. */
const PX_PER_WIDTH = 7;
/** Line height as a multiple of the font size (points). */
const LINE_FACTOR = 1.3;
/** Padding inside a cell (px). */
const CELL_PADDING_PX = 6;
/** Excel's maximum row height (points). */
const MAX_ROW_HEIGHT = 409;

/**
 * Advance of a character as a fraction of the font size. Times New Roman's widths, rounded up; letters with
 * Vietnamese diacritics are drawn from a wider fallback font where the serif font lacks them (DejaVu in
 * LibreOffice with Liberation Serif), so they count wide.
 */
function charEm(ch: string): number {
  if (ch === " ") return 0.26;
  if (/[il.,;:'!|]/.test(ch)) return 0.3;
  if (/[frtj()\-/[\]]/.test(ch)) return 0.37;
  if (/[a-z]/.test(ch)) return 0.5;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[MWmw%]/.test(ch)) return 0.9;
  if (/[A-Z]/.test(ch)) return 0.7;
  const base = ch.normalize("NFD")[0] ?? ch;
  if (base !== ch && /[a-zA-Z]/.test(base)) return base === base.toUpperCase() ? 0.78 : 0.6;
  return 0.6;
}

/** Width of a text in px at a font size in pt. */
export function textWidthPx(text: string, style: CellStyle | undefined): number {
  const fontPx = ((style?.fontSize ?? 11) * 4) / 3;
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontPx * (style?.bold ? 1.08 : 1);
}

/** Usable text width in px of a cell `widthChars` wide. */
function cellWidthPx(widthChars: number): number {
  return Math.max(8, widthChars * PX_PER_WIDTH + 5 - CELL_PADDING_PX);
}

/** Number of lines a text takes in a column of `widthChars` characters at `style` (greedy word wrap). */
export function wrappedLines(text: string, widthChars: number, style: CellStyle | undefined): number {
  const avail = cellWidthPx(widthChars);
  const space = textWidthPx(" ", style);
  let lines = 0;
  for (const para of text.split("\n")) {
    let n = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = textWidthPx(word, style);
      if (used > 0 && used + space + w <= avail) {
        used += space + w;
        continue;
      }
      if (used > 0) n++;
      // A word wider than the cell is broken across lines.
      n += Math.max(0, Math.ceil(w / avail) - 1);
      used = w % avail || Math.min(w, avail);
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Characters of column width a single word needs to fit on one line at `style`. */
export function widthForWord(word: string, style: CellStyle | undefined): number {
  return (textWidthPx(word, style) + CELL_PADDING_PX - 5) / PX_PER_WIDTH + 0.5;
}

function cellText(c: CellSpec): string | null {
  const v = c.v;
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && v.kind === "formula" && typeof v.result === "string") return v.result;
  return null;
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
    height = Math.max(height, lines * size * LINE_FACTOR + 4);
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

/**
 * A copy of the sheet where every row gets at least the estimated height of its wrapped text (an explicit height
 * is kept when it is taller: titles ask for room on purpose).
 */
export function fitRowHeights(sheet: SheetSpec, styles: Record<string, CellStyle>): SheetSpec {
  const widths = sheet.columns.map((c) => c.width);
  const spans = rowSpans(sheet.merges);
  const rows = sheet.rows.map((r, i) => {
    if (!r) return r;
    const height = estimateRowHeight(r.cells, widths, styles, spans.get(i + 1));
    if (height === undefined || (r.height !== undefined && r.height >= height)) return r;
    return { ...r, height };
  });
  return { ...sheet, rows };
}
