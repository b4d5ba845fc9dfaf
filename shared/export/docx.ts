/**
 * A draft quarterly report as .docx (domain.md, "The quarterly report"): the title block of an administrative
 * document (Nghị định 30/2020/NĐ-CP: issuing body left, national title right, A4, margins 2/2/3/1.5 cm, Times New
 * Roman 14 pt), the numbered sections I–V with the figures written out and tables filled, the narrative parts left
 * as headed placeholders for the unit to write, the signature block, and an appendix (landscape) with the form's
 * tables. Built with the `docx` package; pure (returns the bytes, writes nothing).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from "docx";
import { formatViDate } from "../entries/dates.js";
import { reportDocumentMessages as D, reportTableMessages as T } from "../messages/export.js";
import type { ReportData, ReportTask } from "./data.js";
import { DEFAULT_FORM, type ColumnLayout, type ReportForm, type TableLayout } from "./layouts.js";
import { textWidthPx } from "../workbook/row-height.js";
import { buildTable, formatPercent, tablesFor, type ReportTable } from "./table.js";

const FONT = "Times New Roman";
/** Sizes in half-points. */
const BODY = 28;
const TABLE = 26;
const APPENDIX = 24;
/** A4 in twips, and margins of administrative documents: top/bottom 2 cm, left 3 cm, right 1.5 cm. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567, gutter: 0 };
const PORTRAIT_TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** Most task rows listed inside the report's body (all of them are in the appendix and the spreadsheet). */
const BODY_LIST_ROWS = 15;

/** Compact tables of the report's body (layouts as data, like the appendix's). */
export const DOCUMENT_LAYOUTS: { byArea: TableLayout; byUnit: TableLayout; tasks: TableLayout } = {
  byArea: {
    id: "bao-cao-linh-vuc",
    title: T.tables.byArea,
    source: "byArea",
    sumRow: true,
    columns: [
      { key: "index", header: T.index, width: 7, format: "int", align: "center" },
      { key: "name", header: T.area, width: 36 },
      { key: "total", header: T.total, width: 9, format: "int", align: "center" },
      { key: "done", header: T.done, width: 10, format: "int", align: "center" },
      { key: "overdue", header: T.overdue, width: 10, format: "int", align: "center" },
      { key: "completionRate", header: T.completionRate, width: 11, format: "percent", align: "center" },
    ],
  },
  byUnit: {
    id: "bao-cao-don-vi",
    title: T.tables.byUnit,
    source: "byUnit",
    sumRow: true,
    maxRowsInDocument: 40,
    columns: [
      { key: "index", header: T.index, width: 7, format: "int", align: "center" },
      { key: "name", header: T.unit, width: 30 },
      { key: "total", header: T.total, width: 9, format: "int", align: "center" },
      { key: "done", header: T.done, width: 10, format: "int", align: "center" },
      { key: "overdue", header: T.overdue, width: 10, format: "int", align: "center" },
      { key: "completionRate", header: T.completionRate, width: 11, format: "percent", align: "center" },
      { key: "rank", header: T.rank, width: 8, format: "int", align: "center" },
    ],
  },
  tasks: {
    id: "bao-cao-nhiem-vu",
    title: T.tables.dueNext,
    source: "dueNext",
    maxRowsInDocument: BODY_LIST_ROWS,
    columns: [
      { key: "index", header: T.index, width: 7, format: "int", align: "center" },
      { key: "unit", header: T.unit, width: 16, only: "province" },
      { key: "title", header: T.task, width: 46 },
      { key: "leads", header: T.lead, width: 20 },
      { key: "due", header: T.due, width: 12, format: "date", align: "center" },
    ],
  },
};

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold ?? false, italics: o.italics ?? false });

