/**
 * The Drive merge in the built bundle: a folder with more trackers than one 6-minute execution can read is merged
 * over several simulated executions (the fake clock advances as files are read), continued by time-driven triggers,
 * checkpointed in document properties and sheets, guarded by the lock, and cleaned up at the end.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MIME } from "./fakes/drive.js";
import { buildBundle, createHost, type FakeHost } from "./fakes/host.js";
import { communeSpreadsheet, communeXlsx } from "./communes.js";
import { readEntries } from "../../shared/entries/read.js";
import { buildProvinceWorkbook } from "../../shared/merge/province-workbook.js";
import { createRollup } from "../../shared/merge/rollup.js";
import type { SheetSpec } from "../../shared/workbook/spec.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import type { FakeSheet } from "./fakes/spreadsheet.js";

/** The unit names of the Tổng hợp sheet (between its header row and the province total). */
function unitRows(sheet: FakeSheet): string[] {
  const rows = sheet.cells.map((r) => (r ?? []).map((c) => c?.value ?? null));
  const header = rows.findIndex((r) => r[0] === "STT");
  const out: string[] = [];
  for (const r of rows.slice(header + 1)) {
    if (typeof r[0] !== "number") break;
    out.push(String(r[1]));
  }
  return out;
}

function allText(sheet: FakeSheet): string {
  return sheet.cells.flat().map((c) => String(c?.value ?? "")).join("\n");
}

