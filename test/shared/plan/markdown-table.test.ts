import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../shared/plan/index.js";
import {
  columnRole,
  findTaskHeader,
  markdownTables,
  readMarkdownTable,
  tasksFromTable,
  tasksFromTables,
} from "../../../shared/plan/readers/markdown-table.js";
import { cleanCell } from "../../../shared/plan/text.js";
import { SEED_003, TASKS_003 } from "../../fixtures/plan/seed-003.js";
import { GROUPS_004, SEED_004, TASKS_004 } from "../../fixtures/plan/seed-004.js";

const seed = (name: string): string => readFileSync(path.join(__dirname, "../../../seeds", name), "utf8");
const ctx = { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } };

describe("seed 003 (tab-separated appendix): every task", () => {
  const plan = parsePlanText(seed(SEED_003), { fileName: SEED_003 });

  it("has the 18 tasks, in order, no groups, no warnings", () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(TASKS_003.map((t) => t.id));
    expect(plan.groups).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it.each(TASKS_003)("task $id", (expected) => {
    const task = plan.tasks.find((t) => t.id === expected.id);
    expect(task).toEqual({
      id: expected.id,
      title: expected.title,
      group: null,
      area: expected.area,
      requirement: null,
      leads: expected.leads,
      partners: expected.partners,
      deadline: { raw: expected.raw, kind: expected.kind, due: expected.due, note: null },
      source: "appendix",
    });
  });
});

describe("seed 003: traps", () => {
  const tasks = readMarkdownTable(seed(SEED_003), ctx).tasks;

  it("drops the header repeated before row 9 and the <b>-tagged header before row 18", () => {
    expect(tasks).toHaveLength(18);
    expect(tasks.some((t) => /Số TT|Nội dung công việc/.test(t.title))).toBe(false);
    expect(tasks[17]?.id).toBe("18");
  });

  it("strips <i> tags inside a cell", () => {
    expect(tasks[6]?.title).not.toMatch(/<\/?i>/);
    expect(tasks[6]?.title.endsWith("(ưu tiên công chức giải quyết TTHC)")).toBe(true);
  });

  it("canonicalises lead-unit variants of one unit", () => {
    // "Phòng Văn hóa – Xã hội", "Phòng Văn hoá - Xã hội", "Phòng VHXXH" are one unit.
    expect(new Set(["1", "5", "17"].map((id) => tasks.find((t) => t.id === id)?.leads[0]))).toEqual(
      new Set(["Phòng Văn hóa - Xã hội"]),
    );
    // "Văn phòng HĐND & UBND xã" and "Văn phòng HĐND&UBND xã" are one unit.
    expect(tasks.find((t) => t.id === "9")?.leads).toEqual(tasks.find((t) => t.id === "12")?.leads);
  });

  it("reads a quarter range 'Quý II-IV/2026' as due at the end of Q4", () => {
    expect(tasks.find((t) => t.id === "10")?.deadline).toMatchObject({ kind: "range", due: "2026-12-31" });
  });
});

describe("seed 004 (PAR-index criteria table): groups and every criterion", () => {
  const plan = parsePlanText(seed(SEED_004), { fileName: SEED_004 });

  it("has 20 groups (9 sections, 11 sub-groups) in order", () => {
    expect(plan.groups).toEqual(GROUPS_004);
    expect(plan.groups.filter((g) => g.parent === null)).toHaveLength(9);
    expect(plan.groups.filter((g) => g.parent !== null)).toHaveLength(11);
  });

  it("has the 50 leaf criteria in order and no warnings", () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(TASKS_004.map((t) => t.id));
    expect(plan.warnings).toEqual([]);
  });

  it.each(TASKS_004)("criterion $id", (expected) => {
    const task = plan.tasks.find((t) => t.id === expected.id);
    expect(task).toMatchObject({
      id: expected.id,
      title: expected.title,
      group: expected.group,
      requirement: expected.requirement,
      leads: expected.leads,
      partners: expected.partners,
      deadline: { raw: expected.deadline.raw, due: expected.deadline.due },
      source: "appendix",
    });
  });

  it("takes the area of a criterion from its section", () => {
    const area = (id: string): string | null | undefined => plan.tasks.find((t) => t.id === id)?.area;
    expect(area("1.1")).toBe("Công tác chỉ đạo, điều hành");
    expect(area("2.3")).toBe("Cải cách thể chế");
    expect(area("3.1.5")).toBe("Cải cách thủ tục hành chính");
    expect(area("4.2.1")).toBe("Cải cách tổ chức bộ máy");
    expect(area("5.3")).toBe("Cải cách chế độ công vụ");
    expect(area("6.2.3")).toBe("Cải cách tài chính công");
    expect(area("7.3.2")).toBe("Xây dựng và phát triển chính quyền điện tử, chính quyền số");
    // Section VIII names no area: its SIPAS sub-group does, and 8.2 speaks of the budget.
    expect(area("8.1.3")).toBe("Công tác chỉ đạo, điều hành");
    expect(area("8.2")).toBe("Cải cách tài chính công");
  });
});

