import { describe, expect, it } from "vitest";
import { workbookMessages as M } from "../../../shared/messages/workbook.js";
import { planId, type Plan } from "../../../shared/plan/index.js";
import {
  GUIDE_AS_OF,
  LIST_COLUMNS,
  TASK_FIRST_ROW,
  TASK_HEADER_ROW,
  buildTracker,
  isGroupRowValues,
  taskColumnLetter,
  taskColumnNumber,
} from "../../../shared/workbook/build-tracker.js";
import { isoToExcelSerial } from "../../../shared/workbook/dates.js";
import {
  AREAS,
  AS_OF_NAME,
  CREATED_BY,
  META_KEYS,
  SCHEMA_VERSION,
  SHEET,
  STATUSES,
  TASK_COLUMNS,
  decodeTaskIds,
  type TaskColumnKey,
} from "../../../shared/workbook/layout.js";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../../shared/workbook/spec.js";
import { appendixPlan, bulletPlan, hierarchicalPlan, hostilePlan } from "../../fixtures/plan-sample.js";

const opts = { unit: "xã An Khánh", year: 2026, asOf: "2026-09-14" };

function sheet(spec: WorkbookSpec, name: string): SheetSpec {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function cellAt(s: SheetSpec, row: number, col: number): CellSpec | null {
  return s.rows[row - 1]?.cells[col - 1] ?? null;
}

/** The task-table rows of Nhiệm vụ as values by column key. */
function tableRows(s: SheetSpec): Array<Partial<Record<TaskColumnKey, unknown>> & { row: number }> {
  const out = [];
  for (let r = TASK_FIRST_ROW; r <= s.rows.length; r++) {
    const values: Partial<Record<TaskColumnKey, unknown>> & { row: number } = { row: r };
    TASK_COLUMNS.forEach((c, i) => {
      const v = cellAt(s, r, i + 1)?.v ?? null;
      values[c.key] = typeof v === "object" && v !== null && v.kind === "formula" ? `=${v.formula}` : v;
    });
    out.push(values);
  }
  return out;
}

function styleOf(spec: WorkbookSpec, c: CellSpec | null) {
  return c?.s ? spec.styles[c.s] : undefined;
}

describe("buildTracker: workbook", () => {
  const spec = buildTracker(appendixPlan, opts);

  it("has the sheets of product.md in order, with their visibility", () => {
    expect(spec.sheets.map((s) => [s.name, s.state, s.role])).toEqual([
      [SHEET.guide, "visible", "guide"],
      [SHEET.tasks, "visible", "tasks"],
      [SHEET.lists, "hidden", "lists"],
      [SHEET.meta, "veryHidden", "meta"],
    ]);
    expect(spec.activeSheet).toBe(SHEET.guide);
  });

  it("adds Mục tiêu after Nhiệm vụ only when the plan has targets", () => {
    const withTargets = buildTracker(bulletPlan, opts);
    expect(withTargets.sheets.map((s) => s.name)).toEqual([SHEET.guide, SHEET.tasks, SHEET.targets, SHEET.lists, SHEET.meta]);
    const targets = sheet(withTargets, SHEET.targets);
    expect(targets.rows.slice(3).map((r) => r.cells[2]?.v)).toEqual(bulletPlan.targets.map((t) => t.text));
    expect(styleOf(withTargets, targets.rows[3]!.cells[3]!)?.locked).toBe(false);
    expect(styleOf(withTargets, targets.rows[3]!.cells[2]!)?.locked).not.toBe(false);
  });

  it("names the as-of cell of Hướng dẫn, which holds the as-of date, unlocked and validated", () => {
    expect(spec.definedNames).toEqual([{ name: AS_OF_NAME, ref: "'Hướng dẫn'!$C$10" }]);
    const guide = sheet(spec, SHEET.guide);
    const asOf = cellAt(guide, GUIDE_AS_OF.row, GUIDE_AS_OF.col);
    expect(asOf?.v).toEqual({ kind: "date", iso: "2026-09-14" });
    expect(styleOf(spec, asOf)?.locked).toBe(false);
    expect(guide.validations).toEqual([expect.objectContaining({ type: "date", range: "C10", allowBlank: false })]);
    expect(guide.protection).toBeDefined();
  });

  it("writes plan title, issuer, unit, year and the status and evaluation legends on Hướng dẫn", () => {
    const texts = sheet(spec, SHEET.guide).rows.flatMap((r) => r.cells.map((c) => c?.v));
    expect(texts).toEqual(expect.arrayContaining([appendixPlan.title, appendixPlan.issuer, opts.unit, 2026, ...STATUSES, "Quá hạn", "Hoàn thành quá hạn"]));
  });

  it("records every _meta key, as text", () => {
    const meta = sheet(spec, SHEET.meta);
    const kv = Object.fromEntries(meta.rows.map((r) => [r.cells[0]?.v, r.cells[1]?.v]));
    expect(Object.keys(kv)).toEqual([...META_KEYS]);
    expect(kv).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      planId: planId(appendixPlan),
      unit: "xã An Khánh",
      level: "commune",
      year: "2026",
      createdBy: CREATED_BY,
      planTitle: appendixPlan.title,
      periodFrom: "2026-01-01",
      periodTo: "2026-12-31",
    });
    expect(decodeTaskIds(String(kv.taskIds))).toEqual(appendixPlan.tasks.map((t) => t.id));
    expect(Object.values(kv).every((v) => typeof v === "string")).toBe(true);
  });

  it("lists statuses, areas and units on Danh mục", () => {
    const lists = sheet(spec, SHEET.lists);
    const column = (col: number) => lists.rows.slice(1).map((r) => r.cells[col - 1]?.v).filter((v) => v !== undefined && v !== null);
    expect(column(LIST_COLUMNS.statuses)).toEqual([...STATUSES]);
    expect(column(LIST_COLUMNS.areas)).toEqual([...AREAS]);
    expect(column(LIST_COLUMNS.units)).toEqual(
      expect.arrayContaining(["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công", "Các cơ quan, đơn vị"]),
    );
  });
});

