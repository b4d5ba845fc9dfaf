/**
 * Dates as they arrive from hosts and users: Excel serial numbers (Office.js, openpyxl without styles),
 * JS Date cells (exceljs, Apps Script) and text typed over a date cell ("15/3/2026", "15-03-2026", "15.03.2026").
 */
import type { IsoDate } from "../plan/schema.js";
import type { GridValue } from "./grid.js";

const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after the fictitious 29/02/1900 (Lotus 1-2-3 compatibility). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts (31/12/9999). */
const MAX_SERIAL = 2_958_465;

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

/** Converts an Excel serial date (1900 system) to ISO; the time of day is dropped. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  // Serials 1..60 count from 31/12/1899 because Excel pretends 1900 was a leap year.
  const ms = whole < 61 ? Date.UTC(1899, 11, 31) + whole * DAY_MS : EXCEL_EPOCH_MS + whole * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Converts an ISO date to an Excel serial (1900 system). */
export function isoToExcelSerial(iso: IsoDate): number {
  return Math.round((isoToUtcMs(iso) - EXCEL_EPOCH_MS) / DAY_MS);
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

/** The calendar day of a clock reading (UTC), for "today" passed in by a host. */
export function isoFromInstant(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** Milliseconds of UTC midnight of an ISO date. */
export function isoToUtcMs(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** A UTC-midnight Date for an ISO date. */
export function isoToDate(iso: IsoDate): Date {
  return new Date(isoToUtcMs(iso));
}

/** Adds whole days to an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date(isoToUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Shows an ISO date as Vietnamese users write it: dd/mm/yyyy. */
export function formatViDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
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
