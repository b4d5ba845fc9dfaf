import { describe, expect, it } from "vitest";
import { applyStatus } from "../../../shared/entries/apply-status.js";
import { cellOfRow, date, trackerGrid } from "./tracker-grid.js";

const today = new Date(2026, 7, 20, 15, 30); // 20/08/2026, local time of the host

function tasksSheet() {
  const grid = trackerGrid({
    rows: [
      { id: "I", title: "CÔNG TÁC CHỈ ĐẠO" },
      { id: "1", title: "Việc 1", leads: "Phòng Kinh tế", deadlineText: "Quý I/2026", due: date("2026-03-31") },
      { id: "2", title: "Việc 2", leads: "Phòng Kinh tế", deadlineText: "Quý II/2026", due: date("2026-06-30"), status: "Hoàn thành", progress: 100, completedOn: date("2026-06-01"), result: "KH 1" },
      { id: "3", title: "Việc 3", leads: "Phòng Kinh tế", deadlineText: "Quý II/2026", due: date("2026-06-30"), completedOn: date("2026-08-01") },
    ],
  });
  return grid.sheets.find((s) => s.name === "Nhiệm vụ")!;
}
const row = (i: number) => 4 + i; // 0-based sheet row of the i-th row given above

describe("applyStatus", () => {
  it("marks rows done: status, progress 100, today's date where none, update stamp", () => {
    const updates = applyStatus(tasksSheet(), [row(1), row(3)], "Hoàn thành", today);
    expect(updates.map((u) => [u.cell, u.value])).toEqual([
      [cellOfRow(1, "status"), "Hoàn thành"],
      [cellOfRow(1, "progress"), 100],
      [cellOfRow(1, "completedOn"), { kind: "date", iso: "2026-08-20" }],
      [cellOfRow(1, "updated"), { kind: "date", iso: "2026-08-20" }],
      [cellOfRow(3, "status"), "Hoàn thành"],
      [cellOfRow(3, "progress"), 100],
      [cellOfRow(3, "updated"), { kind: "date", iso: "2026-08-20" }],
    ]);
    expect(updates[0]).toMatchObject({ row: row(1), col: 8 });
  });

  it("clears the completion date when a done task is set back", () => {
    const updates = applyStatus(tasksSheet(), [row(2)], "Đang thực hiện", today);
    expect(updates.map((u) => [u.cell, u.value])).toEqual([
      [cellOfRow(2, "status"), "Đang thực hiện"],
      [cellOfRow(2, "completedOn"), null],
      [cellOfRow(2, "updated"), { kind: "date", iso: "2026-08-20" }],
    ]);
  });

  it("skips group rows, header and title rows, and rows beyond the table", () => {
    expect(applyStatus(tasksSheet(), [0, 3, row(0), 500], "Không thực hiện", today)).toEqual([]);
  });

  it("writes each selected row once", () => {
    const updates = applyStatus(tasksSheet(), [row(1), row(1)], "Chưa triển khai", today);
    expect(updates.map((u) => u.cell)).toEqual([cellOfRow(1, "status"), cellOfRow(1, "updated")]);
  });
});
