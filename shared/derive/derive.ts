/**
 * A commune's plan from its province's (issue 18): the province tasks a commune carries out, their units mapped to
 * the commune's departments, wording adapted, deadlines kept, each task carrying `provinceTaskId`; the
 * province-only tasks are listed for the officer to decide.
 */
import { deriveMessages as M } from "../messages/derive.js";
import { planId, type ParseWarning, type Plan, type ProvinceOnlyTask, type Task } from "../plan/index.js";
import { canonicalUnit } from "../plan/units.js";
import { COMMUNE_OFFICE, isCollective, mapUnit, type UnitMap } from "./unit-map.js";
import { adaptWording } from "./wording.js";

/** Options of a derivation: the commune ("xã Cao Minh") and the unit map (built-in + `--map`). */
export interface DeriveOptions {
  unit: string;
  map: UnitMap;
}

/** Fold for the addressee tests: lower case, no diacritics. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

// Addressed to communes: "UBND cấp xã", "UBND các xã, phường", "các cơ quan, đơn vị, địa phương".
const TO_COMMUNES = /(?:^|[^a-z])(cap xa|cac xa|ubnd xa|ubnd phuong|dia phuong|xa, phuong)(?![a-z])/;
// Addressed to every unit: the departments as a whole, not only "the ones concerned" (… liên quan).
const TO_EVERY_UNIT = /^cac (so, ban, nganh|so, nganh|co quan, don vi)$/;
// The task concerns the whole territory, every commune of which does its share.
const WHOLE_TERRITORY = /tren dia ban tinh|cac xa, phuong|cap xa|co quan, don vi, dia phuong/;

/** Why a province task is not carried by a commune, or null when it is. */
export function provinceOnlyReason(task: Task): string | null {
  const units = [...task.leads, ...task.partners].map(fold);
  if (units.some((u) => TO_COMMUNES.test(u))) return null;
  if (units.some((u) => TO_EVERY_UNIT.test(u))) return null;
  if (WHOLE_TERRITORY.test(fold(task.title))) return null;
  return M.provinceOnlyReason;
}

/** Maps a list of units; "self" entries dropped, unmapped province units reported. */
function mapUnits(units: readonly string[], task: Task, opts: DeriveOptions, unmapped: Set<string>): { mapped: string[]; self: boolean } {
  const mapped: string[] = [];
  let self = false;
  for (const unit of units) {
    const to = mapUnit(opts.map, unit, task.title);
    if (to === "self") self = true;
    else if (to === null) unmapped.add(unit);
    else if (!mapped.includes(to)) mapped.push(to);
  }
  return { mapped, self };
}

/**
 * The commune's lead and partner units for a province task. A lead with no commune counterpart gives way to the
 * commune's office; when every lead is a collective ("Các sở, ban, ngành") and a partner is one department, that
 * department's counterpart leads (at a commune one department must own the task).
 */
function communeUnits(task: Task, opts: DeriveOptions, unmapped: Set<string>): { leads: string[]; partners: string[] } {
  const leadsMapped = mapUnits(task.leads, task, opts, unmapped);
  const partnersMapped = mapUnits(task.partners, task, opts, unmapped);
  let leads = leadsMapped.mapped;
  let partners = partnersMapped.mapped;
  const specificPartner = partners.find((p) => !isCollective(p));
  if (leads.length > 0 && leads.every(isCollective) && specificPartner) {
    partners = [...leads, ...partners.filter((p) => p !== specificPartner)];
    leads = [specificPartner];
  }
  if (leads.length === 0) leads = [COMMUNE_OFFICE];
  partners = partners.filter((p) => !leads.includes(p));
  return { leads, partners };
}

/** What a derivation gives: the commune plan, and the province units no map named (they left a warning). */
export interface Derivation {
  plan: Plan;
  unmapped: string[];
}

/** One derived task: province task → commune task (new id when the plan is flat; the province id is kept). */
function deriveTask(task: Task, id: string, opts: DeriveOptions, unmapped: Set<string>): Task {
  const { leads, partners } = communeUnits(task, opts, unmapped);
  return {
    ...task,
    id,
    title: adaptWording(task.title, opts.unit),
    requirement: task.requirement === null ? null : adaptWording(task.requirement, opts.unit),
    leads,
    partners,
    provinceTaskId: task.id,
  };
}

/** The derived plan's title: the province's with the commune in place of the province, or a plain one. */
function derivedTitle(province: Plan, unit: string): string {
  const place = province.unit;
  if (place && province.title.includes(place)) return province.title.replace(place, unit);
  return M.derivedTitle(unit, province.period.from.slice(0, 4), province.period.to.slice(0, 4));
}

/**
 * Derives the commune plan: every province task a commune carries out, in the province's order, renumbered 1…N
 * when the plan is flat (hierarchical ids are kept, they encode the groups), with `provinceTaskId`; the others in
 * `derivedFrom.provinceOnly`.
 */
export function derivePlanFromProvince(province: Plan, opts: DeriveOptions): Derivation {
  const unit = opts.unit.trim();
  const unmapped = new Set<string>();
  const provinceOnly: ProvinceOnlyTask[] = [];
  const tasks: Task[] = [];
  const renumber = province.groups.length === 0;
  for (const task of province.tasks) {
    const reason = provinceOnlyReason(task);
    if (reason) {
      provinceOnly.push({ id: task.id, title: task.title, leads: task.leads, deadline: task.deadline, reason });
      continue;
    }
    tasks.push(deriveTask(task, renumber ? String(tasks.length + 1) : task.id, { ...opts, unit }, unmapped));
  }
  const warnings: ParseWarning[] = [...unmapped].map((u) => ({ message: M.unmappedUnit(u) }));
  if (provinceOnly.length > 0) warnings.push({ message: M.provinceOnlyCount(provinceOnly.length) });
  const plan: Plan = {
    title: derivedTitle(province, unit),
    issuer: `UBND ${unit}`,
    unit,
    level: "commune",
    period: province.period,
    groups: province.groups,
    tasks,
    targets: province.targets.map((t) => ({ ...t, text: adaptWording(t.text, unit) })),
    warnings,
    derivedFrom: { title: province.title, unit: province.unit, planId: planId(province), provinceOnly },
  };
  return { plan, unmapped: [...unmapped].map(canonicalUnit) };
}
