/**
 * Reads the values of an .xlsx file into a Grid, synchronously and without Node APIs, so it runs inside Apps Script.
 *
 * Why not exceljs (shared/xlsx/read.ts) here: exceljs reads through Node streams, Buffer and timer-driven promise
 * chains (JSZip yields with setImmediate/setTimeout), none of which Apps Script has, and it would add about a
 * megabyte to the script. Converting each .xlsx into a Google Sheet through the Drive API would need write access to
 * the user's Drive. This reader needs neither: fflate inflates the parts (bounded, shared/plan/readers/zip.ts) and a
 * small tokenizer reads sheet XML, shared strings, number formats (to tell dates from numbers) and sheet states.
 */
import { UnusableInputError } from "../../../shared/errors.js";
import type { Grid, GridSheet, GridValue } from "../../../shared/entries/grid.js";
import { localName, xmlTokens, type XmlToken } from "../../../shared/plan/readers/xml.js";
import { partText, unzipParts } from "../../../shared/plan/readers/zip.js";
import { sheetsXlsxMessages as M } from "../../../shared/messages/sheets.js";
import { colNumber } from "../sheets/a1.js";

const DAY_MS = 86_400_000;
/** Rows and columns kept per sheet (as shared/xlsx/read.ts): beyond them the sheet is marked truncated. */
export const MAX_ROWS = 100_000;
export const MAX_COLS = 256;
/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East-Asian date ids). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a custom number format shows a date or time (d, m, y, h or s outside quotes, escapes and [colour]). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "")
    .split(";")[0]!;
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

/** Text of all <t> elements in a token range, skipping phonetic runs (<rPh>). */
function collectText(tokens: Iterator<XmlToken>, endName: string): string {
  let out = "";
  let inT = false;
  let skip = 0;
  for (let r = tokens.next(); !r.done; r = tokens.next()) {
    const t = r.value;
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "rPh" && !t.selfClosing) skip++;
      else if (n === "t" && !t.selfClosing) inT = true;
    } else if (t.kind === "close") {
      const n = localName(t.name);
      if (n === endName) return out;
      if (n === "rPh") skip--;
      else if (n === "t") inT = false;
    } else if (inT && skip === 0) out += t.text;
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const tokens = xmlTokens(xml);
  for (let r = tokens.next(); !r.done; r = tokens.next()) {
    const t = r.value;
    if (t.kind === "open" && localName(t.name) === "si") out.push(t.selfClosing ? "" : collectText(tokens, "si"));
  }
  return out;
}

/** For each cell style index (the `s` attribute), whether it shows a date. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  let inXfs = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "numFmt") custom.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? "");
      else if (n === "cellXfs") inXfs = !t.selfClosing;
      else if (n === "xf" && inXfs) {
        const id = Number(t.attrs.numFmtId ?? 0);
        const code = custom.get(id);
        out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id));
      }
    } else if (t.kind === "close" && localName(t.name) === "cellXfs") inXfs = false;
  }
  return out;
}

interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  path: string;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

function workbookSheets(workbookXml: string, relsXml: string | undefined): { sheets: SheetEntry[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (relsXml) {
    for (const t of xmlTokens(relsXml)) {
      if (t.kind === "open" && localName(t.name) === "Relationship" && t.attrs.Id && t.attrs.Target) {
        targets.set(t.attrs.Id, resolveTarget(t.attrs.Target));
      }
    }
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let index = 0;
  for (const t of xmlTokens(workbookXml)) {
    if (t.kind !== "open") continue;
    const n = localName(t.name);
    if (n === "workbookPr") date1904 = t.attrs.date1904 === "1" || t.attrs.date1904 === "true";
    if (n !== "sheet") continue;
    index++;
    const rid = Object.entries(t.attrs).find(([k]) => localName(k) === "id")?.[1];
    const state = t.attrs.state === "hidden" || t.attrs.state === "veryHidden" ? t.attrs.state : "visible";
    sheets.push({ name: t.attrs.name ?? `Sheet${index}`, state, path: (rid && targets.get(rid)) || `xl/worksheets/sheet${index}.xml` });
  }
  return { sheets, date1904 };
}

/** A spreadsheet serial as the UTC instant of that day and time. */
function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * DAY_MS));
}

