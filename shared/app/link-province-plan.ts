/**
 * Use-case `linkToProvincePlan`: links merged commune task rows to the province plan (the trackers' own links,
 * the officer's links file, else the text) and counts per province task (issue 18).
 */
import { parseLinksText, provinceTaskView, type ProvinceTaskView } from "../merge/province-tasks.js";
import type { MergedRow } from "../merge/schema.js";
import type { Plan } from "../plan/index.js";

/** The merged rows, the province plan, and optionally the links file's text (and name, for messages). */
export interface LinkToProvincePlanInput {
  rows: readonly MergedRow[];
  provincePlan: Plan;
  linksText?: string;
  linksFile?: string;
}

/** Links every row and counts per province task. */
export function linkToProvincePlan(input: LinkToProvincePlanInput): ProvinceTaskView {
  const overrides = input.linksText === undefined ? new Map<string, string | null>() : parseLinksText(input.linksText, input.linksFile);
  return provinceTaskView(input.rows, input.provincePlan.tasks, overrides);
}
