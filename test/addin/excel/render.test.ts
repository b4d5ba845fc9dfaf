import { describe, expect, it } from "vitest";
import { renderWorkbookSpec } from "../../../addin/excel/render.js";
import { AddinError } from "../../../addin/errors.js";
import { excelSerial } from "../../../addin/excel/sheet-plan.js";
import { FakeExcel } from "../fake-excel.js";
import { HOSTILE_TITLE, sampleSummarySpec, sampleTrackerSpec } from "../sample-spec.js";

describe("renderWorkbookSpec", () => {
  it("writes every sheet, in order, with visibility and the active sheet", async () => {
    const excel = new FakeExcel();
    const report = await renderWorkbookSpec(excel, sampleTrackerSpec(23), { existing: "fail", dropBlankSheet: true });
    expect(excel.sheetNames()).toEqual(["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"]);
    expect(excel.model.sheets.map((s) => s.visibility)).toEqual(["Visible", "Visible", "Hidden", "VeryHidden"]);
    expect(excel.activeSheet()).toBe("Nhiệm vụ");
    expect(report).toEqual({ sheets: ["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"], replaced: [], missing: [] });
  });

  it("keeps user text as text: formulas, ids, phone numbers and leading zeros are never coerced", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(23), { existing: "fail" });
    const tasks = excel.model.get("Nhiệm vụ");
    const hostile = [...tasks.cells.values()].find((c) => c.value === HOSTILE_TITLE);
    expect(hostile).toMatchObject({ value: HOSTILE_TITLE, formula: null, numberFormat: "@" });
    expect(tasks.valueAt("A4")).toBe("1.1");
    const guide = excel.model.get("Hướng dẫn");
    expect(guide.valueAt("B4")).toBe("+84 912 345 678");
    expect(guide.peek("B4")?.formula).toBeNull();
    expect(guide.valueAt("B5")).toBe("0012");
  });

  it("the fake would have turned the same text into a formula without the text format (the test can fail)", () => {
    const excel = new FakeExcel();
    excel.type("Sheet1", "A1", [[HOSTILE_TITLE, "0012", "+84 912"]]);
    const sheet = excel.model.get("Sheet1");
    expect(sheet.peek("A1")?.formula).toBe(HOSTILE_TITLE);
    expect(sheet.valueAt("B1")).toBe(12);
    expect(sheet.peek("C1")?.formula).toBe("=+84 912");
  });

  it("writes dates as serial numbers with a date format, and formulas as formulas", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(23), { existing: "fail" });
    const guide = excel.model.get("Hướng dẫn");
    expect(guide.valueAt("B3")).toBe(excelSerial("2026-03-14"));
    expect(excelSerial("2026-03-14")).toBe(46095);
    expect(guide.peek("B3")?.numberFormat).toBe("dd/mm/yyyy");
    const tasks = excel.model.get("Nhiệm vụ");
    expect(tasks.peek("H4")?.formula).toMatch(/^=IF\(E4="Hoàn thành",.*NgayBaoCao<=D4/);
    expect(tasks.peek("H4")?.numberFormat).toBe("General");
    expect(excel.model.names.get("NgayBaoCao")).toBe("='Hướng dẫn'!$B$3");
  });

  it("applies styles by ranges, column widths, merges, freeze panes, protection with unlocked entry cells", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(23), { existing: "fail" });
    const tasks = excel.model.get("Nhiệm vụ");
    expect(tasks.formatAt(1, 0, "bold")).toBe(true);
    expect(tasks.formatAt(1, 0, "fill")).toBe("#1F4E78");
    expect(tasks.formatAt(1, 0, "borders")?.EdgeTop).toEqual({ style: "Continuous", weight: "Thin", color: "#808080" });
    expect(tasks.columnWidths.get(2)).toBe(266.25);
    expect(tasks.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }]);
    expect(tasks.freeze).toEqual({ rows: 2, cols: 1 });
    expect(tasks.protection).toEqual({
      protected: true,
      options: { allowFormatColumns: true, allowSort: false, allowAutoFilter: true, allowInsertRows: false, allowFormatRows: true },
    });
    expect(tasks.lockedAt(3, 0)).toBe(true);
    expect(tasks.lockedAt(3, 4)).toBe(false);
    expect(tasks.lockedAt(40, 4)).toBe(false);
    expect(tasks.rowHeights.get(1)).toBe(30);
  });

  it("adds list/whole/date validations, conditional formats, print setup, filter, notes and outline", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(23), { existing: "fail" });
    const tasks = excel.model.get("Nhiệm vụ");
    expect(tasks.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "='Danh mục'!$A$2:$A$5" } },
      { wholeNumber: { formula1: 0, formula2: 100, operator: "Between" } },
      { date: { formula1: "2026-01-01", formula2: "2026-12-31", operator: "Between" } },
    ]);
    expect(tasks.validations[0]?.errorAlert).toMatchObject({ showAlert: true, style: "Stop", title: "Trạng thái không hợp lệ" });
    expect(tasks.conditionalFormats.map((c) => c.type)).toEqual(["CellValue", "Custom", "DataBar"]);
    expect(tasks.conditionalFormats[0]?.rule).toEqual({ formula1: '="Hoàn thành"', operator: "EqualTo" });
    expect(tasks.conditionalFormats[1]).toMatchObject({ formula: '=$H3="Quá hạn"', fill: "#FFC7CE", bold: true });
    expect(tasks.conditionalFormats[2]).toMatchObject({ barColor: "#5B9BD5", lowerBound: { type: "Number", formula: "0" } });
    expect(tasks.validations[1]?.errorAlert).toMatchObject({ style: "Warning" });
    expect(tasks.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$2:$2",
      centerHorizontally: true,
      leftMargin: 36,
      topMargin: 54,
      headerMargin: 21.6,
    });
    expect(excel.model.get("Hướng dẫn").showGridlines).toBe(false);
    expect(tasks.showGridlines).toBe(true);
    expect(tasks.autoFilter).toMatch(/^A2:I\d+$/);
    expect(excel.model.get("Hướng dẫn").notes.get("B3")).toMatch(/Đánh giá/);
    expect(excel.model.get("Hướng dẫn").tabColor).toBe("#1F4E78");
    expect(tasks.rowGroups.length).toBeGreaterThan(0);
  });

  it("draws native charts with every series named and the categories set", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleSummarySpec(7), { existing: "replace" });
    const [chart] = excel.model.get("Tổng hợp Quý I-2026").charts;
    expect(chart).toEqual({
      type: "BarClustered",
      source: "B3:B9",
      title: "Tỷ lệ hoàn thành theo lĩnh vực",
      legendPosition: "Bottom",
      legendVisible: true,
      position: ["E2", "L16"],
      series: [
        { name: "Tổng số", values: "B3:B9", xValues: "A3:A9" },
        { name: "Hoàn thành", values: "C3:C9", xValues: "A3:A9" },
      ],
    });
  });

  it.each([23, 500])("uses one Excel.run and 4 syncs for %i tasks", async (n) => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(n), { existing: "fail", dropBlankSheet: true });
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 4, unsynced: 0 });
    const tasks = excel.model.get("Nhiệm vụ");
    expect(tasks.usedRect()?.bottom).toBe(1 + n + Math.ceil(n / 10));
  });

  it("refuses to overwrite the tracker's sheets without being asked, before writing anything", async () => {
    const excel = new FakeExcel({ sheets: ["Nhiệm vụ", "Khác"] });
    excel.type("Nhiệm vụ", "A1", [["dữ liệu của người dùng"]]);
    await expect(renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail" })).rejects.toThrow(AddinError);
    await expect(renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail" })).rejects.toThrow(/"Nhiệm vụ"/);
    expect(excel.sheetNames()).toEqual(["Nhiệm vụ", "Khác"]);
    expect(excel.model.get("Nhiệm vụ").valueAt("A1")).toBe("dữ liệu của người dùng");
  });

  it("replaces a sheet of the same name in its place, and a defined name that already exists", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail", dropBlankSheet: true });
    await renderWorkbookSpec(excel, sampleSummarySpec(3), { existing: "replace" });
    expect(excel.sheetNames()).toEqual(["Hướng dẫn", "Nhiệm vụ", "Tổng hợp Quý I-2026", "Danh mục", "_meta"]);
    const again = await renderWorkbookSpec(excel, sampleTrackerSpec(8), { existing: "replace" });
    expect(again.replaced).toEqual(["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"]);
    expect(excel.sheetNames()).toEqual(["Hướng dẫn", "Nhiệm vụ", "Tổng hợp Quý I-2026", "Danh mục", "_meta"]);
    expect(excel.model.names.get("NgayBaoCao")).toBe("='Hướng dẫn'!$B$3");
    expect(excel.model.get("Nhiệm vụ").valueAt("C11")).toMatch(/^Nhiệm vụ số 8/);
    expect(excel.model.get("Nhiệm vụ").validations[0]?.rule).toEqual({ list: { inCellDropDown: true, source: "='Danh mục'!$A$2:$A$5" } });
  });

  it("keeps the workbook's only sheet when it holds data", async () => {
    const excel = new FakeExcel();
    excel.type("Sheet1", "C3", [["số liệu cũ"]]);
    await renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail", dropBlankSheet: true });
    expect(excel.sheetNames()[0]).toBe("Sheet1");
  });

  it("selects a cell on the activated sheet when asked", async () => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail", activate: "Nhiệm vụ", select: "E4" });
    expect(excel.activeSheet()).toBe("Nhiệm vụ");
    expect(excel.selectedAddress()).toBe("E4");
  });
});

