/** What each plan-shape reader (layout text, Markdown table, bullet plan, docx, pdf, xlsx) returns. */
import type { Group, ParseWarning, Target, Task } from "../schema.js";

/** Plan-wide facts a reader needs: the plan's year and period (for deadlines). */
export interface ReaderContext {
  year: number;
  period: { from: string; to: string };
}

/** The tasks, groups, targets found by a reader, plus warnings (with line numbers) for what it could not read. */
export interface ReaderOutput {
  tasks: Task[];
  groups: Group[];
  targets: Target[];
  warnings: ParseWarning[];
}
