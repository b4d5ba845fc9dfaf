/**
 * Reading .xlsx bytes: readXlsxGrid gives the Grid of the lean reader (fast-read.ts); exceljs is loaded only where a
 * workbook is opened to be changed and saved again (`cchc summary`: loadXlsx, workbookToGrid, preserveOnSave).
 *
 * Hostile and broken files are refused before exceljs sees them by zip-guard.ts, each with a Vietnamese
 * UnusableInputError naming the file: empty files, password-protected workbooks and old .xls files (both are
 * OLE/CFB containers), bytes that are not a zip, zips that are not workbooks, and zip bombs (declared sizes and
 * a byte counter on every inflated entry, since declared sizes can lie).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { UnusableInputError } from "../errors.js";
import type { Grid, GridSheet, GridValue } from "../entries/grid.js";
import { entriesMessages as M } from "../messages/index.js";
import { readXlsxGridFast } from "./fast-read.js";
import { assertUsableXlsx, XLSX_LIMITS, type XlsxLimits } from "./zip-guard.js";

export { assertUsableXlsx, listZipEntries, XLSX_LIMITS, type XlsxLimits, type ZipEntry } from "./zip-guard.js";

/** Options of the readers: the file name shown in messages and optional tighter limits. */
export interface ReadXlsxOptions {
  file: string;
  limits?: Partial<XlsxLimits>;
  /** File modification time, passed through to the Grid. */
  modified?: Date;
}

/** Loads .xlsx bytes into an exceljs workbook after the checks of assertUsableXlsx (see canonicalBooleans). */
export async function loadXlsx(bytes: Uint8Array, opts: ReadXlsxOptions): Promise<ExcelJS.Workbook> {
  assertUsableXlsx(bytes, opts.file, opts.limits);
  const wb = new ExcelJS.Workbook();
  try {
    const input = canonicalBooleans(bytes);
    // exceljs wants a Node Buffer or an ArrayBuffer; hand it a view-free ArrayBuffer copy in browsers too.
    await wb.xlsx.load(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new UnusableInputError(M.cannotParse(opts.file), { file: opts.file }, error);
  }
  return wb;
}

/** Parts whose boolean attributes exceljs reads. */
const BOOLEAN_PARTS = /^xl\/(?:workbook|styles)\.xml$|^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Rewrites xsd:boolean attribute values "true"/"false" as "1"/"0" in the workbook, styles and sheet parts.
 * LibreOffice (and some other writers) spell booleans out; exceljs only understands "1"/"0", so on load it
 * silently drops sheet protection (sheet="true"), unlocks nothing (locked="false" reads as locked), forgets
 * fit-to-page, hidden rows/columns, 1904 dates… Only attributes inside tags are touched, never text or formulas.
 * Returns the bytes unchanged when there is nothing to rewrite.
 */
export function canonicalBooleans(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!BOOLEAN_PARTS.test(name)) continue;
    const xml = strFromU8(data);
    if (!/="(?:true|false)"/.test(xml)) continue;
    const fixed = xml.replace(/<[^>]+>/g, (tag) => tag.replace(/(\s[\w:]+)="(true|false)"/g, (_, attr: string, v: string) => `${attr}="${v === "true" ? "1" : "0"}"`));
    if (fixed !== xml) {
      files[name] = strToU8(fixed);
      changed = true;
    }
  }
  return changed ? zipSync(files, { level: 1 }) : bytes;
}

/** What exceljs could not carry from the original workbook into the saved one (kinds of parts, in Vietnamese). */
export interface PreserveResult {
  bytes: Uint8Array;
  /** Kinds of content of the original that the saved workbook lacks (charts, pivot tables…), for a warning. */
  lost: string[];
}

// Worksheet extensions (x14 data validations, sparklines…) hold no style or string indexes, so they can be
// copied verbatim; the conditional-formatting one is rewritten by exceljs itself (data bars) and is left alone.
const CF_EXT_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";

