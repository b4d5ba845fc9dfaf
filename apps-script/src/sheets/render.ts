/**
 * Renders a WorkbookSpec into a Google spreadsheet through SpreadsheetApp, with a number of service calls that depends
 * on the spec's shape (sheets, styles, validations, merges) but never on its number of rows: values and formats go
 * out as whole 2-D blocks, and scattered cells that share a format go out as one RangeList.
 *
 * Sheets differs from Excel here, and the spec is mapped as follows:
 * - text is written with a leading apostrophe, dates as serial numbers with a date format (values.ts);
 * - protection is warning-only: Sheets' strict protection would lock every collaborator except the owner out of the
 *   plan columns *and* out of the commands that stamp them, while Excel's unpassworded protection only prevents
 *   accidents — a warning is the same intent. Entry ranges are left unprotected (no warning);
 * - there is no "very hidden": such sheets are hidden and protected;
 * - there are no data bars: a two-colour gradient on the same cells shows the same quantity;
 * - conditional-format formulas cannot refer to other sheets or names, so they go through INDIRECT (formula.ts);
 * - print setup, row heights and outline levels have no Apps Script equivalent worth the calls and are skipped
 *   (Sheets fits rows to wrapped text and asks for paper settings when printing).
 */
import type {
  CellSpec,
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../../../shared/workbook/spec.js";
import { cellsToRects, parseRange, quoteSheetName, rectA1, type Rect } from "./a1.js";
import { conditionalFormula } from "./formula.js";
import { isDateValue, toSheetsInput, type SheetsInput } from "./values.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Date format used for date cells whose style names none. */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";
/** Pixels per character of an Excel column width (Calibri 11: 7 px per character plus 5 px padding). */
const PX_PER_CHAR = 7;
const PX_PADDING = 5;
/** Default row height in pixels, for sizing charts given in rows. */
const ROW_PX = 21;
const DEFAULT_FONT_SIZE = 10;
/** Sheet names are at most 100 characters in Sheets. */
const MAX_SHEET_NAME = 100;

/** Text shown on protected ranges (Data → Protected sheets and ranges). */
export interface RenderTexts {
  protectedSheet: string;
  hiddenSheet: string;
}

/** What rendering produced: the sheets by name, in spec order. */
export interface RenderResult {
  sheets: Map<string, Sheet>;
}

const hex = (c: string | undefined) => (c ? `#${c.replace(/^#/, "")}` : null);

/** The effective style of a cell: its own named style, else its column's, else none. */
function styleOf(spec: WorkbookSpec, sheet: SheetSpec, cell: CellSpec | null | undefined, col: number): CellStyle {
  const name = cell?.s ?? sheet.columns[col]?.style;
  return (name && spec.styles[name]) || {};
}

/**
 * Puts an empty sheet called `name` where the old one was (or after the last sheet): a new sheet is inserted, the old
 * one deleted and the new one renamed, so a spreadsheet whose only sheet is being replaced never has zero sheets.
 */
function placeSheet(ss: Spreadsheet, name: string, serial: number): Sheet {
  const old = ss.getSheetByName(name);
  if (!old) return ss.insertSheet(name.slice(0, MAX_SHEET_NAME), ss.getNumSheets());
  const fresh = ss.insertSheet(`~cchc~${serial}~${Date.now()}`, old.getIndex() - 1);
  ss.deleteSheet(old);
  return fresh.setName(name);
}

/** Grows the sheet to at least `rows` × `cols` (a new sheet has 1000 × 26). */
function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Sets one format on scattered cells with a single RangeList call. */
function applyGrouped<K>(sheet: Sheet, groups: Map<K, Array<[number, number]>>, apply: (list: GoogleAppsScript.Spreadsheet.RangeList, key: K) => void): void {
  for (const [key, cells] of groups) {
    if (cells.length === 0) continue;
    apply(sheet.getRangeList(cellsToRects(cells).map(rectA1)), key);
  }
}

function push<K>(map: Map<K, Array<[number, number]>>, key: K, cell: [number, number]): void {
  const list = map.get(key);
  if (list) list.push(cell);
  else map.set(key, [cell]);
}

/** Writes values, formats, notes, borders and widths of one sheet. */
function writeCells(spec: WorkbookSpec, s: SheetSpec, sheet: Sheet): void {
  const rows = s.rows.length;
  const cols = Math.max(s.columns.length, ...s.rows.map((r) => r.cells.length), 0);
  ensureSize(sheet, Math.max(rows, 1), Math.max(cols, 1));

  s.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, Math.round(c.width * PX_PER_CHAR + PX_PADDING)));
  const hidden = s.columns.map((c, i) => (c.hidden ? i + 1 : 0)).filter((n) => n > 0);
  for (const rect of cellsToRects(hidden.map((c) => [1, c] as [number, number]))) {
    sheet.hideColumns(rect.left, rect.right - rect.left + 1);
  }
  if (rows === 0 || cols === 0) return;

  const values: SheetsInput[][] = [];
  const weights: Array<Array<"bold" | "normal">> = [];
  const styles: Array<Array<"italic" | "normal">> = [];
  const colors: Array<Array<string | null>> = [];
  const fills: Array<Array<string | null>> = [];
  const hAligns: Array<Array<"left" | "center" | "right" | null>> = [];
  const vAligns: Array<Array<"top" | "middle" | "bottom" | null>> = [];
  const wraps: boolean[][] = [];
  const fonts: Array<Array<string | null>> = [];
  const sizes: number[][] = [];
  const notes: string[][] = [];
  const used = { weights: false, styles: false, colors: false, fills: false, hAligns: false, vAligns: false, wraps: false, fonts: false, sizes: false, notes: false };
  const formats = new Map<string, Array<[number, number]>>();
  const borders = new Map<string, Array<[number, number]>>();

  for (let r = 0; r < rows; r++) {
    const cells = s.rows[r]!.cells;
    const rv: SheetsInput[] = [];
    const rw: Array<"bold" | "normal"> = [], rs: Array<"italic" | "normal"> = [];
    const rc: Array<string | null> = [], rf: Array<string | null> = [];
    const rh: Array<"left" | "center" | "right" | null> = [], rva: Array<"top" | "middle" | "bottom" | null> = [];
    const rwr: boolean[] = [];
    const rfo: Array<string | null> = [], rsz: number[] = [], rn: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = cells[c];
      const st = styleOf(spec, s, cell, c);
      rv.push(toSheetsInput(cell?.v));
      rw.push(st.bold ? "bold" : "normal");
      rs.push(st.italic ? "italic" : "normal");
      rc.push(hex(st.color));
      rf.push(hex(st.fill));
      rh.push(st.hAlign ?? null);
      rva.push(st.vAlign ?? null);
      rwr.push(st.wrap ?? false);
      rfo.push(st.fontName ?? null);
      rsz.push(st.fontSize ?? DEFAULT_FONT_SIZE);
      rn.push(cell?.note ?? "");
      if (st.bold) used.weights = true;
      if (st.italic) used.styles = true;
      if (st.color) used.colors = true;
      if (st.fill) used.fills = true;
      if (st.hAlign) used.hAligns = true;
      if (st.vAlign) used.vAligns = true;
      if (st.wrap) used.wraps = true;
      if (st.fontName) used.fonts = true;
      if (st.fontSize) used.sizes = true;
      if (cell?.note) used.notes = true;
      // "@" is not applied: text is already protected by the apostrophe, and in a plain-text cell Sheets would keep
      // the apostrophe as part of the text.
      const fmt = st.numFmt && st.numFmt !== "@" ? st.numFmt : isDateValue(cell?.v) ? DEFAULT_DATE_FORMAT : null;
      if (fmt) push(formats, fmt, [r + 1, c + 1]);
      if (st.border === "thin") push(borders, "thin", [r + 1, c + 1]);
    }
    values.push(rv);
    weights.push(rw); styles.push(rs); colors.push(rc); fills.push(rf); hAligns.push(rh);
    vAligns.push(rva); wraps.push(rwr); fonts.push(rfo); sizes.push(rsz); notes.push(rn);
  }

  const block = sheet.getRange(1, 1, rows, cols);
  // Formats first, so that numbers written into date-formatted cells show as dates from the start.
  applyGrouped(sheet, formats, (list, fmt) => list.setNumberFormat(fmt));
  block.setValues(values);
  if (used.weights) block.setFontWeights(weights);
  if (used.styles) block.setFontStyles(styles);
  if (used.colors) block.setFontColors(colors as string[][]);
  if (used.fills) block.setBackgrounds(fills as string[][]);
  if (used.hAligns) block.setHorizontalAlignments(hAligns);
  if (used.vAligns) block.setVerticalAlignments(vAligns);
  if (used.wraps) block.setWraps(wraps);
  if (used.fonts) block.setFontFamilies(fonts as string[][]);
  if (used.sizes) block.setFontSizes(sizes);
  if (used.notes) block.setNotes(notes);
  applyGrouped(sheet, borders, (list) =>
    list.setBorder(true, true, true, true, true, true, "#000000", SpreadsheetApp.BorderStyle.SOLID),
  );
}

