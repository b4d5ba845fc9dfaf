import { describe, expect, it } from "vitest";
import { evaluateTask, evaluationFormula } from "../../../shared/workbook/evaluation.js";

const asOf = "2026-09-14";

describe("evaluateTask", () => {
  it.each([
    // status, due, completedOn, expected
    [null, "2026-12-31", null, "Trong hạn"],
    [null, "2026-09-14", null, "Trong hạn"],
    [null, "2026-06-30", null, "Quá hạn"],
    ["Chưa triển khai", "2026-06-30", null, "Quá hạn"],
    ["Đang thực hiện", "2026-12-31", null, "Trong hạn"],
    ["Đang thực hiện", "2026-03-31", null, "Quá hạn"],
    ["Hoàn thành", "2026-03-31", "2026-03-31", "Hoàn thành đúng hạn"],
    ["Hoàn thành", "2026-03-31", "2026-03-20", "Hoàn thành đúng hạn"],
    ["Hoàn thành", "2026-03-31", "2026-04-01", "Hoàn thành quá hạn"],
    ["Hoàn thành", "2026-12-31", null, "Hoàn thành đúng hạn"],
    ["Hoàn thành", "2026-03-31", null, "Hoàn thành quá hạn"],
    ["  hoàn   thành ", "2026-03-31", "2026-04-01", "Hoàn thành quá hạn"],
    ["Không thực hiện", "2026-03-31", null, "Không thực hiện"],
    ["Không thực hiện", null, null, "Không thực hiện"],
    [null, null, null, "Thường xuyên"],
    ["Hoàn thành", null, "2026-05-01", "Thường xuyên"],
    ["Đang làm", "2026-03-31", null, "Quá hạn"],
  ] as const)("status %j, due %s, completed %s → %s", (status, due, completedOn, expected) => {
    expect(evaluateTask({ status, due, completedOn }, asOf)).toBe(expected);
  });
});

describe("evaluationFormula", () => {
  const formula = evaluationFormula(7, { due: "H", status: "I", completedOn: "K" });

  it("references only its own row and the as-of name", () => {
    expect(formula).toMatchInlineSnapshot(
      `"IF(TRIM(I7)="Không thực hiện","Không thực hiện",IF(ISNUMBER(H7),IF(TRIM(I7)="Hoàn thành",IF(IF(ISNUMBER(K7),INT(K7),NgayBaoCao)<=H7,"Hoàn thành đúng hạn","Hoàn thành quá hạn"),IF(NgayBaoCao<=H7,"Trong hạn","Quá hạn")),"Thường xuyên"))"`,
    );
  });

  it("uses only functions Excel, LibreOffice and Google Sheets share, with comma separators", () => {
    const functions = new Set([...formula.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]));
    expect([...functions].sort()).toEqual(["IF", "INT", "ISNUMBER", "TRIM"]);
    expect(formula).not.toContain(";");
    expect(formula.startsWith("=")).toBe(false);
  });

  it("accepts an absolute reference instead of the defined name", () => {
    const f = evaluationFormula(5, { due: "H", status: "I", completedOn: "K" }, "'Hướng dẫn'!$C$10");
    expect(f).toContain("'Hướng dẫn'!$C$10<=H5");
    expect(f).not.toContain("NgayBaoCao");
  });
});
