import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { planFileMessages as M } from "../../../shared/messages/plan-files.js";
import { parsePlanBytes } from "../../../shared/plan/index.js";
import { excelSerialToDmy, extractXlsxPlan, readXlsxGrids } from "../../../shared/plan/readers/xlsx-plan.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import { fixture, seedPlan } from "../../fixtures/plans/helpers.js";

/** Builds a workbook with exceljs and returns its bytes. */
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

/** A small appendix sheet: a title block, the header, then `rows`. */
async function appendix(rows: (string | number | Date | null)[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  return workbook((wb) => {
    const ws = wb.addWorksheet("Phụ lục");
    ws.addRow(["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH XÃ AN KHÁNH NĂM 2026"]);
    ws.addRow([]);
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow(r);
    edit?.(ws);
  });
}

describe("the 004 appendix kept in Excel", () => {
  it("parses to the seed's 50 criteria under 20 groups (merged header, merged group rows, merged unit cells)", async () => {
    const seed = seedPlan("004");
    const plan = await parsePlanBytes(fixture("004-appendix.xlsx"), "004-appendix.xlsx");
    expect(plan.tasks).toHaveLength(50);
    expect(plan.tasks).toEqual(seed.tasks);
    expect(plan.groups).toEqual(seed.groups);
    expect(plan.warnings).toEqual([]);
  });

  it("takes the plan's heading from the title rows above the table", async () => {
    const plan = await parsePlanBytes(fixture("004-appendix.xlsx"), "004-appendix.xlsx");
    expect(plan).toMatchObject({
      title: "Kế hoạch Duy trì, cải thiện, nâng cao chỉ số cải cách hành chính xã Phú Thịnh năm 2026",
      unit: "xã Phú Thịnh",
      issuer: "UBND xã Phú Thịnh",
      level: "commune",
      period: { from: "2026-01-01", to: "2026-12-31" },
    });
  });
});

describe("extractXlsxPlan", () => {
  it("finds the header row under a title block and reads the rows below it", async () => {
    const bytes = await appendix([
      [1, "Xây dựng kế hoạch CCHC năm 2026", "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Quý I/2026"],
      [2, "Rà soát TTHC", "Trung tâm Phục vụ hành chính công", "Các cơ quan, đơn vị", "Năm 2026"],
    ]);
    const doc = extractXlsxPlan(bytes, "pl.xlsx");
    expect(doc.blocks[0]).toEqual({ kind: "paragraph", text: "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH XÃ AN KHÁNH NĂM 2026" });
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table).toEqual({
      sheet: "Phụ lục",
      rows: [
        HEADER,
        ["1", "Xây dựng kế hoạch CCHC năm 2026", "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Quý I/2026"],
        ["2", "Rà soát TTHC", "Trung tâm Phục vụ hành chính công", "Các cơ quan, đơn vị", "Năm 2026"],
      ],
    });
  });

  it("repeats a vertically merged unit down its rows and keeps a merged group title in its first column", async () => {
    const bytes = await appendix(
      [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", null, null, null],
        ["1", "Việc một", "Phòng A", "Các cơ quan, đơn vị", "Quý I/2026"],
        ["2", "Việc hai", "Phòng B", null, "Quý II/2026"],
      ],
      (ws) => {
        ws.mergeCells("B4:E4");
        ws.mergeCells("D5:D6");
      },
    );
    const table = extractXlsxPlan(bytes, "pl.xlsx").blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table.rows.slice(1)).toEqual([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
      ["1", "Việc một", "Phòng A", "Các cơ quan, đơn vị", "Quý I/2026"],
      ["2", "Việc hai", "Phòng B", "Các cơ quan, đơn vị", "Quý II/2026"],
    ]);
  });

  it("writes a deadline typed as an Excel date as dd/mm/yyyy, which the plan reads as a date", async () => {
    const bytes = await appendix([[1, "Báo cáo kết quả CCHC năm 2026", "Phòng Văn hóa - Xã hội", "", new Date(Date.UTC(2026, 9, 15))]]);
    const plan = await parsePlanBytes(bytes, "pl.xlsx");
    expect(plan.tasks[0]!.deadline).toMatchObject({ raw: "15/10/2026", kind: "date", due: "2026-10-15" });
  });

  it.each([
    [1, "01/01/1900"],
    [59, "28/02/1900"],
    [61, "01/03/1900"],
    [46022, "31/12/2025"],
  ])("Excel serial %d is %s", (serial, dmy) => {
    expect(excelSerialToDmy(serial)).toBe(dmy);
  });

  it("reads the first visible sheet holding a task table, not a hidden one before it", async () => {
    const bytes = await workbook((wb) => {
      const hidden = wb.addWorksheet("Cũ", { state: "hidden" });
      hidden.addRow(HEADER);
      hidden.addRow([9, "Bản cũ", "Phòng A", "", "Năm 2025"]);
      wb.addWorksheet("Ghi chú").addRow(["Bảng ở trang tính sau"]);
      const ws = wb.addWorksheet("Phụ lục");
      ws.addRow(HEADER);
      ws.addRow([1, "Bản mới", "Phòng B", "", "Năm 2026"]);
    });
    const table = extractXlsxPlan(bytes, "pl.xlsx").blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table.sheet).toBe("Phụ lục");
    expect(readXlsxGrids(bytes, "pl.xlsx").map((g) => g.name)).toEqual(["Ghi chú", "Phụ lục", "Cũ"]);
  });
});