function para(children: ParagraphChild[] | string, o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; italics?: boolean; size?: number; indent?: boolean; before?: number; after?: number; keepNext?: boolean } = {}): Paragraph {
  const kids = typeof children === "string" ? [run(children, o)] : children;
  return new Paragraph({
    children: kids,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 312 },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** A heading of the report (I., 1.): bold, no indent. */
const heading = (text: string) => para(text, { bold: true, before: 120, keepNext: true, indent: true, align: AlignmentType.LEFT });
/** A placeholder the unit replaces with its own text. */
const placeholder = () => para([run(D.placeholder, { italics: true })], { indent: true });

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** The title block: issuing body and number on the left, national title and place/date on the right. */
function titleBlock(data: ReportData): Table {
  const [issuer1, issuer2] = D.issuerLines(data.unit);
  const leftWidth = Math.round(PORTRAIT_TEXT_WIDTH * 0.37);
  const rightWidth = PORTRAIT_TEXT_WIDTH - leftWidth;
  const centred = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({
      children: [run(text, { size: o.size ?? 26, ...(o.bold !== undefined ? { bold: o.bold } : {}), ...(o.italics !== undefined ? { italics: o.italics } : {}) })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
    });
  // The short rule under the body's name and under the motto (as administrative documents draw them): an empty,
  // tiny paragraph whose bottom border is narrowed by indents, so the text above is neither squeezed nor crossed.
  const rule = (cellWidth: number, length: number) =>
    new Paragraph({
      children: [run("", { size: 2 })],
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
      indent: { left: Math.round((cellWidth - length) / 2), right: Math.round((cellWidth - length) / 2) },
      spacing: { before: 0, after: 160, line: 60, lineRule: LineRuleType.EXACT },
    });
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centred(issuer1, { size: 26 }),
              centred(issuer2, { bold: true, size: 26 }),
              rule(leftWidth, 1300),
              centred(data.kind === "province" ? D.provinceNumber : D.number, { size: 26 }),
            ],
            leftWidth,
          ),
          cell(
            [
              centred(D.nation, { bold: true, size: 26 }),
              centred(D.motto, { bold: true, size: 28 }),
              rule(rightWidth, 3400),
              centred(D.placeDate(data.unit, data.period.year), { italics: true, size: 28 }),
            ],
            rightWidth,
          ),
        ],
      }),
    ],
  });
}

/** Twips a text needs on one line at `size` half-points (cell margins included). */
function twipsFor(text: string, size: number, bold: boolean): number {
  return Math.ceil(textWidthPx(text, { fontSize: size / 2, bold }) * 15) + 160;
}

/**
 * Column widths in twips: the layout's proportions, but never so narrow that a header word, a date or a number
 * breaks across lines ("31/12/20 / 26", "Tổng/số/nhiệm/vụ"); the room is taken from the columns that have slack.
 */
export function docColumnWidths(table: ReportTable, width: number, size: number): number[] {
  const cols = table.columns;
  const total = cols.reduce((s, c) => s + c.width, 0);
  const mins = cols.map((c, i) => {
    const words = c.header.split(/\s+/).map((w) => twipsFor(w, size, true));
    const values = table.rows.concat(table.sum ? [table.sum] : []).map((r) => r[i]!);
    const unbroken = values.filter((v) => v.format !== "text").map((v) => twipsFor(v.text, size, true));
    return Math.max(...words, ...unbroken, 300);
  });
  const widths = cols.map((c, i) => Math.max(mins[i]!, Math.round((c.width / total) * width)));
  let excess = widths.reduce((a, b) => a + b, 0) - width;
  while (excess > 0) {
    const slack = widths.map((w, i) => Math.max(0, w - mins[i]!));
    const room = slack.reduce((a, b) => a + b, 0);
    if (room <= 0) break;
    const take = Math.min(excess, room);
    widths.forEach((_, i) => (widths[i] = widths[i]! - Math.floor((slack[i]! / room) * take)));
    excess = widths.reduce((a, b) => a + b, 0) - width;
    if (take < 10) break;
  }
  return widths;
}

