/**
 * Cell values between WorkbookSpec / Grid and Apps Script. Writes go through `setValues`, which parses strings the way
 * a user's typing is parsed ("2.1" becomes a number, "=…" a formula), so text is written with a leading apostrophe —
 * Sheets' own marker for "this is text", which it does not store — and formulas with their "=".
 */
import type { CellValue } from "../../../shared/workbook/spec.js";
import type { GridValue } from "../../../shared/entries/grid.js";
import { isoToExcelSerial } from "../../../shared/workbook/dates.js";

const DAY_MS = 86_400_000;

/** A value as `Range.setValues` takes it. */
export type SheetsInput = string | number | boolean;

/** The serial day number of an ISO date: written as a number with a date format, it shows the same day in any time zone. */
export const isoToSerial = isoToExcelSerial;

/** Converts a spec value into what `setValues` must receive so that Sheets stores exactly that value. */
export function toSheetsInput(v: CellValue | undefined): SheetsInput {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (v.kind === "date") return isoToSerial(v.iso);
  return `=${v.formula.replace(/^=/, "")}`;
}

/** True when a spec value is a date (the renderer gives it a date format if its style has none). */
export function isDateValue(v: CellValue | undefined): boolean {
  return typeof v === "object" && v !== null && v.kind === "date";
}

/**
 * Offset in milliseconds to add to a Date read from a sheet to reach UTC midnight of the day it shows. Sheets returns
 * dates as local midnight of the spreadsheet's time zone; `zoneOffset` is that zone's offset as "+0700".
 */
export function offsetMs(zoneOffset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zoneOffset.trim());
  if (!m) return 0;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === "-" ? -ms : ms;
}

/**
 * A value from `getValues()` as a Grid holds it: "" becomes null, a Date becomes UTC midnight of the calendar day it
 * shows in the spreadsheet's zone (rounded, so a daylight-saving hour cannot move it to another day).
 */
export function fromSheetsValue(v: unknown, zoneMs: number): GridValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
    const t = (v as Date).getTime();
    if (!Number.isFinite(t)) return null;
    return new Date(Math.round((t + zoneMs) / DAY_MS) * DAY_MS);
  }
  return String(v);
}