/** Sheet name → worksheet part, from workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wbXml = files["xl/workbook.xml"] ? strFromU8(files["xl/workbook.xml"]) : "";
  const relsXml = files["xl/_rels/workbook.xml.rels"] ? strFromU8(files["xl/_rels/workbook.xml.rels"]) : "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const parts = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) parts.set(xmlUnescape(name), part);
  }
  return parts;
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** The worksheet-level <extLst> (the last one, a direct child of <worksheet>) and its <ext> elements by uri. */
function topExtensions(xml: string): { start: number; end: number; exts: Map<string, string> } | null {
  const start = xml.lastIndexOf("<extLst>");
  const end = xml.lastIndexOf("</extLst>");
  if (start < 0 || end < start || xml.indexOf("</worksheet>", end) < 0) return null;
  // A data-bar rule's own extLst sits inside <conditionalFormatting>; the sheet's comes after every other element.
  if (xml.indexOf("</conditionalFormatting>", end) >= 0) return null;
  const body = xml.slice(start + "<extLst>".length, end);
  const exts = new Map<string, string>();
  for (const m of body.matchAll(/<ext\b[^>]*\buri="([^"]+)"[\s\S]*?<\/ext>/g)) exts.set(m[1]!, m[0]);
  return { start, end: end + "</extLst>".length, exts };
}

/** Adds to an <ext> the namespace declarations it uses but inherits from the original root element. */
function withNamespaces(ext: string, rootTag: string): string {
  const used = new Set([...ext.matchAll(/<\/?([A-Za-z][\w.-]*):/g)].map((m) => m[1]!));
  const declared = new Set([...ext.matchAll(/xmlns:([\w.-]+)=/g)].map((m) => m[1]!));
  const add: string[] = [];
  for (const prefix of used) {
    if (declared.has(prefix)) continue;
    const decl = new RegExp(`xmlns:${prefix}="[^"]*"`).exec(rootTag);
    if (decl) add.push(decl[0]);
  }
  return add.length ? ext.replace(/^<ext\b/, `<ext ${add.join(" ")}`) : ext;
}

/**
 * Puts the children of <sheetPr> in the schema's order (tabColor, outlinePr, pageSetUpPr): exceljs writes
 * outlinePr last when it loaded one (openpyxl and Excel write it), which schema validation rejects.
 */
export function sheetPrInOrder(xml: string): string {
  return xml.replace(/<sheetPr\b([^>]*)>([\s\S]*?)<\/sheetPr>/, (whole, attributes: string, body: string) => {
    const children = [...body.matchAll(/<(tabColor|outlinePr|pageSetUpPr)\b[^>]*\/>|<(tabColor|outlinePr|pageSetUpPr)\b[^>]*>[\s\S]*?<\/\2>/g)];
    if (children.map((m) => m[0]).join("") !== body.trim()) return whole; // something else in there: leave it
    const order = ["tabColor", "outlinePr", "pageSetUpPr"];
    const sorted = [...children].sort((a, b) => order.indexOf(a[1] ?? a[2]!) - order.indexOf(b[1] ?? b[2]!));
    return `<sheetPr${attributes}>${sorted.map((m) => m[0]).join("")}</sheetPr>`;
  });
}

