/** The Kiểm tra sheet: every finding as a row (file, sheet, cell, task, problem, fix), for hosts to add or refresh. */
import { entriesMessages } from "../messages/index.js";
import { SHEET } from "../workbook/layout.js";
import type { CellSpec, RowSpec, WorkbookSpec } from "../workbook/spec.js";
import type { Finding } from "./schema.js";

const FONT = "Times New Roman";

/** Options for the Kiểm tra sheet: a line under the title (e.g. the file and the as-of date). */
export interface CheckSheetOptions {
  subtitle?: string;
}

/** Builds the Kiểm tra sheet from findings (errors first, then warnings, each in the order found). */
export function buildCheckSheet(findings: readonly Finding[], opts: CheckSheetOptions = {}): WorkbookSpec {
  const M = entriesMessages.checkSheet;
  const headers = M.headers;
  const sorted = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  const errors = sorted.filter((f) => f.severity === "error").length;
  const warnings = sorted.length - errors;
  const width = headers.length;
  const text = (v: string | null | undefined, s: string): CellSpec => ({ v: v ?? "", s });
  const rows: RowSpec[] = [
    { cells: [{ v: M.title, s: "title" }], height: 24 },
    { cells: [{ v: opts.subtitle ?? "", s: "subtitle" }] },
    { cells: [{ v: sorted.length === 0 ? M.none : M.summary(errors, warnings), s: errors > 0 ? "summaryError" : "summaryOk" }] },
    { cells: [] },
    { cells: headers.map((h) => ({ v: h, s: "header" })), height: 30 },
  ];
  sorted.forEach((f, i) => {
    const sev = f.severity === "error" ? "error" : "warning";
    rows.push({
      cells: [
        { v: i + 1, s: "center" },
        { v: f.severity === "error" ? M.error : M.warning, s: sev },
        text(f.file, "cell"),
        text(f.sheet, "cell"),
        text(f.cell, "center"),
        text(f.taskId, "center"),
        text(f.message, "cell"),
        text(f.hint, "cell"),
        text(f.code, "code"),
      ],
    });
  });
  const headerRow = 5;
  const lastRow = Math.max(headerRow, rows.length);
  return {
    sheets: [
      {
        name: SHEET.check,
        state: "visible",
        role: "check",
        columns: [6, 10, 18, 14, 8, 10, 60, 50, 18].map((w) => ({ width: w })),
        rows,
        merges: [`A1:I1`, `A2:I2`, `A3:I3`],
        freeze: { rows: headerRow, cols: 0 },
        validations: [],
        conditionalFormats: [],
        print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [headerRow, headerRow] },
        autoFilter: `A${headerRow}:I${lastRow}`,
        tabColor: errors > 0 ? "C00000" : "70AD47",
      },
    ],
    styles: {
      title: { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle" },
      subtitle: { fontName: FONT, fontSize: 11, italic: true, hAlign: "center" },
      summaryError: { fontName: FONT, fontSize: 12, bold: true, color: "C00000", hAlign: "center" },
      summaryOk: { fontName: FONT, fontSize: 12, bold: true, color: "375623", hAlign: "center" },
      header: { fontName: FONT, fontSize: 11, bold: true, fill: "D9E1F2", hAlign: "center", vAlign: "middle", wrap: true, border: "thin" },
      cell: { fontName: FONT, fontSize: 11, wrap: true, vAlign: "top", border: "thin", numFmt: "@" },
      center: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "@" },
      code: { fontName: FONT, fontSize: 9, color: "7F7F7F", vAlign: "top", border: "thin" },
      error: { fontName: FONT, fontSize: 11, bold: true, color: "9C0006", fill: "FFC7CE", hAlign: "center", vAlign: "top", border: "thin" },
      warning: { fontName: FONT, fontSize: 11, color: "9C5700", fill: "FFEB9C", hAlign: "center", vAlign: "top", border: "thin" },
    },
    definedNames: [],
    properties: { title: M.title, creator: "cchc-tracker" },
  };
}

/** Formats a finding as one line: "Nhiệm vụ!K7 (nhiệm vụ 4): message Cách sửa: hint". */
export function formatFinding(f: Finding): string {
  const place = f.sheet ? (f.cell ? `${f.sheet}!${f.cell}` : f.sheet) : f.file ?? "";
  const task = f.taskId ? ` (${entriesMessages.taskLabel(f.taskId)})` : "";
  const head = place || task ? `${place}${task}: ` : "";
  return `${head}${f.message} ${entriesMessages.hintPrefix}: ${f.hint}`;
}
