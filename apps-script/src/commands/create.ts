/**
 * "Tạo sổ theo dõi từ kế hoạch…": the dialog sends pasted text or an uploaded file (base64); the plan is read with the
 * shared readers — synchronously (the .docx/.xlsx extractors are synchronous; only their async wrappers are not) —
 * and the tracker is rendered into the active spreadsheet.
 */
import { UnusableInputError } from "../../../shared/errors.js";
import { decodePlanText, parsePlanText, type Plan } from "../../../shared/plan/index.js";
import { extractDocx } from "../../../shared/plan/readers/docx.js";
import { planFromDocument } from "../../../shared/plan/readers/office.js";
import { extractXlsxPlan } from "../../../shared/plan/readers/xlsx-plan.js";
import { parseCloseSheetName } from "../../../shared/summary/periods.js";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import { sheetsCommandMessages as M } from "../../../shared/messages/sheets.js";
import { activeSpreadsheet, renderTexts, todayIso, withDocumentLock, type CommandResult } from "../host.js";
import { removeEmptyDefaultSheets, renderWorkbook } from "../sheets/render.js";

/** What the create dialog sends. */
export interface CreateRequest {
  /** Pasted plan text. */
  text?: string;
  /** Uploaded file: its name and its bytes as base64. */
  fileName?: string;
  base64?: string;
  /** Overrides: the unit that tracks the plan, the year. */
  unit?: string;
  year?: string;
  /** Replace an existing tracker in this spreadsheet. */
  replace?: boolean;
}

/** Largest upload accepted (the dialog checks too): google.script.run payloads are limited. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Reads the plan of a request. */
export function planOfRequest(req: CreateRequest): Plan {
  const year = parseYear(req.year);
  if (req.base64) {
    const name = req.fileName?.trim() || "ke-hoach.txt";
    const bytes = Uint8Array.from(Utilities.base64Decode(req.base64), (b) => b & 255);
    const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
    if (ext === ".pdf") throw new UnusableInputError(M.pdfNotInSheets(name), { file: name });
    // .doc and .xls go to the same readers, which refuse the old formats with a "save as" message.
    if (ext === ".docx" || ext === ".doc") return planFromDocument(extractDocx(bytes, name), { fileName: name, year });
    if (ext === ".xlsx" || ext === ".xls") return planFromDocument(extractXlsxPlan(bytes, name), { fileName: name, year });
    if (ext !== "" && ![".txt", ".md", ".markdown", ".text"].includes(ext)) {
      throw new UnusableInputError(M.unsupportedFile(name), { file: name });
    }
    return parsePlanText(decodePlanText(bytes, name), { fileName: name, year });
  }
  const text = req.text ?? "";
  if (!text.trim()) throw new UnusableInputError(M.emptyPlan);
  return parsePlanText(text, { fileName: M.pastedName, year });
}

function parseYear(text: string | undefined): number | undefined {
  const t = (text ?? "").trim();
  if (!t) return undefined;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new UnusableInputError(M.badYear(t));
  return n;
}

/** Sheets that belong to a tracker (replaced together when the user asks to start over). */
function isTrackerSheet(name: string): boolean {
  return (
    (Object.values(SHEET) as string[]).includes(name) || name.startsWith("Tổng hợp Quý") || parseCloseSheetName(name) !== null
  );
}

/** Builds the tracker of the request's plan in the active spreadsheet. */
export function createTracker(req: CreateRequest): CommandResult {
  const plan = planOfRequest(req);
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const existing = ss.getSheetByName(SHEET.tasks) ?? ss.getSheetByName(SHEET.meta);
    if (existing && !req.replace) return { ok: false, message: M.createExists(existing.getName()) };
    const year = parseYear(req.year) ?? Number(plan.period.from.slice(0, 4));
    const unit = req.unit?.trim() || plan.unit || "";
    const spec = buildTracker(plan, { unit, year, asOf: todayIso() });
    const keep = new Set(spec.sheets.map((s) => s.name));
    renderWorkbook(ss, spec, renderTexts());
    // Remove what the new tracker does not replace: an old tracker's other sheets (when replacing) and the empty
    // default sheet of a new spreadsheet.
    if (req.replace) {
      for (const sheet of ss.getSheets()) if (!keep.has(sheet.getName()) && isTrackerSheet(sheet.getName())) ss.deleteSheet(sheet);
    }
    removeEmptyDefaultSheets(ss);
    const warnings = plan.warnings.length;
    const message = M.createDone(plan.tasks.length, unit) + (warnings ? ` ${M.createWarnings(warnings)}` : "");
    return { ok: true, message };
  });
}
