/**
 * "Gộp báo cáo các xã…": merges every tracker in a Drive folder (Google spreadsheets and .xlsx files) into the
 * province sheets of the active spreadsheet, inside Apps Script's 6-minute limit per execution.
 *
 * The job runs in slices of at most RUN_BUDGET_MS. Its small state (phase, next file, Drive continuation token,
 * counts, trigger id) is a JSON value in the document properties; anything that grows with the number of files lives
 * in sheets, because a property holds at most 9 KB:
 *   - the visible status sheet: progress lines on top, then one row per file (id, name, type, state, note) — the
 *     queue while the job runs, and afterwards the record of which files were read and which failed and why;
 *   - a hidden staging sheet: each file's Grid as JSON chunks (a cell holds at most 50,000 characters).
 * A slice that runs out of time schedules the next one with a one-off time-driven trigger; the document lock keeps
 * two slices (or a slice and a menu command) from running at once; the last slice merges the staged Grids, renders
 * the province sheets, deletes its trigger, the staging sheet and the state.
 */
import type { Grid, GridSheet, GridValue } from "../../shared/entries/grid.js";
import { sheetsMergeMessages as M, sheetsMergeSheetMessages as S } from "../../shared/messages/sheets.js";
import { apiSpreadsheetToGrid, SHEETS_FIELDS, type ApiSpreadsheet } from "./drive/sheets-api-grid.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { errorMessage, renderTexts } from "./host.js";
import { startProvinceMerge } from "./merge-core.js";
import { parseExpectedUnits } from "../../shared/merge/rollup.js";
import type { Quarter } from "../../shared/summary/periods.js";
import { isDerivedSheet } from "./commands/tracker.js";
import { removeEmptyDefaultSheets, renderWorkbook } from "./sheets/render.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Time one slice may use before it hands over to a trigger (Apps Script stops an execution at 6 minutes). */
export const RUN_BUDGET_MS = 4.5 * 60_000;
/** A slice that reaches the merge step later than this leaves it to the next slice. */
export const FINISH_START_LIMIT_MS = 2 * 60_000;
/** Delay before the next slice. */
export const CONTINUE_AFTER_MS = 60_000;
/** The global function the trigger calls (exported by index.ts). */
export const CONTINUE_HANDLER = "cchcContinueMerge";
/** Property that holds the job state. */
export const STATE_KEY = "cchc.merge.v1";
/** Characters per staged JSON cell (a Sheets cell holds at most 50,000). */
export const CHUNK_CHARS = 40_000;
/** Largest .xlsx file read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Slices that may fail in a row before the job gives up (a bug, not a bad file: bad files are listed and skipped). */
const MAX_FAILED_SLICES = 3;

const MIME_SHEETS = "application/vnd.google-apps.spreadsheet";
const MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const QUERY = `trashed = false and (mimeType = '${MIME_SHEETS}' or mimeType = '${MIME_XLSX}')`;

/** Layout of the status sheet. */
const STATUS_MESSAGE_ROW = 2;
const STATUS_COUNT_ROW = 3;
const QUEUE_HEADER_ROW = 5;
const QUEUE_FIRST_ROW = QUEUE_HEADER_ROW + 1;
/** Queue columns (1-based). */
const Q = { id: 1, name: 2, kind: 3, modified: 4, size: 5, state: 6, note: 7 } as const;
const QUEUE_WIDTH = 7;

/** The job's state, small enough for one property. */
export interface MergeState {
  id: string;
  folderId: string;
  folderName: string;
  phase: "list" | "read" | "finish";
  /** Drive continuation token while listing. */
  token: string | null;
  listed: number;
  next: number;
  read: number;
  failed: number;
  /** Number of reading slices so far (each batch's staged chunks carry it, so a re-read file keeps only its last copy). */
  batch: number;
  quarter: Quarter;
  year: number;
  /** As-of date (ISO) of the roll-up; null = the quarter's cut-off. */
  asOf: string | null;
  triggerId: string | null;
  failedSlices: number;
}

