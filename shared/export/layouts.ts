/**
 * Report table layouts as data (domain.md, "The quarterly report": provinces issue their own forms). A table layout
 * names its rows' source, and lists its columns: header text, the value's key, width and format. A province's own
 * form is a new ReportForm object — other columns, headers, order, tables — rendered by the same code into xlsx,
 * docx and csv.
 */
import { reportTableMessages as T } from "../messages/export.js";

/** Where a table's rows come from (see ReportData). */
export type TableSource = "totals" | "byArea" | "byLead" | "byUnit" | "overdue" | "dueNext" | "doneInPeriod" | "tasks" | "missing";

/** Keys of a group row (byArea, byLead, byUnit). */
export type GroupKey =
  | "index"
  | "name"
  | "total"
  | "done"
  | "doneOnTime"
  | "doneLate"
  | "inProgress"
  | "notStarted"
  | "dropped"
  | "invalid"
  | "overdue"
  | "doneInPeriod"
  | "completionRate"
  | "rank"
  | "file";

/** Keys of a task row (overdue, dueNext, doneInPeriod, tasks). */
export type TaskKey =
  | "index"
  | "unit"
  | "id"
  | "title"
  | "area"
  | "leads"
  | "deadlineText"
  | "due"
  | "status"
  | "progress"
  | "completedOn"
  | "result"
  | "note"
  | "evaluation";

/** Keys of the totals table (one row per figure) and of the missing-units table. */
export type TotalsKey = "index" | "label" | "value";
export type MissingKey = "index" | "name";

/** How a value is shown: text, a whole number, a percentage (0..1), a date (dd/mm/yyyy). */
export type ColumnFormat = "text" | "int" | "percent" | "date";

/** One column of a table layout. */
export interface ColumnLayout {
  key: GroupKey | TaskKey | TotalsKey | MissingKey;
  header: string;
  /** Width in characters (xlsx) — the docx divides the page in the same proportions. */
  width: number;
  format?: ColumnFormat;
  align?: "left" | "center" | "right";
  /** Only in a unit's report or only in a province report. */
  only?: "unit" | "province";
}

/** One table of a report form. */
export interface TableLayout {
  id: string;
  title: string;
  source: TableSource;
  columns: ColumnLayout[];
  /** Add a sum row (the report's overall totals) under a group table. */
  sumRow?: boolean;
  /** Only in a unit's report or only in a province report. */
  only?: "unit" | "province";
  /** Most rows shown in the Word report (the spreadsheet shows all); the rest are counted in a note. */
  maxRowsInDocument?: number;
}

/** A report form: its tables (xlsx sheets, docx appendix tables) and the CSV task table. */
export interface ReportForm {
  id: string;
  name: string;
  tables: TableLayout[];
  csv: TableLayout;
}

const figures = (first: ColumnLayout): ColumnLayout[] => [
  { key: "index", header: T.index, width: 6, format: "int", align: "center" },
  first,
  { key: "total", header: T.total, width: 9, format: "int", align: "center" },
  { key: "done", header: T.done, width: 10, format: "int", align: "center" },
  { key: "doneOnTime", header: T.doneOnTime, width: 9, format: "int", align: "center" },
  { key: "doneLate", header: T.doneLate, width: 9, format: "int", align: "center" },
  { key: "inProgress", header: T.inProgress, width: 10, format: "int", align: "center" },
  { key: "notStarted", header: T.notStarted, width: 10, format: "int", align: "center" },
  { key: "dropped", header: T.dropped, width: 10, format: "int", align: "center" },
  { key: "overdue", header: T.overdue, width: 10, format: "int", align: "center" },
  { key: "completionRate", header: T.completionRate, width: 11, format: "percent", align: "center" },
];