describe("spreadsheets that are not a plan's task table", () => {
  it("a tracker made by this tool (it has the _meta sheet) is refused with what to do instead", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet(SHEET.guide).addRow(["Kế hoạch CCHC năm 2026"]);
      const tasks = wb.addWorksheet(SHEET.tasks);
      tasks.addRow(["Mã", "Lĩnh vực", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái", "Tiến độ (%)"]);
      wb.addWorksheet(SHEET.meta, { state: "veryHidden" }).addRow(["schemaVersion", "1"]);
    });
    await expect(parsePlanBytes(bytes, "so-theo-doi.xlsx")).rejects.toThrow(M.xlsxIsTracker("so-theo-doi.xlsx"));
  });

  it("a tracker whose _meta sheet was deleted is still recognised by its entry columns", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet(SHEET.tasks).addRow(["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái", "Tiến độ (%)"]);
    });
    expect(() => extractXlsxPlan(bytes, "so.xlsx")).toThrow(M.xlsxIsTracker("so.xlsx"));
  });

  it("a workbook without a task header is refused, naming the file", async () => {
    const bytes = await workbook((wb) => wb.addWorksheet("Sheet1").addRow(["Họ tên", "Điểm"]));
    try {
      extractXlsxPlan(bytes, "bang.xlsx");
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(UnusableInputError);
      expect((e as UnusableInputError).message).toBe(M.xlsxNoTaskTable("bang.xlsx"));
      expect((e as UnusableInputError).location).toEqual({ file: "bang.xlsx", sheet: "Sheet1" });
    }
  });

  it("an Excel 97–2003 file is refused with a save-as message, whatever its extension", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(parsePlanBytes(ole, "pl.xls")).rejects.toThrow(M.legacyFormat("pl.xls", ".xls", ".xlsx"));
    await expect(parsePlanBytes(ole, "pl.xlsx")).rejects.toThrow(M.legacyFormat("pl.xlsx", ".xls", ".xlsx"));
  });

  it("a truncated workbook and a zip without a workbook are refused", async () => {
    const bytes = fixture("004-appendix.xlsx");
    await expect(parsePlanBytes(bytes.slice(0, bytes.length >> 1), "pl.xlsx")).rejects.toBeInstanceOf(UnusableInputError);
    const notWorkbook = zipSync({ "word/document.xml": strToU8("<w:document/>") });
    expect(() => extractXlsxPlan(notWorkbook, "pl.xlsx")).toThrow(M.missingPart("pl.xlsx", "Excel (.xlsx)", "xl/workbook.xml"));
  });
});
