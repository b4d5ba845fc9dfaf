import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { isProvinceGrid, readProvinceWorkbook } from "../../shared/merge/province-read.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { DOING, DONE, DROPPED, tempDir, trackerFile } from "./merge-fixtures.js";

const NOW = new Date("2026-11-21T03:00:00Z");

/** A submissions folder with good, duplicate, foreign, broken and stray files. */
async function submissions(): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "dot-2"), { recursive: true });
  const put = (name: string, bytes: Uint8Array | string) => writeFile(path.join(dir, name), bytes);
  // An Khánh: 1 done, 3 done, 4 doing, 5 dropped → 2 done of 4 = 0.5.
  await put("an-khanh.xlsx", trackerFile("xã An Khánh", { "1": DONE(), "3": DONE("2026-05-20"), "4": DOING, "5": DROPPED }));
  // Cao Minh: sent twice; the newer file has 1 done.
  await put("cao-minh-cu.xlsx", trackerFile("xã Cao Minh", {}, { saved: new Date("2026-09-01T00:00:00Z") }));
  await put("dot-2/cao-minh-moi.xlsx", trackerFile("Xã Cao Minh", { "1": DONE() }, { saved: new Date("2026-09-10T00:00:00Z") }));
  // Phú Thịnh: last year's tracker only.
  await put("phu-thinh-2025.xlsx", trackerFile("xã Phú Thịnh", { "1": DONE("2025-03-01") }, { year: 2025 }));
  // Xuân Dương: an invalid entry (done without a result).
  await put("dot-2/xuan-duong.xlsx", trackerFile("xã Xuân Dương", { "1": { status: "Hoàn thành", completedOn: "2026-03-01", progress: 100 }, "2": DOING }));
  await put("hong.xlsx", Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
  await put("~$an-khanh.xlsx", "lock");
  await put("ghi-chu.txt", "Danh sách các xã đã nộp");
  await put("bao-cao-cu.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  await put("don-vi.txt", "# các xã phải báo cáo\n1. xã An Khánh\n2. xã Cao Minh\n3. xã Phú Thịnh\n4. Xã  Hoà Bình\n5. xã Xuân Dương\n");
  return dir;
}

interface MergeJson {
  units: Array<{ unit: string; file: string; totals: Record<string, number>; rank: number }>;
  missing: string[];
  duplicates: Array<{ unit: string; files: string[]; kept: string }>;
  findings: Array<Record<string, unknown>>;
  rows: Array<{ unit: string; file: string; id: string }>;
  accounting: { rowsRead: number; rowsMerged: number; rowsListed: number };
  rowCount: number;
  skipped: Array<{ file: string; reason: string; message: string }>;
}

describe("cchc merge", () => {
  let dir: string;
  let json: MergeJson;
  let code: number;
  let io: ReturnType<typeof memoryIo>;
  beforeAll(async () => {
    dir = await submissions();
    io = memoryIo(NOW);
    code = await runCli(["merge", dir, "-o", path.join(dir, "tinh.xlsx"), "--expect", path.join(dir, "don-vi.txt"), "--quarter", "3", "--json"], io);
    json = JSON.parse(io.stdout) as MergeJson;
  });
  const f = (name: string) => path.join(dir, name);

  it("prints the --json contract with exactly its keys", () => {
    expect(Object.keys(json)).toEqual(["units", "missing", "duplicates", "files", "skipped", "findings", "rowCount", "rows", "accounting"]);
    expect(json.rowCount).toBe(json.rows.length);
    expect(Object.keys(json.units[0]!)).toEqual(["unit", "file", "totals", "rank"]);
    expect(Object.keys(json.units[0]!.totals)).toEqual(["total", "done", "doneOnTime", "doneLate", "inProgress", "notStarted", "dropped", "invalid", "overdue", "doneInPeriod", "completionRate"]);
    expect(Object.keys(json.findings[0]!)).toEqual(["file", "severity", "sheet", "cell", "taskId", "code", "message"]);
  });

  it("merges each unit once with its figures and rank, exit 1 (findings)", () => {
    expect(code).toBe(1);
    expect(json.units.map((u) => [u.unit, u.file, u.totals.total, u.totals.done, u.totals.dropped, u.totals.invalid, u.totals.completionRate, u.rank])).toEqual([
      ["xã An Khánh", f("an-khanh.xlsx"), 5, 2, 1, 0, 0.5, 1],
      ["xã Cao Minh", f("dot-2/cao-minh-moi.xlsx"), 5, 1, 0, 0, 0.2, 2],
      ["xã Xuân Dương", f("dot-2/xuan-duong.xlsx"), 5, 0, 0, 1, 0, 3],
    ]);
    expect(json.rows).toHaveLength(15);
    expect(json.rows.map((r) => r.unit).filter((u) => u === "xã An Khánh")).toHaveLength(5);
    expect(json.accounting.rowsMerged).toBe(15);
  });

  it("names the duplicate, the foreign, the broken and the stray files; lists the missing units", () => {
    expect(json.duplicates).toEqual([{ unit: "xã Cao Minh", files: [f("cao-minh-cu.xlsx"), f("dot-2/cao-minh-moi.xlsx")], kept: f("dot-2/cao-minh-moi.xlsx") }]);
    expect(json.missing).toEqual(["xã Hòa Bình", "xã Phú Thịnh"]);
    const codes = (file: string) => json.findings.filter((x) => x.file === f(file)).map((x) => x.code);
    expect(codes("phu-thinh-2025.xlsx")).toContain("fileOtherYear");
    expect(codes("hong.xlsx")).toEqual(["unusableFile"]);
    expect(codes("cao-minh-cu.xlsx")).toContain("fileDuplicate");
    expect(codes("ghi-chu.txt")).toEqual(["fileNotXlsx"]);
    expect(codes("don-vi.txt")).toEqual(["fileNotXlsx"]);
    expect(codes("bao-cao-cu.xls")).toEqual(["fileNotXlsx"]);
    expect(codes("dot-2/xuan-duong.xlsx")).toContain("doneWithoutResult");
    expect(json.findings.find((x) => x.code === "doneWithoutResult")).toMatchObject({ severity: "error", sheet: "Nhiệm vụ", taskId: "1", cell: "L5" });
  });

  it("skips the Excel lock file with a note only", () => {
    expect(io.stderr).toContain(`Bỏ qua ${f("~$an-khanh.xlsx")}: tệp khóa của Excel`);
    expect(json.skipped).toContainEqual(expect.objectContaining({ file: f("~$an-khanh.xlsx"), reason: "lock" }));
    expect(io.stderr).toContain(`Bỏ qua tệp không phải .xlsx: ${f("ghi-chu.txt")}`);
    expect(json.findings.some((x) => String(x.file).includes("~$"))).toBe(false);
  });

  it("writes the province workbook, which names every file and row", async () => {
    const grid = readXlsxGridFast(new Uint8Array(await readFile(f("tinh.xlsx"))), { file: "tinh.xlsx" });
    expect(isProvinceGrid(grid)).toBe(true);
    const data = readProvinceWorkbook(grid);
    expect(data.rows).toHaveLength(15);
    expect(data.missing).toEqual(["xã Hòa Bình", "xã Phú Thịnh"]);
    const all = JSON.stringify(grid.sheets.map((s) => s.values));
    for (const name of ["hong.xlsx", "phu-thinh-2025.xlsx", "cao-minh-cu.xlsx", "ghi-chu.txt", "bao-cao-cu.xls"]) expect(all).toContain(name);
  });

  it("does not read its own output back as a unit on the next run", async () => {
    const again = memoryIo(NOW);
    await runCli(["merge", dir, "-o", f("tinh.xlsx"), "--quarter", "3", "--json"], again);
    const j = JSON.parse(again.stdout) as MergeJson;
    expect(j.findings.some((x) => x.file === f("tinh.xlsx"))).toBe(false);
    expect(j.units).toHaveLength(3);
  });
});

describe("cchc merge: output, exit codes and arguments", () => {
  it("prints a Vietnamese summary and exits 0 when everything is clean", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a.xlsx"), trackerFile("xã An Khánh", { "1": DONE(), "2": DOING }));
    await writeFile(path.join(dir, "b.xlsx"), trackerFile("xã Cao Minh", { "1": DONE() }));
    const io = memoryIo(NOW);
    const code = await runCli(["merge", path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx"), "-o", path.join(dir, "out", "tinh.xlsx"), "--quarter", "3", "--year", "2026"], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toContain("Gộp sổ theo dõi CCHC Quý III/2026 (số liệu tính đến 14/09/2026)");
    expect(io.stdout).toContain("Đã gộp 2 đơn vị từ 2 tệp, 10 dòng nhiệm vụ.");
    expect(io.stdout).toContain("Dòng nhiệm vụ: đọc 10 = gộp 10 + không gộp 0.");
    expect(io.stdout).toContain(`Đã ghi: ${path.join(dir, "out", "tinh.xlsx")}`);
  });

  it("uses the calendar quarter of today by default, and --as-of when given", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a.xlsx"), trackerFile("xã An Khánh", {}));
    const io = memoryIo(new Date("2026-08-05T00:00:00Z"));
    await runCli(["merge", dir, "--json", "--as-of", "31/07/2026"], io);
    const j = JSON.parse(io.stdout) as MergeJson;
    // Tasks 1, 3 and 4 (due 31/03, 31/05, 30/06) are not done: overdue as of 31/07.
    expect(j.units[0]!.totals.overdue).toBe(3);
    const io2 = memoryIo(new Date("2026-08-05T00:00:00Z"));
    await runCli(["merge", dir, "-o", path.join(dir, "t.xlsx")], io2);
    expect(io2.stdout).toContain("Quý III/2026");
  });

  it("exits 2 when nothing is usable, still writing the error sheet", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "hong.xlsx"), "không phải zip");
    const io = memoryIo(NOW);
    expect(await runCli(["merge", dir, "-o", path.join(dir, "tinh.xlsx")], io)).toBe(2);
    expect(io.stderr).toContain("Không có sổ theo dõi nào gộp được.");
    const grid = readXlsxGridFast(new Uint8Array(await readFile(path.join(dir, "tinh.xlsx"))), { file: "tinh.xlsx" });
    expect(JSON.stringify(grid.sheets.find((s) => s.name === "Lỗi")!.values)).toContain("hong.xlsx");
  });

  it.each([
    [["merge"], "Thiếu tệp hoặc thư mục"],
    [["merge", "x"], "Thiếu tệp kết quả"],
    [["merge", "x", "-o", "a.csv"], "đuôi .xlsx"],
    [["merge", "khong-co-thu-muc-nay", "--json"], "Không tìm thấy tệp hoặc thư mục"],
    [["merge", ".", "--json", "--quarter", "5"], "Quý \"5\" không hợp lệ"],
    [["merge", ".", "--json", "--year", "26"], "Năm \"26\" không hợp lệ"],
    [["merge", ".", "--json", "--as-of", "31/02/2026"], "Ngày báo cáo \"31/02/2026\" không hợp lệ"],
    [["merge", ".", "--json", "--bogus"], "Tham số không hợp lệ"],
  ])("refuses %j with exit 2 and a Vietnamese message", async (argv, text) => {
    const io = memoryIo(NOW);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toContain(text);
    expect(io.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a folder without workbooks and an empty expected list", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "~$khoa.xlsx"), "x");
    const io = memoryIo(NOW);
    expect(await runCli(["merge", dir, "--json"], io)).toBe(2);
    expect(io.stderr).toContain("Không có tệp .xlsx nào để gộp.");
    await writeFile(path.join(dir, "a.xlsx"), trackerFile("xã A", {}));
    await writeFile(path.join(dir, "rong.txt"), "# trống\n\n");
    const io2 = memoryIo(NOW);
    expect(await runCli(["merge", path.join(dir, "a.xlsx"), "--json", "--expect", path.join(dir, "rong.txt")], io2)).toBe(2);
    expect(io2.stderr).toContain("không có tên đơn vị nào");
  });

  it("keeps the newest submission by file time when the workbooks do not say", async () => {
    const dir = await tempDir();
    const a = path.join(dir, "1.xlsx");
    const b = path.join(dir, "2.xlsx");
    await writeFile(a, trackerFile("xã A", { "1": DONE() }));
    await writeFile(b, trackerFile("xã A", {}));
    await utimes(a, new Date("2026-09-10T00:00:00Z"), new Date("2026-09-10T00:00:00Z"));
    await utimes(b, new Date("2026-09-01T00:00:00Z"), new Date("2026-09-01T00:00:00Z"));
    const io = memoryIo(NOW);
    await runCli(["merge", dir, "--json", "--quarter", "3", "--year", "2026"], io);
    expect((JSON.parse(io.stdout) as MergeJson).duplicates).toEqual([{ unit: "xã A", files: [a, b], kept: a }]);
  });

  it("draws a progress bar on a terminal only", async () => {
    const dir = await tempDir();
    for (const u of ["A", "B", "C"]) await writeFile(path.join(dir, `${u}.xlsx`), trackerFile(`xã ${u}`, {}));
    const tty = { ...memoryIo(NOW), errIsTty: true };
    const out = memoryIo(NOW);
    let stderr = "";
    tty.err = (t: string) => {
      stderr += t;
    };
    await runCli(["merge", dir, "--json"], tty);
    await runCli(["merge", dir, "--json"], out);
    expect(stderr).toMatch(/\rĐang gộp 3\/3 tệp █+ 100%/);
    expect(stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(out.stderr).toBe("");
  });
});
