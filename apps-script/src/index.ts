/**
 * The Apps Script globals. This is the only module with exports: the build turns each export into a top-level
 * `function name(...args)` that forwards to the bundle, which is what menus, triggers and google.script.run call.
 * Keep every export a function and every name listed in menu.ts exported here (a test checks both).
 */
import { sheetsTitles } from "../../shared/messages/sheets.js";
import type { Status } from "../../shared/workbook/layout.js";
import { checkActiveSpreadsheet } from "./commands/check.js";
import { createTracker, type CreateRequest } from "./commands/create.js";
import { showCreateDialog, showPeriodDialog, type PeriodMode } from "./commands/dialogs.js";
import { runExport } from "./commands/export.js";
import { runMerge, type MergeDialogRequest } from "./commands/merge.js";
import { runClose, runSummary } from "./commands/period.js";
import { setStatusOnSelection } from "./commands/status.js";
import { runDialogCommand, runMenuCommand, type CommandResult } from "./host.js";
import { buildMenu } from "./menu.js";
import { continueMerge, loadState, scheduleContinuation } from "./merge-job.js";
import { installPolyfills } from "./polyfills.js";

installPolyfills();

/** Simple trigger: adds the CCHC menu when the spreadsheet opens. */
export function onOpen(_e?: unknown): void {
  buildMenu(SpreadsheetApp.getUi());
}

const status = (s: Status) => () => runMenuCommand(s, () => setStatusOnSelection(s));

/** Trạng thái → Chưa triển khai. */
export const cchcStatusNotStarted = status("Chưa triển khai");
/** Trạng thái → Đang thực hiện. */
export const cchcStatusInProgress = status("Đang thực hiện");
/** Trạng thái → Hoàn thành. */
export const cchcStatusDone = status("Hoàn thành");
/** Trạng thái → Không thực hiện. */
export const cchcStatusDropped = status("Không thực hiện");

/** Menu: opens the "create a tracker from a plan" dialog. */
export function cchcShowCreateDialog(): void {
  runMenuCommand(sheetsTitles.createTracker, showCreateDialog);
}

/** Dialog (google.script.run): builds the tracker from pasted text or an uploaded plan file. */
export function cchcCreateTracker(req: CreateRequest): CommandResult {
  return runDialogCommand(() => createTracker(req ?? {}));
}

/** Menu: checks the entries, writes the Kiểm tra sheet, selects the first problem. */
export function cchcCheck(): void {
  runMenuCommand(sheetsTitles.check, () => void checkActiveSpreadsheet());
}

/** Menu: the quarterly summary dialog. */
export function cchcShowSummaryDialog(): void {
  runMenuCommand(sheetsTitles.summary, () => showPeriodDialog("summary"));
}

/** Menu: the close-the-quarter dialog. */
export function cchcShowCloseDialog(): void {
  runMenuCommand(sheetsTitles.closeQuarter, () => showPeriodDialog("close"));
}

/** Menu: the export dialog. */
export function cchcShowExportDialog(): void {
  runMenuCommand(sheetsTitles.export, () => showPeriodDialog("export"));
}

/** Dialog (google.script.run): runs the period dialog's command (summary, close, export or merge). */
export function cchcRunPeriod(req: MergeDialogRequest & { mode: PeriodMode; format?: string }): CommandResult {
  const startedAt = Date.now();
  return runDialogCommand(() => {
    if (req?.mode === "merge") return runMerge(req, startedAt);
    if (req?.mode === "close") return runClose(req);
    if (req?.mode === "export") return runExport(req);
    return runSummary(req);
  });
}

/** Menu: the merge dialog (a Drive folder and the reporting quarter). */
export function cchcShowMergeDialog(): void {
  runMenuCommand(sheetsTitles.merge, () => showPeriodDialog("merge"));
}

/** Time-driven trigger: the next slice of a Drive merge. */
export function cchcContinueMerge(_e?: unknown): void {
  const startedAt = Date.now();
  const lock = LockService.getDocumentLock();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!lock.tryLock(30_000)) {
    // Another command holds the spreadsheet: try again later rather than lose the job.
    if (loadState()) scheduleContinuation();
    return;
  }
  try {
    continueMerge(ss, startedAt);
  } finally {
    lock.releaseLock();
  }
}
