import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { planFileMessages as M } from "../../../shared/messages/plan-files.js";
import { parsePlanBytes } from "../../../shared/plan/index.js";
import { extractDocx } from "../../../shared/plan/readers/docx.js";
import { looksLikeLegacyVietnamese } from "../../../shared/plan/readers/legacy-font.js";
import { parseOfficePlanSync } from "../../../shared/plan/readers/office.js";
import type { DocBlock } from "../../../shared/plan/readers/document.js";
import { fixture, heading, seedPlan, seedText, TASK_COUNTS } from "../../fixtures/plans/helpers.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A minimal .docx holding the given body XML. */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content}</w:tc>`;
const tables = (blocks: DocBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [b.table.rows] : []));
const paragraphs = (blocks: DocBlock[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("Word renderings of the seeds", () => {
  it.each(["000", "001", "003", "004"])("%s.docx parses to the same plan as the seed text", async (id) => {
    const seed = seedPlan(id);
    const plan = await parsePlanBytes(fixture(`${id}.docx`), `${id}.docx`);
    expect(plan.tasks).toHaveLength(TASK_COUNTS[id]!);
    expect(plan.tasks).toEqual(seed.tasks);
    expect(plan.groups).toEqual(seed.groups);
    expect(heading(plan)).toEqual(heading(seed));
    expect(plan.warnings).toEqual([]);
  });

  it("002.docx, a plan without a table (tasks as bullets), parses to the seed's tasks, targets and areas", async () => {
    const seed = seedPlan("002");
    const plan = await parsePlanBytes(fixture("002.docx"), "002.docx");
    expect(plan.tasks).toHaveLength(51);
    expect(plan).toEqual(seed);
  });

  it("parseOfficePlanSync reads .docx and .xlsx without a promise (Apps Script) and leaves other files to parsePlanBytes", async () => {
    expect(parseOfficePlanSync(fixture("003.docx"), "003.docx")?.tasks).toEqual(seedPlan("003").tasks);
    expect(parseOfficePlanSync(fixture("004-appendix.xlsx"), "PL.XLSX")?.tasks).toEqual(seedPlan("004").tasks);
    expect(parseOfficePlanSync(fixture("003.pdf"), "003.pdf")).toBeNull();
    expect(parseOfficePlanSync(new Uint8Array([1]), "ke-hoach.txt")).toBeNull();
  });

  it("reads the hierarchical criteria table of 004: 20 groups, 50 leaf criteria with their requirement", async () => {
    const plan = await parsePlanBytes(fixture("004.docx"), "004.docx");
    expect(plan.groups.filter((g) => g.parent === null)).toHaveLength(9);
    expect(plan.groups).toHaveLength(20);
    expect(plan.tasks.find((t) => t.id === "2.1.1")).toMatchObject({ group: "2.1", requirement: expect.stringMatching(/^Thực hiện công tác kiểm tra/) });
  });
});

describe("extractDocx", () => {
  it("reads paragraphs in order: runs joined, line breaks kept, inserted text kept, deleted text and fallbacks dropped", () => {
    const body =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">Cải cách </w:t></w:r>` +
      `<w:ins><w:r><w:t>hành chính</w:t></w:r></w:ins><w:del><w:r><w:delText> XÓA</w:delText></w:r></w:del>` +
      `<w:r><w:tab/><w:t>năm 2026</w:t></w:r></w:p>` +
      `<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>Căn cứ &amp; thực hiện</w:t></w:r></w:p>` +
      `<mc:AlternateContent><mc:Choice Requires="wps">${p("Hộp chữ")}</mc:Choice><mc:Fallback>${p("Hộp chữ")}</mc:Fallback></mc:AlternateContent>`;
    const doc = extractDocx(docx(body), "a.docx");
    expect(paragraphs(doc.blocks)).toEqual(["KẾ HOẠCH\nCải cách hành chính năm 2026", "Căn cứ & thực hiện", "Hộp chữ"]);
  });

  it("expands merged cells: gridSpan keeps the text in the first column, vMerge repeats it down except in the id column", () => {
    const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
    const body =
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      row(tc(p("STT")), tc(p("Nội dung"), '<w:gridSpan w:val="2"/>'), tc(p("Cơ quan chủ trì"))) +
      row(tc(p("1"), '<w:vMerge w:val="restart"/>'), tc(p("a")), tc(p("b")), tc(p("Phòng A") + p("Phòng B"), '<w:vMerge w:val="restart"/>')) +
      row(tc("<w:p/>", "<w:vMerge/>"), tc(p("c")), tc(p("d")), tc("<w:p/>", "<w:vMerge/>")) +
      row(tc(p("II"), ""), tc(p("NHÓM"), '<w:gridSpan w:val="3"/>')) +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p("x"))}${tc(p("y"))}</w:tr>` +
      `</w:tbl>`;
    expect(tables(extractDocx(docx(body), "a.docx").blocks)).toEqual([
      [
        ["STT", "Nội dung", "", "Cơ quan chủ trì"],
        ["1", "a", "b", "Phòng A\nPhòng B"],
        ["", "c", "d", "Phòng A\nPhòng B"],
        ["II", "NHÓM", "", ""],
        ["", "", "x", "y"],
      ],
    ]);
  });

  it("keeps a table nested in a cell as lines of that cell", () => {
    const inner = `<w:tbl><w:tr>${tc(p("Phòng A"))}${tc(p("Quý I"))}</w:tr><w:tr>${tc(p("Phòng B"))}${tc(p("Quý II"))}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr>${tc(p("1"))}${tc(p("Việc") + inner + "<w:p/>")}</w:tr></w:tbl>`;
    expect(tables(extractDocx(docx(body), "a.docx").blocks)).toEqual([[["1", "Việc\nPhòng A Quý I\nPhòng B Quý II"]]]);
  });

  it("places tables between the paragraphs around them", () => {
    const body = `${p("trước")}<w:tbl><w:tr>${tc(p("ô"))}</w:tr></w:tbl>${p("sau")}`;
    expect(extractDocx(docx(body), "a.docx").blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
  });
});

describe("automatic numbering (word/numbering.xml)", () => {
  const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering =
    `<w:numbering ${W}>` +
    `<w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%2.")}${lvl(2, "lowerLetter", "%3)")}${lvl(3, "bullet", "\uF0B7")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, "decimal", "%1.")}${lvl(1, "decimal", "%1.%2")}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
    `</w:numbering>`;
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`;
  const np = (text: string, numId: string, ilvl = 0) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const sp = (text: string, style: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const parts = { "word/numbering.xml": numbering, "word/styles.xml": styles };

  it("puts the list labels Word draws in front of paragraphs: sections, sub-items, letters, bullets", () => {
    const body =
      np("MỤC ĐÍCH, YÊU CẦU", "1") +
      np("NỘI DUNG", "1") +
      np("Cải cách thể chế", "1", 1) +
      np("Mục tiêu", "1", 2) +
      np("100% văn bản được rà soát", "1", 3) +
      np("Nhiệm vụ", "1", 2) +
      np("Cải cách TTHC", "1", 1) +
      np("Mục tiêu", "1", 2) +
      sp("TỔ CHỨC THỰC HIỆN", "MyHeading") +
      np("Tổ chức triển khai", "4") +
      np("Phân công", "4", 1) +
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>không đánh số</w:t></w:r></w:p>`;
    expect(paragraphs(extractDocx(docx(body, parts), "a.docx").blocks)).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "II. NỘI DUNG",
      "1. Cải cách thể chế",
      "a) Mục tiêu",
      "- 100% văn bản được rà soát",
      "b) Nhiệm vụ",
      "2. Cải cách TTHC",
      "a) Mục tiêu",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Tổ chức triển khai",
      "1.1 Phân công",
      "không đánh số",
    ]);
  });

  it("numbers an STT column kept as a list, and a restarted list starts again", () => {
    const row = (n: string, numId: string) => `<w:tr>${tc(np("", numId))}${tc(p(n))}</w:tr>`;
    const body = `<w:tbl>${row("Việc một", "2")}${row("Việc hai", "2")}${row("Việc ba", "2")}</w:tbl>${np("lại từ đầu", "3")}`;
    const doc = extractDocx(docx(body, parts), "a.docx");
    expect(tables(doc.blocks)).toEqual([
      [
        ["1", "Việc một"],
        ["2", "Việc hai"],
        ["3", "Việc ba"],
      ],
    ]);
    expect(paragraphs(doc.blocks)).toEqual(["1 lại từ đầu"]);
  });

  it("reads the document without labels when numbering.xml is broken", () => {
    const body = np("Mục", "1");
    expect(paragraphs(extractDocx(docx(body, { "word/numbering.xml": "<w:numbering><w:abstractNum" }), "a.docx").blocks)).toEqual(["Mục"]);
  });
});

