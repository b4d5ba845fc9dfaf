import { readFile, mkdtemp, rm, writeFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { readEntries } from "../../shared/entries/read.js";
import { Summary } from "../../shared/summary/summarise.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import { fillTracker, trackerBytes } from "../shared/entries/tracker-file.js";
import { inspectXlsx, type WorkbookFacts } from "../shared/entries/xlsx-inspect.js";
import { A, B, C, fixtureFills, fixturePlan } from "../shared/summary/fixture.js";

let dir: string;
let filled: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "cchc-summary-"));
  filled = await fillTracker(await trackerBytes(fixturePlan()), fixtureFills());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Every original sheet is unchanged; original names are kept; conditional formats may only be added to. */
function expectPreserved(before: WorkbookFacts, after: WorkbookFacts): void {
  for (const sheet of before.sheets) {
    const kept = after.sheets.find((s) => s.name === sheet.name);
    expect(kept, sheet.name).toBeDefined();
    const { conditionalFormats, ...rest } = sheet;
    const { conditionalFormats: keptFormats, ...keptRest } = kept!;
    expect(keptRest, sheet.name).toEqual(rest);
    for (const cf of conditionalFormats) expect(keptFormats, sheet.name).toContain(cf);
  }
  for (const name of before.definedNames) expect(after.definedNames).toContain(name);
}

