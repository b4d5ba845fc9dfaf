import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTaskCsv, csvField, neutraliseFormula, UTF8_BOM } from "../../../shared/export/csv.js";
import { reportFromRollup, reportFromSummary, sumGroups, type ReportData } from "../../../shared/export/data.js";
import { DOCUMENT_LAYOUTS, renderReportDocx } from "../../../shared/export/docx.js";
import { DEFAULT_FORM, type ReportForm } from "../../../shared/export/layouts.js";
import { buildTable, formatPercent } from "../../../shared/export/table.js";
import { buildReportWorkbook } from "../../../shared/export/xlsx.js";
import { readEntries } from "../../../shared/entries/read.js";
import { createRollup } from "../../../shared/merge/rollup.js";
import { reportDocumentMessages as D, reportTableMessages as T } from "../../../shared/messages/export.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { fixtureEntries, ROWS } from "../summary/fixture.js";
import { defaultMeta, trackerGrid } from "../entries/tracker-grid.js";

const summary = summarise(fixtureEntries(), { quarter: 3, year: 2026 });
const unitData = reportFromSummary(summary, fixtureEntries());

function provinceData(): ReportData {
  const r = createRollup({ quarter: 3, year: 2026, expected: ["xã Cao Minh", "xã An Khánh", "xã Hòa Bình"] });
  for (const unit of ["xã Cao Minh", "xã An Khánh"]) {
    const ids = ROWS.map((x) => x.id as string);
    r.add({ name: `${unit}.xlsx` }, readEntries(trackerGrid({ rows: ROWS, file: `${unit}.xlsx`, meta: { ...defaultMeta(ids), unit } }), { asOf: new Date("2026-11-21") }));
  }
  return reportFromRollup(r.finish());
}

describe("report data", () => {
  it("from a unit's summary: its figures and lists", () => {
    expect(unitData.kind).toBe("unit");
    expect(unitData.totals).toEqual(summary.totals);
    expect(unitData.overdue.map((t) => t.id)).toEqual(summary.overdueTasks);
    expect(unitData.dueNext.map((t) => t.id)).toEqual(summary.dueNextPeriod);
    expect(unitData.doneInPeriod.map((t) => t.id)).toEqual(summary.doneInPeriodTasks);
    expect(unitData.tasks).toHaveLength(18);
  });

  it("from a province roll-up: units, missing units, and the same lists as the units' own summaries", () => {
    const p = provinceData();
    expect(p.kind).toBe("province");
    expect(p.byUnit.map((u) => u.name)).toEqual(["xã An Khánh", "xã Cao Minh"]);
    expect(p.missing).toEqual(["xã Hòa Bình"]);
    expect(p.expectedUnits).toBe(3);
    expect(p.totals.total).toBe(36);
    expect(sumGroups(p.byUnit)).toEqual(p.totals);
    expect(p.overdue.map((t) => t.id)).toEqual([...summary.overdueTasks, ...summary.overdueTasks]);
    expect(p.dueNext.map((t) => t.id)).toEqual([...summary.dueNextPeriod, ...summary.dueNextPeriod]);
    expect(p.doneInPeriod.map((t) => t.id)).toEqual([...summary.doneInPeriodTasks, ...summary.doneInPeriodTasks]);
    // By lead across the units (in name order): each unit's own by-lead figures doubled.
    const own = summary.byLead.map((g) => [g.unit ?? T.noLead, g.totals.total * 2] as [string, number]);
    expect(p.byLead.map((g) => [g.name, g.totals.total])).toEqual(own.sort((a, b) => a[0].localeCompare(b[0], "vi")));
  });
});

