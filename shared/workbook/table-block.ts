/**
 * Builds the rows of a report-style sheet top to bottom: title lines merged across the table's width, blank
 * separators, a styled header row, table rows, then the SheetSpec. Shared by the summary sheet, the province
 * workbook and the export workbook, which all lay out "title block, header row, styled rows" the same way.
 */
import { colLetter } from "./a1.js";
import type { CellSpec, ConditionalFormatSpec, RowSpec, SheetSpec } from "./spec.js";

/** A sheet being built row by row; row numbers it returns are 1-based, as in A1 references. */
export class SheetBlock {
  /** The rows so far (row n of the sheet is rows[n - 1]). */
  readonly rows: RowSpec[] = [];
  /** Merged ranges so far; callers may push their own. */
  readonly merges: string[] = [];
  /** Conditional formats so far; callers push theirs. */
  readonly conditionalFormats: ConditionalFormatSpec[] = [];

  /** `width` is the number of columns a line is merged across (no merge for a single column). */
  constructor(readonly width: number) {}

  /** The number of the last row added (0 before any). */
  get last(): number {
    return this.rows.length;
  }

  /** A one-cell line merged across the width (titles, period lines, notes). */
  line(cell: CellSpec, height?: number): number {
    this.row([cell], height);
    if (this.width > 1) this.merges.push(`A${this.last}:${colLetter(this.width)}${this.last}`);
    return this.last;
  }

  /** An empty separator row. */
  blank(height?: number): number {
    return this.row([], height);
  }

  /** A header row of texts in the "header" style; returns its row number. */
  header(headers: readonly string[], height?: number): number {
    return this.row(
      headers.map((h) => ({ v: h, s: "header" })),
      height,
    );
  }

  /** Any row of cells; returns its row number. */
  row(cells: Array<CellSpec | null>, height?: number): number {
    this.rows.push(height ? { cells, height } : { cells });
    return this.last;
  }

  /** Printing: keeps row `n` (a heading) on the same page as the row after it. */
  keepWithNext(n: number = this.last): number {
    const r = this.rows[n - 1];
    if (r) r.keepWithNext = true;
    return n;
  }

  /** Printing: keeps row `n` (a total) on the same page as the row before it. */
  keepWithPrevious(n: number = this.last): number {
    const r = this.rows[n - 1];
    if (r) r.keepWithPrevious = true;
    return n;
  }

  /** The sheet: visible, with these column widths, the rows, merges and conditional formats built, and `extra`. */
  sheet(name: string, role: string, widths: number[], extra: Partial<SheetSpec> = {}): SheetSpec {
    return {
      name,
      state: "visible",
      role,
      columns: widths.map((width) => ({ width })),
      rows: this.rows,
      merges: this.merges,
      validations: [],
      conditionalFormats: this.conditionalFormats,
      ...extra,
    };
  }
}
