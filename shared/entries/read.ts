/**
 * Grid → Entries + Findings: reads a tracker whatever host or program last saved it, and reports every entry
 * that is wrong (domain.md, "Statuses and evaluation"; quality.md, "Bad input"). Pure and synchronous.
 */
import type { IsoDate } from "../plan/schema.js";
import { createUnitLexicon, splitUnits, type UnitLexicon } from "../plan/units.js";
import { closeSheetMessages, findingMessages as F } from "../messages/index.js";
import { parseCloseSheetName } from "../summary/periods.js";
import { SCHEMA_VERSION, SHEET, STATUSES, TASK_COLUMNS, type Status, type TaskColumnKey } from "../workbook/layout.js";
import { a1 } from "./a1.js";
import { closeChecksum } from "./checksum.js";
import { formatViDate, isoFromInstant, readDateCell } from "./dates.js";
import { isFormulaLike } from "./formula-guard.js";
import type { Grid, GridSheet, GridValue } from "./grid.js";
import { findMetaSheet, readMeta } from "./meta.js";
import { foldKey, quote, tidyText } from "./normalize.js";
import type { ClosedQuarter, Entries, EntriesMeta, Entry, Finding } from "./schema.js";
import { cellOf, findTaskTable, idText, rowKind, type TaskTable } from "./task-table.js";

/** Options for reading entries. */
export interface ReadEntriesOptions {
  /**
   * The as-of date: completion dates after it are errors. A calendar date at UTC midnight
   * (`new Date("2026-09-14")`); the time of day is ignored. Omitted: no such check.
   */
  asOf?: Date;
}

/** What reading a tracker gives: the entries (null when no task table could be read) and every finding. */
export interface ReadEntriesResult {
  entries: Entries | null;
  findings: Finding[];
}

/** Excel's limit on the length of a cell's text. */
const MAX_CELL_TEXT = 32_767;

/** Columns the user fills: a formula there is an error (it must hold a value). */
const ENTRY_KEYS: TaskColumnKey[] = TASK_COLUMNS.filter((c) => c.owner === "user").map((c) => c.key);
/** Columns without which entries cannot be read or checked: their absence is an error, others' a warning. */
const REQUIRED_KEYS = new Set<TaskColumnKey>(["id", "title", "leads", "due", "status", "progress", "completedOn", "result", "note"]);
/** Text columns where a leading "=" could turn into a formula in another program. */
const FREE_TEXT_KEYS: TaskColumnKey[] = ["result", "note", "area"];

const DONE: Status = "Hoàn thành";
const DROPPED: Status = "Không thực hiện";
const NOT_STARTED: Status = "Chưa triển khai";

const HEADER_OF = Object.fromEntries(TASK_COLUMNS.map((c) => [c.key, c.header])) as Record<TaskColumnKey, string>;

type Where = { sheet: string | null; cell: string | null; taskId: string | null };

/** Collects findings for one file. */
class FindingList {
  readonly items: Finding[] = [];
  constructor(private readonly file: string | undefined) {}
  add(severity: Finding["severity"], code: keyof typeof F, where: Where, message: string, hint: string): void {
    const f: Finding = { severity, sheet: where.sheet, cell: where.cell, taskId: where.taskId, code, message, hint };
    if (this.file !== undefined) f.file = this.file;
    this.items.push(f);
  }
}

