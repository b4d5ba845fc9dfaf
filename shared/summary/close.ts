/**
 * Quarter close (chốt quý): a protected sheet "Chốt Quý III-2026" holding every task's values as of the cut-off,
 * so the quarter's figures stay fixed when entries change later; readEntries reads it back and summarise uses it.
 * The sheet carries a checksum of the frozen values: protection has no password (the focal point may need to
 * unprotect to fix a typo), so edits are detected instead of prevented.
 */
import { closeChecksum } from "../entries/checksum.js";
import { isoFromInstant, isoFromParts } from "../entries/dates.js";
import type { Entries, Entry } from "../entries/schema.js";
import { closeSheetMessages as M } from "../messages/index.js";
import type { IsoDate } from "../plan/schema.js";
import { TASK_COLUMNS, type TaskColumnKey } from "../workbook/layout.js";
import { fitForPrint } from "../workbook/print-fit.js";
import type { CellSpec, RowSpec, WorkbookSpec } from "../workbook/spec.js";
import { standingOf } from "./evaluate.js";
import { closeSheetName, quarterPeriod, type Quarter } from "./periods.js";
import { REPORT_STYLES } from "./styles.js";

/** Columns of the close sheet, with the tracker's own headers so findTaskTable reads it like the Nhiệm vụ sheet. */
export const CLOSE_COLUMNS: readonly TaskColumnKey[] = [
  "id", "area", "title", "leads", "deadlineText", "due", "status", "progress", "completedOn", "result", "note", "evaluation",
];

/** Evaluation text written for a row that was invalid when the quarter was closed; read back as invalid. */
export const INVALID_EVALUATION = M.invalidEvaluation;

/** Options for closing a quarter. */
export interface CloseOptions {
  quarter: Quarter;
  year: number;
  /** As-of date (UTC midnight); default the quarter's cut-off. */
  asOf?: Date;
  /** The host's clock: its local calendar day is recorded as the day of closing. */
  closedOn: Date;
}

/**
 * A task's values as they stood on the as-of date: a task marked done after it was still being worked on
 * then, so its completion date, result and progress (its 100% came later; the figure on the cut-off day is
 * unknown) are not part of the quarter.
 */
export function snapshotAsOf(entry: Entry, asOf: IsoDate): Entry {
  if (entry.status === "Hoàn thành" && entry.completedOn !== null && entry.completedOn > asOf) {
    return { ...entry, status: "Đang thực hiện", statusText: "Đang thực hiện", completedOn: null, result: null, progress: null };
  }
  return { ...entry };
}

/** Width of column A of the close sheet (the label column of the period block, then the task ids). */
const CLOSE_LABEL_WIDTH = 12;

/** Builds the close sheet of a quarter from the live entries. */
export function buildCloseSheet(entries: Entries, opts: CloseOptions): WorkbookSpec {
  const period = quarterPeriod(opts.quarter, opts.year);
  const asOf = opts.asOf ? isoFromInstant(opts.asOf) : period.to;
  const closedOn = isoFromParts(opts.closedOn.getFullYear(), opts.closedOn.getMonth() + 1, opts.closedOn.getDate());
  const frozen = entries.rows.map((e) => snapshotAsOf(e, asOf));
  const L = M.labels;
  const header = TASK_COLUMNS.filter((c) => CLOSE_COLUMNS.includes(c.key));
  const ordered = CLOSE_COLUMNS.map((k) => header.find((c) => c.key === k)!);
  const last = String.fromCharCode(64 + ordered.length);
  const date = (iso: IsoDate | null): CellSpec => (iso ? { v: { kind: "date", iso }, s: "date" } : { v: "", s: "center" });
  const rows: RowSpec[] = [
    { cells: [{ v: M.title(period.label), s: "title" }], height: 30 },
    { cells: [{ v: M.note, s: "note" }] },
    { cells: [{ v: L.period, s: "label" }, { v: period.label, s: "info" }] },
    { cells: [{ v: L.from, s: "label" }, { v: { kind: "date", iso: period.from }, s: "dateInfo" }] },
    { cells: [{ v: L.to, s: "label" }, { v: { kind: "date", iso: period.to }, s: "dateInfo" }] },
    { cells: [{ v: L.asOf, s: "label" }, { v: { kind: "date", iso: asOf }, s: "dateInfo" }] },
    { cells: [{ v: L.closedOn, s: "label" }, closedOn ? { v: { kind: "date", iso: closedOn }, s: "dateInfo" } : { v: "" }] },
    { cells: [{ v: L.checksum, s: "label" }, { v: closeChecksum(frozen), s: "code" }] },
    { cells: [] },
    { cells: ordered.map((c) => ({ v: c.header, s: "header" })), height: 32 },
  ];
  const headerRow = rows.length;
  for (const e of frozen) {
    const s = standingOf(e, asOf, period);
    const evaluation = e.valid ? s.evaluation ?? "" : INVALID_EVALUATION;
    const cell: Record<TaskColumnKey, CellSpec> = {
      id: { v: e.id, s: "center" },
      area: { v: e.area ?? "", s: "text" },
      title: { v: e.title, s: "text" },
      requirement: { v: e.requirement ?? "", s: "text" },
      leads: { v: e.leads.join("; "), s: "text" },
      partners: { v: e.partners.join("; "), s: "text" },
      deadlineText: { v: e.deadlineText ?? "", s: "text" },
      due: date(e.due),
      status: { v: e.statusText ?? e.status ?? "", s: "statusOther" },
      progress: e.progress === null ? { v: "", s: "int" } : { v: e.progress, s: "int" },
      completedOn: date(e.completedOn),
      result: { v: e.result ?? "", s: "text" },
      note: { v: e.note ?? "", s: "text" },
      evaluation: {
        v: evaluation,
        s: !e.valid || s.overdue || evaluation === "Hoàn thành quá hạn" ? "statusLate" : evaluation.startsWith("Hoàn thành") ? "statusDone" : "statusOther",
      },
      updated: { v: "" },
    };
    rows.push({ cells: CLOSE_COLUMNS.map((k) => cell[k]) });
  }
  // Heights are estimated like the tracker's: LibreOffice and Excel do not grow rows for wrapped text on opening,
  // so long task texts would print on top of each other.
  return {
    sheets: [
      fitForPrint({
        name: closeSheetName(opts.quarter, opts.year),
        state: "visible",
        role: "close",
        // Column A also holds the period block's labels ("Số liệu tính đến ngày"): wide enough to read them in two lines.
        columns: ordered.map((c, i) => ({ width: i === 0 ? Math.max(c.width, CLOSE_LABEL_WIDTH) : c.width })),
        rows,
        merges: [`A1:${last}1`, `A2:${last}2`],
        freeze: { rows: headerRow, cols: 0 },
        validations: [],
        conditionalFormats: [],
        protection: { allowFormatColumns: true, allowAutoFilter: true, allowSort: false },
        print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [headerRow, headerRow], footer: "Trang &P/&N" },
        autoFilter: `A${headerRow}:${last}${Math.max(headerRow, rows.length)}`,
        tabColor: "7F7F7F",
      }, REPORT_STYLES),
    ],
    styles: REPORT_STYLES,
    definedNames: [],
    properties: { title: M.title(period.label), creator: "cchc-tracker" },
  };
}
