/**
 * Grid: what every host reader produces from a workbook — sheet names and 2-D values, nothing host-specific.
 * Values are what the host holds: text, numbers (Excel serial dates included), booleans, JS Dates, or null.
 */
export type GridValue = string | number | boolean | Date | null;

/** One sheet as read from a host. Row 0 is spreadsheet row 1. */
export interface GridSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  values: GridValue[][];
  /** Formula text (without "=") where a cell holds a formula, parallel to `values`; absent when the host gave none. */
  formulas?: Array<Array<string | null>>;
  /** Merged ranges ("B2:D3") in the sheet's order, when the reader was asked for them; their cells other than the top-left one read as null. */
  merges?: string[];
  /** Set by a reader that read only part of an oversized sheet: how many rows and columns it kept. */
  truncated?: { rows: number; cols: number };
}

/** A whole workbook as read from a host. `file` is the name shown in findings. */
export interface Grid {
  file?: string;
  sheets: GridSheet[];
  /** File modification time if known (used to pick the newest of duplicate submissions). */
  modified?: Date;
}
