/** "Gộp báo cáo các xã…": validates the merge dialog's request and starts the Drive merge job. */
import { UsageError } from "../../../shared/errors.js";
import { sheetsCommandMessages, sheetsMergeMessages as M, sheetsMessages } from "../../../shared/messages/sheets.js";
import { activeSpreadsheet, type CommandResult } from "../host.js";
import { folderIdOf, loadState, startMerge } from "../merge-job.js";
import { parsePeriod, type PeriodRequest } from "./period.js";

/** What the merge dialog sends. */
export interface MergeDialogRequest extends PeriodRequest {
  folder?: string;
  restart?: boolean;
}

/** Starts merging the folder's trackers; the first slice runs now, the rest continue from a trigger. */
export function runMerge(req: MergeDialogRequest, startedAt: number): CommandResult {
  const p = parsePeriod(req);
  const text = (req.folder ?? "").trim();
  if (!text) return { ok: false, message: sheetsMessages.dialogs.period.needFolder };
  const folderId = folderIdOf(text);
  if (!folderId) return { ok: false, message: M.badFolder(text) };
  const running = loadState();
  if (running && !req.restart) return { ok: false, message: M.alreadyRunning(running.read + running.failed, running.listed) };
  try {
    DriveApp.getFolderById(folderId);
  } catch {
    return { ok: false, message: M.folderNotFound(folderId) };
  }
  const ss = activeSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new UsageError(sheetsCommandMessages.busy);
  try {
    const outcome = startMerge(ss, { folderId, quarter: p.quarter, year: p.year, asOf: p.asOf }, startedAt);
    return { ok: outcome.phase !== "aborted", message: outcome.message };
  } finally {
    lock.releaseLock();
  }
}
