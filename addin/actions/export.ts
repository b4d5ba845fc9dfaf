/**
 * Xuất báo cáo: the quarterly report tables of the open workbook — a unit's tracker or a province workbook — as
 * .xlsx (official style), .csv (UTF-8 with BOM, formula-safe) or a draft .docx report. Excel is read once (two
 * syncs); the file is made in the browser and handed to the task pane to download.
 */
import { readEntries } from "../../shared/entries/read.js";
import {
  buildReportWorkbook,
  buildTaskCsv,
  renderReportDocx,
  reportFromRollup,
  reportFromSummary,
  type ReportData,
} from "../../shared/export/index.js";
import { isProvinceGrid, readProvinceWorkbook, rollupFromProvince } from "../../shared/merge/index.js";
import { addinMessages, exportFileMessages } from "../../shared/messages/index.js";
import { summarise } from "../../shared/summary/summarise.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";
import type { Grid } from "../../shared/entries/grid.js";
import { AddinError } from "../errors.js";
import type { ExcelHost } from "../excel/host.js";
import { readWorkbookGrid } from "../excel/read.js";
import type { ReportChoice } from "./period.js";

/** The three export formats. */
export type ExportFormat = "xlsx" | "csv" | "docx";

/** A file ready to download. */
export interface ExportFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  data: ReportData;
}

const MIME: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The report data of a workbook read from Excel: a province roll-up or a unit's summary. */
export function reportDataOf(grid: Grid, choice: ReportChoice): ReportData {
  if (isProvinceGrid(grid)) {
    return reportFromRollup(rollupFromProvince(readProvinceWorkbook(grid), { quarter: choice.quarter, year: choice.year, asOf: choice.asOf }));
  }
  const { entries, findings } = readEntries(grid, { asOf: choice.asOf });
  if (!entries) {
    const first = findings.find((f) => f.severity === "error") ?? findings[0];
    throw new AddinError(addinMessages.notATracker(first ? first.message : ""));
  }
  const summary = summarise(entries, { quarter: choice.quarter, year: choice.year, asOf: choice.asOf });
  return reportFromSummary(summary, entries);
}

/** Makes the report file of the open workbook in a format. */
export async function exportReport(host: ExcelHost, format: ExportFormat, choice: ReportChoice): Promise<ExportFile> {
  const grid = await readWorkbookGrid(host);
  const data = reportDataOf(grid, choice);
  const fileName = `${exportFileMessages.baseName(data.period.quarter, data.period.year, data.unit)}.${format}`;
  let bytes: Uint8Array;
  if (format === "xlsx") bytes = await renderWorkbook(buildReportWorkbook(data));
  else if (format === "csv") bytes = new TextEncoder().encode(buildTaskCsv(data));
  else bytes = await renderReportDocx(data);
  return { fileName, mime: MIME[format], bytes, data };
}
