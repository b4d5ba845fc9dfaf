/**
 * Locating the task table on a sheet by its header text, not by position: users move, add and rename columns,
 * insert title rows, and other programs re-save the file. Shared by every reader (CLI, Excel add-in, Apps Script).
 */
import { TASK_COLUMNS, type TaskColumnKey } from "../workbook/layout.js";
import { isGroupRowValues } from "../workbook/build-tracker.js";
import type { GridSheet, GridValue } from "./grid.js";
import { foldKey } from "./normalize.js";

/** Where the task table sits on a sheet. Indexes are 0-based (row 0 = spreadsheet row 1). */
export interface TaskTable {
  /** Row of the header. */
  headerRow: number;
  /** Column of each header that was found. */
  columns: Partial<Record<TaskColumnKey, number>>;
  /** The header text found for each column (as the user sees it). */
  headerText: Partial<Record<TaskColumnKey, string>>;
  /** Columns recognised through an alias or a longer, renamed header rather than the tracker's own header. */
  renamed: TaskColumnKey[];
  /** A second column with a header already taken (the first one is read). */
  duplicates: Array<{ key: TaskColumnKey; col: number }>;
  /** Columns of TASK_COLUMNS not found. */
  missing: TaskColumnKey[];
  /** First row after the header. */
  firstRow: number;
  /** Last row with anything in a table column (firstRow − 1 when the table is empty). */
  lastRow: number;
}

/** How many rows from the top are searched for the header. */
const HEADER_SCAN_ROWS = 60;
/** Longest cell text considered as a header. */
const MAX_HEADER_LENGTH = 80;
/** Aliases shorter than this (folded) are only matched whole: "han" must not match "hanh dong". */
const MIN_PREFIX = 5;

interface HeaderKey {
  key: TaskColumnKey;
  folded: string;
  canonical: boolean;
}

const HEADER_KEYS: HeaderKey[] = TASK_COLUMNS.flatMap((c) => [
  { key: c.key, folded: foldKey(c.header), canonical: true },
  ...c.aliases.map((a) => ({ key: c.key, folded: foldKey(a), canonical: false })),
]);

/** Finds the header key a header cell names exactly (after folding), if any. */
function exactKey(folded: string): HeaderKey | undefined {
  return HEADER_KEYS.find((h) => h.folded === folded);
}

/** Finds a header key whose text starts the header cell ("Tiến độ thực hiện" → progress), longest first. */
function prefixKey(folded: string): HeaderKey | undefined {
  let best: HeaderKey | undefined;
  for (const h of HEADER_KEYS) {
    if (h.folded.length >= MIN_PREFIX && folded.startsWith(h.folded) && (!best || h.folded.length > best.folded.length)) {
      best = h;
    }
  }
  return best;
}

function cellText(v: GridValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "";
  return String(v);
}

/** Matches one row's cells to task columns. */
function matchRow(row: GridValue[]): Omit<TaskTable, "headerRow" | "firstRow" | "lastRow" | "missing"> & { exact: number } {
  const columns: Partial<Record<TaskColumnKey, number>> = {};
  const headerText: Partial<Record<TaskColumnKey, string>> = {};
  const renamed: TaskColumnKey[] = [];
  const duplicates: Array<{ key: TaskColumnKey; col: number }> = [];
  const unmatched: Array<{ col: number; text: string; folded: string }> = [];
  let exact = 0;
  const take = (h: HeaderKey, col: number, text: string, viaPrefix: boolean) => {
    if (columns[h.key] !== undefined) {
      duplicates.push({ key: h.key, col });
      return;
    }
    columns[h.key] = col;
    headerText[h.key] = text;
    if (!h.canonical || viaPrefix) renamed.push(h.key);
  };
  row.forEach((v, col) => {
    const text = cellText(v).trim();
    // Headers are short; task titles and notes are not, and folding them all would dominate reading time.
    if (!text || text.length > MAX_HEADER_LENGTH) return;
    const folded = foldKey(text);
    if (!folded) return;
    const h = exactKey(folded);
    if (h) {
      exact++;
      take(h, col, text, false);
    } else unmatched.push({ col, text, folded });
  });
  for (const u of unmatched) {
    const h = prefixKey(u.folded);
    if (h && columns[h.key] === undefined) take(h, u.col, u.text, true);
  }
  return { columns, headerText, renamed, duplicates, exact };
}

