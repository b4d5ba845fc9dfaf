/**
 * The SpreadsheetApp renderer and reader with hand-made specs, run in Node against the in-memory fakes (installed as
 * the globals Apps Script would provide).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Grid } from "../../../shared/entries/grid.js";
import type { SheetSpec, WorkbookSpec } from "../../../shared/workbook/spec.js";
import { readGrid } from "../../../apps-script/src/sheets/read.js";
import { renderWorkbook } from "../../../apps-script/src/sheets/render.js";
import { CallLog } from "../fakes/calls.js";
import { FakeClock } from "../fakes/clock.js";
import { FakeUtilities } from "../fakes/services.js";
import { FakeSpreadsheetApp, SheetsWorld, type FakeSpreadsheet } from "../fakes/spreadsheet.js";

const TEXTS = { protectedSheet: "protected", hiddenSheet: "hidden" };
const g = globalThis as Record<string, unknown>;
let log: CallLog;
let world: SheetsWorld;
let ss: FakeSpreadsheet;

beforeEach(() => {
  log = new CallLog();
  const clock = new FakeClock();
  world = new SheetsWorld(log, clock);
  ss = world.active;
  g.SpreadsheetApp = new FakeSpreadsheetApp(world).api;
  g.Utilities = new FakeUtilities(log, clock).api;
});
afterEach(() => {
  delete g.SpreadsheetApp;
  delete g.Utilities;
});

const api = () => ss.api as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

function sheet(name: string, extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name, state: "visible", columns: [], rows: [], merges: [], validations: [], conditionalFormats: [], ...extra };
}

function workbook(sheets: SheetSpec[], extra: Partial<WorkbookSpec> = {}): WorkbookSpec {
  return { sheets, styles: {}, definedNames: [], properties: { title: "t", creator: "c" }, ...extra };
}

/** Text that Sheets would turn into something else if it were written as typed. */
const TRICKY = ["2.1", "=HYPERLINK(\"http://x\",\"y\")", "+84 912 345 678", "-5", "@mention", "TRUE", "15/03/2026", "'quoted", "50%"];

describe("values", () => {
  it("writes text as text, numbers, booleans, dates and formulas as such, and reads them back into a Grid", () => {
    const spec = workbook([
      sheet("Dữ liệu", {
        columns: [{ width: 10 }, { width: 10 }],
        rows: [
          ...TRICKY.map((t) => ({ cells: [{ v: t }, null] })),
          { cells: [{ v: 42 }, { v: true }] },
          { cells: [{ v: { kind: "date", iso: "2026-03-31" } }, { v: { kind: "formula", formula: "SUM(A10:A10)", result: 42 } }] },
          { cells: [{ v: "" }, { v: null }] },
        ],
      }),
    ]);
    renderWorkbook(api(), spec, TEXTS);
    const s = ss._sheet("Dữ liệu")!;
    TRICKY.forEach((t, i) => expect(s._value(`A${i + 1}`), t).toBe(t));
    expect(s.cells.flat().filter((c) => c?.formula).map((c) => c!.formula)).toEqual(["=SUM(A10:A10)"]);
    expect(s._cell(11, 1)!.numberFormat).toBe("dd/mm/yyyy");

    const grid = readGrid(api());
    const read = grid.sheets.find((x) => x.name === "Dữ liệu")!;
    expect(read.values.slice(0, TRICKY.length).map((r) => r[0])).toEqual(TRICKY);
    expect(read.values[9]).toEqual([42, true]);
    expect(read.values[10]![0]).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(read.formulas?.[10]?.[1]).toBe("SUM(A10:A10)");
    expect(read.values.length).toBe(11);
  });

  it.each(["Asia/Ho_Chi_Minh", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])(
    "reads a date cell as the day it shows in a spreadsheet in %s",
    (tz) => {
      ss.timeZone = tz;
      renderWorkbook(
        api(),
        workbook([sheet("D", { rows: ["2026-01-01", "2026-03-29", "2026-10-25", "2026-12-31"].map((iso) => ({ cells: [{ v: { kind: "date", iso } }] })) })]),
        TEXTS,
      );
      const grid: Grid = readGrid(api());
      const days = grid.sheets.find((x) => x.name === "D")!.values.map((r) => (r[0] as Date).toISOString());
      expect(days).toEqual(["2026-01-01", "2026-03-29", "2026-10-25", "2026-12-31"].map((d) => `${d}T00:00:00.000Z`));
    },
  );
});

