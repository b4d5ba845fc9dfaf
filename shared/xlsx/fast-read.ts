/**
 * .xlsx bytes → Grid without exceljs: the lean reader of the merge path (`cchc merge` reads thousands of workbooks).
 *
 * Why: exceljs parses every part of a workbook (styles, themes, validations, conditional formats…) into an object
 * model; reading one tracker takes it 70–300 ms. This reader unzips only the parts a Grid needs — the package and
 * workbook relationships, workbook.xml, sharedStrings.xml, the number formats of styles.xml (to tell dates from
 * numbers) and the wanted sheets — and scans their XML with indexOf, a few milliseconds per tracker.
 *
 * It gives the same Grid as shared/xlsx/read.ts (exceljs) for the workbooks we and others write (a test asserts it on
 * the seed trackers): values, formulas (shared formulas translated as exceljs does), sheet states, merged cells read
 * as null except the top-left one, dates for numbers in a date format (exceljs' rule, see isExcelJsDateFormat), the
 * 1904 date system, rows and columns beyond the limits cut with `truncated` set. Where exceljs loses data this reader
 * keeps it: a cached formula result of 0, "" or FALSE (exceljs drops falsy results), `t="d"` ISO date cells
 * (exceljs reads them as a number) and `x:`-prefixed element names (.NET writers).
 *
 * Unusable files are refused by zip-guard.ts (empty, too large, password or old .xls, not a zip, not a workbook,
 * corrupt, zip bomb), which inflates only the parts asked for and bounds each one. Pure and synchronous: runs in
 * Node, browsers and Apps Script.
 */
import { UnusableInputError } from "../errors.js";
import type { Grid, GridSheet, GridValue } from "../entries/grid.js";
import { entriesMessages as M } from "../messages/entries.js";
import { assertUsableXlsx, openXlsxPackage, XLSX_LIMITS, type InflateRaw, type XlsxLimits } from "./zip-guard.js";

/** Limits of the fast reader: the one set of .xlsx limits (zip-guard.ts' XLSX_LIMITS). */
export const FAST_XLSX_LIMITS: XlsxLimits = XLSX_LIMITS;

/** Options of readXlsxGridFast. */
export interface FastReadOptions {
  /** Name shown in messages and findings. */
  file: string;
  limits?: Partial<XlsxLimits>;
  /** The file's modification time; used for Grid.modified when the workbook does not say when it was saved. */
  modified?: Date;
  /**
   * Which sheets to read (by name). Sheets left out are absent from the Grid. Default: every sheet.
   * The merge reads only what readEntries looks at (see ENTRY_SHEETS in shared/merge).
   */
  sheets?: (name: string) => boolean;
  /** A faster raw-deflate inflater from the host (Node's zlib); see zip-guard.ts. Default: fflate. */
  inflateRaw?: InflateRaw;
  /**
   * Refuse what exceljs refuses, for readers that promise its behaviour (readXlsxGrid: `cchc check`, the add-in):
   * every part of the zip is inflated once with the byte counter (assertUsableXlsx), and a part that is read must
   * be whole XML (cut short, it is refused rather than read up to the cut). Default: lenient, as the merge wants.
   */
  strict?: boolean;
  /** Also list each sheet's merged ranges in GridSheet.merges (the plan reader expands them). Default: no. */
  merges?: boolean;
  /**
   * The value of a number cell, for a reader with its own idea of dates (the plan reader writes dd/mm/yyyy by its
   * own format rule). Gets the number, its cell style's number format (id, and the custom format code if any) and
   * whether the workbook counts dates from 1904. Default: exceljs' rule (a Date in a date format, else the number).
   */
  numberValue?: (n: number, format: NumberFormat, date1904: boolean) => GridValue;
}

/** A cell style's number format: the numFmtId and, for a custom format, its code. */
export interface NumberFormat {
  id: number;
  code?: string;
}

const REL_OFFICE_DOCUMENT = "/officeDocument";
const REL_SHARED_STRINGS = "/sharedStrings";
const REL_STYLES = "/styles";
const REL_CORE = "/metadata/core-properties";

/** Built-in number format ids exceljs treats as dates (its default formats that contain y, m, d, h or s). */
const EXCELJS_DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