describe("documents typed in a legacy Vietnamese font encoding", () => {
  const TCVN3 = "UBND x· Cao Minh. KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2026. Sè TT, Néi dung c«ng viÖc, C¬ quan chñ tr×, C¬ quan phèi hîp. ";
  const VNI = "Keá hoaïch caûi caùch haønh chính xaõ An Khaùnh naêm 2026 cuûa UÛy ban nhaân daân xaõ. ";

  it.each([
    ["TCVN3 (.VnTime)", TCVN3.repeat(3), true],
    ["VNI", VNI.repeat(8), true],
    ["a few symbols in Unicode text", "Nhiệt độ 25°C, tỷ lệ ½ và §3 của Luật. ".repeat(3), false],
  ])("%s → %s", (_name, text, legacy) => {
    expect(looksLikeLegacyVietnamese(text)).toBe(legacy);
  });

  it("no seed reads as a legacy encoding", () => {
    for (const id of ["000", "001", "002", "003", "004"]) expect(looksLikeLegacyVietnamese(seedText(id))).toBe(false);
  });

  it("a Word file in TCVN3 is refused with the message to convert it to Unicode", async () => {
    const bytes = docx(Array.from({ length: 3 }, () => p(TCVN3)).join(""));
    await expect(parsePlanBytes(bytes, "kh-vntime.docx")).rejects.toThrow(M.legacyFont("kh-vntime.docx"));
  });
});

