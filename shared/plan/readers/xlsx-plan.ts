/**
 * Reads a plan's task table kept in a spreadsheet (.xlsx): provinces often send the appendix as Excel.
 * Reads the workbook XML directly (fflate + the small tokenizer) — synchronous, browser-safe, and independent of
 * exceljs, which shared/ reserves for shared/xlsx. Merged cells are expanded as in the Word reader; dates typed
 * as Excel dates in the deadline column come out as dd/mm/yyyy text, as a plan would write them.
 */
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import { SHEET } from "../../workbook/layout.js";
import { fold } from "../text.js";
import { squareRows, tidyCellText, type DocBlock, type ExtractedDocument } from "./document.js";
import { findTaskHeader } from "./task-table.js";
import { attr, localName, xmlTokens, XmlSyntaxError } from "./xml.js";
import { checkInputSize, looksLikeOle2, partText, unzipParts, type ZipLimits } from "./zip.js";

const KIND = "Excel (.xlsx)";
/** A task table is small; cells beyond these bounds are ignored (and reported). */
const MAX_ROWS = 20_000;
const MAX_COLS = 100;
const MAX_CELLS = 2_000_000;

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

/** A sheet as a dense grid of display strings, merged cells expanded. */
export interface SheetGrid {
  name: string;
  rows: string[][];
  truncated: boolean;
}

const MAIN_PARTS = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]);

/** Only the parts a grid needs are inflated (not drawings, images, pivot caches…). */
function wantedPart(name: string): boolean {
  return MAIN_PARTS.has(name) || (/^xl\/worksheets\/[^/]+\.xml$/.test(name));
}

/** Reads every sheet of an .xlsx file as a grid of display strings (merged cells expanded). */
export function readXlsxGrids(bytes: Uint8Array, fileName: string, limits?: ZipLimits): SheetGrid[] {
  checkInputSize(bytes, fileName);
  if (looksLikeOle2(bytes)) throw new UnusableInputError(M.legacyFormat(fileName, ".xls", ".xlsx"), { file: fileName });
  const parts = unzipParts(bytes, fileName, KIND, wantedPart, limits);
  const part = (name: string): string | null => {
    const p = parts.get(name);
    return p ? partText(p) : null;
  };
  const workbookXml = part("xl/workbook.xml");
  if (!workbookXml) throw new UnusableInputError(M.missingPart(fileName, KIND, "xl/workbook.xml"), { file: fileName });
  try {
    const { sheets, date1904 } = readWorkbook(workbookXml, part("xl/_rels/workbook.xml.rels") ?? "");
    if (sheets.length === 0) throw new UnusableInputError(M.xlsxNoSheets(fileName), { file: fileName });
    const strings = readSharedStrings(part("xl/sharedStrings.xml") ?? "");
    const dateStyles = readDateStyles(part("xl/styles.xml") ?? "");
    const grids: SheetGrid[] = [];
    for (const s of sheets) {
      const xml = part(s.path);
      if (xml === null) continue;
      grids.push({ name: s.name, ...readSheet(xml, strings, dateStyles, date1904) });
    }
    return grids;
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new UnusableInputError(M.badXml(fileName, "xl/…", e.message), { file: fileName }, e);
    throw e;
  }
}

/**
 * Reads a spreadsheet plan: the first sheet holding a task table (found by its header row's column names) becomes
 * the table; the rows above its header (the title block: "KẾ HOẠCH …", "(Kèm theo …)") become paragraphs.
 * A tracker workbook made by this tool is refused with a message saying what to do instead.
 */
export function extractXlsxPlan(bytes: Uint8Array, fileName: string, limits?: ZipLimits): ExtractedDocument {
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

function readWorkbook(xml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const targets = new Map<string, string>();
  for (const t of xmlTokens(relsXml)) {
    if (t.kind === "open" && localName(t.name) === "Relationship") {
      const id = attr(t.attrs, "Id");
      const target = attr(t.attrs, "Target");
      if (id && target) targets.set(id, target);
    }
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind !== "open") continue;
    const name = localName(t.name);
    if (name === "workbookPr") date1904 = ["1", "true"].includes(attr(t.attrs, "date1904") ?? "");
    if (name !== "sheet") continue;
    const rid = Object.entries(t.attrs).find(([k]) => k.endsWith(":id"))?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (!target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    sheets.push({ name: attr(t.attrs, "name") ?? "", path, hidden: (attr(t.attrs, "state") ?? "visible") !== "visible" });
  }
  // Visible sheets first: a hidden list sheet must not win over the table the user sees.
  return { sheets: [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)], date1904 };
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "si") cur = t.selfClosing ? (out.push(""), null) : "";
      else if (n === "rPh" && !t.selfClosing) phonetic++;
      else if (n === "t" && !t.selfClosing) inT = true;
    } else if (t.kind === "close") {
      const n = localName(t.name);
      if (n === "si" && cur !== null) {
        out.push(cur);
        cur = null;
      } else if (n === "rPh") phonetic--;
      else if (n === "t") inT = false;
    } else if (inT && phonetic === 0 && cur !== null) {
      cur += t.text;
    }
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** The cell style indexes (the `s` attribute) whose number format is a date. */
function readDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inXfs = false;
  let xf = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "numFmt") custom.set(Number(attr(t.attrs, "numFmtId")), attr(t.attrs, "formatCode") ?? "");
      else if (n === "cellXfs") inXfs = !t.selfClosing;
      else if (n === "xf" && inXfs) {
        const id = Number(attr(t.attrs, "numFmtId") ?? 0);
        const code = custom.get(id);
        const isDate = code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
        if (isDate) dates.add(xf);
        xf++;
      }
    } else if (t.kind === "close" && localName(t.name) === "cellXfs") inXfs = false;
  }
  return dates;
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