/**
 * Merges cells. Single-row merges of the same columns on consecutive rows (the rows of a list in a report) are one
 * `mergeAcross()` call, so a list's length does not change the number of calls; other merges are one call each.
 */
function applyMerges(sheet: Sheet, merges: string[]): void {
  const rects = merges.map((m) => parseRange(m));
  const across = rects.filter((r) => r.top === r.bottom && r.left < r.right);
  const others = rects.filter((r) => !(r.top === r.bottom && r.left < r.right));
  across.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const runs: Rect[] = [];
  for (const r of across) {
    const last = runs[runs.length - 1];
    if (last && last.left === r.left && last.right === r.right && last.bottom === r.top - 1) last.bottom = r.top;
    else runs.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  }
  for (const run of runs) {
    const range = sheet.getRange(rectA1(run));
    if (run.top === run.bottom) range.merge();
    else range.mergeAcross();
  }
  for (const r of others) sheet.getRange(rectA1(r)).merge();
}

/** Builds one data-validation rule. */
function validationRule(ss: Spreadsheet, v: ValidationSpec, rect: Rect): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  if (v.type === "list") {
    const src = parseRange(v.source);
    const ref = src.sheet ? `${quoteSheetName(src.sheet)}!${rectA1(src)}` : rectA1(src);
    b.requireValueInRange(ss.getRange(ref), true);
  } else if (v.type === "whole") {
    // Sheets has no whole-number rule: a custom formula on the top-left cell, relative like Excel's.
    const a = rectA1({ ...rect, bottom: rect.top, right: rect.left });
    b.requireFormulaSatisfied(`=AND(ISNUMBER(${a}),${a}=INT(${a}),${a}>=${v.min},${a}<=${v.max})`);
  } else {
    const day = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    b.requireDateBetween(day(v.min), day(v.max));
  }
  const help = v.prompt ? `${v.prompt.title}: ${v.prompt.message}` : `${v.error.title}: ${v.error.message}`;
  // "warning" validations accept other entries after a warning; Sheets shows a warning marker on them.
  return b.setAllowInvalid(v.errorStyle === "warning").setHelpText(help).build();
}

