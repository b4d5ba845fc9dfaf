import { describe, expect, it } from "vitest";
import { readEntries } from "../../../shared/entries/read.js";
import type { Finding } from "../../../shared/entries/schema.js";
import { Entries } from "../../../shared/entries/schema.js";
import { SHEET, TASK_COLUMNS, type TaskColumnKey } from "../../../shared/workbook/layout.js";
import { cellOfRow, date, defaultMeta, trackerGrid, type RowValues } from "./tracker-grid.js";

const asOf = new Date("2026-09-14T00:00:00Z");

/** Five valid task rows: in progress, done, not started (empty status), dropped, recurring. */
function baseRows(): RowValues[] {
  return [
    { id: "1", area: "Cải cách thể chế", title: "Rà soát văn bản", leads: "Phòng Kinh tế", deadlineText: "Quý I/2026", due: date("2026-03-31"), status: "Đang thực hiện", progress: 50 },
    { id: "2", title: "Ban hành kế hoạch", leads: "Văn phòng HĐND và UBND xã", deadlineText: "Tháng 01/2026", due: date("2026-01-31"), status: "Hoàn thành", progress: 100, completedOn: date("2026-01-20"), result: "Kế hoạch số 12/KH-UBND" },
    { id: "3", title: "Số hóa hồ sơ", leads: "Trung tâm Phục vụ hành chính công", deadlineText: "Quý II/2026", due: date("2026-06-30") },
    { id: "4", title: "Tổ chức hội thi", leads: "Phòng Văn hóa - Xã hội", deadlineText: "Quý III/2026", due: date("2026-09-30"), status: "Không thực hiện", note: "Không bố trí được kinh phí" },
    { id: "5", title: "Tuyên truyền CCHC", leads: "Phòng Văn hóa - Xã hội; Phòng Kinh tế", deadlineText: "Thường xuyên", due: null, status: "Đang thực hiện" },
  ];
}

function read(rows: RowValues[], extra: Partial<Parameters<typeof trackerGrid>[0]> = {}) {
  return readEntries(trackerGrid({ rows, ...extra }), { asOf });
}

const brief = (f: Finding) => [f.severity, f.code, f.cell, f.taskId];

