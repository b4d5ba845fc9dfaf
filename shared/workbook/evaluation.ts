/**
 * The Đánh giá (evaluation) of a task row against the as-of date (domain.md, "Statuses and evaluation"),
 * as a spreadsheet formula and as the same rule in TypeScript (for cached results and tests).
 *
 * The rule, in order:
 *   1. status "Không thực hiện"                       → "Không thực hiện"
 *   2. no due date (recurring task)                  → "Thường xuyên"
 *   3. status "Hoàn thành": completed ≤ due            → "Hoàn thành đúng hạn", else "Hoàn thành quá hạn";
 *      a missing or non-date completion date is taken as the as-of date (the task was done by then at the latest)
 *   4. anything else (empty = Chưa triển khai, Đang thực hiện, unknown text): as-of ≤ due → "Trong hạn", else "Quá hạn"
 * Status text is compared after TRIM and case-insensitively, as Excel's "=" does.
 */
import type { IsoDate } from "../plan/schema.js";
import { formulaString } from "./a1.js";
import { AS_OF_NAME, type Evaluation } from "./layout.js";

const DONE = "Hoàn thành";
const DROPPED = "Không thực hiện";

/** Column letters the formula reads on its own row. */
export interface EvaluationColumns {
  due: string;
  status: string;
  completedOn: string;
}

/**
 * The Đánh giá formula for one row (no leading "="). Uses only IF/TRIM/ISNUMBER/INT and "," separators so that
 * Excel (any version), LibreOffice and Google Sheets compute it the same way; the as-of date is the defined name
 * AS_OF_NAME (or another absolute reference given as `asOfRef`).
 */
export function evaluationFormula(row: number, cols: EvaluationColumns, asOfRef: string = AS_OF_NAME): string {
  const due = `${cols.due}${row}`;
  const status = `TRIM(${cols.status}${row})`;
  const done = `${cols.completedOn}${row}`;
  const q = formulaString;
  return (
    `IF(${status}=${q(DROPPED)},${q(DROPPED)},` +
    `IF(ISNUMBER(${due}),` +
    `IF(${status}=${q(DONE)},` +
    `IF(IF(ISNUMBER(${done}),INT(${done}),${asOfRef})<=${due},${q("Hoàn thành đúng hạn")},${q("Hoàn thành quá hạn")}),` +
    `IF(${asOfRef}<=${due},${q("Trong hạn")},${q("Quá hạn")})),` +
    `${q("Thường xuyên")}))`
  );
}

/** What the formula reads from a row. */
export interface EvaluationInput {
  status: string | null;
  due: IsoDate | null;
  completedOn: IsoDate | null;
}

/** Excel's TRIM: strips spaces (U+0020 only) at both ends and collapses runs inside. */
function excelTrim(s: string): string {
  return s.replace(/ +/g, " ").replace(/^ | $/g, "");
}

function sameText(a: string, b: string): boolean {
  return excelTrim(a).toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
}

/** The evaluation the formula computes for a row, in TypeScript (ISO dates compare as strings). */
export function evaluateTask(input: EvaluationInput, asOf: IsoDate): Evaluation {
  const status = input.status ?? "";
  if (sameText(status, DROPPED)) return "Không thực hiện";
  if (!input.due) return "Thường xuyên";
  if (sameText(status, DONE)) return (input.completedOn ?? asOf) <= input.due ? "Hoàn thành đúng hạn" : "Hoàn thành quá hạn";
  return asOf <= input.due ? "Trong hạn" : "Quá hạn";
}