describe("table layouts", () => {
  it("fill the totals table from the figures", () => {
    const t = buildTable(DEFAULT_FORM.tables[0]!, unitData);
    expect(t.rows.map((r) => r[2]!.text)).toEqual(["18", "6", "4", "2", "5", "4", "2", "1", "1", "4", "37,5%"]);
  });

  it("add the sum row of the report's totals and keep columns meant for the kind of report", () => {
    const byArea = DEFAULT_FORM.tables.find((t) => t.source === "byArea")!;
    const t = buildTable(byArea, unitData);
    expect(t.rows).toHaveLength(summary.byArea.length);
    expect(t.sum!.map((c) => c.value)).toEqual([null, T.sumRow, 18, 6, 4, 2, 5, 4, 2, 1, 0.375]);
    const overdue = DEFAULT_FORM.tables.find((t) => t.source === "overdue")!;
    expect(buildTable(overdue, unitData).columns.some((c) => c.key === "unit")).toBe(false);
    expect(buildTable(overdue, provinceData()).columns[1]!.key).toBe("unit");
  });

  it("let a province add its own form as data, without code", () => {
    const form: ReportForm = {
      id: "mau-tinh",
      name: "Mẫu của tỉnh",
      tables: [
        {
          id: "bieu-1",
          title: "Biểu tiến độ theo đơn vị",
          source: "byUnit",
          columns: [
            { key: "name", header: "Tên xã", width: 30 },
            { key: "completionRate", header: "Tỷ lệ (%)", width: 10, format: "percent" },
            { key: "overdue", header: "Số việc trễ", width: 10, format: "int" },
          ],
        },
      ],
      csv: DEFAULT_FORM.csv,
    };
    const spec = buildReportWorkbook(provinceData(), form);
    expect(spec.sheets).toHaveLength(1);
    const header = spec.sheets[0]!.rows.find((r) => r.cells[0]?.v === "Tên xã")!;
    expect(header.cells.map((c) => c?.v)).toEqual(["Tên xã", "Tỷ lệ (%)", "Số việc trễ"]);
  });

  it.each([
    [0.375, "37,5%"],
    [1, "100%"],
    [0.6667, "66,7%"],
    [0, "0%"],
  ])("formatPercent(%s) = %s", (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });
});

describe("CSV of the task table", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+84912", "'+84912"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tchèn", "'\tchèn"],
    ["\rchèn", "'\rchèn"],
    ["Hoàn thành", "Hoàn thành"],
    ["a=b", "a=b"],
  ])("neutralises %j", (text, out) => {
    expect(neutraliseFormula(text)).toBe(out);
  });

  it.each([
    ["có, dấu phẩy", '"có, dấu phẩy"'],
    ['có "ngoặc"', '"có ""ngoặc"""'],
    ["hai\ndòng", '"hai\ndòng"'],
    ["=1+1,2", '"\'=1+1,2"'],
    ["thường", "thường"],
  ])("quotes %j as RFC 4180 says", (text, out) => {
    expect(csvField(text)).toBe(out);
  });

  it("starts with a BOM, ends lines with CRLF, keeps Vietnamese and neutralises injected text", () => {
    const rows = ROWS.map((r, i) => (i === 0 ? { ...r, result: "=HYPERLINK(\"http://evil\",\"Bấm vào\")" } : r));
    const entries = readEntries(trackerGrid({ rows }), { asOf: new Date("2026-11-21") }).entries!;
    const csv = buildTaskCsv(reportFromSummary(summarise(entries, { quarter: 3, year: 2026 }), entries));
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(18 + 2);
    expect(csv.slice(1).replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(lines[0]).toBe("Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Thời hạn,Hạn hoàn thành,Trạng thái,Tiến độ (%),Ngày hoàn thành,Kết quả / Văn bản, sản phẩm,Khó khăn, vướng mắc / Ghi chú,Đánh giá".replace("Kết quả / Văn bản, sản phẩm", '"Kết quả / Văn bản, sản phẩm"').replace("Khó khăn, vướng mắc / Ghi chú", '"Khó khăn, vướng mắc / Ghi chú"'));
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""Bấm vào"")"`);
    expect(lines[1]).toContain("31/03/2026");
    expect(csv).toContain("Hoàn thành đúng hạn");
    // Every field that starts a cell is safe.
    for (const line of lines.slice(1, -1)) for (const field of line.split(",")) expect(field).not.toMatch(/^[=+@]/);
  });

  it("has a unit column for a province", () => {
    const csv = buildTaskCsv(provinceData());
    expect(csv.slice(1).split("\r\n")[0]!.startsWith("Đơn vị,Mã,")).toBe(true);
    expect(csv).toContain("xã Cao Minh,1,");
  });
});

