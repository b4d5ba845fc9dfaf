/**
 * The province's view per province task (issue 18): each commune task row linked to the province task it implements
 * (the tracker's own link from `cchc derive`, else the officer's links file, else the text), then per province task
 * how many communes carry it, have done it, are on it, have not started, are late.
 */
import { UnusableInputError } from "../errors.js";
import { deriveMessages as M } from "../messages/derive.js";
import { createLinker, type LinkSource, type TaskLink } from "../derive/link.js";
import type { Task } from "../plan/schema.js";
import { unitKey } from "../plan/units.js";
import type { MergedRow } from "./schema.js";

/** The figures of one province task across the communes. */
export interface ProvinceTaskCount {
  id: string;
  title: string;
  deadline: string;
  due: string | null;
  /** Communes with at least one task linked to it. */
  communes: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** Communes that dropped it (Không thực hiện) or whose rows cannot be read. */
  dropped: number;
  /** Communes late on it (a linked task overdue), counted among in progress / not started. */
  overdue: number;
  /** Each commune carrying it, with where it stands. */
  units: Array<{ unit: string; ids: string[]; state: CommuneState; overdue: boolean }>;
}

/** Where one commune stands on a province task (all its linked rows together). */
export type CommuneState = "done" | "inProgress" | "notStarted" | "dropped";

/** The officer's corrections: unit + commune task id → province task id, or null for "no match". */
export type LinkOverrides = ReadonlyMap<string, string | null>;

/** The key of an override: the unit's comparison key and the commune task id. */
export function overrideKey(unit: string, id: string): string {
  return `${unitKey(unit)}\u001f${id.trim()}`;
}

/** The province view: every row's link, and the counts per province task in the plan's order. */
export interface ProvinceTaskView {
  provinceTasks: ProvinceTaskCount[];
  links: TaskLink[];
}

/** The link of one row: the officer's override, else the tracker's own (derived plan), else the best text match. */
function linkOf(row: MergedRow, known: Set<string>, overrides: LinkOverrides, byText: ReturnType<typeof createLinker>): TaskLink {
  const base = { unit: row.unit, id: row.id };
  const key = overrideKey(row.unit, row.id);
  if (overrides.has(key)) return { ...base, provinceTaskId: overrides.get(key) ?? null, score: 1, source: "override" as LinkSource };
  if (row.provinceTaskId && known.has(row.provinceTaskId)) return { ...base, provinceTaskId: row.provinceTaskId, score: 1, source: "meta" };
  const best = byText({ id: row.id, title: row.title, due: row.due, area: row.area });
  return { ...base, ...best, source: "text" };
}

/** Where a commune stands given its linked rows: all done → done; none begun → not started; all dropped → dropped. */
function stateOf(rows: MergedRow[]): CommuneState {
  const live = rows.filter((r) => r.standing !== "dropped" && r.standing !== "invalid");
  if (live.length === 0) return "dropped";
  if (live.every((r) => r.standing === "doneOnTime" || r.standing === "doneLate")) return "done";
  if (live.every((r) => r.standing === "notStarted")) return "notStarted";
  return "inProgress";
}

/** Counts one province task from the rows linked to it, commune by commune. */
function countTask(task: Task, rows: MergedRow[]): ProvinceTaskCount {
  const byUnit = new Map<string, MergedRow[]>();
  for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const units = [...byUnit].map(([unit, list]) => ({
    unit,
    ids: list.map((r) => r.id),
    state: stateOf(list),
    overdue: list.some((r) => r.overdue),
  }));
  const n = (s: CommuneState) => units.filter((u) => u.state === s).length;
  return {
    id: task.id,
    title: task.title,
    deadline: task.deadline.raw,
    due: task.deadline.due,
    communes: units.length,
    done: n("done"),
    inProgress: n("inProgress"),
    notStarted: n("notStarted"),
    dropped: n("dropped"),
    overdue: units.filter((u) => u.overdue).length,
    units,
  };
}

/** Links every merged row to the province plan and counts per province task. */
export function provinceTaskView(rows: readonly MergedRow[], provinceTasks: readonly Task[], overrides: LinkOverrides = new Map()): ProvinceTaskView {
  const byText = createLinker(provinceTasks.map((t) => ({ id: t.id, title: t.title, due: t.deadline.due, area: t.area })));
  const known = new Set(provinceTasks.map((t) => t.id));
  const links: TaskLink[] = [];
  const linked = new Map<string, MergedRow[]>();
  for (const row of rows) {
    const link = linkOf(row, known, overrides, byText);
    links.push(link);
    if (link.provinceTaskId && known.has(link.provinceTaskId)) linked.set(link.provinceTaskId, [...(linked.get(link.provinceTaskId) ?? []), row]);
  }
  return { provinceTasks: provinceTasks.map((t) => countTask(t, linked.get(t.id) ?? [])), links };
}

/**
 * Reads the officer's links file: one `đơn vị; mã nhiệm vụ của xã; mã nhiệm vụ của tỉnh` per line (";" or tab;
 * an empty or "-" province id = no match); blank lines, "#" comments and a header line are skipped. A line without
 * unit and task id is refused, naming file and line.
 */
export function parseLinksText(text: string, file?: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  text
    .normalize("NFC")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const cells = line.split(/[;\t]/).map((c) => c.trim());
      if (i === 0 && /^(đơn vị|don vi|unit)$/iu.test(cells[0] ?? "")) return;
      const [unit, id, provinceId] = cells;
      if (!unit || !id || cells.length < 3) throw new UnusableInputError(M.badLinksLine(line), { file, line: i + 1 });
      out.set(overrideKey(unit, id), provinceId && provinceId !== "-" ? provinceId : null);
    });
  return out;
}