const taskColumns: ColumnLayout[] = [
  { key: "index", header: T.index, width: 6, format: "int", align: "center" },
  { key: "unit", header: T.unit, width: 18, only: "province" },
  { key: "id", header: T.id, width: 6, align: "center" },
  { key: "title", header: T.task, width: 44 },
  { key: "leads", header: T.lead, width: 20 },
  { key: "due", header: T.due, width: 13, format: "date", align: "center" },
  { key: "status", header: T.status, width: 13, align: "center" },
  { key: "progress", header: T.progress, width: 8, format: "int", align: "center" },
  { key: "note", header: T.note, width: 24 },
];

/** The default form: the summary's tables, in the order a quarterly report presents them. */
export const DEFAULT_FORM: ReportForm = {
  id: "mac-dinh",
  name: T.formName,
  tables: [
    {
      id: "tong-hop",
      title: T.tables.totals,
      source: "totals",
      columns: [
        { key: "index", header: T.index, width: 6, format: "int", align: "center" },
        { key: "label", header: T.indicator, width: 60 },
        { key: "value", header: T.count, width: 14, align: "center" },
      ],
    },
    {
      id: "don-vi",
      title: T.tables.byUnit,
      source: "byUnit",
      only: "province",
      sumRow: true,
      maxRowsInDocument: 500,
      columns: [...figures({ key: "name", header: T.unit, width: 30 }), { key: "rank", header: T.rank, width: 8, format: "int", align: "center" }],
    },
    { id: "linh-vuc", title: T.tables.byArea, source: "byArea", sumRow: true, columns: figures({ key: "name", header: T.area, width: 34 }) },
    { id: "chu-tri", title: T.tables.byLead, source: "byLead", sumRow: true, only: "unit", columns: figures({ key: "name", header: T.lead, width: 34 }) },
    { id: "qua-han", title: T.tables.overdue, source: "overdue", columns: taskColumns, maxRowsInDocument: 40 },
    { id: "ky-toi", title: T.tables.dueNext, source: "dueNext", columns: taskColumns, maxRowsInDocument: 40 },
    {
      id: "hoan-thanh",
      title: T.tables.doneInPeriod,
      source: "doneInPeriod",
      maxRowsInDocument: 40,
      columns: [
        { key: "index", header: T.index, width: 6, format: "int", align: "center" },
        { key: "unit", header: T.unit, width: 18, only: "province" },
        { key: "id", header: T.id, width: 6, align: "center" },
        { key: "title", header: T.task, width: 44 },
        { key: "leads", header: T.lead, width: 20 },
        { key: "due", header: T.due, width: 13, format: "date", align: "center" },
        { key: "completedOn", header: T.completedOn, width: 13, format: "date", align: "center" },
        { key: "evaluation", header: T.evaluation, width: 14, align: "center" },
        { key: "result", header: T.result, width: 28 },
      ],
    },
    {
      id: "chua-nop",
      title: T.tables.missing,
      source: "missing",
      only: "province",
      maxRowsInDocument: 500,
      columns: [
        { key: "index", header: T.index, width: 6, format: "int", align: "center" },
        { key: "name", header: T.unit, width: 50 },
      ],
    },
  ],
  csv: {
    id: "nhiem-vu",
    title: T.tables.tasks,
    source: "tasks",
    columns: [
      { key: "unit", header: T.unit, width: 20, only: "province" },
      { key: "id", header: T.id, width: 6 },
      { key: "title", header: T.task, width: 50 },
      { key: "leads", header: T.lead, width: 20 },
      { key: "deadlineText", header: T.deadline, width: 14 },
      { key: "due", header: T.due, width: 11, format: "date" },
      { key: "status", header: T.status, width: 14 },
      { key: "progress", header: T.progress, width: 8, format: "int" },
      { key: "completedOn", header: T.completedOn, width: 11, format: "date" },
      { key: "result", header: T.result, width: 30 },
      { key: "note", header: T.note, width: 24 },
      { key: "evaluation", header: T.evaluation, width: 16 },
    ],
  },
};
