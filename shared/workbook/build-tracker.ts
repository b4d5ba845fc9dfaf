/**
 * Plan → the tracker WorkbookSpec (product.md, "Workbook"): Hướng dẫn, Nhiệm vụ, Mục tiêu (when the plan has
 * targets), Danh mục (hidden lists) and _meta (very hidden key/value rows). Pure: the as-of date is a parameter.
 *
 * Row layout of Nhiệm vụ (readers find columns by header text, but the generated layout is fixed):
 *   row 1 title, row 2 plan title and unit, row 3 "Đánh giá tính đến ngày" with the as-of date,
 *   row TASK_HEADER_ROW the TASK_COLUMNS headers, then one row per task from TASK_FIRST_ROW on.
 *
 * Group rows (a section "I", a criterion "2.1" of a hierarchical plan, or a reform area of a bullet plan) sit
 * between the task rows as bold separators. The rule readers rely on (see isGroupRowValues):
 *   - the Mã cell holds the group id and the Nội dung cell the group title (merged over Yêu cầu / Sản phẩm only,
 *     so readers that copy a merged value into every merged cell still see empty unit/deadline/entry cells);
 *   - every other cell of the row is empty: no units, no deadline, no status, no entry, no Đánh giá formula;
 *   - a group id never equals a task id, and _meta's `taskIds` lists the task ids, so a reader can also tell
 *     a task row by its id.
 * Every task row has a Đánh giá formula, whatever the user enters.
 */
import type { Plan, Task } from "../plan/schema.js";
import { planId as computePlanId } from "../plan/index.js";
import { workbookMessages as M } from "../messages/workbook.js";
import { colLetter, rangeRef, sheetRangeRef } from "./a1.js";
import { isoToExcelSerial, formatViDate } from "./dates.js";
import { evaluateTask, evaluationFormula } from "./evaluation.js";
import { fitForPrint } from "./print-fit.js";
import { estimateRowHeight } from "./row-height.js";
import {
  AREAS,
  AS_OF_NAME,
  CREATED_BY,
  EVALUATIONS,
  META_KEYS,
  SCHEMA_VERSION,
  SHEET,
  STATUSES,
  TASK_COLUMNS,
  encodeTaskIds,
  encodeProvinceLinks,
  type LinkMetaKey,
  type MetaKey,
  type TaskColumnKey,
} from "./layout.js";
import type { CellSpec, ConditionalFormatSpec, RowSpec, SheetSpec, ValidationSpec, WorkbookSpec } from "./spec.js";
import {
  EVALUATION_STYLES,
  LATE_STYLE,
  OVERDUE_STYLE,
  PROGRESS_BAR_COLOR,
  S,
  STATUS_STYLES,
  legendStyleName,
  trackerStyles,
} from "./tracker-styles.js";

/** Options of buildTracker: the unit that tracks the plan, the plan year and the default as-of date (ISO). */
export interface TrackerOptions {
  unit: string;
  year: number;
  asOf: string;
}

/** Row of the Nhiệm vụ header (1-based). */
export const TASK_HEADER_ROW = 4;
/** First task (or group) row of Nhiệm vụ (1-based). */
export const TASK_FIRST_ROW = TASK_HEADER_ROW + 1;

/**
 * Where the as-of date sits on Hướng dẫn (1-based row and column; column C, after the facts of rows 4–9); the
 * defined name AS_OF_NAME points here.
 */
export const GUIDE_AS_OF = { row: 10, col: 3 } as const;

/** Columns of the Danh mục sheet (1-based) and the first value row (row 1 holds the list titles). */
export const LIST_COLUMNS = { statuses: 1, areas: 2, units: 3, evaluations: 4, firstRow: 2 } as const;

/** Header row of the Mục tiêu sheet (1-based). */
export const TARGET_HEADER_ROW = 3;

/** Excel's limit on the characters of one cell. */
const MAX_CELL_TEXT = 32_767;