/** What a slice did. */
export interface SliceOutcome {
  phase: MergeState["phase"] | "done" | "aborted";
  listed: number;
  read: number;
  failed: number;
  scheduled: boolean;
  message: string;
}

const props = () => PropertiesService.getDocumentProperties();

/** The job in progress, or null. */
export function loadState(): MergeState | null {
  const raw = props().getProperty(STATE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as MergeState;
  } catch {
    return null;
  }
}

function saveState(state: MergeState): void {
  props().setProperty(STATE_KEY, JSON.stringify(state));
}

/** Extracts a folder id from a Drive URL (".../folders/<id>", "?id=<id>") or a bare id; null if none. */
export function folderIdOf(text: string): string | null {
  const t = text.trim();
  const m = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t) ?? /^([A-Za-z0-9_-]{10,})$/.exec(t);
  return m ? m[1]! : null;
}

/** Deletes the job's triggers: the one recorded in the state and any other pointing at the continuation handler. */
function deleteTriggers(state: MergeState | null): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === CONTINUE_HANDLER || (state?.triggerId && t.getUniqueId() === state.triggerId)) {
      ScriptApp.deleteTrigger(t);
    }
  }
}

function schedule(state: MergeState): void {
  deleteTriggers(state);
  state.triggerId = ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create().getUniqueId();
}

/** Schedules another slice without touching the state (used when the lock is busy: the state belongs to its holder). */
export function scheduleContinuation(): void {
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
}

function statusSheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(S.statusSheet);
}

function setStatus(ss: Spreadsheet, message: string, state: MergeState | null): void {
  const sheet = statusSheet(ss);
  if (!sheet) return;
  const counts = state ? [M.countsLine(state.listed, state.read, state.failed)] : [""];
  sheet.getRange(STATUS_MESSAGE_ROW, 2, 2, 1).setValues([[`'${message}`], [`'${counts[0]}`]]);
}

/** Creates the status sheet (visible) and the staging sheet (hidden), replacing earlier ones. */
function prepareSheets(ss: Spreadsheet, folderName: string): void {
  for (const name of [S.statusSheet, S.stageSheet]) {
    const old = ss.getSheetByName(name);
    if (old) ss.deleteSheet(old);
  }
  const status = ss.insertSheet(S.statusSheet, ss.getNumSheets());
  status
    .getRange(1, 1, QUEUE_HEADER_ROW, QUEUE_WIDTH)
    .setValues([
      [`'${S.statusSheetTitle}`, `'${folderName}`, "", "", "", "", ""],
      [`'${S.messageLabel}`, "", "", "", "", "", ""],
      [`'${S.countsLabel}`, "", "", "", "", "", ""],
      ["", "", "", "", "", "", ""],
      S.queueHeaders.map((h) => `'${h}`),
    ]);
  status.getRange(QUEUE_HEADER_ROW, 1, 1, QUEUE_WIDTH).setFontWeight("bold");
  status.setFrozenRows(QUEUE_HEADER_ROW);
  status.setColumnWidth(Q.name, 320);
  status.setColumnWidth(Q.note, 420);
  const stage = ss.insertSheet(S.stageSheet, ss.getNumSheets());
  stage.hideSheet();
}

/** What a merge is asked for. */
export interface MergeRequest {
  folderId: string;
  quarter: Quarter;
  year: number;
  asOf: string | null;
}

/** Starts a job on a folder (from the merge dialog). Runs the first slice right away. */
export function startMerge(ss: Spreadsheet, req: MergeRequest, startedAt: number): SliceOutcome {
  const { folderId } = req;
  const folder = DriveApp.getFolderById(folderId);
  const folderName = folder.getName();
  const old = loadState();
  if (old) cancelMerge(ss, old);
  prepareSheets(ss, folderName);
  const state: MergeState = {
    id: `${startedAt}`,
    folderId,
    folderName,
    phase: "list",
    token: null,
    listed: 0,
    next: 0,
    read: 0,
    failed: 0,
    batch: 0,
    quarter: req.quarter,
    year: req.year,
    asOf: req.asOf,
    triggerId: null,
    failedSlices: 0,
  };
  saveState(state);
  setStatus(ss, M.started(folderName), state);
  return runSlice(ss, state, startedAt);
}

