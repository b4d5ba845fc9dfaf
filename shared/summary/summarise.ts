/**
 * The quarterly summary (domain.md, "Statuses and evaluation" and "Reporting periods and cut-off"): totals
 * cumulative as of the as-of date, by area, by lead unit (a task with two leads counts for each), overdue tasks,
 * tasks due in the next period and tasks completed inside the period. A closed quarter is summarised from its
 * frozen values.
 */
import { z } from "zod";
import { IsoDate } from "../plan/schema.js";
import { isoFromInstant } from "../entries/dates.js";
import type { Entries, Entry } from "../entries/schema.js";
import { AREAS } from "../workbook/layout.js";
import { standingOf, type TaskStanding } from "./evaluate.js";
import { calendarQuarterEnd, nextQuarter, quarterPeriod, reportPeriod, type Quarter } from "./periods.js";

/** Counts of a set of tasks. `total` = done + inProgress + notStarted + dropped + invalid. */
export const Totals = z.object({
  total: z.number().int(),
  /** Hoàn thành by the as-of date (on time + late). */
  done: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  /** Không thực hiện. */
  dropped: z.number().int(),
  /** Rows with an error finding: not counted in any status. */
  invalid: z.number().int(),
  /** Not done, not dropped, not recurring, due before the as-of date. */
  overdue: z.number().int(),
  doneInPeriod: z.number().int(),
  /** done ÷ (total − dropped), 0..1 rounded to 4 decimals; 0 when nothing is left to do. */
  completionRate: z.number(),
});
export type Totals = z.infer<typeof Totals>;

/** The summary of one reporting quarter (the `cchc summary --json` contract). */
export const Summary = z.object({
  period: z.object({ label: z.string(), from: IsoDate, to: IsoDate, quarter: z.number().int(), year: z.number().int() }),
  /** The periodic report this quarter closes (Quý I, 6 tháng, Quý III, Năm). */
  report: z.object({ label: z.string(), from: IsoDate, to: IsoDate }),
  asOf: IsoDate,
  unit: z.string().nullable(),
  planTitle: z.string().nullable(),
  /** "closed" when the figures come from the quarter's close sheet (chốt quý). */
  source: z.enum(["live", "closed"]),
  closedSheet: z.string().nullable(),
  totals: Totals,
  byArea: z.array(z.object({ area: z.string().nullable(), totals: Totals })),
  byLead: z.array(z.object({ unit: z.string().nullable(), totals: Totals })),
  overdueTasks: z.array(z.string()),
  dueNextPeriod: z.array(z.string()),
  doneInPeriodTasks: z.array(z.string()),
  invalidTasks: z.array(z.string()),
});
export type Summary = z.infer<typeof Summary>;

/** Options of a summary: the quarter, its year, the as-of date (default: the quarter's cut-off). */
export interface SummaryOptions {
  quarter: Quarter;
  year: number;
  /** Calendar date at UTC midnight; default the end of the period. Ignored for a closed quarter. */
  asOf?: Date;
  /** Use the quarter's close sheet when there is one (default true). */
  useClosed?: boolean;
}

/** Empty counts. */
export function emptyTotals(): Totals {
  return {
    total: 0, done: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, notStarted: 0, dropped: 0, invalid: 0,
    overdue: 0, doneInPeriod: 0, completionRate: 0,
  };
}

function add(t: Totals, s: TaskStanding): void {
  t.total++;
  t[s.standing]++;
  if (s.standing === "doneOnTime" || s.standing === "doneLate") t.done++;
  if (s.overdue) t.overdue++;
  if (s.doneInPeriod) t.doneInPeriod++;
}

function finish(t: Totals): Totals {
  const base = t.total - t.dropped;
  t.completionRate = base > 0 ? Math.round((t.done / base) * 10_000) / 10_000 : 0;
  return t;
}

