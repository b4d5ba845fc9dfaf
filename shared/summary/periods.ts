/**
 * Reporting periods with the data cut-off of Nghị định 09/2019/NĐ-CP: a quarter runs from the 15th of the month
 * before it to the 14th of its last month (Q1/2026 = 15/12/2025 – 14/03/2026); the half-year report covers
 * 15/12 – 14/06 and the annual one 15/12 – 14/12. CCHC reports are made for Quý I, 6 tháng, Quý III and Năm.
 */
import type { IsoDate } from "../plan/schema.js";
import { isoFromParts } from "../entries/dates.js";
import { foldKey } from "../entries/normalize.js";
import { periodMessages as M } from "../messages/summary.js";

/** A quarter number. */
export type Quarter = 1 | 2 | 3 | 4;

/** A reporting quarter with its cut-off dates. */
export interface Period {
  quarter: Quarter;
  year: number;
  /** "Quý III/2026". */
  label: string;
  /** First day of data (inclusive). */
  from: IsoDate;
  /** Cut-off day (inclusive); the default as-of date. */
  to: IsoDate;
}

/** Whether a number is a quarter. */
export function isQuarter(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

function iso(year: number, month: number, day: number): IsoDate {
  const d = isoFromParts(year, month, day);
  if (!d) throw new RangeError(`no such day ${year}-${month}-${day}`);
  return d;
}

/** The reporting quarter Q of a year, with the legal cut-off (Q1 starts on 15/12 of the previous year). */
export function quarterPeriod(quarter: Quarter, year: number): Period {
  const lastMonth = quarter * 3;
  const from = quarter === 1 ? iso(year - 1, 12, 15) : iso(year, lastMonth - 3, 15);
  return { quarter, year, label: M.quarterLabel(quarter, year), from, to: iso(year, lastMonth, 14) };
}

/**
 * The periodic report a quarter closes: Quý I, 6 tháng (after Q2), Quý III, Năm (after Q4); cumulative from
 * 15/12 of the previous year for the half-year and annual reports.
 */
export function reportPeriod(quarter: Quarter, year: number): { label: string; from: IsoDate; to: IsoDate } {
  const q = quarterPeriod(quarter, year);
  if (quarter === 2) return { label: M.halfYearLabel(year), from: iso(year - 1, 12, 15), to: q.to };
  if (quarter === 4) return { label: M.yearLabel(year), from: iso(year - 1, 12, 15), to: q.to };
  return { label: q.label, from: q.from, to: q.to };
}

/** The quarter after this one. */
export function nextQuarter(quarter: Quarter, year: number): { quarter: Quarter; year: number } {
  return quarter === 4 ? { quarter: 1, year: year + 1 } : { quarter: (quarter + 1) as Quarter, year };
}

/** Last calendar day of a calendar quarter (deadlines "Quý IV/2026" fall due on 31/12, after the cut-off). */
export function calendarQuarterEnd(quarter: Quarter, year: number): IsoDate {
  return [iso(year, 3, 31), iso(year, 6, 30), iso(year, 9, 30), iso(year, 12, 31)][quarter - 1]!;
}

/** The reporting quarter whose cut-off window contains a date (15/12/2025 belongs to Quý I/2026). */
export function quarterOfDate(date: IsoDate): { quarter: Quarter; year: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // Shift by the cut-off: from the 15th a day belongs to the next month's reporting window.
  let m = day >= 15 ? month + 1 : month;
  let y = year;
  if (m === 13) {
    m = 1;
    y++;
  }
  return { quarter: Math.ceil(m / 3) as Quarter, year: y };
}

/** Name of the summary sheet: "Tổng hợp Quý III-2026" (Excel forbids "/" in sheet names; ≤ 31 characters). */
export function summarySheetName(quarter: Quarter, year: number): string {
  return M.summarySheet(quarter, year);
}

/** Name of the quarter-close sheet: "Chốt Quý III-2026". */
export function closeSheetName(quarter: Quarter, year: number): string {
  return M.closeSheet(quarter, year);
}

const ROMAN_TO_Q: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Recognises a close sheet by its name (case, diacritics and separators ignored): "Chốt Quý III-2026" → Q3 2026. */
export function parseCloseSheetName(name: string): { quarter: Quarter; year: number } | null {
  const m = /^chotquy(i|ii|iii|iv)(\d{4})$/.exec(foldKey(name));
  if (!m) return null;
  const quarter = ROMAN_TO_Q[m[1]!];
  return quarter ? { quarter, year: Number(m[2]) } : null;
}