/** Stops a job: deletes its trigger, state and staging sheet; the status sheet stays with a note. */
export function cancelMerge(ss: Spreadsheet, state: MergeState | null): void {
  deleteTriggers(state);
  props().deleteProperty(STATE_KEY);
  const stage = ss.getSheetByName(S.stageSheet);
  if (stage) ss.deleteSheet(stage);
  setStatus(ss, M.cancelled, null);
}

/** The trigger's entry point: continues the job if there is one (and deletes stray triggers if there is not). */
export function continueMerge(ss: Spreadsheet, startedAt: number): SliceOutcome | null {
  const state = loadState();
  if (!state) {
    deleteTriggers(null);
    return null;
  }
  return runSlice(ss, state, startedAt);
}

/**
 * The expected unit names: column A of the Danh sách đơn vị sheet, if the user made one. Read when the merge
 * finishes (a list of thousands of names would not fit in the state property).
 */
function readExpected(ss: Spreadsheet): string[] | null {
  const sheet = ss.getSheetByName(S.expectedSheet);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const names = values.map((r) => String(r[0] ?? "").trim()).filter((v) => v !== "");
  if (names.length > 0 && names[0] === S.expectedHeader) names.shift();
  // The same reading as the command line's --expect file: numbering, comments and spelling variants are handled.
  return parseExpectedUnits(names.join("\n"));
}

/** Runs one slice of the job from its current phase, and schedules the next slice if it is not finished. */
export function runSlice(ss: Spreadsheet, state: MergeState, startedAt: number): SliceOutcome {
  const elapsed = () => Date.now() - startedAt;
  try {
    if (state.phase === "list") listFiles(ss, state, elapsed);
    if (state.phase === "read") readFiles(ss, state, elapsed);
    if (state.phase === "finish" && elapsed() < FINISH_START_LIMIT_MS) {
      finish(ss, state);
      return { phase: "done", listed: state.listed, read: state.read, failed: state.failed, scheduled: false, message: M.done(state.read, state.failed) };
    }
    state.failedSlices = 0;
    schedule(state);
    saveState(state);
    const message = state.phase === "list" ? M.listing(state.listed) : M.continuing(state.read + state.failed, state.listed);
    setStatus(ss, message, state);
    return { phase: state.phase, listed: state.listed, read: state.read, failed: state.failed, scheduled: true, message };
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    state.failedSlices++;
    if (state.failedSlices >= MAX_FAILED_SLICES) {
      deleteTriggers(state);
      props().deleteProperty(STATE_KEY);
      const message = M.aborted(errorMessage(error));
      setStatus(ss, message, state);
      return { phase: "aborted", listed: state.listed, read: state.read, failed: state.failed, scheduled: false, message };
    }
    schedule(state);
    saveState(state);
    const message = M.retrying(errorMessage(error));
    setStatus(ss, message, state);
    return { phase: state.phase, listed: state.listed, read: state.read, failed: state.failed, scheduled: true, message };
  }
}

