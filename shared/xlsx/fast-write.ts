/**
 * WorkbookSpec → .xlsx bytes without exceljs: the writer of large generated workbooks (the province workbook of
 * thousands of units, report exports). exceljs builds an object per cell and needs seconds and hundreds of
 * megabytes for a sheet of 30,000 rows; this writer emits SpreadsheetML directly, sheet by sheet, in chunks that go
 * straight into a streaming deflate, so memory stays near the size of the spec and the zipped output.
 *
 * It writes what render.ts writes for the parts of WorkbookSpec it supports — values (strings always text, dates as
 * date cells, formulas with cached results), named styles, column widths, row heights and outline, merges, frozen
 * panes, validations, conditional formats (expression, text, data bar), protection without a password, print setup
 * (A4, orientation, fit to width, repeated rows, print area, margins, header/footer), auto filters, tab colours,
 * grid lines, sheet states, defined names and the active sheet — and checks against the ISO/IEC 29500 schemas
 * (test/clients). Not supported: cell notes, charts and protection passwords; canFastWrite() tells, and callers
 * use renderWorkbook (exceljs) for such specs. Pure and synchronous.
 */
import { deflateSync } from "fflate";
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
import { isoToExcelSerial } from "../workbook/dates.js";

/** Options of fastWriteWorkbook. */
export interface FastWriteOptions {
  /** Creation time written to the document properties (omitted when not given: the core stays clock-free). */
  created?: Date;
  /** Deflate level 0–9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** A faster raw-deflate from the host (Node's zlib.deflateRawSync); default fflate, in JavaScript. */
  deflateRaw?: (data: Uint8Array, level: number) => Uint8Array;
}

