/**
 * Use-case `derivePlan`: the commune's plan from its province's (issue 18). Takes the parsed province plan, the
 * commune and the user's unit-map text; returns the derived Plan and the workbook to write — the editable plan
 * appendix, or directly the commune's tracker (whose _meta keeps each task's province task).
 */
import { planAppendixSpec } from "../derive/appendix.js";
import { derivePlanFromProvince } from "../derive/derive.js";
import { buildUnitMap, parseUnitMapText } from "../derive/unit-map.js";
import { UsageError } from "../errors.js";
import { deriveMessages as M } from "../messages/derive.js";
import type { Plan, ProvinceOnlyTask } from "../plan/index.js";
import { buildTracker } from "../workbook/build-tracker.js";
import type { WorkbookSpec } from "../workbook/spec.js";

/** What derivePlan needs: the province plan, the commune, optional `--map` text, and what to produce. */
export interface DerivePlanInput {
  provincePlan: Plan;
  /** The commune, e.g. "xã Cao Minh". */
  unit: string;
  /** Lines "Sở Nội vụ = Phòng Văn hóa - Xã hội" overriding the built-in map, and the file they came from. */
  mapText?: string;
  mapFile?: string;
  /** "plan": the appendix workbook; "tracker": the commune's tracker; "none": the plan only. */
  output: "plan" | "tracker" | "none";
  /** Tracker year (default: the plan period's first year) and as-of date (YYYY-MM-DD). */
  year?: number;
  asOf?: string;
}

/** What derivePlan returns: the commune plan, the province-only tasks, unmapped units, and the workbook (if asked). */
export interface DerivePlanResult {
  plan: Plan;
  provinceOnly: ProvinceOnlyTask[];
  unmapped: string[];
  workbook: WorkbookSpec | null;
}

/** Derives a commune plan from a province plan; a UsageError when no commune is named. */
export function derivePlan(input: DerivePlanInput): DerivePlanResult {
  const unit = input.unit.trim();
  if (!unit) throw new UsageError(M.missingUnit);
  const overrides = input.mapText === undefined ? [] : parseUnitMapText(input.mapText, input.mapFile);
  const { plan, unmapped } = derivePlanFromProvince(input.provincePlan, { unit, map: buildUnitMap(overrides) });
  if (input.provincePlan.level !== "province" && input.provincePlan.unit) {
    plan.warnings.unshift({ message: M.notProvincePlan(input.provincePlan.unit) });
  }
  const year = input.year ?? Number(plan.period.from.slice(0, 4));
  const asOf = input.asOf ?? plan.period.from;
  const workbook =
    input.output === "plan" ? planAppendixSpec(plan) : input.output === "tracker" ? buildTracker(plan, { unit, year, asOf }) : null;
  return { plan, provinceOnly: plan.derivedFrom?.provinceOnly ?? [], unmapped, workbook };
}
