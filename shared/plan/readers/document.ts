/**
 * The neutral shape every office-format reader (.docx, .pdf, .xlsx) produces: the document's paragraphs and
 * tables in reading order. One function turns it into a Plan, so the formats share the plan model.
 */

/** A table as rows of cell strings; merged cells are expanded so every row has every column. */
export interface DocTable {
  rows: string[][];
  /** Page (1-based) on which each row starts, when the format has pages (PDF). */
  rowPages?: number[];
  /** Where the table sits, for messages: the sheet of a workbook. */
  sheet?: string;
}

/** One block of a document in reading order. */
export type DocBlock =
  | { kind: "paragraph"; text: string; page?: number }
  | { kind: "table"; table: DocTable; page?: number };

/** A document reduced to paragraphs and tables, plus warnings about what could not be read. */
export interface ExtractedDocument {
  blocks: DocBlock[];
  warnings: { page?: number; line?: number; message: string }[];
}

/** Pads every row to the same width with empty strings (merged-cell expansion leaves ragged rows otherwise). */
export function squareRows(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill("")]));
}

/** Collapses runs of spaces/tabs inside each line and trims; keeps line breaks (they separate units in a cell). */
export function tidyCellText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\t\u00a0 ]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}
