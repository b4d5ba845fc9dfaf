/**
 * Tạo sổ theo dõi: a plan (pasted text or a chosen file) becomes the tracker, written into the open workbook with
 * the same builder the command line uses. One Excel.run, four syncs whatever the number of tasks.
 */
import { parsePlanBytes, parsePlanText, type Plan } from "../../shared/plan/index.js";
import { buildTracker } from "../../shared/workbook/build-tracker.js";
import type { IsoDate } from "../../shared/plan/schema.js";
import type { ExcelHost } from "../excel/host.js";
import { renderWorkbookSpec, type RenderReport } from "../excel/render.js";

/** Where the plan comes from. */
export type PlanSource = { kind: "text"; text: string; fileName?: string } | { kind: "file"; bytes: Uint8Array; fileName: string };

/** Choices of the task pane. */
export interface CreateOptions {
  /** The unit that tracks the plan; default the plan's own unit. */
  unit?: string;
  /** The plan year; default the year the plan's period ends. */
  year?: number;
  /** The as-of date written into the tracker. */
  asOf: IsoDate;
  /** Replace the tracker's sheets if the workbook already has them (else refuse). */
  replace: boolean;
}

/** What was created. */
export interface CreateResult {
  plan: Plan;
  unit: string;
  year: number;
  render: RenderReport;
}

/** Reads the plan (throws UnusableInputError when there is none). */
export async function readPlan(source: PlanSource): Promise<Plan> {
  if (source.kind === "text") return parsePlanText(source.text, source.fileName ? { fileName: source.fileName } : {});
  return parsePlanBytes(source.bytes, source.fileName);
}

/** Builds the tracker of a plan and writes it into the open workbook (a blank new workbook's sheet is dropped). */
export async function createTracker(host: ExcelHost, plan: Plan, opts: CreateOptions): Promise<CreateResult> {
  const unit = opts.unit?.trim() || plan.unit || plan.issuer || "";
  const year = opts.year ?? Number(plan.period.to.slice(0, 4));
  const spec = buildTracker(plan, { unit, year, asOf: opts.asOf });
  const render = await renderWorkbookSpec(host, spec, { existing: opts.replace ? "replace" : "fail", dropBlankSheet: true });
  return { plan, unit, year, render };
}
