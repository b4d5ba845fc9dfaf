import { describe, expect, it } from "vitest";
import { colLetter, colNumber, parseCellRef, splitSheetRef } from "../../../shared/workbook/a1.js";
import { excelSerialToIso, formatViDate, isoToExcelSerial } from "../../../shared/workbook/dates.js";

describe("A1 core", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %d is %s and back", (n, letters) => {
    expect(colLetter(n)).toBe(letters);
    expect(colNumber(letters)).toBe(n);
    expect(colNumber(letters.toLowerCase())).toBe(n);
  });

  it.each([
    ["C5", { row: 5, col: 3 }],
    ["$AA$10", { row: 10, col: 27 }],
    ["A", undefined],
    ["5", undefined],
    ["A1:B2", undefined],
  ])("cell %s is %j", (ref, want) => expect(parseCellRef(ref)).toEqual(want));

  it.each([
    ["'Danh mục'!$A$2:$A$5", { sheet: "Danh mục", address: "$A$2:$A$5" }],
    ["'Kế hoạch ''2026'''!B3", { sheet: "Kế hoạch '2026'", address: "B3" }],
    ["Sheet1!A1", { sheet: "Sheet1", address: "A1" }],
    ["B2:D9", { address: "B2:D9" }],
  ])("splits %s", (ref, want) => expect(splitSheetRef(ref)).toEqual(want));
});

describe("serial dates", () => {
  it.each([
    ["1900-03-01", 61],
    ["2026-01-01", 46023],
    ["2026-03-14", 46095],
  ])("%s is serial %d and back", (iso, serial) => {
    expect(isoToExcelSerial(iso)).toBe(serial);
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it("shows dates as dd/mm/yyyy", () => expect(formatViDate("2026-03-31")).toBe("31/03/2026"));
});
