/**
 * .xlsx bytes → Grid with exceljs (Node and browser): values, formulas, sheet states, dates.
 *
 * Hostile and broken files are refused before exceljs sees them, each with a Vietnamese UnusableInputError naming
 * the file: empty files, password-protected workbooks and old .xls files (both are OLE/CFB containers), bytes that
 * are not a zip, zips that are not workbooks, and zip bombs. Bombs are caught twice: by the sizes the zip declares,
 * and by inflating every entry with a byte counter (declared sizes can lie), so memory stays bounded whatever
 * the file claims.
 */
import ExcelJS from "exceljs";
import { Inflate } from "fflate";
import { UnusableInputError } from "../errors.js";
import type { Grid, GridSheet, GridValue } from "../entries/grid.js";
import { entriesMessages as M } from "../messages/index.js";

/** Limits of what is read. A tracker of a thousand tasks is well under 1 MB zipped and 10 MB inflated. */
export interface XlsxLimits {
  /** Largest file accepted (bytes). */
  maxBytes: number;
  /** Largest total inflated size of the zip's entries (bytes). */
  maxInflated: number;
  /** Most zip entries. */
  maxEntries: number;
  /** Rows and columns kept per sheet; beyond them the sheet is marked truncated. */
  maxRows: number;
  maxCols: number;
}

/** Default limits. */
export const XLSX_LIMITS: XlsxLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflated: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRows: 100_000,
  maxCols: 256,
};

/** Options of the readers: the file name shown in messages and optional tighter limits. */
export interface ReadXlsxOptions {
  file: string;
  limits?: Partial<XlsxLimits>;
  /** File modification time, passed through to the Grid. */
  modified?: Date;
}

const MB = 1024 * 1024;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Lists a zip's entries from its central directory; null when the bytes have no readable directory. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  // Zip64 markers: an .xlsx never needs them; treat as unreadable rather than trusting 64-bit sizes.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return null;
  if (cdOffset + cdSize > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen > bytes.length) return null;
    entries.push({
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one entry, counting bytes; throws when it produces more than `cap` bytes. Returns the inflated size. */
function countInflated(bytes: Uint8Array, e: ZipEntry, cap: number, file: string, limitMb: number): number {
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new UnusableInputError(M.corruptZip(file), { file });
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new UnusableInputError(M.corruptZip(file), { file });
  if (e.method === 0) {
    if (e.compressedSize > cap) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
    return e.compressedSize;
  }
  if (e.method !== 8) throw new UnusableInputError(M.notWorkbook(file), { file });
  let produced = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > cap) over = true;
  });
  const STEP = 16 * 1024;
  try {
    for (let at = start; at < end && !over; at += STEP) {
      const stop = Math.min(end, at + STEP);
      inflate.push(bytes.subarray(at, stop), stop === end);
    }
  } catch (error) {
    throw new UnusableInputError(M.corruptZip(file), { file }, error);
  }
  if (over) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
  return produced;
}

/**
 * Refuses bytes that are not a usable .xlsx (see the file comment); returns the zip's entries when they are.
 * Cheap: one pass of inflation with nothing kept.
 */
export function assertUsableXlsx(bytes: Uint8Array, file: string, limits: Partial<XlsxLimits> = {}): ZipEntry[] {
  const L = { ...XLSX_LIMITS, ...limits };
  if (bytes.length === 0) throw new UnusableInputError(M.emptyFile(file), { file });
  if (bytes.length > L.maxBytes) throw new UnusableInputError(M.tooLarge(file, Math.round(L.maxBytes / MB)), { file });
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) throw new UnusableInputError(M.encrypted(file), { file });
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnusableInputError(M.notZip(file), { file });
  const entries = listZipEntries(bytes);
  if (!entries) throw new UnusableInputError(M.corruptZip(file), { file });
  const limitMb = Math.round(L.maxInflated / MB);
  if (entries.length > L.maxEntries) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw new UnusableInputError(M.notWorkbook(file), { file });
  if (entries.some((e) => (e.flags & 1) === 1)) throw new UnusableInputError(M.encrypted(file), { file });
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > L.maxInflated) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
  let budget = L.maxInflated;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    // An entry may not inflate past what it declares (lying headers) nor past what is left of the budget.
    const cap = Math.min(e.size, budget);
    budget -= countInflated(bytes, e, cap, file, limitMb);
  }
  return entries;
}

