/** "Xuất báo cáo…": the quarterly report tables as a file the dialog offers for download. */
import { UsageError } from "../../../shared/errors.js";
import { sheetsCommandMessages as M, sheetsMenuMessages } from "../../../shared/messages/sheets.js";
import type { CommandResult } from "../host.js";
import { parsePeriod, type PeriodRequest } from "./period.js";

/** A finished export: the file the dialog turns into a download link. */
export interface ExportResult extends CommandResult {
  fileName?: string;
  mimeType?: string;
  base64?: string;
}

/** Builds the export file of the requested quarter and format. */
export function runExport(req: PeriodRequest & { format?: string }): ExportResult {
  parsePeriod(req);
  // shared/export has not landed yet.
  throw new UsageError(M.notAvailable(sheetsMenuMessages.export));
}