describe("unusable Word files", () => {
  const expectUnusable = (fn: () => unknown, message: string) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(UnusableInputError);
      expect((e as UnusableInputError).message).toBe(message);
      expect((e as UnusableInputError).location.file).toBe("kh.docx");
      return;
    }
    throw new Error("expected an UnusableInputError");
  };

  it("a truncated .docx is refused, not a crash", async () => {
    const bytes = fixture("003.docx");
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    await expect(parsePlanBytes(cut, "kh.docx")).rejects.toBeInstanceOf(UnusableInputError);
    await expect(parsePlanBytes(cut, "kh.docx")).rejects.toThrow(/kh\.docx/);
  });

  it("bytes that are not a zip are refused as not a Word file", () => {
    expectUnusable(() => extractDocx(strToU8("Kế hoạch CCHC năm 2026"), "kh.docx"), M.notAZip("kh.docx", "Word (.docx)"));
  });

  it("an empty file is refused", () => {
    expectUnusable(() => extractDocx(new Uint8Array(0), "kh.docx"), M.emptyFile("kh.docx"));
  });

  it("a Word 97–2003 file is refused with a save-as message", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expectUnusable(() => extractDocx(ole, "kh.docx"), M.legacyFormat("kh.docx", ".doc", ".docx"));
  });

  it("a .doc name routes to the Word reader: Office 97–2003 bytes get the save-as message", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(parsePlanBytes(ole, "kh.doc")).rejects.toThrow(M.legacyFormat("kh.doc", ".doc", ".docx"));
  });

  it("a zip without word/document.xml is refused", () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expectUnusable(() => extractDocx(zip, "kh.docx"), M.missingPart("kh.docx", "Word (.docx)", "word/document.xml"));
  });

  it("a document.xml cut off in the middle is refused", () => {
    const zip = zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>KẾ HO`) });
    expect(() => extractDocx(zip, "kh.docx")).toThrow(UnusableInputError);
    expect(() => extractDocx(zip, "kh.docx")).toThrow(/word\/document\.xml/);
  });

  it("a part that would inflate beyond the limit is refused before inflating (zip bomb)", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(2 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    expectUnusable(
      () => extractDocx(bomb, "kh.docx", { maxPartBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 }),
      M.zipEntryTooLarge("kh.docx", "word/document.xml", 1),
    );
  });

  it("a Word file with no task table and no bullet tasks is refused with the plan reader's message", async () => {
    await expect(parsePlanBytes(docx(p("KẾ HOẠCH") + p("Cải cách hành chính năm 2026")), "kh.docx")).rejects.toBeInstanceOf(
      UnusableInputError,
    );
  });
});
