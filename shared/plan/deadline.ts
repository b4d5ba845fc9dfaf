/** Deadline normalisation (domain.md, "Deadlines"). PLACEHOLDER signature — implemented by the plan-reader work. */
import type { Deadline } from "./schema.js";

/** Context for reading a deadline: the plan's year and period (for "Giai đoạn …" and year-less texts). */
export interface DeadlineContext {
  year: number;
  period: { from: string; to: string };
}

/** Reads a deadline text such as "Quý II/2026 (sau khi …)" into a Deadline. */
export function parseDeadline(raw: string, ctx: DeadlineContext): Deadline {
  return { raw, kind: "period", due: ctx.period.to, note: null };
}
