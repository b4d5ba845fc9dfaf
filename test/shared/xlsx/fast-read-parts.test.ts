/**
 * The lean reader as the Apps Script merge uses it (no exceljs there), checked against exceljs's reader on a tracker
 * written by the .xlsx renderer, and on hand-made parts exceljs never writes. (These were the tests of the Apps
 * Script's own reader, apps-script/src/drive/xlsx-grid.ts, which readXlsxGridFast replaced.)
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Grid, GridValue } from "../../../shared/entries/grid.js";
import { UnusableInputError } from "../../../shared/errors.js";
import { parsePlanText } from "../../../shared/plan/index.js";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { loadXlsx, workbookToGrid } from "../../../shared/xlsx/read.js";
import { renderWorkbook } from "../../../shared/xlsx/render.js";
import { isExcelJsDateFormat, readXlsxGridFast } from "../../../shared/xlsx/fast-read.js";
import { seedText } from "../../apps-script/plans.js";

const xlsxToGrid = (bytes: Uint8Array, file: string): Grid => readXlsxGridFast(bytes, { file });

/** Values comparable across readers: dates as ISO, trailing empty cells and rows dropped. */
function comparable(grid: Grid) {
  const norm = (v: GridValue) => (v instanceof Date ? v.toISOString() : v);
  return grid.sheets.map((s) => {
    const rows = s.values.map((r) => {
      const out = r.map(norm);
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    return { name: s.name, state: s.state ?? "visible", rows };
  });
}

describe("readXlsxGridFast (the reader of the Apps Script merge)", () => {
  it("reads a tracker written by the .xlsx renderer as exceljs reads it", async () => {
    const plan = parsePlanText(seedText("001"));
    const spec = buildTracker(plan, { unit: "tỉnh Thái Nguyên", year: 2026, asOf: "2026-04-10" });
    const bytes = await renderWorkbook(spec);
    const mine = xlsxToGrid(bytes, "t.xlsx");
    const theirs = workbookToGrid(await loadXlsx(bytes, { file: "t.xlsx" }), { file: "t.xlsx" });
    expect(comparable(mine)).toEqual(comparable(theirs));
    // Formulas are kept too (the Đánh giá column).
    const tasks = mine.sheets.find((s) => s.name === "Nhiệm vụ")!;
    const theirTasks = theirs.sheets.find((s) => s.name === "Nhiệm vụ")!;
    expect(tasks.formulas?.flat().filter(Boolean).length).toBe(theirTasks.formulas?.flat().filter(Boolean).length);
    expect(mine.sheets.map((s) => s.state)).toEqual(theirs.sheets.map((s) => s.state));
  });

  /** A minimal workbook from hand-written parts. */
  function xlsx(sheetXml: string, opts: { date1904?: boolean; strings?: string[]; styles?: string; sheets?: string } = {}): Uint8Array {
    const files: Record<string, Uint8Array> = {
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      "xl/workbook.xml": strToU8(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
          `${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${opts.sheets ?? '<sheet name="A &amp; B" sheetId="1" r:id="rId1"/>'}</sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/><Relationship Id="rId2" Target="/xl/worksheets/other.xml" Type="x"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`),
      "xl/worksheets/other.xml": strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>khác</t></is></c></row></sheetData></worksheet>'),
    };
    if (opts.strings) {
      files["xl/sharedStrings.xml"] = strToU8(`<sst>${opts.strings.map((s) => `<si>${s}</si>`).join("")}</sst>`);
    }
    if (opts.styles) files["xl/styles.xml"] = strToU8(opts.styles);
    return zipSync(files);
  }

  it("reads shared and inline strings, rich text without phonetic runs, booleans, errors and formulas", () => {
    const grid = xlsxToGrid(
      xlsx(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>trong ô</t></is></c></row>' +
          '<row r="3"><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3" t="str"><f>A1&amp;"x"</f><v>Hòax</v></c></row>' +
          '<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="0">B3*2</f><v>2</v></c></row><row r="5"><c r="A5"><f t="shared" si="0"/><v>2</v></c></row>',
        { strings: ["<t>Hòa</t>", '<r><t>Xã </t></r><r><rPr><b/></rPr><t xml:space="preserve">hội</t></r><rPh><t>ふりがな</t></rPh>'] },
      ),
      "h.xlsx",
    );
    expect(grid.sheets.map((s) => s.name)).toEqual(["A & B"]);
    const [s] = grid.sheets;
    // Rows as exceljs gives them: up to their last cell, an absent row empty.
    expect(s!.values).toEqual([["Hòa", "Xã hội", "trong ô"], [], [null, true, "#REF!", "Hòax"], [2], [2]]);
    expect(s!.formulas?.[2]?.[3]).toBe('A1&"x"');
    expect(s!.formulas?.[3]?.[0]).toBe("B3*2");
    // A shared-formula child has no text of its own: it is the master's, moved as exceljs moves it.
    expect(s!.formulas?.[4]?.[0]).toBe("B4*2");
  });

  it("tells dates from numbers by their style, in the 1900 and 1904 systems", () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; d&quot;"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const row = '<row r="1"><c r="A1" s="1"><v>46112</v></c><c r="B1" s="2"><v>46112.5</v></c><c r="C1" s="3"><v>46112</v></c><c r="D1"><v>46112</v></c></row>';
    const g1900 = xlsxToGrid(xlsx(row, { styles }), "d.xlsx").sheets[0]!.values[0]!;
    expect(g1900).toEqual([new Date("2026-03-31T00:00:00Z"), new Date("2026-03-31T12:00:00Z"), 46112, 46112]);
    const g1904 = xlsxToGrid(xlsx(row, { styles, date1904: true }), "d.xlsx").sheets[0]!.values[0]!;
    expect(g1904[0]).toEqual(new Date(Date.UTC(1904, 0, 1) + 46112 * 86_400_000));
  });

  it.each([
    ["dd/mm/yyyy", true],
    ["[$-42A]d mmmm yyyy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["0.00", false],
    ['0" ngày"', false],
    ["[Red]0.0", false],
    ["General", false],
    ["@", false],
  ])("format %j is a date format: %s", (code, want) => expect(isExcelJsDateFormat(code)).toBe(want));

  it("keeps hidden states and follows absolute relationship targets", () => {
    const grid = xlsxToGrid(
      xlsx('<row r="1"><c r="A1"><v>1</v></c></row>', {
        sheets: '<sheet name="Một" sheetId="1" r:id="rId1"/><sheet name="_meta" sheetId="2" state="veryHidden" r:id="rId2"/>',
      }),
      "s.xlsx",
    );
    expect(grid.sheets.map((s) => [s.name, s.state, s.values])).toEqual([
      ["Một", "visible", [[1]]],
      ["_meta", "veryHidden", [["khác"]]],
    ]);
  });

  it("keeps at most 256 columns and marks the sheet truncated instead of allocating a huge grid", () => {
    const grid = xlsxToGrid(xlsx('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row>'), "big.xlsx");
    expect(grid.sheets[0]!.values).toEqual([[1]]);
    // As exceljs reports it: the rows kept (up to the last one read), all 256 columns.
    expect(grid.sheets[0]!.truncated).toEqual({ rows: 1, cols: 256 });
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["text", strToU8("không phải xlsx")],
    ["a zip without a workbook", zipSync({ "a.txt": strToU8("x") })],
    ["a truncated zip", xlsx("<row/>").subarray(0, 120)],
    ["broken XML", zipSync({ "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="x" r:id="rId1"') })],
  ])("refuses %s with an UnusableInputError naming the file", (_what, bytes) => {
    try {
      xlsxToGrid(bytes, "xa-a.xlsx");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnusableInputError);
      expect((e as UnusableInputError).message).toContain("xa-a.xlsx");
      expect((e as UnusableInputError).location.file).toBe("xa-a.xlsx");
    }
  });
});

describe("readXlsxGridFast options the plan reader uses", () => {
  const sheet =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>46112</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1"><v>7</v></c></row></sheetData>' +
    '<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B2:D2"/></mergeCells></worksheet>';
  const files = (date1904: boolean) =>
    zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="r">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
      "xl/styles.xml": strToU8('<styleSheet><numFmts><numFmt numFmtId="164" formatCode="h:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>'),
    });

  it("lists merged ranges only when asked", () => {
    expect(readXlsxGridFast(files(false), { file: "m.xlsx", merges: true }).sheets[0]!.merges).toEqual(["A2:A4", "B2:D2"]);
    expect(readXlsxGridFast(files(false), { file: "m.xlsx" }).sheets[0]!.merges).toBeUndefined();
  });

  it("hands number cells to numberValue with their format and date system", () => {
    for (const date1904 of [false, true]) {
      const seen: unknown[] = [];
      const grid = readXlsxGridFast(files(date1904), {
        file: "n.xlsx",
        numberValue: (n, format, d1904) => {
          seen.push([n, format, d1904]);
          return `${n}`;
        },
      });
      expect(grid.sheets[0]!.values[0]).toEqual(["46112", "0.5", "7"]);
      expect(seen).toEqual([
        [46112, { id: 14 }, date1904],
        [0.5, { id: 164, code: "h:mm" }, date1904],
        [7, { id: 0 }, date1904],
      ]);
    }
  });
});

describe("readXlsxGridFast strict mode (readXlsxGrid: refuses what exceljs refused)", () => {
  const book = (sheetXml: string, extra: Record<string, Uint8Array> = {}) =>
    zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8('<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(sheetXml),
      ...extra,
    });

  it("refuses a sheet cut short that the lenient reader reads up to the cut", () => {
    const cut = book('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>còn</t></is></c></row><row r="2"><c r="A2"');
    expect(readXlsxGridFast(cut, { file: "cut.xlsx" }).sheets[0]!.values).toEqual([["còn"]]);
    expect(() => readXlsxGridFast(cut, { file: "cut.xlsx", strict: true })).toThrow(UnusableInputError);
    expect(() => readXlsxGridFast(cut, { file: "cut.xlsx", strict: true })).toThrow(/cut\.xlsx/);
    const whole = book('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>\n');
    expect(readXlsxGridFast(whole, { file: "ok.xlsx", strict: true }).sheets[0]!.values).toEqual([[1]]);
  });

  it("refuses a broken part the lenient reader never opens", () => {
    const bytes = book("<worksheet><sheetData/></worksheet>", { "xl/media/x.bin": new Uint8Array(4096).fill(7) });
    // Corrupt the deflate stream of the unused part.
    const broken = bytes.slice();
    const name = strToU8("xl/media/x.bin");
    for (let i = 0; i + 4 <= broken.length; i++) {
      if (broken[i] === 0x50 && broken[i + 1] === 0x4b && broken[i + 2] === 3 && broken[i + 3] === 4 && name.every((b, k) => broken[i + 30 + k] === b)) {
        broken.fill(0xff, i + 30 + name.length, i + 30 + name.length + 8);
        break;
      }
    }
    expect(readXlsxGridFast(broken, { file: "m.xlsx" }).sheets[0]!.name).toBe("S");
    expect(() => readXlsxGridFast(broken, { file: "m.xlsx", strict: true })).toThrow(/m\.xlsx/);
  });
});