/** Reads a tracker's entries and checks them. Never throws on user data: problems become findings. */
export function readEntries(grid: Grid, opts: ReadEntriesOptions = {}): ReadEntriesResult {
  const out = new FindingList(grid.file);
  const asOf = opts.asOf ? isoFromInstant(opts.asOf) : null;

  for (const s of grid.sheets) {
    if (s.truncated) out.add("warning", "sheetTruncated", { sheet: s.name, cell: null, taskId: null },
      F.sheetTruncated.message(s.truncated.rows, s.truncated.cols), F.sheetTruncated.hint());
  }

  const meta = checkMeta(grid, out);

  const located = locateTaskSheet(grid);
  if (!located) {
    out.add("error", "noTaskTable", { sheet: null, cell: null, taskId: null }, F.noTaskTable.message(), F.noTaskTable.hint());
    return { entries: null, findings: out.items };
  }
  const { sheet, table } = located;
  if (sheet.name !== SHEET.tasks) {
    out.add("warning", "tasksSheetRenamed", { sheet: sheet.name, cell: null, taskId: null },
      F.tasksSheetRenamed.message(sheet.name, SHEET.tasks), F.tasksSheetRenamed.hint(SHEET.tasks));
  }
  checkHeaders(sheet, table, out);
  if (table.columns.id === undefined) return { entries: null, findings: out.items };

  const taskIds = meta.taskIds ? new Set(meta.taskIds) : null;
  const units = unitSplitter();
  const rows: Entry[] = [];
  const firstRowOf = new Map<string, number>();
  const evalOverwritten: string[] = [];
  const evalCol = table.columns.evaluation;
  // Hosts that give formulas give them for every cell, so a task row without the Đánh giá formula lost it.
  const hasFormulaInfo = sheet.formulas !== undefined && evalCol !== undefined;
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const values = sheet.values[r] ?? [];
    const kind = rowKind(values, table, taskIds, sheet.formulas?.[r]);
    if (kind === "blank" || kind === "group") continue;
    if (kind === "noId") {
      if (hasEntryValues(values, table)) {
        out.add("warning", "rowWithoutId", { sheet: sheet.name, cell: a1(r, table.columns.id), taskId: null },
          F.rowWithoutId.message(), F.rowWithoutId.hint());
      }
      continue;
    }
    const rowFindings = new FindingList(grid.file);
    const entry = readRow({ sheet, table, asOf, periodFrom: meta.periodFrom, units }, r, rowFindings);
    const idCell = a1(r, table.columns.id);
    const first = firstRowOf.get(entry.id);
    if (first !== undefined) {
      // The first row is kept; a second one would count the task twice.
      out.add("error", "taskDuplicate", { sheet: sheet.name, cell: idCell, taskId: entry.id },
        F.taskDuplicate.message(entry.id, first), F.taskDuplicate.hint());
      continue;
    }
    firstRowOf.set(entry.id, r + 1);
    if (taskIds && !taskIds.has(entry.id)) {
      out.add("warning", "taskUnknown", { sheet: sheet.name, cell: idCell, taskId: entry.id },
        F.taskUnknown.message(entry.id), F.taskUnknown.hint());
    }
    if (hasFormulaInfo && !sheet.formulas?.[r]?.[evalCol!]) evalOverwritten.push(a1(r, evalCol!));
    out.items.push(...rowFindings.items);
    rows.push(entry);
  }
  if (evalOverwritten.length > 0) {
    const shown = evalOverwritten.slice(0, 10).join(", ") + (evalOverwritten.length > 10 ? ", …" : "");
    out.add("warning", "evaluationOverwritten", { sheet: sheet.name, cell: evalOverwritten[0]!, taskId: null },
      F.evaluationOverwritten.message(evalOverwritten.length, shown), F.evaluationOverwritten.hint());
  }
  if (meta.taskIds) {
    for (const id of meta.taskIds) {
      if (!firstRowOf.has(id)) {
        out.add("error", "taskMissing", { sheet: sheet.name, cell: null, taskId: id }, F.taskMissing.message(id), F.taskMissing.hint());
      }
    }
  }

  const closes = readCloses(grid, meta, out, units);
  const entries: Entries = {
    file: grid.file ?? null,
    meta,
    sheet: sheet.name,
    headerRow: table.headerRow + 1,
    rows,
    closes,
  };
  return { entries, findings: out.items };
}

