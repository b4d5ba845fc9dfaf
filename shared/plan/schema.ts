import { z } from "zod";

/** ISO calendar date "YYYY-MM-DD". */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** How a deadline was written (domain.md, "Deadlines"). */
export const DeadlineKind = z.enum(["quarter", "month", "date", "year", "range", "recurring", "period"]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** A normalised deadline: the plan's own words, the kind, the due date (null when recurring) and any trailing condition. */
export const Deadline = z.object({
  raw: z.string(),
  kind: DeadlineKind,
  due: IsoDate.nullable(),
  note: z.string().nullable().optional(),
});
export type Deadline = z.infer<typeof Deadline>;

/** A group of tasks: a section (I, II…) or sub-criterion (2.1) of a hierarchical plan, or a reform area of a bullet plan. */
export const Group = z.object({
  id: z.string(),
  title: z.string(),
  parent: z.string().nullable(),
});
export type Group = z.infer<typeof Group>;

/** One task of the plan: the row a unit reports on every quarter. */
export const Task = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  group: z.string().nullable(),
  area: z.string().nullable(),
  requirement: z.string().nullable(),
  leads: z.array(z.string()),
  partners: z.array(z.string()),
  deadline: Deadline,
  source: z.enum(["appendix", "body"]),
  /** The province plan's task this task implements (set by `cchc derive`, or read from a derived plan's appendix). */
  provinceTaskId: z.string().min(1).optional(),
});
export type Task = z.infer<typeof Task>;

/** A target (mục tiêu) stated by the plan, often a percentage. */
export const Target = z.object({
  area: z.string().nullable(),
  text: z.string().min(1),
});
export type Target = z.infer<typeof Target>;

/** Something in the document that could not be read with certainty; never dropped silently. */
export const ParseWarning = z.object({
  line: z.number().int().optional(),
  page: z.number().int().optional(),
  message: z.string(),
});
export type ParseWarning = z.infer<typeof ParseWarning>;

/** A province task a derived commune plan left out (province-only), with why, for the officer to decide. */
export const ProvinceOnlyTask = z.object({
  id: z.string(),
  title: z.string(),
  leads: z.array(z.string()),
  deadline: Deadline,
  reason: z.string(),
});
export type ProvinceOnlyTask = z.infer<typeof ProvinceOnlyTask>;

/** Where a derived commune plan comes from: the province plan (title, unit, id) and the tasks it left out. */
export const DerivedFrom = z.object({
  title: z.string(),
  unit: z.string().nullable(),
  planId: z.string(),
  provinceOnly: z.array(ProvinceOnlyTask),
});
export type DerivedFrom = z.infer<typeof DerivedFrom>;

/** The plan as read from a document (product.md, "cchc parse --json"). */
export const Plan = z.object({
  title: z.string(),
  issuer: z.string().nullable(),
  unit: z.string().nullable(),
  level: z.enum(["province", "commune"]),
  period: z.object({ from: IsoDate, to: IsoDate }),
  groups: z.array(Group),
  tasks: z.array(Task),
  targets: z.array(Target),
  warnings: z.array(ParseWarning).default([]),
  /** Set on a commune plan made by `cchc derive` from its province's plan. */
  derivedFrom: DerivedFrom.optional(),
});
export type Plan = z.infer<typeof Plan>;