/** Lists the folder's spreadsheets and .xlsx files into the queue, resuming from the continuation token. */
function listFiles(ss: Spreadsheet, state: MergeState, elapsed: () => number): void {
  const files = state.token ? DriveApp.continueFileIterator(state.token) : DriveApp.getFolderById(state.folderId).searchFiles(QUERY);
  const rows: Array<Array<string | number>> = [];
  let more = false;
  while (files.hasNext()) {
    if (elapsed() > RUN_BUDGET_MS) {
      more = true;
      break;
    }
    const f = files.next();
    const mime = f.getMimeType();
    const kind = mime === MIME_SHEETS ? "sheets" : "xlsx";
    rows.push([`'${f.getId()}`, `'${f.getName()}`, kind, `'${f.getLastUpdated().toISOString()}`, kind === "xlsx" ? f.getSize() : 0, `'${S.stateQueued}`, ""]);
  }
  if (rows.length > 0) {
    const sheet = statusSheet(ss)!;
    const first = QUEUE_FIRST_ROW + state.listed;
    const need = first + rows.length - 1;
    if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
    sheet.getRange(first, 1, rows.length, QUEUE_WIDTH).setValues(rows);
    state.listed += rows.length;
  }
  if (more) {
    state.token = files.getContinuationToken();
    return;
  }
  state.token = null;
  state.phase = state.listed > 0 ? "read" : "finish";
}

/** Reads one file of the queue into a Grid. */
function readFile(id: string, name: string, kind: string, size: number): Grid {
  if (kind === "sheets") {
    if (typeof Sheets === "undefined" || !Sheets?.Spreadsheets) throw new Error(M.sheetsServiceMissing);
    const api = Sheets.Spreadsheets.get(id, { includeGridData: true, fields: SHEETS_FIELDS }) as unknown as ApiSpreadsheet;
    return apiSpreadsheetToGrid(api, name);
  }
  if (size > MAX_FILE_BYTES) throw new Error(M.fileTooLarge(name, size / (1024 * 1024)));
  const bytes = Uint8Array.from(DriveApp.getFileById(id).getBlob().getBytes(), (b) => b & 255);
  // The shared lean reader (fflate, synchronous: runs in Apps Script's V8). The merge dates a submission by its Drive
  // modification time (the queue's column), not by the time the workbook says it was saved.
  const { modified: _saved, ...grid } = readXlsxGridFast(bytes, { file: name });
  return grid;
}

/** Reads queued files until the time budget is used, staging each Grid and recording each file's state. */
function readFiles(ss: Spreadsheet, state: MergeState, elapsed: () => number): void {
  const status = statusSheet(ss)!;
  const stage = ss.getSheetByName(S.stageSheet)!;
  const count = state.listed - state.next;
  const queue = status.getRange(QUEUE_FIRST_ROW + state.next, 1, count, QUEUE_WIDTH).getValues();
  state.batch++;
  const staged: Array<Array<string | number>> = [];
  const states: string[][] = [];
  let slowest = 0;
  let i = 0;
  for (; i < queue.length; i++) {
    if (elapsed() + slowest > RUN_BUDGET_MS) break;
    const t0 = Date.now();
    const [id, name, kind, , size] = queue[i]!.map((v) => String(v));
    try {
      const grid = readFile(id!, name!, kind!, Number(size));
      chunk(encodeGrid(compactGrid(grid))).forEach((text, c) => staged.push([state.next + i, state.batch, c, `'${text}`]));
      states.push([`'${S.stateRead}`, ""]);
      state.read++;
    } catch (error) {
      states.push([`'${S.stateFailed}`, `'${M.fileError(name!, errorMessage(error))}`]);
      state.failed++;
    }
    slowest = Math.max(slowest, Date.now() - t0);
  }
  if (staged.length > 0) {
    const first = stage.getLastRow() + 1;
    const need = first + staged.length - 1;
    if (need > stage.getMaxRows()) stage.insertRowsAfter(stage.getMaxRows(), need - stage.getMaxRows());
    stage.getRange(first, 1, staged.length, 4).setValues(staged);
  }
  if (states.length > 0) status.getRange(QUEUE_FIRST_ROW + state.next, Q.state, states.length, 2).setValues(states);
  state.next += i;
  if (state.next >= state.listed) state.phase = "finish";
}

