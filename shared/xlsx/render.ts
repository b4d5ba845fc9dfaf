/**
 * WorkbookSpec → .xlsx with exceljs. Runs in Node and in a browser bundle (no fs; exceljs resolves to its browser
 * build through the package's "browser" field). Works around exceljs' traps so that Excel never offers to repair
 * the file and LibreOffice and Google Sheets show the same thing:
 * - list validations reference a range (Excel refuses literal lists over 255 characters) and always show their
 *   error message (exceljs leaves showErrorMessage off, which makes a dropdown accept anything);
 * - data bars get explicit min/max cfvo and a colour (both the 2007 form and Excel 2010's x14 form);
 * - conditional-format fills set bgColor as well as fgColor (differential formats paint solid fills with bgColor);
 * - exactly one sheet is selected and it is the active one, and it is visible;
 * - sheet protection without a password carries no hash at all; with a password a low spin count (exceljs'
 *   default of 100,000 SHA-512 rounds makes every open and unprotect slow);
 * - dates are real date cells (UTC midnight, a date number format), formulas carry cached results, strings are
 *   always strings (a plan text "=HYPERLINK(…)" stays text), characters XML forbids are dropped, text is capped
 *   at Excel's 32,767 characters per cell;
 * - "number stored as text" warnings are switched off for the written range (ids like "1" or "2.1" are text on
 *   purpose), by a small post-processing of the sheet XML that exceljs cannot express.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type {
  CellSpec,
  CellStyle,
  ConditionalFormatSpec,
  ConditionalStyle,
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../workbook/spec.js";
import { colLetter } from "../workbook/a1.js";

/** Options for rendering into an existing workbook. */
export interface RenderIntoOptions {
  /** Replace sheets of the same name (kept at their position); otherwise a name clash is an error. */
  replace?: boolean;
  /** Name of an existing sheet before which new sheets go; default: after the last visible sheet. */
  before?: string;
}

/** Options of renderWorkbook. */
export interface RenderOptions {
  /** Creation time written to the document properties (default: exceljs' own clock). */
  created?: Date;
}

/** Parts of exceljs' worksheet its type declarations leave out. */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** Spin count used when a sheet has a password. */
export const PROTECTION_SPIN_COUNT = 1000;
/** Excel's limit on the characters of one cell. */
const MAX_CELL_TEXT = 32_767;
const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";
const BORDER_COLOR = "FF7F7F7F";

/** Renders a whole workbook to .xlsx bytes. */
export async function renderWorkbook(spec: WorkbookSpec, opts: RenderOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.properties.creator;
  wb.lastModifiedBy = spec.properties.creator;
  wb.title = spec.properties.title;
  if (spec.properties.subject) wb.subject = spec.properties.subject;
  if (opts.created) {
    wb.created = opts.created;
    wb.modified = opts.created;
  }
  renderSheetsInto(wb, spec);
  return writeWorkbook(wb);
}

/**
 * Adds the spec's sheets (and defined names) to a workbook, e.g. one loaded from a user's tracker; everything
 * else in the workbook is kept. Excel recalculates formulas on open.
 */
