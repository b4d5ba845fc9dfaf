/** Deadline normalisation (domain.md, "Deadlines"): the plan's own words → kind + due date + note. */
import { planMessages as M } from "../messages/plan.js";
import type { Deadline, DeadlineKind } from "./schema.js";
import { fold, squash } from "./text.js";

/** Context for reading a deadline: the plan's year and period (for "Giai đoạn …" and year-less texts). */
export interface DeadlineContext {
  year: number;
  period: { from: string; to: string };
}

/** Formats a calendar date as ISO "YYYY-MM-DD" (month 1-12). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Number of days in a month (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day before a date (month 1-12): "Trước 01/6/2026" is due 31/5/2026. */
function dayBefore(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const endOfMonth = (year: number, month: number): string => isoDate(year, month, daysInMonth(year, month));
const endOfQuarter = (year: number, q: number): string => endOfMonth(year, q * 3);

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Quarter number from "I".."IV" or "1".."4" (already folded to lower case). */
function quarterNumber(token: string): number | null {
  const q = ROMAN[token] ?? Number(token);
  return Number.isInteger(q) && q >= 1 && q <= 4 ? q : null;
}

// A quarter token: Roman I–IV or Arabic 1–4, not followed by another letter/digit.
const Q = String.raw`(iv|iii|ii|i|[1-4])(?![a-z0-9])`;
// The year after a quarter or month: "/2026", " năm 2026", "-2026".
const YEAR = String.raw`(?:\s*(?:/|-|nam)\s*(\d{4}))?`;
// A day/month/year date: 15/10/2026, 15-10-2026, 15.10.2026, "15 tháng 10 năm 2026".
const DATE = String.raw`(\d{1,2})\s*(?:[/.-]|thang)\s*(\d{1,2})\s*(?:[/.-]|nam)\s*(\d{4})`;
const RECURRING = /^(thuong xuyen|hang (quy|nam|thang|tuan|ngay)|dinh ky|lien tuc|hang ky)\b/;
// Patterns over folded text, compiled once.
const QUARTER_PAIR = new RegExp(String.raw`^(?:trong |tu )?quy ${Q}(?:\s*/\s*\d{4})?\s*(?:-|,|;|den|va)\s*(?:quy )?${Q}${YEAR}$`);
const QUARTER_TRIPLE = new RegExp(String.raw`^(?:trong |tu )?quy ${Q}\s*(?:,|-)\s*${Q}\s*(?:,|-|va)\s*(?:quy )?${Q}${YEAR}$`);
const BEFORE_QUARTER = new RegExp(String.raw`^truoc (?:ngay )?quy ${Q}${YEAR}$`);
const QUARTER = new RegExp(String.raw`^(?:trong |cuoi |hoan thanh (?:trong )?)?quy ${Q}${YEAR}$`);
const BEFORE_DATE = new RegExp(String.raw`^truoc (?:ngay )?${DATE}$`);
const BEFORE_MONTH = new RegExp(String.raw`^truoc thang (\d{1,2})${YEAR}$`);
const ON_DATE = new RegExp(String.raw`^(?:trong |cham nhat |den |den het |hoan thanh |truoc het )?(?:ngay )?${DATE}$`);
const MONTH_RANGE = new RegExp(String.raw`^(?:trong |tu )?thang (\d{1,2})\s*(?:-|,|den|va)\s*(?:thang )?(\d{1,2})${YEAR}$`);
const MONTH = new RegExp(String.raw`^(?:trong |cuoi |hoan thanh trong )?thang (\d{1,2})${YEAR}$`);

/**
 * Splits a trailing condition off a deadline text: "Quý II/2026 (sau khi Bộ Nội vụ công bố)" →
 * ["Quý II/2026", "sau khi Bộ Nội vụ công bố"]; also an unbracketed "… sau khi …" tail.
 */
function splitNote(text: string): [string, string | null] {
  const bracket = /^(.*\S)\s*\(([^()]*)\)\s*$/s.exec(text);
  if (bracket && bracket[1] && bracket[2] !== undefined) return [bracket[1], squash(bracket[2]) || null];
  const tail = /^(.*?\S)\s*[,;]?\s+((?:sau khi|khi|tùy theo|tuỳ theo|theo)\s.*)$/isu.exec(text);
  if (tail && tail[1] && tail[2] && /\d{4}|quý|tháng|năm/iu.test(tail[1])) return [tail[1], squash(tail[2])];
  return [text, null];
}

interface Reading {
  kind: DeadlineKind;
  due: string | null;
}

/** Reads the core of a deadline text (folded, condition removed); null when not recognised. */
function readCore(f: string, ctx: DeadlineContext): Reading | null {
  const year = (y: string | undefined): number => (y ? Number(y) : ctx.year);
  let m: RegExpExecArray | null;

  if (RECURRING.test(f)) return { kind: "recurring", due: null };

  // Plan period: "Giai đoạn 2026 - 2030", "2026 - 2030", "từ năm 2026 đến năm 2030".
  if ((m = /^(?:(?:trong )?giai doan |tu nam |nam )?(\d{4})\s*(?:-|den(?: nam)?)\s*(\d{4})$/.exec(f))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to >= from) return { kind: "period", due: isoDate(to, 12, 31) };
  }
  if (/^(?:trong )?(?:ca )?giai doan(?: ke hoach)?$/.test(f)) return { kind: "period", due: ctx.period.to };

  // Half-year and similar: "6 tháng đầu năm 2026" → 30/06, "6 tháng cuối năm 2026" → 31/12, "9 tháng đầu năm".
  if ((m = /^(?:trong )?(\d{1,2}) thang (dau|cuoi) nam\s*(\d{4})?$/.exec(f))) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 12) {
      const y = year(m[3]);
      return { kind: "range", due: m[2] === "dau" ? endOfMonth(y, n) : isoDate(y, 12, 31) };
    }
  }

  // Quarter ranges: "Quý II-IV/2026", "Quý III, IV/2026", "Quý II đến Quý IV năm 2026", "Quý I và Quý III/2026".
  if ((m = QUARTER_PAIR.exec(f))) {
    const a = quarterNumber(m[1] ?? "");
    const b = quarterNumber(m[2] ?? "");
    if (a && b && b > a) return { kind: "range", due: endOfQuarter(year(m[3]), b) };
  }
  if ((m = QUARTER_TRIPLE.exec(f))) {
    const c = quarterNumber(m[3] ?? "");
    if (c) return { kind: "range", due: endOfQuarter(year(m[4]), c) };
  }

  // "Trước Quý III/2026" → the day before the quarter starts.
  if ((m = BEFORE_QUARTER.exec(f))) {
    const q = quarterNumber(m[1] ?? "");
    if (q) return { kind: "date", due: dayBefore(year(m[2]), (q - 1) * 3 + 1, 1) };
  }

  // Single quarter: "Quý I/2026", "Trong Quý 2 năm 2026", "Quý IV".
  if ((m = QUARTER.exec(f))) {
    const q = quarterNumber(m[1] ?? "");
    if (q) return { kind: "quarter", due: endOfQuarter(year(m[2]), q) };
  }

  // Before a date: "Trước 01/6/2026", "Trước ngày 30/11/2026" → the day before.
  if ((m = BEFORE_DATE.exec(f))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) return { kind: "date", due: dayBefore(y, mo, d) };
    return null;
  }
  // Before a month: "Trước tháng 6/2026" → last day of the previous month.
  if ((m = BEFORE_MONTH.exec(f))) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) return { kind: "date", due: dayBefore(year(m[2]), mo, 1) };
  }
  // Before a year-less date: "Trước 30/11" (the plan's year).
  if ((m = /^truoc (?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(f))) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (validDate(ctx.year, mo, d)) return { kind: "date", due: dayBefore(ctx.year, mo, d) };
    return null;
  }

  // A date: "Trong ngày 31/12/2026", "15/10/2026", "Chậm nhất ngày 15/10/2026", "Đến hết ngày …".
  if ((m = ON_DATE.exec(f))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? { kind: "date", due: isoDate(y, mo, d) } : null;
  }

  // Month ranges: "Tháng 6-7/2026", "Tháng 6 đến tháng 9/2026".
  if ((m = MONTH_RANGE.exec(f))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1 && b <= 12 && b > a) return { kind: "range", due: endOfMonth(year(m[3]), b) };
  }
  // A month: "Tháng 01/2026", "Tháng 6 năm 2026", "Trong tháng 6/2026".
  if ((m = MONTH.exec(f))) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) return { kind: "month", due: endOfMonth(year(m[2]), mo) };
  }
  // Month/year without the word "tháng": "06/2026".
  if ((m = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(f))) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) return { kind: "month", due: endOfMonth(Number(m[2]), mo) };
  }

  // A year: "Năm 2026", "Trong năm 2026", "Cả năm 2026", "2026".
  if ((m = /^(?:trong |ca |hoan thanh trong |cuoi )?(?:nam )?(\d{4})$/.exec(f))) {
    return { kind: "year", due: isoDate(Number(m[1]), 12, 31) };
  }
  if (/^(?:trong |ca )?nam$/.test(f)) return { kind: "year", due: isoDate(ctx.year, 12, 31) };

  return null;
}

