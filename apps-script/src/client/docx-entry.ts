/**
 * Browser code of the export dialog (not part of Code.js): renders the report .docx from the data the server sends.
 * The docx library zips asynchronously with timers, which browsers have and Apps Script does not. The build inlines
 * this bundle into export.html; it defines one browser global, CCHCDocx.
 */
import type { ReportData } from "../../../shared/export/data.js";
import { renderReportDocx } from "../../../shared/export/docx.js";

(globalThis as unknown as { CCHCDocx: { build(data: ReportData): Promise<Uint8Array> } }).CCHCDocx = {
  build: (data) => renderReportDocx(data),
};
