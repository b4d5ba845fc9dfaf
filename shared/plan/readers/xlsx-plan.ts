/**
 * Reads a plan's task table kept in a spreadsheet (.xlsx): provinces often send the appendix as Excel.
 * Built on the shared lean reader (shared/xlsx/fast-read.ts: fflate, synchronous, browser- and Apps-Script-safe,
 * no exceljs, which shared/ reserves for shared/xlsx), asked for merged ranges and for numbers by this reader's own
 * date rule. Merged cells are expanded as in the Word reader; dates typed as Excel dates in the deadline column come
 * out as dd/mm/yyyy text, as a plan would write them.
 */
import { UnusableInputError } from "../../errors.js";
import type { GridSheet, GridValue } from "../../entries/grid.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import { SHEET } from "../../workbook/layout.js";
import { readXlsxGridFast, type NumberFormat } from "../../xlsx/fast-read.js";
import { listZipEntries, type XlsxLimits } from "../../xlsx/zip-guard.js";
import { fold } from "../text.js";
import { squareRows, tidyCellText, type DocBlock, type ExtractedDocument } from "./document.js";
import { findTaskHeader } from "./task-table.js";
import { checkInputSize, looksLikeOle2, looksLikeZip } from "./zip.js";

const KIND = "Excel (.xlsx)";
/** A task table is small; cells beyond these bounds are ignored (and reported). */
const MAX_ROWS = 20_000;
const MAX_COLS = 100;

/** A sheet as a dense grid of display strings, merged cells expanded. */
export interface SheetGrid {
  name: string;
  rows: string[][];
  truncated: boolean;
}

/** Limits of the zip a plan workbook may be (see shared/xlsx/zip-guard.ts); rows and columns are this reader's own. */
export type XlsxPlanLimits = Partial<Pick<XlsxLimits, "maxBytes" | "maxInflated" | "maxEntries">>;

/** Reads every sheet of an .xlsx file as a grid of display strings (merged cells expanded), visible sheets first. */
export function readXlsxGrids(bytes: Uint8Array, fileName: string, limits?: XlsxPlanLimits): SheetGrid[] {
  checkInputSize(bytes, fileName);
  if (looksLikeOle2(bytes)) throw new UnusableInputError(M.legacyFormat(fileName, ".xls", ".xlsx"), { file: fileName });
  if (!looksLikeZip(bytes)) throw new UnusableInputError(M.notAZip(fileName, KIND), { file: fileName });
  // A zip that is not a workbook, in this reader's words; the zip guard words every other refusal.
  const entries = listZipEntries(bytes);
  if (entries && !entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new UnusableInputError(M.missingPart(fileName, KIND, "xl/workbook.xml"), { file: fileName });
  }
  const grid = readXlsxGridFast(bytes, {
    file: fileName,
    limits: { ...limits, maxRows: MAX_ROWS, maxCols: MAX_COLS },
    merges: true,
    numberValue: planNumber,
  });
  if (grid.sheets.length === 0) throw new UnusableInputError(M.xlsxNoSheets(fileName), { file: fileName });
  // Visible sheets first: a hidden list sheet must not win over the table the user sees.
  const visible = (s: GridSheet) => (s.state ?? "visible") === "visible";
  return [...grid.sheets.filter(visible), ...grid.sheets.filter((s) => !visible(s))].map((s) => ({ name: s.name, ...sheetRows(s) }));
}

/**
 * Reads a spreadsheet plan: the first sheet holding a task table (found by its header row's column names) becomes
 * the table; the rows above its header (the title block: "KẾ HOẠCH …", "(Kèm theo …)") become paragraphs.
 * A tracker workbook made by this tool is refused with a message saying what to do instead.
 */
export function extractXlsxPlan(bytes: Uint8Array, fileName: string, limits?: XlsxPlanLimits): ExtractedDocument {
  const grids = readXlsxGrids(bytes, fileName, limits);
  if (isTracker(grids)) throw new UnusableInputError(M.xlsxIsTracker(fileName), { file: fileName });
  const warnings: ExtractedDocument["warnings"] = [];
  for (const g of grids) {
    const at = headerRowIndex(g.rows);
    if (at < 0) continue;
    const blocks: DocBlock[] = [];
    for (const row of g.rows.slice(0, at)) {
      const text = row.filter((c) => c.trim()).join(" ");
      if (text) blocks.push({ kind: "paragraph", text });
    }
    // Trailing empty columns (formatting only) would be read as unnamed columns.
    const rows = dropEmptyColumns(g.rows.slice(at));
    blocks.push({ kind: "table", table: { rows, sheet: g.name } });
    if (g.truncated) warnings.push({ message: M.xlsxTruncated(g.name, MAX_ROWS, MAX_COLS) });
    return { blocks, warnings };
  }
  throw new UnusableInputError(M.xlsxNoTaskTable(fileName), { file: fileName, sheet: grids[0]?.name });
}

