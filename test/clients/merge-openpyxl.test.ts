/**
 * Merging trackers written by another program (quality.md, "Real clients"): trackers made from the seed plans are
 * filled by openpyxl (Debian's python3) with known entries; a broken file, a unit submitted twice, a tracker of
 * another year, an Excel lock file and a .txt sit in the same folder. `cchc merge --json --expect` must give each
 * unit the figures counted here independently from the entries written (not by our summariser), name every bad,
 * duplicate and foreign file, list the missing units, and account for every row. The province workbook, the
 * exports made from it and from a tracker pass the OOXML schema check, the Word report converts to PDF in
 * LibreOffice, and the lean reader reads the openpyxl- and LibreOffice-saved files as exceljs does.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { parsePlanText } from "../../shared/plan/index.js";
import type { Plan } from "../../shared/plan/schema.js";
import { buildTracker, taskColumnNumber } from "../../shared/workbook/build-tracker.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { loadXlsx, readXlsxGrid, workbookToGrid } from "../../shared/xlsx/read.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(repoRoot, "test/.tmp/clients-merge");
const subs = path.join(work, "nop");
const out = path.join(work, "out");
const profile = path.join(work, "lo-profile");
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const ooxmlCheck = path.resolve(repoRoot, "../shared/tools/ooxml-check");
const AS_OF = "2026-09-14";
const PERIOD = { from: "2026-06-15", to: "2026-09-14" };

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: "utf-8", timeout: 240_000, ...opts });
  return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

/** openpyxl fills task rows by column number (test/clients/py/fill_cells.py). */
const FILL = path.join(repoRoot, "test/clients/py/fill_cells.py");

