import { describe, expect, it } from "vitest";
import {
  addDays,
  excelSerialToIso,
  formatViDate,
  isoFromDateCell,
  isoToExcelSerial,
  parseTextDate,
  readDateCell,
} from "../../../shared/entries/dates.js";

describe("Excel serial dates", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [46096, "2026-03-15"],
    [46096.75, "2026-03-15"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it.each([0, -5, 2958466, Number.NaN])("serial %d is not a date", (serial) => {
    expect(excelSerialToIso(serial)).toBeNull();
  });

  it("round-trips ISO dates through serials", () => {
    for (const iso of ["2025-12-15", "2026-02-28", "2026-03-14", "2028-02-29"]) {
      expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso);
    }
  });
});

describe("text dates", () => {
  it.each([
    ["15/03/2026", "2026-03-15"],
    ["15/3/2026", "2026-03-15"],
    ["5/3/2026", "2026-03-05"],
    ["15-03-2026", "2026-03-15"],
    ["15.03.2026", "2026-03-15"],
    [" 15 / 03 / 2026 ", "2026-03-15"],
    ["2026-03-15", "2026-03-15"],
    ["15/03/2026 00:00:00", "2026-03-15"],
    ["ngày 15 tháng 3 năm 2026", "2026-03-15"],
    ["29/02/2028", "2028-02-29"],
  ])("%s → %s", (text, iso) => {
    expect(parseTextDate(text)).toBe(iso);
  });

  it.each(["31/02/2026", "15/13/2026", "15/03/26", "15/03-2026", "hôm qua", "2026", "", "00/01/2026"])("%s is not a date", (text) => {
    expect(parseTextDate(text)).toBeNull();
  });
});

describe("readDateCell", () => {
  it("reads each kind of cell", () => {
    expect(readDateCell(null)).toEqual({ kind: "empty" });
    expect(readDateCell("  ")).toEqual({ kind: "empty" });
    expect(readDateCell(new Date("2026-03-15T00:00:00Z"))).toEqual({ kind: "date", iso: "2026-03-15", asText: false });
    expect(readDateCell(46096)).toEqual({ kind: "date", iso: "2026-03-15", asText: false });
    expect(readDateCell("15-03-2026")).toEqual({ kind: "date", iso: "2026-03-15", asText: true });
    expect(readDateCell("sắp xong")).toEqual({ kind: "invalid", text: "sắp xong" });
    expect(readDateCell(true)).toEqual({ kind: "invalid", text: "true" });
  });

  it("takes a local-midnight Date from Apps Script (UTC+7) as the intended day", () => {
    // 15/03/2026 00:00 in Asia/Ho_Chi_Minh is 14/03/2026 17:00 UTC.
    expect(isoFromDateCell(new Date("2026-03-14T17:00:00Z"))).toBe("2026-03-15");
    // 15/03/2026 00:00 in UTC−5 is 05:00 UTC the same day.
    expect(isoFromDateCell(new Date("2026-03-15T05:00:00Z"))).toBe("2026-03-15");
  });

  it("formats and shifts dates", () => {
    expect(formatViDate("2026-03-05")).toBe("05/03/2026");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("tidyText", () => {
  it.each([
    ["  Kế hoạch   số 12 ", "Kế hoạch số 12"],
    ["Dòng 1 \r\n  Dòng 2", "Dòng 1\nDòng 2"],
    ["a\u00a0b", "a b"],
    ["Hoa\u0300", "Hoà"],
    ["đã gọn", "đã gọn"],
  ])("%j → %j", async (input, output) => {
    const { tidyText } = await import("../../../shared/entries/normalize.js");
    expect(tidyText(input)).toBe(output);
  });
});
