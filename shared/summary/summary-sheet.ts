/**
 * The summary as a sheet ("Tổng hợp Quý III-2026"): title block, totals, by area and by lead unit (with a data
 * bar on the completion rate and a native bar chart of it beside the table), and the overdue, due-next and
 * done-in-period lists. A WorkbookSpec fragment that every host renders (exceljs into the user's workbook — which
 * cannot write charts and skips them —, Office.js, Apps Script).
 */
import { formatViDate } from "../entries/dates.js";
import type { Entries, Entry } from "../entries/schema.js";
import { summarySheetMessages as M } from "../messages/index.js";
import { colLetter } from "../workbook/a1.js";
import type { CellSpec, ChartSpec, ConditionalFormatSpec, RowSpec, WorkbookSpec } from "../workbook/spec.js";
import { standingOf } from "./evaluate.js";
import { quarterPeriod, summarySheetName, type Quarter } from "./periods.js";
import { REPORT_STYLES } from "./styles.js";
import type { Summary, Totals } from "./summarise.js";

/** Number of columns the sheet uses (A..L). */
const WIDTH = 12;
const COLUMN_WIDTHS = [6, 45, 10, 22, 12, 12, 12, 12, 12, 12, 12, 14];
const LAST = "L";
/** Charts sit one column right of the report (N), 8 columns wide. */
const CHART_COLUMN = colLetter(WIDTH + 2);
const CHART_WIDTH = 8;

/** The rows a summary was computed from: the closed quarter's if it was closed, else the live ones. */
export function summaryRows(summary: Summary, entries: Entries): Entry[] {
  if (summary.source === "closed") {
    const c = entries.closes.find((x) => x.sheet === summary.closedSheet);
    if (c) return c.rows;
  }
  return entries.rows;
}

