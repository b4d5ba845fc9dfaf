import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../addin/actions/check.js";
import { createTracker } from "../../../addin/actions/create.js";
import { resolvePeriod } from "../../../addin/actions/period.js";
import { setStatusOnSelection } from "../../../addin/actions/status.js";
import { summariseWorkbook } from "../../../addin/actions/summary.js";
import { AddinError } from "../../../addin/errors.js";
import { excelSerial } from "../../../addin/excel/sheet-plan.js";
import { readWorkbookGrid } from "../../../addin/excel/read.js";
import { readEntries } from "../../../shared/entries/read.js";
import { TASK_FIRST_ROW, taskColumnLetter, taskColumnNumber } from "../../../shared/workbook/build-tracker.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import type { Plan } from "../../../shared/plan/index.js";
import { FakeExcel } from "../fake-excel.js";
import { seedPlan, syntheticPlan } from "../plans.js";

const TODAY = new Date(2026, 2, 10, 9, 30);
const col = taskColumnLetter;
const taskColumnIndex = (key: Parameters<typeof taskColumnNumber>[0]) => taskColumnNumber(key) - 1;

async function trackerIn(plan: Plan, excelApi?: string): Promise<FakeExcel> {
  const excel = new FakeExcel(excelApi ? { excelApi } : {});
  await createTracker(excel, plan, { asOf: "2026-03-14", replace: false });
  excel.syncs = 0;
  excel.runs = 0;
  return excel;
}

/** 1-based rows of the task rows (not group rows) of the generated Nhiệm vụ sheet. */
function taskRows(excel: FakeExcel, plan: Plan): number[] {
  const sheet = excel.model.get(SHEET.tasks);
  const ids = new Set(plan.tasks.map((t) => t.id));
  const rows: number[] = [];
  for (let r = TASK_FIRST_ROW; r < TASK_FIRST_ROW + plan.tasks.length + plan.groups.length + 50; r++) {
    const id = sheet.valueAt(`${col("id")}${r}`);
    if (typeof id === "string" && ids.has(id) && sheet.peek(`${col("evaluation")}${r}`)?.formula) rows.push(r);
  }
  return rows;
}

const plans: Array<[string, () => Plan]> = [
  ["the 23-task province seed", () => seedPlan()],
  ["a 500-task plan", () => syntheticPlan(500)],
];

describe("createTracker", () => {
  it.each(plans)("writes the tracker of %s in one run with 4 syncs, readable back by the core", async (_name, make) => {
    const plan = make();
    const excel = new FakeExcel();
    const result = await createTracker(excel, plan, { asOf: "2026-03-14", replace: false });
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 4, unsynced: 0 });
    expect(result.render.missing).toEqual([]);
    expect(excel.sheetNames()).not.toContain("Sheet1");
    const grid = await readWorkbookGrid(excel);
    const { entries, findings } = readEntries(grid, { asOf: new Date("2026-03-14") });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(entries?.rows.map((e) => e.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(entries?.rows.map((e) => e.title)).toEqual(plan.tasks.map((t) => t.title));
  });
});

