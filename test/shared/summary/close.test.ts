import { describe, expect, it } from "vitest";
import { readEntries } from "../../../shared/entries/read.js";
import { buildCloseSheet, snapshotAsOf } from "../../../shared/summary/close.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { specToGrid, trackerGrid, date, type RowValues } from "../entries/tracker-grid.js";
import { ROWS } from "./fixture.js";

const today = new Date("2026-11-21T00:00:00Z");

/** The fixture tracker with its Q3 close sheet added, read back as a host would. */
function closedTracker(rows: RowValues[] = ROWS, closeFrom: RowValues[] = ROWS) {
  const before = readEntries(trackerGrid({ rows: closeFrom }), { asOf: today }).entries!;
  const spec = buildCloseSheet(before, { quarter: 3, year: 2026, closedOn: new Date(2026, 8, 20) });
  const closeGrid = specToGrid(spec);
  const grid = trackerGrid({ rows, extraSheets: closeGrid.sheets });
  return { grid, spec, before };
}

describe("quarter close (chốt quý)", () => {
  it("writes a protected sheet with every task and the cut-off", () => {
    const { spec, before } = closedTracker();
    const sheet = spec.sheets[0]!;
    expect(sheet.name).toBe("Chốt Quý III-2026");
    expect(sheet.protection).toBeDefined();
    expect(sheet.role).toBe("close");
    const headerRow = sheet.freeze!.rows;
    expect(sheet.rows.length - headerRow).toBe(before.rows.length);
  });

  it("makes rows tall enough for a long wrapped task text, so printed lines do not overlap", () => {
    const long = "Xây dựng và triển khai kế hoạch đánh giá, xác định Chỉ số CCHC; đo lường mức độ hài lòng ".repeat(3).trim();
    const rows = ROWS.map((r) => (r.id === "1" ? { ...r, title: long } : r));
    const { spec } = closedTracker(rows, rows);
    const row = spec.sheets[0]!.rows.find((r) => r?.cells.some((c) => c?.v === long));
    expect(row?.height).toBeGreaterThanOrEqual(45);
  });

  it("gives the period block's labels room: column A is wide enough and their rows wrap rather than cut", () => {
    const sheet = closedTracker().spec.sheets[0]!;
    expect(sheet.columns[0]!.width).toBeGreaterThanOrEqual(12);
    const label = sheet.rows.find((r) => r?.cells[0]?.v === "Số liệu tính đến ngày")!;
    expect(label.height).toBeGreaterThanOrEqual(28);
  });

  it("is read back with the same figures as the live summary at closing time", () => {
    const { grid, before } = closedTracker();
    const { entries, findings } = readEntries(grid, { asOf: today });
    expect(findings.filter((f) => f.sheet === "Chốt Quý III-2026")).toEqual([]);
    expect(entries!.closes).toHaveLength(1);
    const close = entries!.closes[0]!;
    expect(close).toMatchObject({ quarter: 3, year: 2026, from: "2026-06-15", to: "2026-09-14", asOf: "2026-09-14", closedOn: "2026-09-20", intact: true });
    const live = summarise(before, { quarter: 3, year: 2026 });
    const closed = summarise(entries!, { quarter: 3, year: 2026 });
    expect(closed.source).toBe("closed");
    expect(closed.closedSheet).toBe("Chốt Quý III-2026");
    expect({ ...closed, source: "live", closedSheet: null }).toEqual(live);
  });

  it("freezes the quarter: later edits to the live rows do not change its summary", () => {
    const edited = ROWS.map((r) => ({ ...r }));
    // Task 3 (overdue) is marked done with a back-dated completion; task 2's completion is moved; task 17 is fixed.
    Object.assign(edited[2]!, { status: "Hoàn thành", completedOn: date("2026-09-01"), progress: 100, result: "Báo cáo số 5" });
    Object.assign(edited[1]!, { completedOn: date("2026-06-20") });
    Object.assign(edited[16]!, { status: "Hoàn thành", completedOn: date("2026-05-30"), progress: 100, result: "QĐ 9" });
    const { grid, before } = closedTracker(edited, ROWS);
    const { entries } = readEntries(grid, { asOf: today });
    const frozen = summarise(entries!, { quarter: 3, year: 2026 });
    const original = summarise(before, { quarter: 3, year: 2026 });
    expect(frozen.totals).toEqual(original.totals);
    expect(frozen.overdueTasks).toEqual(["3"]);
    // The live rows did change, and a summary that ignores the close sees it.
    const live = summarise(entries!, { quarter: 3, year: 2026, useClosed: false });
    expect(live.totals.overdue).toBe(0);
    expect(live.totals.invalid).toBe(0);
    // Another quarter is not frozen.
    expect(summarise(entries!, { quarter: 4, year: 2026 }).source).toBe("live");
  });

  it("records a task completed after the cut-off as still in progress", () => {
    const entries = readEntries(trackerGrid({ rows: ROWS }), { asOf: today }).entries!;
    const nine = entries.rows.find((e) => e.id === "9")!;
    expect(snapshotAsOf(nine, "2026-09-14")).toMatchObject({ status: "Đang thực hiện", completedOn: null, result: null, progress: null });
    expect(snapshotAsOf(nine, "2026-09-15")).toEqual(nine);
  });

  it("keeps an invalid row invalid in the frozen copy", () => {
    const { grid } = closedTracker();
    const close = readEntries(grid, { asOf: today }).entries!.closes[0]!;
    expect(close.rows.find((e) => e.id === "17")!.valid).toBe(false);
  });

  it("notices frozen values edited after closing", () => {
    const { grid } = closedTracker();
    const sheet = grid.sheets.find((s) => s.name === "Chốt Quý III-2026")!;
    const statusCol = sheet.values[9]!.indexOf("Trạng thái");
    sheet.values[10 + 2]![statusCol] = "Hoàn thành";
    const { entries, findings } = readEntries(grid, { asOf: today });
    expect(entries!.closes[0]!.intact).toBe(false);
    expect(findings.map((f) => [f.severity, f.code, f.sheet])).toContainEqual(["warning", "closeTampered", "Chốt Quý III-2026"]);
  });
});
