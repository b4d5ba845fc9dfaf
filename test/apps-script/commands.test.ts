/**
 * The built Apps Script bundle in node:vm over the in-memory fakes: creating a tracker from a plan, the status
 * sub-menu, the check, the quarterly summary (with its charts) and the quarter close — each with a number of service
 * calls that does not depend on the number of tasks.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_COLUMNS } from "../../shared/workbook/layout.js";
import { buildBundle, createHost, type FakeHost } from "./fakes/host.js";
import type { FakeSheet } from "./fakes/spreadsheet.js";
import { planWithTasks, seedText } from "./plans.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/plans");
let outDir = "";
beforeAll(async () => {
  ({ outDir } = await buildBundle("gas-commands"));
}, 120_000);

const col = (key: string) => String.fromCharCode(65 + TASK_COLUMNS.findIndex((c) => c.key === key));
/** Spreadsheet row of the first task (the tracker's header is row 4). */
const FIRST = 5;

function tasksSheet(host: FakeHost): FakeSheet {
  return host.sheets.active._sheet("Nhiệm vụ")!;
}

async function trackerHost(tasks: number): Promise<FakeHost> {
  const host = await createHost(outDir);
  const result = host.call("cchcCreateTracker", { text: planWithTasks(tasks) }) as { ok: boolean; message: string };
  expect(result, result.message).toMatchObject({ ok: true });
  return host;
}

/** Runs `fn` on a fresh tracker of `tasks` tasks and returns the service calls it made. */
async function callsFor(tasks: number, fn: (host: FakeHost) => void): Promise<Record<string, number>> {
  const host = await trackerHost(tasks);
  host.log.reset();
  fn(host);
  return host.log.snapshot();
}

describe("creating a tracker", () => {
  it("builds the tracker of seed 001 (23 tasks) in the active spreadsheet", async () => {
    const host = await createHost(outDir);
    const result = host.call("cchcCreateTracker", { text: seedText("001") }) as { ok: boolean; message: string };
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toContain("23 nhiệm vụ");
    const ss = host.sheets.active;
    // The empty default sheet of a new spreadsheet is gone; lists and _meta are hidden.
    expect(ss.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Hướng dẫn", false],
      ["Nhiệm vụ", false],
      ["Danh mục", true],
      ["_meta", true],
    ]);
    const t = tasksSheet(host);
    expect(t._lastRow()).toBeGreaterThanOrEqual(FIRST + 22);
    // Ids are text ("2.1" would become a number if written as typed), the header is in row 4.
    expect(t._value("A4")).toBe("Mã");
    const ids = Array.from({ length: 23 }, (_, i) => t._value(`A${FIRST + i}`));
    expect(ids.every((v) => typeof v === "string")).toBe(true);
    expect(t.frozenRows).toBeGreaterThanOrEqual(4);
    // The evaluation column holds formulas, written as formulas.
    expect(t._cell(FIRST, TASK_COLUMNS.findIndex((c) => c.key === "evaluation") + 1)?.formula).toMatch(/^=/);
    // Dropdown from the hidden list sheet, rejecting other values.
    const v = t._cell(FIRST, TASK_COLUMNS.findIndex((c) => c.key === "status") + 1)?.validation;
    expect(v).toMatchObject({ criteria: "VALUE_IN_RANGE", allowInvalid: false });
    expect(String(v?.args[0])).toContain("Danh mục");
    // Warning-only protection with the entry columns left free.
    expect(t.protections).toHaveLength(1);
    expect(t.protections[0]!.warningOnly).toBe(true);
    expect(t.protections[0]!.unprotected.length).toBeGreaterThan(0);
    expect(ss._sheet("_meta")!.protections).toHaveLength(1);
    // The as-of cell is a named range the evaluation formulas use.
    expect(ss.namedRanges.has("NgayBaoCao")).toBe(true);
    expect(host.console.lines).toEqual([]);
  });

  it("refuses to overwrite an existing tracker unless asked to replace it", async () => {
    const host = await trackerHost(23);
    const again = host.call("cchcCreateTracker", { text: seedText("000") }) as { ok: boolean; message: string };
    expect(again.ok).toBe(false);
    expect(again.message).toContain("Nhiệm vụ");
    expect(tasksSheet(host)._lastRow()).toBeGreaterThan(FIRST + 20);
    const replaced = host.call("cchcCreateTracker", { text: seedText("000"), replace: true }) as { ok: boolean; message: string };
    expect(replaced.ok, replaced.message).toBe(true);
    expect(replaced.message).toContain("18 nhiệm vụ");
  });

  it("reads an uploaded plan file sent as base64, and reports unusable input as a message", async () => {
    const host = await createHost(outDir);
    const base64 = Buffer.from(seedText("000"), "utf8").toString("base64");
    const ok = host.call("cchcCreateTracker", { fileName: "ke-hoach.txt", base64, unit: "xã Cao Minh" }) as { ok: boolean; message: string };
    expect(ok.ok, ok.message).toBe(true);
    expect(ok.message).toContain("18 nhiệm vụ cho xã Cao Minh");
    const bad = host.call("cchcCreateTracker", { text: "   " }) as { ok: boolean; message: string };
    expect(bad).toEqual({ ok: false, message: "Chưa có nội dung kế hoạch." });
    const pdf = host.call("cchcCreateTracker", { fileName: "kh.pdf", base64: "JVBERi0=" }) as { ok: boolean; message: string };
    expect(pdf.ok).toBe(false);
    expect(pdf.message).toContain("PDF");
    // An old Word file (OLE2 signature) gets the readers' "save as .docx" message, not a crash.
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString("base64");
    const doc = host.call("cchcCreateTracker", { fileName: "kh.doc", base64: ole }) as { ok: boolean; message: string };
    expect(doc.ok).toBe(false);
    expect(doc.message).toContain(".docx");
    expect(host.console.lines).toEqual([]);
  });

  it.each([
    ["001.docx", 23],
    ["004-appendix.xlsx", 50],
  ])("reads an uploaded Word or Excel plan (%s) inside Apps Script", async (file, tasks) => {
    const host = await createHost(outDir);
    const base64 = (await readFile(path.join(FIXTURES, file))).toString("base64");
    const r = host.call("cchcCreateTracker", { fileName: file, base64 }) as { ok: boolean; message: string };
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toContain(`${tasks} nhiệm vụ`);
  });

  it("makes the same service calls for a 23-task and a 500-task plan", async () => {
    const calls = async (n: number) => {
      const host = await createHost(outDir);
      host.log.reset();
      host.call("cchcCreateTracker", { text: planWithTasks(n) });
      expect(tasksSheet(host)._lastRow()).toBe(FIRST + n - 1);
      return host.log.snapshot();
    };
    const small = await calls(23);
    expect(await calls(500)).toEqual(small);
    expect(Object.values(small).reduce((a, b) => a + b, 0)).toBeLessThan(400);
  });
});