type Status = "Hoàn thành" | "Đang thực hiện" | "Không thực hiện" | "Chưa triển khai" | string;
/** What the test writes into one task row. */
interface Written {
  status: Status | null;
  completedOn?: string;
  result?: string;
  note?: string;
  progress?: number;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const min = (a: string, b: string) => (a < b ? a : b);

/** A varied, deterministic mix of entries for a plan's tasks; `shift` varies it between units. */
function entriesFor(plan: Plan, shift: number, invalid: string[] = []): Map<string, Written> {
  const out = new Map<string, Written>();
  plan.tasks.forEach((t, i) => {
    const due = t.deadline.due;
    if (invalid.includes(t.id)) {
      out.set(t.id, { status: "Xong rồi" });
      return;
    }
    switch ((i + shift) % 6) {
      case 0: {
        const on = due ? min(addDays(due, -5), "2026-09-01") : "2026-08-01";
        out.set(t.id, { status: "Hoàn thành", completedOn: on, result: `Văn bản số ${i + 1}/KH-UBND`, progress: 100 });
        break;
      }
      case 1: {
        // Late when the due date leaves room before the as-of date; else done on the as-of date.
        const on = due && addDays(due, 10) <= AS_OF ? addDays(due, 10) : due ? min(due, AS_OF) : "2026-03-10";
        out.set(t.id, { status: "Hoàn thành", completedOn: on, result: `Quyết định số ${i + 7}/QĐ-UBND`, progress: 100 });
        break;
      }
      case 2:
        out.set(t.id, { status: "Đang thực hiện", progress: 30 + i });
        break;
      case 3:
        out.set(t.id, { status: null });
        break;
      case 4:
        out.set(t.id, { status: "Không thực hiện", note: "Chưa bố trí được kinh phí" });
        break;
      default:
        out.set(t.id, { status: "Chưa triển khai" });
    }
  });
  return out;
}

interface Counted {
  total: number; done: number; doneOnTime: number; doneLate: number; inProgress: number; notStarted: number;
  dropped: number; invalid: number; overdue: number; doneInPeriod: number; completionRate: number;
}

/** The figures, counted here from what was written and the plan's due dates (domain.md's rules, not our code). */
function count(plan: Plan, written: Map<string, Written>): Counted {
  const c: Counted = { total: 0, done: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, notStarted: 0, dropped: 0, invalid: 0, overdue: 0, doneInPeriod: 0, completionRate: 0 };
  for (const t of plan.tasks) {
    const w = written.get(t.id) ?? { status: null };
    const due = t.deadline.due;
    c.total++;
    const statuses = ["Hoàn thành", "Đang thực hiện", "Không thực hiện", "Chưa triển khai"];
    if (w.status !== null && !statuses.includes(w.status)) {
      c.invalid++;
      continue;
    }
    if (w.status === "Không thực hiện") {
      c.dropped++;
      continue;
    }
    const doneBy = w.status === "Hoàn thành" && w.completedOn! <= AS_OF;
    const inPeriod = doneBy && w.completedOn! >= PERIOD.from;
    if (due === null) {
      // Recurring: done in a period when marked done in that period.
      if (inPeriod) {
        c.done++;
        c.doneOnTime++;
        c.doneInPeriod++;
      } else if (w.status === null || w.status === "Chưa triển khai") c.notStarted++;
      else c.inProgress++;
      continue;
    }
    if (doneBy) {
      c.done++;
      if (w.completedOn! <= due) c.doneOnTime++;
      else c.doneLate++;
      if (inPeriod) c.doneInPeriod++;
      continue;
    }
    if (w.status === null || w.status === "Chưa triển khai") c.notStarted++;
    else c.inProgress++;
    if (AS_OF > due) c.overdue++;
  }
  const base = c.total - c.dropped;
  c.completionRate = base > 0 ? Math.round((c.done / base) * 10_000) / 10_000 : 0;
  return c;
}

/** Renders a tracker (with a save time) and fills it with openpyxl. */
async function fill(plan: Plan, unit: string, year: number, written: Map<string, Written>, file: string, saved: string): Promise<void> {
  const template = path.join(work, `${path.basename(file)}.template.xlsx`);
  writeFileSync(template, await renderWorkbook(buildTracker(plan, { unit, year, asOf: AS_OF }), { created: new Date(saved) }));
  const spec: Record<string, Record<string, unknown>> = {};
  for (const [id, w] of written) {
    const cells: Record<string, unknown> = {};
    if (w.status !== null) cells[taskColumnNumber("status")] = w.status;
    if (w.progress !== undefined) cells[taskColumnNumber("progress")] = w.progress;
    if (w.completedOn) cells[taskColumnNumber("completedOn")] = { date: w.completedOn };
    if (w.result) cells[taskColumnNumber("result")] = w.result;
    if (w.note) cells[taskColumnNumber("note")] = w.note;
    if (Object.keys(cells).length > 0) spec[id] = cells;
  }
  const specFile = `${template}.json`;
  writeFileSync(specFile, JSON.stringify(spec));
  const r = run(PYTHON, [FILL, template, file, specFile]);
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  rmSync(template);
  rmSync(specFile);
}

const seed = (name: string) => parsePlanText(readFileSync(path.join(repoRoot, "seeds", name), "utf8"));

interface MergeJson {
  units: Array<{ unit: string; file: string; totals: Counted; rank: number }>;
  missing: string[];
  duplicates: Array<{ unit: string; files: string[]; kept: string }>;
  findings: Array<{ file: string; severity: string; code: string; sheet: string | null; cell: string | null; taskId: string | null }>;
  rows: Array<{ unit: string; file: string; id: string }>;
  accounting: { rowsMerged: number };
}

describe("cchc merge over trackers filled by openpyxl", () => {
  const an = seed("003_db0447c41af15103.txt");
  const cao = seed("000_6179fdf5309b29e6.txt");
  const phu = seed("004_0deebdd1aa5ed513.txt");
  const written = {
    an: entriesFor(an, 0),
    caoOld: entriesFor(cao, 3),
    caoNew: entriesFor(cao, 1),
    phu: entriesFor(phu, 2, [phu.tasks[7]!.id]),
    xuan: entriesFor(an, 4),
  };
  const f = (name: string) => path.join(subs, name);
  let json: MergeJson;
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(path.join(subs, "dot-2"), { recursive: true });
    mkdirSync(out, { recursive: true });
    await fill(an, "xã An Khánh", 2026, written.an, f("an-khanh.xlsx"), "2026-09-12T08:00:00Z");
    await fill(cao, "xã Cao Minh", 2026, written.caoOld, f("cao-minh-lan-1.xlsx"), "2026-09-01T08:00:00Z");
    await fill(cao, "xã Cao Minh", 2026, written.caoNew, f("dot-2/cao-minh-lan-2.xlsx"), "2026-09-13T08:00:00Z");
    await fill(phu, "xã Phú Thịnh", 2026, written.phu, f("dot-2/phu-thinh.xlsx"), "2026-09-12T09:00:00Z");
    await fill(an, "xã Xuân Dương", 2025, written.xuan, f("xuan-duong-2025.xlsx"), "2025-09-12T09:00:00Z");
    const good = readFileSync(f("an-khanh.xlsx"));
    writeFileSync(f("hong.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(f("~$an-khanh.xlsx"), Buffer.from("khóa của Excel"));
    writeFileSync(f("ghi-chu.txt"), "Các xã đã nộp báo cáo quý III");
    writeFileSync(path.join(work, "don-vi.txt"), "xã An Khánh\nxã Cao Minh\nxã Phú Thịnh\nxã Xuân Dương\nxã Hòa Bình\n");
    const io = memoryIo(new Date("2026-11-21T03:00:00Z"));
    code = await runCli(["merge", subs, "-o", path.join(out, "tinh.xlsx"), "--expect", path.join(work, "don-vi.txt"), "--quarter", "3", "--year", "2026", "--json"], io);
    json = JSON.parse(io.stdout) as MergeJson;
    stderr = io.stderr;
  });

  it("gives each unit the figures counted independently from the entries written", () => {
    expect(code).toBe(1);
    const byUnit = Object.fromEntries(json.units.map((u) => [u.unit, u]));
    expect(Object.keys(byUnit).sort()).toEqual(["xã An Khánh", "xã Cao Minh", "xã Phú Thịnh"]);
    expect(byUnit["xã An Khánh"]!.totals).toEqual(count(an, written.an));
    expect(byUnit["xã Cao Minh"]!.totals).toEqual(count(cao, written.caoNew));
    expect(byUnit["xã Phú Thịnh"]!.totals).toEqual(count(phu, written.phu));
    expect(byUnit["xã Phú Thịnh"]!.totals.invalid).toBe(1);
    // Ranks follow the completion rates.
    const rates = json.units.map((u) => u.totals.completionRate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(json.units[0]!.rank).toBe(1);
  });

  it("keeps the newer of the unit's two submissions and lists both", () => {
    expect(json.duplicates).toEqual([{ unit: "xã Cao Minh", files: [f("cao-minh-lan-1.xlsx"), f("dot-2/cao-minh-lan-2.xlsx")], kept: f("dot-2/cao-minh-lan-2.xlsx") }]);
  });

  it("names every bad, duplicate and foreign file; notes the lock file without a finding", () => {
    const codes = (file: string) => json.findings.filter((x) => x.file === f(file)).map((x) => x.code);
    expect(codes("hong.xlsx")).toEqual(["unusableFile"]);
    expect(codes("xuan-duong-2025.xlsx")).toContain("fileOtherYear");
    expect(codes("cao-minh-lan-1.xlsx")).toContain("fileDuplicate");
    expect(codes("ghi-chu.txt")).toEqual(["fileNotXlsx"]);
    expect(json.findings.some((x) => x.file.includes("~$"))).toBe(false);
    expect(stderr).toContain("~$an-khanh.xlsx");
    const bad = json.findings.find((x) => x.file === f("dot-2/phu-thinh.xlsx") && x.code === "statusInvalid")!;
    expect(bad).toMatchObject({ severity: "error", sheet: "Nhiệm vụ", taskId: phu.tasks[7]!.id });
    expect(bad.cell).toMatch(/^I\d+$/);
  });

  it("lists the units that have not reported (a tracker of another year does not count)", () => {
    expect(json.missing).toEqual(["xã Hòa Bình", "xã Xuân Dương"]);
  });

  it("accounts for every row: merged rows are the kept trackers' tasks; the province workbook adds the rest up", () => {
    const merged = an.tasks.length + cao.tasks.length + phu.tasks.length;
    expect(json.rows).toHaveLength(merged);
    expect(json.accounting.rowsMerged).toBe(merged);
    const grid = readXlsxGridFast(readFileSync(path.join(out, "tinh.xlsx")), { file: "tinh.xlsx" });
    const summary = JSON.stringify(grid.sheets.find((s) => s.name === "Tổng hợp")!.values);
    const read = an.tasks.length + 2 * cao.tasks.length + phu.tasks.length + an.tasks.length;
    expect(summary).toContain(`Số dòng nhiệm vụ đọc được: ${read} = ${merged} dòng đã gộp + ${read - merged} dòng không gộp`);
  });

  it("writes a province workbook and exports that pass the OOXML schema check; the docx converts to PDF", async () => {
    const files = [path.join(out, "tinh.xlsx")];
    for (const [input, name] of [
      [path.join(out, "tinh.xlsx"), "tinh-bao-cao.xlsx"],
      [path.join(out, "tinh.xlsx"), "tinh-bao-cao.docx"],
      [f("an-khanh.xlsx"), "an-khanh-bao-cao.xlsx"],
      [f("an-khanh.xlsx"), "an-khanh-bao-cao.docx"],
    ] as const) {
      const target = path.join(out, name);
      const exit = await runCli(["export", input, "--quarter", "3", "--year", "2026", "--as-of", AS_OF, "-o", target], memoryIo(new Date("2026-11-21T03:00:00Z")));
      expect(exit).toBeLessThanOrEqual(1);
      files.push(target);
    }
    const check = run(PYTHON, [ooxmlCheck, ...files]);
    expect(check.stdout).toContain(`0 schema problems in ${files.length} files`);
    expect(check.status).toBe(0);
    const pdf = run("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", out, path.join(out, "an-khanh-bao-cao.docx"), path.join(out, "tinh-bao-cao.docx")]);
    expect(pdf.status).toBe(0);
    for (const name of ["an-khanh-bao-cao.pdf", "tinh-bao-cao.pdf"]) {
      const info = run("pdfinfo", [path.join(out, name)]);
      expect(info.stdout).toMatch(/Pages:\s+[2-9]|Pages:\s+\d\d/);
      expect(info.stdout).toMatch(/Page size:\s+595[.\d]* x 841[.\d]* pts \(A4\)/);
    }
    // The first page as a picture, for the README (docs/images/report-docx.png is made from it).
    const png = run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", path.join(out, "an-khanh-bao-cao.pdf"), path.join(out, "report-docx")]);
    expect(png.status).toBe(0);
    const text = run("pdftotext", ["-layout", "-f", "1", "-l", "1", path.join(out, "an-khanh-bao-cao.pdf"), "-"]).stdout;
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("XÃ AN KHÁNH");
    expect(text).toContain("I. CÔNG TÁC CHỈ ĐẠO");
  });

  it("exports the CSV with Vietnamese intact, as LibreOffice reads it", async () => {
    const csv = path.join(out, "an-khanh.csv");
    await runCli(["export", f("an-khanh.xlsx"), "--quarter", "3", "-o", csv], memoryIo(new Date("2026-11-21T03:00:00Z")));
    const r = run("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", path.join(out, "csv-lo"), csv]);
    expect(r.status).toBe(0);
    const grid = await readXlsxGrid(new Uint8Array(readFileSync(path.join(out, "csv-lo", "an-khanh.xlsx"))), { file: "csv" });
    const cells = grid.sheets[0]!.values;
    expect(cells[0]![1]).toBe("Nội dung nhiệm vụ");
    expect(cells[1]![1]).toBe(an.tasks[0]!.title);
  });
});

