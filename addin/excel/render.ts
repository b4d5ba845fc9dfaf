/**
 * Renders a WorkbookSpec into the open workbook with Office.js. One Excel.run, four syncs whatever the size:
 * 1 load the workbook's structure, 2 sheets + values + formats + validations + conditional formats + names,
 * 3 best-effort extras (print setup, notes, outline, tab colours, charts — a refusal there must not cost the
 * tracker), 4 activation, visibility and protection (last: a protected sheet refuses every later write).
 * No sync inside a loop; every loop only queues commands.
 */
import type {
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  ConditionalStyle,
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../../shared/workbook/spec.js";
import { addinMessages } from "../../shared/messages/index.js";
import { AddinError } from "../errors.js";
import { columnName, columnsAddress, offsetCell, parseAddress, rectAddress, splitSheetAddress } from "./a1.js";
import { detectCapabilities, type Capabilities, type Feature } from "./capabilities.js";
import type { ExcelHost } from "./host.js";
import { columnWidthPoints, outlineRuns, rowHeightRuns, sheetBlock, styleRects } from "./sheet-plan.js";
import { queueWorkbookState, type WorkbookState } from "./workbook-state.js";

/** How to render. */
export interface RenderOptions {
  /** A sheet of the same name already in the workbook: replace it, or refuse before writing anything. */
  existing: "replace" | "fail";
  /** Delete the workbook's only sheet when it is blank (File › New), so the tracker is the whole workbook. */
  dropBlankSheet?: boolean;
  /** Sheet to show at the end (default: the spec's activeSheet, else its first visible sheet). */
  activate?: string;
  /** Cell to select on that sheet (e.g. the first problem found by Kiểm tra). */
  select?: string;
}

/** What the renderer did and could not do. */
export interface RenderReport {
  /** Sheets written, in spec order. */
  sheets: string[];
  /** Of those, the ones that replaced a sheet of the same name. */
  replaced: string[];
  /** Features the spec uses that this Excel lacks (nothing else is lost). */
  missing: Feature[];
  /** Excel refused a best-effort extra (print setup, notes, charts); its message. */
  bestEffortError?: string;
}

/** Number of `context.sync()` calls renderInto makes (after the caller's structure load). */
export const RENDER_SYNCS = 3;

/** Renders a spec in its own Excel.run: 4 syncs in all. */
export async function renderWorkbookSpec(host: ExcelHost, spec: WorkbookSpec, opts: RenderOptions): Promise<RenderReport> {
  const caps = detectCapabilities(host);
  return host.run(async (context) => {
    const state = queueWorkbookState(context);
    await context.sync();
    return renderInto(context, spec, state.result(), caps, opts);
  });
}

/** Renders a spec inside a running batch whose workbook structure is already loaded: exactly RENDER_SYNCS syncs. */
export async function renderInto(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  state: WorkbookState,
  caps: Capabilities,
  opts: RenderOptions,
): Promise<RenderReport> {
  const existing = new Map(state.sheets.map((s) => [s.name.toLocaleLowerCase(), s]));
  const clashes = spec.sheets.filter((s) => existing.has(s.name.toLocaleLowerCase())).map((s) => s.name);
  if (clashes.length > 0 && opts.existing === "fail") throw new AddinError(addinMessages.sheetsExist(clashes));

  const missing = new Set<Feature>();
  const need = (feature: Feature): boolean => {
    if (caps.has(feature)) return true;
    missing.add(feature);
    return false;
  };
  const sheets = context.workbook.worksheets;

  // Defined names the spec redefines go first, before the sheets they may point at are deleted.
  const names = new Map(spec.definedNames.map((n) => [n.name, n.ref]));
  const useNames = spec.definedNames.length > 0 && need("names");
  if (useNames) {
    for (const n of spec.definedNames) {
      if (state.names.some((e) => e.toLocaleLowerCase() === n.name.toLocaleLowerCase())) context.workbook.names.getItem(n.name).delete();
    }
  }

  // New sheets are added under temporary names when they replace one; the old sheet is deleted and the new one
  // renamed into its place only after every new sheet exists, so the workbook never runs out of visible sheets.
  const proxies = new Map<string, Excel.Worksheet>();
  const replacements: Array<{ proxy: Excel.Worksheet; name: string; position: number; oldName: string }> = [];
  const taken = new Set(state.sheets.map((s) => s.name.toLocaleLowerCase()));
  spec.sheets.forEach((sheet, i) => {
    const old = existing.get(sheet.name.toLocaleLowerCase());
    if (!old) {
      proxies.set(sheet.name, sheets.add(sheet.name));
      return;
    }
    let temp = `~cchc${i}`;
    for (let k = 0; taken.has(temp.toLocaleLowerCase()); k++) temp = `~cchc${i}_${k}`;
    taken.add(temp.toLocaleLowerCase());
    const proxy = sheets.add(temp);
    proxies.set(sheet.name, proxy);
    replacements.push({ proxy, name: sheet.name, position: old.position, oldName: old.name });
  });
  for (const r of replacements) sheets.getItem(r.oldName).delete();
  for (const r of replacements.sort((a, b) => a.position - b.position)) {
    r.proxy.name = r.name;
    r.proxy.position = r.position;
  }
  // New sheets go after the last visible sheet (as the .xlsx renderer places them): a summary lands next to
  // Nhiệm vụ, not behind the hidden Danh mục and _meta.
  const lastVisible = Math.max(-1, ...state.sheets.filter((s) => s.visibility === "Visible").map((s) => s.position));
  if (lastVisible < state.sheets.length - 1) {
    let at = lastVisible + 1;
    for (const sheet of spec.sheets) {
      if (existing.has(sheet.name.toLocaleLowerCase())) continue;
      proxies.get(sheet.name)!.position = at++;
    }
  }
  if (opts.dropBlankSheet && state.blank && state.sheets[0] && !proxies.has(state.sheets[0].name)) {
    sheets.getItem(state.sheets[0].name).delete();
  }

  if (useNames) {
    for (const n of spec.definedNames) context.workbook.names.add(n.name, nameReference(n.ref, proxies));
  }
  // Without defined names (ExcelApi < 1.4) formulas get the names' references instead.
  const substitutions = useNames ? new Map<string, string>() : names;

  for (const sheet of spec.sheets) queueContent(proxies.get(sheet.name)!, sheet, spec.styles, substitutions, need);
  await context.sync();

  let bestEffortError: string | undefined;
  for (const sheet of spec.sheets) queueExtras(proxies.get(sheet.name)!, sheet, need);
  try {
    await context.sync();
  } catch (e) {
    bestEffortError = e instanceof Error ? e.message : String(e);
  }

  const target = opts.activate ?? spec.activeSheet ?? spec.sheets.find((s) => s.state === "visible")?.name;
  // The target may be a sheet the spec writes or one already in the workbook (Kiểm tra jumps to Nhiệm vụ).
  const targetProxy = target ? (proxies.get(target) ?? (existing.has(target.toLocaleLowerCase()) ? sheets.getItem(target) : undefined)) : undefined;
  if (targetProxy) {
    targetProxy.activate();
    if (opts.select) targetProxy.getRange(opts.select).select();
  }
  for (const sheet of spec.sheets) {
    const proxy = proxies.get(sheet.name)!;
    if (sheet.state !== "visible") proxy.visibility = sheet.state === "hidden" ? "Hidden" : "VeryHidden";
    if (sheet.protection && need("protection")) {
      const p = sheet.protection;
      proxy.protection.protect(
        {
          allowFormatColumns: p.allowFormatColumns ?? false,
          allowSort: p.allowSort ?? false,
          allowAutoFilter: p.allowAutoFilter ?? false,
          allowInsertRows: p.allowInsertRows ?? false,
          allowFormatRows: p.allowFormatRows ?? false,
        },
        p.password,
      );
    }
  }
  await context.sync();

  return {
    sheets: spec.sheets.map((s) => s.name),
    replaced: replacements.map((r) => r.name),
    missing: [...missing],
    ...(bestEffortError !== undefined ? { bestEffortError } : {}),
  };
}

/** A defined name's target: a Range of a sheet being written (so renames follow it), else the reference text. */
function nameReference(ref: string, proxies: Map<string, Excel.Worksheet>): Excel.Range | string {
  const { sheet, address } = splitSheetAddress(ref);
  const proxy = sheet ? proxies.get(sheet) : undefined;
  return proxy ? proxy.getRange(address.replace(/\$/g, "")) : `=${ref}`;
}

/** Queues one sheet's essential content: columns, values, number formats, styles, merges, validations, formats. */
function queueContent(
  ws: Excel.Worksheet,
  sheet: SheetSpec,
  styles: Record<string, CellStyle>,
  names: ReadonlyMap<string, string>,
  need: (f: Feature) => boolean,
): void {
  const columnsWanted = sheet.columns.length > 0 || sheet.rows.some((r) => r.height !== undefined);
  const sizing = columnsWanted && need("columnWidths");
  sheet.columns.forEach((col, c) => {
    const range = ws.getRange(columnsAddress(c, c));
    if (col.style && styles[col.style]) applyStyle(range, styles[col.style]!, 1, 1, need, false);
    if (sizing) {
      range.format.columnWidth = columnWidthPoints(col.width);
      if (col.hidden) range.columnHidden = true;
    }
  });

  const block = sheetBlock(sheet, styles, names);
  if (block.rows > 0 && block.cols > 0) {
    const range = ws.getRange(rectAddress({ top: 0, left: 0, bottom: block.rows - 1, right: block.cols - 1 }));
    // The formats go first: a cell already formatted as text keeps "=…" as text when the value arrives.
    range.numberFormat = block.formats;
    range.formulas = block.values;
  }
  if (sizing) {
    for (const run of rowHeightRuns(sheet)) {
      ws.getRange(`${run.top + 1}:${run.bottom + 1}`).format.rowHeight = run.height;
    }
  }
  for (const rect of styleRects(sheet)) {
    const style = styles[rect.style];
    if (style) applyStyle(ws.getRange(rectAddress(rect)), style, rect.bottom - rect.top + 1, rect.right - rect.left + 1, need, true);
  }
  if (sheet.merges.length > 0 && need("merges")) {
    for (const m of sheet.merges) ws.getRange(m).merge(false);
  }
  if (sheet.validations.length > 0 && need("dataValidation")) {
    for (const v of sheet.validations) queueValidation(ws.getRange(v.range).dataValidation, v);
  }
  if (sheet.conditionalFormats.length > 0 && need("conditionalFormats")) {
    for (const cf of sheet.conditionalFormats) queueConditionalFormat(ws.getRange(cf.range).conditionalFormats, cf);
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) && need("freezePanes")) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(rectAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }
}

