/** The reporting period a command works on: what the user picked in the task pane, else the current one. */
import { isoFromInstant, isoFromParts, isoToDate } from "../../shared/entries/dates.js";
import type { IsoDate } from "../../shared/plan/schema.js";
import { quarterOfDate, quarterPeriod, type Quarter } from "../../shared/summary/periods.js";

/** A quarter, its year and the as-of date (a calendar date at UTC midnight, as the core expects). */
export interface ReportChoice {
  quarter: Quarter;
  year: number;
  asOf: Date;
}

/** What the user chose in the task pane (any part may be missing). */
export interface PeriodSettings {
  quarter?: Quarter;
  year?: number;
  /** ISO date. */
  asOf?: IsoDate;
}

/** Today's local calendar date as an ISO date (the user's day, not UTC's). */
export function localIso(now: Date): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? isoFromInstant(now);
}

/**
 * Resolves the period: the user's quarter/year/as-of where given; otherwise the reporting quarter whose cut-off
 * window contains today (Nghị định 09/2019: from the 15th a day belongs to the next quarter's window), as of today
 * — or as of the quarter's cut-off when the chosen quarter is already over.
 */
export function resolvePeriod(settings: PeriodSettings, now: Date): ReportChoice {
  const today = localIso(now);
  const current = quarterOfDate(today);
  const quarter = settings.quarter ?? current.quarter;
  const year = settings.year ?? current.year;
  if (settings.asOf) return { quarter, year, asOf: isoToDate(settings.asOf) };
  const period = quarterPeriod(quarter, year);
  const asOf = today < period.to ? today : period.to;
  return { quarter, year, asOf: isoToDate(asOf) };
}