describe("buildTracker: Nhiệm vụ", () => {
  const spec = buildTracker(appendixPlan, opts);
  const tasks = sheet(spec, SHEET.tasks);
  const rows = tableRows(tasks);

  it("has one header row with the TASK_COLUMNS headers", () => {
    expect(tasks.rows[TASK_HEADER_ROW - 1]!.cells.map((c) => c?.v)).toEqual(TASK_COLUMNS.map((c) => c.header));
    expect(tasks.columns.map((c) => c.width)).toEqual(TASK_COLUMNS.map((c) => c.width));
  });

  it("has one row per task in plan order, with a real due date (empty for recurring tasks)", () => {
    expect(rows.map((r) => r.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows.map((r) => r.due)).toEqual([
      { kind: "date", iso: "2026-03-31" },
      null,
      { kind: "date", iso: "2026-05-31" },
      { kind: "date", iso: "2026-06-30" },
      { kind: "date", iso: "2026-12-31" },
    ]);
    expect(rows[2]).toMatchObject({ leads: "Trung tâm Phục vụ hành chính công; Phòng Kinh tế", deadlineText: "Trước 01/6/2026" });
    expect(rows[3]!.deadlineText).toBe("Quý II/2026 (sau khi Bộ Nội vụ công bố)");
    expect(rows.map((r) => [r.status, r.progress, r.completedOn, r.result, r.note, r.updated].every((v) => v === null))).toEqual(
      rows.map(() => true),
    );
  });

  it("computes Đánh giá with a formula on every task row, with the as-of result cached", () => {
    const col = taskColumnNumber("evaluation");
    const evaluations = rows.map((r) => cellAt(tasks, r.row, col)?.v);
    expect(evaluations.map((v) => (typeof v === "object" && v && v.kind === "formula" ? v.result : v))).toEqual([
      "Quá hạn",
      "Thường xuyên",
      "Quá hạn",
      "Quá hạn",
      "Trong hạn",
    ]);
    rows.forEach((r) => expect(String(r.evaluation)).toContain(`TRIM(${taskColumnLetter("status")}${r.row})`));
    expect(cellAt(tasks, 3, col)?.v).toEqual({ kind: "formula", formula: AS_OF_NAME, result: isoToExcelSerial("2026-09-14") });
  });

  it("locks plan and formula cells and unlocks entry cells", () => {
    const row = rows[0]!.row;
    const locked = TASK_COLUMNS.map((c, i) => styleOf(spec, cellAt(tasks, row, i + 1))?.locked !== false);
    expect(Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, locked[i]]))).toEqual({
      id: true,
      area: false,
      title: true,
      requirement: true,
      leads: true,
      partners: true,
      deadlineText: true,
      due: true,
      status: false,
      progress: false,
      completedOn: false,
      result: false,
      note: false,
      evaluation: true,
      updated: false,
    });
    expect(tasks.protection).toMatchObject({ allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true });
    expect(tasks.protection?.password).toBeUndefined();
  });

  it("formats dates dd/mm/yyyy and progress as a whole number", () => {
    const row = rows[0]!.row;
    expect(styleOf(spec, cellAt(tasks, row, taskColumnNumber("due")))?.numFmt).toBe("dd/mm/yyyy");
    expect(styleOf(spec, cellAt(tasks, row, taskColumnNumber("completedOn")))?.numFmt).toBe("dd/mm/yyyy");
    expect(styleOf(spec, cellAt(tasks, row, taskColumnNumber("progress")))?.numFmt).toBe("0");
    expect(Object.values(spec.styles).filter((s) => s.fontName).every((s) => s.fontName === "Times New Roman")).toBe(true);
  });

  it("validates the entry columns (dropdowns from Danh mục, whole 0–100, dates in a window)", () => {
    expect(tasks.validations).toMatchInlineSnapshot(`
      [
        {
          "allowBlank": true,
          "error": {
            "message": "Chỉ chọn một trong: Chưa triển khai, Đang thực hiện, Hoàn thành, Không thực hiện (bấm mũi tên bên phải ô).",
            "title": "Trạng thái không hợp lệ",
          },
          "prompt": {
            "message": "Chọn trong danh sách. Để trống = Chưa triển khai.",
            "title": "Trạng thái",
          },
          "range": "I5:I9",
          "source": "'Danh mục'!$A$2:$A$5",
          "type": "list",
        },
        {
          "allowBlank": true,
          "error": {
            "message": "Nên chọn lĩnh vực trong danh sách thả xuống. Bấm Yes để giữ giá trị đã nhập, No để nhập lại.",
            "title": "Lĩnh vực không có trong danh mục",
          },
          "errorStyle": "warning",
          "range": "B5:B9",
          "source": "'Danh mục'!$B$2:$B$8",
          "type": "list",
        },
        {
          "allowBlank": true,
          "error": {
            "message": "Nhập số nguyên từ 0 đến 100 (không có dấu %).",
            "title": "Tiến độ không hợp lệ",
          },
          "max": 100,
          "min": 0,
          "range": "J5:J9",
          "type": "whole",
        },
        {
          "allowBlank": true,
          "error": {
            "message": "Nhập ngày theo dạng dd/mm/yyyy, trong khoảng 01/01/2025 – 31/12/2028.",
            "title": "Ngày hoàn thành không hợp lệ",
          },
          "max": "2028-12-31",
          "min": "2025-01-01",
          "range": "K5:K9",
          "type": "date",
        },
      ]
    `);
  });

  it("colours statuses, evaluations, overdue due dates and late completion dates, with a progress bar", () => {
    const summary = tasks.conditionalFormats.map((cf) =>
      cf.type === "dataBar" ? `${cf.range} bar ${cf.min}-${cf.max}` : cf.type === "textEquals" ? `${cf.range} = ${cf.text}` : `${cf.range} if ${cf.formula}`,
    );
    expect(summary).toMatchInlineSnapshot(`
      [
        "H5:H9 if $N5="Quá hạn"",
        "K5:K9 if $N5="Hoàn thành quá hạn"",
        "N5:N9 = Hoàn thành đúng hạn",
        "N5:N9 = Hoàn thành quá hạn",
        "N5:N9 = Trong hạn",
        "N5:N9 = Quá hạn",
        "N5:N9 = Thường xuyên",
        "N5:N9 = Không thực hiện",
        "I5:I9 = Đang thực hiện",
        "I5:I9 = Hoàn thành",
        "I5:I9 = Không thực hiện",
        "J5:J9 bar 0-100",
      ]
    `);
  });

  it("freezes the header and the id column, filters, and prints A4 landscape with the header repeated", () => {
    expect(tasks.freeze).toEqual({ rows: TASK_HEADER_ROW, cols: 1 });
    expect(tasks.autoFilter).toBe("A4:O9");
    expect(tasks.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [4, 4], area: "A1:O9" });
  });

  it("keeps text that looks like a formula as plain strings and caps nothing that fits", () => {
    const hostile = sheet(buildTracker(hostilePlan, opts), SHEET.tasks);
    const r = tableRows(hostile)[0]!;
    expect([r.title, r.requirement, r.leads, r.partners]).toEqual(["=1+1", "+84 912 345 678", "@Sở Nội vụ", "-Các sở"]);
  });

  it("caps plan text at Excel's 32,767 characters per cell", () => {
    const long: Plan = { ...appendixPlan, tasks: [{ ...appendixPlan.tasks[0]!, title: "x".repeat(40_000) }] };
    const r = tableRows(sheet(buildTracker(long, opts), SHEET.tasks))[0]!;
    expect(String(r.title).length).toBe(32_767);
  });

  it("builds an empty table for a plan without tasks", () => {
    const empty = buildTracker({ ...appendixPlan, tasks: [] }, opts);
    const t = sheet(empty, SHEET.tasks);
    expect(t.rows).toHaveLength(TASK_HEADER_ROW);
    expect(t.validations).toEqual([]);
    expect(t.conditionalFormats).toEqual([]);
  });
});

