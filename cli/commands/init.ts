/**
 * `cchc init <plan> -o <tracker.xlsx | dir/> [--unit] [--year] [--as-of YYYY-MM-DD]`: reads a plan and writes
 * the tracker workbook for one unit.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { UnusableInputError, UsageError } from "../../shared/errors.js";
import { commonMessages as C, planMessages, workbookMessages as M } from "../../shared/messages/index.js";
import { parsePlanBytes, type Plan } from "../../shared/plan/index.js";
import { buildTracker, tableLines } from "../../shared/workbook/build-tracker.js";
import { isValidIso } from "../../shared/workbook/dates.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";
import { readInputFile, writeOutputFile } from "../files.js";
import { existingOutput, refuseInputAsOutput } from "../guard.js";
import { emitJson } from "../output.js";
import type { CliIo } from "../io.js";
import { parseOptions, refuseYearOutsidePlan, YEAR_RANGE } from "../options.js";

/** Where the tracker goes: `-o` names a file, or a directory (existing, or written with a trailing "/"). */
export async function resolveOutput(output: string, planFile: string): Promise<string> {
  const stem = path.basename(planFile).replace(/\.[^.]+$/, "");
  if (/[\\/]$/.test(output)) return path.join(output, `${stem}.xlsx`);
  const info = await stat(output).catch(() => null);
  if (info?.isDirectory()) return path.join(output, `${stem}.xlsx`);
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`${M.initNotXlsx(output)}\n${M.initUsage}`);
  return output;
}

/**
 * Refuses to replace an existing file unless it is a tracker nobody has typed into (so `npm start` can be re-run):
 * writing a fresh tracker over a filled one would silently lose a quarter's entries.
 */
export async function refuseOverwrite(output: string, force = false): Promise<void> {
  if (force) return;
  const existing = await existingOutput(output);
  if (existing.kind === "none" || (existing.kind === "tracker" && existing.filled === 0)) return;
  const filled = existing.kind === "tracker" ? existing.filled : 0;
  throw new UnusableInputError(M.initWouldOverwrite(output, filled), { file: output }, undefined, "wouldOverwrite");
}

/** The local calendar date of a moment, as ISO (users think in their own day, not UTC's). */
function localIso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The year a tracker follows by default: today's year inside the plan period, else the period's first year. */
export function defaultYear(plan: Plan, today: string): number {
  const from = Number(plan.period.from.slice(0, 4));
  const to = Number(plan.period.to.slice(0, 4));
  const now = Number(today.slice(0, 4));
  return now >= from && now <= to ? now : from;
}

/** Runs `cchc init`; exit 0 when the tracker was written, 2 for bad arguments or an unusable plan. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    {
      output: { type: "string", short: "o" },
      unit: { type: "string" },
      year: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    M.initUsage,
  );
  if (values.help) {
    io.out(M.initUsage + "\n");
    return 0;
  }
  const [planFile, ...extra] = positionals;
  if (!planFile) throw new UsageError(`${M.initMissingPlan}\n${M.initUsage}`);
  if (extra.length > 0) throw new UsageError(`${M.initTooManyPlans}\n${M.initUsage}`);
  if (!values.output) throw new UsageError(`${M.initMissingOutput}\n${M.initUsage}`);

  let year: number | undefined;
  if (values.year !== undefined) {
    const y = values.year.trim();
    if (!/^\d{4}$/.test(y) || Number(y) < YEAR_RANGE.min || Number(y) > YEAR_RANGE.max) throw new UsageError(M.initBadYear(values.year));
    year = Number(y);
  }
  const asOfArg = values["as-of"]?.trim();
  const asOfYear = Number(asOfArg?.slice(0, 4));
  if (asOfArg !== undefined && (!isValidIso(asOfArg) || asOfYear < YEAR_RANGE.min || asOfYear > YEAR_RANGE.max)) throw new UsageError(M.initBadAsOf(values["as-of"] ?? ""));
  if (values.unit !== undefined && values.unit.trim() === "") throw new UsageError(M.initBadUnit);

  const output = await resolveOutput(values.output, planFile);
  await refuseInputAsOutput(output, [planFile], values.force);
  const plan = await parsePlanBytes(await readInputFile(planFile, planMessages.isDirectory), planFile);
  if (plan.tasks.length === 0) throw new UnusableInputError(M.initNoTasks(planFile), { file: planFile });
  if (year !== undefined) refuseYearOutsidePlan(year, plan.period.from, plan.period.to);
  const unit = values.unit?.trim() ?? plan.unit ?? "";
  if (!unit) throw new UsageError(M.initNoUnit);

  const today = localIso(io.now());
  const asOf = asOfArg ?? today;
  const trackerYear = year ?? defaultYear(plan, today);
  const spec = buildTracker(plan, { unit, year: trackerYear, asOf });
  const bytes = await renderWorkbook(spec, { created: io.now() });
  await refuseOverwrite(output, values.force);
  await writeOutputFile(output, bytes);

  const groupRows = tableLines(plan).filter((l) => l.kind === "group").length;
  io.out(M.initSummary(output, plan.tasks.length, groupRows, unit, trackerYear) + "\n");
  if (plan.warnings.length > 0) io.err(`${C.warningPrefix}: ${M.initParseWarnings(plan.warnings.length)}\n`);
  if (values.json) {
    emitJson(io, { plan: planFile, output, unit, year: trackerYear, tasks: plan.tasks.length, groups: groupRows, warnings: plan.warnings });
  }
  return 0;
}
