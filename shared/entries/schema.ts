/** Entries and findings: what reading a tracker gives (zod schemas are the single source of the types). */
import { z } from "zod";
import { IsoDate } from "../plan/schema.js";
import { STATUSES } from "../workbook/layout.js";

/** One problem in a workbook: where it is, which task, a code for programs and Vietnamese text for people. */
export const Finding = z.object({
  severity: z.enum(["error", "warning"]),
  file: z.string().optional(),
  /** Sheet name, null for problems of the whole file. */
  sheet: z.string().nullable(),
  /** A1 address ("K7"), null when the problem is not one cell (a missing sheet or row). */
  cell: z.string().nullable(),
  /** The task's id (Mã), null when the problem is not about one task. */
  taskId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  hint: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** A status as entered (domain.md, "Statuses and evaluation"). */
export const StatusSchema = z.enum(STATUSES);

/** One task row of the tracker with the user's entries. */
export const Entry = z.object({
  id: z.string(),
  /** 1-based spreadsheet row. */
  row: z.number().int(),
  area: z.string().nullable(),
  title: z.string(),
  requirement: z.string().nullable(),
  leads: z.array(z.string()),
  partners: z.array(z.string()),
  deadlineText: z.string().nullable(),
  /** Due date; null for recurring tasks (or an unreadable due cell). */
  due: IsoDate.nullable(),
  /** A task with no due date: reported every period (Thường xuyên, Hằng quý…). */
  recurring: z.boolean(),
  /** The status, null when the cell holds text that is not one of the four statuses. Empty cell = Chưa triển khai. */
  status: StatusSchema.nullable(),
  /** The status cell as written. */
  statusText: z.string().nullable(),
  progress: z.number().nullable(),
  completedOn: IsoDate.nullable(),
  result: z.string().nullable(),
  note: z.string().nullable(),
  updated: IsoDate.nullable(),
  /** False when an error finding concerns this row: its figures cannot be trusted and it is counted as invalid. */
  valid: z.boolean(),
});
export type Entry = z.infer<typeof Entry>;

/** The tracker's _meta values (null where absent). */
export const EntriesMeta = z.object({
  schemaVersion: z.string().nullable(),
  planId: z.string().nullable(),
  unit: z.string().nullable(),
  level: z.string().nullable(),
  year: z.number().int().nullable(),
  planTitle: z.string().nullable(),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
  createdBy: z.string().nullable(),
  /** The plan's task ids in order, when the tracker recorded them (META key `taskIds`). */
  taskIds: z.array(z.string()).nullable(),
  /** A derived commune plan's tracker: the province plan's id (META key `provincePlanId`). */
  provincePlanId: z.string().optional(),
  /** A derived commune plan's tracker: task id → the province task it implements (META key `provinceTaskIds`). */
  provinceTaskIds: z.record(z.string(), z.string()).optional(),
});
export type EntriesMeta = z.infer<typeof EntriesMeta>;

/** A closed quarter (chốt quý): every task's values frozen as of the cut-off. */
export const ClosedQuarter = z.object({
  sheet: z.string(),
  quarter: z.number().int().min(1).max(4),
  year: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  closedOn: IsoDate.nullable(),
  rows: z.array(Entry),
  /** False when the frozen values no longer match the checksum written when closing (someone edited them). */
  intact: z.boolean(),
});
export type ClosedQuarter = z.infer<typeof ClosedQuarter>;

/** A tracker's entries. */
export const Entries = z.object({
  file: z.string().nullable(),
  meta: EntriesMeta,
  /** Name of the sheet the task table was found on. */
  sheet: z.string(),
  /** 1-based row of the header. */
  headerRow: z.number().int(),
  rows: z.array(Entry),
  closes: z.array(ClosedQuarter),
});
export type Entries = z.infer<typeof Entries>;

/** A cell write a host performs (applyStatus): 0-based row/column, its A1 address and the value. */
export interface CellUpdate {
  row: number;
  col: number;
  cell: string;
  /** Text, number, a date ({kind:"date"}) or null to clear; the same values a WorkbookSpec cell holds. */
  value: null | string | number | { kind: "date"; iso: IsoDate };
}