export function renderSheetsInto(wb: ExcelJS.Workbook, spec: WorkbookSpec, opts: RenderIntoOptions = {}): void {
  // The sheet active before: new sheets shift tab indexes, so remember it by name.
  const activeTab = wb.views?.[0]?.activeTab;
  const wasActive = activeTab !== undefined ? wb.worksheets[activeTab]?.name : undefined;
  let previous: ExcelJS.Worksheet | undefined;
  for (const sheet of spec.sheets) {
    const existing = wb.getWorksheet(sheet.name);
    let orderNo: number | undefined;
    if (existing) {
      if (!opts.replace) throw new Error(`sheet "${sheet.name}" already exists`);
      orderNo = internals(existing).orderNo;
      wb.removeWorksheet(existing.id);
    }
    const ws = wb.addWorksheet(sheet.name);
    placeSheet(wb, ws, orderNo !== undefined ? { replacing: orderNo } : previous ? { after: previous } : { before: opts.before });
    renderSheet(ws, sheet, spec.styles);
    previous = ws;
  }
  for (const dn of spec.definedNames) {
    // exceljs has no "remove name": drop the name's cell matrix so a re-rendered name points only to its new cell.
    const matrices = (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap;
    delete matrices[dn.name];
    wb.definedNames.add(dn.ref, dn.name);
  }
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  selectActiveSheet(wb, spec.activeSheet ?? wasActive);
}

/** Writes a workbook to .xlsx bytes, with the post-processing exceljs cannot do (see the file comment). */
export async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // exceljs stores the parts uncompressed; postProcess compresses once with fflate (faster than JSZip's deflate).
  const out = (await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer | Uint8Array;
  const bytes = out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
  return postProcess(bytes);
}

/** Where a new sheet goes: a replaced sheet's place, after the spec's previous sheet, or before a named sheet. */
type Placement = { replacing: number } | { after: ExcelJS.Worksheet } | { before: string | undefined };

/** Puts a new sheet in place; without a named sheet to precede, after the workbook's last visible sheet. */
function placeSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, where: Placement): void {
  const others = wb.worksheets.filter((w) => w !== ws);
  let index: number;
  if ("replacing" in where) {
    index = others.findIndex((w) => internals(w).orderNo > where.replacing);
  } else if ("after" in where) {
    index = others.indexOf(where.after) + 1;
  } else if (where.before !== undefined) {
    index = others.findIndex((w) => w.name === where.before);
  } else {
    let lastVisible = -1;
    others.forEach((w, i) => {
      if (w.state === "visible" || w.state === undefined) lastVisible = i;
    });
    index = lastVisible + 1;
  }
  if (index < 0) index = others.length;
  const ordered = [...others.slice(0, index), ws, ...others.slice(index)];
  ordered.forEach((w, i) => {
    internals(w).orderNo = i + 1;
  });
}

/** Makes one visible sheet active and the only selected tab. */
function selectActiveSheet(wb: ExcelJS.Workbook, name: string | undefined): void {
  const sheets = wb.worksheets;
  const visible = (w: ExcelJS.Worksheet) => w.state === "visible" || w.state === undefined;
  let active = name !== undefined ? sheets.find((w) => w.name === name && visible(w)) : undefined;
  if (!active) active = sheets.find(visible);
  if (!active) return;
  const activeTab = sheets.indexOf(active);
  const firstSheet = sheets.findIndex(visible);
  const view = wb.views?.[0] ?? { x: 0, y: 0, width: 28800, height: 17000, visibility: "visible" as const };
  wb.views = [{ ...view, activeTab, firstSheet: Math.max(0, firstSheet) }];
  for (const w of sheets) {
    // A sheet loaded from a file without <sheetViews> has no views array at all.
    const views = w.views && w.views.length > 0 ? w.views : [{}];
    w.views = views.map((v, i) => ({ ...v, tabSelected: i === 0 && w === active }) as unknown as ExcelJS.WorksheetView);
  }
}

/** A copy of a style deep enough that setting one facet of one cell (numFmt, font…) leaves the others alone. */
function copyStyle(st: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const copy: Partial<ExcelJS.Style> = { ...st };
  if (st.font) copy.font = { ...st.font };
  if (st.alignment) copy.alignment = { ...st.alignment };
  if (st.protection) copy.protection = { ...st.protection };
  return copy;
}

function argb(color: string): string {
  return color.length === 6 ? `FF${color.toUpperCase()}` : color.toUpperCase();
}

/** CellStyle → exceljs style. */
function toStyle(s: CellStyle | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (!s) return style;
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontName) font.name = s.fontName;
  if (s.fontSize) font.size = s.fontSize;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (s.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.border === "thin") {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: BORDER_COLOR } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.locked === false) style.protection = { locked: false };
  return style;
}

