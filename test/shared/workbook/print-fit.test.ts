import { describe, expect, it } from "vitest";
import { fitForPrint, fitHeaderWidths, keepTogetherBreaks } from "../../../shared/workbook/print-fit.js";
import type { CellStyle, SheetSpec } from "../../../shared/workbook/spec.js";

const styles: Record<string, CellStyle> = { header: { fontSize: 12, bold: true, wrap: true }, text: { fontSize: 11, wrap: true }, date: { fontSize: 12 } };
const sheet = (rows: SheetSpec["rows"], widths: number[], print?: SheetSpec["print"]): SheetSpec => ({
  name: "T",
  state: "visible",
  columns: widths.map((width) => ({ width })),
  rows,
  merges: [],
  validations: [],
  conditionalFormats: [],
  ...(print ? { print } : {}),
});

describe("print fit", () => {
  it("widens a column so that its longest header word and its dates fit on one line", () => {
    const s = sheet([{ cells: [{ v: "Tổng số nhiệm vụ", s: "header" }, { v: "Hạn", s: "header" }] }, { cells: [null, { v: { kind: "date", iso: "2026-12-31" }, s: "date" }] }], [3, 4]);
    const fitted = fitHeaderWidths(s, styles);
    expect(fitted.columns[0]!.width).toBeGreaterThan(6);
    expect(fitted.columns[1]!.width).toBeGreaterThan(9);
    expect(fitHeaderWidths(sheet([{ cells: [{ v: "Mã", s: "header" }] }], [10]), styles).columns[0]!.width).toBe(10);
  });

  it("breaks the page before a heading that would end a page, not between a total and its rows", () => {
    const rows: SheetSpec["rows"] = Array.from({ length: 60 }, () => ({ cells: [{ v: "x", s: "text" }], height: 15 }));
    rows[34] = { ...rows[34]!, keepWithNext: true };
    const s = sheet(rows, [20], { orientation: "landscape", paper: "A4", fitToWidth: true, margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } });
    const breaks = keepTogetherBreaks(s);
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks).not.toContain(35);
    expect(fitForPrint(s, styles).print?.rowBreaks).toEqual(breaks);
    expect(fitForPrint(sheet(rows.map((r) => ({ cells: r.cells })), [20], s.print), styles).print?.rowBreaks).toBeUndefined();
  });
});