// ---------------------------------------------------------------------------------------------------------------
// XML scanning: the parts of SpreadsheetML we read are flat and regular; a tag scanner with indexOf is enough.

/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents a long slice of a string as
 * a view into its parent: a cell's text kept in a Grid would pin the whole sheet XML (hundreds of kilobytes per
 * workbook; gigabytes over thousands of merged files). Concatenating then slicing flattens into a fresh string.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + " ").slice(0, -1);
}

/** Decodes XML character and entity references. */
export function decodeXmlText(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    switch (ref) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Decodes the OOXML escape of characters XML cannot hold ("_x000D_" → carriage return). */
function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A tag found by the scanner: its local name (prefix dropped), whether it closes or self-closes, its attribute text. */
interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
  /** Index just after the tag's ">". */
  end: number;
}

/** Finds the next tag at or after `from`; skips comments, processing instructions and CDATA. Null at the end. */
function nextTag(xml: string, from: number): Tag | null {
  let lt = xml.indexOf("<", from);
  while (lt >= 0) {
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) return null;
      lt = xml.indexOf("<", e + 2);
      continue;
    }
    if (c === 0x21 /* ! */) {
      const e = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt + 4) + 2 : xml.startsWith("<![CDATA[", lt) ? xml.indexOf("]]>", lt + 9) + 2 : xml.indexOf(">", lt + 2);
      if (e < 2) return null;
      lt = xml.indexOf("<", e + 1);
      continue;
    }
    const close = c === 0x2f; /* / */
    let i = close ? lt + 2 : lt + 1;
    const nameStart = i;
    while (i < xml.length) {
      const ch = xml.charCodeAt(i);
      if (ch === 0x20 || ch === 0x3e || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
      i++;
    }
    let name = xml.slice(nameStart, i);
    const colon = name.indexOf(":");
    if (colon >= 0) name = name.slice(colon + 1);
    // The tag ends at the first ">" outside quotes.
    let quote = 0;
    let j = i;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e) break;
    }
    if (j >= xml.length) return null;
    const selfClose = xml.charCodeAt(j - 1) === 0x2f;
    return { name, close, selfClose, attrs: xml.slice(i, selfClose ? j - 1 : j), end: j + 1 };
  }
  return null;
}

/** The value of an attribute (entities decoded), or undefined. Matches the local name, with or without a prefix. */
function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 0x20 : attrs.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x3a /* : */ && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let k = from;
    while (attrs.charCodeAt(k) === 0x20) k++;
    if (attrs.charCodeAt(k) !== 0x3d /* = */) continue;
    k++;
    while (attrs.charCodeAt(k) === 0x20) k++;
    const q = attrs.charCodeAt(k);
    if (q !== 0x22 && q !== 0x27) continue;
    const close = attrs.indexOf(String.fromCharCode(q), k + 1);
    if (close < 0) return undefined;
    // A prefixed match must be this very attribute, not one that merely ends with the name (r:id vs id is fine).
    return detach(decodeXmlText(attrs.slice(k + 1, close)));
  }
}

/** Text content from `from` to the next "<" (entities decoded). */
function textUntilTag(xml: string, from: number): { text: string; end: number } {
  const lt = xml.indexOf("<", from);
  const end = lt < 0 ? xml.length : lt;
  if (lt >= 0 && xml.charCodeAt(lt + 1) !== 0x21) return { text: detach(decodeXmlText(xml.slice(from, end))), end };
  if (xml.startsWith("<![CDATA[", end)) {
    const close = xml.indexOf("]]>", end + 9);
    if (close >= 0) {
      const rest = textUntilTag(xml, close + 3);
      return { text: decodeXmlText(xml.slice(from, end)) + xml.slice(end + 9, close) + rest.text, end: rest.end };
    }
  }
  return { text: decodeXmlText(xml.slice(from, end)), end };
}

/**
 * Collects the text of the <t> elements inside an element (an <si> shared string or an <is> inline string) up to its
 * closing tag, leaving out phonetic runs (<rPh>). Returns the text and the index after the closing tag.
 */
