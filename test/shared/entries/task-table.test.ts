import { describe, expect, it } from "vitest";
import { findTaskTable, rowKind } from "../../../shared/entries/task-table.js";
import type { GridSheet } from "../../../shared/entries/grid.js";
import { TASK_COLUMNS } from "../../../shared/workbook/layout.js";

const headers = TASK_COLUMNS.map((c) => c.header);

function sheet(rows: Array<Array<string | number | null>>): GridSheet {
  return { name: "Nhiệm vụ", values: rows };
}

describe("findTaskTable", () => {
  it("finds the header under title rows and maps every column", () => {
    const t = findTaskTable(sheet([["TIÊU ĐỀ"], ["Kế hoạch"], [], headers, ["1", "x", "Việc 1"]]))!;
    expect(t.headerRow).toBe(3);
    expect(t.firstRow).toBe(4);
    expect(t.lastRow).toBe(4);
    expect(t.missing).toEqual([]);
    expect(t.renamed).toEqual([]);
    TASK_COLUMNS.forEach((c, i) => expect(t.columns[c.key]).toBe(i));
  });

  it("follows moved and inserted columns", () => {
    const moved = [...headers];
    moved.splice(2, 0, "Cột thêm của người dùng");
    const status = moved.splice(moved.indexOf("Trạng thái"), 1)[0]!;
    moved.unshift(status);
    const t = findTaskTable(sheet([moved]))!;
    expect(t.columns.status).toBe(0);
    expect(t.columns.id).toBe(1);
    expect(t.columns.title).toBe(4);
    expect(t.missing).toEqual([]);
  });

  it.each([
    ["TRẠNG THÁI", "status", false],
    ["trang thai", "status", false],
    ["Trạng  thái ", "status", false],
    ["Tình trạng", "status", true],
    ["Tiến độ thực hiện (%)", "progress", true],
    ["Tiến độ %", "progress", false],
    ["STT", "id", true],
    ["Kết quả thực hiện", "result", true],
    ["Ghi chú", "note", true],
  ] as const)("reads header %j as %s (renamed: %s)", (text, key, renamed) => {
    const row = headers.map((h) => (h === TASK_COLUMNS.find((c) => c.key === key)!.header ? text : h));
    const t = findTaskTable(sheet([row]))!;
    expect(t.columns[key]).toBe(TASK_COLUMNS.findIndex((c) => c.key === key));
    expect(t.renamed.includes(key)).toBe(renamed);
  });

  it("does not take a short alias as the start of another word", () => {
    const row = headers.filter((h) => h !== "Hạn hoàn thành").concat(["Hành động"]);
    const t = findTaskTable(sheet([row]))!;
    expect(t.columns.due).toBeUndefined();
    expect(t.missing).toEqual(["due"]);
  });

  it("reports a missing header and a duplicate one", () => {
    const row = headers.filter((h) => h !== "Trạng thái").concat(["Ghi chú"]);
    const t = findTaskTable(sheet([row]))!;
    expect(t.missing).toEqual(["status"]);
    expect(t.duplicates).toEqual([{ key: "note", col: row.length - 1 }]);
  });

  it("returns null when nothing looks like a header", () => {
    expect(findTaskTable(sheet([["a", "b"], ["Mã", 1, 2]]))).toBeNull();
    expect(findTaskTable(sheet([]))).toBeNull();
  });

  it("ends the table at the last row with content", () => {
    const t = findTaskTable(sheet([headers, ["1", null, "a"], [], ["2", null, "b"], [], [null, null, null]]))!;
    expect(t.lastRow).toBe(3);
  });
});

describe("rowKind", () => {
  const t = findTaskTable(sheet([headers]))!;
  const row = (v: Record<string, string | null>) => TASK_COLUMNS.map((c) => v[c.key] ?? null);

  it.each([
    [{ id: "1", title: "Việc", leads: "Phòng Kinh tế", deadlineText: "Quý I/2026" }, null, "task"],
    [{ id: "I", title: "CÔNG TÁC CHỈ ĐẠO" }, null, "group"],
    [{ id: "I", title: "CÔNG TÁC CHỈ ĐẠO" }, ["1", "2"], "group"],
    [{ id: "2", title: "Nhiệm vụ không có hạn" }, ["1", "2"], "task"],
    [{ id: "1", title: "Nhóm", status: "Hoàn thành" }, null, "task"],
    [{ title: "Không có mã", status: "Hoàn thành" }, null, "noId"],
    [{}, null, "blank"],
  ] as const)("%j with ids %j is %s", (values, ids, kind) => {
    expect(rowKind(row(values), t, ids ? new Set(ids) : null)).toBe(kind);
  });
});