describe("the lean reader on files other programs saved", () => {
  it("reads openpyxl- and LibreOffice-saved trackers exactly as exceljs does", async () => {
    const dir = path.join(work, "readers");
    mkdirSync(dir, { recursive: true });
    const plan = seed("004_0deebdd1aa5ed513.txt");
    await fill(plan, "xã Phú Thịnh", 2026, entriesFor(plan, 1), path.join(dir, "openpyxl.xlsx"), "2026-09-12T08:00:00Z");
    copyFileSync(path.join(dir, "openpyxl.xlsx"), path.join(dir, "lo-in.xlsx"));
    const r = run("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), path.join(dir, "lo-in.xlsx")]);
    expect(r.status).toBe(0);
    for (const file of [path.join(dir, "openpyxl.xlsx"), path.join(dir, "lo", "lo-in.xlsx")]) {
      const bytes = new Uint8Array(readFileSync(file));
      // exceljs is the reference (readXlsxGrid itself returns the lean reader's Grid).
      const slow = workbookToGrid(await loadXlsx(bytes, { file: "x.xlsx" }), { file: "x.xlsx" });
      const { modified: _m, ...fast } = readXlsxGridFast(bytes, { file: "x.xlsx" });
      expect(fast).toEqual(slow);
    }
  });
});
