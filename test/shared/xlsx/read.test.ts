import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { readEntries } from "../../../shared/entries/read.js";
import { assertUsableXlsx, listZipEntries, loadXlsx, readXlsxGrid } from "../../../shared/xlsx/read.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import { columnOf, fillTracker, trackerBytes } from "../entries/tracker-file.js";

async function unusable(bytes: Uint8Array, file = "hỏng.xlsx"): Promise<UnusableInputError> {
  try {
    await readXlsxGrid(bytes, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableInputError);
    return error as UnusableInputError;
  }
  throw new Error("expected an UnusableInputError");
}

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

function workbookZip(extra: Record<string, Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  return zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), ...extra }, { level });
}

describe("readXlsxGrid on a tracker", () => {
  it("reads sheets, states, dates, formulas and the tracker's own layout cleanly", async () => {
    const grid = await readXlsxGrid(await trackerBytes(), { file: "so.xlsx" });
    expect(grid.file).toBe("so.xlsx");
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      [SHEET.guide, "visible"],
      [SHEET.tasks, "visible"],
      [SHEET.lists, "hidden"],
      [SHEET.meta, "veryHidden"],
    ]);
    const tasks = grid.sheets[1]!;
    const due = tasks.values[4]![columnOf("due") - 1];
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(tasks.formulas![4]![columnOf("evaluation") - 1]).toMatch(/^IF\(/);
    const { entries, findings } = readEntries(grid, { asOf: new Date("2026-09-14") });
    expect(findings).toEqual([]);
    expect(entries!.rows.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(entries!.rows[2]!.leads).toHaveLength(2);
    expect(entries!.meta.taskIds).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("reads what a user typed: date cells, text dates, numbers, rich text, formulas, errors", async () => {
    const bytes = await fillTracker(await trackerBytes(), {
      "1": { status: "Hoàn thành", progress: 100, completedOn: new Date(Date.UTC(2026, 2, 20)), result: { richText: [{ text: "Kế hoạch " }, { text: "số 12", font: { bold: true } }] } },
      "3": { status: "Đang thực hiện", progress: { formula: "40+10", result: 50 }, completedOn: "15/3/2026" },
      "4": { status: "Hoàn thành", completedOn: "20-08-2026", result: { text: "Quyết định 5", hyperlink: "https://example.org" }, note: { error: "#N/A" } },
    });
    const grid = await readXlsxGrid(bytes, { file: "so.xlsx" });
    const { entries, findings } = readEntries(grid, { asOf: new Date("2026-09-14") });
    const [one, , three, four] = entries!.rows;
    expect(one).toMatchObject({ status: "Hoàn thành", completedOn: "2026-03-20", result: "Kế hoạch số 12", valid: true });
    expect(three).toMatchObject({ progress: 50, completedOn: "2026-03-15", valid: false });
    expect(four).toMatchObject({ completedOn: "2026-08-20", result: "Quyết định 5", note: "#N/A" });
    expect(findings.map((f) => [f.code, f.taskId])).toEqual([
      ["formulaInEntry", "3"],
      ["dateAsText", "3"],
      ["completedOnNotDone", "3"],
      ["dateAsText", "4"],
    ]);
  });

  it("reads only the top-left cell of merged cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    ws.getCell("B2").value = "gộp";
    ws.mergeCells("B2:D2");
    const grid = await readXlsxGrid(new Uint8Array(await wb.xlsx.writeBuffer()), { file: "m.xlsx" });
    expect(grid.sheets[0]!.values[1]).toEqual([null, "gộp"]);
  });

  it("keeps at most the limit of rows and columns and says so", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("To");
    ws.getCell("A1").value = "đầu";
    ws.getCell("A500").value = "xa";
    ws.getCell(2, 300).value = "rộng";
    const grid = await readXlsxGrid(new Uint8Array(await wb.xlsx.writeBuffer()), { file: "to.xlsx", limits: { maxRows: 100, maxCols: 50 } });
    const sheet = grid.sheets[0]!;
    expect(sheet.values.length).toBeLessThanOrEqual(100);
    expect(sheet.truncated).toEqual({ rows: 100, cols: 50 });
    const { findings } = readEntries(grid);
    expect(findings.map((f) => [f.code, f.sheet])).toContainEqual(["sheetTruncated", "To"]);
  });
});

describe("unusable files", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "rỗng"],
    ["random bytes", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), "không phải tệp Excel"],
    ["text renamed .xlsx", strToU8("Mã,Nhiệm vụ\n1,Việc\n"), "không phải tệp Excel"],
    ["an OLE/CFB file (encrypted workbook or .xls)", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), "mật khẩu"],
    ["a zip that is not a workbook", zipSync({ "readme.txt": strToU8("xin chào") }), "không phải bảng tính"],
    ["a truncated zip", workbookZip({ "xl/a.xml": strToU8("x".repeat(5000)) }).slice(0, 200), "bị hỏng"],
  ])("refuses %s with a Vietnamese message naming the file", async (_name, bytes, text) => {
    const error = await unusable(bytes, "bao-cao.xlsx");
    expect(error.message).toContain("bao-cao.xlsx");
    expect(error.message).toContain(text);
    expect(error.location.file).toBe("bao-cao.xlsx");
  });

  it("refuses a zip bomb by its declared size without inflating it", () => {
    const bomb = workbookZip({ "xl/worksheets/sheet1.xml": new Uint8Array(3 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => assertUsableXlsx(bomb, "bom.xlsx", { maxInflated: 1024 * 1024 })).toThrow(/vượt quá 1 MB/);
  });

  it("refuses a zip bomb that lies about its size, stopping at the declared size", () => {
    const bomb = lieAboutSizes(workbookZip({ "xl/worksheets/sheet1.xml": new Uint8Array(8 * 1024 * 1024) }), 100);
    expect(listZipEntries(bomb)!.every((e) => e.size === 100)).toBe(true);
    const before = process.memoryUsage().heapUsed;
    expect(() => assertUsableXlsx(bomb, "bom.xlsx")).toThrow(/bom\.xlsx chứa dữ liệu lớn hơn kích thước tệp tự khai báo/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a file over the size limit", () => {
    expect(() => assertUsableXlsx(new Uint8Array(2048).fill(0x50), "lon.xlsx", { maxBytes: 1024 })).toThrow(/quá lớn/);
  });

  it("accepts a stored (uncompressed) workbook zip", () => {
    expect(assertUsableXlsx(workbookZip({}, 0), "ok.xlsx").map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/workbook.xml"]);
  });

  it("turns an exceljs parse failure into an UnusableInputError (loadXlsx, the write path of cchc summary)", async () => {
    const error = await loadXlsx(workbookZip({ "xl/worksheets/sheet1.xml": strToU8("<not-closed") }), { file: "x.xlsx" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as UnusableInputError).message).toContain("x.xlsx");
  });
});
