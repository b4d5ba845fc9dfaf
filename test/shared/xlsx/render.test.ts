import ExcelJS from "exceljs";
import { build } from "esbuild";
import { strFromU8, unzipSync } from "fflate";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTracker } from "../../../shared/workbook/build-tracker.js";
import { AS_OF_NAME, SHEET } from "../../../shared/workbook/layout.js";
import type { SheetSpec, WorkbookSpec } from "../../../shared/workbook/spec.js";
import { PROTECTION_SPIN_COUNT, addIgnoredErrors, headerFooterText, renderSheetsInto, renderWorkbook, safeCellText, writeWorkbook } from "../../../shared/xlsx/render.js";
import { appendixPlan, hierarchicalPlan, hostilePlan } from "../../fixtures/plan-sample.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const opts = { unit: "xã An Khánh", year: 2026, asOf: "2026-09-14" };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith(".xml") || n.endsWith(".rels")).map(([n, d]) => [n, strFromU8(d)]));
}

/** The worksheet XML part of a sheet, found through workbook.xml and its relationships. */
function sheetXml(xml: Record<string, string>, name: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(xml["xl/workbook.xml"]!)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(xml["xl/_rels/workbook.xml.rels"]!)?.[1];
  const part = `xl/${target!.replace(/^\/?xl\//, "")}`;
  return xml[part]!;
}