function stringItem(xml: string, from: number, endName: string): { text: string; end: number } {
  let text = "";
  let pos = from;
  let inPhonetic = 0;
  for (;;) {
    const tag = nextTag(xml, pos);
    if (!tag) return { text, end: xml.length };
    pos = tag.end;
    if (tag.close) {
      if (tag.name === endName) return { text: decodeOoxmlEscapes(text), end: pos };
      if (tag.name === "rPh") inPhonetic--;
      continue;
    }
    if (tag.name === "rPh" && !tag.selfClose) inPhonetic++;
    else if (tag.name === "t" && !tag.selfClose) {
      const t = textUntilTag(xml, pos);
      if (inPhonetic === 0) text += t.text;
      pos = t.end;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook-level parts.

interface SheetRef {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  part: string | null;
}

/** Relationship targets by id, and the first target of each relationship type suffix. */
function readRels(xml: string | null, base: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  if (!xml) return { byId, byType };
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.close || tag.name !== "Relationship") continue;
    const id = attr(tag.attrs, "Id");
    const target = attr(tag.attrs, "Target");
    const type = attr(tag.attrs, "Type") ?? "";
    if (!target || attr(tag.attrs, "TargetMode") === "External") continue;
    const path = resolvePart(base, target);
    if (id) byId.set(id, path);
    const suffix = type.slice(type.lastIndexOf("/"));
    if (!byType.has(suffix)) byType.set(suffix, path);
  }
  return { byId, byType };
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (base ? base.split("/") : []).concat(target.split("/"));
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function relsPathOf(part: string): string {
  const dir = folderOf(part);
  const name = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ""}_rels/${name}.rels`;
}

/** The sheets of workbook.xml in order, and whether the workbook uses the 1904 date system. */
function readWorkbook(xml: string, rels: Map<string, string>): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.close) continue;
    if (tag.name === "workbookPr") {
      const v = attr(tag.attrs, "date1904");
      date1904 = v === "1" || v === "true";
    } else if (tag.name === "sheet") {
      const state = attr(tag.attrs, "state");
      const rid = attr(tag.attrs, "id");
      sheets.push({
        name: attr(tag.attrs, "name") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        part: rid ? rels.get(rid) ?? null : null,
      });
    } else if (tag.name === "definedNames" || tag.name === "calcPr") break;
  }
  return { sheets, date1904 };
}

function readSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.close || tag.name !== "si") continue;
    if (tag.selfClose) {
      out.push("");
      continue;
    }
    const item = stringItem(xml, pos, "si");
    out.push(item.text);
    pos = item.end;
  }
  return out;
}

/** exceljs' rule for a date number format: y, m, d, h, M, s or b outside quotes and brackets. */
export function isExcelJsDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (the `s` attribute), its number format and whether numbers in that style are dates. */
function readStyles(xml: string | null): { formats: NumberFormat[]; dates: boolean[] } {
  const formats: NumberFormat[] = [];
  const dates: boolean[] = [];
  if (!xml) return { formats, dates };
  const custom = new Map<number, string>();
  let pos = 0;
  let inCellXfs = false;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.name === "numFmt" && !tag.close) {
      const id = Number(attr(tag.attrs, "numFmtId"));
      const code = attr(tag.attrs, "formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (tag.name === "cellXfs") {
      if (tag.close) break;
      inCellXfs = !tag.selfClose;
    } else if (inCellXfs && tag.name === "xf" && !tag.close) {
      const id = Number(attr(tag.attrs, "numFmtId") ?? "0");
      const code = custom.get(id);
      formats.push(code !== undefined ? { id, code } : { id });
      // exceljs ignores numFmtId 0 and prefers a custom format over a built-in one of the same id.
      dates.push(id ? (code !== undefined ? isExcelJsDateFormat(code) : EXCELJS_DATE_FORMAT_IDS.has(id)) : false);
    }
  }
  return { formats, dates };
}

/** The time the workbook was last saved, from docProps/core.xml (dcterms:modified), if it says. */
function readSavedTime(xml: string | null): Date | undefined {
  if (!xml) return undefined;
  const m = /<dcterms:modified\b[^>]*>([^<]+)</.exec(xml);
  if (!m) return undefined;
  const d = new Date(m[1]!.trim());
  return Number.isFinite(d.getTime()) ? d : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets.

/** "AB12" → 0-based column and row; null when not an A1 address. */
function decodeAddress(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { col: col - 1, row: row - 1 };
}

function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const SLIDE_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** Translates a shared formula from its master cell to another cell, as exceljs does (relative references move). */
function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(SLIDE_CANDIDATE, (match, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL_REF.exec(addr);
    if (!m) return match;
    const letters = m[2]!.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match;
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    let row = Number(m[4]);
    if (!m[1]) col += dCol;
    if (!m[3]) row += dRow;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col - 1)}${m[3] ?? ""}${row}`;
  });
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  formats: NumberFormat[];
  numberValue: FastReadOptions["numberValue"];
  merges: boolean;
  date1904: boolean;
  limits: XlsxLimits;
}

