/**
 * Hand-made WorkbookSpecs with every feature the Office.js renderer handles, sized by a task count, so renderer
 * tests do not depend on the tracker builder (which has its own tests) and can grow to 500 tasks.
 */
import type { CellSpec, RowSpec, WorkbookSpec } from "../../shared/workbook/spec.js";

/** Text a hostile or careless user might put in a plan: must stay text in Excel. */
export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Bấm vào đây")';

const text = (v: string, s?: string): CellSpec => (s ? { v, s } : { v });

/** A tracker-like workbook with `tasks` task rows (plus a group row every 10 tasks). */
export function sampleTrackerSpec(tasks: number): WorkbookSpec {
  const header: RowSpec = {
    cells: ["Mã", "Lĩnh vực", "Nội dung nhiệm vụ", "Hạn hoàn thành", "Trạng thái", "Tiến độ (%)", "Ngày hoàn thành", "Đánh giá", "Cập nhật"].map((h) =>
      text(h, "header"),
    ),
    height: 30,
  };
  const rows: RowSpec[] = [{ cells: [text("SỔ THEO DÕI NHIỆM VỤ CCHC", "title")], height: 24 }, header];
  for (let i = 1; i <= tasks; i++) {
    if (i % 10 === 1) rows.push({ cells: [text(`Nhóm ${Math.ceil(i / 10)}`, "group"), null, text(`NHÓM NHIỆM VỤ ${Math.ceil(i / 10)}`, "group")] });
    const r = rows.length + 1;
    rows.push({
      cells: [
        text(`${Math.ceil(i / 10)}.${i}`, "plan"),
        text("Cải cách thủ tục hành chính", "entry"),
        text(i === 3 ? HOSTILE_TITLE : `Nhiệm vụ số ${i}: rà soát, đơn giản hóa thủ tục hành chính`, "plan"),
        { v: { kind: "date", iso: `2026-0${1 + (i % 9)}-15` }, s: "planDate" },
        i % 4 === 0 ? text("Hoàn thành", "entry") : null,
        i % 4 === 0 ? { v: 100, s: "entryPct" } : null,
        i % 4 === 0 ? { v: { kind: "date", iso: "2026-03-01" }, s: "entryDate" } : null,
        { v: { kind: "formula", formula: `IF(E${r}="Hoàn thành",IF(G${r}<=D${r},"Hoàn thành đúng hạn","Hoàn thành quá hạn"),IF(NgayBaoCao<=D${r},"Trong hạn","Quá hạn"))` }, s: "formula" },
        null,
      ],
      outline: 1,
    });
  }
  const last = rows.length;
  return {
    properties: { title: "Sổ theo dõi", creator: "test" },
    styles: {
      title: { bold: true, fontSize: 14, fontName: "Times New Roman" },
      header: { bold: true, fill: "1F4E78", color: "FFFFFF", wrap: true, hAlign: "center", vAlign: "middle", border: "thin" },
      group: { bold: true, fill: "DDEBF7", border: "thin" },
      plan: { wrap: true, vAlign: "top", border: "thin" },
      planDate: { numFmt: "dd/mm/yyyy", border: "thin" },
      entry: { fill: "FFF2CC", locked: false, border: "thin" },
      entryPct: { fill: "FFF2CC", locked: false, numFmt: "0", border: "thin" },
      entryDate: { fill: "FFF2CC", locked: false, numFmt: "dd/mm/yyyy", border: "thin" },
      entryCol: { locked: false },
      formula: { italic: true, border: "thin" },
      asOf: { numFmt: "dd/mm/yyyy", bold: true, locked: false },
    },
    definedNames: [{ name: "NgayBaoCao", ref: "'Hướng dẫn'!$B$3" }],
    activeSheet: "Nhiệm vụ",
    sheets: [
      {
        name: "Hướng dẫn",
        state: "visible",
        columns: [{ width: 20 }, { width: 60 }],
        rows: [
          { cells: [text("HƯỚNG DẪN", "title")] },
          { cells: [text("Đơn vị"), text("xã Cao Minh")] },
          { cells: [text("Ngày báo cáo"), { v: { kind: "date", iso: "2026-03-14" }, s: "asOf", note: "Sửa ngày này để tính lại cột Đánh giá." }] },
          { cells: [text("Ghi chú"), text("+84 912 345 678")] },
          { cells: [text("Mã số"), text("0012")] },
        ],
        merges: ["A1:B1"],
        validations: [],
        conditionalFormats: [],
        protection: { allowFormatColumns: true },
        tabColor: "1F4E78",
        showGridLines: false,
      },
      {
        name: "Nhiệm vụ",
        state: "visible",
        role: "tasks",
        columns: [
          { width: 8 },
          { width: 22, style: "entryCol" },
          { width: 50 },
          { width: 13 },
          { width: 17, style: "entryCol" },
          { width: 11, style: "entryCol" },
          { width: 13, style: "entryCol" },
          { width: 19 },
          { width: 12, hidden: false },
        ],
        rows,
        merges: ["A1:I1"],
        freeze: { rows: 2, cols: 1 },
        validations: [
          {
            type: "list",
            range: `E3:E${last}`,
            source: "'Danh mục'!$A$2:$A$5",
            allowBlank: true,
            error: { title: "Trạng thái không hợp lệ", message: "Chọn một trạng thái trong danh sách." },
            prompt: { title: "Trạng thái", message: "Chọn trạng thái của nhiệm vụ." },
          },
          {
            type: "whole",
            range: `F3:F${last}`,
            min: 0,
            max: 100,
            allowBlank: true,
            error: { title: "Tiến độ", message: "Nhập số nguyên từ 0 đến 100." },
            errorStyle: "warning",
          },
          { type: "date", range: `G3:G${last}`, min: "2026-01-01", max: "2026-12-31", allowBlank: true, error: { title: "Ngày", message: "Nhập ngày trong năm 2026." } },
        ],
        conditionalFormats: [
          { type: "textEquals", range: `E3:E${last}`, text: "Hoàn thành", style: { fill: "C6EFCE", color: "006100" } },
          { type: "expression", range: `H3:H${last}`, formula: `$H3="Quá hạn"`, style: { fill: "FFC7CE", bold: true } },
          { type: "dataBar", range: `F3:F${last}`, min: 0, max: 100, color: "5B9BD5" },
        ],
        protection: { allowFormatColumns: true, allowSort: false, allowAutoFilter: true, allowFormatRows: true },
        print: {
          orientation: "landscape",
          paper: "A4",
          fitToWidth: true,
          repeatRows: [2, 2],
          header: "Sổ theo dõi CCHC",
          margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
          centerHorizontally: true,
        },
        autoFilter: `A2:I${last}`,
      },
      {
        name: "Danh mục",
        state: "hidden",
        role: "lists",
        columns: [{ width: 20 }],
        rows: [{ cells: [text("Trạng thái")] }, ...["Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"].map((s) => ({ cells: [text(s)] }))],
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
      {
        name: "_meta",
        state: "veryHidden",
        role: "meta",
        columns: [],
        rows: [
          { cells: [text("schemaVersion"), text("1")] },
          { cells: [text("year"), { v: 2026 }] },
        ],
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}

/** A summary-like fragment: one sheet with a by-area table and a native chart over it. */
export function sampleSummarySpec(areas = 7): WorkbookSpec {
  const rows: RowSpec[] = [{ cells: [text("TỔNG HỢP QUÝ I/2026", "title")] }, { cells: [text("Lĩnh vực", "header"), text("Tổng số", "header"), text("Hoàn thành", "header")] }];
  for (let i = 0; i < areas; i++) rows.push({ cells: [text(`Lĩnh vực ${i + 1}`), { v: 10 + i }, { v: i }] });
  const last = rows.length;
  return {
    properties: { title: "Tổng hợp", creator: "test" },
    styles: { title: { bold: true }, header: { bold: true, border: "thin" } },
    definedNames: [],
    sheets: [
      {
        name: "Tổng hợp Quý I-2026",
        state: "visible",
        role: "summary",
        columns: [{ width: 40 }, { width: 10 }, { width: 10 }],
        rows,
        merges: [],
        validations: [],
        conditionalFormats: [],
        charts: [
          {
            type: "bar",
            title: "Tỷ lệ hoàn thành theo lĩnh vực",
            categories: `A3:A${last}`,
            series: [
              { name: "Tổng số", values: `B3:B${last}` },
              { name: "Hoàn thành", values: `C3:C${last}` },
            ],
            anchor: "E2",
            width: 8,
            height: 15,
          },
        ],
      },
    ],
  };
}