/** What a spec's cells hold once written (dates as serial numbers; formulas and empty text as null). */
function specValues(s: SheetSpec): unknown[][] {
  const DAY = 86_400_000;
  const rows = s.rows.map((r) =>
    r.cells.map((c) => {
      const v = c?.v ?? null;
      if (v === null || v === "") return null;
      if (typeof v === "object") return v.kind === "date" ? (Date.parse(`${v.iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / DAY : null;
      return v;
    }),
  );
  return trimRows(rows);
}

function storedValues(sheet: FakeSheet): unknown[][] {
  return trimRows(sheet.cells.map((r) => (r ?? []).map((c) => (c?.formula ? null : (c?.value ?? null)))));
}

function trimRows(rows: unknown[][]): unknown[][] {
  const out = rows.map((r) => {
    const x = [...r];
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

const FOLDER = "1AbCdEfGhIjKlMnOpQrStUv";
const SIX_MINUTES = 6 * 60_000;
let outDir = "";
let xlsxFiles: Array<{ unit: string; bytes: Uint8Array }> = [];

beforeAll(async () => {
  ({ outDir } = await buildBundle("gas-merge"));
  xlsxFiles = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => ({ unit: `xã Xlsx ${i + 1}`, bytes: await communeXlsx(`xã Xlsx ${i + 1}`, i % 4) })),
  );
}, 120_000);

/** A host whose Drive has a folder of `sheets` Google trackers, the .xlsx trackers, a broken .xlsx and a PDF. */
async function folderHost(sheets: number): Promise<FakeHost> {
  const host = await createHost(outDir);
  host.drive.addFolder(FOLDER, "Báo cáo CCHC quý I");
  host.drive.costs = { listNext: 200, readBlob: 20_000, readSheet: 35_000 };
  for (let i = 0; i < sheets; i++) {
    const id = `sheet-${i + 1}`;
    host.drive.addFile({ id, name: `Xã ${i + 1}`, mimeType: MIME.GOOGLE_SHEETS, folderId: FOLDER, spreadsheet: communeSpreadsheet(`xã Số ${i + 1}`, i % 5, id) });
  }
  xlsxFiles.forEach((f, i) => host.drive.addFile({ id: `xlsx-${i + 1}`, name: `${f.unit}.xlsx`, mimeType: MIME.MICROSOFT_EXCEL, folderId: FOLDER, bytes: f.bytes }));
  host.drive.addFile({ id: "broken", name: "hong.xlsx", mimeType: MIME.MICROSOFT_EXCEL, folderId: FOLDER, bytes: new TextEncoder().encode("không phải xlsx") });
  host.drive.addFile({ id: "pdf", name: "cong-van.pdf", mimeType: MIME.PDF, folderId: FOLDER, bytes: new Uint8Array([0x25, 0x50]) });
  host.drive.addFolder("other", "Khác");
  host.sheets.active._addSheet("Danh sách đơn vị", [["Đơn vị"], ["xã Số 1"], ["xã Số 2"], ["xã Chưa Nộp"]]);
  return host;
}

function start(host: FakeHost, extra: Record<string, unknown> = {}) {
  return host.call("cchcRunPeriod", { mode: "merge", folder: `https://drive.google.com/drive/folders/${FOLDER}?usp=sharing`, quarter: "1", year: "2026", ...extra }) as {
    ok: boolean;
    message: string;
  };
}

const state = (host: FakeHost) => {
  const raw = host.properties.document.data.get("cchc.merge.v1");
  return raw ? JSON.parse(raw) : null;
};

describe("the Drive merge", () => {
  it("reads a folder too big for one execution over several triggered runs, each under six minutes, and cleans up", async () => {
    const host = await folderHost(24);
    const t0 = host.clock.now();
    const first = start(host);
    expect(first.ok, first.message).toBe(true);
    expect(host.clock.now() - t0).toBeLessThan(SIX_MINUTES);
    expect(first.message).toContain("tự chạy tiếp");
    // Checkpoint: the state is small and in document properties; exactly one trigger is waiting.
    expect(state(host)).toMatchObject({ phase: "read", listed: 33, folderName: "Báo cáo CCHC quý I", quarter: 1, year: 2026 });
    expect(host.properties.document.data.get("cchc.merge.v1")!.length).toBeLessThan(9 * 1024);
    expect(host.scriptApp.live().map((t) => t.handler)).toEqual(["cchcContinueMerge"]);
    const ss = host.sheets.active;
    expect(ss._sheet("Tình trạng gộp")!.hidden).toBe(false);
    expect(ss._sheet("_gop_du_lieu")!.hidden).toBe(true);

    let runs = 1;
    const readsPerRun: number[] = [host.drive.reads.length];
    while (host.scriptApp.live().some((t) => !t.fired)) {
      const before = host.clock.now();
      const next = host.scriptApp.live().filter((t) => !t.fired).sort((a, b) => a.at - b.at)[0]!;
      host.fireNextTrigger();
      // The run starts when its trigger fires and must end within six minutes.
      expect(host.clock.now() - Math.max(before, next.at)).toBeLessThan(SIX_MINUTES);
      readsPerRun.push(host.drive.reads.length - readsPerRun.reduce((a, b) => a + b, 0));
      runs++;
      expect(runs).toBeLessThan(20);
      // Fired triggers are deleted by the run they start; at most one is ever waiting.
      expect(host.scriptApp.live().filter((t) => !t.fired).length).toBeLessThanOrEqual(1);
      expect(host.scriptApp.live().filter((t) => t.fired)).toEqual([]);
    }
    expect(runs).toBeGreaterThanOrEqual(4);
    // Every file was read exactly once (the PDF is not a tracker and is never opened).
    expect([...host.drive.reads].sort()).toEqual([...new Set(host.drive.reads)].sort());
    expect(host.drive.reads).toHaveLength(33);
    expect(host.drive.reads).not.toContain("pdf");

    // Done: no trigger, no state, no staging sheet; the status sheet lists every file and what became of it.
    expect(host.scriptApp.live()).toEqual([]);
    expect(state(host)).toBeNull();
    expect(ss._sheet("_gop_du_lieu")).toBeUndefined();
    const status = ss._sheet("Tình trạng gộp")!;
    const rows = status.cells.slice(5).map((r) => [r?.[1]?.value, r?.[5]?.value, r?.[6]?.value]);
    expect(rows).toHaveLength(33);
    expect(rows.filter((r) => r[1] === "đã đọc")).toHaveLength(32);
    expect(rows.find((r) => r[0] === "hong.xlsx")).toEqual(["hong.xlsx", "lỗi", expect.stringContaining("hong.xlsx")]);
    expect(String(status._value("B2"))).toContain("Đã gộp xong 32 tệp; 1 tệp không đọc được");
    expect(host.console.lines).toEqual([]);

    // The province sheets: every unit that reported, the one that did not, the unreadable file.
    const units = unitRows(ss._sheet("Tổng hợp")!);
    expect(units).toHaveLength(32);
    expect(units).toEqual(expect.arrayContaining(["xã Số 1", "xã Số 2", "xã Số 24 (ngoài danh sách)", "xã Xlsx 8 (ngoài danh sách)"]));
    expect(allText(ss._sheet("Chưa nộp")!)).toContain("xã Chưa Nộp");
    expect(allText(ss._sheet("Trùng lặp - Không hợp lệ")!)).toContain("hong.xlsx");
    expect(ss.sheets.map((x) => x.name)).not.toContain("Trang tính1");
  }, 120_000);

  it("gives the same province figures as the roll-up of the same files read by exceljs", async () => {
    const host = await createHost(outDir);
    host.drive.addFolder(FOLDER, "Thư mục");
    xlsxFiles.forEach((f, i) => host.drive.addFile({ id: `xlsx-${i + 1}`, name: `${f.unit}.xlsx`, mimeType: MIME.MICROSOFT_EXCEL, folderId: FOLDER, bytes: f.bytes }));
    host.sheets.active._addSheet("Danh sách đơn vị", [["Đơn vị"], ["xã Xlsx 1"], ["xã Chưa Nộp"]]);
    expect(start(host).ok).toBe(true);
    while (host.fireNextTrigger());

    const rollup = createRollup({ quarter: 1, year: 2026, expected: ["xã Xlsx 1", "xã Chưa Nộp"] });
    for (const [i, f] of xlsxFiles.entries()) {
      const grid = await readXlsxGrid(f.bytes, { file: `${f.unit}.xlsx` });
      rollup.add({ name: `${f.unit}.xlsx`, modified: host.drive.files[i]!.modified }, readEntries(grid));
    }
    const spec = buildProvinceWorkbook(rollup.finish());
    for (const sheetSpec of spec.sheets) {
      const rendered = host.sheets.active._sheet(sheetSpec.name)!;
      expect(storedValues(rendered), sheetSpec.name).toEqual(specValues(sheetSpec));
    }
  }, 60_000);

  it("refuses a second start while a merge runs, unless asked to restart", async () => {
    const host = await folderHost(12);
    expect(start(host).ok).toBe(true);
    const again = start(host);
    expect(again.ok).toBe(false);
    expect(again.message).toContain("chạy dở");
    const restarted = start(host, { restart: true });
    expect(restarted.ok, restarted.message).toBe(true);
    expect(host.scriptApp.live().filter((t) => !t.fired)).toHaveLength(1);
  }, 60_000);

  it("does not run a slice while another command holds the lock, and keeps the job going", async () => {
    const host = await folderHost(12);
    start(host);
    const before = state(host);
    host.lock.heldByOther = true;
    host.fireNextTrigger();
    expect(state(host)).toEqual(before);
    expect(host.scriptApp.live().filter((t) => !t.fired)).toHaveLength(1);
    host.lock.heldByOther = false;
    host.fireNextTrigger();
    expect(state(host)?.next ?? Infinity).toBeGreaterThan(before.next);
  }, 60_000);

  it.each([
    [{ folder: "" }, "Hãy nhập đường dẫn"],
    [{ folder: "not a folder!" }, "Không nhận ra thư mục"],
    [{ folder: "https://drive.google.com/drive/folders/0000000000missing" }, "Không mở được thư mục"],
    [{ quarter: "7" }, "Quý không hợp lệ"],
  ])("answers a bad request %j with a message and starts nothing", async (extra, text) => {
    const host = await createHost(outDir);
    const r = start(host, extra);
    expect(r.ok).toBe(false);
    expect(r.message).toContain(text);
    expect(host.scriptApp.live()).toEqual([]);
    expect(state(host)).toBeNull();
  });

  it("a trigger with no job deletes itself", async () => {
    const host = await createHost(outDir);
    host.call("cchcContinueMerge", {});
    expect(host.scriptApp.live()).toEqual([]);
  });
});