/** The index of the first row that is a task-table header, or -1. */
function headerRowIndex(rows: string[][]): number {
  for (let i = 0; i < rows.length; i++) {
    const filled = rows[i]!.filter((c) => c.trim()).length;
    if (filled >= 3 && findTaskHeader([rows[i]!])?.row === 0) return i;
  }
  return -1;
}

/** A tracker made by this tool: it has the _meta sheet, or a task sheet with the entry columns (Trạng thái, Tiến độ). */
function isTracker(grids: SheetGrid[]): boolean {
  if (grids.some((g) => g.name === SHEET.meta)) return true;
  const tasks = grids.find((g) => g.name === SHEET.tasks);
  if (!tasks) return false;
  return tasks.rows.slice(0, 10).some((r) => {
    const f = r.map((c) => fold(c));
    return f.includes(fold("Trạng thái")) && f.some((c) => c.startsWith(fold("Tiến độ")));
  });
}

function dropEmptyColumns(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  let last = width - 1;
  while (last >= 0 && rows.every((r) => !(r[last] ?? "").trim())) last--;
  return squareRows(rows.map((r) => r.slice(0, last + 1)));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A number cell as this reader shows it: dd/mm/yyyy when its format is a date (this reader's rule), else the number. */
function planNumber(n: number, format: NumberFormat, date1904: boolean): GridValue {
  const isDate = format.code !== undefined ? isDateFormat(format.code) : BUILTIN_DATE_FORMATS.has(format.id);
  return isDate && Number.isFinite(n) && n >= 1 && n < 2_958_466 ? excelSerialToDmy(n, date1904) : n;
}

/** A custom number format shows a date when, outside quotes and brackets, it has d/m/y (not only h/m/s). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();
  return /[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** Excel serial → "dd/mm/yyyy" (1900 system with its phantom 29/02/1900, or the 1904 system). */
export function excelSerialToDmy(serial: number, date1904 = false): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = Date.UTC(1899, 11, 30) + (days < 61 && !date1904 ? days + 1 : days) * 86_400_000;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Cached error results (#REF!, #N/A…) show nothing, as the old reader showed a t="e" cell. */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

function formatNumber(n: number): string {
  // Floating noise from Excel ("0.30000000000000004") is not what the user typed.
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : String(n);
}

/** A Grid value as display text. */
function cellText(v: GridValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return formatNumber(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10).split("-").reverse().join("/");
  return ERROR_VALUE.test(v) ? "" : tidyCellText(v);
}

/** "B2" → 0-based row and column. */
function parseRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** A sheet's cells as a dense grid of display texts (up to the last non-empty row and column), merges expanded. */
function sheetRows(sheet: GridSheet): { rows: string[][]; truncated: boolean } {
  const texts: string[][] = [];
  let maxR = -1;
  let maxC = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const text = cellText(v);
      if (text === "") return;
      (texts[r] ??= [])[c] = text;
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }),
  );
  const rows: string[][] = [];
  for (let r = 0; r <= maxR; r++) {
    const row: string[] = [];
    for (let c = 0; c <= maxC; c++) row.push(texts[r]?.[c] ?? "");
    rows.push(row);
  }
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  for (const range of sheet.merges ?? []) {
    const [a, b] = range.split(":");
    const p = parseRef(a ?? "");
    const q = parseRef(b ?? a ?? "");
    if (p && q) merges.push({ r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) });
  }
  expandSheetMerges(rows, merges);
  return { rows, truncated: sheet.truncated !== undefined };
}

/**
 * Expands merged ranges like the Word reader: the text stays in the range's first column (a group title merged
 * across the row is not a lead unit) and is repeated down the rows of the range, except in the first column
 * (an id repeated down would duplicate a task).
 */
function expandSheetMerges(rows: string[][], merges: { r1: number; c1: number; r2: number; c2: number }[]): void {
  for (const m of merges) {
    const text = rows[m.r1]?.[m.c1] ?? "";
    if (!text || m.c1 === 0) continue;
    for (let r = m.r1 + 1; r <= Math.min(m.r2, rows.length - 1); r++) {
      const row = rows[r]!;
      if (!row[m.c1]) row[m.c1] = text;
    }
  }
}
