import ExcelJS from "exceljs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { SHEET, TASK_COLUMNS } from "../../shared/workbook/layout.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seeds = path.join(repoRoot, "seeds");
const tmp = path.join(repoRoot, "test/.tmp/cli-init");
const province = path.join(seeds, "001_e08ca05127985b31.txt");
const now = new Date("2026-11-21T03:00:00Z");

async function meta(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const out: Record<string, unknown> = {};
  wb.getWorksheet(SHEET.meta)!.eachRow((row) => {
    out[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  out.asOf = wb.getWorksheet(SHEET.guide)!.getCell("C10").value;
  let taskRows = 0;
  wb.getWorksheet(SHEET.tasks)!.eachRow((row, n) => {
    if (n > 4 && typeof row.getCell(TASK_COLUMNS.findIndex((c) => c.key === "evaluation") + 1).formula === "string") taskRows++;
  });
  out.taskRows = taskRows;
  return out;
}

beforeAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("cchc init", () => {
  it("writes the tracker of the province plan with the plan's unit and year and today as the as-of date", async () => {
    const io = memoryIo(now);
    const out = path.join(tmp, "tinh.xlsx");
    expect(await runCli(["init", province, "-o", out], io)).toBe(0);
    expect(io.stdout).toContain("23 nhiệm vụ");
    expect(io.stdout).toContain("tỉnh Thái Nguyên");
    expect(io.stderr).toBe("");
    expect(await meta(out)).toMatchObject({
      unit: "tỉnh Thái Nguyên",
      level: "province",
      year: "2026",
      asOf: new Date("2026-11-21T00:00:00Z"),
      taskRows: 23,
    });
  });

  it("takes --unit, --year and --as-of", async () => {
    const io = memoryIo(now);
    const out = path.join(tmp, "options.xlsx");
    const code = await runCli(["init", province, "-o", out, "--unit", "Sở Nội vụ", "--year", "2026", "--as-of", "2026-09-14"], io);
    expect(code).toBe(0);
    expect(await meta(out)).toMatchObject({ unit: "Sở Nội vụ", year: "2026", asOf: new Date("2026-09-14T00:00:00Z") });
  });

  it("refuses a --year outside the plan's period, as summary and export do", async () => {
    const io = memoryIo(now);
    const code = await runCli(["init", province, "-o", path.join(tmp, "y2027.xlsx"), "--year", "2027"], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain("Năm 2027 nằm ngoài thời gian của kế hoạch");
  });

  it.each([
    ["a path ending with /", (d: string) => `${d}/new-dir/`],
    ["an existing directory", (d: string) => d],
  ])("names the tracker after the plan file when -o is %s", async (_label, target) => {
    const dir = path.join(tmp, `dir-${Math.random().toString(36).slice(2)}`);
    await mkdir(dir, { recursive: true });
    const io = memoryIo(now);
    expect(await runCli(["init", province, "-o", target(dir)], io)).toBe(0);
    const expected = path.join(target(dir), "001_e08ca05127985b31.xlsx");
    expect((await stat(expected)).size).toBeGreaterThan(10_000);
  });

  it("creates missing parent directories of the output file", async () => {
    const out = path.join(tmp, "a/b/c/tracker.xlsx");
    expect(await runCli(["init", province, "-o", out], memoryIo(now))).toBe(0);
    expect((await stat(out)).isFile()).toBe(true);
  });

  it.each([
    [["init"], "Thiếu tệp kế hoạch"],
    [["init", "PLAN"], "Thiếu tham số -o"],
    [["init", "PLAN", "PLAN", "-o", "x.xlsx"], "Chỉ nhận một tệp"],
    [["init", "PLAN", "-o", "x.xlsx", "--year", "26"], "Năm không hợp lệ"],
    [["init", "PLAN", "-o", "x.xlsx", "--as-of", "14/09/2026"], "Ngày không hợp lệ"],
    [["init", "PLAN", "-o", "x.xlsx", "--as-of", "2026-02-30"], "Ngày không hợp lệ"],
    [["init", "PLAN", "-o", "x.xlsx", "--unit", "  "], "Tên đơn vị không được để trống"],
    [["init", "PLAN", "-o", "TMP/tracker.txt"], "phải có đuôi .xlsx"],
    [["init", "PLAN", "-o", "x.xlsx", "--colour", "red"], "Tham số không hợp lệ"],
    [["init", "missing-plan.txt", "-o", "TMP/x.xlsx"], "Không tìm thấy tệp"],
  ])("exits 2 with a Vietnamese message for %j", async (args, message) => {
    const io = memoryIo(now);
    const argv = args.map((a) => a.replace("PLAN", province).replace("TMP", tmp));
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for a file that holds no plan", async () => {
    const junk = path.join(tmp, "junk.txt");
    await writeFile(junk, "Không phải kế hoạch.\n");
    const io = memoryIo(now);
    expect(await runCli(["init", junk, "-o", path.join(tmp, "junk.xlsx")], io)).toBe(2);
    expect(io.stderr).toMatch(/^Lỗi: /);
    await expect(stat(path.join(tmp, "junk.xlsx"))).rejects.toThrow();
  });

  it("replaces a blank tracker but never a filled one or someone else's file", async () => {
    const out = path.join(tmp, "again.xlsx");
    const init = async () => {
      const io = memoryIo(now);
      return { code: await runCli(["init", province, "-o", out], io), err: io.stderr };
    };
    expect((await init()).code).toBe(0);
    expect((await init()).code).toBe(0); // a tracker nobody typed into: re-running is harmless

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const status = TASK_COLUMNS.findIndex((c) => c.key === "status") + 1;
    wb.getWorksheet(SHEET.tasks)!.getRow(5).getCell(status).value = "Đang thực hiện";
    await writeFile(out, new Uint8Array(await wb.xlsx.writeBuffer()));
    const filled = await readFile(out);
    const refused = await init();
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Tệp ${out} đã có và là sổ theo dõi đang có số liệu nhập (1 nhiệm vụ)`);
    expect(await readFile(out)).toEqual(filled);

    const other = path.join(tmp, "other.xlsx");
    await writeFile(other, "báo cáo của phòng\n");
    const io = memoryIo(now);
    expect(await runCli(["init", province, "-o", other], io)).toBe(2);
    expect(io.stderr).toContain("không ghi đè");
    expect(await readFile(other, "utf8")).toBe("báo cáo của phòng\n");
  });

  it("prints its usage with --help", async () => {
    const io = memoryIo(now);
    expect(await runCli(["init", "--help"], io)).toBe(0);
    expect(io.stdout).toContain("cchc init <kế-hoạch> -o");
  });
});