describe("readEntries on a clean tracker", () => {
  it("reads every task and finds nothing", () => {
    const { entries, findings } = read(baseRows());
    expect(findings).toEqual([]);
    expect(Entries.parse(entries)).toBeTruthy();
    expect(entries!.rows.map((e) => [e.id, e.status, e.valid])).toEqual([
      ["1", "Đang thực hiện", true],
      ["2", "Hoàn thành", true],
      ["3", "Chưa triển khai", true],
      ["4", "Không thực hiện", true],
      ["5", "Đang thực hiện", true],
    ]);
    const [, done, , , recurring] = entries!.rows;
    expect(done).toMatchObject({ row: 6, completedOn: "2026-01-20", due: "2026-01-31", result: "Kế hoạch số 12/KH-UBND", recurring: false });
    expect(recurring).toMatchObject({ recurring: true, due: null, leads: ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"] });
    expect(entries!.meta).toMatchObject({ planId: "plan-abc", year: 2026, schemaVersion: "1", unit: "xã Cao Minh", taskIds: ["1", "2", "3", "4", "5"] });
    expect(entries!.headerRow).toBe(4);
  });

  it("accepts Excel serial dates as written by programs that drop the date style", () => {
    const rows = baseRows();
    rows[1]!.completedOn = 46042; // 20/01/2026
    rows[1]!.due = 46053; // 31/01/2026
    const { entries, findings } = read(rows);
    expect(findings).toEqual([]);
    expect(entries!.rows[1]).toMatchObject({ completedOn: "2026-01-20", due: "2026-01-31" });
  });
});

describe("validation rules", () => {
  type Case = [string, (rows: RowValues[]) => void, Array<[Finding["severity"], string, TaskColumnKey | null, string | null]>];
  const cases: Case[] = [
    ["status not in the list", (r) => (r[0]!.status = "Đang làm"), [["error", "statusInvalid", "status", "1"]]],
    ["status typed in lower case", (r) => (r[0]!.status = "đang thực hiện"), [["warning", "statusNotExact", "status", "1"]]],
    ["status typed without diacritics", (r) => (r[1]!.status = "Hoan thanh"), [["warning", "statusNotExact", "status", "2"]]],
    ["a number in the status cell", (r) => (r[0]!.status = 1), [["error", "statusInvalid", "status", "1"]]],
    ["done without completion date", (r) => (r[1]!.completedOn = null), [["error", "doneWithoutDate", "completedOn", "2"]]],
    ["done without result", (r) => (r[1]!.result = "  "), [["error", "doneWithoutResult", "result", "2"]]],
    ["done after the as-of date", (r) => (r[1]!.completedOn = date("2026-09-15")), [["error", "completedAfterAsOf", "completedOn", "2"]]],
    ["done before the plan period", (r) => (r[1]!.completedOn = date("2025-12-20")), [["error", "completedBeforePeriod", "completedOn", "2"]]],
    ["unreadable completion date", (r) => (r[1]!.completedOn = "tháng 3"), [["error", "dateInvalid", "completedOn", "2"]]],
    ["completion date typed as text", (r) => (r[1]!.completedOn = "20/1/2026"), [["warning", "dateAsText", "completedOn", "2"]]],
    ["progress above 100", (r) => (r[0]!.progress = 150), [["error", "progressOutOfRange", "progress", "1"]]],
    ["negative progress", (r) => (r[0]!.progress = -1), [["error", "progressOutOfRange", "progress", "1"]]],
    ["fractional progress", (r) => (r[0]!.progress = 0.5), [["error", "progressNotWhole", "progress", "1"]]],
    ["progress as text with %", (r) => (r[0]!.progress = "50%"), [["warning", "progressAsText", "progress", "1"]]],
    ["progress not a number", (r) => (r[0]!.progress = "một nửa"), [["error", "progressInvalid", "progress", "1"]]],
    ["done with progress below 100", (r) => (r[1]!.progress = 90), [["error", "doneProgressBelow100", "progress", "2"]]],
    ["dropped without reason", (r) => (r[3]!.note = null), [["error", "droppedWithoutReason", "note", "4"]]],
    ["completion date on a task not done", (r) => (r[0]!.completedOn = date("2026-02-01")), [["warning", "completedOnNotDone", "completedOn", "1"]]],
    ["progress on a task not started", (r) => (r[2]!.progress = 30), [["warning", "progressNotStarted", "progress", "3"]]],
    ["formula-injection text in the result", (r) => (r[1]!.result = '=HYPERLINK("http://x","bấm")'), [["warning", "formulaText", "result", "2"]]],
    ["a bullet in the note is not a formula", (r) => (r[3]!.note = "- Không bố trí được kinh phí"), []],
    ["an unreadable due date", (r) => (r[0]!.due = "cuối quý"), [["warning", "dueInvalid", "due", "1"]]],
    ["over-long text", (r) => (r[0]!.note = "x".repeat(40_000)), [["error", "textTooLong", "note", "1"]]],
    ["a row with entries but no id", (r) => r.push({ title: "Việc thêm", status: "Hoàn thành" }), [["warning", "rowWithoutId", "id", null]]],
  ];

  it.each(cases)("%s", (_name, mutate, expected) => {
    const rows = baseRows();
    mutate(rows);
    const ids = baseRows().map((r) => r.id as string);
    const { findings } = read(rows, { meta: defaultMeta(ids) });
    const want = expected.map(([sev, code, key, task]) => {
      const i = task ? ids.indexOf(task) : rows.length - 1;
      return [sev, code, key ? cellOfRow(i, key) : null, task];
    });
    expect(findings.map(brief)).toEqual(want);
    for (const f of findings) {
      expect(f.sheet).toBe(SHEET.tasks);
      expect(f.file).toBe("so-theo-doi.xlsx");
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.hint.length).toBeGreaterThan(10);
    }
  });

  it("marks rows with an error invalid and leaves warnings valid", () => {
    const rows = baseRows();
    rows[0]!.status = "Đang làm";
    rows[1]!.completedOn = "20/1/2026";
    const { entries } = read(rows);
    expect(entries!.rows.map((e) => e.valid)).toEqual([false, true, true, true, true]);
    expect(entries!.rows[0]).toMatchObject({ status: null, statusText: "Đang làm" });
  });

  it("suggests the status a wrong text most likely meant", () => {
    const rows = baseRows();
    rows[0]!.status = "Đã hoàn thành";
    const { findings } = read(rows);
    expect(findings[0]!.hint).toContain('"Hoàn thành"');
  });

  it("reports a formula in an entry column once, not also as a wrong value", () => {
    const rows = baseRows();
    rows[0]!.progress = 150;
    const { findings, entries } = read(rows, { formulas: [{ progress: "100+50" }], evaluationFormulas: true });
    expect(findings.map(brief)).toEqual([["error", "formulaInEntry", cellOfRow(0, "progress"), "1"]]);
    expect(findings[0]!.message).toContain("=100+50");
    expect(entries!.rows[0]!.valid).toBe(false);
  });

  it("reports evaluation cells overwritten by values in one finding", () => {
    const rows = baseRows();
    const formulas = rows.map(() => ({ evaluation: "IF(1,2,3)" }) as Partial<Record<TaskColumnKey, string>>);
    formulas[1] = {};
    formulas[3] = {};
    const { findings } = read(rows, { formulas });
    expect(findings.map(brief)).toEqual([["warning", "evaluationOverwritten", cellOfRow(1, "evaluation"), null]]);
    expect(findings[0]!.message).toContain(`${cellOfRow(1, "evaluation")}, ${cellOfRow(3, "evaluation")}`);
  });
});

describe("rows against the plan's task list", () => {
  it("reports a deleted task row", () => {
    const rows = baseRows();
    const ids = rows.map((r) => r.id as string);
    rows.splice(2, 1);
    const { findings, entries } = read(rows, { meta: defaultMeta(ids) });
    expect(findings.map(brief)).toEqual([["error", "taskMissing", null, "3"]]);
    expect(entries!.rows).toHaveLength(4);
  });

  it("reports a duplicated row and keeps only the first", () => {
    const rows = baseRows();
    rows.push({ ...rows[1]!, status: "Đang thực hiện" });
    const { findings, entries } = read(rows, { meta: defaultMeta(baseRows().map((r) => r.id as string)) });
    expect(findings.map(brief)).toEqual([["error", "taskDuplicate", "A10", "2"]]);
    expect(findings[0]!.message).toContain("hàng 6");
    expect(entries!.rows.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(entries!.rows[1]!.status).toBe("Hoàn thành");
  });

  it("flags a task id the plan does not have", () => {
    const rows = baseRows();
    rows.push({ id: "99", title: "Nhiệm vụ tự thêm", leads: "Phòng Kinh tế", status: "Đang thực hiện" });
    const { findings, entries } = read(rows, { meta: defaultMeta(baseRows().map((r) => r.id as string)) });
    expect(findings.map(brief)).toEqual([["warning", "taskUnknown", "A10", "99"]]);
    expect(entries!.rows).toHaveLength(6);
  });

  it("skips group separator rows", () => {
    const rows = baseRows();
    rows.splice(0, 0, { id: "I", title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" });
    rows.splice(3, 0, { id: "II", title: "CẢI CÁCH THỂ CHẾ" });
    const { findings, entries } = read(rows, { meta: defaultMeta(baseRows().map((r) => r.id as string)) });
    expect(findings).toEqual([]);
    expect(entries!.rows.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);
  });
});

describe("headers and sheets", () => {
  it("reads moved columns by header and says so once", () => {
    const columns = TASK_COLUMNS.map((c) => c.key);
    const moved = [...columns.filter((k) => k !== "status"), "status" as TaskColumnKey].reverse();
    const { entries, findings } = read(baseRows(), { columns: moved });
    expect(findings.map(brief)).toEqual([["warning", "columnsMoved", null, null]]);
    expect(entries!.rows.map((e) => e.status)).toEqual(["Đang thực hiện", "Hoàn thành", "Chưa triển khai", "Không thực hiện", "Đang thực hiện"]);
  });

  it("reads renamed headers with a warning at the header cell", () => {
    const { entries, findings } = read(baseRows(), { headers: { progress: "Tiến độ thực hiện", status: "Tình trạng" } });
    expect(findings.map(brief)).toEqual([
      ["warning", "headerRenamed", "I4", null],
      ["warning", "headerRenamed", "J4", null],
    ]);
    expect(entries!.rows[0]!.progress).toBe(50);
  });

  it.each([
    ["Trạng thái", "error"],
    ["Kết quả / Văn bản, sản phẩm", "error"],
    ["Cơ quan phối hợp", "warning"],
    ["Đánh giá", "warning"],
  ] as const)("reports the missing header %s as %s", (header, severity) => {
    const key = TASK_COLUMNS.find((c) => c.header === header)!.key;
    const columns = TASK_COLUMNS.map((c) => c.key).filter((k) => k !== key);
    const { findings } = read(baseRows(), { columns });
    const missing = findings.filter((f) => f.code === "headerMissing");
    expect(missing.map((f) => [f.severity, f.cell])).toEqual([[severity, "4:4"]]);
    expect(missing[0]!.message).toContain(header);
  });

  it("gives no entries without an id column", () => {
    const columns = TASK_COLUMNS.map((c) => c.key).filter((k) => k !== "id");
    const { entries, findings } = read(baseRows(), { columns });
    expect(entries).toBeNull();
    expect(findings.map((f) => f.code)).toContain("headerMissing");
  });

  it("finds the table on a renamed sheet", () => {
    const { entries, findings } = read(baseRows(), { tasksSheetName: "Nhiem vu 2026" });
    expect(findings.map(brief)).toEqual([["warning", "tasksSheetRenamed", null, null]]);
    expect(entries!.sheet).toBe("Nhiem vu 2026");
  });

  it("reports a workbook without any task table", () => {
    const { entries, findings } = readEntries({ file: "x.xlsx", sheets: [{ name: "Sheet1", values: [["a", "b"]] }] });
    expect(entries).toBeNull();
    expect(findings.map(brief)).toEqual([
      ["error", "notTracker", null, null],
      ["error", "noTaskTable", null, null],
    ]);
  });
});

describe("_meta", () => {
  it("reports a tracker without _meta but still reads its rows", () => {
    const { entries, findings } = read(baseRows(), { meta: null });
    expect(findings.map(brief)).toEqual([["error", "notTracker", null, null]]);
    expect(entries!.rows).toHaveLength(5);
    expect(entries!.meta.planId).toBeNull();
  });

  it("reports an unknown template version at its cell", () => {
    const meta = defaultMeta(["1", "2", "3", "4", "5"]);
    meta.schemaVersion = "7";
    const { findings } = read(baseRows(), { meta });
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([["unknownVersion", "_meta", "B1"]]);
    expect(findings[0]!.message).toContain('"7"');
  });

  it("reports missing meta keys", () => {
    const meta = defaultMeta(["1", "2", "3", "4", "5"]);
    delete meta.planId;
    delete meta.year;
    const { findings } = read(baseRows(), { meta });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["metaIncomplete", "error"]]);
    expect(findings[0]!.message).toContain("planId, year");
  });

  it("reads numbers where text was written (year 2026.0, version 1)", () => {
    const meta = defaultMeta(["1", "2", "3", "4", "5"]);
    meta.schemaVersion = 1;
    meta.year = "2026";
    const { entries, findings } = read(baseRows(), { meta });
    expect(findings).toEqual([]);
    expect(entries!.meta).toMatchObject({ schemaVersion: "1", year: 2026 });
  });
});