/** Drops what the merge never reads (outputs of earlier commands) and the empty edges of each sheet. */
export function compactGrid(grid: Grid): Grid {
  const sheets: GridSheet[] = grid.sheets.map((s) => {
    if (isDerivedSheet(s.name)) return { name: s.name, state: s.state, values: [] };
    const trim = <T>(rows: T[][], empty: (v: T) => boolean) => {
      const out = rows.map((r) => {
        let n = r.length;
        while (n > 0 && empty(r[n - 1]!)) n--;
        return r.slice(0, n);
      });
      let m = out.length;
      while (m > 0 && out[m - 1]!.length === 0) m--;
      return out.slice(0, m);
    };
    const values = trim(s.values, (v: GridValue) => v === null);
    const out: GridSheet = { name: s.name, values };
    if (s.state) out.state = s.state;
    if (s.formulas) {
      const formulas = trim(s.formulas, (v: string | null) => v === null);
      if (formulas.length > 0) out.formulas = formulas;
    }
    if (s.truncated) out.truncated = s.truncated;
    return out;
  });
  return { ...grid, sheets };
}

/** JSON with dates as {"$d": ISO}, since JSON has no dates. */
export function encodeGrid(grid: Grid): string {
  return JSON.stringify(grid, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date || Object.prototype.toString.call(raw) === "[object Date]" ? { $d: (raw as Date).toISOString() } : value;
  });
}

/** The inverse of encodeGrid. */
export function decodeGrid(text: string): Grid {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === "object" && "$d" in (value as object) && Object.keys(value as object).length === 1
      ? new Date((value as { $d: string }).$d)
      : value,
  ) as Grid;
}

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) out.push(text.slice(i, i + CHUNK_CHARS));
  return out.length > 0 ? out : [""];
}

/** Merges the staged Grids and the failures into the province sheets; cleans up the job. */
function finish(ss: Spreadsheet, state: MergeState): void {
  setStatus(ss, M.finishing, state);
  const merge = startProvinceMerge({ quarter: state.quarter, year: state.year, asOf: state.asOf, expected: readExpected(ss) });
  if (state.listed > 0) {
    const queue = statusSheet(ss)!.getRange(QUEUE_FIRST_ROW, 1, state.listed, QUEUE_WIDTH).getValues();
    const stage = ss.getSheetByName(S.stageSheet);
    const rows = stage && stage.getLastRow() > 0 ? stage.getRange(1, 1, stage.getLastRow(), 4).getValues() : [];
    // Keep, per file, the chunks of the last batch that read it (a slice cut short may have staged it twice).
    const best = new Map<number, { batch: number; parts: string[] }>();
    for (const [index, batch, part, text] of rows) {
      const k = Number(index);
      const b = Number(batch);
      const cur = best.get(k);
      if (!cur || b > cur.batch) best.set(k, { batch: b, parts: [] });
      const entry = best.get(k)!;
      if (b === entry.batch) entry.parts[Number(part)] = String(text);
    }
    rows.length = 0;
    queue.forEach((row, index) => {
      const name = String(row[Q.name - 1]);
      const modified = new Date(String(row[Q.modified - 1]));
      const staged = best.get(index);
      if (String(row[Q.state - 1]) === S.stateRead && staged) {
        // One file at a time: decoded, read into entries, added to the streaming roll-up, then dropped.
        merge.addGrid(name, Number.isFinite(modified.getTime()) ? modified : null, decodeGrid(staged.parts.join("")));
        best.delete(index);
      } else {
        merge.addFailure(name, String(row[Q.note - 1] || M.notRead));
      }
    });
  }
  const { spec } = merge.finish();
  renderWorkbook(ss, spec, renderTexts());
  removeEmptyDefaultSheets(ss);
  deleteTriggers(state);
  props().deleteProperty(STATE_KEY);
  const stage = ss.getSheetByName(S.stageSheet);
  if (stage) ss.deleteSheet(stage);
  setStatus(ss, M.done(state.read, state.failed), state);
  ss.toast(M.done(state.read, state.failed), M.title, 10);
}