/** A table of a layout; at most `limit` rows, the rest counted in a note. */
function docTable(table: ReportTable, width: number, size: number, limit?: number): Array<Table | Paragraph> {
  const cols = table.columns;
  const widths = docColumnWidths(table, width, size);
  const align = (c: ColumnLayout) => (c.align === "center" ? AlignmentType.CENTER : c.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, w: number, o: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType]; fill?: string; keepNext?: boolean }) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, { size, ...(o.bold ? { bold: true } : {}) })],
          alignment: o.align,
          spacing: { before: 40, after: 40 },
          ...(o.keepNext ? { keepNext: true } : {}),
        }),
      ],
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      ...(o.fill ? { shading: { fill: o.fill } } : {}),
    });
  const shown = limit !== undefined ? table.rows.slice(0, limit) : table.rows;
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c, i) => cell(c.header, widths[i]!, { bold: true, align: AlignmentType.CENTER, fill: "F2F2F2" })) }),
    // The last rows are kept with the sum row: a total never stands alone at the top of a page.
    ...shown.map(
      (r, k) =>
        new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c.text, widths[i]!, { align: align(cols[i]!), keepNext: !!table.sum && k >= shown.length - 2 })) }),
    ),
  ];
  if (table.sum) {
    rows.push(new TableRow({ cantSplit: true, children: table.sum.map((c, i) => cell(cols[i]!.key === "name" ? T.sumRow : c.text, widths[i]!, { bold: true, align: align(cols[i]!) })) }));
  }
  const out: Array<Table | Paragraph> = [];
  if (table.rows.length === 0 && !table.sum) {
    out.push(para([run(T.none, { italics: true })], { indent: true }));
    return out;
  }
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows,
    }),
  );
  if (table.rows.length > shown.length) {
    out.push(para([run(D.moreRows(table.rows.length - shown.length, D.rowNoun[table.layout.source]), { italics: true, size })], { before: 60 }));
  }
  return out;
}

function caption(n: number, title: string): Paragraph {
  return para([run(D.figuresTableCaption(n, title), { bold: true, italics: true, size: TABLE })], { align: AlignmentType.CENTER, before: 120, after: 60, keepNext: true });
}

function taskLine(t: ReportTask): string {
  const where = t.unit ? `${t.unit}: ` : "";
  const due = t.due ? D.dueSuffix(formatViDate(t.due)) : "";
  return `- ${where}${t.title}${due}.`;
}

/** The body of the report: sections I–V. */
function body(data: ReportData): Array<Paragraph | Table> {
  const t = data.totals;
  const out: Array<Paragraph | Table> = [];
  const S = D.sections;
  let tableNo = 0;
  out.push(para(D.intro(D.reportingBody(data.kind, data.unit), D.periodTitle(data.period.quarter, data.period.year)), { indent: true, before: 240 }));

  // I. Direction and management: the plan and the figures of its tasks; inspections and communication for the unit.
  out.push(heading(S.direction));
  out.push(heading(S.directionItems[0]!));
  out.push(
    para(
      data.kind === "province" ? D.provincePlans(data.byUnit.length, data.missing.length, t.total) : D.planIssued(data.planTitle, t.total),
      { indent: true },
    ),
  );
  out.push(placeholder());
  out.push(heading(S.directionItems[1]!));
  out.push(para(D.tasksDone(t.done, t.total, t.dropped, formatPercent(t.completionRate), t.doneOnTime, t.doneLate), { indent: true }));
  out.push(para(D.tasksOpen(t.inProgress, t.notStarted, t.overdue, t.invalid), { indent: true }));
  if (data.kind === "province" && data.byUnit.length > 0) {
    out.push(caption(++tableNo, DOCUMENT_LAYOUTS.byUnit.title));
    out.push(...docTable(buildTable(DOCUMENT_LAYOUTS.byUnit, data), PORTRAIT_TEXT_WIDTH, TABLE, DOCUMENT_LAYOUTS.byUnit.maxRowsInDocument));
  }
  out.push(heading(S.directionItems[2]!));
  out.push(placeholder());
  out.push(heading(S.directionItems[3]!));
  out.push(placeholder());

  // II. Results per reform area: figures per area, each with room for the unit's account.
  out.push(heading(S.results));
  out.push(caption(++tableNo, DOCUMENT_LAYOUTS.byArea.title));
  out.push(...docTable(buildTable(DOCUMENT_LAYOUTS.byArea, data), PORTRAIT_TEXT_WIDTH, TABLE));
  data.byArea.forEach((g, i) => {
    out.push(heading(D.areaHeading(i + 1, g.name)));
    out.push(para(D.areaLine(g.name, g.totals.total, g.totals.done, formatPercent(g.totals.completionRate), g.totals.overdue), { indent: true }));
    out.push(placeholder());
  });

  // III. Assessment: strengths, limits (with the overdue tasks), causes.
  out.push(heading(S.assessment));
  out.push(heading(S.assessmentItems[0]!));
  out.push(placeholder());
  out.push(heading(S.assessmentItems[1]!));
  if (data.overdue.length > 0) {
    out.push(para(D.overdueIntro, { indent: true }));
    for (const task of data.overdue.slice(0, BODY_LIST_ROWS)) out.push(para(taskLine(task), { indent: true, after: 40 }));
    if (data.overdue.length > BODY_LIST_ROWS) out.push(para([run(D.moreRows(data.overdue.length - BODY_LIST_ROWS), { italics: true })], { indent: true }));
  }
  out.push(placeholder());
  out.push(heading(S.assessmentItems[2]!));
  out.push(placeholder());

  // IV. Tasks for the next period.
  out.push(heading(S.next));
  if (data.dueNext.length > 0) {
    out.push(para(D.dueNextIntro, { indent: true }));
    out.push(caption(++tableNo, DOCUMENT_LAYOUTS.tasks.title));
    out.push(...docTable(buildTable(DOCUMENT_LAYOUTS.tasks, data), PORTRAIT_TEXT_WIDTH, TABLE, DOCUMENT_LAYOUTS.tasks.maxRowsInDocument));
  }
  out.push(placeholder());

  // V. Recommendations.
  out.push(heading(S.proposals));
  out.push(placeholder());
  return out;
}

