import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import type { Grid } from "../../../shared/entries/grid.js";
import { readEntries } from "../../../shared/entries/read.js";
import { isEntrySheet } from "../../../shared/merge/read-input.js";
import { parsePlanText } from "../../../shared/plan/index.js";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { decodeXmlText, isExcelJsDateFormat, readXlsxGridFast } from "../../../shared/xlsx/fast-read.js";
import { loadXlsx, workbookToGrid, type ReadXlsxOptions } from "../../../shared/xlsx/read.js";
import { renderWorkbook } from "../../../shared/xlsx/render.js";
import { fillTracker } from "../entries/tracker-file.js";

const SEEDS = ["000_6179fdf5309b29e6.txt", "001_e08ca05127985b31.txt", "002_169211afdee7665e.txt", "003_db0447c41af15103.txt", "004_0deebdd1aa5ed513.txt"];
const seedsDir = path.resolve(import.meta.dirname, "../../../seeds");

/** The Grid without the save time (exceljs' reader does not report it). */
function withoutTime(g: Grid): Grid {
  const { modified: _m, ...rest } = g;
  return rest;
}

/** The Grid exceljs gives (the reference: readXlsxGrid itself now returns the lean reader's Grid). */
async function readWithExcelJs(bytes: Uint8Array, opts: ReadXlsxOptions): Promise<Grid> {
  return workbookToGrid(await loadXlsx(bytes, opts), opts);
}

const zlibInflate = (data: Uint8Array, max: number) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

describe("readXlsxGridFast gives the Grid exceljs gives", () => {
  it.each(SEEDS)("on the tracker of seed %s, empty and filled", async (seed) => {
    const plan = parsePlanText(readFileSync(path.join(seedsDir, seed), "utf8"));
    const empty = await renderWorkbook(buildTracker(plan, { unit: plan.unit ?? "xã Mẫu", year: 2026, asOf: "2026-09-14" }));
    const [a, b, c, d] = plan.tasks.map((t) => t.id);
    const filled = await fillTracker(empty, {
      [a!]: { status: "Hoàn thành", progress: 100, completedOn: new Date(Date.UTC(2026, 2, 20)), result: { richText: [{ text: "Kế hoạch " }, { text: "số 12", font: { bold: true } }] } },
      [b!]: { status: "Đang thực hiện", progress: { formula: "40+10", result: 50 }, completedOn: "15/3/2026" },
      [c!]: { status: "Hoàn thành", completedOn: "20-08-2026", result: { text: "Quyết định 5", hyperlink: "https://example.org" }, note: { error: "#N/A" } },
      [d!]: { status: "=HYPERLINK(\"http://x\")", note: "  dòng 1\ndòng 2 & <3> " },
    });
    for (const bytes of [empty, filled]) {
      const slow = await readWithExcelJs(bytes, { file: seed });
      const fast = readXlsxGridFast(bytes, { file: seed });
      expect(withoutTime(fast)).toEqual(slow);
      expect(withoutTime(readXlsxGridFast(bytes, { file: seed, inflateRaw: zlibInflate }))).toEqual(slow);
      // Reading only the sheets readEntries looks at changes nothing readEntries says.
      const partial = readXlsxGridFast(bytes, { file: seed, sheets: isEntrySheet });
      expect(readEntries(partial, { asOf: new Date("2026-11-21") })).toEqual(readEntries(slow, { asOf: new Date("2026-11-21") }));
    }
  });

  it("on merged cells, wide and long sheets (with limits)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    ws.getCell("B2").value = "gộp";
    ws.mergeCells("B2:D3");
    ws.getCell("A1").value = "đầu";
    ws.getCell("A500").value = "xa";
    ws.getCell(2, 300).value = "rộng";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    for (const limits of [undefined, { maxRows: 100, maxCols: 50 }]) {
      const opts = limits ? { file: "m.xlsx", limits } : { file: "m.xlsx" };
      expect(withoutTime(readXlsxGridFast(bytes, opts))).toEqual(await readWithExcelJs(bytes, opts));
    }
  });
});