/** A tracker as LibreOffice writes it: booleans spelled out, a legacy password, x14 validations, structure locked. */
function likeOtherPrograms(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const edit = (name: string, f: (xml: string) => string) => {
    files[name] = strToU8(f(strFromU8(files[name]!)));
  };
  for (const name of Object.keys(files)) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      edit(name, (x) => x.replace(/<sheetProtection\b[^>]*>/, (t) => t.replace(/="1"/g, '="true"').replace(/="0"/g, '="false"')));
    }
  }
  edit("xl/styles.xml", (x) => x.replace(/locked="0"/g, 'locked="false"'));
  edit("xl/worksheets/sheet2.xml", (x) =>
    x
      .replace(/<sheetProtection\b/, '<sheetProtection password="CC3D"')
      .replace(/<pageSetUpPr fitToPage="1"/, '<pageSetUpPr fitToPage="true"')
      .replace(
        /<\/extLst><\/worksheet>$/,
        '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
          '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1">' +
          "<x14:formula1><xm:f>'Danh mục'!$C$2:$C$4</xm:f></x14:formula1><xm:sqref>P5:P22</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>",
      ),
  );
  edit("xl/workbook.xml", (x) => x.replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'));
  files["xl/charts/chart1.xml"] = strToU8('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  return zipSync(Object.fromEntries(Object.entries(files).filter(([n]) => !n.endsWith("/"))));
}

describe("cchc summary figures", () => {
  it("prints the JSON contract with the hand-computed figures of a filled tracker", async () => {
    const file = await put("so.xlsx", filled);
    const { code, out } = await run(["summary", file, "--quarter", "3", "--json"]);
    expect(code).toBe(1); // task 17 has an invalid status
    const json = JSON.parse(out) as Record<string, unknown>;
    const summary = Summary.parse(json);
    expect(summary.period).toMatchObject({ label: "Quý III/2026", from: "2026-06-15", to: "2026-09-14" });
    expect(summary.asOf).toBe("2026-09-14");
    expect(summary.totals).toEqual({
      total: 18, done: 6, doneOnTime: 4, doneLate: 2, inProgress: 5, notStarted: 4, dropped: 2, invalid: 1,
      overdue: 1, doneInPeriod: 4, completionRate: 0.375,
    });
    expect(summary.byLead.map((g) => [g.unit, g.totals.total, g.totals.done])).toEqual([[A, 7, 4], [B, 6, 3], [C, 6, 0]]);
    expect(summary.overdueTasks).toEqual(["3"]);
    expect(summary.dueNextPeriod).toEqual(["4", "9", "15", "18"]);
    expect((json.findings as Array<{ code: string; taskId: string }>).map((f) => [f.code, f.taskId])).toEqual([["statusInvalid", "17"]]);
    // Nothing is written without -o or --in-place.
    expect(await readdir(dir)).toEqual(["so.xlsx"]);
  });

  it("prints a readable Vietnamese summary", async () => {
    const file = await put("doc.xlsx", filled);
    const { out } = await run(["summary", file, "--quarter", "3"]);
    expect(out).toContain("Tổng hợp Quý III/2026 (kỳ báo cáo 15/06/2026 – 14/09/2026), số liệu tính đến 14/09/2026:");
    expect(out).toContain("Tổng số 18 nhiệm vụ: hoàn thành 6 (đúng hạn 4, quá hạn 2)");
    expect(out).toContain("tỷ lệ hoàn thành 37,5%");
    expect(out).toContain(`${B}: hoàn thành 3/6 nhiệm vụ (tỷ lệ 50%)`);
    expect(out).toContain("Nhiệm vụ quá hạn: 3");
    expect(out).toContain("-o <tệp.xlsx>");
  });

  it.each([
    ["2", "2025"],
    ["1", "2027"],
  ])("refuses quarter %s of %s: the year lies outside the plan's period (2026)", async (quarter, year) => {
    const file = await put(`year-${year}.xlsx`, filled);
    const { code, err } = await run(["summary", file, "--quarter", quarter, "--year", year]);
    expect(code).toBe(2);
    expect(err).toContain(`Năm ${year} nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2026)`);
  });

  it("does not warn about a quarter inside the plan's period", async () => {
    const file = await put("year-2026.xlsx", filled);
    const { code, out } = await run(["summary", file, "--quarter", "4", "--year", "2026"]);
    expect(code).toBe(1); // the fixture has one invalid entry
    expect(out).not.toContain("nằm ngoài thời gian của kế hoạch");
  });

  it("honours --year and --as-of", async () => {
    const file = await put("asof.xlsx", filled);
    const { out } = await run(["summary", file, "-q", "3", "--year", "2026", "--as-of", "15/09/2026", "--json"]);
    const s = Summary.parse(JSON.parse(out));
    expect(s.asOf).toBe("2026-09-15");
    expect(s.overdueTasks).toEqual(["3", "5"]);
  });
});

describe("cchc summary writes into the workbook and keeps everything else", () => {
  it.each([
    ["a tracker saved by exceljs", () => filled],
    ["a tracker saved the way LibreOffice writes", () => likeOtherPrograms(filled)],
  ])("%s", async (_name, make) => {
    const original = make();
    const file = await put(`giu-${_name.length}.xlsx`, original);
    const output = path.join(dir, `out-${_name.length}.xlsx`);
    const { code, out } = await run(["summary", file, "--quarter", "3", "-o", output]);
    expect(code).toBe(1);
    expect(out).toContain(`Đã ghi trang "Tổng hợp Quý III-2026" vào ${output}.`);
    const after = new Uint8Array(await readFile(output));
    const beforeFacts = inspectXlsx(original);
    const afterFacts = inspectXlsx(after);
    expectPreserved(beforeFacts, afterFacts);
    expect(afterFacts.sheets.map((s) => s.name)).toEqual([
      "Hướng dẫn", "Nhiệm vụ", "Tổng hợp Quý III-2026", "Danh mục", "_meta",
    ]);
    expect(afterFacts.sheets.find((s) => s.name === "_meta")!.state).toBe("veryHidden");
    // Every entry reads back the same.
    const entriesOf = async (bytes: Uint8Array) => readEntries(await readXlsxGrid(bytes, { file: "x.xlsx" }), { asOf: new Date("2026-11-21") }).entries!.rows;
    expect(await entriesOf(after)).toEqual(await entriesOf(original));
    // The input file itself is untouched.
    expect(new Uint8Array(await readFile(file))).toEqual(original);
  });

  it("restores what exceljs drops: legacy password, x14 validations, workbook protection; warns about charts", async () => {
    const original = likeOtherPrograms(filled);
    const file = await put("khac.xlsx", original);
    const output = path.join(dir, "khac-out.xlsx");
    const { out } = await run(["summary", file, "--quarter", "3", "-o", output]);
    const files = unzipSync(new Uint8Array(await readFile(output)));
    const tasks = strFromU8(files["xl/worksheets/sheet2.xml"]!);
    expect(tasks).toMatch(/<sheetProtection password="CC3D"/);
    expect(tasks).toContain("<xm:sqref>P5:P22</xm:sqref>");
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('<workbookProtection lockStructure="1"/>');
    expect(out).toContain("không giữ được biểu đồ");
    expect(inspectXlsx(new Uint8Array(await readFile(output))).sheets[1]!.protection).toContain("password=yes");
  });

  it("--in-place keeps a backup copy, and a second run replaces the summary sheet", async () => {
    const file = await put("tai-cho.xlsx", filled);
    expect((await run(["summary", file, "--quarter", "3", "--in-place"])).out).toContain("tai-cho.bak.xlsx");
    expect(new Uint8Array(await readFile(path.join(dir, "tai-cho.bak.xlsx")))).toEqual(filled);
    await run(["summary", file, "--quarter", "3", "--in-place"]);
    const names = inspectXlsx(new Uint8Array(await readFile(file))).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Tổng hợp"))).toEqual(["Tổng hợp Quý III-2026"]);
  });
});

describe("cchc summary --close", () => {
  it("freezes the quarter: later edits do not change its figures", async () => {
    const file = await put("chot.xlsx", filled);
    const closedFile = path.join(dir, "chot-q3.xlsx");
    const first = await run(["summary", file, "--quarter", "3", "--close", "-o", closedFile, "--json"]);
    const atClose = Summary.parse(JSON.parse(first.out));
    expect(atClose.source).toBe("closed");
    expect(first.err).toContain('Đã chốt số liệu: trang "Chốt Quý III-2026".');
    // In October someone marks the overdue task 3 done with a back-dated completion and fixes task 17.
    const edited = await fillTracker(new Uint8Array(await readFile(closedFile)), {
      "3": { status: "Hoàn thành", progress: 100, completedOn: new Date(Date.UTC(2026, 8, 1)), result: "Báo cáo số 5" },
      "17": { status: "Hoàn thành", progress: 100, completedOn: new Date(Date.UTC(2026, 4, 30)), result: "QĐ 9" },
    });
    const editedFile = await put("chot-sua.xlsx", edited);
    const later = Summary.parse(JSON.parse((await run(["summary", editedFile, "--quarter", "3", "--json"])).out));
    expect(later.source).toBe("closed");
    expect(later.totals).toEqual(atClose.totals);
    expect(later.overdueTasks).toEqual(["3"]);
    // Q4 is not closed and sees the edits.
    const q4 = Summary.parse(JSON.parse((await run(["summary", editedFile, "--quarter", "4", "--json"])).out));
    expect(q4.source).toBe("live");
    expect(q4.totals.invalid).toBe(0);
    // Closing again keeps the first close.
    const again = await run(["summary", editedFile, "--quarter", "3", "--close", "--in-place"]);
    expect(again.out).toContain("Kỳ này đã được chốt");
    const names = inspectXlsx(new Uint8Array(await readFile(editedFile))).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Chốt"))).toEqual(["Chốt Quý III-2026"]);
  });

  it("writes a protected close sheet", async () => {
    const file = await put("chot2.xlsx", filled);
    const output = path.join(dir, "chot2-out.xlsx");
    await run(["summary", file, "--quarter", "2", "--close", "-o", output]);
    const close = inspectXlsx(new Uint8Array(await readFile(output))).sheets.find((s) => s.name === "Chốt Quý II-2026")!;
    expect(close.protection).toContain("sheet=1");
    expect(close.cells.A10).toMatch(/^Mã\|/);
  });
});

describe("cchc summary refuses", () => {
  it.each([
    [["summary", "x.xlsx"], "--quarter"],
    [["summary", "x.xlsx", "--quarter", "5"], "Quý \"5\""],
    [["summary", "x.xlsx", "--quarter", "3", "--year", "26"], "Năm \"26\""],
    [["summary", "x.xlsx", "--quarter", "3", "-o", "a.xlsx", "--in-place"], "-o"],
    [["summary", "x.xlsx", "--quarter", "3", "--close"], "--close"],
  ])("%j with exit 2", async (argv, text) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(text);
  });

  it("does not summarise a tracker of an unknown template version, and writes nothing", async () => {
    const bytes = await fillTracker(filled, {}, (wb) => {
      wb.getWorksheet("_meta")!.getCell("B1").value = "9";
    });
    const file = await put("phien-ban.xlsx", bytes);
    const output = path.join(dir, "phien-ban-out.xlsx");
    const { code, err, out } = await run(["summary", file, "--quarter", "3", "-o", output]);
    expect(code).toBe(1);
    expect(err).toContain("Không tổng hợp được");
    expect(out).toContain('phiên bản "9"');
    await expect(readFile(output)).rejects.toThrow();
  });
});
