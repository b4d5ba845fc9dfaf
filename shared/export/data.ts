/**
 * The figures and task lists of a quarterly report, from one unit's tracker (a Summary and its entries) or from a
 * province roll-up. Every export format (xlsx, csv, docx) renders this data through table layouts (layouts.ts).
 */
import type { Entries } from "../entries/schema.js";
import type { ProvinceRollup } from "../merge/schema.js";
import { addTotals, finishTotals } from "../merge/rollup.js";
import type { IsoDate } from "../plan/schema.js";
import { standingOf, type Standing } from "../summary/evaluate.js";
import { calendarQuarterEnd, nextQuarter, quarterPeriod, type Quarter } from "../summary/periods.js";
import { emptyTotals, type Summary, type Totals } from "../summary/summarise.js";
import { summaryRows } from "../summary/summary-sheet.js";
import { reportTableMessages as T } from "../messages/export.js";

/** A group of tasks with its figures (an area, a lead unit, a reporting unit). */
export interface ReportGroup {
  name: string;
  totals: Totals;
  /** Rank of a reporting unit (province reports). */
  rank?: number;
  file?: string;
}

/** One task as a report lists it. */
export interface ReportTask {
  /** The reporting unit (province reports); null for a unit's own report. */
  unit: string | null;
  id: string;
  title: string;
  area: string | null;
  leads: string[];
  deadlineText: string | null;
  due: IsoDate | null;
  /** The status as entered. */
  status: string | null;
  progress: number | null;
  completedOn: IsoDate | null;
  result: string | null;
  note: string | null;
  /** The evaluation as of the as-of date; null for an invalid entry. */
  evaluation: string | null;
  standing: Standing;
}

/** Everything a quarterly report shows. */
export interface ReportData {
  kind: "unit" | "province";
  /** The reporting unit ("xã Cao Minh"); null for a province report. */
  unit: string | null;
  planTitle: string | null;
  period: { label: string; from: IsoDate; to: IsoDate; quarter: Quarter; year: number };
  report: { label: string; from: IsoDate; to: IsoDate };
  asOf: IsoDate;
  totals: Totals;
  byArea: ReportGroup[];
  byLead: ReportGroup[];
  /** Units of a province report, in rank order (empty for a unit's report). */
  byUnit: ReportGroup[];
  overdue: ReportTask[];
  dueNext: ReportTask[];
  doneInPeriod: ReportTask[];
  /** Every task. */
  tasks: ReportTask[];
  /** Units that have not reported (province reports with an expected list). */
  missing: string[];
  /** How many units were expected; null when no list was given. */
  expectedUnits: number | null;
}

/** The report data of one unit's tracker for a summary made of it. */
export function reportFromSummary(summary: Summary, entries: Entries): ReportData {
  const quarter = summary.period.quarter as Quarter;
  const period = quarterPeriod(quarter, summary.period.year);
  const tasks: ReportTask[] = summaryRows(summary, entries).map((e) => {
    const s = standingOf(e, summary.asOf, period);
    return {
      unit: null,
      id: e.id,
      title: e.title,
      area: e.area,
      leads: e.leads,
      deadlineText: e.deadlineText,
      due: e.due,
      status: e.statusText ?? e.status,
      progress: e.progress,
      completedOn: e.completedOn,
      result: e.result,
      note: e.note,
      evaluation: s.evaluation,
      standing: s.standing,
    };
  });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((t): t is ReportTask => t !== undefined);
  return {
    kind: "unit",
    unit: summary.unit,
    planTitle: summary.planTitle,
    period: { ...summary.period, quarter },
    report: summary.report,
    asOf: summary.asOf,
    totals: summary.totals,
    byArea: summary.byArea.map((g) => ({ name: g.area ?? T.noArea, totals: g.totals })),
    byLead: summary.byLead.map((g) => ({ name: g.unit ?? T.noLead, totals: g.totals })),
    byUnit: [],
    overdue: pick(summary.overdueTasks),
    dueNext: pick(summary.dueNextPeriod),
    doneInPeriod: pick(summary.doneInPeriodTasks),
    tasks,
    missing: [],
    expectedUnits: null,
  };
}

/** The report data of a province roll-up. */
export function reportFromRollup(r: ProvinceRollup): ReportData {
  const quarter = r.period.quarter as Quarter;
  const next = nextQuarter(quarter, r.period.year);
  const horizon = calendarQuarterEnd(next.quarter, next.year);
  const tasks: ReportTask[] = r.rows.map((row) => ({
    unit: row.unit,
    id: row.id,
    title: row.title,
    area: row.area,
    leads: row.leads,
    deadlineText: row.deadlineText,
    due: row.due,
    status: row.statusText ?? row.status,
    progress: row.progress,
    completedOn: row.completedOn,
    result: row.result,
    note: row.note,
    evaluation: row.evaluation,
    standing: row.standing,
  }));
  // By lead unit across all units (a task with two leads counts for each, as in the summary).
  const leads = new Map<string | null, Totals>();
  const open = (s: Standing) => s === "inProgress" || s === "notStarted";
  const dueNext: ReportTask[] = [];
  const doneInPeriod: ReportTask[] = [];
  const overdue: ReportTask[] = [];
  r.rows.forEach((row, i) => {
    const t = tasks[i]!;
    const done = row.standing === "doneOnTime" || row.standing === "doneLate";
    const inPeriod = done && row.completedOn !== null && row.completedOn >= r.period.from && row.completedOn <= r.period.to && row.completedOn <= r.asOf;
    for (const lead of new Set(row.leads.length > 0 ? row.leads : [null])) {
      const tot = leads.get(lead) ?? emptyTotals();
      tot.total++;
      tot[row.standing]++;
      if (done) tot.done++;
      if (row.overdue) tot.overdue++;
      if (inPeriod) tot.doneInPeriod++;
      leads.set(lead, tot);
    }
    if (row.overdue) overdue.push(t);
    if (inPeriod) doneInPeriod.push(t);
    if (open(row.standing) && !row.recurring && row.due !== null && row.due > r.asOf && row.due <= horizon) dueNext.push(t);
  });
  const leadNames = [...leads.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, "vi")));
  return {
    kind: "province",
    unit: null,
    planTitle: null,
    period: { ...r.period, quarter },
    report: r.report,
    asOf: r.asOf,
    totals: r.totals,
    byArea: r.byArea.map((g) => ({ name: g.area ?? T.noArea, totals: g.totals })),
    byLead: leadNames.map((name) => ({ name: name ?? T.noLead, totals: finishTotals(leads.get(name)!) })),
    byUnit: r.units.map((u) => ({ name: u.unit, totals: u.totals, rank: u.rank, file: u.file })),
    overdue,
    dueNext,
    doneInPeriod,
    tasks,
    missing: r.missing,
    expectedUnits: r.expectedGiven ? r.units.filter((u) => u.expected).length + r.missing.length : null,
  };
}

/** Sum of groups' figures (a check for tests; reports show the overall totals, as a task with two leads counts twice by lead). */
export function sumGroups(groups: ReportGroup[]): Totals {
  const t = emptyTotals();
  for (const g of groups) addTotals(t, g.totals);
  return finishTotals(t);
}
