/** A table layout applied to report data: header texts and typed cells, the one model every export format renders. */
import { formatViDate } from "../entries/dates.js";
import { reportTableMessages as T } from "../messages/export.js";
import type { Totals } from "../summary/summarise.js";
import type { Evaluation } from "../workbook/layout.js";
import type { ReportData, ReportGroup, ReportTask } from "./data.js";
import type { ColumnFormat, ColumnLayout, ReportForm, TableLayout } from "./layouts.js";

/** The evaluation of a task not done after its due date (the tracker's vocabulary). */
const OVERDUE: Evaluation = "Quá hạn";

/** A cell of a report table: its value for spreadsheets and its text for documents. */
export interface ReportCell {
  value: string | number | null;
  /** Text as printed: numbers plain, percentages with a comma ("85,7%"), dates dd/mm/yyyy. */
  text: string;
  format: ColumnFormat;
  /** For task rows: the task's standing (for colours). */
  tone?: "done" | "late" | "overdue" | "invalid" | null;
}

/** A layout filled with data. */
export interface ReportTable {
  layout: TableLayout;
  columns: ColumnLayout[];
  rows: ReportCell[][];
  /** The sum row, when the layout asks for one. */
  sum: ReportCell[] | null;
}

/** Percentage as Vietnamese documents write it: one decimal, decimal comma ("85,7%"). */
export function formatPercent(rate: number): string {
  const v = Math.round(rate * 1000) / 10;
  return `${String(v).replace(".", ",")}%`;
}

function cell(value: string | number | null, format: ColumnFormat): ReportCell {
  if (value === null || value === "") return { value: null, text: "", format };
  if (format === "percent" && typeof value === "number") return { value, text: formatPercent(value), format };
  if (format === "date" && typeof value === "string") return { value, text: formatViDate(value), format };
  return { value, text: String(value), format };
}

function groupValue(g: ReportGroup | { name: string; totals: Totals }, key: string, index: number): string | number | null {
  if (key === "index") return index;
  if (key === "name") return g.name;
  if (key === "rank") return "rank" in g ? g.rank ?? null : null;
  if (key === "file") return "file" in g ? g.file ?? null : null;
  const v = (g.totals as Record<string, number>)[key];
  return v === undefined ? null : v;
}

function taskValue(t: ReportTask, key: string, index: number): string | number | null {
  switch (key) {
    case "index":
      return index;
    case "leads":
      return t.leads.join("; ");
    case "evaluation":
      return t.evaluation ?? T.invalidEvaluation;
    default: {
      const v = (t as unknown as Record<string, unknown>)[key];
      return typeof v === "string" || typeof v === "number" ? v : null;
    }
  }
}

function toneOf(t: ReportTask): ReportCell["tone"] {
  if (t.standing === "invalid") return "invalid";
  if (t.standing === "doneOnTime") return "done";
  if (t.standing === "doneLate") return "late";
  if (t.evaluation === OVERDUE) return "overdue";
  return null;
}

/** The columns of a layout that apply to this kind of report. */
export function columnsFor(layout: TableLayout, kind: ReportData["kind"]): ColumnLayout[] {
  return layout.columns.filter((c) => !c.only || c.only === kind);
}

/** The tables of a form that apply to this kind of report. */
export function tablesFor(form: ReportForm, kind: ReportData["kind"]): TableLayout[] {
  return form.tables.filter((t) => !t.only || t.only === kind);
}

/** Fills a table layout with report data. */
export function buildTable(layout: TableLayout, data: ReportData): ReportTable {
  const columns = columnsFor(layout, data.kind);
  const fmt = (c: ColumnLayout): ColumnFormat => c.format ?? "text";
  const rows: ReportCell[][] = [];
  let sum: ReportCell[] | null = null;
  switch (layout.source) {
    case "totals": {
      const t = data.totals;
      const R = T.totalsRows;
      const lines: Array<[string, number, ColumnFormat]> = [
        [R.total, t.total, "int"],
        [R.done, t.done, "int"],
        [R.doneOnTime, t.doneOnTime, "int"],
        [R.doneLate, t.doneLate, "int"],
        [R.inProgress, t.inProgress, "int"],
        [R.notStarted, t.notStarted, "int"],
        [R.dropped, t.dropped, "int"],
        [R.invalid, t.invalid, "int"],
        [R.overdue, t.overdue, "int"],
        [R.doneInPeriod, t.doneInPeriod, "int"],
        [R.completionRate, t.completionRate, "percent"],
      ];
      lines.forEach(([label, value, f], i) =>
        rows.push(columns.map((c) => (c.key === "index" ? cell(i + 1, "int") : c.key === "label" ? cell(label, "text") : c.key === "value" ? cell(value, f) : cell(null, fmt(c))))),
      );
      break;
    }
    case "byArea":
    case "byLead":
    case "byUnit": {
      const groups = data[layout.source];
      groups.forEach((g, i) => rows.push(columns.map((c) => cell(groupValue(g, c.key, i + 1), fmt(c)))));
      if (layout.sumRow) {
        const all = { name: T.sumRow, totals: data.totals };
        sum = columns.map((c) => (c.key === "index" || c.key === "rank" || c.key === "file" ? cell(null, fmt(c)) : cell(groupValue(all, c.key, 0), fmt(c))));
      }
      break;
    }
    case "overdue":
    case "dueNext":
    case "doneInPeriod":
    case "tasks": {
      data[layout.source].forEach((t, i) =>
        rows.push(
          columns.map((c) => {
            const x = cell(taskValue(t, c.key, i + 1), fmt(c));
            if (c.key === "evaluation") x.tone = toneOf(t);
            return x;
          }),
        ),
      );
      break;
    }
    case "missing":
      data.missing.forEach((name, i) => rows.push(columns.map((c) => cell(c.key === "index" ? i + 1 : c.key === "name" ? name : null, fmt(c)))));
      break;
  }
  return { layout, columns, rows, sum };
}