describe("xlsx report workbook", () => {
  it("one sheet per table with the official title block, Times New Roman, A4, repeated header", () => {
    const spec = buildReportWorkbook(unitData);
    const tables = DEFAULT_FORM.tables.filter((t) => !t.only || t.only === "unit");
    expect(spec.sheets.map((s) => s.name)).toEqual(tables.map((t, i) => `${String(i + 1).padStart(2, "0")}. ${t.title}`.slice(0, 31).trim()));
    for (const s of spec.sheets) {
      expect(s.rows[0]!.cells.find((c) => c?.v === D.nation)).toBeTruthy();
      expect(s.rows[1]!.cells.find((c) => c?.v === D.motto)).toBeTruthy();
      expect(s.rows[0]!.cells[0]!.v).toBe("ỦY BAN NHÂN DÂN");
      expect(s.rows[1]!.cells[0]!.v).toBe("XÃ CAO MINH");
      expect(s.print).toMatchObject({ paper: "A4", fitToWidth: true });
      const header = s.print!.repeatRows![0];
      expect(s.rows[header - 1]!.cells[0]!.v).toBe(T.index);
      expect(s.freeze).toEqual({ rows: header, cols: 0 });
    }
    expect(new Set(Object.values(spec.styles).map((x) => x.fontName))).toEqual(new Set(["Times New Roman"]));
    const byArea = spec.sheets[1]!;
    const sum = byArea.rows.at(-1)!;
    expect(sum.cells.map((c) => c?.v)).toEqual(["", T.sumRow, 18, 6, 4, 2, 5, 4, 2, 1, 0.375]);
  });

  it("province reports add the units table and the missing units", () => {
    const spec = buildReportWorkbook(provinceData());
    expect(spec.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringContaining(T.tables.byUnit.slice(0, 20)), expect.stringContaining(T.tables.missing)]));
    expect(spec.sheets[0]!.rows[0]!.cells[0]!.v).toBe("UBND TỈNH ………");
    expect(spec.sheets[0]!.rows[1]!.cells[0]!.v).toBe("SỞ NỘI VỤ");
  });
});

describe("docx report", () => {
  it("has the numbered sections, the figures, the placeholders, A4 and official margins", async () => {
    const bytes = await renderReportDocx(unitData);
    const files = unzipSync(bytes);
    const xml = strFromU8(files["word/document.xml"]!);
    const text = xml.replace(/<w:tab\/>/g, "\t").replace(/<[^>]+>/g, "");
    for (const heading of [D.sections.direction, D.sections.results, D.sections.assessment, D.sections.next, D.sections.proposals, ...D.sections.assessmentItems]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả công tác cải cách hành chính Quý III năm 2026");
    expect(text).toContain(D.tasksDone(6, 18, 2, "37,5%", 4, 2));
    expect(text).toContain(D.placeholder);
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("XÃ CAO MINH");
    for (const area of summary.byArea) expect(text).toContain(area.area ?? T.noArea);
    // A4 portrait then landscape, margins 2 / 1.5 / 2 / 3 cm.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(strFromU8(files["word/styles.xml"]!)).toContain("Times New Roman");
    expect(xml).toContain('<w:tblHeader/>');
  });

  it("for a province: units table, unit names in lists, the Sở Nội vụ title block", async () => {
    const p = provinceData();
    const xml = strFromU8(unzipSync(await renderReportDocx(p))["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("SỞ NỘI VỤ");
    expect(text).toContain(DOCUMENT_LAYOUTS.byUnit.title);
    expect(text).toContain("xã An Khánh");
    expect(text).toContain(T.tables.missing);
  });
});