describe("renderWorkbookSpec on an old Excel", () => {
  it.each([
    ["1.1", ["columnWidths", "merges", "protection", "names", "conditionalFormats", "freezePanes", "tabColor", "chartSeries", "dataValidation", "gridlines", "pageLayout", "autoFilter", "rowGroups", "notes"]],
    ["1.4", ["conditionalFormats", "freezePanes", "tabColor", "chartSeries", "dataValidation", "gridlines", "pageLayout", "autoFilter", "rowGroups", "notes"]],
    ["1.7", ["dataValidation", "gridlines", "pageLayout", "autoFilter", "rowGroups", "notes"]],
    ["1.9", ["rowGroups", "notes"]],
    ["1.17", ["notes"]],
  ])("ExcelApi %s: writes the tracker's data and reports %j missing", async (version, missing) => {
    const excel = new FakeExcel({ excelApi: version });
    const spec = sampleTrackerSpec(23);
    spec.sheets.push(sampleSummarySpec(3).sheets[0]!);
    const report = await renderWorkbookSpec(excel, spec, { existing: "fail", dropBlankSheet: true });
    expect([...report.missing].sort()).toEqual([...missing].sort());
    expect(report.bestEffortError).toBeUndefined();
    const tasks = excel.model.get("Nhiệm vụ");
    expect(tasks.valueAt("A4")).toBe("1.1");
    expect(tasks.peek("C6")?.value).toBe(HOSTILE_TITLE);
    expect(excel.model.get("_meta").visibility).toBe("VeryHidden");
  });

  it("writes the as-of reference into formulas when names cannot be defined (ExcelApi < 1.4)", async () => {
    const excel = new FakeExcel({ excelApi: "1.3" });
    await renderWorkbookSpec(excel, sampleTrackerSpec(5), { existing: "fail" });
    expect(excel.model.names.size).toBe(0);
    expect(excel.model.get("Nhiệm vụ").peek("H4")?.formula).toContain("'Hướng dẫn'!$B$3<=D4");
  });

  it("still draws a chart over a contiguous block without the series API (ExcelApi < 1.7)", async () => {
    const excel = new FakeExcel({ excelApi: "1.6" });
    await renderWorkbookSpec(excel, sampleSummarySpec(4), { existing: "replace" });
    const [chart] = excel.model.get("Tổng hợp Quý I-2026").charts;
    expect(chart?.source).toBe("A3:C6");
    expect(chart?.series.map((s) => s.values)).toEqual(["B3:B6", "C3:C6"]);
  });
});
