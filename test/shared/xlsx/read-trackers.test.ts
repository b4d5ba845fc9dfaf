/** Every tracker the product generates reads back cleanly: the five seeds and the sample plans' layouts. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEntries } from "../../../shared/entries/read.js";
import { parsePlanBytes } from "../../../shared/plan/index.js";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { readXlsxGrid } from "../../../shared/xlsx/read.js";
import { renderWorkbook } from "../../../shared/xlsx/render.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { bulletPlan, hierarchicalPlan } from "../../fixtures/plan-sample.js";
import type { Plan } from "../../../shared/plan/schema.js";

const seeds = path.resolve(import.meta.dirname, "../../../seeds");

async function roundTrip(plan: Plan, file: string) {
  const bytes = await renderWorkbook(buildTracker(plan, { unit: plan.unit ?? "xã Thử", year: 2026, asOf: "2026-09-14" }));
  return readEntries(await readXlsxGrid(bytes, { file }), { asOf: new Date("2026-09-14") });
}

describe("generated trackers read back cleanly", () => {
  it.each([
    ["hierarchical (section and criterion group rows)", hierarchicalPlan],
    ["bullet (area group rows)", bulletPlan],
  ])("%s", async (_name, plan) => {
    const { entries, findings } = await roundTrip(plan, "mau.xlsx");
    expect(findings).toEqual([]);
    expect(entries!.rows.map((e) => e.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(entries!.rows.map((e) => e.leads)).toEqual(plan.tasks.map((t) => t.leads));
    expect(entries!.rows.map((e) => e.due)).toEqual(plan.tasks.map((t) => t.deadline.due));
  });

  it.each(readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f)))("seed %s", async (file) => {
    const plan = await parsePlanBytes(new Uint8Array(readFileSync(path.join(seeds, file))), file);
    const { entries, findings } = await roundTrip(plan, file);
    expect(findings).toEqual([]);
    expect(entries!.rows.map((e) => e.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(entries!.meta.taskIds).toEqual(plan.tasks.map((t) => t.id));
    // Nothing entered yet: every task is not started (or recurring), and the figures add up.
    const s = summarise(entries!, { quarter: 3, year: 2026 });
    expect(s.totals.total).toBe(plan.tasks.length);
    expect(s.totals.notStarted + s.totals.inProgress).toBe(plan.tasks.length);
  });
});