describe("the status sub-menu", () => {
  it("sets the status on the selected task rows, stamps Cập nhật and completes Hoàn thành rows", async () => {
    const host = await trackerHost(23);
    const ss = host.sheets.active;
    ss._select("Nhiệm vụ", [`B${FIRST}:C${FIRST + 2}`, `D${FIRST + 10}`]);
    host.call("cchcStatusDone");
    const t = tasksSheet(host);
    for (const row of [FIRST, FIRST + 1, FIRST + 2, FIRST + 10]) {
      expect(t._value(`${col("status")}${row}`)).toBe("Hoàn thành");
      expect(t._value(`${col("progress")}${row}`)).toBe(100);
      // 10/04/2026 in Vietnam (the fake clock), read back as a date.
      const updated = t._range({ top: row, left: col("updated").charCodeAt(0) - 64, bottom: row, right: col("updated").charCodeAt(0) - 64 }).getValue() as Date;
      expect(Object.prototype.toString.call(updated)).toBe("[object Date]");
      expect(new Date(updated.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)).toBe("2026-04-10");
    }
    expect(t._value(`${col("status")}${FIRST + 3}`)).toBeNull();
    expect(ss.toasts.at(-1)?.message).toBe('Đã đặt "Hoàn thành" cho 4 nhiệm vụ.');
  });

  it("explains instead of acting when the selection is not on the task sheet", async () => {
    const host = await trackerHost(23);
    host.sheets.active._select("Hướng dẫn", ["A1"]);
    host.call("cchcStatusInProgress");
    expect(host.sheets.ui.alerts.at(-1)?.message).toContain("Nhiệm vụ");
    host.sheets.active._select("Nhiệm vụ", ["A1:C3"]);
    host.call("cchcStatusInProgress");
    expect(host.sheets.ui.alerts.at(-1)?.message).toContain("không có dòng nhiệm vụ");
  });

  it("makes the same service calls for a 23-task and a 500-task tracker and selection", async () => {
    const calls = async (n: number) =>
      callsFor(n, (host) => {
        host.sheets.active._select("Nhiệm vụ", [`A${FIRST}:O${FIRST + n - 1}`]);
        host.call("cchcStatusDone");
      });
    const small = await calls(23);
    expect(await calls(500)).toEqual(small);
    expect(small["RangeList.setValue"]).toBeLessThanOrEqual(5);
  });
});

