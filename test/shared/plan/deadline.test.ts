import { describe, expect, it } from "vitest";
import { daysInMonth, parseDeadline, readDeadline } from "../../../shared/plan/deadline.js";

const ctx2026 = { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } };
const ctxPeriod = { year: 2026, period: { from: "2026-01-01", to: "2030-12-31" } };
const ctx2028 = { year: 2028, period: { from: "2028-01-01", to: "2028-12-31" } };

describe("parseDeadline: the table of domain.md", () => {
  it.each([
    // quarters, Roman and Arabic
    ["Quý I/2026", "quarter", "2026-03-31"],
    ["Quý II/2026", "quarter", "2026-06-30"],
    ["Quý III/2026", "quarter", "2026-09-30"],
    ["Quý IV/2026", "quarter", "2026-12-31"],
    ["Quý 1/2026", "quarter", "2026-03-31"],
    ["Quý 2/2026", "quarter", "2026-06-30"],
    ["Quý 3 năm 2026", "quarter", "2026-09-30"],
    ["Quý 4/2026", "quarter", "2026-12-31"],
    ["quý iv/2027", "quarter", "2027-12-31"],
    ["Trong Quý II/2026", "quarter", "2026-06-30"],
    ["Quý I", "quarter", "2026-03-31"],
    // quarter ranges
    ["Quý II-IV/2026", "range", "2026-12-31"],
    ["Quý II - IV/2026", "range", "2026-12-31"],
    ["Quý II – IV/2026", "range", "2026-12-31"],
    ["Quý III, IV/2026", "range", "2026-12-31"],
    ["Quý I-II/2026", "range", "2026-06-30"],
    ["Quý II đến Quý III năm 2026", "range", "2026-09-30"],
    ["Quý I và Quý III/2026", "range", "2026-09-30"],
    ["Quý I/2026 và Quý II/2026", "range", "2026-06-30"],
    ["Quý II, III, IV/2026", "range", "2026-12-31"],
    // months
    ["Tháng 01/2026", "month", "2026-01-31"],
    ["Tháng 6/2026", "month", "2026-06-30"],
    ["Tháng 02/2026", "month", "2026-02-28"],
    ["Tháng 02/2028", "month", "2028-02-29"],
    ["Tháng 12 năm 2026", "month", "2026-12-31"],
    ["Trong tháng 9/2026", "month", "2026-09-30"],
    ["Tháng 6-7/2026", "range", "2026-07-31"],
    // before a date: the day before
    ["Trước 01/6/2026", "date", "2026-05-31"],
    ["Trước 30/11/2026", "date", "2026-11-29"],
    ["Trước ngày 01/01/2027", "date", "2026-12-31"],
    ["Trước 01/3/2028", "date", "2028-02-29"],
    ["Trước 01/3/2026", "date", "2026-02-28"],
    ["Trước tháng 6/2026", "date", "2026-05-31"],
    ["Trước Quý III/2026", "date", "2026-06-30"],
    // a date
    ["Trong ngày 31/12/2026", "date", "2026-12-31"],
    ["15/10/2026", "date", "2026-10-15"],
    ["Ngày 15/10/2026", "date", "2026-10-15"],
    ["15-10-2026", "date", "2026-10-15"],
    ["29/02/2028", "date", "2028-02-29"],
    ["Chậm nhất ngày 15/01/2026", "date", "2026-01-15"],
    // a year
    ["Năm 2026", "year", "2026-12-31"],
    ["Trong năm 2026", "year", "2026-12-31"],
    ["năm 2027", "year", "2027-12-31"],
    ["2026", "year", "2026-12-31"],
    // half year
    ["6 tháng đầu năm 2026", "range", "2026-06-30"],
    ["6 tháng cuối năm 2026", "range", "2026-12-31"],
    ["9 tháng đầu năm 2026", "range", "2026-09-30"],
    // recurring
    ["Thường xuyên", "recurring", null],
    ["Hằng quý", "recurring", null],
    ["Hằng năm", "recurring", null],
    ["Hàng năm", "recurring", null],
    ["Hàng quý", "recurring", null],
    ["Định kỳ", "recurring", null],
    ["thường xuyên", "recurring", null],
    // the plan period
    ["Giai đoạn 2026 - 2030", "period", "2030-12-31"],
    ["Giai đoạn 2026-2030", "period", "2030-12-31"],
    ["2026 - 2030", "period", "2030-12-31"],
  ] as const)("%s → %s %s", (raw, kind, due) => {
    const d = parseDeadline(raw, ctx2026);
    expect(d.kind).toBe(kind);
    expect(d.due).toBe(due);
    expect(d.raw).toBe(raw);
    expect(d.note ?? null).toBeNull();
  });

  it("uses the plan's year for year-less texts", () => {
    expect(parseDeadline("Quý II", ctx2028).due).toBe("2028-06-30");
    expect(parseDeadline("Tháng 2", ctx2028).due).toBe("2028-02-29");
    expect(parseDeadline("Trước 01/3", ctx2028).due).toBe("2028-02-29");
    expect(parseDeadline("6 tháng đầu năm", ctx2028).due).toBe("2028-06-30");
  });
});