describe("setStatusOnSelection", () => {
  it.each(plans)("sets Hoàn thành on every selected task row of %s with 2 syncs", async (_name, make) => {
    const plan = make();
    const excel = await trackerIn(plan);
    const rows = taskRows(excel, plan);
    expect(rows.length).toBe(plan.tasks.length);
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    excel.select(SHEET.tasks, `A${first}:C${last}`);
    const result = await setStatusOnSelection(excel, "Hoàn thành", TODAY);
    expect(result).toEqual({ status: "Hoàn thành", sheet: SHEET.tasks, rows: plan.tasks.length });
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 2, unsynced: 0 });
    const sheet = excel.model.get(SHEET.tasks);
    const today = excelSerial("2026-03-10");
    for (const r of rows) {
      expect(sheet.valueAt(`${col("status")}${r}`)).toBe("Hoàn thành");
      expect(sheet.valueAt(`${col("progress")}${r}`)).toBe(100);
      expect(sheet.valueAt(`${col("completedOn")}${r}`)).toBe(today);
      expect(sheet.valueAt(`${col("updated")}${r}`)).toBe(today);
      expect(sheet.peek(`${col("updated")}${r}`)?.numberFormat).toMatch(/dd\/mm\/yyyy/i);
    }
    expect(sheet.protection.protected).toBe(true);
  });

  it("writes into locked cells of a protected sheet by lifting and restoring its protection in the same batch", async () => {
    const plan = seedPlan();
    const excel = await trackerIn(plan);
    const sheet = excel.model.get(SHEET.tasks);
    const updatedCol = taskColumnIndex("updated");
    // A user (or another program) locked the Cập nhật column.
    sheet.columnFormats.set(updatedCol, { ...(sheet.columnFormats.get(updatedCol) ?? {}), locked: true });
    for (const [key, cell] of sheet.cells) if (key.endsWith(`,${updatedCol}`)) cell.format.locked = true;
    const before = { ...sheet.protection };
    const [r] = taskRows(excel, plan);
    excel.select(SHEET.tasks, `A${r}`);
    await setStatusOnSelection(excel, "Đang thực hiện", TODAY);
    expect(sheet.valueAt(`${col("updated")}${r}`)).toBe(excelSerial("2026-03-10"));
    expect(sheet.protection).toEqual(before);
    expect(excel.syncs).toBe(2);
  });

  it("skips group rows and rows outside the table, and handles several selected areas", async () => {
    const plan = seedPlan("004_0deebdd1aa5ed513.txt");
    const excel = await trackerIn(plan);
    const rows = taskRows(excel, plan);
    const groupRow = TASK_FIRST_ROW;
    expect(rows).not.toContain(groupRow);
    excel.select(SHEET.tasks, `B${groupRow}:B${rows[1]}`, `E${rows[5]}`, "A1:A2");
    const result = await setStatusOnSelection(excel, "Đang thực hiện", TODAY);
    expect(result.rows).toBe(3);
    const sheet = excel.model.get(SHEET.tasks);
    expect(sheet.valueAt(`${col("status")}${groupRow}`)).toBe("");
    expect(sheet.valueAt(`${col("status")}${rows[5]}`)).toBe("Đang thực hiện");
    expect(sheet.valueAt(`${col("status")}${rows[2]}`)).toBe("");
    expect(sheet.valueAt("A1")).not.toBe("Đang thực hiện");
  });

  it("uses the first area only on an Excel without multi-area selections (ExcelApi < 1.9)", async () => {
    const plan = seedPlan();
    const excel = await trackerIn(plan, "1.8");
    const rows = taskRows(excel, plan);
    excel.select(SHEET.tasks, `A${rows[0]}`, `A${rows[3]}`);
    const result = await setStatusOnSelection(excel, "Không thực hiện", TODAY);
    expect(result.rows).toBe(1);
  });

  it("says what to do when no task row is selected, and writes nothing", async () => {
    const excel = await trackerIn(seedPlan());
    excel.select(SHEET.guide, "A1");
    await expect(setStatusOnSelection(excel, "Hoàn thành", TODAY)).rejects.toThrow(AddinError);
    await expect(setStatusOnSelection(excel, "Hoàn thành", TODAY)).rejects.toThrow(/Nhiệm vụ/);
    expect(excel.syncs).toBe(2);
  });

  it("clears the completion date when a finished task is set back to Đang thực hiện", async () => {
    const plan = seedPlan();
    const excel = await trackerIn(plan);
    const [r] = taskRows(excel, plan);
    excel.select(SHEET.tasks, `A${r}`);
    await setStatusOnSelection(excel, "Hoàn thành", TODAY);
    await setStatusOnSelection(excel, "Đang thực hiện", new Date(2026, 2, 12));
    const sheet = excel.model.get(SHEET.tasks);
    expect(sheet.valueAt(`${col("completedOn")}${r}`)).toBe("");
    expect(sheet.valueAt(`${col("updated")}${r}`)).toBe(excelSerial("2026-03-12"));
  });
});

