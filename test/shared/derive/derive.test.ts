import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { derivePlan } from "../../../shared/app/index.js";
import { buildUnitMap, isProvinceUnit, mapUnit, parseUnitMapText } from "../../../shared/derive/unit-map.js";
import { adaptWording } from "../../../shared/derive/wording.js";
import { UnusableInputError } from "../../../shared/errors.js";
import { parsePlanText, type Plan } from "../../../shared/plan/index.js";
import { COMMUNE_TO_PROVINCE } from "./seed-pairs.js";

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../seeds");
const seed = (prefix: string): Plan => {
  const file = readdirSync(seeds).find((n) => n.startsWith(`${prefix}_`))!;
  return parsePlanText(readFileSync(path.join(seeds, file), "utf8"), { fileName: file });
};

describe("derivePlan: seed 001 (tỉnh Thái Nguyên) → xã Cao Minh", () => {
  const province = seed("001");
  const commune = seed("000");
  const { plan, provinceOnly, unmapped } = derivePlan({ provincePlan: province, unit: "xã Cao Minh", output: "none" });

  it("is a commune plan of xã Cao Minh linked to the province plan", () => {
    expect(plan).toMatchObject({ unit: "xã Cao Minh", level: "commune", title: "Kế hoạch Cải cách hành chính xã Cao Minh năm 2026" });
    expect(plan.derivedFrom?.unit).toBe("tỉnh Thái Nguyên");
    expect(plan.tasks.every((t) => t.provinceTaskId && province.tasks.some((p) => p.id === t.provinceTaskId))).toBe(true);
    expect(plan.tasks.length + provinceOnly.length).toBe(province.tasks.length);
    expect(unmapped).toEqual([]);
  });

  it("gives every task of seed 000 with its province task's deadline", () => {
    for (const task of commune.tasks) {
      const provinceId = COMMUNE_TO_PROVINCE[task.id];
      const derived = plan.tasks.find((t) => t.provinceTaskId === provinceId);
      expect(derived, `commune task ${task.id} ← province task ${provinceId}`).toBeDefined();
      expect(derived!.deadline).toEqual(province.tasks.find((p) => p.id === provinceId)!.deadline);
      expect(derived!.deadline.due).toBe(task.deadline.due);
    }
  });

  it("gives most tasks seed 000's own lead unit and leaves no province department as a lead", () => {
    const same = commune.tasks.filter((task) => {
      const derived = plan.tasks.find((t) => t.provinceTaskId === COMMUNE_TO_PROVINCE[task.id])!;
      return JSON.stringify(derived.leads) === JSON.stringify(task.leads);
    });
    expect(same.length).toBeGreaterThanOrEqual(Math.ceil(commune.tasks.length * 0.8));
    const leads = plan.tasks.flatMap((t) => t.leads);
    expect(leads.filter(isProvinceUnit)).toEqual([]);
    expect(leads.length).toBeGreaterThanOrEqual(plan.tasks.length);
  });

  it("adapts the province-level wording as the commune did", () => {
    const byProvince = (id: string) => plan.tasks.find((t) => t.provinceTaskId === id)!.title;
    expect(byProvince("14")).toContain("Lãnh đạo xã với cộng đồng doanh nghiệp trên địa bàn xã");
    expect(byProvince("12")).toContain("tại UBND xã");
    expect(byProvince("23")).toContain("các phòng, ban chuyên môn thuộc UBND xã");
    // A named province stays: the commune contributes to the province's own index.
    expect(byProvince("6")).toContain("tỉnh Thái Nguyên");
  });

  it("lists the tasks addressed to no commune as province-only, with a reason", () => {
    expect(provinceOnly.map((t) => t.id)).toEqual(["1"]);
    expect(provinceOnly[0]!.reason).toMatch(/cấp xã/);
    expect(plan.warnings.some((w) => /chỉ của cấp tỉnh/.test(w.message))).toBe(true);
  });
});