/** A workbook zip from raw parts (what other programs may write). */
function book(sheetXml: string, opts: { workbookPr?: string; sst?: string; styles?: string; prefix?: string } = {}): Uint8Array {
  const p = opts.prefix ?? "";
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8(
      `<${p}workbook${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.workbookPr ?? ""}<${p}sheets><${p}sheet name="Trang &amp; 1" sheetId="1" r:id="rId1"/><${p}sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/></${p}sheets></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    "xl/worksheets/sheet2.xml": strToU8(`<${p}worksheet${ns}><${p}sheetData/></${p}worksheet>`),
    "xl/sharedStrings.xml": strToU8(opts.sst ?? '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    "xl/styles.xml": strToU8(
      opts.styles ??
        '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    ),
  });
}

describe("readXlsxGridFast on what other programs write", () => {
  it("reads shared and inline strings, phonetic runs, escapes, entities, booleans, errors and ISO date cells", () => {
    const sst =
      '<sst><si><t>Hoàn thành</t></si><si><r><t>Kế hoạch </t></r><r><rPr><b/></rPr><t xml:space="preserve">số 12 </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>dòng 1_x000D_dòng 2</t></si></sst>';
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>A &amp; B &lt;3&gt; &#7879;</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="d"><v>2026-03-20</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>46100</v></c><c r="B3" s="2"><v>46101</v></c><c r="C3"><v>46102</v></c><c r="D3" s="1"/></row></sheetData></worksheet>';
    const g = readXlsxGridFast(book(sheet, { sst }), { file: "x.xlsx" });
    expect(g.sheets.map((s) => [s.name, s.state])).toEqual([["Trang & 1", "visible"], ["Ẩn", "hidden"]]);
    expect(g.sheets[0]!.values).toEqual([
      ["Hoàn thành", "Kế hoạch số 12 ", "dòng 1\rdòng 2"],
      ["A & B <3> ệ", true, "#N/A", new Date("2026-03-20T00:00:00Z")],
      // Serial 46101 is 20/03/2026; style 1 is a custom date format, style 2 the built-in date 14.
      [new Date("2026-03-19T00:00:00Z"), new Date("2026-03-20T00:00:00Z"), 46102],
    ]);
  });

  it("translates shared formulas and keeps cached results, zeros included", () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>0</v></c><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3" t="str"><f>IF($A$1&gt;0,"có","")</f><v>có</v></c></row></sheetData></worksheet>';
    const s = readXlsxGridFast(book(sheet), { file: "f.xlsx" }).sheets[0]!;
    expect(s.formulas).toEqual([[null, "A1*2"], [null, "A2*2"], [null, "A3*2", 'IF($A$1>0,"có","")']]);
    expect(s.values).toEqual([[1, 2], [0, 0], [3, 6, "có"]]);
  });

  it("reads the 1904 date system, prefixed element names, rows and cells without addresses", () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c s="1"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>kế bên</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c r="C2"><x:v>5</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const g = readXlsxGridFast(book(sheet, { prefix: "x:", workbookPr: '<x:workbookPr date1904="1"/>' }), { file: "p.xlsx" });
    expect(g.sheets[0]!.values).toEqual([[new Date("1904-01-01T00:00:00Z")], [null, null, 5]]);
  });

  it("reads only the sheets asked for", () => {
    const g = readXlsxGridFast(book('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'), { file: "s.xlsx", sheets: (n) => n === "Ẩn" });
    expect(g.sheets.map((s) => s.name)).toEqual(["Ẩn"]);
  });

  it("takes the save time from the document properties, else the file time", () => {
    const bytes = book('<worksheet><sheetData/></worksheet>');
    const fileTime = new Date("2026-09-01T08:00:00Z");
    expect(readXlsxGridFast(bytes, { file: "t.xlsx", modified: fileTime }).modified).toEqual(fileTime);
  });
});

/** Sets the declared uncompressed size of every entry (local and central headers) — a lying zip. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function unusable(bytes: Uint8Array, opts: Parameters<typeof readXlsxGridFast>[1]): UnusableInputError {
  try {
    readXlsxGridFast(bytes, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableInputError);
    return error as UnusableInputError;
  }
  throw new Error("expected an UnusableInputError");
}

describe("readXlsxGridFast refuses unusable files as read.ts does", () => {
  const wbZip = (extra: Record<string, Uint8Array>) => zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), ...extra }, { level: 9 });
  const sheetBomb = () =>
    zipSync({ ...Object.fromEntries(Object.entries({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>', "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' }).map(([k, v]) => [k, strToU8(v)])), "xl/worksheets/sheet1.xml": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });

  it.each([
    ["an empty file", new Uint8Array(0), "rỗng"],
    ["random bytes", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), "không phải tệp Excel"],
    ["an OLE/CFB file (encrypted workbook or .xls)", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), "mật khẩu"],
    ["a zip that is not a workbook", zipSync({ "readme.txt": strToU8("xin chào") }), "không phải bảng tính"],
    ["a truncated zip", wbZip({ "xl/a.xml": strToU8("x".repeat(5000)) }).slice(0, 200), "bị hỏng"],
  ])("%s", (_name, bytes, text) => {
    for (const inflateRaw of [undefined, zlibInflate]) {
      const e = unusable(bytes, inflateRaw ? { file: "bao-cao.xlsx", inflateRaw } : { file: "bao-cao.xlsx" });
      expect(e.message).toContain("bao-cao.xlsx");
      expect(e.message).toContain(text);
      expect(e.location.file).toBe("bao-cao.xlsx");
    }
  });

  it("refuses a zip bomb by its declared size without inflating it", () => {
    const bomb = sheetBomb();
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => readXlsxGridFast(bomb, { file: "bom.xlsx", limits: { maxInflated: 1024 * 1024 } })).toThrow(/vượt quá 1 MB/);
  });

  it.each([["fflate", undefined], ["zlib", zlibInflate]])("refuses a zip bomb that lies about its size (%s), memory bounded", (_n, inflateRaw) => {
    const bomb = lieAboutSizes(sheetBomb(), 100);
    const before = process.memoryUsage().heapUsed;
    const e = unusable(bomb, inflateRaw ? { file: "bom.xlsx", inflateRaw } : { file: "bom.xlsx" });
    expect(e.message).toContain("lớn hơn kích thước tệp tự khai báo");
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a file over the size limit and an encrypted entry", () => {
    expect(() => readXlsxGridFast(new Uint8Array(2048).fill(0x50), { file: "lon.xlsx", limits: { maxBytes: 1024 } })).toThrow(/quá lớn/);
    const enc = wbZip({}).slice();
    const view = new DataView(enc.buffer);
    for (let i = 0; i + 4 <= enc.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    expect(unusable(enc, { file: "mk.xlsx" }).message).toContain("mật khẩu");
  });

  it("reads what there is of a sheet cut short, and a workbook without sheets, without crashing", () => {
    const cut = readXlsxGridFast(book('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>còn</t></is></c></row><row r="2"><c r="A2"'), { file: "cut.xlsx" });
    expect(cut.sheets[0]!.values).toEqual([["còn"]]);
    const none = readXlsxGridFast(wbZip({ "xl/worksheets/sheet1.xml": strToU8("<not-closed") }), { file: "x.xlsx" });
    expect(none.sheets).toEqual([]);
    expect(readEntries(none).findings.map((f) => f.code)).toContain("noTaskTable");
  });
});

describe("helpers", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["[$-42A]d mmmm yyyy", true],
    ["0.0%", false],
    ['"Ngày" 0', false],
    ["General", false],
  ])("isExcelJsDateFormat(%s) = %s", (code, expected) => {
    expect(isExcelJsDateFormat(code)).toBe(expected);
  });

  it("decodes entities and character references", () => {
    expect(decodeXmlText("a &amp;&lt;&gt;&quot;&apos; &#65;&#x1EC7;")).toBe("a &<>\"' Aệ");
  });
});
