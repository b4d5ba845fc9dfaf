/**
 * The web app's work on files: bytes in, a file to download out. Each function only reads its input, calls the
 * shared core and returns plain data (the page renders it). Until shared/app lands these compose the same core
 * calls the CLI and the add-in make; they then become calls of shared/app's use-cases.
 */
import { UnusableInputError } from "../shared/errors.js";
import { readEntries } from "../shared/entries/read.js";
import type { Finding } from "../shared/entries/schema.js";
import { buildTaskCsv } from "../shared/export/csv.js";
import type { ReportData } from "../shared/export/data.js";
import { buildReportWorkbook } from "../shared/export/xlsx.js";
import { buildProvinceWorkbook } from "../shared/merge/province-workbook.js";
import { isReportSheet } from "../shared/merge/province-read.js";
import { readMergeInput } from "../shared/merge/read-input.js";
import { createRollup } from "../shared/merge/rollup.js";
import type { ProvinceRollup } from "../shared/merge/schema.js";
import { exportFileMessages, mergeFindingMessages as F, webMessages as W } from "../shared/messages/index.js";
import { parsePlanBytes, parsePlanText, type Plan } from "../shared/plan/index.js";
import type { IsoDate } from "../shared/plan/schema.js";
import { buildCloseSheet } from "../shared/summary/close.js";
import { closedQuarterOf, summarise, type Summary } from "../shared/summary/summarise.js";
import { buildSummarySheet } from "../shared/summary/summary-sheet.js";
import { buildTracker } from "../shared/workbook/build-tracker.js";
import { fastWriteWorkbook } from "../shared/xlsx/fast-write.js";
import { readXlsxGridFast } from "../shared/xlsx/fast-read.js";
import { loadXlsx, preserveOnSave, workbookToGrid } from "../shared/xlsx/read.js";
import { renderSheetsInto, renderWorkbook, writeWorkbook } from "../shared/xlsx/render.js";
import { reportDataOf, type ExportFormat } from "../addin/actions/export.js";
import type { ReportChoice } from "../addin/actions/period.js";