/** Loads .xlsx bytes into an exceljs workbook after the checks of assertUsableXlsx. */
export async function loadXlsx(bytes: Uint8Array, opts: ReadXlsxOptions): Promise<ExcelJS.Workbook> {
  assertUsableXlsx(bytes, opts.file, opts.limits);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer or an ArrayBuffer; hand it a view-free ArrayBuffer copy in browsers too.
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new UnusableInputError(M.cannotParse(opts.file), { file: opts.file }, error);
  }
  return wb;
}

/** Reads .xlsx bytes into a Grid (values, formulas, sheet states). Throws UnusableInputError for unusable files. */
export async function readXlsxGrid(bytes: Uint8Array, opts: ReadXlsxOptions): Promise<Grid> {
  const wb = await loadXlsx(bytes, opts);
  return workbookToGrid(wb, opts);
}

/** Text of an exceljs rich-text or hyperlink value. */
function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as { richText?: Array<{ text?: string }>; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? "").join("");
    if ("text" in o) return plainText(o.text);
  }
  return v === null || v === undefined ? "" : String(v);
}

/** An exceljs cell value as a Grid value, and its formula (without "=") if it has one. */
export function cellToGrid(cell: ExcelJS.Cell): { value: GridValue; formula: string | null } {
  // Merged cells: only the top-left cell holds the value (exceljs repeats it in every merged cell).
  if (cell.isMerged && cell.master !== cell) return { value: null, formula: null };
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date) return { value: Number.isFinite(v.getTime()) ? v : null, formula: null };
  if (typeof v === "object") {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; error?: string; richText?: unknown; text?: unknown };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      let formula: string | null = null;
      try {
        formula = cell.formula ?? o.formula ?? null;
      } catch {
        formula = null;
      }
      const r = o.result as unknown;
      let value: GridValue = null;
      if (r instanceof Date) value = r;
      else if (typeof r === "string" || typeof r === "number" || typeof r === "boolean") value = r;
      else if (r && typeof r === "object" && "error" in (r as object)) value = String((r as { error: unknown }).error);
      return { value, formula: formula ?? o.sharedFormula ?? "" };
    }
    if (o.error !== undefined) return { value: String(o.error), formula: null };
    return { value: plainText(v), formula: null };
  }
  return { value: String(v), formula: null };
}

/** Converts a loaded workbook into a Grid, keeping at most the limits' rows and columns of each sheet. */
export function workbookToGrid(wb: ExcelJS.Workbook, opts: ReadXlsxOptions): Grid {
  const L = { ...XLSX_LIMITS, ...opts.limits };
  const sheets: GridSheet[] = [];
  for (const ws of wb.worksheets) {
    const values: GridValue[][] = [];
    const formulas: Array<Array<string | null>> = [];
    let truncated = false;
    let anyFormula = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > L.maxRows) {
        truncated = true;
        return;
      }
      const r = rowNumber - 1;
      const vals: GridValue[] = [];
      const fs: Array<string | null> = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (colNumber > L.maxCols) {
          truncated = true;
          return;
        }
        const { value, formula } = cellToGrid(cell);
        if (value !== null) vals[colNumber - 1] = value;
        if (formula !== null) {
          fs[colNumber - 1] = formula;
          anyFormula = true;
        }
      });
      values[r] = Array.from(vals, (x) => (x === undefined ? null : x));
      formulas[r] = Array.from(fs, (x) => (x === undefined ? null : x));
    });
    for (let r = 0; r < values.length; r++) {
      values[r] ??= [];
      formulas[r] ??= [];
    }
    const sheet: GridSheet = { name: ws.name, state: ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible", values };
    // An empty formula list still tells readers the host gives formulas (so a value pasted over one is noticed).
    if (anyFormula || values.length > 0) sheet.formulas = formulas;
    if (truncated) sheet.truncated = { rows: Math.min(L.maxRows, ws.rowCount), cols: L.maxCols };
    sheets.push(sheet);
  }
  const grid: Grid = { file: opts.file, sheets };
  if (opts.modified) grid.modified = opts.modified;
  return grid;
}
