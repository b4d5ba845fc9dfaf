/**
 * A cell's text means the same whatever width wrapped it: .txt and Markdown cells are one line, a .docx cell
 * keeps the writer's line breaks, a PDF cell breaks where the printing machine's fonts ran out of room. Every
 * seed task's cells, broken at every word and after every "/", must read as the unbroken cell does.
 */
import { describe, expect, it } from "vitest";
import { tasksFromTable } from "../../../shared/plan/readers/task-table.js";
import { unwrap } from "../../../shared/plan/text.js";
import { createUnitLexicon } from "../../../shared/plan/units.js";
import { seedPlan } from "../../fixtures/plans/helpers.js";

const ctx = { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } };
const HEADER = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
const lexicon = createUnitLexicon();

/** Every way to break a cell once: at each space (with or without the space kept) and after each "/". */
function breaks(cell: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === " ") out.push(`${cell.slice(0, i)}\n${cell.slice(i + 1)}`, `${cell.slice(0, i)} \n${cell.slice(i + 1)}`);
    else if (cell[i] === "/" && i + 1 < cell.length) out.push(`${cell.slice(0, i + 1)}\n${cell.slice(i + 1)}`);
  }
  return out;
}

const read = (row: string[]) => {
  const t = tasksFromTable([HEADER, row], ctx, { lexicon }).tasks[0]!;
  return { title: t.title, leads: t.leads, partners: t.partners, deadline: t.deadline };
};

describe("cells read the same however their lines were wrapped", () => {
  it.each(["000", "001", "003", "004"])("seed %s: every cell broken anywhere reads as the whole cell", (id) => {
    let checked = 0;
    for (const task of seedPlan(id).tasks) {
      const row = ["1", task.title, task.leads.join("; "), task.partners.join("; "), task.deadline.raw];
      const whole = read(row);
      for (const col of [1, 2, 3, 4]) {
        for (const cell of breaks(row[col]!)) {
          const broken = [...row];
          broken[col] = cell;
          expect({ cell, ...read(broken) }).toEqual({ cell, ...whole });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it.each([
    ["Trước 30/11/\n2026", "Trước 30/11/2026"],
    ["Trước\n30/11/2026", "Trước 30/11/2026"],
    ["Quý II/\n2026", "Quý II/2026"],
    ["Nghị quyết số 18-\nNQ/TW", "Nghị quyết số 18-NQ/TW"],
    ["Phòng Văn hóa -\nXã hội", "Phòng Văn hóa - Xã hội"],
  ])("unwrap(%j) = %j", (cell, text) => {
    expect(unwrap(cell)).toBe(text);
  });

  it("a partner list 'A và các B' reads the same on one line and wrapped before or after 'và'", () => {
    const cells = [
      "Các cơ quan, tổ chức, đơn vị liên quan và các xóm",
      "Các cơ quan, tổ chức, đơn vị liên quan\nvà các xóm",
      "Các cơ quan, tổ chức, đơn vị liên quan và\ncác xóm",
      "Các cơ quan, tổ chức,\nđơn vị liên quan và các xóm",
    ];
    const partners = cells.map((c) => read(["1", "Việc", "Phòng Kinh tế", c, "Trước 30/11/2026"]).partners);
    for (const p of partners) expect(p).toEqual(seedPlan("004").tasks.find((t) => t.id === "6.2.2")!.partners);
  });
});
