/**
 * "Tổng hợp quý…" and "Chốt quý…": the period dialog sends a quarter, a year and an optional as-of date; the
 * summary sheet's charts of the completion rate by area and by lead unit come with its spec.
 */
import { UnusableInputError } from "../../../shared/errors.js";
import { parseTextDate } from "../../../shared/entries/dates.js";
import { readEntries } from "../../../shared/entries/read.js";
import type { Entries } from "../../../shared/entries/schema.js";
import { sheetsCommandMessages as M } from "../../../shared/messages/sheets.js";
import { buildCloseSheet } from "../../../shared/summary/close.js";
import { closeSheetName, isQuarter, quarterOfDate, type Quarter } from "../../../shared/summary/periods.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { buildSummarySheet } from "../../../shared/summary/summary-sheet.js";
import { activeSpreadsheet, localDate, renderTexts, todayIso, utcDate, withDocumentLock, type CommandResult } from "../host.js";
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

/** Builds the quarter's summary sheet (replacing an earlier one) with its charts. */
export function runSummary(req: PeriodRequest): CommandResult {
  const p = parsePeriod(req);
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const entries = trackerEntries(ss);
    const summary = summarise(entries, { quarter: p.quarter, year: p.year, ...(p.asOf ? { asOf: utcDate(p.asOf) } : {}) });
    const spec = buildSummarySheet(summary, entries);
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
