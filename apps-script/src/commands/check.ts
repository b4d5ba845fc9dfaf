/** "Kiểm tra dữ liệu": reads the tracker, writes the Kiểm tra sheet and puts the cursor on the first problem. */
import { formatViDate } from "../../../shared/entries/dates.js";
import { buildCheckSheet } from "../../../shared/entries/check-sheet.js";
import { readEntries } from "../../../shared/entries/read.js";
import type { Finding } from "../../../shared/entries/schema.js";
import { sheetsCommandMessages as M } from "../../../shared/messages/sheets.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import { activeSpreadsheet, renderTexts, toast, utcDate, withDocumentLock } from "../host.js";
import { renderWorkbook } from "../sheets/render.js";
import { readTracker, trackerAsOf } from "./tracker.js";

/** Result of a check, for tests and the toast. */
export interface CheckOutcome {
  errors: number;
  warnings: number;
  tasks: number;
  /** Where the cursor was put ("Nhiệm vụ!K7"), or null. */
  focus: string | null;
}

/** Runs the check on the active spreadsheet. */
export function checkActiveSpreadsheet(): CheckOutcome {
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const grid = readTracker(ss);
    const asOf = trackerAsOf(ss);
    const { entries, findings } = readEntries(grid, { asOf: utcDate(asOf) });
    const spec = buildCheckSheet(findings, { subtitle: M.checkSubtitle(ss.getName(), formatViDate(asOf)) });
    renderWorkbook(ss, spec, renderTexts());
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    const tasks = entries?.rows.length ?? 0;
    const visible = new Set(grid.sheets.filter((s) => s.state === "visible").map((s) => s.name));
    const first = firstLocatable(findings, visible);
    let focus: string | null = null;
    if (first) {
      ss.getSheetByName(first.sheet!)!.getRange(first.cell!).activate();
      focus = `${first.sheet}!${first.cell}`;
    }
    toast(ss, findings.length === 0 ? M.checkClean(tasks) : M.checkFound(errors, warnings));
    return { errors, warnings, tasks, focus };
  });
}

/** The first finding (errors before warnings) that names a cell on a visible sheet other than Kiểm tra. */
function firstLocatable(findings: Finding[], visible: Set<string>): Finding | undefined {
  const ok = (f: Finding) => f.sheet !== null && f.cell !== null && f.sheet !== SHEET.check && visible.has(f.sheet);
  return findings.find((f) => f.severity === "error" && ok(f)) ?? findings.find(ok);
}
