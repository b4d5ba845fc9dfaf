import { describe, expect, it } from "vitest";
import { cellAddress, columnIndex, columnName, offsetCell, parseAddress, rectAddress, splitAreas, splitSheetAddress } from "../../../addin/excel/a1.js";
import { columnWidthPoints, excelSerial, substituteNames } from "../../../addin/excel/sheet-plan.js";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (i, name) => {
    expect(columnName(i)).toBe(name);
    expect(columnIndex(name)).toBe(i);
  });

  it.each([
    ["K7", { top: 6, left: 10, bottom: 6, right: 10 }],
    ["$B$2:$D$9", { top: 1, left: 1, bottom: 8, right: 3 }],
    ["D9:B2", { top: 1, left: 1, bottom: 8, right: 3 }],
    ["C:C", { top: 0, left: 2, bottom: 1_048_575, right: 2 }],
    ["3:5", { top: 2, left: 0, bottom: 4, right: 16_383 }],
    ["Sheet1", undefined],
    ["A1:B2:C3", undefined],
  ])("parses %s", (address, rect) => {
    expect(parseAddress(address)).toEqual(rect);
  });

  it("writes cells, rectangles and offsets", () => {
    expect(cellAddress(6, 10)).toBe("K7");
    expect(rectAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
    expect(rectAddress({ top: 4, left: 0, bottom: 9, right: 14 })).toBe("A5:O10");
    expect(offsetCell("H2", 14, 7)).toBe("O16");
  });

  it.each([
    ["'Danh mục'!$A$2:$A$5", { sheet: "Danh mục", address: "$A$2:$A$5" }],
    ["'It''s'!B3", { sheet: "It's", address: "B3" }],
    ["Sheet1!A1", { sheet: "Sheet1", address: "A1" }],
    ["A1", { address: "A1" }],
  ])("splits %s", (ref, want) => {
    expect(splitSheetAddress(ref)).toEqual(want);
  });

  it.each([
    ["'Nhiệm vụ'!A5:C9,'Nhiệm vụ'!E12", ["'Nhiệm vụ'!A5:C9", "'Nhiệm vụ'!E12"]],
    ["'Kế hoạch, 2026'!A1,'Kế hoạch, 2026'!B2", ["'Kế hoạch, 2026'!A1", "'Kế hoạch, 2026'!B2"]],
    ["Sheet1!A1", ["Sheet1!A1"]],
  ])("splits the areas of %s", (address, areas) => {
    expect(splitAreas(address)).toEqual(areas);
  });
});

describe("sheet-plan helpers", () => {
  it.each([
    ["1900-03-01", 61],
    ["2026-03-14", 46095],
    ["2026-12-31", 46387],
  ])("Excel serial of %s is %i", (iso, serial) => {
    expect(excelSerial(iso)).toBe(serial);
  });

  it("converts character widths to points like Excel (Calibri 11)", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(50)).toBe(266.25);
  });

  it("replaces defined names in formulas but not inside text or longer names", () => {
    const names = new Map([["NgayBaoCao", "'Hướng dẫn'!$C$10"]]);
    expect(substituteNames('IF(NgayBaoCao<=H5,"NgayBaoCao",NgayBaoCao2+NgayBaoCao)', names)).toBe(
      `IF('Hướng dẫn'!$C$10<=H5,"NgayBaoCao",NgayBaoCao2+'Hướng dẫn'!$C$10)`,
    );
  });
});