describe("buildTracker: group rows", () => {
  it("puts each section and sub-criterion of a hierarchical plan before its first task, once", () => {
    const spec = buildTracker(hierarchicalPlan, opts);
    const t = sheet(spec, SHEET.tasks);
    const rows = tableRows(t);
    expect(rows.map((r) => [r.id, isGroupRowValues(r) ? "group" : "task"])).toEqual([
      ["I", "group"],
      ["1.1", "group"],
      ["1.1.1", "task"],
      ["1.1.2", "task"],
      ["1.2", "group"],
      ["1.2.1", "task"],
      ["II", "group"],
      ["2.1", "task"],
    ]);
    const group = rows[0]!;
    expect(group.title).toBe("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
    expect(t.merges).toContain(`C${group.row}:D${group.row}`);
    expect(styleOf(spec, cellAt(t, group.row, 3))?.bold).toBe(true);
    // No dropdowns on group rows: validations cover the task runs only.
    expect(t.validations.filter((v) => v.type === "list" && v.range.startsWith("I")).map((v) => v.range)).toEqual(["I7:I8", "I10:I10", "I12:I12"]);
  });

  it("heads each area block of a bullet plan with an area row", () => {
    const rows = tableRows(sheet(buildTracker(bulletPlan, opts), SHEET.tasks));
    expect(rows.filter(isGroupRowValues).map((r) => [r.id, r.title])).toEqual([
      ["I", "Cải cách thể chế"],
      ["II", "Cải cách thủ tục hành chính"],
      ["III", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"],
    ]);
    expect(rows.filter((r) => !isGroupRowValues(r)).map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
  });

  it("does not reorder or group an appendix plan by area", () => {
    const rows = tableRows(sheet(buildTracker(appendixPlan, opts), SHEET.tasks));
    expect(rows.some(isGroupRowValues)).toBe(false);
  });

  it("never classifies a task row as a group row, even with nothing entered", () => {
    const rows = tableRows(sheet(buildTracker(hierarchicalPlan, opts), SHEET.tasks));
    const taskIds = new Set(hierarchicalPlan.tasks.map((t) => t.id));
    for (const r of rows) expect(isGroupRowValues(r)).toBe(!taskIds.has(String(r.id)));
  });
});

describe("workbook messages", () => {
  const all = [M.statusError, M.statusPrompt, M.areaError, M.progressError, M.completedError("01/01/2025", "31/12/2028"), M.asOfError("01/01/2025", "31/12/2028")];
  it.each(all.map((m) => [m.title, m]))("%s fits Excel's limits (title ≤ 32, text ≤ 255)", (_title, m) => {
    expect(m.title.length).toBeLessThanOrEqual(32);
    expect(m.message.length).toBeLessThanOrEqual(255);
  });
});
