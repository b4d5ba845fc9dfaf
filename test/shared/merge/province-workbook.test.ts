import { describe, expect, it } from "vitest";
import { readEntries } from "../../../shared/entries/read.js";
import type { GridValue } from "../../../shared/entries/grid.js";
import { isProvinceGrid, isReportSheet, readProvinceWorkbook, rollupFromProvince } from "../../../shared/merge/province-read.js";
import { buildProvinceWorkbook, PROVINCE_STYLES } from "../../../shared/merge/province-workbook.js";
import { createRollup } from "../../../shared/merge/rollup.js";
import { provinceWorkbookMessages as M } from "../../../shared/messages/merge.js";
import { readXlsxGridFast } from "../../../shared/xlsx/fast-read.js";
import { fastWriteWorkbook } from "../../../shared/xlsx/fast-write.js";
import { date, defaultMeta, trackerGrid, type RowValues } from "../entries/tracker-grid.js";

const TODAY = new Date("2026-11-21T00:00:00Z");

function rows(statuses: Array<string | null>, areas: string[] = ["Cải cách thể chế", "Cải cách thủ tục hành chính"]): RowValues[] {
  return statuses.map((status, i) => ({
    id: String(i + 1),
    area: areas[i % areas.length]!,
    title: `Nhiệm vụ số ${i + 1}`,
    leads: "Văn phòng HĐND và UBND xã",
    deadlineText: "Quý III/2026",
    due: date("2026-09-30"),
    status,
    progress: status === "Hoàn thành" ? 100 : null,
    completedOn: status === "Hoàn thành" ? date("2026-08-01") : null,
    result: status === "Hoàn thành" ? "Báo cáo số 5/BC-UBND" : null,
    note: status === "Không thực hiện" ? "Lý do" : null,
  }));
}

function input(unit: string, statuses: Array<string | null>, meta: Record<string, GridValue> = {}) {
  const r = rows(statuses);
  return readEntries(trackerGrid({ rows: r, file: `${unit}.xlsx`, meta: { ...defaultMeta(r.map((x) => x.id as string)), unit, ...meta } }), { asOf: TODAY });
}

function sampleRollup() {
  const r = createRollup({ quarter: 3, year: 2026, expected: ["xã An Khánh", "xã Cao Minh", "xã Hòa Bình", "xã Phú Thịnh"] });
  r.add({ name: "an-khanh.xlsx" }, input("xã An Khánh", ["Hoàn thành", "Hoàn thành", "Đang thực hiện", null]));
  r.add({ name: "cao-minh.xlsx" }, input("xã Cao Minh", ["Hoàn thành", null, null, "Không thực hiện", "Xong"]));
  r.add({ name: "phu-thinh-2025.xlsx" }, input("xã Phú Thịnh", ["Hoàn thành"], { year: 2025 }));
  r.addSkipped("ghi-chu.txt", "không phải .xlsx");
  return r.finish();
}

