/**
 * Readable print for every written sheet: header words never broken mid-word (their columns widened to the
 * longest word), dates never shown as "####", rows as tall as their wrapped text, and manual page breaks that keep a
 * group heading with its first rows and a total row with the rows above it. Pure spec → spec, so every writer
 * (exceljs, the lean writer, Office.js, Sheets) prints the same thing.
 */
import { fitRowHeights, widthForWord } from "./row-height.js";
import type { CellSpec, CellStyle, PrintSpec, RowSpec, SheetSpec } from "./spec.js";

/** Width a dd/mm/yyyy date needs, in the same units as column widths. */
const DATE_SAMPLE = "00/00/0000";
/** A4 in points. */
const A4 = { short: 595, long: 842 };
/** Excel's default row height (points) for rows without one. */
const DEFAULT_ROW = 15;
/** Room for the repeated header rows on later pages is counted; a little more for rounding. */
const PAGE_SLACK = 0.95;

function isHeaderRow(r: RowSpec | undefined, index: number, print: PrintSpec | undefined): boolean {
  if (!r) return false;
  if (print?.repeatRows && index + 1 >= print.repeatRows[0] && index + 1 <= print.repeatRows[1]) return true;
  return r.cells.some((c) => c?.s === "header");
}

function singleCells(merges: string[]): (row: number, col: number) => boolean {
  const covered = new Set<string>();
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const m of merges) {
    const r = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!r || r[1] === r[3]) continue;
    for (let y = Number(r[2]); y <= Number(r[4]); y++) for (let x = col(r[1]!); x <= col(r[3]!); x++) covered.add(`${y}:${x}`);
  }
  return (row, c) => !covered.has(`${row}:${c}`);
}

/** Column widths widened so that no header word is broken across lines and no date is too wide for its cell. */
export function fitHeaderWidths(sheet: SheetSpec, styles: Record<string, CellStyle>): SheetSpec {
  const widths = sheet.columns.map((c) => c.width);
  const single = singleCells(sheet.merges);
  const need = (i: number, w: number) => {
    if (i < widths.length && widths[i]! < w) widths[i] = Math.ceil(w * 2) / 2;
  };
  sheet.rows.forEach((r, ri) => {
    if (!r) return;
    const header = isHeaderRow(r, ri, sheet.print);
    r.cells.forEach((c: CellSpec | null, ci) => {
      if (!c || !single(ri + 1, ci + 1)) return;
      const style = c.s ? styles[c.s] : undefined;
      if (typeof c.v === "object" && c.v !== null && c.v.kind === "date") need(ci, widthForWord(DATE_SAMPLE, style));
      else if (header && typeof c.v === "string") for (const word of c.v.split(/\s+/)) need(ci, widthForWord(word, style));
    });
  });
  if (widths.every((w, i) => w === sheet.columns[i]!.width)) return sheet;
  return { ...sheet, columns: sheet.columns.map((c, i) => ({ ...c, width: widths[i]! })) };
}

/** Printable height of one page in sheet points (the fit-to-width scale makes a page hold more rows). */
function pageHeight(sheet: SheetSpec): number {
  const p = sheet.print!;
  const m = p.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const [w, h] = p.orientation === "landscape" ? [A4.long, A4.short] : [A4.short, A4.long];
  const printableW = w - (m.left + m.right) * 72;
  const printableH = h - (m.top + m.bottom) * 72;
  const sheetW = sheet.columns.reduce((s, c) => s + (c.hidden ? 0 : c.width * 7 + 5), 0) * 0.75;
  const scale = p.fitToWidth && sheetW > printableW ? printableW / sheetW : (p.scale ?? 100) / 100;
  return (printableH / scale) * PAGE_SLACK;
}

/**
 * Manual page breaks so that a row marked `keepWithNext` (a group heading, a section title) never ends a page and
 * a row marked `keepWithPrevious` (a total) never starts one. Rows are paged by their heights; a break goes before
 * the run of rows that must stay together.
 */
export function keepTogetherBreaks(sheet: SheetSpec): number[] {
  if (!sheet.print) return [];
  const page = pageHeight(sheet);
  const [r0, r1] = sheet.print.repeatRows ?? [0, -1];
  const height = (i: number) => sheet.rows[i]?.height ?? DEFAULT_ROW;
  let repeat = 0;
  for (let i = r0 - 1; i <= r1 - 1; i++) repeat += height(i);
  const breaks: number[] = [];
  let used = 0;
  let pageStart = 0;
  for (let i = 0; i < sheet.rows.length; i++) {
    const h = height(i);
    if (used + h <= page || i === pageStart) {
      used += h;
      continue;
    }
    // Row i starts a new page: move the break up over rows that must stay with what follows.
    let start = i;
    while (start - 1 > pageStart && (sheet.rows[start - 1]?.keepWithNext || sheet.rows[start]?.keepWithPrevious)) start--;
    if (start <= pageStart + 1) start = i;
    breaks.push(start);
    pageStart = start;
    used = repeat;
    for (let k = start; k <= i; k++) used += height(k);
  }
  // A 0-based index of the row that starts a page is the 1-based number of the last row of the page before.
  return breaks;
}

/** The sheet made readable in print (see the file comment). */
export function fitForPrint(sheet: SheetSpec, styles: Record<string, CellStyle>): SheetSpec {
  const fitted = fitRowHeights(fitHeaderWidths(sheet, styles), styles);
  if (!fitted.print || !fitted.rows.some((r) => r?.keepWithNext || r?.keepWithPrevious)) return fitted;
  const rowBreaks = keepTogetherBreaks(fitted);
  return rowBreaks.length > 0 ? { ...fitted, print: { ...fitted.print, rowBreaks } } : fitted;
}
