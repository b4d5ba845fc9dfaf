/** Cell styles of the report sheets (summary, close): Times New Roman as official documents, thin borders, colours. */
import type { CellSpec, CellStyle } from "../workbook/spec.js";
import type { Totals } from "./summarise.js";

const FONT = "Times New Roman";

/** Named styles used by the summary and close sheets. */
export const REPORT_STYLES: Record<string, CellStyle> = {
  title: { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "middle", wrap: true },
  info: { fontName: FONT, fontSize: 11, vAlign: "middle" },
  note: { fontName: FONT, fontSize: 10, italic: true, color: "7F7F7F" },
  warn: { fontName: FONT, fontSize: 11, bold: true, color: "C00000" },
  section: { fontName: FONT, fontSize: 12, bold: true, vAlign: "middle" },
  header: { fontName: FONT, fontSize: 11, bold: true, fill: "DDEBF7", hAlign: "center", vAlign: "middle", wrap: true, border: "thin" },
  text: { fontName: FONT, fontSize: 11, vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
  textBold: { fontName: FONT, fontSize: 11, bold: true, vAlign: "top", wrap: true, border: "thin" },
  center: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "@" },
  int: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  intBold: { fontName: FONT, fontSize: 11, bold: true, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  intDone: { fontName: FONT, fontSize: 11, bold: true, color: "375623", fill: "E2EFDA", hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  intLate: { fontName: FONT, fontSize: 11, color: "9C5700", fill: "FFF2CC", hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  intOverdue: { fontName: FONT, fontSize: 11, bold: true, color: "9C0006", fill: "FFC7CE", hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  intMuted: { fontName: FONT, fontSize: 11, color: "7F7F7F", hAlign: "center", vAlign: "top", border: "thin", numFmt: "0" },
  percent: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0.0%" },
  percentBold: { fontName: FONT, fontSize: 11, bold: true, hAlign: "center", vAlign: "top", border: "thin", numFmt: "0.0%" },
  date: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", numFmt: "dd/mm/yyyy" },
  dateInfo: { fontName: FONT, fontSize: 11, hAlign: "left", vAlign: "middle", numFmt: "dd/mm/yyyy" },
  label: { fontName: FONT, fontSize: 11, bold: true, vAlign: "middle", wrap: true },
  code: { fontName: "Consolas", fontSize: 10, color: "7F7F7F", vAlign: "middle", numFmt: "@" },
  statusDone: { fontName: FONT, fontSize: 11, color: "375623", fill: "E2EFDA", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  statusLate: { fontName: FONT, fontSize: 11, color: "9C0006", fill: "FFC7CE", hAlign: "center", vAlign: "top", border: "thin", wrap: true },
  statusOther: { fontName: FONT, fontSize: 11, hAlign: "center", vAlign: "top", border: "thin", wrap: true },
};

/** The figure cells of a group row in these styles (total … overdue, then the completion rate): C..L of the summary's group tables and of the province Tổng hợp. */
export function figureCells(t: Totals, bold: boolean): CellSpec[] {
  const n = (v: number, s: string): CellSpec => ({ v, s: bold ? "intBold" : s });
  return [
    n(t.total, "int"),
    n(t.done, "intDone"),
    n(t.doneOnTime, "int"),
    n(t.doneLate, t.doneLate > 0 ? "intLate" : "int"),
    n(t.inProgress, "int"),
    n(t.notStarted, "int"),
    n(t.dropped, "intMuted"),
    n(t.invalid, t.invalid > 0 ? "intOverdue" : "intMuted"),
    n(t.overdue, t.overdue > 0 ? "intOverdue" : "int"),
    { v: t.completionRate, s: bold ? "percentBold" : "percent" },
  ];
}