describe("seed 004: traps", () => {
  const out = readMarkdownTable(seed(SEED_004), ctx);
  const task = (id: string) => out.tasks.find((t) => t.id === id);

  it("folds a continuation row with an empty STT into the row above (all of its cells)", () => {
    expect(task("3.1.5")?.leads).toEqual(["Các cơ quan, tổ chức, đơn vị"]);
    expect(task("3.1.5")?.partners).toEqual(["Trung tâm Phục vụ hành chính công"]);
    expect(task("3.1.5")?.title).toMatch(/hành chính nhà nước và trong từng/);
    expect(task("3.1.5")?.requirement).toMatch(/^100% TTHC nội bộ giữa các cơ quan/);
  });

  it("moves the tail that leaked into a repeated header ('Cơ quan phối hợp và UBND xã') back to the cell above", () => {
    expect(task("7.3.4")?.partners).toEqual(["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã"]);
    expect(task("7.3.5")?.partners).toEqual(["Các cơ quan, tổ chức, đơn vị"]);
  });

  it("continues a group title cut by a page break", () => {
    expect(out.groups.find((g) => g.id === "4.1")?.title).toBe(
      "Thực hiện quy định của Chính phủ và hướng dẫn của các bộ, ngành về tổ chức bộ máy",
    );
  });

  it("reads the two-row header: lead and partner columns under 'Phân công nhiệm vụ'", () => {
    const tables = markdownTables(seed(SEED_004));
    const header = findTaskHeader(tables[0]?.rows ?? []);
    expect(header?.span).toBe(2);
    expect(header?.roles).toEqual(["id", "title", "requirement", "deadline", "leads", "partners"]);
  });

  it("joins <p> paragraphs of one cell with a space", () => {
    expect(task("7.3.2")?.requirement).toContain("phải số hóa. - Tỷ lệ cấp kết quả");
    expect(task("7.3.2")?.requirement).not.toMatch(/<\/?p>/);
  });

  it("keeps a bold-numbered row with content as a criterion, and a non-bold row without content as a group", () => {
    expect(task("2.3")?.group).toBe("II");
    expect(out.groups.find((g) => g.id === "6.1")?.parent).toBe("VI");
    expect(task("6.1")).toBeUndefined();
  });

  it("reads 'Trước 30/11/2026' as due the day before", () => {
    expect(task("1.1")?.deadline).toMatchObject({ kind: "date", due: "2026-11-29" });
  });

  it("keeps every cut cell's text exactly once", () => {
    expect(task("8.1.2")?.requirement).toBe("Tiếp tục rà soát, đơn giản hóa TTHC, thành phần hồ sơ, yêu cầu, điều kiện TTHC");
    expect(task("6.1.1")?.requirement?.match(/2026/g)).toHaveLength(1);
  });
});

describe("markdownTables", () => {
  it("finds tab-separated tables with their line numbers, split at blank lines", () => {
    const text = "Tiêu đề\n\nSTT\tNội dung\tCơ quan chủ trì\n1\tA\tB\n\n2\tC\tD\n";
    const tables = markdownTables(text);
    expect(tables).toHaveLength(2);
    expect(tables[0]).toEqual({ rows: [["STT", "Nội dung", "Cơ quan chủ trì"], ["1", "A", "B"]], line: 3, lines: [3, 4] });
    expect(tables[1]).toMatchObject({ line: 6, lines: [6] });
  });

  it("finds pipe tables and skips the separator row", () => {
    const text = "| STT | Nội dung | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n| 1 | Việc a \\| b | Phòng Kinh tế | Quý I/2026 |\n";
    const [table] = markdownTables(text);
    expect(table?.rows).toEqual([
      ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
      ["1", "Việc a | b", "Phòng Kinh tế", "Quý I/2026"],
    ]);
    expect(table?.lines).toEqual([1, 3]);
  });

  it("finds HTML tables, expanding colspan", () => {
    const text = "x\n<table>\n<tr><th>STT</th><th>Nội dung</th><th colspan=\"2\">Phân công</th></tr>\n<tr><td>1</td><td><b>A</b></td><td>B</td><td>C</td></tr>\n</table>\n";
    const [table] = markdownTables(text);
    expect(table?.rows).toEqual([
      ["STT", "Nội dung", "Phân công", ""],
      ["1", "<b>A</b>", "B", "C"],
    ]);
    expect(table?.lines).toEqual([3, 4]);
  });

  it("finds nothing in prose", () => {
    expect(markdownTables("Kế hoạch\n\n- một\n- hai\n")).toEqual([]);
  });
});

