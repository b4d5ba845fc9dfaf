import { describe, expect, it } from "vitest";
import { gridSheet, readWorkbookGrid } from "../../../addin/excel/read.js";
import { renderWorkbookSpec } from "../../../addin/excel/render.js";
import { excelSerial } from "../../../addin/excel/sheet-plan.js";
import { FakeExcel } from "../fake-excel.js";
import { HOSTILE_TITLE, sampleTrackerSpec } from "../sample-spec.js";

describe("gridSheet", () => {
  it("places a used range that does not start at A1 and drops empty trailing cells", () => {
    const s = gridSheet("S", "Hidden", "S!B3:C4", [["a", ""], [1, true]], [["a", ""], [1, true]]);
    expect(s).toEqual({ name: "S", state: "hidden", values: [[], [], [null, "a"], [null, 1, true]] });
  });

  it("tells formulas from text that starts with '='", () => {
    const s = gridSheet("S", "Visible", "S!A1:B1", [[HOSTILE_TITLE, 3]], [[HOSTILE_TITLE, "=1+2"]]);
    expect(s.values).toEqual([[HOSTILE_TITLE, 3]]);
    expect(s.formulas).toEqual([[null, "1+2"]]);
  });

  it("gives no rows for an empty sheet (its used range is A1)", () => {
    expect(gridSheet("S", "VeryHidden", "S!A1", [[""]], [[""]])).toEqual({ name: "S", state: "veryHidden", values: [] });
  });
});

describe("readWorkbookGrid", () => {
  it.each([23, 500])("reads every sheet of a %i-task workbook back in one run and 2 syncs", async (n) => {
    const excel = new FakeExcel();
    await renderWorkbookSpec(excel, sampleTrackerSpec(n), { existing: "fail", dropBlankSheet: true });
    excel.syncs = 0;
    excel.runs = 0;
    const grid = await readWorkbookGrid(excel, "so.xlsx");
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 2, unsynced: 0 });
    expect(grid.file).toBe("so.xlsx");
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Hướng dẫn", "visible"],
      ["Nhiệm vụ", "visible"],
      ["Danh mục", "hidden"],
      ["_meta", "veryHidden"],
    ]);
    const tasks = grid.sheets[1]!;
    expect(tasks.values[3]?.[0]).toBe("1.1");
    expect(tasks.values[5]?.[2]).toBe(HOSTILE_TITLE);
    expect(tasks.formulas?.[5]?.[2]).toBeNull();
    expect(tasks.formulas?.[3]?.[7]).toMatch(/^IF\(E4="Hoàn thành"/);
    expect(tasks.values[3]?.[3]).toBe(excelSerial("2026-02-15"));
    expect(tasks.values.length).toBe(2 + n + Math.ceil(n / 10));
  });
});