describe("the unit map", () => {
  it("maps domain.md's correspondence and the TTHC tasks of Văn phòng UBND tỉnh", () => {
    const map = buildUnitMap();
    expect(mapUnit(map, "Sở Nội vụ", "x")).toBe("Phòng Văn hóa - Xã hội");
    expect(mapUnit(map, "Sở KH&CN", "x")).toBe("Phòng Văn hóa - Xã hội");
    expect(mapUnit(map, "Sở Xây dựng", "x")).toBe("Phòng Kinh tế");
    expect(mapUnit(map, "Văn phòng UBND tỉnh", "Rà soát quy định")).toBe("Văn phòng HĐND và UBND xã");
    expect(mapUnit(map, "Văn phòng UBND tỉnh", "Kiểm soát TTHC")).toBe("Trung tâm Phục vụ hành chính công");
    expect(mapUnit(map, "Công an tỉnh", "x")).toBe("Công an xã");
    expect(mapUnit(map, "UBND cấp xã", "x")).toBe("self");
    expect(mapUnit(map, "Sở Ngoại giao mới", "x")).toBeNull();
  });

  it("lets --map lines override it", () => {
    const lines = parseUnitMapText("# comment\n\nSở Nội vụ = Văn phòng HĐND và UBND xã\r\nSở KHCN=Phòng Kinh tế\n");
    expect(lines).toEqual([
      ["Sở Nội vụ", "Văn phòng HĐND và UBND xã"],
      ["Sở KHCN", "Phòng Kinh tế"],
    ]);
    const map = buildUnitMap(lines);
    expect(mapUnit(map, "Sở Nội vụ", "x")).toBe("Văn phòng HĐND và UBND xã");
    expect(mapUnit(map, "Sở Khoa học và Công nghệ", "x")).toBe("Phòng Kinh tế");
  });

  it("refuses a map line without '=' naming file and line", () => {
    try {
      parseUnitMapText("Sở Nội vụ = Phòng Văn hóa - Xã hội\nSở Tư pháp Văn phòng\n", "don-vi.txt");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnusableInputError);
      expect((error as UnusableInputError).location).toEqual({ file: "don-vi.txt", line: 2 });
      expect((error as Error).message).toContain("Sở Tư pháp Văn phòng");
    }
  });

  it("uses the --map in derivePlan and gives an unmapped province lead to the commune office, with a warning", () => {
    const province = seed("001");
    const odd = { ...province, tasks: [{ ...province.tasks[1]!, leads: ["Sở Lạ"] }, province.tasks[2]!] };
    const r = derivePlan({ provincePlan: odd, unit: "phường Phan Đình Phùng", mapText: "Văn phòng UBND tỉnh = Phòng Kinh tế", output: "none" });
    expect(r.plan.tasks.map((t) => t.leads)).toEqual([["Văn phòng HĐND và UBND xã"], ["Phòng Kinh tế"]]);
    expect(r.unmapped).toEqual(["Sở Lạ"]);
    expect(r.plan.warnings.some((w) => w.message.includes("Sở Lạ"))).toBe(true);
  });
});

describe("adaptWording", () => {
  it.each([
    ["Tổ chức đối thoại giữa Lãnh đạo tỉnh với doanh nghiệp trên địa bàn tỉnh.", "Tổ chức đối thoại giữa Lãnh đạo xã với doanh nghiệp trên địa bàn xã."],
    ["Tham mưu UBND tỉnh ban hành", "Tham mưu UBND phường ban hành"],
    ["tại UBND các xã, phường, trên địa bàn tỉnh Thái Nguyên năm 2026", "tại UBND phường năm 2026"],
    ["Chỉ số CCHC tỉnh Thái Nguyên", "Chỉ số CCHC tỉnh Thái Nguyên"],
  ])("%s", (text, expected) => {
    const unit = /Tham mưu|UBND các/.test(text) ? "phường Tích Lương" : "xã Cao Minh";
    expect(adaptWording(text, unit)).toBe(expected);
  });
});