describe("columnRole", () => {
  it.each([
    ["Số TT", "id"],
    ["STT", "id"],
    ["TT", "id"],
    ["Nội dung công việc", "title"],
    ["Lĩnh vực, tiêu chí", "title"],
    ["Nhiệm vụ", "title"],
    ["Cơ quan chủ trì", "leads"],
    ["Phân công nhiệm vụ Cơ quan chủ trì thực hiện", "leads"],
    ["Đơn vị thực hiện", "leads"],
    ["Cơ quan phối hợp", "partners"],
    ["Thời gian hoàn thành", "deadline"],
    ["Thời gian chậm nhất phải hoàn thành", "deadline"],
    ["Thời hạn", "deadline"],
    ["Yêu cầu năm 2026", "requirement"],
    ["Sản phẩm", "requirement"],
    ["Ghi chú", null],
    ["", null],
  ] as const)("%s → %s", (label, role) => {
    expect(columnRole(label)).toBe(role);
  });
});

describe("tasksFromTable (format-independent)", () => {
  const header = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"];

  it("reads a plain table given as rows of cells, with line numbers in warnings", () => {
    const out = tasksFromTable(
      [header, ["1", "Việc một", "Phòng Kinh tế", "", "Quý I/2026"], ["2", "Việc hai", "", "", "khi nào xong"]],
      ctx,
      { lines: [10, 11, 12] },
    );
    expect(out.tasks.map((t) => [t.id, t.title, t.leads, t.deadline.due])).toEqual([
      ["1", "Việc một", ["Phòng Kinh tế"], "2026-03-31"],
      ["2", "Việc hai", [], "2026-12-31"],
    ]);
    expect(out.warnings).toEqual([
      { line: 12, message: expect.stringContaining("không nhận dạng được thời hạn") },
      { line: 12, message: expect.stringContaining("không có cơ quan chủ trì") },
    ]);
  });

  it("returns nothing for a table without a task header", () => {
    expect(tasksFromTable([["a", "b"], ["1", "2"]], ctx)).toEqual({ tasks: [], groups: [], targets: [], warnings: [] });
  });

  it("splits a number and a title that share the number cell ('I. CẢI CÁCH THỂ CHẾ')", () => {
    const out = tasksFromTable(
      [header, ["I. CẢI CÁCH THỂ CHẾ", "", "", "", ""], ["1", "Rà soát văn bản", "Văn phòng HĐND và UBND xã", "", "Năm 2026"]],
      ctx,
    );
    expect(out.groups).toEqual([{ id: "I", title: "CẢI CÁCH THỂ CHẾ", parent: null }]);
    expect(out.tasks[0]).toMatchObject({ id: "1", group: "I", area: "Cải cách thể chế" });
  });

  it("qualifies ids when the numbering restarts in every section", () => {
    const out = tasksFromTable(
      [
        header,
        ["I", "Thể chế", "", "", ""],
        ["1", "Việc A", "Phòng Kinh tế", "", "Năm 2026"],
        ["II", "Thủ tục hành chính", "", "", ""],
        ["1", "Việc B", "Phòng Kinh tế", "", "Năm 2026"],
      ],
      ctx,
    );
    expect(out.tasks.map((t) => t.id)).toEqual(["I.1", "II.1"]);
  });

  it("splits unit cells on line breaks (<br>) as on ';'", () => {
    const out = tasksFromTable([header, ["1", "Việc", "Phòng Kinh tế<br>Trung tâm Dịch vụ tổng hợp", "", "Năm 2026"]], ctx);
    expect(out.tasks[0]?.leads).toEqual(["Phòng Kinh tế", "Trung tâm Dịch vụ tổng hợp"]);
  });

  it("warns about a continuation row before any task", () => {
    const out = tasksFromTable([header, ["", "mồ côi", "", "", ""], ["1", "Việc", "Phòng Kinh tế", "", "Năm 2026"]], ctx, {
      lines: [1, 2, 3],
    });
    expect(out.tasks).toHaveLength(1);
    expect(out.warnings).toEqual([{ line: 2, message: expect.stringContaining("Dòng tiếp nối") }]);
  });

  it("tasksFromTables joins pieces of one table split over pages", () => {
    const out = tasksFromTables(
      [
        { rows: [header, ["1", "Việc một", "Phòng Kinh", "", "Quý I/2026"]], lines: [1, 2] },
        { rows: [header, ["", "", "tế", "", ""], ["2", "Việc hai", "Phòng Kinh tế", "", "Quý II/2026"]], lines: [4, 5, 6] },
      ],
      ctx,
    );
    expect(out.tasks.map((t) => [t.id, t.leads])).toEqual([
      ["1", ["Phòng Kinh tế"]],
      ["2", ["Phòng Kinh tế"]],
    ]);
  });
});

describe("cleanCell", () => {
  it.each([
    ["<b>Số TT</b>", "Số TT"],
    ["a<br>b", "a\nb"],
    ["<p>- một.</p> <p>- hai.</p>", "- một.\n- hai."],
    ["( <i>ưu tiên</i> )", "(ưu tiên)"],
    ["A &amp; B", "A & B"],
    ["**đậm**", "đậm"],
    ["  nhiều   khoảng  ", "nhiều khoảng"],
  ])("%j → %j", (input, output) => {
    expect(cleanCell(input)).toBe(output);
  });
});