describe("formats and structure", () => {
  const spec = () =>
    workbook(
      [
        sheet("Nhập", {
          columns: [{ width: 8 }, { width: 30, style: "entry" }, { width: 10, hidden: true }],
          rows: [
            { cells: [{ v: "Tiêu đề", s: "title" }] },
            { cells: [{ v: "Mã", s: "header" }, { v: "Nội dung", s: "header" }, { v: "Ẩn", s: "header" }] },
            { cells: [{ v: "1", s: "cell" }, { v: "", s: "entry" }, { v: 5, s: "pct" }] },
            { cells: [{ v: "2", s: "cell" }, null, { v: 7, s: "pct" }] },
          ],
          merges: ["A1:C1"],
          freeze: { rows: 2, cols: 1 },
          protection: {},
          tabColor: "FF0000",
          showGridLines: false,
          validations: [
            { type: "list", range: "B3:B4", source: "'Danh mục'!$A$2:$A$3", allowBlank: true, error: { title: "Sai", message: "Chọn trong danh sách" } },
            { type: "whole", range: "C3:C4", min: 0, max: 100, allowBlank: true, error: { title: "Sai", message: "0–100" }, errorStyle: "warning" },
            { type: "date", range: "A3:A4", min: "2025-01-01", max: "2027-12-31", allowBlank: true, error: { title: "Sai", message: "Ngày" } },
          ],
          conditionalFormats: [
            { type: "expression", range: "A3:C4", formula: "AND($C3<>\"\",NgayBaoCao>'Danh mục'!$A$2)", style: { fill: "FFC7CE", bold: true } },
            { type: "textEquals", range: "B3:B4", text: "Hoàn thành", style: { color: "006100" } },
            { type: "dataBar", range: "C3:C4", min: 0, max: 100, color: "5B9BD5" },
          ],
        }),
        sheet("Danh mục", { state: "hidden", rows: [{ cells: [{ v: "Trạng thái" }] }, { cells: [{ v: "A" }] }, { cells: [{ v: "B" }] }] }),
        sheet("_meta", { state: "veryHidden", rows: [{ cells: [{ v: "schemaVersion" }, { v: "1" }] }] }),
      ],
      {
        styles: {
          title: { bold: true, fontSize: 14, hAlign: "center" },
          header: { bold: true, fill: "D9E1F2", border: "thin", wrap: true },
          cell: { border: "thin", numFmt: "@" },
          entry: { border: "thin", fill: "FFF8E1", locked: false },
          pct: { border: "thin", numFmt: "0", locked: false, italic: true },
        },
        definedNames: [{ name: "NgayBaoCao", ref: "'Danh mục'!$A$2" }],
        activeSheet: "Nhập",
      },
    );

  it("applies styles, widths, merges, freeze, validations, rules, protection, names and visibility", () => {
    renderWorkbook(api(), spec(), TEXTS);
    const s = ss._sheet("Nhập")!;
    expect(ss.sheets.map((x) => [x.name, x.hidden])).toEqual([
      ["Trang tính1", false],
      ["Nhập", false],
      ["Danh mục", true],
      ["_meta", true],
    ]);
    expect(ss.activeSheet.name).toBe("Nhập");
    expect(s._cell(1, 1)).toMatchObject({ fontWeight: "bold", fontSize: 14, hAlign: "center" });
    expect(s._cell(2, 2)).toMatchObject({ fontWeight: "bold", background: "#D9E1F2", wrap: true, border: true });
    // A cell without its own style takes its column's (B4: entry fill, unlocked).
    expect(s._cell(4, 2)).toMatchObject({ background: "#FFF8E1", border: true });
    expect(s._cell(3, 3)).toMatchObject({ fontStyle: "italic", numberFormat: "0" });
    // "@" is not applied (the apostrophe already keeps the text).
    expect(s._cell(3, 1)!.numberFormat).toBeNull();
    expect(s.columnWidths.get(2)).toBe(30 * 7 + 5);
    expect([...s.hiddenColumns]).toEqual([3]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect([s.frozenRows, s.frozenColumns]).toEqual([2, 1]);
    expect(s.tabColor).toBe("#FF0000");
    expect(s.hiddenGridlines).toBe(true);

    expect(s._cell(3, 2)!.validation).toMatchObject({ criteria: "VALUE_IN_RANGE", args: ["'Danh mục'!A2:A3", true], allowInvalid: false });
    expect(s._cell(4, 3)!.validation).toMatchObject({
      criteria: "CUSTOM_FORMULA",
      args: ["=AND(ISNUMBER(C3),C3=INT(C3),C3>=0,C3<=100)"],
      allowInvalid: true,
    });
    expect(s._cell(3, 1)!.validation?.criteria).toBe("DATE_BETWEEN");
    expect(s._cell(3, 2)!.validation?.helpText).toBe("Sai: Chọn trong danh sách");

    expect(s.conditionalRules.map((r) => [r.condition, r.args, r.ranges])).toEqual([
      ["CUSTOM_FORMULA", [`=AND($C3<>"",INDIRECT("'Danh mục'!$A$2")>INDIRECT("'Danh mục'!$A$2"))`], ["'Nhập'!A3:C4"]],
      ["TEXT_EQ", ["Hoàn thành"], ["'Nhập'!B3:B4"]],
      ["GRADIENT", [], ["'Nhập'!C3:C4"]],
    ]);
    expect(s.conditionalRules[0]!.format).toEqual({ background: "#FFC7CE", bold: true });
    expect(s.conditionalRules[2]!.format).toEqual({ min: ["#FFFFFF", "NUMBER", "0"], max: ["#5B9BD5", "NUMBER", "100"] });

    expect(s.protections).toEqual([{ description: "protected", warningOnly: true, unprotected: ["B3:C4"] }]);
    expect(ss._sheet("_meta")!.protections).toEqual([{ description: "hidden", warningOnly: true, unprotected: [] }]);
    expect(ss._sheet("Danh mục")!.protections).toEqual([]);
    expect(ss.namedRanges.get("NgayBaoCao")).toMatchObject({ rect: { top: 2, left: 1, bottom: 2, right: 1 } });
    expect(ss.namedRanges.get("NgayBaoCao")!.sheet.name).toBe("Danh mục");
  });

  it("replaces a sheet of the same name in place and leaves other sheets alone", () => {
    ss._addSheet("Trước", [["giữ"]]);
    renderWorkbook(api(), workbook([sheet("Kiểm tra", { rows: [{ cells: [{ v: "cũ" }] }] })]), TEXTS);
    ss._addSheet("Sau", [["giữ"]]);
    renderWorkbook(api(), workbook([sheet("Kiểm tra", { rows: [{ cells: [{ v: "mới" }] }] })]), TEXTS);
    expect(ss.sheets.map((x) => x.name)).toEqual(["Trang tính1", "Trước", "Kiểm tra", "Sau"]);
    expect(ss._sheet("Kiểm tra")!._value("A1")).toBe("mới");
    expect(ss._sheet("Trước")!._value("A1")).toBe("giữ");
  });

  it("replaces the only sheet of a spreadsheet", () => {
    renderWorkbook(api(), workbook([sheet("Trang tính1", { rows: [{ cells: [{ v: "x" }] }] })]), TEXTS);
    expect(ss.sheets.map((x) => x.name)).toEqual(["Trang tính1"]);
    expect(ss._sheet("Trang tính1")!._value("A1")).toBe("x");
  });

  it("grows a sheet beyond 1000 rows and 26 columns", () => {
    const wide = Array.from({ length: 30 }, (_, i) => ({ v: i }));
    renderWorkbook(api(), workbook([sheet("Lớn", { rows: Array.from({ length: 1200 }, () => ({ cells: wide })) })]), TEXTS);
    const s = ss._sheet("Lớn")!;
    expect(s._value("AD1200")).toBe(29);
  });

  it("inserts charts at their anchor with their ranges", () => {
    renderWorkbook(
      api(),
      workbook([
        sheet("Biểu đồ", {
          columns: [{ width: 20 }, { width: 10 }, { width: 10 }],
          rows: [{ cells: [{ v: "a" }, { v: 1 }] }, { cells: [{ v: "b" }, { v: 2 }] }],
          charts: [{ type: "column", title: "T", categories: "A1:A2", series: [{ name: "S", values: "B1:B2" }], anchor: "C1", width: 2, height: 10 }],
        }),
      ]),
      TEXTS,
    );
    expect(ss._sheet("Biểu đồ")!.charts).toEqual([
      {
        type: "COLUMN",
        ranges: ["A1:A2", "B1:B2"],
        position: [1, 3],
        options: { title: "T", width: 75 + 75, height: 210, legend: { position: "none" }, series: { 0: { labelInLegend: "S" } } },
      },
    ]);
  });
});

describe("service calls", () => {
  /** A task-table-like sheet of n rows: styles per column, one validation per column, scattered borders and notes. */
  function table(n: number): WorkbookSpec {
    return workbook(
      [
        sheet("Bảng", {
          columns: [{ width: 6 }, { width: 40 }, { width: 12, style: "entry" }, { width: 12 }],
          rows: [
            { cells: [{ v: "Tiêu đề", s: "title" }] },
            { cells: ["Mã", "Nội dung", "Trạng thái", "Hạn"].map((v) => ({ v, s: "header" })) },
            ...Array.from({ length: n }, (_, i) => ({
              cells: [
                { v: String(i + 1), s: i % 7 === 0 ? "group" : "cell" },
                { v: `Nhiệm vụ ${i + 1}`, s: "cell", ...(i % 5 === 0 ? { note: "ghi chú" } : {}) },
                { v: i % 3 === 0 ? "Hoàn thành" : "", s: "entry" },
                { v: { kind: "date" as const, iso: "2026-06-30" }, s: "date" },
              ],
            })),
          ],
          merges: ["A1:D1", ...Array.from({ length: n }, (_, i) => `B${i + 3}:C${i + 3}`).filter((_, i) => i % 7 === 3)],
          validations: [{ type: "list", range: `C3:C${n + 2}`, source: "'Bảng'!$C$2:$C$2", allowBlank: true, error: { title: "x", message: "y" } }],
          conditionalFormats: [{ type: "textEquals", range: `C3:C${n + 2}`, text: "Hoàn thành", style: { fill: "C6EFCE" } }],
          freeze: { rows: 2, cols: 0 },
          protection: {},
        }),
      ],
      {
        styles: {
          title: { bold: true },
          header: { bold: true, fill: "D9E1F2", border: "thin" },
          cell: { border: "thin", wrap: true },
          group: { bold: true, fill: "E4E9F2", border: "thin" },
          entry: { border: "thin", fill: "FFF8E1", locked: false },
          date: { border: "thin", numFmt: "dd/mm/yyyy" },
        },
      },
    );
  }

  it("are the same for 23 and 500 rows, except one merge call per non-adjacent merged row", () => {
    const counts = (n: number) => {
      beforeEachReset();
      renderWorkbook(api(), table(n), TEXTS);
      readGrid(api());
      const snap = log.snapshot();
      return snap;
    };
    const small = counts(23);
    const large = counts(500);
    // Merged rows are not adjacent here, so each is its own merge (the tracker merges only its group rows).
    const merges = (n: number) => 1 + Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 3).length;
    expect(small["Range.merge"]).toBe(merges(23));
    expect(large["Range.merge"]).toBe(merges(500));
    const strip = (c: Record<string, number>) => {
      const { ["Range.merge"]: _m, ["Sheet.getRange"]: r, ...rest } = c;
      return { ...rest, getRangeOtherThanMerges: r! - _m! };
    };
    expect(strip(large)).toEqual(strip(small));
  });

  it("merge adjacent rows of the same columns with one mergeAcross call", () => {
    const counts = (n: number) => {
      beforeEachReset();
      const spec = workbook([
        sheet("Danh sách", { rows: Array.from({ length: n }, () => ({ cells: [{ v: "x" }, { v: "y" }] })), merges: Array.from({ length: n }, (_, i) => `A${i + 1}:C${i + 1}`) }),
      ]);
      renderWorkbook(api(), spec, TEXTS);
      expect(ss._sheet("Danh sách")!.merges).toHaveLength(n);
      return log.snapshot();
    };
    expect(counts(500)).toEqual(counts(23));
  });
});

/** Fresh fakes inside a test (the counts of one render). */
function beforeEachReset(): void {
  log = new CallLog();
  const clock = new FakeClock();
  world = new SheetsWorld(log, clock);
  ss = world.active;
  g.SpreadsheetApp = new FakeSpreadsheetApp(world).api;
  g.Utilities = new FakeUtilities(log, clock).api;
}
