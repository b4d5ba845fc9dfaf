import { describe, expect, it } from "vitest";
import { standingOf } from "../../../shared/summary/evaluate.js";
import { quarterPeriod } from "../../../shared/summary/periods.js";
import { Summary, summarise, type Totals } from "../../../shared/summary/summarise.js";
import { evaluateTask } from "../../../shared/workbook/evaluation.js";
import { A, B, BO_MAY, C, CHI_DAO, CONG_VU, SO, TAI_CHINH, THE_CHE, TTHC, fixtureEntries } from "./fixture.js";

/** Totals from a row of the hand-computed table. */
function T(
  total: number, done: number, doneOnTime: number, doneLate: number, inProgress: number, notStarted: number,
  dropped: number, invalid: number, overdue: number, doneInPeriod: number, completionRate: number,
): Totals {
  return { total, done, doneOnTime, doneLate, inProgress, notStarted, dropped, invalid, overdue, doneInPeriod, completionRate };
}

describe("summarise Quý III/2026 (hand-computed)", () => {
  const summary = summarise(fixtureEntries(), { quarter: 3, year: 2026 });

  it("matches the JSON contract", () => {
    expect(Summary.parse(summary)).toEqual(summary);
    expect(summary.period).toEqual({ label: "Quý III/2026", from: "2026-06-15", to: "2026-09-14", quarter: 3, year: 2026 });
    expect(summary.asOf).toBe("2026-09-14");
    expect(summary.source).toBe("live");
  });

  it("totals, cumulative as of the cut-off", () => {
    //                        tot done ot late prog not drop inv over inPer rate = 6 / (18 − 2)
    expect(summary.totals).toEqual(T(18, 6, 4, 2, 5, 4, 2, 1, 1, 4, 0.375));
    const t = summary.totals;
    expect(t.done + t.inProgress + t.notStarted + t.dropped + t.invalid).toBe(t.total);
  });

  it("by area, in the order of the reform areas, unclassified last", () => {
    expect(summary.byArea).toEqual([
      { area: CHI_DAO, totals: T(3, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0.3333) },
      { area: THE_CHE, totals: T(2, 2, 1, 1, 0, 0, 0, 0, 0, 1, 1) },
      { area: TTHC, totals: T(3, 0, 0, 0, 2, 1, 0, 0, 1, 0, 0) },
      { area: BO_MAY, totals: T(2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0) },
      { area: CONG_VU, totals: T(2, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0) },
      { area: TAI_CHINH, totals: T(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) },
      { area: SO, totals: T(4, 3, 2, 1, 1, 0, 0, 0, 0, 2, 0.75) },
      { area: null, totals: T(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0) },
    ]);
  });

  it("by lead unit: the two-lead task counts for both", () => {
    expect(summary.byLead).toEqual([
      { unit: A, totals: T(7, 4, 3, 1, 0, 1, 1, 1, 0, 3, 0.6667) },
      { unit: B, totals: T(6, 3, 1, 2, 3, 0, 0, 0, 1, 2, 0.5) },
      { unit: C, totals: T(6, 0, 0, 0, 2, 3, 1, 0, 0, 0, 0) },
    ]);
    expect(summary.byLead.reduce((n, g) => n + g.totals.total, 0)).toBe(summary.totals.total + 1);
  });

  it("lists overdue, due next period, done in period and invalid tasks", () => {
    expect(summary.overdueTasks).toEqual(["3"]);
    expect(summary.dueNextPeriod).toEqual(["4", "9", "15", "18"]);
    expect(summary.doneInPeriodTasks).toEqual(["2", "6", "8", "10"]);
    expect(summary.invalidTasks).toEqual(["17"]);
  });
});

describe("summarise other quarters of the same entries", () => {
  const entries = fixtureEntries();

  it("Quý II/2026: done after the cut-off is not done yet; recurring done in May counts", () => {
    const s = summarise(entries, { quarter: 2, year: 2026 });
    expect(s.asOf).toBe("2026-06-14");
    expect(s.report.label).toBe("6 tháng đầu năm 2026");
    // done by 14/06: 1 (20/03), 7 (14/06), 11 (recurring, 10/05 in period); 2, 6, 8, 9, 10 not yet.
    expect(s.totals).toMatchObject({ done: 3, doneOnTime: 3, doneLate: 0, doneInPeriod: 3, dropped: 2, invalid: 1 });
    expect(s.doneInPeriodTasks).toEqual(["1", "7", "11"]);
    // overdue on 14/06: only 17 is past due (31/05) but it is invalid, so none.
    expect(s.overdueTasks).toEqual([]);
    // due after 14/06 and by 30/09: 2, 3, 6, 8 (done later), 4, 5, 9, 18.
    expect(s.dueNextPeriod).toEqual(["2", "3", "4", "5", "6", "8", "9", "18"]);
  });

  it("an explicit as-of date moves the cumulative figures", () => {
    const s = summarise(entries, { quarter: 3, year: 2026, asOf: new Date("2026-09-15T00:00:00Z") });
    expect(s.asOf).toBe("2026-09-15");
    // 9 is now done (15/09 ≤ 30/09) but outside the period; 5 (due 14/09) is overdue.
    expect(s.totals).toMatchObject({ done: 7, doneOnTime: 5, overdue: 2, doneInPeriod: 4 });
    expect(s.overdueTasks).toEqual(["3", "5"]);
  });

  it("counts task rows deleted from the sheet (ids still in _meta) in the total, as invalid", () => {
    const all = fixtureEntries();
    const ids = all.rows.map((e) => e.id);
    const kept = all.rows.filter((e) => e.id !== "2" && e.id !== "4");
    const s = summarise({ ...all, meta: { ...all.meta, taskIds: ids }, rows: kept }, { quarter: 3, year: 2026 });
    const full = summarise({ ...all, meta: { ...all.meta, taskIds: ids } }, { quarter: 3, year: 2026 });
    expect(s.totals.total).toBe(full.totals.total);
    expect(s.totals.invalid).toBe(full.totals.invalid + 2);
    expect(s.invalidTasks).toEqual(expect.arrayContaining(["2", "4"]));
    const t = s.totals;
    expect(t.done + t.inProgress + t.notStarted + t.dropped + t.invalid).toBe(t.total);
  });

  it("gives a rate of 0, not NaN, when every task is dropped", () => {
    const only = fixtureEntries().rows.filter((e) => e.status === "Không thực hiện");
    const s = summarise({ ...entries, meta: { ...entries.meta, taskIds: only.map((e) => e.id) }, rows: only }, { quarter: 3, year: 2026 });
    expect(s.totals).toMatchObject({ total: 2, dropped: 2, completionRate: 0 });
  });
});

describe("evaluation agrees with the tracker's Đánh giá formula", () => {
  const entries = fixtureEntries();
  it.each(["2026-01-31", "2026-03-31", "2026-06-14", "2026-06-30", "2026-09-14", "2026-09-30", "2026-12-31"])("as of %s", (asOf) => {
    const period = quarterPeriod(3, 2026);
    for (const e of entries.rows.filter((x) => x.valid)) {
      // Entries valid on that date: nothing completed after it.
      if (e.completedOn && e.completedOn > asOf) continue;
      const mine = standingOf(e, asOf, period).evaluation;
      expect([e.id, mine]).toEqual([e.id, evaluateTask({ status: e.status, due: e.due, completedOn: e.completedOn }, asOf)]);
    }
  });
});