/** Finds the task table's header row and columns on a sheet; null when no row looks like the header. */
export function findTaskTable(sheet: GridSheet): TaskTable | null {
  const rows = sheet.values;
  let best: { row: number; score: number; m: ReturnType<typeof matchRow> } | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const m = matchRow(rows[r] ?? []);
    const found = Object.keys(m.columns).length;
    // A header names several task columns, at least one of which identifies a task (Mã or Nội dung).
    if (found < 3 || (m.columns.id === undefined && m.columns.title === undefined)) continue;
    const score = found * 10 + m.exact;
    if (!best || score > best.score) best = { row: r, score, m };
  }
  if (!best) return null;
  const { columns, headerText, renamed, duplicates } = best.m;
  const missing = TASK_COLUMNS.map((c) => c.key).filter((k) => columns[k] === undefined);
  const tableCols = Object.values(columns);
  let lastRow = best.row;
  for (let r = rows.length - 1; r > best.row; r--) {
    const row = rows[r] ?? [];
    if (tableCols.some((c) => cellText(row[c]).trim() !== "" || row[c] instanceof Date)) {
      lastRow = r;
      break;
    }
  }
  return { headerRow: best.row, columns, headerText, renamed, duplicates, missing, firstRow: best.row + 1, lastRow };
}

/** What a row of the task table is. */
export type RowKind = "task" | "group" | "blank" | "noId";

/** Text of a table cell for a key (null when the column is missing or the cell empty). */
export function cellOf(row: GridValue[], table: TaskTable, key: TaskColumnKey): GridValue {
  const col = table.columns[key];
  if (col === undefined) return null;
  const v = row[col];
  return v === undefined ? null : v;
}

function isEmpty(v: GridValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * Classifies a row: a task, a group separator, a blank row, or a row with content but no id. An id the plan's
 * task list (_meta `taskIds`) has is always a task; otherwise the tracker's own group-row rule decides
 * (isGroupRowValues: an id and a title and nothing else — no unit, deadline, entry or Đánh giá formula).
 * Pass the row's formulas when the host gives them: task rows always carry the Đánh giá formula.
 */
export function rowKind(
  row: GridValue[],
  table: TaskTable,
  taskIds?: ReadonlySet<string> | null,
  formulas?: ReadonlyArray<string | null> | null,
): RowKind {
  const cols = Object.values(table.columns);
  if (cols.every((c) => isEmpty(row[c] ?? null))) return "blank";
  const id = idText(cellOf(row, table, "id"));
  if (!id) return "noId";
  if (taskIds && taskIds.has(id)) return "task";
  const byKey: Partial<Record<TaskColumnKey, unknown>> = {};
  for (const [key, col] of Object.entries(table.columns) as Array<[TaskColumnKey, number]>) {
    const v = row[col] ?? null;
    byKey[key] = isEmpty(v) && key === "evaluation" ? formulas?.[col] ?? null : v;
  }
  // A group row has a title; a row whose title is missing too is still a group when nothing else is in it.
  if (isEmpty(cellOf(row, table, "title"))) byKey.title = id;
  return isGroupRowValues(byKey) ? "group" : "task";
}

/** A task id as text: numbers as written ("4", not "4.0"), trimmed, without a trailing dot ("4." → "4"). */
export function idText(v: GridValue): string {
  if (v === null) return "";
  if (v instanceof Date) return "";
  const s = typeof v === "number" ? String(v) : String(v).normalize("NFC").trim();
  return s.replace(/\.$/, "");
}