describe("renderWorkbook: the tracker read back", () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let xml: Record<string, string>;
  beforeAll(async () => {
    bytes = await renderWorkbook(buildTracker(appendixPlan, opts), { created: new Date("2026-09-14T08:00:00Z") });
    wb = await load(bytes);
    xml = parts(bytes);
  });

  it("is a zip package with the sheets in order and their states", () => {
    expect(bytes[0]).toBe(0x50);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SHEET.guide, "visible"],
      [SHEET.tasks, "visible"],
      [SHEET.lists, "hidden"],
      [SHEET.meta, "veryHidden"],
    ]);
  });

  it("opens on Hướng dẫn, the only selected tab", () => {
    expect(xml["xl/workbook.xml"]).toMatch(/<workbookView [^>]*activeTab="0"/);
    const selected = wb.worksheets.filter((w) => sheetXml(xml, w.name).includes('tabSelected="1"')).map((w) => w.name);
    expect(selected).toEqual([SHEET.guide]);
  });

  it("defines the as-of name and asks Excel to recalculate on open", () => {
    expect(xml["xl/workbook.xml"]).toContain(`<definedName name="${AS_OF_NAME}">&apos;Hướng dẫn&apos;!$C$10</definedName>`);
    expect(xml["xl/workbook.xml"]).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it("writes dates as date cells with a dd/mm/yyyy format and formulas with cached results", () => {
    const tasks = wb.getWorksheet(SHEET.tasks)!;
    const due = tasks.getCell("H5");
    expect(due.value).toEqual(new Date("2026-03-31T00:00:00Z"));
    expect(due.numFmt).toBe("dd/mm/yyyy");
    const evaluation = tasks.getCell("N5").value as ExcelJS.CellFormulaValue;
    expect(evaluation.formula).toContain("NgayBaoCao");
    expect(evaluation.result).toBe("Quá hạn");
    expect(wb.getWorksheet(SHEET.guide)!.getCell("C10").value).toEqual(new Date("2026-09-14T00:00:00Z"));
  });

  it("turns on the error message of every validation and references Danh mục for lists", () => {
    const x = sheetXml(xml, SHEET.tasks);
    const validations = [...x.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]);
    expect(validations).toHaveLength(4);
    for (const v of validations) expect(v).toContain('showErrorMessage="1"');
    expect(x).toContain("<formula1>&apos;Danh mục&apos;!$A$2:$A$5</formula1>");
    expect(x).toMatch(/<dataValidation type="list"[^>]*errorStyle="stop"[^>]*sqref="I5:I9"/);
  });

  it("writes the progress data bar with explicit bounds and colour", () => {
    const x = sheetXml(xml, SHEET.tasks);
    expect(x).toMatch(/<cfRule type="dataBar"[^>]*><dataBar><cfvo type="num" val="0"\/><cfvo type="num" val="100"\/><color rgb="FF5B9BD5"\/><\/dataBar>/);
    expect(x).toMatch(/<x14:dataBar minLength="0" maxLength="100"[^>]*gradient="0"/);
  });

  it("paints conditional-format fills with bgColor too", () => {
    expect(xml["xl/styles.xml"]).toMatch(/<dxf>.*<bgColor rgb="FFFFC7CE"\/>/s);
  });

  it("protects sheets without a password hash, freezes the header and sets A4 landscape with print titles", () => {
    const x = sheetXml(xml, SHEET.tasks);
    expect(x).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(x).not.toContain("hashValue");
    expect(x).toContain('<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/>');
    expect(x).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(xml["xl/workbook.xml"]).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;${SHEET.tasks}&apos;!$4:$4</definedName>`);
    expect(x).toContain("<oddHeader>&amp;R&amp;&quot;Times New Roman,Italic&quot;&amp;9Sổ theo dõi CCHC năm 2026 — xã An Khánh</oddHeader>");
    expect(x).toContain("Trang &amp;P/&amp;N</oddFooter>");
  });

  it("locks plan cells and unlocks entry cells", () => {
    const tasks = wb.getWorksheet(SHEET.tasks)!;
    expect(tasks.getCell("C5").protection?.locked).not.toBe(false);
    expect(tasks.getCell("I5").protection?.locked).toBe(false);
    expect(tasks.getCell("N5").protection?.locked).not.toBe(false);
  });

  it("switches off 'number stored as text' warnings after the print settings", () => {
    const x = sheetXml(xml, SHEET.tasks);
    expect(x).toMatch(/<\/headerFooter><ignoredErrors><ignoredError sqref="A1:O9" numberStoredAsText="1"\/><\/ignoredErrors>/);
  });

  it("writes the document properties", () => {
    expect(wb.creator).toBe("cchc-tracker 0.1.0");
    expect(wb.title).toBe(appendixPlan.title);
    expect(xml["docProps/core.xml"]).toContain("2026-09-14T08:00:00Z");
  });
});

describe("renderWorkbook: user text", () => {
  it("keeps text that looks like a formula as a string and drops characters XML forbids", async () => {
    const wb = await load(await renderWorkbook(buildTracker(hostilePlan, opts)));
    const tasks = wb.getWorksheet(SHEET.tasks)!;
    expect(tasks.getCell("C5").value).toBe("=1+1");
    expect(tasks.getCell("C5").type).toBe(ExcelJS.ValueType.String);
    expect(tasks.getCell("D5").value).toBe("+84 912 345 678");
    expect(tasks.getCell("E5").value).toBe("@Sở Nội vụ");
    expect(tasks.getCell("C6").value).toBe("Văn bản có ký tự điều khiển");
    expect(wb.getWorksheet(SHEET.guide)!.getCell("C4").value).toBe('=HYPERLINK("http://evil.example","Bấm vào đây")');
  });

  it.each([
    ["a\u0000b\u0008c\u000Bd", "abcd"],
    ["tab\tnew\nline", "tab\tnew\nline"],
    ["lone \uD800 surrogate", "lone  surrogate"],
    ["emoji 😀 ok", "emoji 😀 ok"],
  ])("safeCellText(%j) = %j", (input, expected) => expect(safeCellText(input)).toBe(expected));
});

function extraSheet(name: string, text: string): SheetSpec {
  return {
    name,
    state: "visible",
    columns: [{ width: 20 }],
    rows: [{ cells: [{ v: text, s: "b" }] }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

const fragment = (sheets: SheetSpec[], activeSheet?: string): WorkbookSpec => ({
  sheets,
  styles: { b: { bold: true } },
  definedNames: [],
  properties: { title: "x", creator: "test" },
  activeSheet,
});

describe("renderSheetsInto: a loaded tracker", () => {
  it("adds a sheet after the last visible sheet and keeps everything else", async () => {
    const wb = await load(await renderWorkbook(buildTracker(hierarchicalPlan, opts)));
    renderSheetsInto(wb, fragment([extraSheet("Tổng hợp Quý III-2026", "Tổng hợp")], "Tổng hợp Quý III-2026"));
    const again = await load(await writeWorkbook(wb));
    expect(again.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SHEET.guide, "visible"],
      [SHEET.tasks, "visible"],
      ["Tổng hợp Quý III-2026", "visible"],
      [SHEET.lists, "hidden"],
      [SHEET.meta, "veryHidden"],
    ]);
    expect(again.getWorksheet("Tổng hợp Quý III-2026")!.getCell("A1").value).toBe("Tổng hợp");
    expect(again.getWorksheet(SHEET.tasks)!.getCell("A7").value).toBe("1.1.1");
    const written = parts(await writeWorkbook(wb));
    expect(again.worksheets.filter((w) => sheetXml(written, w.name).includes('tabSelected="1"')).map((w) => w.name)).toEqual([
      "Tổng hợp Quý III-2026",
    ]);
    const wbXml = written["xl/workbook.xml"]!;
    expect(wbXml).toContain(`<definedName name="${AS_OF_NAME}">`);
    expect(wbXml).toMatch(/activeTab="2"/);
  });

  it("replaces a sheet of the same name in place when asked, and refuses otherwise", async () => {
    const wb = await load(await renderWorkbook(buildTracker(appendixPlan, opts)));
    renderSheetsInto(wb, fragment([extraSheet("Kiểm tra", "lần 1")]));
    expect(() => renderSheetsInto(wb, fragment([extraSheet("Kiểm tra", "lần 2")]))).toThrow(/Kiểm tra/);
    renderSheetsInto(wb, fragment([extraSheet(SHEET.tasks, "mới")]), { replace: true });
    const again = await load(await writeWorkbook(wb));
    expect(again.worksheets.map((w) => w.name)).toEqual([SHEET.guide, SHEET.tasks, "Kiểm tra", SHEET.lists, SHEET.meta]);
    expect(again.getWorksheet(SHEET.tasks)!.getCell("A1").value).toBe("mới");
  });

  it("puts new sheets before a named sheet and keeps the active sheet when the fragment names none", async () => {
    const tracker = buildTracker(appendixPlan, opts);
    const wb = await load(await renderWorkbook({ ...tracker, activeSheet: SHEET.tasks }));
    renderSheetsInto(wb, fragment([extraSheet("A", "a"), extraSheet("B", "b")]), { before: SHEET.tasks });
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.guide, "A", "B", SHEET.tasks, SHEET.lists, SHEET.meta]);
    expect(parts(await writeWorkbook(wb))["xl/workbook.xml"]).toMatch(/activeTab="3"/);
  });

  it("uses a low spin count when a sheet has a password", async () => {
    const spec = fragment([{ ...extraSheet("P", "p"), protection: { password: "cchc" } }]);
    const x = parts(await renderWorkbook(spec))["xl/worksheets/sheet1.xml"]!;
    expect(x).toContain(`spinCount="${PROTECTION_SPIN_COUNT}"`);
    expect(x).toContain('algorithmName="SHA-512"');
  });
});

describe("headerFooterText", () => {
  it.each([
    ["Trang &P/&N", "Trang &P/&N"],
    ["Văn phòng HĐND & UBND xã", "Văn phòng HĐND && UBND xã"],
    ["&&", "&&&&"],
  ])("%j → %j", (input, expected) => expect(headerFooterText(input)).toBe(expected));
});

describe("addIgnoredErrors", () => {
  it("goes after the print settings, not into a rule's extLst", () => {
    const xml =
      '<worksheet><dimension ref="A1:C3"/><conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting>' +
      '<pageMargins left="1"/><pageSetup paperSize="9"/><headerFooter><oddFooter>x</oddFooter></headerFooter><extLst/></worksheet>';
    expect(addIgnoredErrors(xml)).toBe(
      '<worksheet><dimension ref="A1:C3"/><conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting>' +
        '<pageMargins left="1"/><pageSetup paperSize="9"/><headerFooter><oddFooter>x</oddFooter></headerFooter>' +
        '<ignoredErrors><ignoredError sqref="A1:C3" numberStoredAsText="1"/></ignoredErrors><extLst/></worksheet>',
    );
  });
});

describe("render.ts in a browser bundle", () => {
  it("bundles for the browser without Node built-ins", async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, "shared/xlsx/render.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.some((i) => i.includes("exceljs/dist/exceljs.min.js"))).toBe(true);
    expect(inputs.filter((i) => /^node:|(^|\/)fs(\/|$)/.test(i))).toEqual([]);
  });
});
