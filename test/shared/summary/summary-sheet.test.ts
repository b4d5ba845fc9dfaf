import { describe, expect, it } from "vitest";
import { buildSummarySheet } from "../../../shared/summary/summary-sheet.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { fixtureEntries } from "./fixture.js";

function texts(spec: ReturnType<typeof buildSummarySheet>): string[][] {
  return spec.sheets[0]!.rows.map((r) => r.cells.map((c) => (c && typeof c.v !== "object" ? String(c.v ?? "") : c?.v && typeof c.v === "object" && c.v.kind === "date" ? c.v.iso : "")));
}

describe("buildSummarySheet", () => {
  const entries = fixtureEntries();
  const summary = summarise(entries, { quarter: 3, year: 2026 });
  const spec = buildSummarySheet(summary, entries);
  const sheet = spec.sheets[0]!;
  const rows = texts(spec);
  const rowOf = (label: string) => rows.find((r) => r[1] === label || r[0] === label)!;

  it("is named without '/' and prints on A4", () => {
    expect(sheet.name).toBe("Tổng hợp Quý III-2026");
    expect(sheet.print).toMatchObject({ paper: "A4", fitToWidth: true });
    expect(rows[0]![0]).toContain("QUÝ III/2026");
  });

  it("shows the totals table", () => {
    expect(rowOf("Tổng số nhiệm vụ")[2]).toBe("18");
    expect(rowOf("Đã hoàn thành")[2]).toBe("6");
    expect(rowOf("Quá hạn chưa hoàn thành")[2]).toBe("1");
    expect(rowOf("Tỷ lệ hoàn thành (đã trừ nhiệm vụ không thực hiện)")[2]).toBe("0.375");
  });

  it("shows a row per area and per lead with a data bar on the rate", () => {
    const lead = rowOf("Văn phòng HĐND và UBND xã");
    expect(lead.slice(2)).toEqual(["6", "3", "1", "2", "3", "0", "0", "0", "1", "0.5"]);
    expect(rowOf("(Chưa phân lĩnh vực)")[2]).toBe("1");
    const bars = sheet.conditionalFormats.filter((c) => c.type === "dataBar");
    expect(bars).toHaveLength(2);
    for (const bar of bars) {
      const [from, to] = bar.range.split(":").map((a) => Number(a.slice(1)));
      expect(bar.range.startsWith("L")).toBe(true);
      expect(to! - from! + 1).toBeGreaterThanOrEqual(3);
      expect(rows[from! - 1]![11]).toMatch(/^[0-9.]+$/);
    }
  });

  it("describes a bar chart of each group table's rate, beside the report and not overlapping", () => {
    const charts = sheet.charts ?? [];
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ["bar", "Tỷ lệ hoàn thành theo lĩnh vực"],
      ["bar", "Tỷ lệ hoàn thành theo cơ quan chủ trì"],
    ]);
    const groups = [summary.byArea.map((g) => g.area ?? "(Chưa phân lĩnh vực)"), summary.byLead.map((g) => g.unit ?? "(Chưa có cơ quan chủ trì)")];
    const bars = sheet.conditionalFormats.filter((c) => c.type === "dataBar").map((c) => c.range);
    let free = 1;
    charts.forEach((chart, i) => {
      const [, from, to] = /^B(\d+):B(\d+)$/.exec(chart.categories)!.map(Number) as [number, number, number];
      expect(rows.slice(from - 1, to).map((r) => r[1])).toEqual(groups[i]);
      expect(chart.series).toEqual([{ name: "Tỷ lệ hoàn thành", values: `L${from}:L${to}` }]);
      expect(bars[i]).toBe(`L${from}:L${to}`);
      const anchor = /^N(\d+)$/.exec(chart.anchor)!;
      expect(Number(anchor[1])).toBeGreaterThanOrEqual(free);
      free = Number(anchor[1]) + chart.height;
      expect(chart.height).toBeGreaterThanOrEqual(to - from + 1);
    });
  });

  it("lists the overdue, due-next and done tasks with their details", () => {
    const overdue = rows.findIndex((r) => r[0] === "IV. NHIỆM VỤ QUÁ HẠN");
    expect(rows[overdue + 2]!.slice(0, 5)).toEqual(["1", "Nhiệm vụ 3", "3", "Văn phòng HĐND và UBND xã", "2026-06-30"]);
    const next = rows.findIndex((r) => r[0] === "V. NHIỆM VỤ ĐẾN HẠN KỲ TỚI");
    expect(rows.slice(next + 2, next + 6).map((r) => r[2])).toEqual(["4", "9", "15", "18"]);
    const done = rows.findIndex((r) => r[0] === "VI. NHIỆM VỤ HOÀN THÀNH TRONG KỲ");
    expect(rows.slice(done + 2, done + 6).map((r) => [r[2], r[6]])).toEqual([
      ["2", "Hoàn thành quá hạn"],
      ["6", "Hoàn thành đúng hạn"],
      ["8", "Hoàn thành quá hạn"],
      ["10", "Thường xuyên"],
    ]);
  });

  it("makes rows tall enough for a long wrapped task text, so printed lines do not overlap", () => {
    const long = "Xây dựng và triển khai kế hoạch đánh giá, xác định Chỉ số CCHC; đo lường mức độ hài lòng ".repeat(3).trim();
    const withLong = { ...entries, rows: entries.rows.map((e) => (e.id === "3" ? { ...e, title: long } : e)) };
    const built = buildSummarySheet(summarise(withLong, { quarter: 3, year: 2026 }), withLong).sheets[0]!;
    const row = built.rows.find((r) => r?.cells.some((c) => c?.v === long));
    expect(row?.height).toBeGreaterThanOrEqual(45);
  });

  it("warns about invalid entries in the sheet", () => {
    expect(rows.some((r) => r[0]!.includes("1 nhiệm vụ nhập chưa hợp lệ"))).toBe(true);
  });

  it("uses only defined styles and valid merges", () => {
    for (const r of sheet.rows) for (const c of r.cells) if (c?.s) expect(spec.styles[c.s], c.s).toBeDefined();
    for (const m of sheet.merges) expect(m).toMatch(/^[A-L]\d+:[A-L]\d+$/);
    expect(new Set(sheet.merges).size).toBe(sheet.merges.length);
  });
});