/** Column letters → 0-based index ("A" → 0, "AB" → 27). */
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  return m ? { r: Number(m[2]) - 1, c: colIndex(m[1]!) } : null;
}

function formatNumber(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  // Floating noise from Excel ("0.30000000000000004") is not what the user typed.
  return String(Number(n.toPrecision(12)));
}

function readSheet(
  xml: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): { rows: string[][]; truncated: boolean } {
  const cells = new Map<number, string>(); // r * MAX_COLS + c → text
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  let truncated = false;
  let maxR = -1;
  let maxC = -1;
  let rowIdx = -1;
  let colNext = 0;
  let cell: { r: number; c: number; type: string; style: number; value: string; inline: string } | null = null;
  let inV = false;
  let inIs = false;
  let inT = false;
  let count = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "row") {
        const r = Number(attr(t.attrs, "r"));
        rowIdx = Number.isFinite(r) && r > 0 ? r - 1 : rowIdx + 1;
        colNext = 0;
      } else if (n === "c") {
        const ref = parseRef(attr(t.attrs, "r") ?? "");
        const r = ref?.r ?? rowIdx;
        const c = ref?.c ?? colNext;
        colNext = c + 1;
        cell = { r, c, type: attr(t.attrs, "t") ?? "n", style: Number(attr(t.attrs, "s") ?? 0), value: "", inline: "" };
        if (t.selfClosing) cell = null;
      } else if (n === "v") inV = !t.selfClosing;
      else if (n === "is") inIs = !t.selfClosing;
      else if (n === "t" && inIs) inT = !t.selfClosing;
      else if (n === "mergeCell") {
        const [a, b] = (attr(t.attrs, "ref") ?? "").split(":");
        const p = parseRef(a ?? "");
        const q = parseRef(b ?? a ?? "");
        if (p && q) merges.push({ r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) });
      }
    } else if (t.kind === "text") {
      if (cell && inV) cell.value += t.text;
      else if (cell && inIs && inT) cell.inline += t.text;
    } else {
      const n = localName(t.name);
      if (n === "v") inV = false;
      else if (n === "is") inIs = false;
      else if (n === "t") inT = false;
      else if (n === "c" && cell) {
        const text = cellText(cell, strings, dateStyles, date1904);
        if (text !== "") {
          if (cell.r >= MAX_ROWS || cell.c >= MAX_COLS || ++count > MAX_CELLS) truncated = true;
          else {
            cells.set(cell.r * MAX_COLS + cell.c, text);
            maxR = Math.max(maxR, cell.r);
            maxC = Math.max(maxC, cell.c);
          }
        }
        cell = null;
      }
    }
  }
  const rows: string[][] = [];
  for (let r = 0; r <= maxR; r++) {
    const row: string[] = [];
    for (let c = 0; c <= maxC; c++) row.push(cells.get(r * MAX_COLS + c) ?? "");
    rows.push(row);
  }
  expandSheetMerges(rows, merges);
  return { rows, truncated };
}

function cellText(
  cell: { type: string; style: number; value: string; inline: string },
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): string {
  switch (cell.type) {
    case "s":
      return tidyCellText(strings[Number(cell.value)] ?? "");
    case "inlineStr":
      return tidyCellText(cell.inline);
    case "str":
      return tidyCellText(cell.value);
    case "b":
      return cell.value === "1" ? "TRUE" : "FALSE";
    case "e":
      return "";
    case "d":
      return cell.value.slice(0, 10).split("-").reverse().join("/");
    default: {
      if (cell.value === "") return "";
      const n = Number(cell.value);
      if (dateStyles.has(cell.style) && Number.isFinite(n) && n >= 1 && n < 2_958_466) return excelSerialToDmy(n, date1904);
      return formatNumber(cell.value);
    }
  }
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