/** Differential style of a conditional format. */
function toDxf(s: ConditionalStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.color) font.color = { argb: argb(s.color) };
  if (s.bold) font.bold = true;
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
  return style;
}

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, U+FFFE/U+FFFF, lone surrogates).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as a cell may hold it: XML-safe and within Excel's cell limit. */
export function safeCellText(s: string): string {
  const clean = s.replace(XML_INVALID, "");
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** CellSpec value → exceljs value. Strings stay strings: exceljs never turns "=…" text into a formula. */
function toValue(c: CellSpec): ExcelJS.CellValue {
  const v = c.v;
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return safeCellText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v.kind === "date") return isoToDate(v.iso);
  const result = v.result === null || v.result === undefined ? undefined : typeof v.result === "string" ? safeCellText(v.result) : v.result;
  return { formula: v.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
}

/** Renders one sheet into a fresh worksheet. */
function renderSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec, styles: Record<string, CellStyle>): void {
  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (name: string | undefined): Partial<ExcelJS.Style> | undefined => {
    if (!name) return undefined;
    let st = styleCache.get(name);
    if (!st) {
      st = toStyle(styles[name]);
      styleCache.set(name, st);
    }
    return st;
  };

  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
    const st = styleOf(c.style);
    // A copy per column: exceljs mutates style objects in place when a single facet is set later.
    if (st) col.style = copyStyle(st);
  });

  sheet.rows.forEach((r, i) => {
    if (!r) return;
    const row = ws.getRow(i + 1);
    if (r.height) row.height = r.height;
    if (r.outline) row.outlineLevel = r.outline;
    r.cells.forEach((c, j) => {
      if (!c) return;
      const cell = row.getCell(j + 1);
      const st = styleOf(c.s);
      if (st) cell.style = copyStyle(st);
      const isDate = typeof c.v === "object" && c.v !== null && c.v.kind === "date";
      if (isDate && !cell.numFmt) cell.numFmt = DEFAULT_DATE_FORMAT;
      cell.value = toValue(c);
      if (c.note) cell.note = safeCellText(c.note);
    });
  });

  for (const range of sheet.merges) ws.mergeCells(range);

  for (const v of sheet.validations) internals(ws).dataValidations.add(v.range, toValidation(v));

  for (const cf of sheet.conditionalFormats) ws.addConditionalFormatting({ ref: cf.range, rules: [toRule(cf)] });

  const showGridLines = sheet.showGridLines !== false;
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    const topLeftCell = `${colLetter(cols + 1)}${rows + 1}`;
    ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell, activeCell: topLeftCell, showGridLines }];
  } else {
    ws.views = [{ state: "normal", showGridLines }];
  }

  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  if (sheet.print) {
    const p = sheet.print;
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: 9, // A4
      orientation: p.orientation,
      horizontalCentered: p.centerHorizontally ?? false,
    };
    if (p.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    else if (p.scale) setup.scale = Math.round(p.scale);
    if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows[0]}:${p.repeatRows[1]}`;
    if (p.repeatCols) setup.printTitlesColumn = `${colLetter(p.repeatCols[0])}:${colLetter(p.repeatCols[1])}`;
    for (const row of p.rowBreaks ?? []) ws.getRow(row).addPageBreak();
    if (p.area) setup.printArea = p.area;
    if (p.margins) setup.margins = p.margins;
    ws.pageSetup = { ...ws.pageSetup, ...setup };
    const hf: Partial<ExcelJS.HeaderFooter> = {};
    if (p.header) hf.oddHeader = `&R&"Times New Roman,Italic"&9${headerFooterText(p.header)}`;
    if (p.footer) hf.oddFooter = `&C&"Times New Roman,Regular"&10${headerFooterText(p.footer)}`;
    if (p.header || p.footer) ws.headerFooter = { ...ws.headerFooter, ...hf };
  }
  if (sheet.protection) {
    const pr = sheet.protection;
    const options: Partial<ExcelJS.WorksheetProtection> = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: pr.allowFormatColumns ?? false,
      formatRows: pr.allowFormatRows ?? false,
      autoFilter: pr.allowAutoFilter ?? false,
      sort: pr.allowSort ?? false,
      insertRows: pr.allowInsertRows ?? false,
    };
    if (pr.password) options.spinCount = PROTECTION_SPIN_COUNT;
    // Worksheet.protect runs synchronously inside its promise executor; nothing is left pending.
    void ws.protect(pr.password ?? "", options);
  }
  ws.state = sheet.state;
}

/**
 * Header/footer text: plain text in which "&P" (page number) and "&N" (number of pages) are the only codes;
 * any other "&" is literal and written "&&" (Excel would read it as the start of a code).
 */
export function headerFooterText(s: string): string {
  return safeCellText(s).replace(/&(?![PN])/g, "&&");
}

function toValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? "stop",
    errorTitle: safeCellText(v.error.title),
    error: safeCellText(v.error.message),
    ...(v.prompt ? { showInputMessage: true, promptTitle: safeCellText(v.prompt.title), prompt: safeCellText(v.prompt.message) } : {}),
  };
  switch (v.type) {
    case "list":
      return { ...common, type: "list", formulae: [v.source] };
    case "whole":
      return { ...common, type: "whole", operator: "between", formulae: [v.min, v.max] };
    case "date":
      return { ...common, type: "date", operator: "between", formulae: [isoToDate(v.min), isoToDate(v.max)] };
  }
}

function toRule(cf: ConditionalFormatSpec): ExcelJS.ConditionalFormattingRule {
  switch (cf.type) {
    case "expression":
      return { type: "expression", formulae: [cf.formula.replace(/^=/, "")], style: toDxf(cf.style), priority: 0 } as ExcelJS.ConditionalFormattingRule;
    case "textEquals":
      return {
        type: "cellIs",
        operator: "equal",
        formulae: [`"${cf.text.replace(/"/g, '""')}"`],
        style: toDxf(cf.style),
      } as ExcelJS.ConditionalFormattingRule;
    case "dataBar":
      // gradient: false makes exceljs write the Excel 2010 form too (x14 extension, as Excel itself writes "solid
      // fill" bars): a solid bar and no bar at 0 (the 2007 form alone draws a 10% stub for 0%).
      return {
        type: "dataBar",
        gradient: false,
        minLength: 0,
        maxLength: 100,
        cfvo: [
          { type: "num", value: cf.min },
          { type: "num", value: cf.max },
        ],
        color: { argb: argb(cf.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule;
  }
}

// Top-level worksheet elements that come before <ignoredErrors> in the schema's order (CT_Worksheet); each name
// occurs only at the top level, unlike <extLst>, which exceljs also writes inside data-bar rules.
const BEFORE_IGNORED_ERRORS = [
  /<printOptions\b[^>]*\/>/,
  /<pageMargins\b[^>]*\/>/,
  /<pageSetup\b[^>]*\/>/,
  /<headerFooter\b[^>]*\/>|<headerFooter\b[\s\S]*?<\/headerFooter>/,
  /<rowBreaks\b[\s\S]*?<\/rowBreaks>/,
  /<colBreaks\b[\s\S]*?<\/colBreaks>/,
];

/** Adds <ignoredErrors numberStoredAsText> over a sheet's used range, right after the print settings. */
export function addIgnoredErrors(xml: string): string {
  if (xml.includes("<ignoredErrors")) return xml;
  const dim = /<dimension ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"/.exec(xml);
  if (!dim) return xml;
  let at = -1;
  for (const re of BEFORE_IGNORED_ERRORS) {
    const m = re.exec(xml);
    if (m) at = Math.max(at, m.index + m[0].length);
  }
  if (at < 0) return xml;
  const element = `<ignoredErrors><ignoredError sqref="${dim[1]}" numberStoredAsText="1"/></ignoredErrors>`;
  return xml.slice(0, at) + element + xml.slice(at);
}

function postProcess(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue; // directory entries add nothing to an OOXML package
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) out[name] = strToU8(addIgnoredErrors(strFromU8(data)));
    else out[name] = data;
  }
  return zipSync(out, { level: 6 });
}