/** Groups tasks by a key (a task may fall in several groups), in a given order, the null group last. */
function groupBy(
  items: Array<{ entry: Entry; s: TaskStanding }>,
  keysOf: (e: Entry) => Array<string | null>,
  order: (keys: string[]) => string[],
): Array<{ key: string | null; totals: Totals }> {
  const map = new Map<string | null, Totals>();
  for (const it of items) {
    const keys = keysOf(it.entry);
    for (const k of new Set(keys.length > 0 ? keys : [null])) {
      if (!map.has(k)) map.set(k, emptyTotals());
      add(map.get(k)!, it.s);
    }
  }
  const named = order([...map.keys()].filter((k): k is string => k !== null));
  const out = named.map((k) => ({ key: k as string | null, totals: finish(map.get(k)!) }));
  if (map.has(null)) out.push({ key: null, totals: finish(map.get(null)!) });
  return out;
}

/** The closed quarter's rows, if the quarter was closed. */
export function closedQuarterOf(entries: Entries, quarter: Quarter, year: number) {
  return entries.closes.find((c) => c.quarter === quarter && c.year === year) ?? null;
}

/** Summarises a tracker's entries for a reporting quarter. */
export function summarise(entries: Entries, opts: SummaryOptions): Summary {
  const period = quarterPeriod(opts.quarter, opts.year);
  const closed = opts.useClosed === false ? null : closedQuarterOf(entries, opts.quarter, opts.year);
  const asOf = closed ? closed.asOf : opts.asOf ? isoFromInstant(opts.asOf) : period.to;
  const rows = closed ? closed.rows : entries.rows;
  const items = rows.map((entry) => ({ entry, s: standingOf(entry, asOf, period) }));

  // Task rows the plan has (ids recorded in _meta) but the sheet no longer has — deleted by hand — still count in
  // the total, as invalid: a deleted row must never silently shrink the denominator (product.md, bad input).
  const present = new Set(rows.map((r) => r.id));
  const missingTasks = (entries.meta.taskIds ?? []).filter((id) => !present.has(id));

  const totals = emptyTotals();
  for (const it of items) add(totals, it.s);
  totals.total += missingTasks.length;
  totals.invalid += missingTasks.length;
  finish(totals);

  const areaRank = (a: string) => {
    const i = (AREAS as readonly string[]).indexOf(a);
    return i < 0 ? AREAS.length : i;
  };
  const byArea = groupBy(items, (e) => [e.area], (keys) =>
    keys.map((k, i) => ({ k, i })).sort((x, y) => areaRank(x.k) - areaRank(y.k) || x.i - y.i).map((x) => x.k),
  ).map((g) => ({ area: g.key, totals: g.totals }));
  const byLead = groupBy(items, (e) => e.leads, (keys) => keys).map((g) => ({ unit: g.key, totals: g.totals }));

  // Due next period: what is still open and falls due before the end of the next calendar quarter
  // (deadlines are calendar dates such as 31/12, later than the 14/12 cut-off).
  const next = nextQuarter(opts.quarter, opts.year);
  const horizon = calendarQuarterEnd(next.quarter, next.year);
  const open = (s: TaskStanding) => s.standing === "inProgress" || s.standing === "notStarted";
  const dueNextPeriod = items
    .filter((it) => open(it.s) && !it.entry.recurring && it.entry.due !== null && it.entry.due > asOf && it.entry.due <= horizon)
    .map((it) => it.entry.id);

  return {
    period: { label: period.label, from: period.from, to: period.to, quarter: opts.quarter, year: opts.year },
    report: reportPeriod(opts.quarter, opts.year),
    asOf,
    unit: entries.meta.unit,
    planTitle: entries.meta.planTitle,
    source: closed ? "closed" : "live",
    closedSheet: closed ? closed.sheet : null,
    totals,
    byArea,
    byLead,
    overdueTasks: items.filter((it) => it.s.overdue).map((it) => it.entry.id),
    dueNextPeriod,
    doneInPeriodTasks: items.filter((it) => it.s.doneInPeriod).map((it) => it.entry.id),
    invalidTasks: [...items.filter((it) => it.s.standing === "invalid").map((it) => it.entry.id), ...missingTasks],
  };
}