/** Whether the fast writer supports everything a spec uses (no notes, charts or protection passwords). */
export function canFastWrite(spec: WorkbookSpec): boolean {
  for (const s of spec.sheets) {
    if (s.charts && s.charts.length > 0) return false;
    if (s.protection?.password) return false;
    for (const r of s.rows) for (const c of r?.cells ?? []) if (c?.note) return false;
  }
  return true;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAX_CELL_TEXT = 32_767;
const DATE_FORMAT = "dd/mm/yyyy";
const BORDER_COLOR = "FF7F7F7F";
/** Flush the XML of a sheet to the deflater every this many characters. */
const CHUNK_CHARS = 1 << 20;

/** Built-in number formats (ECMA-376 §18.8.30) used by our specs. */
const BUILTIN_NUMFMT: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

const XML_SPECIAL = /[&<>"]/;
// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, U+FFFE/U+FFFF, lone surrogates).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_INVALID_ONE = new RegExp(XML_INVALID.source);

/** Escapes text for XML content and attributes (and drops characters XML cannot hold). */
function esc(s: string): string {
  const t = XML_INVALID_ONE.test(s) ? s.replace(XML_INVALID, "") : s;
  if (!XML_SPECIAL.test(t)) return t;
  return t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cell text as Excel holds it: within 32,767 characters. */
function cellText(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
}

function argb(color: string): string {
  return color.length === 6 ? `FF${color.toUpperCase()}` : color.toUpperCase();
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "A1:L40" → "$A$1:$L$40". */
function absolute(range: string): string {
  return range
    .split(":")
    .map((p) => p.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function num(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

// ---------------------------------------------------------------------------------------------------------------
// Styles

/** The styles part being built: fonts, fills, borders, number formats, cell formats and differential formats. */
class StyleTable {
  private readonly fonts: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIndex = new Map<string, number>();

  constructor(private readonly named: Record<string, CellStyle>) {}

  private indexOf(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The cell format index of a named style (optionally forced to a date format). */
  xf(name: string | undefined, date = false): number {
    const key = `${name ?? ""}|${date ? 1 : 0}`;
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const s: CellStyle = { ...(name ? this.named[name] : undefined) };
    if (date && !s.numFmt) s.numFmt = DATE_FORMAT;
    if (!name && !date) {
      this.xfIndex.set(key, 0);
      return 0;
    }
    const font = `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}<sz val="${s.fontSize ?? 11}"/>${
      s.color ? `<color rgb="${argb(s.color)}"/>` : '<color theme="1"/>'
    }<name val="${esc(s.fontName ?? "Calibri")}"/><family val="${s.fontName && /times/i.test(s.fontName) ? 1 : 2}"/></font>`;
    const fontId = this.indexOf(this.fonts, font);
    const fillId = s.fill
      ? this.indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>`)
      : 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="${BORDER_COLOR}"/></${n}>`;
    const borderId = s.border === "thin" ? this.indexOf(this.borders, `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`) : 0;
    const numFmtId = s.numFmt ? this.numFmtId(s.numFmt) : 0;
    const align: string[] = [];
    if (s.hAlign) align.push(`horizontal="${s.hAlign}"`);
    if (s.vAlign) align.push(`vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"`);
    if (s.wrap) align.push('wrapText="1"');
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${borderId}"`,
      'xfId="0"',
      numFmtId ? 'applyNumberFormat="1"' : "",
      'applyFont="1"',
      fillId ? 'applyFill="1"' : "",
      borderId ? 'applyBorder="1"' : "",
      align.length ? 'applyAlignment="1"' : "",
      s.locked === false ? 'applyProtection="1"' : "",
    ].filter(Boolean);
    const children = `${align.length ? `<alignment ${align.join(" ")}/>` : ""}${s.locked === false ? '<protection locked="0"/>' : ""}`;
    const xml = children ? `<xf ${attrs.join(" ")}>${children}</xf>` : `<xf ${attrs.join(" ")}/>`;
    const index = this.indexOf(this.xfs, xml);
    this.xfIndex.set(key, index);
    return index;
  }

  /** The differential format index of a conditional style. */
  dxf(s: ConditionalStyle): number {
    const font = s.color || s.bold ? `<font>${s.bold ? "<b/>" : ""}${s.color ? `<color rgb="${argb(s.color)}"/>` : ""}</font>` : "";
    const fill = s.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>` : "";
    const xml = `<dxf>${font}${fill}</dxf>`;
    let i = this.dxfIndex.get(xml);
    if (i === undefined) {
      i = this.dxfs.length;
      this.dxfs.push(xml);
      this.dxfIndex.set(xml, i);
    }
    return i;
  }

  xml(): string {
    const numFmts = [...this.numFmts.entries()];
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      "</styleSheet>"
    );
  }
}

/** The shared string table: each distinct text once. */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private refs = 0;
  id(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  /** The part in chunks (it can be large). */
  *chunks(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.list.length}">`;
    let buf = "";
    for (const s of this.list) {
      const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
      buf += `<si><t${preserve}>${esc(s)}</t></si>`;
      if (buf.length > CHUNK_CHARS) {
        yield buf;
        buf = "";
      }
    }
    yield `${buf}</sst>`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

function paneXml(freeze: { rows: number; cols: number }): string {
  const { rows, cols } = freeze;
  const topLeft = `${colLetter(cols + 1)}${rows + 1}`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

function validationXml(v: ValidationSpec): string {
  const common = [
    `type="${v.type}"`,
    v.errorStyle && v.errorStyle !== "stop" ? `errorStyle="${v.errorStyle}"` : "",
    v.allowBlank ? 'allowBlank="1"' : "",
    v.prompt ? 'showInputMessage="1"' : "",
    'showErrorMessage="1"',
    `errorTitle="${esc(v.error.title)}"`,
    `error="${esc(v.error.message)}"`,
    v.prompt ? `promptTitle="${esc(v.prompt.title)}" prompt="${esc(v.prompt.message)}"` : "",
    v.type !== "list" ? 'operator="between"' : "",
    `sqref="${v.range.replace(/,/g, " ")}"`,
  ].filter(Boolean);
  let formulas: string;
  if (v.type === "list") formulas = `<formula1>${esc(v.source)}</formula1>`;
  else if (v.type === "whole") formulas = `<formula1>${v.min}</formula1><formula2>${v.max}</formula2>`;
  else formulas = `<formula1>${isoToExcelSerial(v.min)}</formula1><formula2>${isoToExcelSerial(v.max)}</formula2>`;
  return `<dataValidation ${common.join(" ")}>${formulas}</dataValidation>`;
}

function conditionalXml(cf: ConditionalFormatSpec, priority: number, styles: StyleTable): string {
  const sqref = cf.range.replace(/,/g, " ");
  switch (cf.type) {
    case "expression":
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${priority}"><formula>${esc(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`;
    case "textEquals":
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${styles.dxf(cf.style)}" priority="${priority}" operator="equal"><formula>${esc(`"${cf.text.replace(/"/g, '""')}"`)}</formula></cfRule></conditionalFormatting>`;
    case "dataBar":
      // minLength 0: a rate of 0 draws no bar (the 2007 default draws a 10% stub).
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority}"><dataBar minLength="0" maxLength="100"><cfvo type="num" val="${cf.min}"/><cfvo type="num" val="${cf.max}"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule></conditionalFormatting>`;
  }
}

/** The Print_Titles reference of a sheet: repeated columns, then repeated rows ("'S'!$A:$B,'S'!$5:$5"). */
function printTitles(s: SheetSpec): string | null {
  const parts: string[] = [];
  const cols = s.print?.repeatCols;
  const rows = s.print?.repeatRows;
  if (cols) parts.push(`${quoteSheet(s.name)}!$${colLetter(cols[0])}:$${colLetter(cols[1])}`);
  if (rows) parts.push(`${quoteSheet(s.name)}!$${rows[0]}:$${rows[1]}`);
  return parts.length > 0 ? parts.join(",") : null;
}

/** Header/footer text is code: "&" starts a code, so a literal "&" in the header is written "&&". */
function headerFooterXml(p: NonNullable<SheetSpec["print"]>): string {
  if (!p.header && !p.footer) return "";
  const header = p.header ? `<oddHeader>${esc(`&C&"Times New Roman,Bold"&12${p.header.replace(/&/g, "&&")}`)}</oddHeader>` : "";
  const footer = p.footer ? `<oddFooter>${esc(`&C&"Times New Roman,Regular"&10${p.footer}`)}</oddFooter>` : "";
  return `<headerFooter>${header}${footer}</headerFooter>`;
}

/** One cell's XML (empty string for an absent cell). */
function cellXml(ref: string, c: CellSpec, styles: StyleTable, strings: StringTable): string {
  const v = c.v;
  if (v === null || v === undefined) return c.s ? `<c r="${ref}" s="${styles.xf(c.s)}"/>` : "";
  const s = c.s ? styles.xf(c.s) : 0;
  const sAttr = s ? ` s="${s}"` : "";
  if (typeof v === "string") return `<c r="${ref}"${sAttr} t="s"><v>${strings.id(cellText(v))}</v></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${v}</v></c>` : `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v.kind === "date") return `<c r="${ref}" s="${styles.xf(c.s, true)}"><v>${isoToExcelSerial(v.iso)}</v></c>`;
  const f = `<f>${esc(v.formula.replace(/^=/, ""))}</f>`;
  const r = v.result;
  if (typeof r === "string") return `<c r="${ref}"${sAttr} t="str">${f}<v>${esc(cellText(r))}</v></c>`;
  if (typeof r === "number") return `<c r="${ref}"${sAttr}>${f}<v>${num(r)}</v></c>`;
  return `<c r="${ref}"${sAttr}>${f}</c>`;
}

/** Writes one worksheet's XML in chunks. */
function writeSheet(sheet: SheetSpec, selected: boolean, styles: StyleTable, strings: StringTable, emit: (s: string) => void): void {
  let maxCols = Math.max(sheet.columns.length, 1);
  let outline = 0;
  for (const r of sheet.rows) {
    if (!r) continue;
    if (r.cells.length > maxCols) maxCols = r.cells.length;
    if (r.outline && r.outline > outline) outline = r.outline;
  }
  const lastRow = Math.max(sheet.rows.length, 1);
  const dimension = `A1:${colLetter(maxCols)}${lastRow}`;
  const p = sheet.print;
  const sheetPr =
    sheet.tabColor || p?.fitToWidth
      ? `<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ""}${p?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const view = `<sheetView${sheet.showGridLines === false ? ' showGridLines="0"' : ""}${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) ? paneXml(sheet.freeze) : ""
  }</sheetView>`;
  let out =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    sheetPr +
    `<dimension ref="${dimension}"/><sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"${outline ? ` outlineLevelRow="${outline}"` : ""}/>`;
  if (sheet.columns.length > 0) {
    out += "<cols>";
    sheet.columns.forEach((c, i) => {
      const style = c.style ? ` style="${styles.xf(c.style)}"` : "";
      out += `<col min="${i + 1}" max="${i + 1}" width="${num(c.width)}" customWidth="1"${style}${c.hidden ? ' hidden="1"' : ""}/>`;
    });
    out += "</cols>";
  }
  out += "<sheetData>";
  const letters = Array.from({ length: maxCols }, (_, i) => colLetter(i + 1));
  for (let i = 0; i < sheet.rows.length; i++) {
    const r = sheet.rows[i];
    if (!r) continue;
    const n = i + 1;
    let cells = "";
    for (let j = 0; j < r.cells.length; j++) {
      const c = r.cells[j];
      if (c) cells += cellXml(`${letters[j]}${n}`, c, styles, strings);
    }
    const attrs = `${r.height ? ` ht="${num(r.height)}" customHeight="1"` : ""}${r.outline ? ` outlineLevel="${r.outline}"` : ""}`;
    if (!cells && !attrs) continue;
    out += cells ? `<row r="${n}"${attrs}>${cells}</row>` : `<row r="${n}"${attrs}/>`;
    if (out.length > CHUNK_CHARS) {
      emit(out);
      out = "";
    }
  }
  out += "</sheetData>";
  const pr = sheet.protection;
  if (pr) {
    // In SpreadsheetML a "1" forbids the action; the spec lists what is allowed.
    out += `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="${pr.allowFormatColumns ? 0 : 1}" formatRows="${pr.allowFormatRows ? 0 : 1}" insertRows="${pr.allowInsertRows ? 0 : 1}" sort="${pr.allowSort ? 0 : 1}" autoFilter="${pr.allowAutoFilter ? 0 : 1}"/>`;
  }
  if (sheet.autoFilter) out += `<autoFilter ref="${sheet.autoFilter}"/>`;
  if (sheet.merges.length > 0) out += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  sheet.conditionalFormats.forEach((cf, i) => {
    out += conditionalXml(cf, i + 1, styles);
  });
  if (sheet.validations.length > 0) out += `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>`;
  if (p) {
    if (p.centerHorizontally) out += '<printOptions horizontalCentered="1"/>';
    const m = p.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
    out += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    const scale = !p.fitToWidth && p.scale ? ` scale="${Math.round(p.scale)}"` : "";
    out += `<pageSetup paperSize="9"${scale}${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""} orientation="${p.orientation}"/>`;
    out += headerFooterXml(p);
    const breaks = p.rowBreaks ?? [];
    if (breaks.length > 0) {
      out += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
    }
  } else {
    out += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  // Ids and codes ("1", "2.1") are text on purpose: no "number stored as text" warnings.
  out += `<ignoredErrors><ignoredError sqref="${dimension}" numberStoredAsText="1"/></ignoredErrors>`;
  out += "</worksheet>";
  emit(out);
}

// ---------------------------------------------------------------------------------------------------------------

/** Renders a whole workbook to .xlsx bytes (see the file comment for what is supported). */
export function fastWriteWorkbook(spec: WorkbookSpec, opts: FastWriteOptions = {}): Uint8Array {
  if (!canFastWrite(spec)) throw new Error("fastWriteWorkbook: the spec uses notes, charts or a protection password (use renderWorkbook)");
  const level = opts.level ?? 6;
  const zip = new ZipWriter();
  const encoder = new TextEncoder();
  const deflate = opts.deflateRaw ?? ((data: Uint8Array, l: number) => deflateSync(data, { level: l as FastWriteOptions["level"] & number }));
  // Each part is written in chunks, then compressed before the next one starts: one part's XML in memory at a time.
  const addPart = (name: string, write: (emit: (s: string) => void) => void) => {
    const chunks: Uint8Array[] = [];
    write((s) => chunks.push(encoder.encode(s)));
    const data = concat(chunks);
    chunks.length = 0;
    zip.add(name, data, level > 0 ? deflate(data, level) : null);
  };

  const styles = new StyleTable(spec.styles);
  const strings = new StringTable();
  const visible = spec.sheets.map((s, i) => ({ s, i })).filter((x) => x.s.state === "visible");
  const active = visible.find((x) => x.s.name === spec.activeSheet) ?? visible[0];
  const activeIndex = active?.i ?? 0;

  // [Content_Types].xml first: some readers sniff the package by its first entry.
  addPart("[Content_Types].xml", (emit) =>
    emit(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        "</Types>",
    ),
  );
  spec.sheets.forEach((sheet, i) => {
    addPart(`xl/worksheets/sheet${i + 1}.xml`, (emit) => writeSheet(sheet, i === activeIndex, styles, strings, emit));
  });
  addPart("xl/sharedStrings.xml", (emit) => {
    for (const c of strings.chunks()) emit(c);
  });
  addPart("xl/styles.xml", (emit) => emit(styles.xml()));

  // Workbook: sheets, defined names (the spec's, print titles and areas, filter ranges), calculation on load.
  const names: string[] = [];
  spec.sheets.forEach((s, i) => {
    if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(`${quoteSheet(s.name)}!${absolute(s.autoFilter)}`)}</definedName>`);
    if (s.print?.area) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(`${quoteSheet(s.name)}!${absolute(s.print.area)}`)}</definedName>`);
    const titles = printTitles(s);
    if (titles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(titles)}</definedName>`);
  });
  for (const dn of spec.definedNames) names.push(`<definedName name="${esc(dn.name)}">${esc(dn.ref)}</definedName>`);
  const firstVisible = Math.max(0, spec.sheets.findIndex((s) => s.state === "visible"));
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="17000" firstSheet="${firstVisible}" activeTab="${activeIndex}"/></bookViews>` +
    `<sheets>${spec.sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
      .join("")}</sheets>` +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>';
  addPart("xl/workbook.xml", (emit) => emit(workbook));
  const n = spec.sheets.length;
  addPart("xl/_rels/workbook.xml.rels", (emit) =>
    emit(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
        spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        "</Relationships>",
    ),
  );
  addPart("_rels/.rels", (emit) =>
    emit(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        "</Relationships>",
    ),
  );
  const when = opts.created ? opts.created.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
  addPart("docProps/core.xml", (emit) =>
    emit(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${esc(spec.properties.title)}</dc:title>` +
        (spec.properties.subject ? `<dc:subject>${esc(spec.properties.subject)}</dc:subject>` : "") +
        `<dc:creator>${esc(spec.properties.creator)}</dc:creator><cp:lastModifiedBy>${esc(spec.properties.creator)}</cp:lastModifiedBy>` +
        (when ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : "") +
        "</cp:coreProperties>",
    ),
  );
  addPart("docProps/app.xml", (emit) =>
    emit(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>',
    ),
  );
  return zip.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// The zip container (PKWARE APPNOTE 4.3): local headers, data, central directory. Parts are far below 4 GB.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of the bytes (the zip's integrity check). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Collects zip entries and writes the archive. */
class ZipWriter {
  private readonly blocks: Uint8Array[] = [];
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  /** Adds a part: `compressed` is its raw deflate, or null to store it. */
  add(name: string, data: Uint8Array, compressed: Uint8Array | null): void {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    const method = compressed ? 8 : 0;
    const body = compressed ?? data;
    // 1980-01-01 00:00: a fixed time keeps the output reproducible (the core has no clock).
    const dosTime = 0;
    const dosDate = (0 << 9) | (1 << 5) | 1;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, dosTime, true);
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, 0, true);
    local.set(nameBytes, 30);
    const cd = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, dosTime, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, this.offset, true);
    cd.set(nameBytes, 46);
    this.blocks.push(local, body);
    this.central.push(cd);
    this.offset += local.length + body.length;
    this.count++;
  }

  finish(): Uint8Array {
    const cdSize = this.central.reduce((s, c) => s + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, this.count, true);
    ev.setUint16(10, this.count, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, this.offset, true);
    return concat([...this.blocks, ...this.central, end]);
  }
}