/** Reads _meta and reports a missing sheet, an unknown template version or missing keys. */
function checkMeta(grid: Grid, out: FindingList): EntriesMeta {
  const metaSheet = findMetaSheet(grid);
  const { meta, cells } = readMeta(metaSheet);
  if (!metaSheet) {
    out.add("error", "notTracker", { sheet: null, cell: null, taskId: null }, F.notTracker.message(), F.notTracker.hint());
    return meta;
  }
  const where = (cell: string | undefined): Where => ({ sheet: metaSheet.name, cell: cell ?? null, taskId: null });
  if (meta.schemaVersion !== null && meta.schemaVersion !== SCHEMA_VERSION) {
    out.add("error", "unknownVersion", where(cells.schemaVersion),
      F.unknownVersion.message(meta.schemaVersion, SCHEMA_VERSION), F.unknownVersion.hint());
  }
  const missing = (["schemaVersion", "planId", "year"] as const).filter((k) => meta[k] === null);
  if (missing.length > 0) {
    out.add("error", "metaIncomplete", where(undefined), F.metaIncomplete.message(missing.join(", ")), F.metaIncomplete.hint());
  }
  return meta;
}

/** Finds the task table: on the Nhiệm vụ sheet, else on the first other sheet that has one. */
function locateTaskSheet(grid: Grid): { sheet: GridSheet; table: TaskTable } | null {
  const named = grid.sheets.find((s) => foldKey(s.name) === foldKey(SHEET.tasks));
  if (named) {
    const table = findTaskTable(named);
    if (table) return { sheet: named, table };
  }
  const skip = new Set([SHEET.meta, SHEET.lists, SHEET.check, SHEET.guide].map(foldKey));
  for (const s of grid.sheets) {
    if (s === named || skip.has(foldKey(s.name)) || parseCloseSheetName(s.name) || foldKey(s.name).startsWith("tonghop")) continue;
    const table = findTaskTable(s);
    if (table) return { sheet: s, table };
  }
  return null;
}

/** Reports missing, renamed and duplicated headers and moved columns. */
function checkHeaders(sheet: GridSheet, table: TaskTable, out: FindingList): void {
  const headerRowCell = (key: TaskColumnKey) => {
    const col = table.columns[key];
    return col === undefined ? null : a1(table.headerRow, col);
  };
  for (const key of table.missing) {
    const header = HEADER_OF[key];
    out.add(REQUIRED_KEYS.has(key) ? "error" : "warning", "headerMissing",
      { sheet: sheet.name, cell: `${table.headerRow + 1}:${table.headerRow + 1}`, taskId: null },
      F.headerMissing.message(header), F.headerMissing.hint(header));
  }
  for (const key of table.renamed) {
    const header = HEADER_OF[key];
    out.add("warning", "headerRenamed", { sheet: sheet.name, cell: headerRowCell(key), taskId: null },
      F.headerRenamed.message(table.headerText[key] ?? "", header), F.headerRenamed.hint(header));
  }
  for (const d of table.duplicates) {
    out.add("warning", "headerDuplicate", { sheet: sheet.name, cell: a1(table.headerRow, d.col), taskId: null },
      F.headerDuplicate.message(HEADER_OF[d.key]), F.headerDuplicate.hint());
  }
  const order = TASK_COLUMNS.map((c) => table.columns[c.key]).filter((c): c is number => c !== undefined);
  if (order.some((c, i) => i > 0 && c < order[i - 1]!)) {
    out.add("warning", "columnsMoved", { sheet: sheet.name, cell: null, taskId: null }, F.columnsMoved.message(), F.columnsMoved.hint());
  }
}

function hasEntryValues(values: GridValue[], table: TaskTable): boolean {
  return (["title", "status", "progress", "completedOn", "result", "note"] as const).some((k) => {
    const v = cellOf(values, table, k);
    return v !== null && !(typeof v === "string" && v.trim() === "");
  });
}

/** What reading one row needs. */
interface RowContext {
  sheet: GridSheet;
  table: TaskTable;
  asOf: IsoDate | null;
  periodFrom: IsoDate | null;
  units: (text: string | null) => string[];
}

/** Text of a cell (numbers as written, dates as dd/mm/yyyy), tidied; null when empty. */
function textOf(v: GridValue): string | null {
  if (v === null) return null;
  if (v instanceof Date) {
    const d = readDateCell(v);
    return d.kind === "date" ? formatViDate(d.iso) : null;
  }
  const s = tidyText(String(v));
  return s === "" ? null : s;
}

