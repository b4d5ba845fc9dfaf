/**
 * "Xuất báo cáo…" in the built bundle: CSV and .xlsx come back as files for the dialog's download link; .docx comes
 * back as report data that the dialog's browser code (inlined in export.html) turns into the document.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import { buildBundle, createHost, type FakeHost } from "./fakes/host.js";
import { communeXlsx } from "./communes.js";
import { MIME } from "./fakes/drive.js";
import { planWithTasks } from "./plans.js";

let outDir = "";
beforeAll(async () => {
  ({ outDir } = await buildBundle("gas-export"));
}, 120_000);

type Result = { ok: boolean; message: string; fileName?: string; mimeType?: string; base64?: string; report?: { kind: string; tasks: unknown[] } };

async function tracker(): Promise<FakeHost> {
  const host = await createHost(outDir);
  expect(host.call("cchcCreateTracker", { text: planWithTasks(23) })).toMatchObject({ ok: true });
  host.sheets.active._select("Nhiệm vụ", ["A5:A9"]);
  host.call("cchcStatusDone");
  return host;
}

const exportAs = (host: FakeHost, format: string) =>
  host.call("cchcRunPeriod", { mode: "export", quarter: "2", year: "2026", asOf: "", format }) as Result;

describe("export", () => {
  it("makes a UTF-8 CSV with a byte-order mark and the tasks", async () => {
    const r = exportAs(await tracker(), "csv");
    expect(r.ok, r.message).toBe(true);
    expect(r.fileName).toBe("Bao-cao-CCHC-Quy-II-2026-xa-An-Khanh.csv");
    expect(r.mimeType).toContain("text/csv");
    const text = Buffer.from(r.base64!, "base64").toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("Xây dựng Kế hoạch Cải cách hành chính xã An Khánh năm 2026");
    expect(text.split("\r\n").filter(Boolean).length).toBe(24);
  });

  it("makes an .xlsx that exceljs opens, with the report tables", async () => {
    const r = exportAs(await tracker(), "xlsx");
    expect(r.ok, r.message).toBe(true);
    const grid = await readXlsxGrid(new Uint8Array(Buffer.from(r.base64!, "base64")), { file: r.fileName! });
    const text = grid.sheets.flatMap((s) => s.values.flat()).map(String).join("\n");
    expect(text).toContain("xã An Khánh");
    expect(text).toContain("Xây dựng Kế hoạch tuyên truyền CCHC năm 2026 của xã");
  });

  it("sends the report data for a .docx, which the dialog's browser code turns into a Word document", async () => {
    const r = exportAs(await tracker(), "docx");
    expect(r.ok, r.message).toBe(true);
    expect(r.base64).toBeUndefined();
    expect(r.report?.kind).toBe("unit");
    expect(r.report?.tasks).toHaveLength(23);
    // What google.script.run can carry: plain JSON.
    expect(JSON.parse(JSON.stringify(r.report))).toEqual(r.report);

    const html = await readFile(path.join(outDir, "export.html"), "utf8");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    // The browser bundle is the largest script of the page (the dialog's own script only calls it).
    const bundle = scripts.reduce((a, b) => (b.length > a.length ? b : a));
    const browser = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, TextEncoder, TextDecoder, console, Blob });
    vm.runInContext(bundle, browser);
    const bytes = (await vm.runInContext("CCHCDocx.build(data)", Object.assign(browser, { data: r.report }))) as Uint8Array;
    const doc = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    expect(doc).toContain("BÁO CÁO");
    expect(doc).toContain("Xây dựng Kế hoạch tuyên truyền CCHC năm 2026 của xã");
  });

  it("exports the report of a province workbook made by the Drive merge", async () => {
    const host = await createHost(outDir);
    host.drive.addFolder("FOLDER-0123456789", "Quý I");
    for (const [i, unit] of ["xã Một", "xã Hai", "xã Ba"].entries()) {
      host.drive.addFile({ id: `f${i}`, name: `${unit}.xlsx`, mimeType: MIME.MICROSOFT_EXCEL, folderId: "FOLDER-0123456789", bytes: await communeXlsx(unit, i + 1) });
    }
    const merged = host.call("cchcRunPeriod", { mode: "merge", folder: "FOLDER-0123456789", quarter: 1, year: 2026 }) as Result;
    expect(merged.ok, merged.message).toBe(true);
    const r = host.call("cchcRunPeriod", { mode: "export", quarter: 1, year: 2026, format: "csv" }) as Result;
    expect(r.ok, r.message).toBe(true);
    expect(r.fileName).toBe("Bao-cao-CCHC-Quy-I-2026-tinh.csv");
    const text = Buffer.from(r.base64!, "base64").toString("utf8");
    for (const unit of ["xã Một", "xã Hai", "xã Ba"]) expect(text).toContain(unit);
    const docx = host.call("cchcRunPeriod", { mode: "export", quarter: 1, year: 2026, format: "docx" }) as Result;
    expect(docx.report?.kind).toBe("province");
  });

  it("refuses an unknown format and a spreadsheet without a tracker", async () => {
    expect(exportAs(await tracker(), "pdf")).toEqual({ ok: false, message: 'Định dạng tệp không hợp lệ: "pdf" (xlsx, csv hoặc docx).' });
    const empty = await createHost(outDir);
    expect(exportAs(empty, "csv")).toMatchObject({ ok: false });
  });
});
