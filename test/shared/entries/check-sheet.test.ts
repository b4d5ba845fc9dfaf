import { describe, expect, it } from "vitest";
import { buildCheckSheet, formatFinding } from "../../../shared/entries/check-sheet.js";
import type { Finding } from "../../../shared/entries/schema.js";

const f = (severity: Finding["severity"], code: string, cell: string | null, taskId: string | null): Finding => ({
  severity, file: "a.xlsx", sheet: "Nhiệm vụ", cell, taskId, code, message: `thông báo ${code}`, hint: `cách sửa ${code}`,
});

describe("buildCheckSheet", () => {
  it("lists errors before warnings with sheet, cell and task", () => {
    const spec = buildCheckSheet([f("warning", "dateAsText", "K5", "1"), f("error", "statusInvalid", "I7", "3")], { subtitle: "a.xlsx" });
    const sheet = spec.sheets[0]!;
    expect(sheet.name).toBe("Kiểm tra");
    const values = sheet.rows.map((r) => r.cells.map((c) => c?.v ?? null));
    expect(values[2]![0]).toBe("1 lỗi, 1 cảnh báo");
    expect(values[4]).toEqual(["STT", "Mức độ", "Tệp", "Trang tính", "Ô", "Mã nhiệm vụ", "Vấn đề", "Cách sửa", "Mã lỗi"]);
    expect(values[5]).toEqual([1, "Lỗi", "a.xlsx", "Nhiệm vụ", "I7", "3", "thông báo statusInvalid", "cách sửa statusInvalid", "statusInvalid"]);
    expect(values[6]!.slice(0, 6)).toEqual([2, "Cảnh báo", "a.xlsx", "Nhiệm vụ", "K5", "1"]);
    expect(sheet.autoFilter).toBe("A5:I7");
    for (const r of sheet.rows) for (const c of r.cells) if (c?.s) expect(spec.styles[c.s]).toBeDefined();
  });

  it("says so when there is nothing to report", () => {
    const values = buildCheckSheet([]).sheets[0]!.rows.map((r) => r.cells.map((c) => c?.v ?? null));
    expect(values[2]![0]).toBe("Không có lỗi hay cảnh báo.");
    expect(values).toHaveLength(5);
  });

  it("formats a finding as one line", () => {
    expect(formatFinding(f("error", "statusInvalid", "K7", "4"))).toBe("Nhiệm vụ!K7 (nhiệm vụ 4): thông báo statusInvalid Cách sửa: cách sửa statusInvalid");
    expect(formatFinding({ ...f("error", "notTracker", null, null), sheet: null })).toBe("a.xlsx: thông báo notTracker Cách sửa: cách sửa notTracker");
  });
});
