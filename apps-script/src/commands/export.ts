/**
 * "Xuất báo cáo…": the quarterly report tables of the tracker (or of a province workbook made by the merge) as a
 * file the dialog offers for download — no Drive write access needed. CSV and .xlsx are made here (the .xlsx by the
 * core's synchronous writer); the .docx is made in the user's browser by the dialog, because the docx library
 * zips asynchronously with timers, which Apps Script does not have: the server sends the report's data instead.
 */
import { UnusableInputError } from "../../../shared/errors.js";
import { buildTaskCsv } from "../../../shared/export/csv.js";
import { reportFromRollup, reportFromSummary, type ReportData } from "../../../shared/export/data.js";
import { buildReportWorkbook } from "../../../shared/export/xlsx.js";
import { readEntries } from "../../../shared/entries/read.js";
import { isProvinceGrid, readProvinceWorkbook, rollupFromProvince } from "../../../shared/merge/province-read.js";
import { sheetsCommandMessages as M, sheetsExportMessages as X } from "../../../shared/messages/sheets.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { fastWriteWorkbook } from "../../../shared/xlsx/fast-write.js";
import { activeSpreadsheet, todayIso, utcDate, withDocumentLock, type CommandResult } from "../host.js";
import { readGrid } from "../sheets/read.js";
import { parsePeriod, type Period, type PeriodRequest } from "./period.js";

/** Export formats and their MIME types. */
export const EXPORT_MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** An export format. */
export type ExportFormat = keyof typeof EXPORT_MIME;

/** A finished export: a file (base64) or, for .docx, the report data the dialog turns into the file. */
export interface ExportResult extends CommandResult {
  fileName?: string;
  mimeType?: string;
  base64?: string;
  report?: ReportData;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes, in plain JavaScript (Utilities.base64Encode wants Java bytes: one conversion per byte). */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    chunk += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    chunk += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    chunk += c === undefined ? "=" : B64[c & 63]!;
    if (chunk.length > 8192) {
      out.push(chunk);
      chunk = "";
    }
  }
  out.push(chunk);
  return out.join("");
}

/** The report of the active spreadsheet for a period: a province workbook's, or a unit tracker's. */
export function reportOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, p: Period): ReportData {
  const grid = readGrid(ss);
  const asOf = p.asOf ? utcDate(p.asOf) : undefined;
  if (isProvinceGrid(grid)) {
    return reportFromRollup(rollupFromProvince(readProvinceWorkbook(grid), { quarter: p.quarter, year: p.year, ...(asOf ? { asOf } : {}) }));
  }
  const { entries } = readEntries(grid, { asOf: utcDate(todayIso()) });
  if (!entries) throw new UnusableInputError(M.checkNoTracker);
  const summary = summarise(entries, { quarter: p.quarter, year: p.year, ...(asOf ? { asOf } : {}) });
  return reportFromSummary(summary, entries);
}

/** Builds the export file of the requested quarter and format. */
export function runExport(req: PeriodRequest & { format?: string }): ExportResult {
  const p = parsePeriod(req);
  const format = req.format as ExportFormat;
  if (!(format in EXPORT_MIME)) throw new UnusableInputError(X.badFormat(String(req.format)));
  const ss = activeSpreadsheet();
  const data = withDocumentLock(() => reportOf(ss, p));
  const fileName = X.fileName(p.quarter, p.year, data.kind === "province" ? null : data.unit, format);
  const base = { ok: true, message: M.exportDone(fileName), fileName, mimeType: EXPORT_MIME[format] };
  if (format === "docx") return { ...base, report: data };
  const bytes = format === "csv" ? new TextEncoder().encode(buildTaskCsv(data)) : fastWriteWorkbook(buildReportWorkbook(data));
  return { ...base, base64: toBase64(bytes) };
}