describe("checkWorkbook", () => {
  it.each(plans)("lists the problems of %s on Kiểm tra and selects the first problem cell, with 5 syncs", async (_name, make) => {
    const plan = make();
    const excel = await trackerIn(plan);
    const rows = taskRows(excel, plan);
    const bad = rows[1]!;
    // Typed by a user: Hoàn thành without a completion date or result, and a status not in the list.
    excel.type(SHEET.tasks, `${col("status")}${bad}`, [["Hoàn thành"]]);
    excel.type(SHEET.tasks, `${col("status")}${rows[2]}`, [["xong rồi"]]);
    const result = await checkWorkbook(excel, new Date("2026-03-14"));
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 5, unsynced: 0 });
    expect(result.errors).toBeGreaterThanOrEqual(2);
    expect(result.selected?.sheet).toBe(SHEET.tasks);
    expect(result.selected?.cell).toMatch(new RegExp(`^[A-Z]+${bad}$`));
    expect(excel.activeSheet()).toBe(SHEET.tasks);
    expect(excel.selectedAddress()).toBe(result.selected?.cell);
    const check = excel.model.get(SHEET.check);
    const listed = check.table().flat().filter((v) => typeof v === "string");
    expect(listed.some((v) => (v as string).includes("xong rồi"))).toBe(true);
    expect(excel.sheetNames()).toEqual([SHEET.guide, SHEET.tasks, SHEET.check, SHEET.lists, SHEET.meta]);
  });

  it("refreshes Kiểm tra in place and shows it when nothing is wrong", async () => {
    const excel = await trackerIn(seedPlan());
    await checkWorkbook(excel, new Date("2026-03-14"));
    const names = excel.sheetNames();
    const result = await checkWorkbook(excel, new Date("2026-03-14"));
    expect(excel.sheetNames()).toEqual(names);
    expect(result.errors).toBe(0);
    expect(result.selected).toBeUndefined();
    expect(excel.activeSheet()).toBe(SHEET.check);
  });
});

describe("summariseWorkbook", () => {
  it.each(plans)("writes the quarter's summary of %s with charts by area and by lead unit, with 5 syncs", async (_name, make) => {
    const plan = make();
    const excel = await trackerIn(plan);
    const rows = taskRows(excel, plan);
    excel.select(SHEET.tasks, `A${rows[0]}:A${rows[3]}`);
    await setStatusOnSelection(excel, "Hoàn thành", TODAY);
    for (const r of rows.slice(0, 4)) excel.type(SHEET.tasks, `${col("result")}${r}`, [["Báo cáo số 1/BC-UBND"]]);
    excel.syncs = 0;
    excel.runs = 0;
    const result = await summariseWorkbook(excel, resolvePeriod({}, TODAY));
    expect({ runs: excel.runs, syncs: excel.syncs, unsynced: excel.unsyncedRuns }).toEqual({ runs: 1, syncs: 5, unsynced: 0 });
    expect(result.sheet).toBe("Tổng hợp Quý I-2026");
    expect(result.summary.totals.total).toBe(plan.tasks.length);
    expect(result.summary.totals.done).toBe(4);
    const sheet = excel.model.get(result.sheet);
    expect(excel.activeSheet()).toBe(result.sheet);
    expect(sheet.charts.map((c) => c.title)).toEqual(["Tỷ lệ hoàn thành theo lĩnh vực", "Tỷ lệ hoàn thành theo cơ quan chủ trì"]);
    const [byArea, byLead] = sheet.charts;
    expect(byArea?.series).toHaveLength(1);
    expect(byArea?.series[0]?.xValues).toMatch(/^B\d+:B\d+$/);
    const [from, to] = byArea!.series[0]!.xValues!.slice(1).split(":B").map(Number) as [number, number];
    expect(to - from + 1).toBe(result.summary.byArea.length);
    const areaNames = Array.from({ length: to - from + 1 }, (_, i) => sheet.valueAt(`B${from + i}`));
    expect(areaNames).toEqual(result.summary.byArea.map((a) => a.area ?? expect.any(String)));
    expect(byLead?.series[0]?.values).toMatch(/^L\d+:L\d+$/);
  });

  it("refuses a workbook that is not a tracker with a message, not a crash", async () => {
    const excel = new FakeExcel();
    excel.type("Sheet1", "A1", [["chỉ là một bảng tính"]]);
    await expect(summariseWorkbook(excel, resolvePeriod({}, TODAY))).rejects.toThrow(AddinError);
  });
});

describe("resolvePeriod", () => {
  it.each([
    [new Date(2026, 2, 10), {}, { quarter: 1, year: 2026, asOf: "2026-03-10" }],
    [new Date(2026, 2, 20), {}, { quarter: 2, year: 2026, asOf: "2026-03-20" }],
    [new Date(2025, 11, 16), {}, { quarter: 1, year: 2026, asOf: "2025-12-16" }],
    [new Date(2026, 6, 1), { quarter: 1 as const, year: 2026 }, { quarter: 1, year: 2026, asOf: "2026-03-14" }],
    [new Date(2026, 6, 1), { quarter: 3 as const, year: 2026, asOf: "2026-08-01" }, { quarter: 3, year: 2026, asOf: "2026-08-01" }],
  ])("on %s with %j gives %j", (now, settings, want) => {
    const got = resolvePeriod(settings, now);
    expect({ quarter: got.quarter, year: got.year, asOf: got.asOf.toISOString().slice(0, 10) }).toEqual(want);
  });
});
