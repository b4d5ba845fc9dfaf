/**
 * Eighteen tasks with a hand-computed Quý III/2026 summary (period 15/06–14/09/2026, as of 14/09/2026): periods at
 * their boundaries, a task with two leads, recurring tasks, dropped tasks, one invalid entry.
 */
import { readEntries } from "../../../shared/entries/read.js";
import type { Plan } from "../../../shared/plan/schema.js";
import type { Fill } from "../entries/tracker-file.js";
import type { Entries } from "../../../shared/entries/schema.js";
import { date, trackerGrid, type RowValues } from "../entries/tracker-grid.js";

export const A = "Phòng Kinh tế";
export const B = "Văn phòng HĐND và UBND xã";
export const C = "Phòng Văn hóa - Xã hội";
export const CHI_DAO = "Công tác chỉ đạo, điều hành";
export const THE_CHE = "Cải cách thể chế";
export const TTHC = "Cải cách thủ tục hành chính";
export const BO_MAY = "Cải cách tổ chức bộ máy";
export const CONG_VU = "Cải cách chế độ công vụ";
export const TAI_CHINH = "Cải cách tài chính công";
export const SO = "Xây dựng và phát triển chính quyền điện tử, chính quyền số";

const t = (id: string, area: string | null, leads: string, due: string | null, status: string | null, completedOn: string | null = null, extra: RowValues = {}): RowValues => ({
  id,
  area,
  title: `Nhiệm vụ ${id}`,
  leads,
  deadlineText: due ? `Hạn ${due}` : "Thường xuyên",
  due: due ? date(due) : null,
  status,
  completedOn: completedOn ? date(completedOn) : null,
  progress: status === "Hoàn thành" ? 100 : null,
  result: status === "Hoàn thành" ? `Văn bản ${id}` : null,
  note: status === "Không thực hiện" ? "Không bố trí được kinh phí" : null,
  ...extra,
});

/** The rows, with what each is as of 14/09/2026 in a comment. */
export const ROWS: RowValues[] = [
  t("1", THE_CHE, A, "2026-03-31", "Hoàn thành", "2026-03-20"), // done on time, before the period
  t("2", THE_CHE, `${A}; ${B}`, "2026-06-30", "Hoàn thành", "2026-07-10"), // done late, in period, two leads
  t("3", TTHC, B, "2026-06-30", "Đang thực hiện"), // in progress, overdue
  t("4", TTHC, C, "2026-09-30", null), // not started, due next period
  t("5", TTHC, C, "2026-09-14", "Đang thực hiện"), // due on the as-of date: in time, not "next"
  t("6", SO, A, "2026-06-30", "Hoàn thành", "2026-06-15"), // done on the first day of the period
  t("7", SO, B, "2026-06-30", "Hoàn thành", "2026-06-14"), // done the day before the period
  t("8", SO, B, "2026-08-31", "Hoàn thành", "2026-09-14"), // done late on the cut-off day
  t("9", SO, C, "2026-09-30", "Hoàn thành", "2026-09-15"), // done after the cut-off: in progress as of 14/09
  t("10", CHI_DAO, A, null, "Hoàn thành", "2026-08-01"), // recurring, done in the period
  t("11", CHI_DAO, B, null, "Hoàn thành", "2026-05-10"), // recurring, done in an earlier period
  t("12", CHI_DAO, C, null, null), // recurring, not started: never overdue
  t("13", BO_MAY, A, "2026-12-31", "Không thực hiện"), // dropped
  t("14", BO_MAY, C, "2026-03-31", "Không thực hiện"), // dropped, past due: not overdue
  t("15", TAI_CHINH, B, "2026-12-31", "Đang thực hiện"), // due next period (31/12 is inside Q4)
  t("16", null, A, "2027-03-31", null), // no area; due after the next period
  t("17", CONG_VU, A, "2026-05-31", "Xong rồi"), // invalid status
  t("18", CONG_VU, C, "2026-09-15", null), // due the day after the cut-off
];

/** Reads the rows as a tracker checked on 21/11/2026. */
export function fixtureEntries(rows: RowValues[] = ROWS): Entries {
  const { entries } = readEntries(trackerGrid({ rows }), { asOf: new Date("2026-11-21T00:00:00Z") });
  if (!entries) throw new Error("fixture unreadable");
  return entries;
}

/** The same eighteen tasks as a plan, to build a real tracker file from (buildTracker). */
export function fixturePlan(): Plan {
  return {
    title: "Kế hoạch Cải cách hành chính xã Thử Nghiệm năm 2026",
    issuer: "UBND xã Thử Nghiệm",
    unit: "xã Thử Nghiệm",
    level: "commune",
    period: { from: "2026-01-01", to: "2026-12-31" },
    groups: [],
    targets: [],
    warnings: [],
    tasks: ROWS.map((r) => {
      const due = r.due instanceof Date ? r.due.toISOString().slice(0, 10) : null;
      return {
        id: String(r.id),
        title: String(r.title),
        group: null,
        area: (r.area as string | null) ?? null,
        requirement: null,
        leads: String(r.leads).split("; "),
        partners: [],
        deadline: due ? { raw: `Trước ngày ${due}`, kind: "date" as const, due, note: null } : { raw: "Thường xuyên", kind: "recurring" as const, due: null, note: null },
        source: "appendix" as const,
      };
    }),
  };
}

/** The entries of ROWS as cell values to type into a tracker made from fixturePlan (dates as date cells). */
export function fixtureFills(): Record<string, Fill> {
  const fills: Record<string, Fill> = {};
  for (const r of ROWS) {
    const fill: Fill = {};
    for (const key of ["status", "progress", "completedOn", "result", "note"] as const) {
      const v = r[key];
      if (v !== null && v !== undefined) fill[key] = v as Fill[typeof key];
    }
    // The area column is the user's: a blank area in the plan stays blank.
    fills[String(r.id)] = fill;
  }
  return fills;
}