/** Builds one conditional-format rule; data bars become a white-to-colour gradient over the same range. */
function conditionalRule(
  spec: WorkbookSpec,
  sheetName: string,
  cf: ConditionalFormatSpec,
  range: Range,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const b = SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  if (cf.type === "dataBar") {
    b.setGradientMinpointWithValue("#FFFFFF", SpreadsheetApp.InterpolationType.NUMBER, String(cf.min));
    b.setGradientMaxpointWithValue(hex(cf.color)!, SpreadsheetApp.InterpolationType.NUMBER, String(cf.max));
    return b.build();
  }
  if (cf.type === "textEquals") b.whenTextEqualTo(cf.text);
  else b.whenFormulaSatisfied(`=${conditionalFormula(cf.formula.replace(/^=/, ""), sheetName, spec.definedNames)}`);
  if (cf.style.fill) b.setBackground(hex(cf.style.fill));
  if (cf.style.color) b.setFontColor(hex(cf.style.color));
  if (cf.style.bold) b.setBold(true);
  return b.build();
}

/** Inserts one native chart (bar = horizontal bars, column = vertical). */
function insertChart(s: SheetSpec, sheet: Sheet, chart: ChartSpec): void {
  const anchor = parseRange(chart.anchor);
  const colPx = (i: number) => Math.round((s.columns[i]?.width ?? 10) * PX_PER_CHAR + PX_PADDING);
  let width = 0;
  for (let i = 0; i < chart.width; i++) width += colPx(anchor.left - 1 + i);
  let b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = sheet.newChart();
  b = chart.type === "bar" ? b.asBarChart() : b.asColumnChart();
  b.addRange(sheet.getRange(chart.categories));
  for (const series of chart.series) b.addRange(sheet.getRange(series.values));
  const labels: Record<number, { labelInLegend: string }> = {};
  chart.series.forEach((series, i) => (labels[i] = { labelInLegend: series.name }));
  b.setPosition(anchor.top, anchor.left, 0, 0)
    .setOption("title", chart.title)
    .setOption("width", width)
    .setOption("height", chart.height * ROW_PX)
    .setOption("legend", { position: chart.series.length > 1 ? "top" : "none" })
    .setOption("series", labels);
  sheet.insertChart(b.build());
}

