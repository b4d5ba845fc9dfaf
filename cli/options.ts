/** Command-line options shared by the commands: parseArgs with the Vietnamese usage error, and the period options. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatViDate, parseTextDate } from "../shared/entries/dates.js";
import { UsageError } from "../shared/errors.js";
import { commonMessages as C } from "../shared/messages/index.js";
import { isQuarter, type Quarter } from "../shared/summary/periods.js";

/** parseArgs with positionals allowed; an unknown or malformed option is a UsageError followed by the command's usage. */
export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: O }>({ args: joinNegativeValues(argv, options), allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(`${C.badOption(parseArgsDetail(error))}\n${usage}`);
  }
}

/**
 * `--quarter -1`: parseArgs takes "-1" for an option and reports the value missing; a value that starts with a minus
 * and a digit is the option's value (then refused for what it is: "Quý "-1" không hợp lệ").
 */
function joinNegativeValues(argv: string[], options: NonNullable<ParseArgsConfig["options"]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith("--") ? a.slice(2) : Object.keys(options).find((k) => options[k]!.short !== undefined && a === `-${options[k]!.short}`);
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** node:util's parseArgs errors are English; name the option in Vietnamese instead (the user never sees Node's text). */
function parseArgsDetail(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const option = /'(-[^',\s]+)(?:, (--[^'\s]+))?/.exec(message);
  const name = option ? (option[2] ?? option[1]!) : "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return C.unknownOption(name);
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message) ? C.optionTakesNoValue(name) : C.optionNeedsValue(name);
  }
  return name ? C.unknownOption(name) : message;
}

/** Parses --quarter: 1, 2, 3 or 4. */
export function parseQuarterOption(text: string): Quarter {
  const n = Number(text.trim());
  if (!/^[1-4]$/.test(text.trim()) || !isQuarter(n)) throw new UsageError(C.badQuarter(text));
  return n;
}

/** Years every command accepts (init, summary, merge, export; the add-in and Apps Script use the same range). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** Parses --year: a four-digit year from 2000 to 2100. */
export function parseYearOption(text: string): number {
  const t = text.trim();
  if (!/^\d{4}$/.test(t) || Number(t) < YEAR_RANGE.min || Number(t) > YEAR_RANGE.max) throw new UsageError(C.badYear(text));
  return Number(t);
}

/** Parses --as-of (YYYY-MM-DD or dd/mm/yyyy, a year from 2000 to 2100) into a UTC-midnight date (the core's `asOf` convention). */
export function parseAsOfOption(text: string): Date {
  const iso = parseTextDate(text);
  const year = iso ? Number(iso.slice(0, 4)) : 0;
  if (!iso || year < YEAR_RANGE.min || year > YEAR_RANGE.max) throw new UsageError(C.badAsOf(text));
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Refuses a --year outside the plan's period (a tracker's _meta periodFrom/periodTo): its report would be all "not
 * started" or all overdue, and look plausible.
 */
export function refuseYearOutsidePlan(year: number, periodFrom: string | null, periodTo: string | null): void {
  if (!periodFrom || !periodTo) return;
  if (year < Number(periodFrom.slice(0, 4)) || year > Number(periodTo.slice(0, 4))) {
    throw new UsageError(C.yearOutsidePlan(year, formatViDate(periodFrom), formatViDate(periodTo)));
  }
}

/** Today's local calendar date as a UTC-midnight Date (the convention of the shared core's `asOf`). */
export function localToday(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The calendar quarter and year of a moment (the default reporting quarter). */
export function quarterOfNow(now: Date): { quarter: Quarter; year: number } {
  return { quarter: (Math.floor(now.getUTCMonth() / 3) + 1) as Quarter, year: now.getUTCFullYear() };
}
