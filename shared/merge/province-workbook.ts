/**
 * ProvinceRollup → the province workbook (product.md, capability 6): Tổng hợp (one row per unit, data bar, rank),
 * Theo lĩnh vực (units × areas), Chi tiết (every task row with its unit), Nhiệm vụ × đơn vị (where units share a
 * plan), Chưa nộp, Trùng lặp - Không hợp lệ, Lỗi, and a very hidden _meta that marks it as a province workbook (so
 * `cchc export` and the readers tell it from a tracker). Filters, frozen headers, A4 landscape, Times New Roman.
 */
import { formatViDate } from "../entries/dates.js";
import { fileOutcomeLabels, provinceWorkbookMessages as M, rowReasonLabels } from "../messages/merge.js";
import { figureCells, REPORT_STYLES } from "../summary/styles.js";
import { fitRowHeights } from "../workbook/row-height.js";
import { provinceTaskSheets } from "./province-task-sheets.js";
import type { ProvinceTaskView } from "./province-tasks.js";
import type { Totals } from "../summary/summarise.js";
import { CREATED_BY, type Evaluation } from "../workbook/layout.js";
import type { CellSpec, CellStyle, PrintSpec, SheetSpec, WorkbookSpec } from "../workbook/spec.js";
import { fitForPrint } from "../workbook/print-fit.js";
import { SheetBlock } from "../workbook/table-block.js";
import { mergeUnitKey } from "./rollup.js";
import type { MergedRow, ProvinceRollup } from "./schema.js";
import { colLetter } from "../workbook/a1.js";

/** The evaluation of a task not done after its due date (the tracker's vocabulary). */
const OVERDUE: Evaluation = "Quá hạn";

/** Value of the `kind` key in a province workbook's _meta. */
export const PROVINCE_KIND = "province";
/** Version of the province workbook layout (readers check it). */
export const PROVINCE_SCHEMA_VERSION = "1";
/** Keys of the province workbook's _meta sheet. */
export const PROVINCE_META_KEYS = ["kind", "provinceSchemaVersion", "quarter", "year", "asOf", "periodFrom", "periodTo", "units", "expectedGiven", "createdBy"] as const;

const FONT = "Times New Roman";
const DATA_BAR = "63BE7B";

