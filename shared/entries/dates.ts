/**
 * Dates as they arrive from hosts and users: Excel serial numbers (Office.js, openpyxl without styles),
 * JS Date cells (exceljs, Apps Script) and text typed over a date cell ("15/3/2026", "15-03-2026", "15.03.2026").
 */
import type { IsoDate } from "../plan/schema.js";
import { excelSerialToIso } from "../workbook/dates.js";
import type { GridValue } from "./grid.js";

// The serial/ISO conversions live with the workbook builders; re-exported so entries code and hosts keep one import.
export {
  addDays,
  excelSerialToIso,
  formatViDate,
  isoFromInstant,
  isoToDate,
  isoToExcelSerial,
  isoToUtcMs,
} from "../workbook/dates.js";

const DAY_MS = 86_400_000;

/** What reading a date cell gave: nothing, a date (and whether it was typed as text), or something unreadable. */
export type DateRead =
  | { kind: "empty" }
  | { kind: "date"; iso: IsoDate; asText: boolean }
  | { kind: "invalid"; text: string };

/** Builds an ISO date from parts, or null when the day does not exist (31/02). */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar day a JS Date cell stands for. exceljs gives UTC midnight; Apps Script gives local midnight of
 * the spreadsheet's time zone (17:00 UTC the day before in Vietnam), so round to the nearest UTC day.
 */
export function isoFromDateCell(d: Date): IsoDate | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const rounded = new Date(Math.round(t / DAY_MS) * DAY_MS);
  const y = rounded.getUTCFullYear();
  if (y < 1900 || y > 9999) return null;
  return rounded.toISOString().slice(0, 10);
}

const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const WORDS = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i;

/** Reads a date typed as text (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, "ngày 15 tháng 3 năm 2026"). */
export function parseTextDate(text: string): IsoDate | null {
  const t = text.normalize("NFC").trim();
  let m = DMY.exec(t);
  if (m) return isoFromParts(Number(m[4]), Number(m[3]), Number(m[1]));
  m = YMD.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = WORDS.exec(t);
  if (m) return isoFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Reads a cell that should hold a date, whatever the host put there. */
export function readDateCell(v: GridValue): DateRead {
  if (v === null || v === undefined) return { kind: "empty" };
  if (v instanceof Date) {
    const iso = isoFromDateCell(v);
    return iso ? { kind: "date", iso, asText: false } : { kind: "invalid", text: String(v) };
  }
  if (typeof v === "number") {
    const iso = excelSerialToIso(v);
    return iso ? { kind: "date", iso, asText: false } : { kind: "invalid", text: String(v) };
  }
  if (typeof v === "boolean") return { kind: "invalid", text: String(v) };
  const text = v.trim();
  if (text === "") return { kind: "empty" };
  const iso = parseTextDate(text);
  return iso ? { kind: "date", iso, asText: true } : { kind: "invalid", text };
}
