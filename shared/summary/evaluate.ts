/**
 * Where a task stands as of a date (domain.md, "Statuses and evaluation"). The evaluation is the tracker's
 * Đánh giá formula (shared/workbook/evaluation.ts) applied to what was true on the as-of date: a task completed
 * after that date was not yet done then. For entries valid on the as-of date both give the same answer.
 */
import type { IsoDate } from "../plan/schema.js";
import type { Entry } from "../entries/schema.js";
import type { Evaluation } from "../workbook/layout.js";

/** The bucket a task is counted in on a date; the buckets partition the tasks. */
export type Standing = "doneOnTime" | "doneLate" | "inProgress" | "notStarted" | "dropped" | "invalid";

/** A task's standing on the as-of date, its evaluation, and whether it is overdue then. */
export interface TaskStanding {
  standing: Standing;
  /** Null for invalid entries (their figures cannot be trusted). */
  evaluation: Evaluation | null;
  /** Not done, not dropped, not recurring, due before the as-of date. */
  overdue: boolean;
  /** Done, with the completion date inside the period (and not after the as-of date). */
  doneInPeriod: boolean;
}

/** Evaluates one entry as of `asOf` for the period starting `periodFrom` (recurring tasks count as done per period). */
export function standingOf(entry: Entry, asOf: IsoDate, period: { from: IsoDate; to: IsoDate }): TaskStanding {
  if (!entry.valid || entry.status === null) return { standing: "invalid", evaluation: null, overdue: false, doneInPeriod: false };
  if (entry.status === "Không thực hiện") return { standing: "dropped", evaluation: "Không thực hiện", overdue: false, doneInPeriod: false };
  const completed = entry.status === "Hoàn thành" ? entry.completedOn : null;
  const doneByAsOf = completed !== null && completed <= asOf;
  const inPeriod = doneByAsOf && completed >= period.from && completed <= period.to;
  if (entry.recurring || entry.due === null) {
    // A recurring task is done in a period when it was marked done in that period; otherwise it is ongoing.
    if (inPeriod) return { standing: "doneOnTime", evaluation: "Thường xuyên", overdue: false, doneInPeriod: true };
    return {
      standing: entry.status === "Chưa triển khai" ? "notStarted" : "inProgress",
      evaluation: "Thường xuyên",
      overdue: false,
      doneInPeriod: false,
    };
  }
  if (doneByAsOf) {
    const onTime = completed <= entry.due;
    return {
      standing: onTime ? "doneOnTime" : "doneLate",
      evaluation: onTime ? "Hoàn thành đúng hạn" : "Hoàn thành quá hạn",
      overdue: false,
      doneInPeriod: inPeriod,
    };
  }
  const late = asOf > entry.due;
  return {
    // Marked done after the as-of date: on that date it was still being worked on.
    standing: entry.status === "Chưa triển khai" ? "notStarted" : "inProgress",
    evaluation: late ? "Quá hạn" : "Trong hạn",
    overdue: late,
    doneInPeriod: false,
  };
}
