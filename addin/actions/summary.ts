/**
 * Tổng hợp quý: the summary sheet of a reporting period, with native Excel charts of the completion rate by area
 * and by lead unit (described by the summary spec, drawn by the renderer). One Excel.run, five syncs whatever the
 * number of tasks.
 */
import { readEntries } from "../../shared/entries/read.js";
import { buildSummarySheet } from "../../shared/summary/summary-sheet.js";
import { summarise, type Summary } from "../../shared/summary/summarise.js";
import { addinMessages } from "../../shared/messages/index.js";
import { AddinError } from "../errors.js";
import { detectCapabilities } from "../excel/capabilities.js";
import type { ExcelHost } from "../excel/host.js";
import { readGridInto } from "../excel/read.js";
import { renderInto, type RenderReport } from "../excel/render.js";
import { queueWorkbookState } from "../excel/workbook-state.js";
import type { ReportChoice } from "./period.js";

/** What Tổng hợp quý wrote. */
export interface SummaryResult {
  sheet: string;
  summary: Summary;
  render: RenderReport;
}

/** Writes (or refreshes) the summary sheet of a period into the open workbook. */
export async function summariseWorkbook(host: ExcelHost, choice: ReportChoice): Promise<SummaryResult> {
  const caps = detectCapabilities(host);
  return host.run(async (context) => {
    const pending = queueWorkbookState(context);
    await context.sync();
    const state = pending.result();
    const grid = await readGridInto(context, state);
    const { entries, findings } = readEntries(grid, { asOf: choice.asOf });
    if (!entries) {
      const first = findings.find((f) => f.severity === "error") ?? findings[0];
      throw new AddinError(addinMessages.notATracker(first ? first.message : ""));
    }
    const summary = summarise(entries, { quarter: choice.quarter, year: choice.year, asOf: choice.asOf });
    const spec = buildSummarySheet(summary, entries);
    const sheet = spec.sheets[0]!.name;
    const render = await renderInto(context, spec, state, caps, { existing: "replace", activate: sheet });
    return { sheet, summary, render };
  });
}