describe("parseDeadline: trailing conditions and layout noise", () => {
  it("keeps a bracketed condition as a note and the raw text as written", () => {
    const d = parseDeadline("Quý II/2026 (sau khi Bộ Nội vụ công bố)", ctx2026);
    expect(d).toEqual({
      raw: "Quý II/2026 (sau khi Bộ Nội vụ công bố)",
      kind: "quarter",
      due: "2026-06-30",
      note: "sau khi Bộ Nội vụ công bố",
    });
  });

  it("reads a deadline wrapped over three lines (trap: 'Quý II/2026 (sau' / 'khi Bộ Nội vụ' / 'công bố)')", () => {
    const d = parseDeadline("Quý II/2026 (sau\nkhi Bộ Nội vụ\ncông bố)", ctx2026);
    expect(d.raw).toBe("Quý II/2026 (sau khi Bộ Nội vụ công bố)");
    expect(d.kind).toBe("quarter");
    expect(d.due).toBe("2026-06-30");
    expect(d.note).toBe("sau khi Bộ Nội vụ công bố");
  });

  it("keeps an unbracketed 'sau khi …' tail as a note", () => {
    const d = parseDeadline("Quý III/2026 sau khi có hướng dẫn của tỉnh", ctx2026);
    expect(d.kind).toBe("quarter");
    expect(d.due).toBe("2026-09-30");
    expect(d.note).toBe("sau khi có hướng dẫn của tỉnh");
  });

  it("ignores trailing punctuation and extra spaces", () => {
    expect(parseDeadline("  Quý I/2026; ", ctx2026)).toMatchObject({ raw: "Quý I/2026;", kind: "quarter", due: "2026-03-31" });
    expect(parseDeadline("Năm 2026.", ctx2026).due).toBe("2026-12-31");
  });

  it("reads decomposed (NFD) text like composed text", () => {
    const nfd = "Quý III/2026".normalize("NFD");
    expect(parseDeadline(nfd, ctx2026)).toMatchObject({ raw: "Quý III/2026", kind: "quarter", due: "2026-09-30" });
  });
});

describe("parseDeadline: what it cannot read", () => {
  it.each([
    ["Khi có văn bản hướng dẫn"],
    ["Theo tiến độ của tỉnh"],
    ["Quý V/2026"],
    ["31/02/2026"],
    ["Tháng 13/2026"],
  ])("%s → period, the plan's end, with a note", (raw) => {
    const r = readDeadline(raw, ctxPeriod);
    expect(r.recognised).toBe(false);
    expect(r.deadline.kind).toBe("period");
    expect(r.deadline.due).toBe("2030-12-31");
    expect(r.deadline.raw).toBe(raw);
    expect(r.deadline.note).toMatch(/Không nhận dạng được thời hạn/);
  });

  it("an empty deadline is not recognised and says it was empty", () => {
    const r = readDeadline("   ", ctx2026);
    expect(r.recognised).toBe(false);
    expect(r.deadline).toMatchObject({ raw: "", kind: "period", due: "2026-12-31" });
    expect(r.deadline.note).toMatch(/Không ghi thời hạn/);
  });

  it("a recognised deadline says so", () => {
    expect(readDeadline("Quý I/2026", ctx2026).recognised).toBe(true);
  });
});

describe("daysInMonth", () => {
  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});
