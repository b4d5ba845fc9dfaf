/**
 * The task table as CSV for Excel users: UTF-8 with a byte-order mark (without it Excel on Windows reads Vietnamese
 * as ANSI and garbles it), CRLF line ends, RFC 4180 quoting, and every cell that a spreadsheet could take for a
 * formula — starting with = + - @, a tab or a carriage return — prefixed with an apostrophe (OWASP's CSV injection
 * advice), so "=HYPERLINK(…)" typed into a result cell stays text.
 */
import type { ReportData } from "./data.js";
import { DEFAULT_FORM, type TableLayout } from "./layouts.js";
import { buildTable } from "./table.js";

/** The byte-order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** Neutralises text a spreadsheet would run as a formula. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, and quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The task table of a report as CSV text (with the BOM; write it as UTF-8). */
export function buildTaskCsv(data: ReportData, layout: TableLayout = DEFAULT_FORM.csv): string {
  const table = buildTable(layout, data);
  const lines = [table.columns.map((c) => csvField(c.header)).join(",")];
  for (const row of table.rows) lines.push(row.map((c) => csvField(c.text)).join(","));
  return UTF8_BOM + lines.join("\r\n") + "\r\n";
}