/** Reads one worksheet part into dense rows. */
function readWorksheet(
  xml: string,
  entry: SheetEntry,
  strings: string[],
  dates: boolean[],
  date1904: boolean,
): GridSheet {
  const cells: Array<{ r: number; c: number; v: GridValue; f: string | null }> = [];
  let maxR = 0;
  let maxC = 0;
  let truncated = false;
  let row = 0;
  let col = 0;
  let cur: { r: number; c: number; t: string; s: number; v: string | null; f: string | null; inline: string | null } | null = null;
  let inV = false;
  let inF = false;
  const tokens = xmlTokens(xml);
  for (let it = tokens.next(); !it.done; it = tokens.next()) {
    const t = it.value;
    if (t.kind === "open") {
      const n = localName(t.name);
      if (n === "row") {
        row = t.attrs.r ? Number(t.attrs.r) : row + 1;
        col = 0;
      } else if (n === "c") {
        const ref = t.attrs.r ? /^([A-Z]+)(\d+)$/i.exec(t.attrs.r) : null;
        col = ref ? colNumber(ref[1]!) : col + 1;
        const r = ref ? Number(ref[2]) : row;
        cur = { r, c: col, t: t.attrs.t ?? "n", s: Number(t.attrs.s ?? 0), v: null, f: null, inline: null };
        if (t.selfClosing) cur = finishCell(cur);
      } else if (cur && n === "v") {
        inV = !t.selfClosing;
        if (inV) cur.v = "";
      } else if (cur && n === "f") {
        inF = !t.selfClosing;
        if (inF) cur.f = "";
        else if (cur.f === null) cur.f = ""; // a shared-formula child: a formula whose text lives in another cell
      } else if (cur && n === "is" && !t.selfClosing) {
        cur.inline = collectText(tokens, "is");
      }
    } else if (t.kind === "close") {
      const n = localName(t.name);
      if (n === "v") inV = false;
      else if (n === "f") inF = false;
      else if (n === "c" && cur) cur = finishCell(cur);
    } else if (cur) {
      if (inV) cur.v += t.text;
      else if (inF) cur.f += t.text;
    }
  }

  function finishCell(c: NonNullable<typeof cur>): null {
    let v: GridValue = null;
    switch (c.t) {
      case "s":
        v = c.v === null ? null : (strings[Number(c.v)] ?? null);
        break;
      case "str":
        v = c.v ?? null;
        break;
      case "inlineStr":
        v = c.inline ?? c.v ?? null;
        break;
      case "b":
        v = c.v === null ? null : c.v.trim() === "1" || c.v.trim().toLowerCase() === "true";
        break;
      case "e":
        v = c.v ?? null;
        break;
      case "d": {
        const d = c.v ? new Date(c.v.length === 10 ? `${c.v}T00:00:00Z` : c.v) : null;
        v = d && Number.isFinite(d.getTime()) ? d : (c.v ?? null);
        break;
      }
      default: {
        if (c.v === null || c.v.trim() === "") break;
        const num = Number(c.v);
        if (!Number.isFinite(num)) v = c.v;
        else v = dates[c.s] ? serialToDate(num, date1904) : num;
      }
    }
    if (v === "") v = null;
    if (c.r > MAX_ROWS || c.c > MAX_COLS) {
      if (v !== null || c.f !== null) truncated = true;
    } else if (v !== null || c.f !== null) {
      if (c.r > maxR) maxR = c.r;
      if (c.c > maxC) maxC = c.c;
      cells.push({ r: c.r, c: c.c, v, f: c.f });
    }
    return null;
  }

  const values: GridValue[][] = Array.from({ length: maxR }, () => new Array<GridValue>(maxC).fill(null));
  let formulas: Array<Array<string | null>> | undefined;
  for (const cell of cells) {
    values[cell.r - 1]![cell.c - 1] = cell.v;
    if (cell.f !== null) {
      formulas ??= Array.from({ length: maxR }, () => new Array<string | null>(maxC).fill(null));
      formulas[cell.r - 1]![cell.c - 1] = cell.f.replace(/^=/, "");
    }
  }
  return { name: entry.name, state: entry.state, values, ...(formulas ? { formulas } : {}), ...(truncated ? { truncated: { rows: MAX_ROWS, cols: MAX_COLS } } : {}) };
}

/** Reads an .xlsx file's bytes into a Grid. Throws UnusableInputError for anything that is not a readable .xlsx. */
export function xlsxToGrid(bytes: Uint8Array, fileName: string): Grid {
  const parts = unzipParts(bytes, fileName, "Excel (.xlsx)", (name) =>
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(name),
  );
  const text = (name: string) => {
    const part = parts.get(name);
    return part ? partText(part) : undefined;
  };
  const workbook = text("xl/workbook.xml");
  if (!workbook) throw new UnusableInputError(M.noWorkbook(fileName), { file: fileName });
  try {
    const { sheets, date1904 } = workbookSheets(workbook, text("xl/_rels/workbook.xml.rels"));
    const strings = sharedStrings(text("xl/sharedStrings.xml"));
    const dates = dateStyles(text("xl/styles.xml"));
    return {
      file: fileName,
      sheets: sheets.map((entry) => {
        const xml = text(entry.path);
        return xml ? readWorksheet(xml, entry, strings, dates, date1904) : { name: entry.name, state: entry.state, values: [] };
      }),
    };
  } catch (e) {
    if (e instanceof UnusableInputError) throw e;
    throw new UnusableInputError(M.corrupt(fileName, e instanceof Error ? e.message : String(e)), { file: fileName }, e);
  }
}
