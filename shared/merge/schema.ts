/** The province roll-up (product.md, capability 6): zod schemas, the single source of its types. */
import { z } from "zod";
import { Entry, Finding } from "../entries/schema.js";
import { IsoDate } from "../plan/schema.js";
import { Totals } from "../summary/summarise.js";

/** Why a file's rows are not merged, or why a file was not read at all. */
export const FileReason = z.enum([
  /** Not an .xlsx we can open (corrupt, password, zip bomb…). */
  "unusable",
  /** Not a workbook file at all (a .txt, an old .xls…): skipped by the command line. */
  "notXlsx",
  /** No task table found. */
  "noTaskTable",
  /** No _meta sheet, or one without template version, plan or year: not a tracker made by this tool. */
  "notTracker",
  /** A tracker of another template version. */
  "otherTemplate",
  /** A tracker of another year. */
  "otherYear",
  /** A tracker whose _meta names no unit. */
  "noUnit",
  /** The same unit submitted again: an older submission, superseded by the kept one. */
  "duplicate",
  /** A province workbook (an earlier merge's output) among the inputs. */
  "provinceWorkbook",
]);
export type FileReason = z.infer<typeof FileReason>;

/** Why a single row of a merged file is not merged. */
export const RowReason = z.enum([
  /** A second row with a task id already seen in the file (the first is merged). */
  "duplicateTask",
  /** A row with entries but no task id. */
  "noId",
]);
export type RowReason = z.infer<typeof RowReason>;

/** Where a task stands as of the as-of date (shared/summary/evaluate.ts). */
export const StandingSchema = z.enum(["doneOnTime", "doneLate", "inProgress", "notStarted", "dropped", "invalid"]);

/** One merged task row with its provenance (unit and file): the tracker's Entry fields plus its evaluation. */
export const MergedRow = Entry.pick({
  id: true,
  row: true,
  area: true,
  title: true,
  leads: true,
  deadlineText: true,
  due: true,
  recurring: true,
  status: true,
  statusText: true,
  progress: true,
  completedOn: true,
  result: true,
  note: true,
  valid: true,
}).extend({
  unit: z.string(),
  file: z.string(),
  standing: StandingSchema,
  /** The evaluation as of the as-of date (null for invalid rows). */
  evaluation: z.string().nullable(),
  overdue: z.boolean(),
  /** The province task this row implements, as the tracker's _meta records it (a derived plan's tracker). */
  provinceTaskId: z.string().optional(),
});
export type MergedRow = z.infer<typeof MergedRow>;

/** Figures of one group (an area) of a unit. */
export const AreaTotals = z.object({ area: z.string().nullable(), totals: Totals });
export type AreaTotals = z.infer<typeof AreaTotals>;

/** One unit that reported: its kept file, figures and rank. */
export const UnitReport = z.object({
  unit: z.string(),
  /** Comparison key of the unit name (mergeUnitKey): spelling variants compare equal, diacritics count. */
  unitKey: z.string(),
  file: z.string(),
  /** When the kept file was saved (ISO date-time), if known. */
  modified: z.string().nullable(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  level: z.string().nullable(),
  year: z.number().int().nullable(),
  /** "closed" when the figures come from the quarter's close sheet (chốt quý). */
  source: z.enum(["live", "closed"]),
  totals: Totals,
  byArea: z.array(AreaTotals),
  /** 1 = best completion rate; units with equal rates share a rank. */
  rank: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** False when an expected-units list was given and the unit is not on it. */
  expected: z.boolean(),
});
export type UnitReport = z.infer<typeof UnitReport>;

/** A file that was read or seen, and what became of it. */
export const FileOutcome = z.object({
  file: z.string(),
  unit: z.string().nullable(),
  /** "merged" or the reason it was not. */
  outcome: z.union([z.literal("merged"), FileReason]),
  /** Task rows read from the file (0 when it could not be read). */
  rows: z.number().int(),
  /** Vietnamese explanation (empty for merged files). */
  message: z.string(),
  /** For a superseded duplicate: the file kept instead. */
  keptFile: z.string().nullable(),
  year: z.number().int().nullable(),
  schemaVersion: z.string().nullable(),
});
export type FileOutcome = z.infer<typeof FileOutcome>;

/** The same unit submitted more than once. */
export const Duplicate = z.object({ unit: z.string(), files: z.array(z.string()), kept: z.string() });
export type Duplicate = z.infer<typeof Duplicate>;

/** A finding of a file (or of the merge about a file): the file is always named. */
export const MergeFinding = Finding.extend({ file: z.string() });
export type MergeFinding = z.infer<typeof MergeFinding>;

/** Where several units track the same plan: each task across those units. */
export const PlanView = z.object({
  planId: z.string(),
  planTitle: z.string().nullable(),
  units: z.array(z.string()),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      area: z.string().nullable(),
      /** One cell per unit of `units`, in the same order; null where the unit's tracker has no such task. */
      cells: z.array(z.object({ standing: StandingSchema, evaluation: z.string().nullable(), statusText: z.string().nullable() }).nullable()),
      /** Units that completed the task (on time or late) as of the as-of date. */
      done: z.number().int(),
    }),
  ),
});
export type PlanView = z.infer<typeof PlanView>;

/** Every input row is merged or listed with its reason: read = merged + Σ listed. */
export const Accounting = z.object({
  files: z.number().int(),
  rowsRead: z.number().int(),
  rowsMerged: z.number().int(),
  rowsListed: z.number().int(),
  listed: z.record(z.string(), z.number().int()),
});
export type Accounting = z.infer<typeof Accounting>;

/** The province roll-up of many units' trackers for one reporting quarter. */
export const ProvinceRollup = z.object({
  period: z.object({ label: z.string(), from: IsoDate, to: IsoDate, quarter: z.number().int(), year: z.number().int() }),
  report: z.object({ label: z.string(), from: IsoDate, to: IsoDate }),
  asOf: IsoDate,
  /** Units in rank order. */
  units: z.array(UnitReport),
  /** The province figures: every unit's figures added up. */
  totals: Totals,
  byArea: z.array(AreaTotals),
  /** Areas in report order (the seven reform areas first, unclassified last). */
  areas: z.array(z.string().nullable()),
  rows: z.array(MergedRow),
  /** Units of the expected list with no merged tracker. */
  missing: z.array(z.string()),
  /** Whether an expected-units list was given. */
  expectedGiven: z.boolean(),
  duplicates: z.array(Duplicate),
  files: z.array(FileOutcome),
  findings: z.array(MergeFinding),
  planViews: z.array(PlanView),
  accounting: Accounting,
});
export type ProvinceRollup = z.infer<typeof ProvinceRollup>;
