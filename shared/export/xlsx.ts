/**
 * The report tables as a workbook in official style: one sheet per table of the form ("Biểu số 01" …), each with
 * the title block of an administrative document (issuing body on the left, national title on the right), the table
 * title, the period, then the table; Times New Roman, A4, fit to width, the header row repeated on every page.
 */
import { formatViDate } from "../entries/dates.js";
import { reportDocumentMessages as D, reportTableMessages as T } from "../messages/export.js";
import { CREATED_BY } from "../workbook/layout.js";
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from "../workbook/spec.js";
import { fitForPrint } from "../workbook/print-fit.js";
import { SheetBlock } from "../workbook/table-block.js";
import type { ReportData } from "./data.js";
import { DEFAULT_FORM, type ColumnLayout, type ReportForm } from "./layouts.js";
import { buildTable, tablesFor, type ReportCell, type ReportTable } from "./table.js";
import { colLetter } from "../workbook/a1.js";

const FONT = "Times New Roman";

/** Cell styles of the report workbook. */
export const REPORT_XLSX_STYLES: Record<string, CellStyle> = {
  issuer: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "middle" },
  issuerBold: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "middle" },
  nation: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "middle" },
  motto: { fontName: FONT, fontSize: 13, bold: true, hAlign: "center", vAlign: "middle" },
  number: { fontName: FONT, fontSize: 12, italic: true, hAlign: "right", vAlign: "middle" },
  title: { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { fontName: FONT, fontSize: 13, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  italic: { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "middle", wrap: true },
  header: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "middle", wrap: true, border: "thin", fill: "F2F2F2" },
  text: { fontName: FONT, fontSize: 12, vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
  textCenter: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
  int: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  percent: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0.0%" },
  date: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "top", border: "thin", numFmt: "dd/mm/yyyy" },
  sumText: { fontName: FONT, fontSize: 12, bold: true, vAlign: "top", wrap: true, border: "thin" },
  sumInt: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  sumPercent: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0.0%" },
  toneDone: { fontName: FONT, fontSize: 12, color: "375623", hAlign: "center", vAlign: "top", wrap: true, border: "thin" },
  toneLate: { fontName: FONT, fontSize: 12, color: "9C5700", hAlign: "center", vAlign: "top", wrap: true, border: "thin" },
  toneOverdue: { fontName: FONT, fontSize: 12, bold: true, color: "C00000", hAlign: "center", vAlign: "top", wrap: true, border: "thin" },
  none: { fontName: FONT, fontSize: 12, italic: true, vAlign: "top" },
};

/** A valid, unique sheet name (≤ 31 characters, none of : \ / ? * [ ]). */
function sheetName(n: number, title: string, used: Set<string>): string {
  const base = `${String(n).padStart(2, "0")}. ${title}`.replace(/[:\\/?*[\]]/g, "-");
  let name = base.slice(0, 31).trim();
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 27).trim()} (${k})`;
  used.add(name.toLowerCase());
  return name;
}

function valueCell(c: ReportCell, column: ColumnLayout, sum: boolean): CellSpec {
  if (c.value === null) return { v: "", s: sum ? "sumText" : column.align === "center" ? "textCenter" : "text" };
  switch (c.format) {
    case "int":
      return { v: typeof c.value === "number" ? c.value : c.text, s: sum ? "sumInt" : "int" };
    case "percent":
      return { v: typeof c.value === "number" ? c.value : c.text, s: sum ? "sumPercent" : "percent" };
    case "date":
      return typeof c.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? { v: { kind: "date", iso: c.value }, s: "date" } : { v: c.text, s: "textCenter" };
    default: {
      const tone = c.tone === "done" ? "toneDone" : c.tone === "late" ? "toneLate" : c.tone === "overdue" || c.tone === "invalid" ? "toneOverdue" : null;
      return { v: c.text, s: sum ? "sumText" : tone ?? (column.align === "center" ? "textCenter" : "text") };
    }
  }
}

/** One table as a sheet with the official title block. */
function tableSheet(table: ReportTable, n: number, data: ReportData, used: Set<string>): SheetSpec {
  const cols = table.columns;
  const width = cols.length;
  const b = new SheetBlock(width);
  // The title block spans the table: the issuer over the left part, the national title over the right part.
  const split = Math.max(1, Math.min(width - 1, Math.round(width * 0.4)));
  const halves = (r: number) => {
    if (split > 1) b.merges.push(`A${r}:${colLetter(split)}${r}`);
    if (width - split > 1) b.merges.push(`${colLetter(split + 1)}${r}:${colLetter(width)}${r}`);
  };
  const pad = (count: number): Array<CellSpec | null> => Array.from({ length: count }, () => null);
  const [issuer1, issuer2] = D.issuerLines(data.unit);

  halves(b.row([{ v: issuer1, s: "issuer" }, ...pad(split - 1), { v: D.nation, s: "nation" }], 18));
  halves(b.row([{ v: issuer2, s: "issuerBold" }, ...pad(split - 1), { v: D.motto, s: "motto" }], 18));
  b.blank(8);
  b.row([...pad(width - 1), { v: T.tableNumber(n), s: "number" }]);
  b.line({ v: D.tableTitle(data.report.label), s: "title" }, 36);
  b.line({ v: table.layout.title.toUpperCase(), s: "subtitle" }, 20);
  b.line({ v: D.tableSubtitle(data.unit), s: "italic" });
  b.line({ v: D.periodLine(formatViDate(data.report.from), formatViDate(data.report.to), formatViDate(data.asOf)), s: "italic" });
  b.blank();
  const headerRow = b.header(
    cols.map((c) => c.header),
    45,
  );
  for (const r of table.rows) b.row(r.map((c, i) => valueCell(c, cols[i]!, false)));
  if (table.rows.length === 0) b.line({ v: T.none, s: "none" });
  if (table.sum) b.keepWithPrevious(b.row(table.sum.map((c, i) => (cols[i]!.key === "name" ? { v: T.sumRow, s: "sumText" } : valueCell(c, cols[i]!, true)))));
  const total = cols.reduce((s, c) => s + c.width, 0);
  return b.sheet(
    sheetName(n, table.layout.title, used),
    "report",
    cols.map((c) => c.width),
    {
      freeze: { rows: headerRow, cols: 0 },
      print: {
        orientation: total > 95 ? "landscape" : "portrait",
        paper: "A4",
        fitToWidth: true,
        repeatRows: [headerRow, headerRow],
        area: `A1:${colLetter(width)}${b.last}`,
        // Margins of administrative documents (Nghị định 30/2020/NĐ-CP): left 3 cm, right 1.5–2 cm, top/bottom 2 cm.
        margins: { left: 1.18, right: 0.6, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
        footer: "Trang &P/&N",
        centerHorizontally: true,
      },
      showGridLines: false,
    },
  );
}

/** The report workbook of a form (default: DEFAULT_FORM). */
export function buildReportWorkbook(data: ReportData, form: ReportForm = DEFAULT_FORM): WorkbookSpec {
  const used = new Set<string>();
  const sheets = tablesFor(form, data.kind).map((layout, i) => fitForPrint(tableSheet(buildTable(layout, data), i + 1, data, used), REPORT_XLSX_STYLES));
  return {
    sheets,
    styles: REPORT_XLSX_STYLES,
    definedNames: [],
    properties: { title: D.documentTitle(data.report.label), creator: CREATED_BY, ...(data.unit ? { subject: data.unit } : {}) },
    activeSheet: sheets[0]?.name,
  };
}
