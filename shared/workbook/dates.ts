/**
 * Calendar-date conversions shared by the workbook builders, the renderers, the readers and both hosts: ISO dates,
 * spreadsheet serial numbers and the dd/mm/yyyy form users see (no clock, no time zone). Reading dates typed by users
 * lives in shared/entries/dates.ts.
 */
import type { IsoDate } from "../plan/schema.js";

const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after the fictitious 29/02/1900 (Lotus 1-2-3 compatibility); Sheets uses the same day 0. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts (31/12/9999). */
const MAX_SERIAL = 2_958_465;

/** Milliseconds of UTC midnight of an ISO date. */
export function isoToUtcMs(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Excel/Sheets serial day number of an ISO date (1900 system): written with a date format it shows the same day in any time zone. */
export function isoToExcelSerial(iso: IsoDate): number {
  return Math.round((isoToUtcMs(iso) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** Converts an Excel serial date (1900 system) to ISO; the time of day is dropped. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  // Serials 1..60 count from 31/12/1899 because Excel pretends 1900 was a leap year.
  const ms = whole < 61 ? Date.UTC(1899, 11, 31) + whole * DAY_MS : EXCEL_EPOCH_MS + whole * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A UTC-midnight Date for an ISO date. */
export function isoToDate(iso: IsoDate): Date {
  return new Date(isoToUtcMs(iso));
}

/** Adds whole days to an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date(isoToUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day of a clock reading (UTC), for "today" passed in by a host. */
export function isoFromInstant(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** Shows an ISO date as Vietnamese users write it: "2026-03-31" → "31/03/2026". */
export function formatViDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** True when `iso` is a real calendar date ("2026-02-30" is not). */
export function isValidIso(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