/** Styles of the province workbook: the report styles plus evaluation colours and small text. */
export const PROVINCE_STYLES: Record<string, CellStyle> = {
  ...REPORT_STYLES,
  titleLeft: { fontName: FONT, fontSize: 14, bold: true, vAlign: "middle", wrap: true },
  infoWrap: { fontName: FONT, fontSize: 11, vAlign: "middle", wrap: true },
  sectionWrap: { fontName: FONT, fontSize: 12, bold: true, vAlign: "middle", wrap: true },
  textSmall: { fontName: FONT, fontSize: 10, vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
  centerText: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "@", wrap: true },
  evalDone: { fontName: FONT, fontSize: 11, color: "375623", fill: "E2EFDA", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  evalLate: { fontName: FONT, fontSize: 11, color: "9C5700", fill: "FFF2CC", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  evalOverdue: { fontName: FONT, fontSize: 11, color: "9C0006", fill: "FFC7CE", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  evalInvalid: { fontName: FONT, fontSize: 11, bold: true, color: "9C0006", fill: "FFC7CE", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  evalOther: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  evalMuted: { fontName: FONT, fontSize: 11, color: "7F7F7F", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  severityError: { fontName: FONT, fontSize: 11, bold: true, color: "9C0006", hAlign: "center", vAlign: "top", border: "thin" },
  severityWarning: { fontName: FONT, fontSize: 11, color: "9C5700", hAlign: "center", vAlign: "top", border: "thin" },
  rankCell: { fontName: FONT, fontSize: 11, bold: true, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  meta: { fontName: "Consolas", fontSize: 10, numFmt: "@" },
};

/** The style of an evaluation cell. */
export function evaluationStyle(r: Pick<MergedRow, "standing" | "overdue">): string {
  if (r.standing === "invalid") return "evalInvalid";
  if (r.standing === "doneOnTime") return "evalDone";
  if (r.standing === "doneLate") return "evalLate";
  if (r.overdue) return "evalOverdue";
  if (r.standing === "dropped") return "evalMuted";
  return "evalOther";
}

const text = (v: string | null | undefined, s = "text"): CellSpec => ({ v: v ?? "", s });
const int = (v: number, s = "int"): CellSpec => ({ v, s });
const date = (iso: string | null): CellSpec => (iso ? { v: { kind: "date", iso }, s: "date" } : { v: "", s: "center" });

function landscape(area: string, repeat?: [number, number]): PrintSpec {
  const p: PrintSpec = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    footer: M.footer,
    area,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };
  if (repeat) p.repeatRows = repeat;
  return p;
}

function periodLine(r: ProvinceRollup): string {
  return M.periodLine(formatViDate(r.period.from), formatViDate(r.period.to), formatViDate(r.asOf));
}

function summarySheet(r: ProvinceRollup): SheetSpec {
  const headers = M.summaryHeaders;
  const b = new SheetBlock(headers.length);
  b.line({ v: M.title(r.report.label), s: "title" }, 30);
  b.line({ v: periodLine(r), s: "info" });
  b.line({ v: M.countsLine(r.units.length, r.expectedGiven ? r.units.filter((u) => u.expected).length + r.missing.length : null, r.missing.length, r.files.length), s: "info" });
  b.line({ v: M.accountingLine(r.accounting.rowsRead, r.accounting.rowsMerged, r.accounting.rowsListed), s: "note" });
  b.blank();
  const headerRow = b.header(headers, 45);
  const first = headerRow + 1;
  r.units.forEach((u, i) => {
    b.row([
      int(i + 1),
      text(u.expected ? u.unit : u.unit + M.notExpected),
      ...figureCells(u.totals, false),
      int(u.rank, "rankCell"),
      int(u.errors, u.errors > 0 ? "intOverdue" : "intMuted"),
      int(u.warnings, u.warnings > 0 ? "intLate" : "intMuted"),
      text(u.file, "textSmall"),
      text(u.source === "closed" ? M.sourceClosed : M.sourceLive, "centerText"),
    ]);
  });
  const last = b.rows.length;
  b.row([text("", "text"), text(M.provinceRow, "textBold"), ...figureCells(r.totals, true), text("", "text"), text("", "text"), text("", "text"), text("", "text"), text("", "text")]);
  b.keepWithPrevious();
  if (last >= first) b.conditionalFormats.push({ type: "dataBar", range: `L${first}:L${last}`, min: 0, max: 1, color: DATA_BAR });
  const lastCol = colLetter(headers.length);
  return b.sheet(M.sheets.summary, "province-summary", [5, 30, 9, 10, 9, 9, 10, 10, 10, 10, 10, 11, 8, 7, 8, 34, 14], {
    freeze: { rows: headerRow, cols: 2 },
    autoFilter: `A${headerRow}:${lastCol}${Math.max(last, headerRow)}`,
    print: landscape(`A1:${lastCol}${b.rows.length}`, [headerRow, headerRow]),
    tabColor: "2F75B5",
  });
}

function byAreaSheet(r: ProvinceRollup): SheetSpec {
  const areas = r.areas;
  const width = 2 + 2 * (areas.length + 1);
  const b = new SheetBlock(width);
  b.line({ v: M.byAreaTitle(r.report.label), s: "title" }, 30);
  b.line({ v: periodLine(r), s: "info" });
  b.blank();
  // Two header rows: the area over its two columns (tasks, completion rate).
  const top: CellSpec[] = [{ v: "STT", s: "header" }, { v: M.byAreaUnit, s: "header" }];
  const sub: CellSpec[] = [{ v: "", s: "header" }, { v: "", s: "header" }];
  const names = [...areas.map((a) => a ?? M.noArea), M.allAreas];
  names.forEach((name) => {
    top.push({ v: name, s: "header" }, { v: "", s: "header" });
    sub.push({ v: M.areaTasks, s: "header" }, { v: M.areaRate, s: "header" });
  });
  b.row(top, 60);
  const h1 = b.rows.length;
  b.row(sub, 20);
  const h2 = b.rows.length;
  b.merges.push(`A${h1}:A${h2}`, `B${h1}:B${h2}`);
  names.forEach((_, i) => b.merges.push(`${colLetter(3 + 2 * i)}${h1}:${colLetter(4 + 2 * i)}${h1}`));
  const first = h2 + 1;
  const cellsOf = (byArea: Map<string | null, Totals>, all: Totals): CellSpec[] => {
    const out: CellSpec[] = [];
    for (const a of areas) {
      const t = byArea.get(a);
      if (t) out.push(int(t.total), { v: t.completionRate, s: "percent" });
      else out.push(text("", "center"), text("", "center"));
    }
    out.push(int(all.total, "intBold"), { v: all.completionRate, s: "percentBold" });
    return out;
  };
  r.units.forEach((u, i) => {
    const map = new Map(u.byArea.map((a) => [a.area, a.totals] as const));
    b.row([int(i + 1), text(u.unit), ...cellsOf(map, u.totals)]);
  });
  const last = b.rows.length;
  const provinceMap = new Map(r.byArea.map((a) => [a.area, a.totals] as const));
  const totalCells = cellsOf(provinceMap, r.totals).map((c) => ({ ...c, s: c.s === "percent" ? "percentBold" : c.s === "int" ? "intBold" : c.s }));
  b.row([text("", "text"), text(M.provinceRow, "textBold"), ...totalCells]);
  b.keepWithPrevious();
  if (last >= first) {
    names.forEach((_, i) => {
      const col = colLetter(4 + 2 * i);
      b.conditionalFormats.push({ type: "dataBar", range: `${col}${first}:${col}${last}`, min: 0, max: 1, color: DATA_BAR });
    });
  }
  const lastCol = colLetter(width);
  return b.sheet(M.sheets.byArea, "province-by-area", [5, 28, ...names.flatMap(() => [8, 9])], {
    freeze: { rows: h2, cols: 2 },
    autoFilter: `A${h2}:${lastCol}${Math.max(last, h2)}`,
    print: landscape(`A1:${lastCol}${b.rows.length}`, [h1, h2]),
  });
}

function detailSheet(r: ProvinceRollup): SheetSpec {
  const headers = M.detailHeaders;
  const b = new SheetBlock(headers.length);
  b.line({ v: M.detailTitle(r.report.label), s: "title" }, 30);
  b.line({ v: periodLine(r), s: "info" });
  b.blank();
  const headerRow = b.header(headers, 45);
  r.rows.forEach((row, i) => {
    b.row([
      int(i + 1),
      text(row.unit),
      text(row.id, "center"),
      text(row.area),
      text(row.title),
      text(row.leads.join("; ")),
      text(row.deadlineText),
      date(row.due),
      text(row.statusText ?? row.status ?? "", "centerText"),
      row.progress === null ? text("", "center") : int(row.progress),
      date(row.completedOn),
      text(row.result),
      text(row.note),
      text(row.evaluation ?? M.invalidEvaluation, evaluationStyle(row)),
      text(row.valid ? M.valid : M.invalid, row.valid ? "centerText" : "evalInvalid"),
      text(row.file, "textSmall"),
      int(row.row, "intMuted"),
    ]);
  });
  const lastCol = colLetter(headers.length);
  const last = Math.max(b.rows.length, headerRow);
  return b.sheet(M.sheets.detail, "province-detail", [5, 22, 6, 16, 40, 18, 12, 11, 13, 8, 11, 24, 20, 14, 7, 24, 6], {
    freeze: { rows: headerRow, cols: 3 },
    autoFilter: `A${headerRow}:${lastCol}${last}`,
    print: landscape(`A1:${lastCol}${last}`, [headerRow, headerRow]),
  });
}

function taskByUnitSheet(r: ProvinceRollup): SheetSpec | null {
  if (r.planViews.length === 0) return null;
  const widest = Math.max(...r.planViews.map((v) => v.units.length));
  const width = M.taskByUnitHeaders.length + widest;
  // Title and plan lines span only the repeated task columns (A:B): a line merged across the units would be cut
  // at the page edge and drawn over itself on the next page.
  const b = new SheetBlock(2);
  b.line({ v: M.taskByUnitTitle(r.report.label), s: "titleLeft" }, 30);
  b.line({ v: periodLine(r), s: "infoWrap" });
  let firstHeader = 0;
  for (const view of r.planViews) {
    b.blank();
    b.keepWithNext(b.line({ v: M.planLine(view.planTitle, view.units.length), s: "sectionWrap" }));
    const headerRow = b.keepWithNext(b.header([...M.taskByUnitHeaders, ...view.units], 60));
    if (!firstHeader) firstHeader = headerRow;
    for (const t of view.tasks) {
      const rate = view.units.length > 0 ? Math.round((t.done / view.units.length) * 10_000) / 10_000 : 0;
      b.row([
        text(t.id, "center"),
        text(t.title),
        text(t.area),
        int(t.done),
        { v: rate, s: "percent" },
        ...t.cells.map((c) =>
          c === null
            ? text(M.notInTracker, "evalMuted")
            : text(c.evaluation ?? c.statusText ?? M.invalidEvaluation, evaluationStyle({ standing: c.standing, overdue: c.evaluation === OVERDUE })),
        ),
      ]);
    }
  }
  const lastCol = colLetter(width);
  const single = r.planViews.length === 1;
  return b.sheet(M.sheets.taskByUnit, "province-task-by-unit", [6, 40, 16, 10, 9, ...Array.from({ length: widest }, () => 14)], {
    freeze: single ? { rows: firstHeader, cols: 2 } : { rows: 0, cols: 2 },
    ...(single ? { autoFilter: `A${firstHeader}:${lastCol}${b.rows.length}` } : {}),
    // Units run across pages at a readable size, the task columns repeated on each (92 communes cannot fit one page).
    print: { ...landscape(`A1:${lastCol}${b.rows.length}`, single ? [firstHeader, firstHeader] : undefined), fitToWidth: false, scale: 80, repeatCols: [1, 2] },
  });
}

function missingSheet(r: ProvinceRollup): SheetSpec {
  const b = new SheetBlock(3);
  b.line({ v: M.missingTitle, s: "title" }, 30);
  b.line({ v: periodLine(r), s: "info" });
  b.blank();
  const headerRow = b.header(M.missingHeaders, 24);
  if (!r.expectedGiven) b.line({ v: M.missingNoList, s: "note" });
  else if (r.missing.length === 0) b.line({ v: M.missingNone, s: "note" });
  // A unit that sent only files that could not be merged has still not reported: say what it sent.
  const sentByUnit = new Map<string, string[]>();
  for (const f of r.files) {
    if (f.outcome === "merged" || !f.unit) continue;
    const key = mergeUnitKey(f.unit);
    sentByUnit.set(key, [...(sentByUnit.get(key) ?? []), `${f.file} (${fileOutcomeLabels[f.outcome]})`]);
  }
  r.missing.forEach((unit, i) => {
    const sent = sentByUnit.get(mergeUnitKey(unit));
    b.row([int(i + 1), text(unit), text(sent ? M.missingSentBad(sent.join("; ")) : "")]);
  });
  return b.sheet(M.sheets.missing, "province-missing", [6, 40, 70], {
    freeze: { rows: headerRow, cols: 0 },
    autoFilter: `A${headerRow}:C${Math.max(b.rows.length, headerRow)}`,
    print: { ...landscape(`A1:C${b.rows.length}`, [headerRow, headerRow]), orientation: "portrait" },
  });
}

function rejectedSheet(r: ProvinceRollup): SheetSpec {
  const headers = M.rejectedHeaders;
  const b = new SheetBlock(headers.length);
  b.line({ v: M.rejectedTitle, s: "title" }, 30);
  b.line({ v: M.accountingLine(r.accounting.rowsRead, r.accounting.rowsMerged, r.accounting.rowsListed), s: "info" });
  b.blank();
  const headerRow = b.header(headers, 32);
  let n = 0;
  for (const f of r.files) {
    if (f.outcome === "merged") continue;
    n++;
    b.row([int(n), text(f.file, "textSmall"), text(f.unit), text(fileOutcomeLabels[f.outcome], "centerText"), int(f.rows), text(f.message), text(f.keptFile, "textSmall")]);
  }
  // Rows the reader set aside inside merged files (a repeated task id, entries without an id).
  const dropped = new Map<string, { dup: number; noId: number }>();
  for (const x of r.findings) {
    if (x.code !== "taskDuplicate" && x.code !== "rowWithoutId") continue;
    const c = dropped.get(x.file) ?? { dup: 0, noId: 0 };
    if (x.code === "taskDuplicate") c.dup++;
    else c.noId++;
    dropped.set(x.file, c);
  }
  const closed = new Set(r.units.filter((u) => u.source === "closed").map((u) => u.file));
  for (const f of r.files) {
    if (f.outcome !== "merged" || closed.has(f.file)) continue;
    const { dup, noId } = dropped.get(f.file) ?? { dup: 0, noId: 0 };
    for (const [count, label] of [[dup, rowReasonLabels.duplicateTask], [noId, rowReasonLabels.noId]] as const) {
      if (count === 0) continue;
      n++;
      b.row([int(n), text(M.rowsInMergedFile(f.file), "textSmall"), text(f.unit), text(fileOutcomeLabels.merged, "centerText"), int(count), text(label), text("", "text")]);
    }
  }
  if (n === 0) b.line({ v: M.rejectedNone, s: "note" });
  const lastCol = colLetter(headers.length);
  return b.sheet(M.sheets.rejected, "province-rejected", [6, 34, 22, 18, 10, 60, 30], {
    freeze: { rows: headerRow, cols: 0 },
    autoFilter: `A${headerRow}:${lastCol}${Math.max(b.rows.length, headerRow)}`,
    print: landscape(`A1:${lastCol}${b.rows.length}`, [headerRow, headerRow]),
  });
}

function findingsSheet(r: ProvinceRollup): SheetSpec {
  const headers = M.findingsHeaders;
  const b = new SheetBlock(headers.length);
  b.line({ v: M.findingsTitle, s: "title" }, 30);
  b.blank();
  const headerRow = b.header(headers, 32);
  if (r.findings.length === 0) b.line({ v: M.findingsNone, s: "note" });
  r.findings.forEach((f, i) => {
    b.row([
      int(i + 1),
      text(f.file, "textSmall"),
      text(f.severity === "error" ? M.error : M.warning, f.severity === "error" ? "severityError" : "severityWarning"),
      text(f.sheet),
      text(f.cell, "center"),
      text(f.taskId, "center"),
      text(f.message),
      text(f.hint),
      text(f.code, "textSmall"),
    ]);
  });
  const lastCol = colLetter(headers.length);
  return b.sheet(M.sheets.findings, "province-findings", [6, 28, 10, 14, 8, 8, 50, 44, 16], {
    freeze: { rows: headerRow, cols: 0 },
    autoFilter: `A${headerRow}:${lastCol}${Math.max(b.rows.length, headerRow)}`,
    print: landscape(`A1:${lastCol}${b.rows.length}`, [headerRow, headerRow]),
    tabColor: r.findings.some((f) => f.severity === "error") ? "C00000" : undefined,
  });
}

/** The _meta values of a province workbook. */
export function provinceMeta(r: ProvinceRollup): Record<(typeof PROVINCE_META_KEYS)[number], string> {
  return {
    kind: PROVINCE_KIND,
    provinceSchemaVersion: PROVINCE_SCHEMA_VERSION,
    quarter: String(r.period.quarter),
    year: String(r.period.year),
    asOf: r.asOf,
    periodFrom: r.period.from,
    periodTo: r.period.to,
    units: String(r.units.length),
    expectedGiven: r.expectedGiven ? "1" : "0",
    createdBy: CREATED_BY,
  };
}

/** Builds the province workbook of a roll-up; with `provinceTasks` (merge --province-plan) the view per province task too. */
export function buildProvinceWorkbook(r: ProvinceRollup, opts: { provinceTasks?: ProvinceTaskView } = {}): WorkbookSpec {
  const meta = provinceMeta(r);
  const sheets: SheetSpec[] = [summarySheet(r), byAreaSheet(r), detailSheet(r)];
  if (opts.provinceTasks) {
    const titles = new Map(r.rows.map((row) => [`${row.unit}\u001f${row.id}`, row.title]));
    // Wrapped task texts need explicit row heights (fixed-height rows print over each other).
    sheets.push(...provinceTaskSheets(opts.provinceTasks, r.period.label, titles).map((s) => fitRowHeights(s, PROVINCE_STYLES)));
  }
  const tbu = taskByUnitSheet(r);
  if (tbu) sheets.push(tbu);
  sheets.push(missingSheet(r), rejectedSheet(r), findingsSheet(r), {
    name: "_meta",
    state: "veryHidden",
    role: "meta",
    columns: [{ width: 22 }, { width: 40 }],
    rows: PROVINCE_META_KEYS.map((k) => ({ cells: [{ v: k, s: "meta" }, { v: meta[k], s: "meta" }] })),
    merges: [],
    validations: [],
    conditionalFormats: [],
  });
  for (const s of sheets) if (s.tabColor === undefined) delete s.tabColor;
  return {
    sheets: sheets.map((s) => (s.state === "visible" ? fitForPrint(s, PROVINCE_STYLES) : s)),
    styles: PROVINCE_STYLES,
    definedNames: [],
    properties: { title: M.workbookTitle(r.period.label), creator: CREATED_BY },
    activeSheet: M.sheets.summary,
  };
}