/** Applies a named style to a range. `cellLevel` false for whole columns (their number format is in the block). */
function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number, need: (f: Feature) => boolean, cellLevel: boolean): void {
  const font = range.format.font;
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.color !== undefined) font.color = `#${style.color}`;
  if (style.fill !== undefined) range.format.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.hAlign !== undefined) range.format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) range.format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.border === "thin" && cellLevel) {
    const edges: BorderEdge[] = [Excel_Edge.top, Excel_Edge.bottom, Excel_Edge.left, Excel_Edge.right];
    // Inside borders exist only where there is an inside: Excel rejects them on a single row or column.
    if (rows > 1) edges.push(Excel_Edge.insideH);
    if (cols > 1) edges.push(Excel_Edge.insideV);
    for (const edge of edges) {
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#808080";
    }
  }
  if (style.locked !== undefined && need("protection")) range.format.protection.locked = style.locked;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
type BorderEdge = (typeof Excel_Edge)[keyof typeof Excel_Edge];
const Excel_Edge = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  insideH: "InsideHorizontal",
  insideV: "InsideVertical",
} as const;

/** Excel's limits on validation message texts (title 32, message 225 characters); longer text is refused. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function queueValidation(dv: Excel.DataValidation, v: ValidationSpec): void {
  if (v.type === "list") dv.rule = { list: { inCellDropDown: true, source: `=${v.source}` } };
  else if (v.type === "whole") dv.rule = { wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" } };
  else dv.rule = { date: { formula1: v.min, formula2: v.max, operator: "Between" } };
  dv.ignoreBlanks = v.allowBlank;
  dv.errorAlert = {
    showAlert: true,
    style: v.errorStyle === "warning" ? "Warning" : "Stop",
    title: clip(v.error.title, 32),
    message: clip(v.error.message, 225),
  };
  if (v.prompt) dv.prompt = { showPrompt: true, title: clip(v.prompt.title, 32), message: clip(v.prompt.message, 255) };
}

function queueConditionalFormat(cfs: Excel.ConditionalFormatCollection, cf: ConditionalFormatSpec): void {
  if (cf.type === "dataBar") {
    const bar = cfs.add("DataBar").dataBar;
    bar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
    bar.upperBoundRule = { type: "Number", formula: String(cf.max) };
    bar.positiveFormat.fillColor = `#${cf.color}`;
    bar.positiveFormat.gradientFill = true;
    return;
  }
  if (cf.type === "expression") {
    const custom = cfs.add("Custom").custom;
    custom.rule.formula = `=${cf.formula}`;
    applyConditionalStyle(custom.format, cf.style);
    return;
  }
  const cellValue = cfs.add("CellValue").cellValue;
  cellValue.rule = { formula1: `="${cf.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
  applyConditionalStyle(cellValue.format, cf.style);
}

function applyConditionalStyle(format: Excel.ConditionalRangeFormat, style: ConditionalStyle): void {
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.color !== undefined) format.font.color = `#${style.color}`;
  if (style.bold !== undefined) format.font.bold = style.bold;
}

/** Queues the extras a refusal of which must not cost the tracker: print setup, filter, notes, outline, tab colour, charts. */
function queueExtras(ws: Excel.Worksheet, sheet: SheetSpec, need: (f: Feature) => boolean): void {
  if (sheet.tabColor && need("tabColor")) ws.tabColor = `#${sheet.tabColor}`;
  if (sheet.showGridLines === false && need("gridlines")) ws.showGridlines = false;
  if (sheet.print && need("pageLayout")) {
    const p = sheet.print;
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    // One page wide, as many tall as needed: 0 pages tall means "automatic" in Excel's page setup (assumed to carry
    // over to Office.js; this batch is best-effort, so a refusal costs only the print setting).
    if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    else if (p.scale) layout.zoom = { scale: p.scale };
    if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows[0]}:$${p.repeatRows[1]}`);
    if (p.repeatCols) layout.setPrintTitleColumns(`$${columnName(p.repeatCols[0] - 1)}:$${columnName(p.repeatCols[1] - 1)}`);
    for (const row of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
    if (p.area) layout.setPrintArea(p.area);
    if (p.header) layout.headersFooters.defaultForAllPages.centerHeader = p.header;
    if (p.footer) layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
    if (p.centerHorizontally) layout.centerHorizontally = true;
    if (p.margins) {
      // The spec gives inches, Office.js takes points.
      const pt = (inches: number) => Math.round(inches * 72 * 100) / 100;
      layout.leftMargin = pt(p.margins.left);
      layout.rightMargin = pt(p.margins.right);
      layout.topMargin = pt(p.margins.top);
      layout.bottomMargin = pt(p.margins.bottom);
      layout.headerMargin = pt(p.margins.header);
      layout.footerMargin = pt(p.margins.footer);
    }
  }
  if (sheet.autoFilter && need("autoFilter")) ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
  const notes = sheet.rows.flatMap((row, r) => row.cells.flatMap((cell, c) => (cell?.note ? [{ r, c, text: cell.note }] : [])));
  if (notes.length > 0 && need("notes")) {
    for (const n of notes) ws.notes.add(rectAddress({ top: n.r, left: n.c, bottom: n.r, right: n.c }), n.text);
  }
  const outline = outlineRuns(sheet);
  if (outline.length > 0 && need("rowGroups")) {
    for (const run of outline) ws.getRange(`${run.top + 1}:${run.bottom + 1}`).group("ByRows");
  }
  for (const chart of sheet.charts ?? []) queueChart(ws, chart, need);
}

/**
 * A native chart. With ExcelApi 1.7 every series is set explicitly (categories and values may sit in any
 * columns); older Excel can only chart one contiguous block, so the chart is drawn when the spec's ranges form one.
 */
function queueChart(ws: Excel.Worksheet, spec: ChartSpec, need: (f: Feature) => boolean): void {
  const type = spec.type === "bar" ? "BarClustered" : "ColumnClustered";
  const first = spec.series[0];
  if (!first) return;
  let chart: Excel.Chart;
  if (need("chartSeries")) {
    chart = ws.charts.add(type, ws.getRange(first.values), "Columns");
    spec.series.forEach((s, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (i > 0) series.setValues(ws.getRange(s.values));
      series.name = s.name;
      series.setXAxisValues(ws.getRange(spec.categories));
    });
  } else {
    const block = contiguousBlock(spec);
    if (!block) return;
    chart = ws.charts.add(type, ws.getRange(block), "Columns");
  }
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.legend.visible = spec.series.length > 1;
  chart.setPosition(spec.anchor, offsetCell(spec.anchor, spec.height - 1, spec.width - 1));
}

/** The categories and series as one rectangle when they are adjacent columns of the same rows, else undefined. */
function contiguousBlock(spec: ChartSpec): string | undefined {
  const rects = [spec.categories, ...spec.series.map((s) => s.values)].map(parseAddress);
  if (rects.some((r) => !r)) return undefined;
  const [cat, ...rest] = rects as NonNullable<(typeof rects)[number]>[];
  let right = cat!.right;
  for (const r of rest) {
    if (r.top !== cat!.top || r.bottom !== cat!.bottom || r.left !== right + 1 || r.right !== r.left) return undefined;
    right = r.right;
  }
  return rectAddress({ ...cat!, right });
}
