/** A1 helpers, the conditional-format formula rewrite and cell-value conversion of the Sheets renderer. */
import { describe, expect, it } from "vitest";
import { cellsToRects, colLetters, colNumber, parseRange, rectA1 } from "../../../apps-script/src/sheets/a1.js";
import { conditionalFormula } from "../../../apps-script/src/sheets/formula.js";
import { fromSheetsValue, isoToSerial, offsetMs, toSheetsInput } from "../../../apps-script/src/sheets/values.js";

describe("A1", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("column %i is %s and back", (n, letters) => {
    expect(colLetters(n)).toBe(letters);
    expect(colNumber(letters)).toBe(n);
  });

  it.each([
    ["C5", { sheet: null, top: 5, left: 3, bottom: 5, right: 3 }],
    ["$C$5:$A$2", { sheet: null, top: 2, left: 1, bottom: 5, right: 3 }],
    ["'Danh mục'!$A$2:$A$5", { sheet: "Danh mục", top: 2, left: 1, bottom: 5, right: 1 }],
    ["'It''s'!B2", { sheet: "It's", top: 2, left: 2, bottom: 2, right: 2 }],
    ["Sheet1!AA10:AB11", { sheet: "Sheet1", top: 10, left: 27, bottom: 11, right: 28 }],
  ])("parses %s", (ref, want) => expect(parseRange(ref)).toEqual(want));

  it.each(["", "A", "5", "A1:B", "R1C1"])("refuses %j", (ref) => expect(() => parseRange(ref)).toThrow());

  it("covers cells with few rectangles", () => {
    const cells: Array<[number, number]> = [];
    for (let r = 5; r <= 500; r++) for (const c of [9, 10, 11, 12, 13]) cells.push([r, c]);
    cells.push([2, 2], [3, 2], [3, 3], [7, 1]);
    expect(cellsToRects(cells).map(rectA1)).toEqual(["B2", "B3:C3", "I5:M500", "A7"]);
    expect(cellsToRects([])).toEqual([]);
    // Every cell covered exactly once.
    const covered = new Set<string>();
    for (const r of cellsToRects(cells)) for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) {
      const k = `${y},${x}`;
      expect(covered.has(k)).toBe(false);
      covered.add(k);
    }
    expect(covered).toEqual(new Set(cells.map(([y, x]) => `${y},${x}`)));
  });
});

describe("conditional-format formulas", () => {
  const names = [{ name: "NgayBaoCao", ref: "'Hướng dẫn'!$C$10" }];
  it.each([
    ["$K5>NgayBaoCao", "$K5>INDIRECT(\"'Hướng dẫn'!$C$10\")"],
    ["AND($I5<>\"\",$H5<'Hướng dẫn'!$C$10)", "AND($I5<>\"\",$H5<INDIRECT(\"'Hướng dẫn'!$C$10\"))"],
    ["COUNTIF('Nhiệm vụ'!$A$1:$A$9,A1)>1", "COUNTIF($A$1:$A$9,A1)>1"],
    ["\"NgayBaoCao\"=A1", "\"NgayBaoCao\"=A1"],
    ["ngaybaocao+1", "INDIRECT(\"'Hướng dẫn'!$C$10\")+1"],
    ["TODAY()>A1", "TODAY()>A1"],
    ["Other!B2=1", "INDIRECT(\"Other!B2\")=1"],
  ])("%s → %s", (input, want) => expect(conditionalFormula(input, "Nhiệm vụ", names)).toBe(want));
});

describe("cell values", () => {
  it.each([
    [null, ""],
    ["", ""],
    ["2.1", "'2.1"],
    ["=1+1", "'=1+1"],
    ["'x", "''x"],
    [3.5, 3.5],
    [Number.NaN, ""],
    [false, false],
    [{ kind: "date" as const, iso: "2026-03-31" }, 46112],
    [{ kind: "formula" as const, formula: "SUM(A1:A2)" }, "=SUM(A1:A2)"],
    [{ kind: "formula" as const, formula: "=A1" }, "=A1"],
  ])("%j is written as %j", (v, want) => expect(toSheetsInput(v)).toEqual(want));

  it("serials match the spreadsheet epoch", () => {
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2026-01-01")).toBe(46023);
  });

  it.each([
    ["+0700", 7 * 3_600_000],
    ["-0530", -5.5 * 3_600_000],
    ["+14:00", 14 * 3_600_000],
    ["junk", 0],
  ])("zone %s is %i ms", (z, ms) => expect(offsetMs(z)).toBe(ms));

  it("reads dates as UTC midnight of the day shown, empty as null", () => {
    const vnMidnight = new Date(Date.UTC(2026, 2, 30, 17));
    expect(fromSheetsValue(vnMidnight, offsetMs("+0700"))).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(fromSheetsValue("", 0)).toBeNull();
    expect(fromSheetsValue("a", 0)).toBe("a");
    expect(fromSheetsValue(new Date(Number.NaN), 0)).toBeNull();
  });
});