/** 1-based column of a task column in the generated Nhiệm vụ sheet. */
export function taskColumnNumber(key: TaskColumnKey): number {
  const i = TASK_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown task column ${key}`);
  return i + 1;
}

/** Column letter of a task column in the generated Nhiệm vụ sheet. */
export function taskColumnLetter(key: TaskColumnKey): string {
  return colLetter(taskColumnNumber(key));
}

/** Task-column keys that are empty on a group row (everything but Mã, Lĩnh vực, Nội dung and Yêu cầu / Sản phẩm). */
export const GROUP_ROW_EMPTY_KEYS: readonly TaskColumnKey[] = [
  "leads",
  "partners",
  "deadlineText",
  "due",
  "status",
  "progress",
  "completedOn",
  "result",
  "note",
  "evaluation",
];

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * True when a Nhiệm vụ row, given as values by column key, is a group row: an id and a title and nothing in the
 * unit, deadline, entry and Đánh giá cells. Pass the Đánh giá formula (if the host gives formulas) as `evaluation`
 * when its value is missing — task rows always carry that formula.
 */
export function isGroupRowValues(row: Partial<Record<TaskColumnKey, unknown>>): boolean {
  return !blank(row.id) && !blank(row.title) && GROUP_ROW_EMPTY_KEYS.every((k) => blank(row[k]));
}

/** Plan text as a cell value: empty → null, capped at Excel's cell limit. Never a formula (renderers keep strings as text). */
function text(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  if (t === "") return null;
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT) : t;
}

function cell(v: CellSpec["v"], s?: string): CellSpec {
  return s ? { v, s } : { v };
}

function dateCell(iso: string | null | undefined, s: string): CellSpec {
  return iso ? { v: { kind: "date", iso }, s } : { v: null, s };
}

/** Roman numeral for 1..3999 (section numbers of synthetic area groups). */
function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, r] of table) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

/** A group to show as a separator row: id, title and depth (0 = section). */
export interface GroupRow {
  id: string;
  title: string;
  depth: number;
}

/** One line of the task table: a group separator or a task. */
export type TableLine = { kind: "group"; group: GroupRow } | { kind: "task"; task: Task };

/**
 * The task table's lines in plan order. Hierarchical plans: each task is preceded (once) by the groups on its
 * path that were not shown yet. Bullet plans without groups: each area forms a block headed by an area row,
 * when the plan's areas come in contiguous blocks (an appendix table is never reordered).
 */
export function tableLines(plan: Plan): TableLine[] {
  const lines: TableLine[] = [];
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  if (plan.groups.length > 0) {
    const byId = new Map(plan.groups.map((g) => [g.id, g]));
    const shown = new Set<string>();
    const path = (id: string): string[] => {
      const out: string[] = [];
      const seen = new Set<string>();
      for (let cur: string | null = id; cur !== null && byId.has(cur) && !seen.has(cur); cur = byId.get(cur)?.parent ?? null) {
        seen.add(cur);
        out.unshift(cur);
      }
      return out;
    };
    for (const task of plan.tasks) {
      const chain = task.group ? path(task.group) : [];
      chain.forEach((id, depth) => {
        if (shown.has(id) || taskIds.has(id)) return;
        shown.add(id);
        lines.push({ kind: "group", group: { id, title: byId.get(id)?.title ?? id, depth } });
      });
      lines.push({ kind: "task", task });
    }
    return lines;
  }
  const areaGroups = areaBlocks(plan);
  if (!areaGroups) return plan.tasks.map((task) => ({ kind: "task", task }));
  let current: string | null | undefined;
  let n = 0;
  for (const task of plan.tasks) {
    if (task.area !== current) {
      current = task.area;
      n++;
      if (task.area) {
        let id = roman(n);
        if (taskIds.has(id)) id = `${M.listAreas} ${n}`;
        lines.push({ kind: "group", group: { id, title: task.area, depth: 0 } });
      }
    }
    lines.push({ kind: "task", task });
  }
  return lines;
}

/** True when a bullet plan's tasks come in contiguous area blocks (each area one block, at least two areas). */
function areaBlocks(plan: Plan): boolean {
  if (plan.tasks.length === 0 || !plan.tasks.every((t) => t.source === "body" && t.area)) return false;
  const seen = new Set<string>();
  let prev: string | null = null;
  for (const t of plan.tasks) {
    if (t.area !== prev) {
      if (t.area && seen.has(t.area)) return false;
      if (t.area) seen.add(t.area);
      prev = t.area;
    }
  }
  return seen.size >= 2;
}

/** Distinct values in first-seen order. */
function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The areas offered by the Lĩnh vực dropdown: the seven reform areas, then the plan's own areas. */
export function areaList(plan: Plan): string[] {
  return distinct([...AREAS, ...plan.tasks.map((t) => text(t.area)).filter((a): a is string => a !== null)]);
}

/** The units of the plan (leads and partners), sorted in Vietnamese order. */
export function unitList(plan: Plan): string[] {
  const collator = new Intl.Collator("vi");
  return distinct(plan.tasks.flatMap((t) => [...t.leads, ...t.partners]).map((u) => u.trim()).filter((u) => u !== "")).sort(collator.compare);
}

/** The sane window for dates typed in the tracker: a year before the plan to two years after it. */
export function dateWindow(plan: Plan, year: number): { min: string; max: string } {
  const fromYear = Math.min(Number(plan.period.from.slice(0, 4)), year);
  const toYear = Math.max(Number(plan.period.to.slice(0, 4)), year);
  return { min: `${fromYear - 1}-01-01`, max: `${toYear + 2}-12-31` };
}

/** Builds the tracker workbook of a plan for one unit. */
export function buildTracker(plan: Plan, opts: TrackerOptions): WorkbookSpec {
  const lines = tableLines(plan);
  const areas = areaList(plan);
  const units = unitList(plan);
  const window = dateWindow(plan, opts.year);
  const asOfRef = sheetRangeRef(SHEET.guide, GUIDE_AS_OF.row, GUIDE_AS_OF.col, GUIDE_AS_OF.row, GUIDE_AS_OF.col);
  const styles = trackerStyles();
  const sheets: SheetSpec[] = [
    fitForPrint(guideSheet(plan, opts, window), styles),
    fitForPrint(tasksSheet(plan, opts, lines, areas.length, window), styles),
    ...(plan.targets.length > 0 ? [fitForPrint(targetsSheet(plan, opts), styles)] : []),
    listsSheet(areas, units),
    metaSheet(plan, opts),
  ];
  return {
    sheets,
    styles,
    definedNames: [{ name: AS_OF_NAME, ref: asOfRef }],
    properties: { title: plan.title || M.guideTitle, creator: CREATED_BY, subject: opts.unit },
    activeSheet: SHEET.guide,
  };
}

/** Hướng dẫn: what the workbook is, the as-of date cell, how to fill in, what statuses and colours mean. */
function guideSheet(plan: Plan, opts: TrackerOptions, window: { min: string; max: string }): SheetSpec {
  const rows: RowSpec[] = [];
  const merges: string[] = [];
  const put = (row: number, cells: Array<CellSpec | null>, height?: number) => {
    rows[row - 1] = height ? { cells, height } : { cells };
  };
  const fact = (row: number, label: string, value: CellSpec) => put(row, [null, cell(label, S.guideLabel), value]);

  put(1, [null, cell(M.guideTitle, S.guideTitle), cell(null, S.guideTitle)], 36);
  merges.push("B1:C1");
  put(2, [null, cell(M.guideSubtitle(opts.unit, opts.year), S.guideSubtitle), cell(null, S.guideSubtitle)], 20);
  merges.push("B2:C2");
  fact(4, M.labelPlan, cell(text(plan.title), S.guideValue));
  fact(5, M.labelIssuer, cell(text(plan.issuer), S.guideValue));
  fact(6, M.labelUnit, cell(text(opts.unit), S.guideValue));
  fact(7, M.labelYear, cell(opts.year, S.guideNumber));
  fact(8, M.labelPeriod, cell(M.period(formatViDate(plan.period.from), formatViDate(plan.period.to)), S.guideValue));
  fact(9, M.labelTaskCount, cell(plan.tasks.length, S.guideNumber));
  fact(GUIDE_AS_OF.row, M.labelAsOf, dateCell(opts.asOf, S.guideAsOf));
  put(GUIDE_AS_OF.row + 1, [null, null, cell(M.asOfNote, S.guideNote)]);

  let r = GUIDE_AS_OF.row + 3;
  put(r++, [null, cell(M.howToTitle, S.guideSection)], 22);
  M.howToSteps.forEach((step, i) => put(r++, [null, cell(M.stepLabel(i + 1), S.guideLabel), cell(step, S.guideValue)]));
  r++;
  put(r++, [null, cell(M.statusTitle, S.guideSection)], 22);
  for (const status of STATUSES) {
    put(r++, [null, cell(status, legendStyleName("status", status)), cell(M.statusMeanings[status] ?? "", S.guideValue)]);
  }
  r++;
  put(r++, [null, cell(M.evaluationTitle, S.guideSection)], 22);
  for (const evaluation of EVALUATIONS) {
    put(r++, [null, cell(evaluation, legendStyleName("evaluation", evaluation)), cell(M.evaluationMeanings[evaluation] ?? "", S.guideValue)]);
  }
  r++;
  put(r++, [null, cell(M.legendTitle, S.guideSection)], 22);
  const [entrySample, groupSample, barSample] = M.legendRows;
  if (entrySample) put(r++, [null, cell(entrySample[0], S.guideEntrySample), cell(entrySample[1], S.guideValue)]);
  if (groupSample) put(r++, [null, cell(groupSample[0], S.guideGroupSample), cell(groupSample[1], S.guideValue)]);
  if (barSample) put(r++, [null, cell(barSample[0], S.guideEntrySample), cell(barSample[1], S.guideValue)]);
  const lastRow = r - 1;
  for (let i = 0; i < lastRow; i++) rows[i] ??= { cells: [] };

  const asOfCell = rangeRef(GUIDE_AS_OF.row, GUIDE_AS_OF.col, GUIDE_AS_OF.row, GUIDE_AS_OF.col);
  return {
    name: SHEET.guide,
    state: "visible",
    role: "guide",
    columns: [{ width: 2 }, { width: 30 }, { width: 90 }],
    rows,
    merges,
    validations: [
      {
        type: "date",
        range: asOfCell,
        min: window.min,
        max: window.max,
        allowBlank: false,
        error: M.asOfError(formatViDate(window.min), formatViDate(window.max)),
      },
    ],
    conditionalFormats: [],
    protection: { allowFormatColumns: true, allowFormatRows: true },
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      area: `A1:C${lastRow}`,
      footer: M.printFooter,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    showGridLines: false,
    tabColor: "1F3864",
  };
}

/** Style and value of each column of a task row. */
function taskCells(task: Task, row: number, asOf: string): Array<CellSpec | null> {
  const due = task.deadline.due;
  const byKey: Record<TaskColumnKey, CellSpec> = {
    id: cell(task.id, S.planCenter),
    area: cell(text(task.area), S.entryText),
    title: cell(text(task.title), S.plan),
    requirement: cell(text(task.requirement), S.plan),
    leads: cell(text(task.leads.join("; ")), S.plan),
    partners: cell(text(task.partners.join("; ")), S.plan),
    deadlineText: cell(text(task.deadline.raw), S.planCenter),
    due: dateCell(due, S.planDate),
    status: cell(null, S.entryCenter),
    progress: cell(null, S.entryPercent),
    completedOn: cell(null, S.entryDate),
    result: cell(null, S.entryText),
    note: cell(null, S.entryText),
    evaluation: cell(
      {
        kind: "formula",
        formula: evaluationFormula(row, {
          due: taskColumnLetter("due"),
          status: taskColumnLetter("status"),
          completedOn: taskColumnLetter("completedOn"),
        }),
        result: evaluateTask({ status: null, due, completedOn: null }, asOf),
      },
      S.formula,
    ),
    updated: cell(null, S.commandDate),
  };
  return TASK_COLUMNS.map((c) => byKey[c.key]);
}

function groupCells(group: GroupRow): Array<CellSpec | null> {
  const sub = group.depth > 0;
  return TASK_COLUMNS.map((c) => {
    if (c.key === "id") return cell(group.id, sub ? S.group2Id : S.group1Id);
    if (c.key === "title") return cell(text(group.title), sub ? S.group2 : S.group1);
    return cell(null, sub ? S.group2Blank : S.groupBlank);
  });
}

/** Splits sorted row numbers into contiguous runs [first, last]. */
function runs(rowNumbers: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of rowNumbers) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Nhiệm vụ: the task table. */
function tasksSheet(
  plan: Plan,
  opts: TrackerOptions,
  lines: TableLine[],
  areaCount: number,
  window: { min: string; max: string },
): SheetSpec {
  const ncol = TASK_COLUMNS.length;
  const last = colLetter(ncol);
  const rows: RowSpec[] = [];
  const merges: string[] = [`A1:${last}1`, `A2:${last}2`];
  const evalCol = taskColumnNumber("evaluation");

  const titleRow: Array<CellSpec | null> = [cell(M.tasksTitle(opts.year), S.title)];
  rows.push({ cells: titleRow, height: 24 });
  rows.push({ cells: [cell(M.tasksSubtitle(text(plan.title) ?? "", opts.unit), S.subtitle)], height: 36 });
  const asOfRow: Array<CellSpec | null> = [cell(M.tasksAsOfLabel, S.asOfLabel)];
  asOfRow[evalCol - 1] = cell({ kind: "formula", formula: AS_OF_NAME, result: isoToExcelSerial(opts.asOf) }, S.asOfValue);
  rows.push({ cells: asOfRow, height: 18 });
  merges.push(`A3:${colLetter(evalCol - 1)}3`);
  const headerCells = TASK_COLUMNS.map((c) => cell(c.header, S.header));
  const headerHeight = estimateRowHeight(headerCells, TASK_COLUMNS.map((c) => c.width), trackerStyles()) ?? 0;
  rows.push({ cells: headerCells, height: Math.max(32, headerHeight) });

  const taskRows: number[] = [];
  lines.forEach((line, i) => {
    const row = TASK_FIRST_ROW + i;
    if (line.kind === "task") {
      taskRows.push(row);
      rows.push({ cells: taskCells(line.task, row, opts.asOf) });
    } else {
      const titleCol = taskColumnNumber("title");
      merges.push(rangeRef(row, titleCol, row, taskColumnNumber("requirement")));
      rows.push({ cells: groupCells(line.group), keepWithNext: true });
    }
  });
  const lastRow = Math.max(TASK_HEADER_ROW, TASK_FIRST_ROW + lines.length - 1);
  const col = (k: TaskColumnKey) => taskColumnLetter(k);
  const block = (k: TaskColumnKey) => `${col(k)}${TASK_FIRST_ROW}:${col(k)}${lastRow}`;

  const validations: ValidationSpec[] = [];
  const statusSource = sheetRangeRef(SHEET.lists, LIST_COLUMNS.firstRow, LIST_COLUMNS.statuses, LIST_COLUMNS.firstRow + STATUSES.length - 1, LIST_COLUMNS.statuses);
  const areaSource = sheetRangeRef(SHEET.lists, LIST_COLUMNS.firstRow, LIST_COLUMNS.areas, LIST_COLUMNS.firstRow + areaCount - 1, LIST_COLUMNS.areas);
  for (const [top, bottom] of runs(taskRows)) {
    const range = (k: TaskColumnKey) => `${col(k)}${top}:${col(k)}${bottom}`;
    validations.push(
      { type: "list", range: range("status"), source: statusSource, allowBlank: true, error: M.statusError, prompt: M.statusPrompt },
      { type: "list", range: range("area"), source: areaSource, allowBlank: true, error: M.areaError, errorStyle: "warning" },
      { type: "whole", range: range("progress"), min: 0, max: 100, allowBlank: true, error: M.progressError },
      {
        type: "date",
        range: range("completedOn"),
        min: window.min,
        max: window.max,
        allowBlank: true,
        error: M.completedError(formatViDate(window.min), formatViDate(window.max)),
      },
    );
  }

  const conditionalFormats: ConditionalFormatSpec[] = [];
  if (taskRows.length > 0) {
    const first = TASK_FIRST_ROW;
    conditionalFormats.push(
      { type: "expression", range: block("due"), formula: `$${col("evaluation")}${first}="Quá hạn"`, style: OVERDUE_STYLE },
      { type: "expression", range: block("completedOn"), formula: `$${col("evaluation")}${first}="Hoàn thành quá hạn"`, style: LATE_STYLE },
      ...EVALUATIONS.map((e): ConditionalFormatSpec => ({ type: "textEquals", range: block("evaluation"), text: e, style: EVALUATION_STYLES[e] })),
      ...Object.entries(STATUS_STYLES).map(([s, style]): ConditionalFormatSpec => ({ type: "textEquals", range: block("status"), text: s, style })),
      { type: "dataBar", range: block("progress"), min: 0, max: 100, color: PROGRESS_BAR_COLOR },
    );
  }

  return {
    name: SHEET.tasks,
    state: "visible",
    role: "tasks",
    columns: TASK_COLUMNS.map((c) => ({ width: c.width })),
    rows,
    merges,
    freeze: { rows: TASK_HEADER_ROW, cols: 1 },
    validations,
    conditionalFormats,
    protection: { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: false },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: [TASK_HEADER_ROW, TASK_HEADER_ROW],
      area: `A1:${last}${lastRow}`,
      header: M.printHeader(opts.unit, opts.year),
      footer: M.printFooter,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    autoFilter: `A${TASK_HEADER_ROW}:${last}${lastRow}`,
    tabColor: "2E75B6",
  };
}

/** Mục tiêu: the plan's targets, with entry columns for the result. */
function targetsSheet(plan: Plan, opts: TrackerOptions): SheetSpec {
  const rows: RowSpec[] = [
    { cells: [cell(M.targetsTitle, S.title)], height: 24 },
    { cells: [cell(M.tasksSubtitle(text(plan.title) ?? "", opts.unit), S.subtitle)], height: 36 },
    { cells: M.targetHeaders.map((h) => cell(h, S.header)), height: 24 },
  ];
  plan.targets.forEach((t, i) => {
    rows.push({
      cells: [cell(String(i + 1), S.planCenter), cell(text(t.area), S.plan), cell(text(t.text), S.plan), cell(null, S.entryText), cell(null, S.entryText)],
    });
  });
  const lastRow = TARGET_HEADER_ROW + plan.targets.length;
  return {
    name: SHEET.targets,
    state: "visible",
    role: "targets",
    columns: [{ width: 6 }, { width: 26 }, { width: 70 }, { width: 40 }, { width: 26 }],
    rows,
    merges: ["A1:E1", "A2:E2"],
    freeze: { rows: TARGET_HEADER_ROW, cols: 0 },
    validations: [],
    conditionalFormats: [],
    protection: { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: [TARGET_HEADER_ROW, TARGET_HEADER_ROW],
      area: `A1:E${lastRow}`,
      footer: M.printFooter,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    autoFilter: `A${TARGET_HEADER_ROW}:E${lastRow}`,
    tabColor: "70AD47",
  };
}

/** Danh mục (hidden): the lists behind the dropdowns (Excel limits literal lists to 255 characters). */
function listsSheet(areas: string[], units: string[]): SheetSpec {
  const columns: string[][] = [];
  columns[LIST_COLUMNS.statuses - 1] = [M.listStatuses, ...STATUSES];
  columns[LIST_COLUMNS.areas - 1] = [M.listAreas, ...areas];
  columns[LIST_COLUMNS.units - 1] = [M.listUnits, ...units];
  columns[LIST_COLUMNS.evaluations - 1] = [M.listEvaluations, ...EVALUATIONS];
  const height = Math.max(...columns.map((c) => c.length));
  const rows: RowSpec[] = [];
  for (let r = 0; r < height; r++) {
    rows.push({ cells: columns.map((c) => (c[r] === undefined ? null : cell(c[r]!, r === 0 ? S.listHeader : S.list))) });
  }
  return {
    name: SHEET.lists,
    state: "hidden",
    role: "lists",
    columns: [{ width: 20 }, { width: 55 }, { width: 45 }, { width: 22 }],
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: {},
  };
}

/** The _meta values of a tracker (all written as text so every host reads back exactly what was written). */
export function trackerMeta(plan: Plan, opts: TrackerOptions): Record<MetaKey, string> {
  return {
    schemaVersion: SCHEMA_VERSION,
    planId: computePlanId(plan),
    unit: opts.unit,
    level: plan.level,
    year: String(opts.year),
    createdBy: CREATED_BY,
    planTitle: plan.title,
    periodFrom: plan.period.from,
    periodTo: plan.period.to,
    taskIds: encodeTaskIds(plan.tasks.map((t) => t.id)),
  };
}

/** The _meta rows linking a derived plan's tasks to the province plan (none for a plan that was not derived). */
export function linkMeta(plan: Plan): Partial<Record<LinkMetaKey, string>> {
  const links = plan.tasks.flatMap((t) => (t.provinceTaskId ? [[t.id, t.provinceTaskId] as const] : []));
  if (links.length === 0) return {};
  return {
    ...(plan.derivedFrom ? { provincePlanId: plan.derivedFrom.planId } : {}),
    provinceTaskIds: encodeProvinceLinks(links),
  };
}

/** _meta (very hidden): key/value rows identifying plan, unit, year and template version. */
function metaSheet(plan: Plan, opts: TrackerOptions): SheetSpec {
  const meta = trackerMeta(plan, opts);
  return {
    name: SHEET.meta,
    state: "veryHidden",
    role: "meta",
    columns: [{ width: 16, style: S.meta }, { width: 60, style: S.meta }],
    rows: [
      ...META_KEYS.map((k) => ({ cells: [cell(k, S.meta), cell(meta[k], S.meta)] })),
      ...Object.entries(linkMeta(plan)).map(([k, v]) => ({ cells: [cell(k, S.meta), cell(v, S.meta)] })),
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: {},
  };
}