/** Builds the summary sheet for a summary of `entries`. */
export function buildSummarySheet(summary: Summary, entries: Entries): WorkbookSpec {
  const rows: RowSpec[] = [];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const charts: ChartSpec[] = [];
  /** First row (1-based) below the last chart, so that a chart never overlaps the previous one. */
  let chartFree = 1;
  const byId = new Map(summaryRows(summary, entries).map((e) => [e.id, e]));
  const quarter = summary.period.quarter as Quarter;
  const period = quarterPeriod(quarter, summary.period.year);

  const line = (cell: CellSpec, height?: number) => {
    rows.push(height ? { cells: [cell], height } : { cells: [cell] });
    merges.push(`A${rows.length}:${LAST}${rows.length}`);
  };
  const blank = () => rows.push({ cells: [] });

  line({ v: M.title(summary.period.label), s: "title" }, 36);
  if (summary.unit) line({ v: M.unit(summary.unit), s: "subtitle" });
  if (summary.planTitle) line({ v: M.plan(summary.planTitle), s: "subtitle" });
  line({ v: M.period(formatViDate(summary.period.from), formatViDate(summary.period.to)), s: "info" });
  if (summary.report.label !== summary.period.label) {
    line({ v: M.reportPeriod(summary.report.label, formatViDate(summary.report.from), formatViDate(summary.report.to)), s: "info" });
  }
  line({ v: M.asOf(formatViDate(summary.asOf)), s: "label" });
  line({ v: summary.source === "closed" && summary.closedSheet ? M.closedSource(summary.closedSheet) : M.liveSource, s: "note" });
  if (summary.totals.invalid > 0) line({ v: M.invalidNote(summary.totals.invalid), s: "warn" });
  blank();

  // I. Totals.
  line({ v: M.section1, s: "section" });
  rows.push({ cells: M.totalsHeaders.map((h) => ({ v: h, s: "header" })) });
  const t = summary.totals;
  const R = M.totalsRows;
  const totalLines: Array<[string, number, string]> = [
    [R.total, t.total, "intBold"],
    [R.done, t.done, "intDone"],
    [R.doneOnTime, t.doneOnTime, "int"],
    [R.doneLate, t.doneLate, "intLate"],
    [R.inProgress, t.inProgress, "int"],
    [R.notStarted, t.notStarted, "int"],
    [R.dropped, t.dropped, "intMuted"],
    [R.invalid, t.invalid, t.invalid > 0 ? "intOverdue" : "intMuted"],
    [R.overdue, t.overdue, t.overdue > 0 ? "intOverdue" : "int"],
    [R.doneInPeriod, t.doneInPeriod, "int"],
  ];
  totalLines.forEach(([label, n, s], i) =>
    rows.push({ cells: [{ v: i + 1, s: "int" }, { v: label, s: "text" }, { v: n, s }] }),
  );
  rows.push({
    cells: [{ v: totalLines.length + 1, s: "int" }, { v: R.completionRate, s: "textBold" }, { v: t.completionRate, s: "percentBold" }],
  });
  blank();

  // II and III. By area and by lead unit, each with a data bar on the completion rate and a bar chart of it (the
  // chart reads the table's own cells, so it follows any later edit of them).
  const groupTable = (title: string, chartTitle: string, first: string, groups: Array<{ name: string; totals: Totals }>) => {
    line({ v: title, s: "section" });
    rows.push({ cells: M.groupHeaders(first).map((h) => ({ v: h, s: "header" })), height: 32 });
    const top = rows.length + 1;
    groups.forEach((g, i) => rows.push({ cells: [{ v: i + 1, s: "int" }, { v: g.name, s: "text" }, ...figureCells(g.totals, false)] }));
    const bottom = rows.length;
    rows.push({ cells: [{ v: "", s: "text" }, { v: M.sumRow, s: "textBold" }, ...figureCells(summary.totals, true)] });
    if (bottom >= top) {
      conditionalFormats.push({ type: "dataBar", range: `${LAST}${top}:${LAST}${bottom}`, min: 0, max: 1, color: "63BE7B" });
      const height = Math.max(12, bottom - top + 7);
      // Level with the section title, or below the previous chart when that one is taller than its table.
      const anchorRow = Math.max(top - 2, chartFree);
      chartFree = anchorRow + height + 1;
      charts.push({
        type: "bar",
        title: chartTitle,
        categories: `B${top}:B${bottom}`,
        series: [{ name: M.chartSeries, values: `${LAST}${top}:${LAST}${bottom}` }],
        anchor: `${CHART_COLUMN}${anchorRow}`,
        width: CHART_WIDTH,
        height,
      });
    }
    blank();
  };
  groupTable(M.section2, M.chartByArea, M.areaColumn, summary.byArea.map((g) => ({ name: g.area ?? M.noArea, totals: g.totals })));
  groupTable(M.section3, M.chartByLead, M.leadColumn, summary.byLead.map((g) => ({ name: g.unit ?? M.noLead, totals: g.totals })));

  // IV–VI. Task lists.
  const taskList = (title: string, ids: string[], done: boolean) => {
    line({ v: title, s: "section" });
    const headers = done ? M.doneListHeaders : M.listHeaders;
    rows.push({ cells: headers.map((h) => ({ v: h, s: "header" })) });
    merges.push(`H${rows.length}:${LAST}${rows.length}`);
    if (ids.length === 0) {
      line({ v: M.none, s: "note" });
      blank();
      return;
    }
    ids.forEach((id, i) => {
      const e = byId.get(id);
      if (!e) return;
      const s = standingOf(e, summary.asOf, period);
      const last = done ? e.result ?? "" : e.note ?? "";
      const middle: CellSpec[] = done
        ? [
            dateCell(e.due),
            dateCell(e.completedOn),
            { v: s.evaluation ?? "", s: s.evaluation === "Hoàn thành quá hạn" ? "statusLate" : "statusDone" },
          ]
        : [
            dateCell(e.due),
            { v: e.statusText ?? e.status ?? "", s: s.overdue ? "statusLate" : "statusOther" },
            e.progress === null ? { v: "", s: "int" } : { v: e.progress, s: "int" },
          ];
      rows.push({
        cells: [
          { v: i + 1, s: "int" },
          { v: e.title, s: "text" },
          { v: e.id, s: "center" },
          { v: e.leads.join("; "), s: "text" },
          ...middle,
          { v: last, s: "text" },
          ...Array.from({ length: WIDTH - 8 }, () => ({ v: "", s: "text" })),
        ],
      });
      merges.push(`H${rows.length}:${LAST}${rows.length}`);
    });
    blank();
  };
  taskList(M.section4, summary.overdueTasks, false);
  taskList(M.section5, summary.dueNextPeriod, false);
  taskList(M.section6, summary.doneInPeriodTasks, true);

  return {
    sheets: [
      {
        name: summarySheetName(quarter, summary.period.year),
        state: "visible",
        role: "summary",
        columns: COLUMN_WIDTHS.map((width) => ({ width })),
        rows,
        merges,
        validations: [],
        conditionalFormats,
        print: { orientation: "landscape", paper: "A4", fitToWidth: true, footer: M.footer, area: `A1:${LAST}${rows.length}` },
        tabColor: "2F75B5",
        ...(charts.length > 0 ? { charts } : {}),
      },
    ],
    styles: REPORT_STYLES,
    definedNames: [],
    properties: { title: M.title(summary.period.label), creator: "cchc-tracker" },
  };
}

function dateCell(iso: string | null): CellSpec {
  return iso ? { v: { kind: "date", iso }, s: "date" } : { v: "", s: "center" };
}

/** The figure cells (C..L) of a group row. */
function figureCells(t: Totals, bold: boolean): CellSpec[] {
  const n = (v: number, s: string): CellSpec => ({ v, s: bold ? "intBold" : s });
  return [
    n(t.total, "int"),
    n(t.done, "intDone"),
    n(t.doneOnTime, "int"),
    n(t.doneLate, t.doneLate > 0 ? "intLate" : "int"),
    n(t.inProgress, "int"),
    n(t.notStarted, "int"),
    n(t.dropped, "intMuted"),
    n(t.invalid, t.invalid > 0 ? "intOverdue" : "intMuted"),
    n(t.overdue, t.overdue > 0 ? "intOverdue" : "int"),
    { v: t.completionRate, s: bold ? "percentBold" : "percent" },
  ];
}
