/**
 * Gộp báo cáo: commune/department trackers chosen as .xlsx files are read in the browser (exceljs), rolled up by the
 * shared core and written into the open workbook as the province sheets. Excel is touched once, at the end:
 * one Excel.run, four syncs, whatever the number of files or tasks.
 */
import { UnusableInputError } from "../../shared/errors.js";
import { readEntries } from "../../shared/entries/read.js";
import { buildProvinceWorkbook, createRollup, type ProvinceRollup } from "../../shared/merge/index.js";
import { addinMessages } from "../../shared/messages/index.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import type { ExcelHost } from "../excel/host.js";
import { renderWorkbookSpec, type RenderReport } from "../excel/render.js";
import type { ReportChoice } from "./period.js";

/** One chosen file. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
  modified?: Date;
}

/** Options of a merge. */
export interface MergeOptions {
  choice: ReportChoice;
  /** Units that must report (the "chưa nộp" list is computed against it). */
  expected?: string[];
  /** Replace province sheets already in the workbook (else refuse). */
  replace: boolean;
  /** Called before each file is read (1-based index). */
  onProgress?: (index: number, total: number, file: string) => void;
}

/** What was merged. */
export interface MergeResult {
  rollup: ProvinceRollup;
  render: RenderReport;
}

/** Merges the chosen trackers into the open workbook. */
export async function mergeIntoWorkbook(host: ExcelHost, files: readonly ChosenFile[], opts: MergeOptions): Promise<MergeResult> {
  const { quarter, year, asOf } = opts.choice;
  const rollup = createRollup({ quarter, year, asOf, ...(opts.expected && opts.expected.length > 0 ? { expected: opts.expected } : {}) });
  for (const [i, file] of files.entries()) {
    opts.onProgress?.(i + 1, files.length, file.name);
    if (!/\.xlsx$/i.test(file.name)) {
      rollup.addSkipped(file.name, addinMessages.notXlsx(file.name));
      continue;
    }
    try {
      const grid = await readXlsxGrid(file.bytes, { file: file.name, ...(file.modified ? { modified: file.modified } : {}) });
      rollup.add({ name: file.name, ...(file.modified ? { modified: file.modified } : {}) }, readEntries(grid, { asOf }));
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      rollup.add({ name: file.name }, { unusable: e });
    }
  }
  const result = rollup.finish();
  const render = await renderWorkbookSpec(host, buildProvinceWorkbook(result), { existing: opts.replace ? "replace" : "fail", dropBlankSheet: true });
  return { rollup: result, render };
}
