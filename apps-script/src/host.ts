/**
 * Small helpers over the Apps Script services every command uses: the active spreadsheet, the UI when there is one
 * (there is none in a time-driven trigger), dates in the right time zone, the document lock, and turning errors
 * into a Vietnamese message instead of Apps Script's red error bar with a stack trace.
 */
import { UnusableInputError, UsageError, describeLocation } from "../../shared/errors.js";
import { sheetsCommandMessages as M, sheetsRenderMessages, sheetsTitles } from "../../shared/messages/sheets.js";
import type { RenderTexts } from "./sheets/render.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A command's outcome as the dialogs receive it through google.script.run. */
export interface CommandResult {
  ok: boolean;
  message: string;
}

/** The spreadsheet the script is bound to. */
export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UsageError(M.noUi);
  return ss;
}

/** The spreadsheet UI, or null when running without one (time-driven trigger). */
export function uiOrNull(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/** Shows a message box when there is a UI; otherwise the message goes to the execution log. */
export function alertUser(message: string, title: string = sheetsTitles.app): void {
  const ui = uiOrNull();
  if (ui) ui.alert(title, message, ui.ButtonSet.OK);
  else console.info(`${title}: ${message}`);
}

/** A short non-blocking notice in the spreadsheet's corner. */
export function toast(ss: Spreadsheet, message: string, title: string = sheetsTitles.app): void {
  ss.toast(message, title, 8);
}

/** Today's calendar day (ISO) in the script's time zone (appsscript.json: Asia/Ho_Chi_Minh). */
export function todayIso(): string {
  return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), "yyyy-MM-dd");
}

/** A Date whose local calendar fields are the ISO day (for core functions that read getFullYear/getMonth/getDate). */
export function localDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** UTC midnight of an ISO day (for core functions that take "a calendar date at UTC midnight"). */
export function utcDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** The texts the renderer writes on protections. */
export function renderTexts(): RenderTexts {
  return sheetsRenderMessages;
}

/** The Vietnamese text for an error: our own errors as they are, anything else as "unexpected". */
export function errorMessage(error: unknown): string {
  if (error instanceof UnusableInputError) {
    const where = describeLocation(error.location);
    return where ? `${error.message} (${where})` : error.message;
  }
  if (error instanceof UsageError) return error.message;
  return M.unexpected(error instanceof Error ? error.message : String(error));
}

/** Logs an error with its stack (Stackdriver, appsscript.json exceptionLogging) unless it is about the user's input. */
function logError(error: unknown): void {
  if (error instanceof UnusableInputError || error instanceof UsageError) return;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/** Runs a menu command: errors become a message box, never a stack trace. */
export function runMenuCommand(title: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    logError(error);
    alertUser(errorMessage(error), title);
  }
}

/** Runs a dialog command (google.script.run): errors become `{ ok: false, message }` for the dialog to show. */
export function runDialogCommand(fn: () => CommandResult): CommandResult {
  try {
    return fn();
  } catch (error) {
    logError(error);
    return { ok: false, message: errorMessage(error) };
  }
}

/** Runs `fn` holding the document lock; refuses with a message when another command holds it for 10 s. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new UsageError(M.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
