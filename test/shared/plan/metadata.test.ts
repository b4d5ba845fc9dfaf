import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { periodFromText, readMetadata } from "../../../shared/plan/metadata.js";

const seed = (name: string): string => readFileSync(path.join(__dirname, "../../../seeds", name), "utf8");
const YEAR_2026 = { from: "2026-01-01", to: "2026-12-31" };

describe("readMetadata: the seeds", () => {
  it.each([
    ["000_6179fdf5309b29e6.txt", "Kế hoạch Cải cách hành chính trên địa bàn xã Cao Minh năm 2026", "UBND xã Cao Minh", "xã Cao Minh", "commune", YEAR_2026],
    ["001_e08ca05127985b31.txt", "Kế hoạch Cải cách hành chính tỉnh Thái Nguyên năm 2026", "UBND tỉnh Thái Nguyên", "tỉnh Thái Nguyên", "province", YEAR_2026],
    ["002_169211afdee7665e.txt", "Kế hoạch Cải cách hành chính nhà nước xã Xuân Dương giai đoạn 2026 - 2030", "UBND xã Xuân Dương", "xã Xuân Dương", "commune", { from: "2026-01-01", to: "2030-12-31" }],
    ["003_db0447c41af15103.txt", "Kế hoạch Cải cách hành chính xã An Khánh năm 2026", "UBND xã An Khánh", "xã An Khánh", "commune", YEAR_2026],
    ["004_0deebdd1aa5ed513.txt", "Kế hoạch Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (Par Index) xã Phú Thịnh năm 2026", "UBND xã Phú Thịnh", "xã Phú Thịnh", "commune", YEAR_2026],
  ] as const)("%s", (file, title, issuer, unit, level, period) => {
    const meta = readMetadata(seed(file));
    expect(meta).toEqual({ title, issuer, unit, level, period, year: 2026 });
  });
});

describe("readMetadata: headings", () => {
  it("reads a title split over the bold heading lines of Markdown (003's '**KẾ HOẠCH  ' / '… năm 2026**')", () => {
    expect(readMetadata("**KẾ HOẠCH  \nCải cách hành chính phường Hà Đông năm 2027**\n\nCăn cứ …").title).toBe(
      "Kế hoạch Cải cách hành chính phường Hà Đông năm 2027",
    );
  });

  it("joins a subtitle wrapped over two lines until its year", () => {
    const meta = readMetadata(" KẾ HOẠCH \n\nCải cách hành chính trên địa bàn \n\nthị trấn Hương Sơn năm 2026 \n\nCăn cứ Luật …");
    expect(meta.title).toBe("Kế hoạch Cải cách hành chính trên địa bàn thị trấn Hương Sơn năm 2026");
    expect(meta.unit).toBe("thị trấn Hương Sơn");
    expect(meta.level).toBe("commune");
  });

  it.each([
    ["xã Cao Minh", "commune"],
    ["phường Phan Đình Phùng", "commune"],
    ["thị trấn Hương Sơn", "commune"],
    ["tỉnh Thái Nguyên", "province"],
    ["thành phố Hà Nội", "province"],
  ] as const)("level of %s is %s", (unit, level) => {
    const meta = readMetadata(`KẾ HOẠCH\nCải cách hành chính ${unit} năm 2026\n`);
    expect(meta.unit).toBe(unit);
    expect(meta.level).toBe(level);
    expect(meta.issuer).toBe(`UBND ${unit}`);
  });

  it("falls back to the body's 'UBND xã …' when the title names no unit", () => {
    const meta = readMetadata("KẾ HOẠCH\nCải cách hành chính năm 2026\n\nUBND xã Đồng Hỷ ban hành …\nUBND xã Đồng Hỷ giao …");
    expect(meta.unit).toBe("xã Đồng Hỷ");
  });

  it("reads a department's own plan", () => {
    const meta = readMetadata("KẾ HOẠCH\nCải cách hành chính của Sở Nội vụ năm 2026\n");
    expect(meta).toMatchObject({ unit: "Sở Nội vụ", issuer: "Sở Nội vụ", level: "province" });
  });

  it("uses the given year, or the body's most common year, when the title has none", () => {
    expect(readMetadata("KẾ HOẠCH\nCải cách hành chính xã A Lưới\n", { year: 2027 }).period).toEqual({
      from: "2027-01-01",
      to: "2027-12-31",
    });
    expect(readMetadata("KẾ HOẠCH\nCải cách hành chính xã A Lưới\n\ntrong năm 2028 … đến năm 2028; năm 2025").year).toBe(2028);
  });

  it("has no period when nothing names a year, and a fallback title without a KẾ HOẠCH heading", () => {
    const meta = readMetadata("# Danh sách việc\n\nkhông có năm");
    expect(meta.period).toBeNull();
    expect(meta.year).toBeNull();
    expect(meta.title).toBe("Danh sách việc");
  });
});

describe("periodFromText", () => {
  it.each([
    ["giai đoạn 2026 - 2030", { from: "2026-01-01", to: "2030-12-31" }],
    ["Giai đoạn 2026–2030", { from: "2026-01-01", to: "2030-12-31" }],
    ["năm 2026", YEAR_2026],
    ["NĂM 2027", { from: "2027-01-01", to: "2027-12-31" }],
    ["không có", null],
  ] as const)("%s", (text, period) => {
    expect(periodFromText(text)).toEqual(period);
  });
});