/** A file the page offers as a download. */
export interface MadeFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** A file the user chose (or dropped). */
export interface InputFile {
  /** The name shown (a dropped folder's files carry their relative path). */
  name: string;
  bytes: Uint8Array;
  modified?: Date;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MIME: Record<ExportFormat, string> = {
  xlsx: XLSX_MIME,
  csv: "text/csv;charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A name safe on every file system. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, "-").trim();
}

/** "so-theo-doi.xlsx" → "so-theo-doi" */
function stem(name: string): string {
  return (name.split("/").pop() ?? name).replace(/\.[^.]*$/, "");
}

/** Reads a plan from a chosen file or pasted text. */
export async function readPlanSource(source: { text: string } | { file: InputFile }): Promise<Plan> {
  if ("text" in source) return parsePlanText(source.text);
  return parsePlanBytes(source.file.bytes, source.file.name);
}

/** A tracker workbook of a plan. */
export async function makeTracker(plan: Plan, opts: { unit?: string; year?: number; asOf: IsoDate; now: Date }): Promise<{ file: MadeFile; unit: string; year: number }> {
  if (plan.tasks.length === 0) throw new UnusableInputError(W.noTasks);
  const unit = opts.unit?.trim() || plan.unit || plan.issuer || "";
  const year = opts.year ?? Number(plan.period.to.slice(0, 4));
  const bytes = await renderWorkbook(buildTracker(plan, { unit, year, asOf: opts.asOf }), { created: opts.now });
  return { file: { fileName: `${safeName(W.trackerFileName(unit, year))}.xlsx`, mime: XLSX_MIME, bytes }, unit, year };
}

/** Checks a filled tracker: every finding with its sheet and cell. */
export function checkTracker(file: InputFile, today: Date): { findings: Finding[]; tasks: number } {
  const grid = readXlsxGridFast(file.bytes, { file: file.name });
  const { entries, findings } = readEntries(grid, { asOf: today });
  if (!entries) throw new UnusableInputError(W.notATracker(file.name, findings[0]?.message ?? ""), { file: file.name });
  return { findings, tasks: entries.rows.length };
}

/** What the summary workflow made. */
export interface SummaryOutcome {
  file: MadeFile;
  summary: Summary;
  /** The quarter-close sheet written now, or the one the tracker already had. */
  closed?: { sheet: string; now: boolean };
  findings: Finding[];
}

/** A copy of the tracker with the quarter's summary sheet (and, with `close`, the quarter-close sheet). */
export async function summariseFile(file: InputFile, choice: ReportChoice, opts: { close: boolean; now: Date; today: Date }): Promise<SummaryOutcome> {
  const wb = await loadXlsx(file.bytes, { file: file.name });
  for (const ws of wb.worksheets) if (!Array.isArray(ws.views)) ws.views = [];
  let { entries, findings } = readEntries(workbookToGrid(wb, { file: file.name }), { asOf: opts.today });
  if (!entries) throw new UnusableInputError(W.notATracker(file.name, findings[0]?.message ?? ""), { file: file.name });
  const { quarter, year } = choice;
  let closed: SummaryOutcome["closed"];
  const existing = closedQuarterOf(entries, quarter, year);
  if (existing) closed = { sheet: existing.sheet, now: false };
  else if (opts.close) {
    const spec = buildCloseSheet(entries, { quarter, year, asOf: choice.asOf, closedOn: opts.now });
    renderSheetsInto(wb, spec);
    closed = { sheet: spec.sheets[0]!.name, now: true };
    ({ entries, findings } = readEntries(workbookToGrid(wb, { file: file.name }), { asOf: opts.today }));
  }
  const summary = summarise(entries!, { quarter, year, asOf: choice.asOf });
  const spec = buildSummarySheet(summary, entries!);
  spec.activeSheet = spec.sheets[0]!.name;
  renderSheetsInto(wb, spec, { replace: true });
  const saved = await preserveOnSave(file.bytes, await writeWorkbook(wb));
  const fileName = `${safeName(`${stem(file.name)} - ${summary.period.label}`)}.xlsx`;
  return { file: { fileName, mime: XLSX_MIME, bytes: saved.bytes }, summary, ...(closed ? { closed } : {}), findings };
}

/** Merges the communes' trackers into the province workbook; `onProgress` is called before each file. */
export async function mergeTrackers(
  files: readonly InputFile[],
  choice: ReportChoice,
  opts: { expected?: string[]; now: Date; onProgress?: (index: number, total: number, name: string) => Promise<void> | void },
): Promise<{ file: MadeFile; rollup: ProvinceRollup }> {
  const rollup = createRollup({ quarter: choice.quarter, year: choice.year, asOf: choice.asOf, ...(opts.expected && opts.expected.length > 0 ? { expected: opts.expected } : {}) });
  for (const [i, f] of files.entries()) {
    await opts.onProgress?.(i + 1, files.length, f.name);
    if (!/\.xlsx$/i.test(f.name)) {
      rollup.addSkipped(f.name, /\.xls$/i.test(f.name) ? F.notXlsx.oldXls(f.name) : F.notXlsx.message(f.name));
      continue;
    }
    const read = readMergeInput(f.bytes, { file: f.name, today: opts.now, ...(f.modified ? { modified: f.modified } : {}) });
    if (read.kind === "province") rollup.addSkipped(f.name, F.notXlsx.province(f.name), "provinceWorkbook");
    else rollup.add(read.modified ? { name: f.name, modified: read.modified } : { name: f.name }, read.input);
  }
  const result = rollup.finish();
  const bytes = fastWriteWorkbook(buildProvinceWorkbook(result), { created: opts.now });
  return { file: { fileName: `${safeName(W.provinceFileName(result.period.label))}.xlsx`, mime: XLSX_MIME, bytes }, rollup: result };
}

/** The report of a tracker or a province workbook in a format. */
export async function exportFile(file: InputFile, format: ExportFormat, choice: ReportChoice): Promise<{ file: MadeFile; data: ReportData }> {
  const grid = readXlsxGridFast(file.bytes, { file: file.name, sheets: isReportSheet });
  const data = reportDataOf(grid, choice);
  let bytes: Uint8Array;
  if (format === "xlsx") bytes = fastWriteWorkbook(buildReportWorkbook(data));
  else if (format === "csv") bytes = new TextEncoder().encode(buildTaskCsv(data));
  else bytes = await (await import("../shared/export/docx.js")).renderReportDocx(data);
  const fileName = `${exportFileMessages.baseName(data.period.quarter, data.period.year, data.unit)}.${format}`;
  return { file: { fileName, mime: MIME[format], bytes }, data };
}