/**
 * Splits units cells with the plan reader's own rules (one or more units separated by ";" or new lines,
 * canonical names). The lexicon is built once per process and each distinct cell text split once per workbook: trackers
 * repeat the same few lead texts on every row.
 */
let sharedLexicon: UnitLexicon | null = null;

function unitSplitter(): (text: string | null) => string[] {
  const memo = new Map<string, string[]>();
  return (text) => {
    if (!text) return [];
    let units = memo.get(text);
    if (!units) {
      sharedLexicon ??= createUnitLexicon();
      units = splitUnits(text, sharedLexicon);
      memo.set(text, units);
    }
    return [...units];
  };
}

/** A status typed over the dropdown: exact, loosely equal (case, diacritics), or not a status. */
export function matchStatus(text: string): { status: Status; exact: boolean } | null {
  const t = tidyText(text);
  const exact = STATUSES.find((s) => s === t);
  if (exact) return { status: exact, exact: true };
  const folded = foldKey(t);
  const loose = STATUSES.find((s) => foldKey(s) === folded);
  return loose ? { status: loose, exact: false } : null;
}

/** The status a wrong text most likely meant, for the hint ("Đã hoàn thành" → Hoàn thành). */
export function suggestStatus(text: string): Status | null {
  const f = foldKey(text);
  if (f.includes("khong")) return DROPPED;
  if (f.includes("chuahoanthanh") || f.includes("dang")) return "Đang thực hiện";
  if (f.includes("chua")) return NOT_STARTED;
  if (f.includes("hoanthanh") || f === "xong" || f.includes("daxong")) return DONE;
  return null;
}

/** Reads progress: a whole number 0–100; text "50" or "50%" is read with a warning. */
function readProgress(v: GridValue): { value: number | null; asText: string | null; bad: "invalid" | null } {
  if (v === null) return { value: null, asText: null, bad: null };
  if (typeof v === "number") return { value: v, asText: null, bad: null };
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return { value: null, asText: null, bad: null };
    const m = /^(-?\d+(?:[.,]\d+)?)\s*%?$/.exec(t);
    if (m) return { value: Number(m[1]!.replace(",", ".")), asText: t, bad: null };
  }
  return { value: null, asText: null, bad: "invalid" };
}

function showNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** Reads one task row and checks it; findings go to `out`. */
function readRow(ctx: RowContext, r: number, out: FindingList): Entry {
  const { sheet, table } = ctx;
  const values = sheet.values[r] ?? [];
  const get = (k: TaskColumnKey) => cellOf(values, table, k);
  const cellAt = (k: TaskColumnKey) => (table.columns[k] === undefined ? null : a1(r, table.columns[k]));
  const id = idText(get("id"));
  const where = (k: TaskColumnKey | null): Where => ({ sheet: sheet.name, cell: k ? cellAt(k) : null, taskId: id });
  let errors = 0;
  const err = (code: keyof typeof F, k: TaskColumnKey | null, message: string, hint: string) => {
    errors++;
    out.add("error", code, where(k), message, hint);
  };
  const warn = (code: keyof typeof F, k: TaskColumnKey | null, message: string, hint: string) =>
    out.add("warning", code, where(k), message, hint);

  // Formulas where the user must type a value: the cached result is still read, nothing else is said of that cell.
  const formulaCells = new Set<TaskColumnKey>();
  for (const k of ENTRY_KEYS) {
    const col = table.columns[k];
    const formula = col === undefined ? null : sheet.formulas?.[r]?.[col];
    if (formula) {
      formulaCells.add(k);
      err("formulaInEntry", k, F.formulaInEntry.message(HEADER_OF[k], quote(formula, 40)), F.formulaInEntry.hint());
    }
  }
  for (const c of TASK_COLUMNS) {
    const v = get(c.key);
    // Excel cuts (and offers to "repair") longer cells, so the file is wrong even if the figures are not.
    if (typeof v === "string" && v.length > MAX_CELL_TEXT) err("textTooLong", c.key, F.textTooLong.message(v.length), F.textTooLong.hint());
  }
  for (const k of FREE_TEXT_KEYS) {
    const v = get(k);
    if (typeof v === "string" && !formulaCells.has(k) && isFormulaLike(v.trimEnd())) {
      warn("formulaText", k, F.formulaText.message(quote(v, 40)), F.formulaText.hint());
    }
  }

  // Status: empty = Chưa triển khai.
  const statusCell = get("status");
  const statusText = textOf(statusCell);
  let status: Status | null = NOT_STARTED;
  if (statusText !== null) {
    const m = typeof statusCell === "string" ? matchStatus(statusText) : null;
    if (m) {
      status = m.status;
      if (!m.exact && !formulaCells.has("status")) warn("statusNotExact", "status", F.statusNotExact.message(quote(statusText), m.status), F.statusNotExact.hint());
    } else {
      status = null;
      if (!formulaCells.has("status")) err("statusInvalid", "status", F.statusInvalid.message(quote(statusText)), F.statusInvalid.hint(suggestStatus(statusText)));
      else errors++;
    }
  }

  // Progress: a whole number 0–100.
  const p = readProgress(get("progress"));
  const progress = p.value;
  if (!formulaCells.has("progress")) {
    const raw = get("progress");
    if (p.bad) {
      err("progressInvalid", "progress", F.progressInvalid.message(quote(textOf(raw) ?? String(raw))), F.progressInvalid.hint());
    } else if (progress !== null) {
      if (p.asText !== null) warn("progressAsText", "progress", F.progressAsText.message(quote(p.asText), showNumber(progress)), F.progressAsText.hint());
      if (progress < 0 || progress > 100) {
        // The value is kept (the row is invalid anyway) so a frozen copy of the row stays invalid too.
        err("progressOutOfRange", "progress", F.progressOutOfRange.message(showNumber(progress)), F.progressOutOfRange.hint());
      } else if (!Number.isInteger(progress)) {
        err("progressNotWhole", "progress", F.progressNotWhole.message(showNumber(progress)), F.progressNotWhole.hint());
      }
    }
  }

  // Completion date.
  const done = readDateCell(get("completedOn"));
  let completedOn: IsoDate | null = null;
  if (done.kind === "date") {
    completedOn = done.iso;
    if (!formulaCells.has("completedOn")) {
      if (done.asText) warn("dateAsText", "completedOn", F.dateAsText.message(quote(String(get("completedOn"))), formatViDate(done.iso)), F.dateAsText.hint());
      if (ctx.asOf && done.iso > ctx.asOf) {
        err("completedAfterAsOf", "completedOn", F.completedAfterAsOf.message(formatViDate(done.iso), formatViDate(ctx.asOf)), F.completedAfterAsOf.hint());
      } else if (ctx.periodFrom && done.iso < ctx.periodFrom) {
        err("completedBeforePeriod", "completedOn", F.completedBeforePeriod.message(formatViDate(done.iso), formatViDate(ctx.periodFrom)), F.completedBeforePeriod.hint());
      }
    }
  } else if (done.kind === "invalid" && !formulaCells.has("completedOn")) {
    err("dateInvalid", "completedOn", F.dateInvalid.message(quote(done.text)), F.dateInvalid.hint());
  }

  // Due date (a plan column: a real date, empty for recurring tasks).
  const dueRead = readDateCell(get("due"));
  const due = dueRead.kind === "date" ? dueRead.iso : null;
  if (dueRead.kind === "invalid") warn("dueInvalid", "due", F.dueInvalid.message(quote(dueRead.text)), F.dueInvalid.hint());

  const result = textOf(get("result"));
  const note = textOf(get("note"));

  // Rules across cells.
  if (status === DONE) {
    if (done.kind === "empty") err("doneWithoutDate", "completedOn", F.doneWithoutDate.message(), F.doneWithoutDate.hint());
    if (result === null) err("doneWithoutResult", "result", F.doneWithoutResult.message(), F.doneWithoutResult.hint());
    if (progress !== null && progress < 100 && !formulaCells.has("progress")) {
      err("doneProgressBelow100", "progress", F.doneProgressBelow100.message(showNumber(progress)), F.doneProgressBelow100.hint());
    }
  } else if (status !== null) {
    if (done.kind !== "empty" && !formulaCells.has("completedOn")) {
      warn("completedOnNotDone", "completedOn", F.completedOnNotDone.message(status), F.completedOnNotDone.hint());
    }
    if (status === DROPPED && note === null) err("droppedWithoutReason", "note", F.droppedWithoutReason.message(), F.droppedWithoutReason.hint());
    if (status === NOT_STARTED && progress !== null && progress > 0 && !formulaCells.has("progress")) {
      warn("progressNotStarted", "progress", F.progressNotStarted.message(showNumber(progress)), F.progressNotStarted.hint());
    }
  }

  const updated = readDateCell(get("updated"));
  return {
    id,
    row: r + 1,
    area: textOf(get("area")),
    title: textOf(get("title")) ?? "",
    requirement: textOf(get("requirement")),
    leads: ctx.units(textOf(get("leads"))),
    partners: ctx.units(textOf(get("partners"))),
    deadlineText: textOf(get("deadlineText")),
    due,
    recurring: dueRead.kind === "empty",
    status,
    statusText,
    progress,
    completedOn,
    result,
    note,
    updated: updated.kind === "date" ? updated.iso : null,
    valid: errors === 0,
  };
}

