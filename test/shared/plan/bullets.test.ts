import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../shared/plan/index.js";
import { areaLeads, hasBulletTasks, readBullets } from "../../../shared/plan/readers/bullets.js";
import { AREAS_002, SEED_002, TARGETS_002, TASKS_002 } from "../../fixtures/plan/seed-002.js";

const seed = (name: string): string => readFileSync(path.join(__dirname, "../../../seeds", name), "utf8");
const ctxPeriod = { year: 2026, period: { from: "2026-01-01", to: "2030-12-31" } };

const expectedTasks = AREAS_002.flatMap((a) =>
  (TASKS_002[a.id] ?? []).map((title, k) => ({ id: `${a.id}.${k + 1}`, title, area: a.area, lead: a.lead, group: a.id })),
);
const expectedTargets = AREAS_002.flatMap((a) => (TARGETS_002[a.id] ?? []).map((text) => ({ area: a.area, text })));

describe("seed 002 (bullet plan, 2026–2030): every task and target", () => {
  const plan = parsePlanText(seed(SEED_002), { fileName: SEED_002 });

  it("has 51 tasks, 34 targets, 6 areas as groups, no warnings", () => {
    expect(expectedTasks).toHaveLength(51);
    expect(expectedTargets).toHaveLength(34);
    expect(plan.tasks.map((t) => t.id)).toEqual(expectedTasks.map((t) => t.id));
    expect(plan.groups).toEqual(AREAS_002.map((a) => ({ id: a.id, title: a.title, parent: null })));
    expect(plan.warnings).toEqual([]);
  });

  it.each(expectedTasks)("task $id", (expected) => {
    expect(plan.tasks.find((t) => t.id === expected.id)).toEqual({
      id: expected.id,
      title: expected.title,
      group: expected.group,
      area: expected.area,
      requirement: null,
      leads: [expected.lead],
      partners: [],
      deadline: { raw: "Giai đoạn 2026 - 2030", kind: "period", due: "2030-12-31", note: null },
      source: "body",
    });
  });

  it("has every target, with its area, in order", () => {
    expect(plan.targets).toEqual(expectedTargets);
  });

  it("reads the plan period 2026–2030", () => {
    expect(plan.period).toEqual({ from: "2026-01-01", to: "2030-12-31" });
  });
});

describe("seed 002: traps", () => {
  const out = readBullets(seed(SEED_002), ctxPeriod);
  const task = (id: string) => out.tasks.find((t) => t.id === id);

  it("joins a bullet cut by a page break ('… và chính' / 'xác làm cơ sở …')", () => {
    expect(task("4.11")?.title).toContain("thực chất và chính xác làm cơ sở để đánh giá");
    expect(out.tasks.filter((t) => t.group === "4")).toHaveLength(11);
  });

  it("joins a bullet cut mid-phrase ('làm cơ' / 'sở để kiểm tra')", () => {
    expect(task("5.5")?.title).toContain("làm cơ sở để kiểm tra, giám sát");
    expect(out.tasks.filter((t) => t.group === "5")).toHaveLength(7);
  });

  it("does not count area 1's preamble paragraph as a target", () => {
    expect(out.targets.filter((t) => t.area === "Cải cách thể chế")).toHaveLength(2);
    expect(out.targets.some((t) => t.text.startsWith("Tiếp tục xây dựng, hoàn thiện hệ thống"))).toBe(false);
  });

  it("does not take the a), b) items of section I (Mục đích, Yêu cầu) as tasks", () => {
    expect(out.tasks.some((t) => t.title.startsWith("Nâng cao hiệu lực, hiệu quả quản lý nhà nước"))).toBe(false);
  });

  it("takes each area's lead from section IV, first unit to 'chủ trì' it", () => {
    const { leads, standing } = areaLeads(seed(SEED_002));
    expect(Object.fromEntries(leads)).toEqual({
      "Cải cách thể chế": "Văn phòng HĐND và UBND xã",
      "Cải cách thủ tục hành chính": "Trung tâm Phục vụ hành chính công",
      "Cải cách tổ chức bộ máy": "Phòng Văn hóa - Xã hội",
      "Cải cách chế độ công vụ": "Phòng Văn hóa - Xã hội",
      "Cải cách tài chính công": "Phòng Kinh tế",
      "Xây dựng và phát triển chính quyền điện tử, chính quyền số": "Phòng Văn hóa - Xã hội",
    });
    // "Là cơ quan thường trực, chủ trì tổ chức triển khai thực hiện Chương trình."
    expect(standing).toBe("Phòng Văn hóa - Xã hội");
  });
});

describe("readBullets on small plans", () => {
  const plan = [
    "## II. NỘI DUNG",
    "### 1. Cải cách thủ tục hành chính",
    "a) Mục tiêu",
    "- 100% hồ sơ được số hóa.",
    "b) Nhiệm vụ",
    "- Rà soát TTHC;",
    "+ chi tiết thêm",
    "- Công khai TTHC.",
    "### 2. Cải cách tài chính công",
    "b) Nhiệm vụ",
    "- Quản lý ngân sách.",
    "## IV. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Văn hóa - Xã hội",
    "- Là cơ quan thường trực.",
    "2. Trung tâm Phục vụ hành chính công: Chủ trì cải cách thủ tục hành chính.",
  ].join("\n");

  it("reads areas, a '+' sub-item as part of its bullet, a lead given after a colon", () => {
    const out = readBullets(plan, { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } });
    expect(out.tasks.map((t) => [t.id, t.title, t.leads])).toEqual([
      ["1.1", "Rà soát TTHC; chi tiết thêm", ["Trung tâm Phục vụ hành chính công"]],
      ["1.2", "Công khai TTHC.", ["Trung tâm Phục vụ hành chính công"]],
      ["2.1", "Quản lý ngân sách.", ["Phòng Văn hóa - Xã hội"]],
    ]);
    expect(out.tasks[0]?.deadline).toEqual({ raw: "Năm 2026", kind: "period", due: "2026-12-31", note: null });
    expect(out.targets).toEqual([{ area: "Cải cách thủ tục hành chính", text: "100% hồ sơ được số hóa." }]);
  });

  it("warns when an area has no lead in TỔ CHỨC THỰC HIỆN, falling back to the standing unit", () => {
    const out = readBullets(plan, { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } });
    expect(out.warnings).toEqual([{ line: 9, message: expect.stringContaining("Cải cách tài chính công") }]);
  });

  it("hasBulletTasks needs 'b) Nhiệm vụ' followed by bullets", () => {
    expect(hasBulletTasks(plan)).toBe(true);
    expect(hasBulletTasks("b) Nhiệm vụ\n\nKhông có gạch đầu dòng.")).toBe(false);
    expect(hasBulletTasks("- một\n- hai")).toBe(false);
  });
});