/** A deadline together with whether its text was recognised (false → the plan-end fallback was used). */
export interface DeadlineReading {
  deadline: Deadline;
  recognised: boolean;
}

/**
 * Reads a deadline text and says whether it was recognised, so that a reader can attach a warning with the
 * line number when it was not.
 */
export function readDeadline(raw: string, ctx: DeadlineContext): DeadlineReading {
  const text = squash(raw.normalize("NFC"));
  const [core, condition] = splitNote(text);
  // Trailing punctuation (";", ".") is layout noise, not meaning.
  const folded = fold(core).replace(/[.;,:]+$/, "").trim();
  const reading = folded ? readCore(folded, ctx) : null;
  if (reading) return { deadline: { raw: text, kind: reading.kind, due: reading.due, note: condition }, recognised: true };
  const why = text ? M.deadlineUnrecognised : M.deadlineEmpty;
  return {
    deadline: { raw: text, kind: "period", due: ctx.period.to, note: condition ? `${condition}. ${why}` : why },
    recognised: false,
  };
}

/**
 * Reads a deadline text such as "Quý II/2026 (sau khi …)" into a Deadline. `raw` keeps the plan's words
 * (whitespace collapsed); a trailing condition goes to `note`. Unrecognised text yields kind "period" with the
 * plan's end date and a note saying so (use readDeadline to know when to warn).
 */
export function parseDeadline(raw: string, ctx: DeadlineContext): Deadline {
  return readDeadline(raw, ctx).deadline;
}