describe("the check", () => {
  it("writes the Kiểm tra sheet and puts the cursor on the first problem", async () => {
    const host = await trackerHost(23);
    const ss = host.sheets.active;
    const t = tasksSheet(host);
    // A status typed over the dropdown, and text that would be a formula elsewhere.
    t._write(FIRST + 4, col("status").charCodeAt(0) - 64, "xong rồi", false);
    t._write(FIRST + 5, col("result").charCodeAt(0) - 64, "=HYPERLINK(\"http://x\")", false);
    host.call("cchcCheck");
    const check = ss._sheet("Kiểm tra")!;
    expect(check).toBeDefined();
    const text = check.cells.flat().map((c) => String(c?.value ?? "")).join("\n");
    expect(text).toContain(`${col("status")}${FIRST + 4}`);
    // The cursor is on the first error's cell of the task sheet.
    expect(ss.activeSheet.name).toBe("Nhiệm vụ");
    expect(ss.selection[0]?.rect.top).toBe(FIRST + 4);
    expect(ss.toasts.at(-1)?.message).toMatch(/Phát hiện \d+ lỗi/);
  });

  it("reports a clean tracker and keeps user text starting with '=' as text", async () => {
    const host = await trackerHost(23);
    host.call("cchcCheck");
    expect(host.sheets.active.toasts.at(-1)?.message).toBe("Không phát hiện lỗi: 23 nhiệm vụ đã nhập hợp lệ.");
    const check = host.sheets.active._sheet("Kiểm tra")!;
    expect(check.cells.flat().every((c) => !c?.formula)).toBe(true);
  });

  it("makes the same service calls for 23 and 500 tasks", async () => {
    const small = await callsFor(23, (host) => host.call("cchcCheck"));
    expect(await callsFor(500, (host) => host.call("cchcCheck"))).toEqual(small);
  });
});

describe("the quarterly summary and the quarter close", () => {
  it("builds the summary sheet with charts by area and by lead unit", async () => {
    const host = await trackerHost(23);
    host.sheets.active._select("Nhiệm vụ", [`A${FIRST}:A${FIRST + 5}`]);
    host.call("cchcStatusDone");
    const r = host.call("cchcRunPeriod", { mode: "summary", quarter: "1", year: "2026" }) as { ok: boolean; message: string };
    expect(r).toEqual({ ok: true, message: 'Đã lập trang "Tổng hợp Quý I-2026".' });
    const s = host.sheets.active._sheet("Tổng hợp Quý I-2026")!;
    expect(s.charts.map((c) => [c.type, c.options.title])).toEqual([
      ["BAR", "Tỷ lệ hoàn thành theo lĩnh vực"],
      ["BAR", "Tỷ lệ hoàn thành theo cơ quan chủ trì"],
    ]);
    // Each chart plots a name column and a rate column of the same height, next to the report.
    for (const chart of s.charts) {
      const [names, rates] = chart.ranges.map((a1) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1)!);
      expect(names![2]).toBe(rates![2]);
      expect(names![4]).toBe(rates![4]);
    }
    // Running it again replaces the sheet rather than failing.
    expect(host.call("cchcRunPeriod", { mode: "summary", quarter: 1, year: 2026 })).toMatchObject({ ok: true });
    expect(host.sheets.active.sheets.filter((x) => x.name.startsWith("Tổng hợp"))).toHaveLength(1);
  });

  it("rejects a bad quarter with a message", async () => {
    const host = await trackerHost(23);
    expect(host.call("cchcRunPeriod", { mode: "summary", quarter: "5", year: "2026" })).toEqual({
      ok: false,
      message: 'Quý không hợp lệ: "5" (1 đến 4).',
    });
  });

  it("closes a quarter once and refuses to overwrite the closed figures", async () => {
    const host = await trackerHost(23);
    const first = host.call("cchcRunPeriod", { mode: "close", quarter: 1, year: 2026 }) as { ok: boolean; message: string };
    expect(first.ok, first.message).toBe(true);
    expect(host.sheets.active._sheet("Chốt Quý I-2026")).toBeDefined();
    const again = host.call("cchcRunPeriod", { mode: "close", quarter: 1, year: 2026 }) as { ok: boolean; message: string };
    expect(again.ok).toBe(false);
    expect(again.message).toContain("đã được chốt");
  });

  it.each(["summary", "close"] as const)("%s makes the same service calls for 23 and 500 tasks", async (mode) => {
    const run = (host: FakeHost) => host.call("cchcRunPeriod", { mode, quarter: 1, year: 2026 });
    const small = await callsFor(23, run);
    expect(await callsFor(500, run)).toEqual(small);
  });
});
