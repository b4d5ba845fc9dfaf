/**
 * "Tổng hợp quý…" and "Chốt quý…": the period dialog sends a quarter, a year and an optional as-of date; the
 * summary sheet gets native Sheets charts of the completion rate by area and by lead unit.
 */
import { UnusableInputError } from "../../../shared/errors.js";
import { parseTextDate } from "../../../shared/entries/dates.js";
import { readEntries } from "../../../shared/entries/read.js";
import type { Entries } from "../../../shared/entries/schema.js";
import { sheetsChartMessages as C, sheetsCommandMessages as M } from "../../../shared/messages/sheets.js";
import { buildCloseSheet } from "../../../shared/summary/close.js";
import { closeSheetName, isQuarter, quarterOfDate, type Quarter } from "../../../shared/summary/periods.js";
import { summarise, type Summary } from "../../../shared/summary/summarise.js";
import { buildSummarySheet } from "../../../shared/summary/summary-sheet.js";
import type { CellSpec, ChartSpec, WorkbookSpec } from "../../../shared/workbook/spec.js";
import { activeSpreadsheet, localDate, renderTexts, todayIso, utcDate, withDocumentLock, type CommandResult } from "../host.js";
import { colLetters } from "../sheets/a1.js";
import { renderWorkbook } from "../sheets/render.js";
import { readTracker } from "./tracker.js";

/** What the period dialog sends. */
export interface PeriodRequest {
  quarter: number | string;
  year: number | string;
  /** dd/mm/yyyy or yyyy-mm-dd; empty = the quarter's cut-off. */
  asOf?: string;
}

/** A validated period request. */
export interface Period {
  quarter: Quarter;
  year: number;
  asOf: string | null;
}

/** Defaults shown by the dialog: the reporting quarter that contains today. */
export function defaultPeriod(): { quarter: Quarter; year: number } {
  return quarterOfDate(todayIso());
}

/** Checks the dialog's fields. */
export function parsePeriod(req: PeriodRequest): Period {
  const q = Number(req.quarter);
  if (!isQuarter(q)) throw new UnusableInputError(M.badQuarter(String(req.quarter)));
  const year = Number(req.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UnusableInputError(M.badYear(String(req.year)));
  const text = (req.asOf ?? "").trim();
  let asOf: string | null = null;
  if (text) {
    asOf = parseTextDate(text);
    if (!asOf) throw new UnusableInputError(M.badDate(text));
  }
  return { quarter: q, year, asOf };
}

/**
 * Reads the tracker's entries; a spreadsheet without a task table is refused. Completion dates are checked against
 * today (a future date is a typing error), not against the report's as-of date: a task finished after the cut-off is
 * the summary's business (it counts as in progress), not an invalid entry.
 */
function trackerEntries(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Entries {
  const { entries } = readEntries(readTracker(ss), { asOf: utcDate(todayIso()) });
  if (!entries) throw new UnusableInputError(M.checkNoTracker);
  return entries;
}

/**
 * Adds the completion-rate charts to a summary sheet whose spec has none: a small data block to the right of the
 * report (area or unit, rate in %) and one bar chart per block beside it.
 */
export function withCompletionCharts(spec: WorkbookSpec, summary: Summary): WorkbookSpec {
  const sheet = spec.sheets[0];
  if (!sheet || (sheet.charts && sheet.charts.length > 0)) return spec;
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.cells.length));
  const nameCol = width + 2;
  const rateCol = nameCol + 1;
  const chartCol = rateCol + 2;
  const rows = sheet.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const put = (row: number, col: number, cell: CellSpec) => {
    while (rows.length < row) rows.push({ cells: [] });
    const cells = rows[row - 1]!.cells;
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = cell;
  };
  const pct = (rate: number) => Math.round(rate * 1000) / 10;
  const blocks = [
    { title: C.byAreaTitle, header: C.areaHeader, items: summary.byArea.map((g) => ({ name: g.area ?? C.noArea, rate: pct(g.totals.completionRate) })) },
    { title: C.byLeadTitle, header: C.leadHeader, items: summary.byLead.map((g) => ({ name: g.unit ?? C.noLead, rate: pct(g.totals.completionRate) })) },
  ];
  const charts: ChartSpec[] = [];
  put(1, nameCol, { v: C.dataTitle, s: "chartDataTitle" });
  let row = 3;
  for (const block of blocks) {
    if (block.items.length === 0) continue;
    put(row, nameCol, { v: block.header, s: "chartDataHeader" });
    put(row, rateCol, { v: C.rateHeader, s: "chartDataHeader" });
    const first = row + 1;
    block.items.forEach((item, i) => {
      put(first + i, nameCol, { v: item.name, s: "chartDataText" });
      put(first + i, rateCol, { v: item.rate, s: "chartDataRate" });
    });
    const last = first + block.items.length - 1;
    const height = Math.max(12, block.items.length + 4);
    charts.push({
      type: "bar",
      title: block.title,
      categories: `${colLetters(nameCol)}${first}:${colLetters(nameCol)}${last}`,
      series: [{ name: C.rateHeader, values: `${colLetters(rateCol)}${first}:${colLetters(rateCol)}${last}` }],
      anchor: `${colLetters(chartCol)}${row}`,
      width: 8,
      height,
    });
    row = Math.max(last, row + height) + 2;
  }
  const columns = [...sheet.columns];
  while (columns.length < nameCol - 1) columns.push({ width: 10 });
  columns[nameCol - 2] = { width: 3 };
  columns[nameCol - 1] = { width: 34 };
  columns[rateCol - 1] = { width: 12 };
  return {
    ...spec,
    styles: {
      ...spec.styles,
      chartDataTitle: { bold: true, fontName: "Times New Roman", fontSize: 11 },
      chartDataHeader: { bold: true, fill: "D9E1F2", border: "thin", wrap: true, fontName: "Times New Roman", fontSize: 10 },
      chartDataText: { border: "thin", wrap: true, fontName: "Times New Roman", fontSize: 10 },
      chartDataRate: { border: "thin", numFmt: "0.0", fontName: "Times New Roman", fontSize: 10 },
    },
    sheets: [{ ...sheet, rows, columns, charts }, ...spec.sheets.slice(1)],
  };
}

/** Builds the quarter's summary sheet (replacing an earlier one) with its charts. */
export function runSummary(req: PeriodRequest): CommandResult {
  const p = parsePeriod(req);
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const entries = trackerEntries(ss);
    const summary = summarise(entries, { quarter: p.quarter, year: p.year, ...(p.asOf ? { asOf: utcDate(p.asOf) } : {}) });
    const spec = withCompletionCharts(buildSummarySheet(summary, entries), summary);
    renderWorkbook(ss, spec, renderTexts());
    return { ok: true, message: M.summaryDone(spec.sheets[0]!.name) };
  });
}

/** Closes the quarter: writes its close sheet unless one exists (history is never overwritten). */
export function runClose(req: PeriodRequest): CommandResult {
  const p = parsePeriod(req);
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const name = closeSheetName(p.quarter, p.year);
    if (ss.getSheetByName(name)) return { ok: false, message: M.closeExists(name) };
    const entries = trackerEntries(ss);
    const spec = buildCloseSheet(entries, {
      quarter: p.quarter,
      year: p.year,
      ...(p.asOf ? { asOf: utcDate(p.asOf) } : {}),
      closedOn: localDate(todayIso()),
    });
    renderWorkbook(ss, spec, renderTexts());
    return { ok: true, message: M.closeDone(spec.sheets[0]?.name ?? name, entries.rows.length) };
  });
}