/** Kinds of package parts exceljs does not carry through a load and save, with their Vietnamese names. */
const PART_KINDS: Array<[RegExp, string]> = [
  [/^xl\/charts\/chart[^/]*\.xml$/, "biểu đồ"],
  [/^xl\/pivotTables\//, "bảng tổng hợp (PivotTable)"],
  [/^xl\/slicers\//, "slicer"],
  [/^xl\/comments[^/]*\.xml$/, "ghi chú (comment)"],
  [/^xl\/threadedComments\//, "bình luận"],
  [/^xl\/vbaProject\.bin$/, "macro"],
  [/^xl\/externalLinks\//, "liên kết ngoài"],
  [/^xl\/tables\//, "bảng (Table)"],
  [/^xl\/media\//, "hình ảnh"],
];

/**
 * Saving a loaded workbook with exceljs: puts back what it dropped from the original and reports what cannot be
 * put back. Restored verbatim on every original sheet: the <sheetProtection> element (exceljs forgets legacy
 * password hashes and spelled-out booleans), the <dataValidations> element (exceljs can write overlapping
 * ranges) and worksheet extensions such as x14 data validations; the
 * workbook's <workbookProtection>. Sheet properties are put back in schema order. Parts exceljs has no model for
 * (charts, pivot tables…) are listed in `lost`.
 */
export function preserveOnSave(original: Uint8Array, saved: Uint8Array): PreserveResult {
  const before = unzipSync(original);
  const after = unzipSync(saved);
  const beforeParts = sheetParts(before);
  const afterParts = sheetParts(after);
  let changed = false;
  for (const name of Object.keys(after)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(after[name]!);
    const fixed = sheetPrInOrder(xml);
    if (fixed !== xml) {
      after[name] = strToU8(fixed);
      changed = true;
    }
  }
  for (const [name, part] of beforeParts) {
    const outPart = afterParts.get(name);
    if (!outPart || !before[part] || !after[outPart]) continue;
    const src = strFromU8(before[part]!);
    let out = strFromU8(after[outPart]!);
    const prot = /<sheetProtection\b[^>]*\/>|<sheetProtection\b[^>]*>[\s\S]*?<\/sheetProtection>/.exec(src)?.[0];
    if (prot) {
      const existing = /<sheetProtection\b[^>]*\/>|<sheetProtection\b[^>]*>[\s\S]*?<\/sheetProtection>/.exec(out);
      if (existing) out = out.replace(existing[0], () => prot);
      else {
        const anchor = /<sheetCalcPr\b[^>]*\/>/.exec(out) ?? /<\/sheetData>|<sheetData\/>/.exec(out);
        if (anchor) out = out.slice(0, anchor.index + anchor[0].length) + prot + out.slice(anchor.index + anchor[0].length);
      }
    }
    // Data validations hold no style or string indexes: the original element is exact, whereas exceljs splits
    // ranges into cells on load and, merging them back on save, can write overlapping ranges (Excel "repairs" those).
    const dv = /<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>/.exec(src)?.[0];
    if (dv) {
      const existing = /<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>|<dataValidations\b[^>]*\/>/.exec(out);
      if (existing) out = out.replace(existing[0], () => dv);
      else {
        const anchor = /<hyperlinks\b|<printOptions\b|<pageMargins\b|<pageSetup\b|<headerFooter\b|<rowBreaks\b|<colBreaks\b|<drawing\b|<legacyDrawing\b|<tableParts\b|<extLst>/.exec(out);
        const at = anchor ? anchor.index : out.lastIndexOf("</worksheet>");
        out = out.slice(0, at) + dv + out.slice(at);
      }
    }
    const srcExt = topExtensions(src);
    if (srcExt) {
      const rootTag = /<worksheet\b[^>]*>/.exec(src)?.[0] ?? "";
      const outExt = topExtensions(out);
      const missing = [...srcExt.exts].filter(([uri]) => uri !== CF_EXT_URI && !outExt?.exts.has(uri)).map(([, ext]) => withNamespaces(ext, rootTag));
      if (missing.length > 0) {
        if (outExt) out = out.slice(0, outExt.end - "</extLst>".length) + missing.join("") + out.slice(outExt.end - "</extLst>".length);
        else out = out.replace(/<\/worksheet>\s*$/, `<extLst>${missing.join("")}</extLst></worksheet>`);
      }
    }
    if (out !== strFromU8(after[outPart]!)) {
      after[outPart] = strToU8(out);
      changed = true;
    }
  }
  const srcWb = before["xl/workbook.xml"] ? strFromU8(before["xl/workbook.xml"]) : "";
  const wbProt = /<workbookProtection\b[^>]*\/>/.exec(srcWb)?.[0];
  if (wbProt && after["xl/workbook.xml"]) {
    const outWb = strFromU8(after["xl/workbook.xml"]);
    if (!outWb.includes("<workbookProtection")) {
      const anchor = /<workbookPr\b[^>]*\/>/.exec(outWb);
      const at = anchor ? anchor.index + anchor[0].length : outWb.indexOf("<bookViews");
      if (at >= 0) {
        after["xl/workbook.xml"] = strToU8(outWb.slice(0, at) + wbProt + outWb.slice(at));
        changed = true;
      }
    }
  }
  const lost: string[] = [];
  for (const [re, kind] of PART_KINDS) {
    const had = Object.keys(before).filter((n) => re.test(n)).length;
    const has = Object.keys(after).filter((n) => re.test(n)).length;
    if (had > has) lost.push(kind);
  }
  const bytes = changed ? zipSync(Object.fromEntries(Object.entries(after).filter(([n]) => !n.endsWith("/"))), { level: 6 }) : saved;
  return { bytes, lost };
}

/**
 * Reads .xlsx bytes into a Grid (values, formulas, sheet states) with the lean reader, refusing what exceljs refused
 * (its `strict` mode: whole zip checked, parts cut short refused). Throws UnusableInputError for unusable files. Grid.modified is `opts.modified` (not the time the workbook says it was saved, as in the merge).
 */
export async function readXlsxGrid(bytes: Uint8Array, opts: ReadXlsxOptions): Promise<Grid> {
  const { modified: _saved, ...grid } = readXlsxGridFast(bytes, { file: opts.file, strict: true, ...(opts.limits ? { limits: opts.limits } : {}) });
  return opts.modified ? { ...grid, modified: opts.modified } : grid;
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
