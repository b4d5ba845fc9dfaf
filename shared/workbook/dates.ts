/** Calendar-date helpers for the workbook builder (ISO dates only; no clock, no time zone). */
import type { IsoDate } from "../plan/schema.js";

/** Excel/Sheets serial day number of an ISO date (day 0 = 1899-12-30, the 1900 system with Excel's leap-year bug absorbed). */
export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000) + 25_569;
}

/** "2026-03-31" → "31/03/2026" (how dates are shown to users). */
export function isoToVi(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The ISO date of a Date's UTC calendar day. */
export function dateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** True when `iso` is a real calendar date ("2026-02-30" is not). */
export function isValidIso(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