/** Reads one worksheet's cells into a GridSheet (the shape read.ts' workbookToGrid gives). */
function readSheet(xml: string, ref: SheetRef, ctx: SheetContext): GridSheet {
  const values: GridValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  /** Rows exceljs would list (a cell with a value, a formula or no style, or a merged cell). */
  let lastRow = -1;
  let truncated = false;
  let anyFormula = false;
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const { maxRows, maxCols } = ctx.limits;

  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  let pos = start < 0 ? xml.length : start;
  let row = -1;
  let nextCol = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    const name = tag.name;
    if (name === "row") {
      if (tag.close) continue;
      const r = attr(tag.attrs, "r");
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      nextCol = 0;
      continue;
    }
    if (name === "sheetData") {
      if (tag.close) break;
      if (tag.selfClose) break;
      continue;
    }
    if (name !== "c" || tag.close) continue;

    // One cell: <c r s t> [<f …>text</f>] [<v>text</v> | <is>…</is>] </c>
    const r = attr(tag.attrs, "r");
    const address = r ? decodeAddress(r) : null;
    const rowIndex = address ? address.row : Math.max(row, 0);
    const col = address ? address.col : nextCol;
    if (row < 0) row = rowIndex;
    nextCol = col + 1;
    const t = attr(tag.attrs, "t");
    const s = attr(tag.attrs, "s");
    const styleId = s !== undefined ? parseInt(s, 10) : 0;
    let raw: string | undefined;
    let inline: string | undefined;
    let formula: string | undefined;
    let shareType: string | undefined;
    let si: string | undefined;
    let hasRef = false;
    if (!tag.selfClose) {
      for (let inner = nextTag(xml, pos); inner; inner = nextTag(xml, pos)) {
        pos = inner.end;
        if (inner.close) {
          if (inner.name === "c") break;
          continue;
        }
        if (inner.name === "v") {
          if (inner.selfClose) continue;
          const text = textUntilTag(xml, pos);
          if (text.text !== "") raw = (raw ?? "") + text.text;
          pos = text.end;
        } else if (inner.name === "f") {
          shareType = attr(inner.attrs, "t");
          si = attr(inner.attrs, "si");
          hasRef = attr(inner.attrs, "ref") !== undefined;
          if (inner.selfClose) continue;
          const text = textUntilTag(xml, pos);
          if (text.text !== "") formula = text.text;
          pos = text.end;
        } else if (inner.name === "is") {
          if (inner.selfClose) continue;
          const item = stringItem(xml, pos, "is");
          inline = item.text;
          pos = item.end;
          if (inline === "") inline = undefined;
        }
      }
    }

    // Formula text: a shared formula's dependants translate the master's.
    let formulaText: string | null = null;
    if (formula !== undefined || shareType === "shared") {
      if (shareType === "shared" && si !== undefined) {
        if (hasRef && formula !== undefined) {
          shared.set(si, { formula, row: rowIndex, col });
          formulaText = formula;
        } else {
          const master = shared.get(si);
          formulaText = master ? slideFormula(master.formula, rowIndex - master.row, col - master.col) : formula ?? "";
        }
      } else formulaText = formula ?? "";
    }

    let value: GridValue = null;
    const content = inline !== undefined && t === "inlineStr" ? inline : raw;
    if (content !== undefined) {
      switch (t) {
        case "s": {
          value = ctx.strings[parseInt(content, 10)] ?? null;
          break;
        }
        case "str":
        case "inlineStr":
          value = content;
          break;
        case "b":
          value = parseInt(content, 10) !== 0;
          break;
        case "e":
          value = content;
          break;
        case "d": {
          const d = new Date(content.length === 10 ? `${content}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(content) ? content : `${content}Z`);
          value = Number.isFinite(d.getTime()) ? d : content;
          break;
        }
        default: {
          const n = parseFloat(content);
          if (ctx.numberValue) value = ctx.numberValue(n, ctx.formats[styleId] ?? { id: 0 }, ctx.date1904);
          else value = styleId && ctx.dateStyles[styleId] && Number.isFinite(n) ? excelToDate(n, ctx.date1904) : n;
        }
      }
    }
    if (value instanceof Date && !Number.isFinite(value.getTime())) value = null;

    // exceljs lists a row when one of its cells has a value, a formula, or no style at all.
    const listed = formulaText !== null || content !== undefined || !styleId;
    if (!listed) continue;
    if (rowIndex >= maxRows) {
      truncated = true;
      continue;
    }
    if (col >= maxCols) {
      truncated = true;
      lastRow = Math.max(lastRow, rowIndex);
      continue;
    }
    lastRow = Math.max(lastRow, rowIndex);
    if (value !== null) {
      const vr = (values[rowIndex] ??= []);
      while (vr.length < col) vr.push(null);
      vr[col] = value;
    }
    if (formulaText !== null) {
      anyFormula = true;
      const fr = (formulas[rowIndex] ??= []);
      while (fr.length < col) fr.push(null);
      fr[col] = formulaText;
    }
  }

  // Merged cells: the top-left one keeps its value; the others read as empty (and their rows are listed).
  const mergeList: string[] = [];
  const mergesAt = xml.slice(pos).search(/<(?:\w+:)?mergeCells\b/);
  if (mergesAt >= 0) {
    const merges = pos + mergesAt;
    let mpos = merges;
    for (let tag = nextTag(xml, mpos); tag; tag = nextTag(xml, mpos)) {
      mpos = tag.end;
      if (tag.name === "mergeCells" && tag.close) break;
      if (tag.name !== "mergeCell" || tag.close) continue;
      const range = attr(tag.attrs, "ref");
      if (ctx.merges && range) mergeList.push(range);
      const [a, b] = (range ?? "").split(":");
      const tl = a ? decodeAddress(a) : null;
      const br = b ? decodeAddress(b) : tl;
      if (!tl || !br) continue;
      for (let rr = tl.row; rr <= br.row; rr++) {
        if (rr >= maxRows) {
          truncated = true;
          break;
        }
        lastRow = Math.max(lastRow, rr);
        for (let cc = tl.col; cc <= br.col; cc++) {
          if (rr === tl.row && cc === tl.col) continue;
          const vr = values[rr];
          if (vr && cc < vr.length) vr[cc] = null;
          const fr = formulas[rr];
          if (fr && cc < fr.length) fr[cc] = null;
        }
      }
    }
  }

  for (let r = 0; r <= lastRow; r++) {
    values[r] = trimTrailing(values[r] ?? []);
    formulas[r] = trimTrailing(formulas[r] ?? []);
  }
  values.length = lastRow + 1;
  formulas.length = lastRow + 1;
  const sheet: GridSheet = { name: ref.name, state: ref.state, values };
  if (ctx.merges) sheet.merges = mergeList;
  if (anyFormula || values.length > 0) sheet.formulas = formulas;
  if (truncated) sheet.truncated = { rows: Math.min(maxRows, lastRowOf(xml, lastRow) + 1), cols: maxCols };
  return sheet;
}

/** Drops trailing empty cells (a merged cell emptied at the end of a row). */
function trimTrailing<T>(row: Array<T | null>): Array<T | null> {
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
  if (n !== row.length) row.length = n;
  for (let i = 0; i < n; i++) if (row[i] === undefined) row[i] = null;
  return row;
}

/** The last row a sheet's dimension or rows mention (for the `truncated` note). */
function lastRowOf(xml: string, fallback: number): number {
  const dim = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(xml);
  const n = dim ? Number(dim[1]) - 1 : -1;
  return Math.max(n, fallback);
}

// ---------------------------------------------------------------------------------------------------------------

/** Whether an XML part ends with the closing tag of its root element (a part cut short does not). */
function isWholeXml(xml: string): boolean {
  let at = xml.indexOf("<");
  while (at >= 0 && (xml[at + 1] === "?" || xml[at + 1] === "!")) {
    const gt = xml.indexOf(">", at);
    if (gt < 0) return false;
    at = xml.indexOf("<", gt + 1);
  }
  if (at < 0) return false;
  const name = /^<([^\s/>]+)/.exec(xml.slice(at, at + 200))?.[1];
  if (!name) return false;
  const end = xml.trimEnd();
  if (end.endsWith(`</${name}>`)) return true;
  // A root that closes itself ("<sst/>") with nothing after it.
  const gt = xml.indexOf(">", at);
  return gt >= 0 && xml[gt - 1] === "/" && end.length === gt + 1;
}

/**
 * Reads .xlsx bytes into a Grid. Throws UnusableInputError for unusable files (see the file comment).
 * Grid.modified is the time the workbook says it was last saved (docProps/core.xml), else `opts.modified`.
 */
export function readXlsxGridFast(bytes: Uint8Array, opts: FastReadOptions): Grid {
  const limits = { ...FAST_XLSX_LIMITS, ...opts.limits };
  const file = opts.file;
  if (opts.strict) assertUsableXlsx(bytes, file, limits);
  const zip = openXlsxPackage(bytes, file, limits, opts.inflateRaw);
  const pkg = {
    text(name: string): string | null {
      const xml = zip.text(name);
      if (xml !== null && opts.strict && !isWholeXml(xml)) throw new UnusableInputError(M.cannotParse(file), { file });
      return xml;
    },
    has: (name: string) => zip.has(name),
  };
  try {
    const root = readRels(pkg.text("_rels/.rels"), "");
    const workbookPart = root.byType.get(REL_OFFICE_DOCUMENT) ?? "xl/workbook.xml";
    const workbookXml = pkg.text(workbookPart);
    if (workbookXml === null) throw new UnusableInputError(M.notWorkbook(file), { file });
    const rels = readRels(pkg.text(relsPathOf(workbookPart)), folderOf(workbookPart));
    const { sheets: refs, date1904 } = readWorkbook(workbookXml, rels.byId);
    // Writers that leave out a relationship still put the part where exceljs looks for it.
    const byTypeOrPath = (type: string, path: string) => rels.byType.get(type) ?? (pkg.has(path) ? path : undefined);
    const sstPart = byTypeOrPath(REL_SHARED_STRINGS, "xl/sharedStrings.xml");
    const stylesPart = byTypeOrPath(REL_STYLES, "xl/styles.xml");
    const wanted = refs.filter((r) => !opts.sheets || opts.sheets(r.name));
    const styles = wanted.length > 0 && stylesPart ? readStyles(pkg.text(stylesPart)) : { formats: [], dates: [] };
    const ctx: SheetContext = {
      strings: wanted.length > 0 && sstPart ? readSharedStrings(pkg.text(sstPart)) : [],
      dateStyles: styles.dates,
      formats: styles.formats,
      numberValue: opts.numberValue,
      merges: opts.merges === true,
      date1904,
      limits,
    };
    const sheets: GridSheet[] = [];
    for (const ref of wanted) {
      const xml = ref.part ? pkg.text(ref.part) : null;
      sheets.push(xml === null ? { name: ref.name, state: ref.state, values: [], ...(ctx.merges ? { merges: [] } : {}) } : readSheet(xml, ref, ctx));
    }
    const grid: Grid = { file, sheets };
    const corePart = root.byType.get(REL_CORE);
    const saved = corePart ? readSavedTime(pkg.text(corePart)) : undefined;
    const modified = saved ?? opts.modified;
    if (modified) grid.modified = modified;
    return grid;
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    throw new UnusableInputError(M.cannotParse(file), { file }, error);
  }
}
