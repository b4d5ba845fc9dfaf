/** Opening the HTML dialogs (built from apps-script/src/dialogs/*.html, texts filled in from the messages module). */
import { sheetsTitles } from "../../../shared/messages/sheets.js";
import { defaultPeriod } from "./period.js";

/** The modes of the period dialog, each answered by cchcRunPeriod. */
export type PeriodMode = "summary" | "close" | "export" | "merge";

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

/** Shows the "create a tracker from a plan" dialog. */
export function showCreateDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile("create").setWidth(620).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, sheetsTitles.createTracker);
}

/** Shows the period dialog in one of its modes, preset to the current reporting quarter. */
export function showPeriodDialog(mode: PeriodMode): void {
  const config = { mode, ...defaultPeriod() };
  // The export dialog is the period dialog with the browser code that writes .docx files (built as export.html).
  const html = HtmlService.createHtmlOutputFromFile(mode === "export" ? "export" : "period")
    .append(`<script>init(${scriptJson(config)});</script>`)
    .setWidth(520)
    .setHeight(mode === "export" ? 460 : mode === "merge" ? 560 : 400);
  const title = { summary: sheetsTitles.summary, close: sheetsTitles.closeQuarter, export: sheetsTitles.export, merge: sheetsTitles.merge }[mode];
  SpreadsheetApp.getUi().showModalDialog(html, title);
}
