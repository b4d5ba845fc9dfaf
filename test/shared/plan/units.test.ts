import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  KNOWN_UNITS,
  canonicalUnit,
  createUnitLexicon,
  extractUnitLexicon,
  newStyleToneMarks,
  splitUnits,
  unitKey,
} from "../../../shared/plan/units.js";

const seed = (name: string): string => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), "utf8");

describe("canonicalUnit: every variant in domain.md's Units table", () => {
  it.each([
    ["Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"],
    ["Phòng Văn hóa – Xã hội", "Phòng Văn hóa - Xã hội"],
    ["Phòng Văn hóa — Xã hội", "Phòng Văn hóa - Xã hội"],
    ["Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội"],
    ["Phòng VH-XH", "Phòng Văn hóa - Xã hội"],
    ["Phòng VH- XH", "Phòng Văn hóa - Xã hội"],
    ["Phòng VHXH", "Phòng Văn hóa - Xã hội"],
    ["Phòng VHXXH", "Phòng Văn hóa - Xã hội"],
    ["Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Văn Phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Văn phòng HĐND & UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Văn phòng HĐND&UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Văn phòng HĐND - UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Văn phòng HĐND – UBND xã", "Văn phòng HĐND và UBND xã"],
    ["Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công"],
    ["Trung tâm Phục vụ HCC", "Trung tâm Phục vụ hành chính công"],
    ["Trung tâm PVHCC", "Trung tâm Phục vụ hành chính công"],
    ["Trung tâm phục vụ Hành chính công", "Trung tâm Phục vụ hành chính công"],
    ["Trung tâm phục vụ hành chính công", "Trung tâm Phục vụ hành chính công"],
    ["Phòng Kinh tế", "Phòng Kinh tế"],
    ["Phòng kinh tế", "Phòng Kinh tế"],
    ["Phòng Kinh tế xã", "Phòng Kinh tế"],
    ["Trung tâm Dịch vụ tổng hợp", "Trung tâm Dịch vụ tổng hợp"],
    ["Trung tâm Dịch vụ tổng hợp xã", "Trung tâm Dịch vụ tổng hợp"],
    ["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["Sở KHCN", "Sở Khoa học và Công nghệ"],
    ["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"],
    ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo"],
    ["Các sở, ban, ngành", "Các sở, ban, ngành"],
    ["Các sở, ban ngành", "Các sở, ban, ngành"],
  ])("%s → %s", (variant, canonical) => {
    expect(canonicalUnit(variant)).toBe(canonical);
  });
});

describe("canonicalUnit: normalisation rules", () => {
  it.each([
    // Unicode: decomposed input composes
    ["Phòng Văn hóa - Xã hội".normalize("NFD"), "Phòng Văn hóa - Xã hội"],
    ["Phòng Văn hoá – Xã hội".normalize("NFD"), "Phòng Văn hóa - Xã hội"],
    // spacing and punctuation
    ["  Sở   Nội\tvụ  ", "Sở Nội vụ"],
    ["Sở Nội\u00a0vụ", "Sở Nội vụ"],
    ["Các sở ,ban ,  ngành", "Các sở, ban, ngành"],
    ["Phòng Văn hóa – Xã hội.", "Phòng Văn hóa - Xã hội"],
    ["Sở Tư pháp;", "Sở Tư pháp"],
    // bullets and Markdown emphasis are layout
    ["- UBND cấp xã", "UBND cấp xã"],
    ["**Phòng Kinh tế**", "Phòng Kinh tế"],
    // lower-case start of a collective name
    ["các sở, ban, ngành", "Các sở, ban, ngành"],
    ["đơn vị liên quan", "Đơn vị liên quan"],
    // place names keep their lower-case administrative word
    ["xã Cao Minh", "xã Cao Minh"],
    // long forms to the abbreviations the canonical names use
    ["Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"],
    ["Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh"],
    ["VP UBND tỉnh", "Văn phòng UBND tỉnh"],
    ["Ủy ban nhân dân cấp xã", "UBND cấp xã"],
    ["Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở TN&MT", "Sở Tài nguyên và Môi trường"],
    // "&" for "và"
    ["Phòng Tài chính & Kế hoạch", "Phòng Tài chính và Kế hoạch"],
    // an unknown unit keeps its wording
    ["Ngân hàng Chính sách xã hội", "Ngân hàng Chính sách xã hội"],
    ["Trạm Y tế xã Cao Minh", "Trạm Y tế xã Cao Minh"],
  ])("%j → %s", (variant, canonical) => {
    expect(canonicalUnit(variant)).toBe(canonical);
  });

  it("returns an empty string for an empty or blank name", () => {
    expect(canonicalUnit("")).toBe("");
    expect(canonicalUnit("  - ")).toBe("");
  });
});

describe("newStyleToneMarks", () => {
  it.each([
    ["hoá", "hóa"],
    ["Hoà", "Hòa"],
    ["hoả", "hỏa"],
    ["khoẻ", "khỏe"],
    ["thuỷ", "thủy"],
    ["Uỷ ban", "Ủy ban"],
    ["tuỳ", "tùy"],
    ["luỹ", "lũy"],
    ["Thuỵ", "Thụy"],
    // closed syllables and "qu" keep their placement
    ["hoàn thành", "hoàn thành"],
    ["hoạch", "hoạch"],
    ["Quý I", "Quý I"],
    ["quỹ", "quỹ"],
    ["khuyến", "khuyến"],
    // already new style
    ["hóa thủy", "hóa thủy"],
  ])("%s → %s", (input, output) => {
    expect(newStyleToneMarks(input)).toBe(output);
    expect(newStyleToneMarks(input.normalize("NFD"))).toBe(output);
  });
});

describe("unitKey", () => {
  it("gives spelling variants of one unit the same key", () => {
    const variants = ["Phòng Văn hóa - Xã hội", "Phòng VH-XH", "phòng văn hoá – xã hội", "PHÒNG VĂN HÓA - XÃ HỘI", "Phong Van hoa - Xa hoi"];
    expect(new Set(variants.map(unitKey)).size).toBe(1);
    expect(unitKey("Phòng VHXH")).toBe("phong van hoa - xa hoi");
  });

  it("keeps different units apart", () => {
    expect(unitKey("Sở Nội vụ")).not.toBe(unitKey("Sở Tư pháp"));
    expect(unitKey("UBND xã")).not.toBe(unitKey("UBND cấp xã"));
  });

  it("gives every built-in unit a distinct key", () => {
    const keys = KNOWN_UNITS.map(unitKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("KNOWN_UNITS", () => {
  it("holds canonical names only", () => {
    for (const name of KNOWN_UNITS) expect(canonicalUnit(name)).toBe(name);
  });

  it("includes the usual province and commune units", () => {
    for (const name of [
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Sở Tài chính",
      "Sở Khoa học và Công nghệ",
      "Văn phòng UBND tỉnh",
      "Trung tâm Phục vụ hành chính công",
      "Phòng Văn hóa - Xã hội",
      "Phòng Kinh tế",
      "Văn phòng HĐND và UBND xã",
      "Các sở, ban, ngành",
      "UBND cấp xã",
    ]) {
      expect(KNOWN_UNITS).toContain(name);
    }
  });
});

describe("splitUnits", () => {
  it.each<[string, string[]]>([
    ["Sở Nội vụ", ["Sở Nội vụ"]],
    ["Sở Nội vụ; Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]],
    ["Sở Nội vụ\nSở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]],
    ["Sở Nội vụ, UBND cấp xã", ["Sở Nội vụ", "UBND cấp xã"]],
    // commas inside known names
    ["Các sở, ban, ngành", ["Các sở, ban, ngành"]],
    ["Các sở, ban ngành; UBND cấp xã", ["Các sở, ban, ngành", "UBND cấp xã"]],
    ["Văn phòng UBND tỉnh, các sở, ban, ngành; UBND cấp xã", ["Văn phòng UBND tỉnh", "Các sở, ban, ngành", "UBND cấp xã"]],
    ["Các phòng, ban chuyên môn", ["Các phòng, ban chuyên môn"]],
    ["Sở Văn hóa, Thể thao và Du lịch, Sở Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]],
    // an unknown name with commas stays whole
    ["Các cơ quan, tổ chức, đơn vị thuộc UBND xã", ["Các cơ quan, tổ chức, đơn vị thuộc UBND xã"]],
    // bullets
    ["- Sở Giáo dục và\nĐào tạo;\n- UBND cấp xã", ["Sở Giáo dục và Đào tạo", "UBND cấp xã"]],
    ["- Sở Nội vụ\n- Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]],
    // wrapped names are re-joined
    ["Phòng Văn hóa\n– Xã hội", ["Phòng Văn hóa - Xã hội"]],
    ["Trung tâm Phục\nvụ hành chính\ncông", ["Trung tâm Phục vụ hành chính công"]],
    ["Văn phòng HĐND\nvà UBND xã, Phòng\nVH- XH, Phòng\nKinh tế", ["Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]],
    ["Sở Khoa học và\nCông\nnghệ, Sở Tài chính", ["Sở Khoa học và Công nghệ", "Sở Tài chính"]],
    ["Các trường học trên\nđịa bàn", ["Các trường học trên địa bàn"]],
    // canonical names, duplicates dropped
    ["Phòng VHXH; Phòng Văn hoá - Xã hội; Trung tâm PVHCC", ["Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công"]],
    ["", []],
    [" ; \n ", []],
  ])("%j → %j", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });

  it("uses the plan's own unit names to split at commas", () => {
    // After a known unit the comma splits; before an unknown name that does not start like a unit it does not.
    expect(splitUnits("Sở Nội vụ, Ngân hàng Chính sách xã hội")).toEqual(["Sở Nội vụ", "Ngân hàng Chính sách xã hội"]);
    expect(splitUnits("Hội Nông dân xã, Ngân hàng Chính sách xã hội")).toEqual(["Hội Nông dân xã, Ngân hàng Chính sách xã hội"]);
    expect(splitUnits("Hội Nông dân xã, Ngân hàng Chính sách xã hội", ["Ngân hàng Chính sách xã hội"])).toEqual([
      "Hội Nông dân xã",
      "Ngân hàng Chính sách xã hội",
    ]);
    const lexicon = createUnitLexicon(["Ngân hàng Chính sách xã hội"]);
    expect(splitUnits("Hội Nông dân xã, Ngân hàng Chính sách xã hội", lexicon)).toHaveLength(2);
  });
});

describe("extractUnitLexicon", () => {
  it("reads the numbered units of the commune plan's TỔ CHỨC THỰC HIỆN section (seed 000)", () => {
    expect(extractUnitLexicon(seed("000_6179fdf5309b29e6.txt"))).toEqual([
      "Phòng Văn hóa - Xã hội", // "1. Phòng Văn hóa – Xã hội."
      "Văn phòng HĐND và UBND xã", // "2. Văn Phòng HĐND và UBND xã"
      "Trung tâm Phục vụ hành chính công", // "3.  Trung tâm phục vụ hành chính công"
      "Phòng Kinh tế", // "4. Phòng Kinh tế"
    ]);
  });

  it("reads the province plan's units, lists after a colon included (seed 001)", () => {
    expect(extractUnitLexicon(seed("001_e08ca05127985b31.txt"))).toEqual([
      // "1. Thủ trưởng các cơ quan, đơn vị, địa phương" addresses people, not a unit
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Văn phòng UBND tỉnh", // "4. Văn phòng Ủy ban nhân dân tỉnh"
      "Sở Tài chính",
      "Sở Khoa học và Công nghệ",
      "Sở Văn hóa, Thể thao và Du lịch",
      // "8. Các Sở: Xây dựng, Nông nghiệp và Môi trường, Ban Quản lý các" / "Khu Công nghiệp: Tham mưu …"
      "Sở Xây dựng",
      "Sở Nông nghiệp và Môi trường",
      "Ban Quản lý các Khu công nghiệp",
      // "9. Sở Y tế, Sở Giáo dục và Đào tạo: Tăng cường …"
      "Sở Y tế",
      "Sở Giáo dục và Đào tạo",
      // "10. Các cơ quan thông tin và truyền thông: Báo và Phát thanh, …"
      "Các cơ quan thông tin và truyền thông",
    ]);
  });

  it("reads Markdown headings and stops at the end of the section", () => {
    const text = [
      "### **III. TỔ CHỨC THỰC HIỆN**",
      "#### **1. Phòng Văn hoá – Xã hội**",
      "- Chủ trì, tham mưu …",
      "#### **2. Trung tâm PVHCC**",
      "3. Đề nghị Công an xã, Ban chỉ huy quân sự xã",
      "4. Ngân hàng Chính sách xã hội",
      "***Nơi nhận:***",
      "1. Sở Nội vụ",
    ].join("\n");
    expect(extractUnitLexicon(text)).toEqual([
      "Phòng Văn hóa - Xã hội",
      "Trung tâm Phục vụ hành chính công",
      "Công an xã",
      "Ban Chỉ huy Quân sự xã",
      "Ngân hàng Chính sách xã hội",
    ]);
  });

  it("returns nothing when the plan has no such section", () => {
    expect(extractUnitLexicon("KẾ HOẠCH\n1. Sở Nội vụ\n")).toEqual([]);
  });
});
