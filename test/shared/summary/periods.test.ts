import { describe, expect, it } from "vitest";
import {
  calendarQuarterEnd,
  closeSheetName,
  nextQuarter,
  parseCloseSheetName,
  quarterOfDate,
  quarterPeriod,
  reportPeriod,
  summarySheetName,
} from "../../../shared/summary/periods.js";

describe("reporting periods (Nghị định 09/2019/NĐ-CP)", () => {
  it.each([
    [1, "Quý I/2026", "2025-12-15", "2026-03-14"],
    [2, "Quý II/2026", "2026-03-15", "2026-06-14"],
    [3, "Quý III/2026", "2026-06-15", "2026-09-14"],
    [4, "Quý IV/2026", "2026-09-15", "2026-12-14"],
  ] as const)("quarter %d is %s, %s – %s", (q, label, from, to) => {
    expect(quarterPeriod(q, 2026)).toEqual({ quarter: q, year: 2026, label, from, to });
  });

  it("leaves no gap between consecutive quarters", () => {
    for (const q of [1, 2, 3] as const) {
      const end = new Date(`${quarterPeriod(q, 2026).to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(end.toISOString().slice(0, 10)).toBe(quarterPeriod((q + 1) as 2 | 3 | 4, 2026).from);
    }
    expect(quarterPeriod(4, 2025).to).toBe("2025-12-14");
    expect(quarterPeriod(1, 2026).from).toBe("2025-12-15");
  });

  it.each([
    ["2025-12-14", 4, 2025],
    ["2025-12-15", 1, 2026],
    ["2026-03-14", 1, 2026],
    ["2026-03-15", 2, 2026],
    ["2026-06-14", 2, 2026],
    ["2026-06-15", 3, 2026],
    ["2026-09-14", 3, 2026],
    ["2026-09-15", 4, 2026],
    ["2026-12-14", 4, 2026],
    ["2026-12-31", 1, 2027],
  ] as const)("%s belongs to Q%d/%d", (d, q, y) => {
    expect(quarterOfDate(d)).toEqual({ quarter: q, year: y });
  });

  it("names the periodic reports: Quý I, 6 tháng, Quý III, Năm", () => {
    expect(reportPeriod(1, 2026)).toEqual({ label: "Quý I/2026", from: "2025-12-15", to: "2026-03-14" });
    expect(reportPeriod(2, 2026)).toEqual({ label: "6 tháng đầu năm 2026", from: "2025-12-15", to: "2026-06-14" });
    expect(reportPeriod(3, 2026)).toEqual({ label: "Quý III/2026", from: "2026-06-15", to: "2026-09-14" });
    expect(reportPeriod(4, 2026)).toEqual({ label: "Năm 2026", from: "2025-12-15", to: "2026-12-14" });
  });

  it("steps to the next quarter and its calendar end", () => {
    expect(nextQuarter(3, 2026)).toEqual({ quarter: 4, year: 2026 });
    expect(nextQuarter(4, 2026)).toEqual({ quarter: 1, year: 2027 });
    expect(calendarQuarterEnd(4, 2026)).toBe("2026-12-31");
    expect(calendarQuarterEnd(1, 2027)).toBe("2027-03-31");
  });

  it("names sheets without '/' and within 31 characters, and recognises close sheets", () => {
    for (const q of [1, 2, 3, 4] as const) {
      for (const name of [summarySheetName(q, 2026), closeSheetName(q, 2026)]) {
        expect(name).not.toMatch(/[/\\?*[\]:]/);
        expect(name.length).toBeLessThanOrEqual(31);
      }
      expect(parseCloseSheetName(closeSheetName(q, 2026))).toEqual({ quarter: q, year: 2026 });
    }
    expect(summarySheetName(3, 2026)).toBe("Tổng hợp Quý III-2026");
    expect(closeSheetName(3, 2026)).toBe("Chốt Quý III-2026");
    expect(parseCloseSheetName("chot quy iii 2026")).toEqual({ quarter: 3, year: 2026 });
    expect(parseCloseSheetName("Tổng hợp Quý III-2026")).toBeNull();
    expect(parseCloseSheetName("Chốt Quý V-2026")).toBeNull();
  });
});
