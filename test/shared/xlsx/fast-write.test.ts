import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import type { WorkbookSpec } from "../../../shared/workbook/spec.js";
import { canFastWrite, crc32, fastWriteWorkbook } from "../../../shared/xlsx/fast-write.js";
import { readXlsxGrid } from "../../../shared/xlsx/read.js";
import { renderWorkbook } from "../../../shared/xlsx/render.js";
import { appendixPlan, hierarchicalPlan } from "../../fixtures/plan-sample.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const spec: WorkbookSpec = {
  sheets: [
    {
      name: "Báo cáo 'A' quý",
      state: "visible",
      columns: [{ width: 6 }, { width: 40 }, { width: 12, hidden: true }],
      rows: [
        { cells: [{ v: "TIÊU ĐỀ", s: "title" }], height: 30 },
        { cells: [{ v: "STT", s: "hdr" }, { v: "Nội dung", s: "hdr" }, { v: "Ngày", s: "hdr" }] },
        { cells: [{ v: 1 }, { v: "=HYPERLINK(\"http://x\",\"bấm\")" }, { v: { kind: "date", iso: "2026-03-20" } }] },
        { cells: [{ v: 2 }, { v: "+84 912 345 678\u0007" }, { v: { kind: "formula", formula: "A3+A4", result: 3 } }], outline: 1 },
        { cells: [{ v: true }, { v: "x".repeat(40_000) }, { v: { kind: "formula", formula: "IF(A3>0,\"có\",\"\")", result: "có" } }] },
      ],
      merges: ["A1:C1"],
      freeze: { rows: 2, cols: 1 },
      validations: [{ type: "whole", range: "A3:A5", min: 0, max: 100, allowBlank: true, error: { title: "Sai", message: "0–100" } }],
      conditionalFormats: [
        { type: "dataBar", range: "A3:A5", min: 0, max: 1, color: "63BE7B" },
        { type: "textEquals", range: "B3:B5", text: "Quá hạn", style: { fill: "FFC7CE", color: "9C0006" } },
      ],
      autoFilter: "A2:C5",
      print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [2, 2], area: "A1:C5", footer: "Trang &P", centerHorizontally: true },
      tabColor: "2F75B5",
    },
    { name: "_an", state: "veryHidden", columns: [], rows: [{ cells: [{ v: "k" }, { v: "v" }] }], merges: [], validations: [], conditionalFormats: [] },
  ],
  styles: {
    title: { fontName: "Times New Roman", fontSize: 14, bold: true, hAlign: "center" },
    hdr: { fontName: "Times New Roman", bold: true, fill: "DDEBF7", border: "thin", wrap: true, vAlign: "middle" },
  },
  definedNames: [{ name: "NgayBaoCao", ref: "'Báo cáo ''A'' quý'!$C$3" }],
  properties: { title: "Thử", creator: "cchc-tracker" },
  activeSheet: "Báo cáo 'A' quý",
};

describe("fastWriteWorkbook", () => {
  const bytes = fastWriteWorkbook(spec, { created: new Date("2026-09-14T08:00:00Z") });

  it("writes values exceljs reads back: text stays text, dates are dates, formulas keep results", async () => {
    const grid = await readXlsxGrid(bytes, { file: "t.xlsx" });
    const s = grid.sheets[0]!;
    expect(s.values[2]).toEqual([1, "=HYPERLINK(\"http://x\",\"bấm\")", new Date("2026-03-20T00:00:00Z")]);
    // A control character XML cannot hold is dropped; text is capped at Excel's 32,767 characters.
    expect(s.values[3]).toEqual([2, "+84 912 345 678", 3]);
    expect((s.values[4]![1] as string).length).toBe(32_767);
    expect(s.formulas![3]![2]).toBe("A3+A4");
    expect(s.values[4]![2]).toBe("có");
    expect(grid.sheets[1]).toMatchObject({ name: "_an", state: "veryHidden" });
  });

  it("writes merges, panes, filters, validations, print setup and names that exceljs understands", async () => {
    const wb = await load(bytes);
    const ws = wb.getWorksheet("Báo cáo 'A' quý")!;
    expect(ws.model.merges).toEqual(["A1:C1"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.autoFilter).toBe("A2:C5");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]!);
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Báo cáo ''A'' quý'!$2:$2</definedName>`);
    expect(xml).toContain("_xlnm.Print_Area");
    expect(xml).toContain("_xlnm._FilterDatabase");
    expect(xml).toContain('<definedName name="NgayBaoCao">');
  });

  it("is a well-formed zip with [Content_Types].xml first and correct checksums", () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)[0]).toBe("[Content_Types].xml");
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml"]));
    expect(strFromU8(parts["docProps/core.xml"]!)).toContain("2026-09-14T08:00:00Z");
  });

  it("gives the same bytes with Node's zlib as the deflater, only faster", async () => {
    const z = fastWriteWorkbook(spec, { deflateRaw: (d, level) => deflateRawSync(d, { level }) });
    expect(await readXlsxGrid(z, { file: "z.xlsx" })).toEqual(await readXlsxGrid(bytes, { file: "z.xlsx" }));
  });

  it.each([
    ["an appendix plan", appendixPlan],
    ["a hierarchical plan", hierarchicalPlan],
  ])("writes a tracker (%s) with the same content as the exceljs renderer", async (_n, plan) => {
    const tracker = buildTracker(plan, { unit: "xã An Khánh", year: 2026, asOf: "2026-09-14" });
    expect(canFastWrite(tracker)).toBe(true);
    expect(await readXlsxGrid(fastWriteWorkbook(tracker), { file: "a.xlsx" })).toEqual(await readXlsxGrid(await renderWorkbook(tracker), { file: "a.xlsx" }));
  });

  it("declines specs with notes, charts or a protection password", () => {
    const withNote: WorkbookSpec = { ...spec, sheets: [{ ...spec.sheets[0]!, rows: [{ cells: [{ v: "x", note: "ghi chú" }] }] }] };
    expect(canFastWrite(withNote)).toBe(false);
    expect(() => fastWriteWorkbook(withNote)).toThrow(/renderWorkbook/);
    expect(canFastWrite({ ...spec, sheets: [{ ...spec.sheets[0]!, protection: { password: "x" } }] })).toBe(false);
  });
});

describe("crc32", () => {
  it("is the zip checksum", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
