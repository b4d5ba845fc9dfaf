import { describe, expect, it } from "vitest";
import { colLetter, formulaString, quoteSheet, rangeRef, sheetRangeRef } from "../../../shared/workbook/a1.js";
import { estimateRowHeight, fitRowHeights, wrappedLines } from "../../../shared/workbook/row-height.js";
import type { CellStyle, SheetSpec } from "../../../shared/workbook/spec.js";

const wrap: CellStyle = { fontName: "Times New Roman", fontSize: 11, wrap: true };
const styles = { wrap, plain: { fontSize: 11 } };

describe("row heights", () => {
  it("counts more lines for longer text and narrower columns, and one line per paragraph at least", () => {
    expect(wrappedLines("ngắn", 20, wrap)).toBe(1);
    expect(wrappedLines("a b c\nd", 20, wrap)).toBe(2);
    const text = "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã";
    expect(wrappedLines(text, 10, wrap)).toBeGreaterThan(wrappedLines(text, 40, wrap));
    expect(wrappedLines(text, 40, wrap)).toBeGreaterThanOrEqual(2);
  });

  it("leaves one-line rows to the host and sizes wrapped ones, counting merged width", () => {
    const long = "x ".repeat(60);
    expect(estimateRowHeight([{ v: "ngắn", s: "wrap" }], [20], styles)).toBeUndefined();
    expect(estimateRowHeight([{ v: long, s: "plain" }], [20], styles)).toBeUndefined();
    const single = estimateRowHeight([{ v: long, s: "wrap" }, null], [20, 40], styles)!;
    const merged = estimateRowHeight([{ v: long, s: "wrap" }, null], [20, 40], styles, new Map([[0, 2]]));
    expect(single).toBeGreaterThan(30);
    expect(merged === undefined || merged < single).toBe(true);
  });

  it("keeps explicit heights that are taller than the text, raises shorter ones, and caps at Excel's 409 points", () => {
    const sheet: SheetSpec = {
      name: "T",
      state: "visible",
      columns: [{ width: 5 }],
      rows: [
        { cells: [{ v: "y ".repeat(5000), s: "wrap" }] },
        { cells: [{ v: "y ".repeat(50), s: "wrap" }], height: 20 },
        { cells: [{ v: "y y", s: "wrap" }, null], height: 30 },
      ],
      merges: [],
      validations: [],
      conditionalFormats: [],
    };
    const fitted = fitRowHeights(sheet, styles);
    const [capped, raised, kept] = fitted.rows.map((r) => r.height);
    expect(capped).toBe(409);
    expect(raised).toBeGreaterThan(100);
    expect(kept).toBe(30);
  });
});

describe("A1 helpers", () => {
  it.each([
    [1, "A"],
    [15, "O"],
    [26, "Z"],
    [27, "AA"],
    [703, "AAA"],
  ])("column %i is %s", (n, letters) => expect(colLetter(n)).toBe(letters));

  it("quotes sheet names and formula strings", () => {
    expect(quoteSheet("Danh mục")).toBe("'Danh mục'");
    expect(quoteSheet("It's")).toBe("'It''s'");
    expect(sheetRangeRef("Danh mục", 2, 1, 5, 1)).toBe("'Danh mục'!$A$2:$A$5");
    expect(rangeRef(3, 2, 3, 2)).toBe("B3");
    expect(formulaString('Nói "có"')).toBe('"Nói ""có"""');
  });
});