/** Reads every close sheet (chốt quý): its period block, its frozen rows and whether its checksum still matches. */
function readCloses(grid: Grid, meta: EntriesMeta, out: FindingList, units: (text: string | null) => string[]): ClosedQuarter[] {
  const closes: ClosedQuarter[] = [];
  for (const sheet of grid.sheets) {
    const q = parseCloseSheetName(sheet.name);
    if (!q) continue;
    const table = findTaskTable(sheet);
    if (!table || table.columns.id === undefined) continue;
    const labels = closeSheetMessages.labels;
    const block = new Map<string, GridValue>();
    for (let r = 0; r < table.headerRow; r++) {
      const row = sheet.values[r] ?? [];
      const label = typeof row[0] === "string" ? foldKey(row[0]) : "";
      if (label) block.set(label, row[1] ?? null);
    }
    const dateOf = (label: string) => {
      const d = readDateCell(block.get(foldKey(label)) ?? null);
      return d.kind === "date" ? d.iso : null;
    };
    const from = dateOf(labels.from);
    const to = dateOf(labels.to);
    const asOf = dateOf(labels.asOf);
    if (!from || !to || !asOf) continue;
    const rows: Entry[] = [];
    const seen = new Set<string>();
    const ignore = new FindingList(grid.file);
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const values = sheet.values[r] ?? [];
      if (rowKind(values, table, meta.taskIds ? new Set(meta.taskIds) : null, sheet.formulas?.[r]) !== "task") continue;
      // Closed rows were checked when they were live; they are history now, so their findings are not repeated.
      const read = readRow({ sheet, table, asOf, periodFrom: meta.periodFrom, units }, r, ignore);
      // A row that was invalid when the quarter was closed stays invalid, whatever its frozen cells now say.
      const frozenInvalid = textOf(cellOf(values, table, "evaluation")) === closeSheetMessages.invalidEvaluation;
      const entry = frozenInvalid ? { ...read, valid: false } : read;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      rows.push(entry);
    }
    const written = block.get(foldKey(labels.checksum));
    const intact = typeof written === "string" && written.trim() === closeChecksum(rows);
    if (!intact) {
      out.add("warning", "closeTampered", { sheet: sheet.name, cell: null, taskId: null }, F.closeTampered.message(), F.closeTampered.hint());
    }
    closes.push({ sheet: sheet.name, quarter: q.quarter, year: q.year, from, to, asOf, closedOn: dateOf(labels.closedOn), rows, intact });
  }
  return closes;
}
