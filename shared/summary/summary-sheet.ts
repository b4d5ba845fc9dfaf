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
import { fitForPrint } from "../workbook/print-fit.js";
import type { CellSpec, ChartSpec, WorkbookSpec } from "../workbook/spec.js";
import { SheetBlock } from "../workbook/table-block.js";
import { standingOf } from "./evaluate.js";
import { quarterPeriod, summarySheetName, type Quarter } from "./periods.js";
import { figureCells, REPORT_STYLES } from "./styles.js";
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
  const b = new SheetBlock(WIDTH);
  const charts: ChartSpec[] = [];
  /** First row (1-based) below the last chart, so that a chart never overlaps the previous one. */
  let chartFree = 1;
  const byId = new Map(summaryRows(summary, entries).map((e) => [e.id, e]));
  const quarter = summary.period.quarter as Quarter;
  const period = quarterPeriod(quarter, summary.period.year);


  b.line({ v: M.title(summary.period.label), s: "title" }, 36);
  if (summary.unit) b.line({ v: M.unit(summary.unit), s: "subtitle" });
  if (summary.planTitle) b.line({ v: M.plan(summary.planTitle), s: "subtitle" });
  b.line({ v: M.period(formatViDate(summary.period.from), formatViDate(summary.period.to)), s: "info" });
  if (summary.report.label !== summary.period.label) {
    b.line({ v: M.reportPeriod(summary.report.label, formatViDate(summary.report.from), formatViDate(summary.report.to)), s: "info" });
  }
  b.line({ v: M.asOf(formatViDate(summary.asOf)), s: "label" });
  b.line({ v: summary.source === "closed" && summary.closedSheet ? M.closedSource(summary.closedSheet) : M.liveSource, s: "note" });
  if (summary.totals.invalid > 0) b.line({ v: M.invalidNote(summary.totals.invalid), s: "warn" });
  b.blank();

  // I. Totals.
  b.keepWithNext(b.line({ v: M.section1, s: "section" }));
  b.keepWithNext(b.header(M.totalsHeaders));
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
  totalLines.forEach(([label, n, s], i) => b.row([{ v: i + 1, s: "int" }, { v: label, s: "text" }, { v: n, s }]));
  b.row([{ v: totalLines.length + 1, s: "int" }, { v: R.completionRate, s: "textBold" }, { v: t.completionRate, s: "percentBold" }]);
  b.blank();

  // II and III. By area and by lead unit, each with a data bar on the completion rate and a bar chart of it (the
  // chart reads the table's own cells, so it follows any later edit of them).
  const groupTable = (title: string, chartTitle: string, first: string, groups: Array<{ name: string; totals: Totals }>) => {
    b.keepWithNext(b.line({ v: title, s: "section" }));
    const top = b.keepWithNext(b.header(M.groupHeaders(first), 32)) + 1;
    groups.forEach((g, i) => b.row([{ v: i + 1, s: "int" }, { v: g.name, s: "text" }, ...figureCells(g.totals, false)]));
    const bottom = b.last;
    b.keepWithPrevious(b.row([{ v: "", s: "text" }, { v: M.sumRow, s: "textBold" }, ...figureCells(summary.totals, true)]));
    if (bottom >= top) {
      b.conditionalFormats.push({ type: "dataBar", range: `${LAST}${top}:${LAST}${bottom}`, min: 0, max: 1, color: "63BE7B" });
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
    b.blank();
  };
  groupTable(M.section2, M.chartByArea, M.areaColumn, summary.byArea.map((g) => ({ name: g.area ?? M.noArea, totals: g.totals })));
  groupTable(M.section3, M.chartByLead, M.leadColumn, summary.byLead.map((g) => ({ name: g.unit ?? M.noLead, totals: g.totals })));

  // IV–VI. Task lists.
  const taskList = (title: string, ids: string[], done: boolean) => {
    b.keepWithNext(b.line({ v: title, s: "section" }));
    const headers = done ? M.doneListHeaders : M.listHeaders;
    b.merges.push(`H${b.keepWithNext(b.header(headers))}:${LAST}${b.last}`);
    if (ids.length === 0) {
      b.line({ v: M.none, s: "note" });
      b.blank();
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
      const row = b.row([
        { v: i + 1, s: "int" },
        { v: e.title, s: "text" },
        { v: e.id, s: "center" },
        { v: e.leads.join("; "), s: "text" },
        ...middle,
        { v: last, s: "text" },
        ...Array.from({ length: WIDTH - 8 }, () => ({ v: "", s: "text" })),
      ]);
      b.merges.push(`H${row}:${LAST}${row}`);
    });
    b.blank();
  };
  taskList(M.section4, summary.overdueTasks, false);
  taskList(M.section5, summary.dueNextPeriod, false);
  taskList(M.section6, summary.doneInPeriodTasks, true);

  return {
    sheets: [
      // Wrapped task texts need taller rows: neither Excel nor LibreOffice grows them when the file is opened.
      fitForPrint(
        b.sheet(summarySheetName(quarter, summary.period.year), "summary", COLUMN_WIDTHS, {
          print: { orientation: "landscape", paper: "A4", fitToWidth: true, footer: M.footer, area: `A1:${LAST}${b.last}` },
          tabColor: "2F75B5",
          ...(charts.length > 0 ? { charts } : {}),
        }),
        REPORT_STYLES,
      ),
    ],
    styles: REPORT_STYLES,
    definedNames: [],
    properties: { title: M.title(summary.period.label), creator: "cchc-tracker" },
  };
}

function dateCell(iso: string | null): CellSpec {
  return iso ? { v: { kind: "date", iso }, s: "date" } : { v: "", s: "center" };
}