/** The signature block: recipients on the left, the signer on the right. */
function signature(data: ReportData): Table {
  const leftWidth = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
  const rightWidth = PORTRAIT_TEXT_WIDTH - leftWidth;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
  const small = (text: string, o: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({ children: [run(text, { size: 24, ...o })], spacing: { before: 0, after: 0 } });
  const centred = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new Paragraph({ children: [run(text, { size: o.size ?? 28, ...(o.bold ? { bold: true } : {}), ...(o.italics ? { italics: true } : {}) })], alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } });
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: [
          cell([small(D.recipients, { bold: true, italics: true }), ...D.recipientLines.map((l) => small(l))], leftWidth),
          cell(
            [
              centred(data.kind === "province" ? D.provinceSigner : D.signerTop, { bold: true }),
              ...(data.kind === "province" ? [] : [centred(D.signer, { bold: true })]),
              centred(D.signNote, { italics: true, size: 24 }),
            ],
            rightWidth,
          ),
        ],
      }),
    ],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [D.footer, PageNumber.CURRENT], font: FONT, size: 22 })],
      }),
    ],
  });
}

/** The report as .docx bytes, with the form's tables in a landscape appendix. */
export async function renderReportDocx(data: ReportData, form: ReportForm = DEFAULT_FORM): Promise<Uint8Array> {
  const title = D.reportTitle(D.periodTitle(data.period.quarter, data.period.year));
  const first: Array<Paragraph | Table> = [
    titleBlock(data),
    para(D.reportKind, { align: AlignmentType.CENTER, bold: true, before: 360, after: 0 }),
    para(title, { align: AlignmentType.CENTER, bold: true, after: 0 }),
    new Paragraph({
      children: [],
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      indent: { left: 3200, right: 3200 },
      spacing: { before: 0, after: 120 },
    }),
    ...body(data),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    signature(data),
  ];
  const appendix: Array<Paragraph | Table> = [
    para(D.tableTitle(data.report.label), { align: AlignmentType.CENTER, bold: true, after: 0 }),
    para([run(D.tableSubtitle(data.unit), { italics: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(D.periodLine(formatViDate(data.report.from), formatViDate(data.report.to), formatViDate(data.asOf)), { italics: true, size: 26 })], {
      align: AlignmentType.CENTER,
      after: 120,
    }),
  ];
  tablesFor(form, data.kind).forEach((layout, i) => {
    appendix.push(para([run(`${T.tableNumber(i + 1)}. ${layout.title}`, { bold: true, size: 26 })], { align: AlignmentType.LEFT, before: 240, after: 80, keepNext: true }));
    appendix.push(...docTable(buildTable(layout, data), LANDSCAPE_TEXT_WIDTH, APPENDIX, layout.maxRowsInDocument));
  });
  const doc = new Document({
    creator: "cchc-tracker",
    title: D.documentTitle(D.periodTitle(data.period.quarter, data.period.year)),
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } },
        footers: { default: footer() },
        children: first,
      },
      {
        properties: { page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        footers: { default: footer() },
        children: appendix,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
