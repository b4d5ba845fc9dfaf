/** Test helpers: a tracker-like Grid built by hand (title rows, one header row, task rows, _meta), and spec → Grid. */
import type { Grid, GridSheet, GridValue } from "../../../shared/entries/grid.js";
import { isoToDate } from "../../../shared/entries/dates.js";
import { SHEET, TASK_COLUMNS, encodeTaskIds, type TaskColumnKey } from "../../../shared/workbook/layout.js";
import type { WorkbookSpec } from "../../../shared/workbook/spec.js";

/** A task row by column key; dates may be given as ISO strings with `date()` or as raw values. */
export type RowValues = Partial<Record<TaskColumnKey, GridValue>>;

/** A date cell value as exceljs gives it (UTC midnight). */
export const date = (iso: string): Date => isoToDate(iso);

/** Number of title rows above the header (the header is on row TITLE_ROWS + 1). */
export const TITLE_ROWS = 3;

export interface TrackerGridOptions {
  rows: RowValues[];
  /** Column order (default TASK_COLUMNS order); headers may be overridden. */
  columns?: TaskColumnKey[];
  headers?: Partial<Record<TaskColumnKey, string>>;
  meta?: Record<string, GridValue> | null;
  /** Formulas by [row index in `rows`][key]. */
  formulas?: Array<Partial<Record<TaskColumnKey, string>>>;
  /** Give every row an evaluation formula (as the tracker does). */
  evaluationFormulas?: boolean;
  extraSheets?: GridSheet[];
  tasksSheetName?: string;
  file?: string;
}

/** Default _meta of the test plan. */
export function defaultMeta(taskIds: string[]): Record<string, GridValue> {
  return {
    schemaVersion: "1",
    planId: "plan-abc",
    unit: "xã Cao Minh",
    level: "commune",
    year: 2026,
    createdBy: "cchc-tracker 0.1.0",
    planTitle: "Kế hoạch CCHC năm 2026",
    periodFrom: "2026-01-01",
    periodTo: "2026-12-31",
    taskIds: encodeTaskIds(taskIds),
  };
}

/** Builds a tracker Grid. */
export function trackerGrid(opts: TrackerGridOptions): Grid {
  const keys = opts.columns ?? TASK_COLUMNS.map((c) => c.key);
  const headerOf = (k: TaskColumnKey) => opts.headers?.[k] ?? TASK_COLUMNS.find((c) => c.key === k)!.header;
  const values: GridValue[][] = [
    ["THEO DÕI THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"],
    ["Kế hoạch CCHC năm 2026 — Đơn vị: xã Cao Minh"],
    [],
    keys.map(headerOf),
  ];
  const formulas: Array<Array<string | null>> = values.map(() => []);
  opts.rows.forEach((row, i) => {
    values.push(keys.map((k) => row[k] ?? null));
    const f = keys.map((k) => opts.formulas?.[i]?.[k] ?? (k === "evaluation" && opts.evaluationFormulas ? "IF(TRUE,\"x\",\"y\")" : null));
    formulas.push(f);
  });
  const tasks: GridSheet = { name: opts.tasksSheetName ?? SHEET.tasks, values };
  if (opts.formulas || opts.evaluationFormulas) tasks.formulas = formulas;
  const sheets: GridSheet[] = [{ name: SHEET.guide, values: [["Hướng dẫn"]] }, tasks];
  const ids = opts.rows.map((r) => r.id).filter((id): id is string => typeof id === "string");
  const meta = opts.meta === undefined ? defaultMeta(ids) : opts.meta;
  if (meta) sheets.push({ name: SHEET.meta, state: "veryHidden", values: Object.entries(meta).map(([k, v]) => [k, v]) });
  sheets.push(...(opts.extraSheets ?? []));
  return { file: opts.file ?? "so-theo-doi.xlsx", sheets };
}

/** Converts a WorkbookSpec into the Grid a host would read back (dates as Date cells, formulas kept). */
export function specToGrid(spec: WorkbookSpec, file = "spec.xlsx"): Grid {
  return {
    file,
    sheets: spec.sheets.map((s) => {
      const formulas: Array<Array<string | null>> = [];
      const values = s.rows.map((row, r) => {
        formulas[r] = [];
        return row.cells.map((c, col) => {
          const v = c?.v ?? null;
          if (v === null || typeof v !== "object") return v;
          if (v.kind === "date") return isoToDate(v.iso);
          formulas[r]![col] = v.formula;
          return v.result ?? null;
        });
      });
      return { name: s.name, state: s.state, values, formulas };
    }),
  };
}

/** The A1 address of a cell of task row `i` (0-based in `rows`) in a grid made by trackerGrid with default columns. */
export function cellOfRow(i: number, key: TaskColumnKey, columns: TaskColumnKey[] = TASK_COLUMNS.map((c) => c.key)): string {
  const col = columns.indexOf(key);
  return `${String.fromCharCode(65 + col)}${TITLE_ROWS + 2 + i}`;
}