/** Protects a sheet (warning-only) and leaves its unlocked cells free. */
function protect(spec: WorkbookSpec, s: SheetSpec, sheet: Sheet, description: string): void {
  const p = sheet.protect().setDescription(description).setWarningOnly(true);
  // A merged area is locked or not as its top-left cell is (the others are hidden behind it).
  const anchorOf = new Map<string, [number, number]>();
  for (const m of s.merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) anchorOf.set(`${row},${col}`, [r.top, r.left]);
  }
  const locked = (row: number, col: number) => styleOf(spec, s, s.rows[row - 1]?.cells[col - 1], col - 1).locked !== false;
  const free: Array<[number, number]> = [];
  s.rows.forEach((row, r) => {
    const cols = Math.max(row.cells.length, s.columns.length);
    for (let c = 0; c < cols; c++) {
      const [ar, ac] = anchorOf.get(`${r + 1},${c + 1}`) ?? [r + 1, c + 1];
      if (!locked(ar, ac)) free.push([r + 1, c + 1]);
    }
  });
  const rects = cellsToRects(free);
  if (rects.length > 0) p.setUnprotectedRanges(sheet.getRangeList(rects.map(rectA1)).getRanges());
}

/**
 * Renders every sheet of `spec` into `ss`, replacing sheets of the same names, then the workbook-level parts
 * (validations that refer to other sheets, named ranges, the active sheet). Sheets not in the spec are left alone.
 */
export function renderWorkbook(ss: Spreadsheet, spec: WorkbookSpec, texts: RenderTexts): RenderResult {
  const sheets = new Map<string, Sheet>();
  spec.sheets.forEach((s, i) => {
    const sheet = placeSheet(ss, s.name, i);
    sheets.set(s.name, sheet);
    writeCells(spec, s, sheet);
  });
  // Second pass: validations may point at a list sheet rendered after them; named ranges at any sheet.
  for (const s of spec.sheets) {
    const sheet = sheets.get(s.name)!;
    applyMerges(sheet, s.merges);
    if (s.freeze?.rows) sheet.setFrozenRows(s.freeze.rows);
    if (s.freeze?.cols) sheet.setFrozenColumns(s.freeze.cols);
    for (const v of s.validations) {
      const rect = parseRange(v.range);
      sheet.getRange(rectA1(rect)).setDataValidation(validationRule(ss, v, rect));
    }
    if (s.conditionalFormats.length > 0) {
      sheet.setConditionalFormatRules(
        s.conditionalFormats.map((cf) => conditionalRule(spec, s.name, cf, sheet.getRange(rectA1(parseRange(cf.range))))),
      );
    }
    if (s.autoFilter) sheet.getRange(rectA1(parseRange(s.autoFilter))).createFilter();
    for (const chart of s.charts ?? []) insertChart(s, sheet, chart);
    if (s.tabColor) sheet.setTabColor(hex(s.tabColor)!);
    if (s.showGridLines === false) sheet.setHiddenGridlines(true);
    if (s.state === "veryHidden") protect(spec, s, sheet, texts.hiddenSheet);
    else if (s.protection) protect(spec, s, sheet, texts.protectedSheet);
  }
  for (const n of spec.definedNames) {
    const r = parseRange(n.ref);
    ss.setNamedRange(n.name, ss.getRange(r.sheet ? `${quoteSheetName(r.sheet)}!${rectA1(r)}` : rectA1(r)));
  }
  const active = spec.activeSheet ? sheets.get(spec.activeSheet) : [...sheets.values()][0];
  const activeSpec = spec.sheets.find((x) => sheets.get(x.name) === active);
  if (active && activeSpec?.state === "visible") ss.setActiveSheet(active);
  // Hide last: Sheets refuses to hide the active (or the only visible) sheet.
  for (const s of spec.sheets) if (s.state !== "visible") sheets.get(s.name)!.hideSheet();
  return { sheets };
}

/** Default sheet names of a new spreadsheet ("Sheet1", "Trang tính1"). */
const DEFAULT_SHEET = /^(Sheet|Trang tính|Trang tính )\d+$/;

/** Deletes the empty default sheet(s) a new spreadsheet starts with, once real sheets exist. */
export function removeEmptyDefaultSheets(ss: Spreadsheet): void {
  const sheets = ss.getSheets();
  if (sheets.length < 2) return;
  for (const sheet of sheets) {
    if (DEFAULT_SHEET.test(sheet.getName()) && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) ss.deleteSheet(sheet);
  }
}