describe("buildProvinceWorkbook", () => {
  const rollup = sampleRollup();
  const spec = buildProvinceWorkbook(rollup);
  const sheet = (name: string) => spec.sheets.find((s) => s.name === name)!;
  const texts = (name: string) => sheet(name).rows.flatMap((r) => r.cells.map((c) => (c && typeof c.v === "string" ? c.v : null))).filter(Boolean);

  it("has the sheets in order, the province marker in a very hidden _meta", () => {
    const S = M.sheets;
    expect(spec.sheets.map((s) => [s.name, s.state])).toEqual([
      [S.summary, "visible"],
      [S.byArea, "visible"],
      [S.detail, "visible"],
      [S.taskByUnit, "visible"],
      [S.missing, "visible"],
      [S.rejected, "visible"],
      [S.findings, "visible"],
      ["_meta", "veryHidden"],
    ]);
    expect(sheet("_meta").rows.map((r) => [r.cells[0]?.v, r.cells[1]?.v])).toEqual(
      expect.arrayContaining([["kind", "province"], ["quarter", "3"], ["year", "2026"], ["asOf", "2026-09-14"]]),
    );
  });

  it("Tổng hợp: one row per unit with its figures and rank, a province row, a data bar, filters, print setup", () => {
    const s = sheet(M.sheets.summary);
    const header = s.rows.findIndex((r) => r.cells[1]?.v === M.summaryHeaders[1]);
    const unitRows = s.rows.slice(header + 1, header + 1 + rollup.units.length);
    expect(unitRows.map((r) => [r.cells[1]?.v, r.cells[2]?.v, r.cells[3]?.v, r.cells[11]?.v, r.cells[12]?.v])).toEqual([
      ["xã An Khánh", 4, 2, 0.5, 1],
      ["xã Cao Minh", 5, 1, 0.25, 2],
    ]);
    expect(s.rows[header + 1 + rollup.units.length]!.cells[1]?.v).toBe(M.provinceRow);
    expect(s.conditionalFormats).toEqual([{ type: "dataBar", range: `L${header + 2}:L${header + 3}`, min: 0, max: 1, color: "63BE7B" }]);
    expect(s.autoFilter).toBe(`A${header + 1}:Q${header + 3}`);
    expect(s.freeze).toEqual({ rows: header + 1, cols: 2 });
    expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [header + 1, header + 1] });
  });

  it("Chi tiết: every merged row with its unit and file", () => {
    const s = sheet(M.sheets.detail);
    const header = s.rows.findIndex((r) => r.cells[0]?.v === "STT");
    const body = s.rows.slice(header + 1);
    expect(body).toHaveLength(rollup.rows.length);
    expect(body.map((r) => r.cells[1]?.v)).toEqual(rollup.rows.map((x) => x.unit));
    expect(body.find((r) => r.cells[1]?.v === "xã Cao Minh" && r.cells[2]?.v === "5")!.cells[13]).toMatchObject({ v: M.invalidEvaluation, s: "evalInvalid" });
    expect(s.autoFilter).toMatch(/^A\d+:Q\d+$/);
  });

  it("Chưa nộp, Trùng lặp - Không hợp lệ and Lỗi name the units and files", () => {
    expect(texts(M.sheets.missing)).toEqual(expect.arrayContaining(["xã Hòa Bình", "xã Phú Thịnh"]));
    expect(texts(M.sheets.missing).some((t) => t!.includes("phu-thinh-2025.xlsx"))).toBe(true);
    expect(texts(M.sheets.rejected)).toEqual(expect.arrayContaining(["phu-thinh-2025.xlsx", "ghi-chu.txt"]));
    const findings = texts(M.sheets.findings);
    expect(findings).toEqual(expect.arrayContaining(["cao-minh.xlsx", "phu-thinh-2025.xlsx"]));
  });

  it("Theo lĩnh vực: units × areas with tasks and completion rate", () => {
    const s = sheet(M.sheets.byArea);
    const top = s.rows.find((r) => r.cells[1]?.v === M.byAreaUnit)!;
    expect(top.cells.filter((c) => c && typeof c.v === "string" && c.v !== "").map((c) => c!.v)).toEqual([
      "STT",
      M.byAreaUnit,
      "Cải cách thể chế",
      "Cải cách thủ tục hành chính",
      M.allAreas,
    ]);
    const an = s.rows.find((r) => r.cells[1]?.v === "xã An Khánh")!;
    // Thể chế: tasks 1 (done) and 3; thủ tục: 2 (done) and 4.
    expect(an.cells.slice(2).map((c) => c?.v)).toEqual([2, 0.5, 2, 0.5, 4, 0.5]);
  });

  it("uses Times New Roman throughout", () => {
    const fonts = new Set(Object.entries(PROVINCE_STYLES).filter(([k]) => k !== "meta" && k !== "code").map(([, s]) => s.fontName));
    expect([...fonts]).toEqual(["Times New Roman"]);
  });
});

describe("province workbook round trip", () => {
  it("is recognised and read back into the same figures", () => {
    const rollup = sampleRollup();
    const bytes = fastWriteWorkbook(buildProvinceWorkbook(rollup));
    const grid = readXlsxGridFast(bytes, { file: "tinh.xlsx" });
    expect(isProvinceGrid(grid)).toBe(true);
    const data = readProvinceWorkbook(grid);
    expect(data).toMatchObject({ quarter: 3, year: 2026, asOf: "2026-09-14", expectedGiven: true });
    expect(data.units.map((u) => u.unit)).toEqual(["xã An Khánh", "xã Cao Minh"]);
    expect(data.missing).toEqual(["xã Hòa Bình", "xã Phú Thịnh"]);
    const again = rollupFromProvince(data);
    expect(again.units.map((u) => [u.unit, u.totals, u.rank])).toEqual(rollup.units.map((u) => [u.unit, u.totals, u.rank]));
    expect(again.totals).toEqual(rollup.totals);
    expect(again.missing).toEqual(rollup.missing);
    expect(again.rows.map((r) => [r.unit, r.id, r.standing])).toEqual(rollup.rows.map((r) => [r.unit, r.id, r.standing]));
  });

  it("a tracker is not a province workbook", () => {
    expect(isProvinceGrid(trackerGrid({ rows: rows(["Hoàn thành"]) }))).toBe(false);
  });
});

describe("isReportSheet", () => {
  it.each([
    ["Nhiệm vụ", true],
    ["_meta", true],
    ["Chốt Quý III-2026", true],
    ["Tổng hợp", true],
    ["Chi tiết", true],
    ["Chưa nộp", true],
    ["Hướng dẫn", false],
    ["Danh mục", false],
    ["Kiểm tra", false],
    ["Tổng hợp Quý III-2026", false],
    ["Theo lĩnh vực", false],
    ["Nhiệm vụ × đơn vị", false],
    ["Lỗi", false],
  ])("%s → %s", (name, expected) => {
    expect(isReportSheet(name)).toBe(expected);
  });

  it("a province workbook read with it gives the same report data", () => {
    const bytes = fastWriteWorkbook(buildProvinceWorkbook(sampleRollup()));
    const whole = readProvinceWorkbook(readXlsxGridFast(bytes, { file: "t.xlsx" }));
    const part = readProvinceWorkbook(readXlsxGridFast(bytes, { file: "t.xlsx", sheets: isReportSheet }));
    expect(part).toEqual(whole);
  });
});
