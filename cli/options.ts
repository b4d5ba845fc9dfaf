/** Command-line options shared by the commands: parseArgs with the Vietnamese usage error, and the period options. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseTextDate } from "../shared/entries/dates.js";
import { UsageError } from "../shared/errors.js";
import { commonMessages as C } from "../shared/messages/index.js";
import { isQuarter, type Quarter } from "../shared/summary/periods.js";

/** parseArgs with positionals allowed; an unknown or malformed option is a UsageError followed by the command's usage. */
export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: O }>({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(`${C.badOption(parseArgsDetail(error))}\n${usage}`);
  }
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

/** Parses --year (a four-digit year). */
export function parseYearOption(text: string): number {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) throw new UsageError(C.badYear(text));
  return Number(t);
}

/** Parses --as-of (YYYY-MM-DD or dd/mm/yyyy) into a UTC-midnight date (the core's `asOf` convention). */
export function parseAsOfOption(text: string): Date {
  const iso = parseTextDate(text);
  if (!iso) throw new UsageError(C.badAsOf(text));
  return new Date(`${iso}T00:00:00Z`);
}

/** Today's local calendar date as a UTC-midnight Date (the convention of the shared core's `asOf`). */
export function localToday(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The calendar quarter and year of a moment (the default reporting quarter). */
export function quarterOfNow(now: Date): { quarter: Quarter; year: number } {
  return { quarter: (Math.floor(now.getUTCMonth() / 3) + 1) as Quarter, year: now.getUTCFullYear() };
}
