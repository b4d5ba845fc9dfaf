import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { reportTableMessages as T } from "../../shared/messages/export.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { DOING, DONE, DROPPED, tempDir, trackerFile } from "./merge-fixtures.js";

const NOW = new Date("2026-11-21T03:00:00Z");

describe("cchc export", () => {
  let dir: string;
  let tracker: string;
  let province: string;
  beforeAll(async () => {
    dir = await tempDir("cchc-export-");
    tracker = path.join(dir, "an-khanh.xlsx");
    await writeFile(tracker, trackerFile("xã An Khánh", { "1": DONE(), "3": DONE("2026-05-20"), "4": DOING, "5": DROPPED }));
    await writeFile(path.join(dir, "cao-minh.xlsx"), trackerFile("xã Cao Minh", { "1": DONE() }));
    province = path.join(dir, "tinh.xlsx");
    expect(await runCli(["merge", tracker, path.join(dir, "cao-minh.xlsx"), "-o", province, "--quarter", "3", "--year", "2026"], memoryIo(NOW))).toBe(0);
  });

  it("writes a tracker's task table as CSV (BOM, CRLF, neutralised formulas)", async () => {
    const injected = path.join(dir, "chen.xlsx");
    await writeFile(injected, trackerFile("xã An Khánh", { "1": DONE(), "5": { ...DROPPED, result: "=HYPERLINK(\"http://x\")" } }));
    const out = path.join(dir, "an-khanh.csv");
    const io = memoryIo(NOW);
    // The formula-like text is a warning of the tracker: written, exit 1.
    expect(await runCli(["export", injected, "--quarter", "3", "--format", "csv", "-o", out], io)).toBe(1);
    expect(io.stdout).toContain(`Đã xuất báo cáo (csv): ${out}`);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(5 + 2);
    expect(lines[1]).toMatch(/^1,Ban hành Kế hoạch cải cách hành chính năm 2026 của xã,/);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("writes the report workbook of a tracker and of a province workbook (format from the extension)", async () => {
    for (const [input, name, sheets] of [
      [tracker, "don-vi.xlsx", 6],
      [province, "tinh-bao-cao.xlsx", 7],
    ] as const) {
      const out = path.join(dir, name);
      expect(await runCli(["export", input, "--quarter", "3", "-o", out], memoryIo(NOW))).toBe(0);
      const grid = readXlsxGridFast(new Uint8Array(await readFile(out)), { file: name });
      expect(grid.sheets).toHaveLength(sheets);
      expect(grid.sheets[0]!.values[0]![0]).toBe(input === tracker ? "ỦY BAN NHÂN DÂN" : "UBND TỈNH ………");
    }
    const provinceBook = readXlsxGridFast(new Uint8Array(await readFile(path.join(dir, "tinh-bao-cao.xlsx"))), { file: "x" });
    const units = provinceBook.sheets.find((s) => s.name.includes(T.tables.byUnit.slice(0, 20)))!;
    expect(JSON.stringify(units.values)).toContain("xã An Khánh");
  });

  it("writes a draft Word report", async () => {
    const out = path.join(dir, "bao-cao.docx");
    expect(await runCli(["export", tracker, "--quarter", "3", "--year", "2026", "--as-of", "2026-09-14", "--format", "docx", "-o", out], memoryIo(NOW))).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(out)))["word/document.xml"]!);
    expect(xml.replace(/<[^>]+>/g, "")).toContain("Kết quả công tác cải cách hành chính Quý III năm 2026");
  });

  it("recomputes a province workbook for another quarter, saying so", async () => {
    const io = memoryIo(NOW);
    expect(await runCli(["export", province, "--quarter", "4", "--format", "csv", "-o", path.join(dir, "q4.csv")], io)).toBe(0);
    expect(io.stderr).toContain("Quý III/2026");
    expect((await readFile(path.join(dir, "q4.csv"), "utf8")).split("\r\n")[0]).toContain("Đơn vị");
  });

  it("exits 1 when the tracker has findings, after writing", async () => {
    const bad = path.join(dir, "sai.xlsx");
    await writeFile(bad, trackerFile("xã Sai", { "1": { status: "Xong rồi" } }));
    const io = memoryIo(NOW);
    expect(await runCli(["export", bad, "--quarter", "3", "-o", path.join(dir, "sai.csv")], io)).toBe(1);
    expect(io.stderr).toContain("1 lỗi");
  });

  it.each([
    [["export"], "Thiếu tệp sổ theo dõi"],
    [["export", "a.xlsx"], "Thiếu tệp kết quả"],
    [["export", "a.xlsx", "b.xlsx", "-o", "c.csv"], "Chỉ xuất báo cáo cho một tệp"],
    [["export", "a.xlsx", "-o", "c.txt"], "Thiếu định dạng"],
    [["export", "a.xlsx", "-o", "c.pdf", "--format", "pdf"], "Định dạng \"pdf\" không hợp lệ"],
    [["export", "a.xlsx", "-o", "c.csv", "--format", "docx"], "phải có đuôi .docx"],
    [["export", "khong-co.xlsx", "-o", "c.csv"], "Không tìm thấy tệp"],
  ])("refuses %j with exit 2", async (argv, text) => {
    const io = memoryIo(NOW);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toContain(text);
  });

  it("refuses a broken file with exit 2 naming it", async () => {
    const broken = path.join(dir, "hong.xlsx");
    await writeFile(broken, "không phải zip");
    const io = memoryIo(NOW);
    expect(await runCli(["export", broken, "-o", path.join(dir, "x.csv")], io)).toBe(2);
    expect(io.stderr).toContain("hong.xlsx");
  });
});
