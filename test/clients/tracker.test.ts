/**
 * Trackers for every seed, checked by programs nobody here wrote (quality.md): the ISO 29500 schemas (jing via
 * ../shared/tools/ooxml-check), openpyxl (Debian's python3), and LibreOffice, which opens the files, computes the
 * Đánh giá formulas for rows filled by another program, and prints the Nhiệm vụ sheet.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlanBytes, type Plan } from "../../shared/plan/index.js";
import { buildTracker } from "../../shared/workbook/build-tracker.js";
import { evaluateTask } from "../../shared/workbook/evaluation.js";
import { AS_OF_NAME, META_KEYS, SHEET, STATUSES, TASK_COLUMNS } from "../../shared/workbook/layout.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ooxmlCheck = path.resolve(repoRoot, "../shared/tools/ooxml-check");
const py = path.join(repoRoot, "test/clients/py");
const work = path.join(repoRoot, "test/.tmp/clients-tracker");
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const AS_OF = "2026-09-14";
const profile = `/tmp/cchc-lo-tracker-${process.pid}`;

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf-8", maxBuffer: 256 * 1024 * 1024, timeout: 240_000, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** LibreOffice headless with its own profile (parallel runs must not share one). */
function soffice(args: string[], cwd: string) {
  const r = run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return r;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface CellInfo {
  value: unknown;
  type: string;
  isDate: boolean;
  numFmt: string | null;
  locked: boolean | null;
  bold: boolean | null;
  font: string | null;
}
interface SheetInfo {
  state: string;
  protected: boolean;
  protectionHash: string | null;
  freeze: string | null;
  orientation: string | null;
  paperSize: number | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  printTitleRows: string | null;
  autoFilter: string | null;
  validations: Array<{ type: string; sqref: string; formula1: string | null; showErrorMessage: boolean; errorStyle: string; error: string | null }>;
  rows: CellInfo[][];
}
interface Inspection {
  sheets: Array<{ name: string; state: string }>;
  activeIndex: string | null;
  selected: string[];
  definedNames: Record<string, string>;
  sheet: Record<string, SheetInfo>;
}

function inspect(file: string): Inspection {
  const r = run(PYTHON, [path.join(py, "inspect_tracker.py"), file]);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Inspection;
}

/** Does an sqref ("I5:I9 I11:I20") cover a cell of column `col` at `row`? */
function covers(sqref: string, col: string, row: number): boolean {
  return sqref.split(/\s+/).some((part) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
    if (!m) return false;
    const [c1, r1, c2 = m[1], r2 = m[2]] = [m[1], Number(m[2]), m[3], Number(m[4] ?? m[2])];
    return c1 === col && c2 === col && row >= r1 && row <= Number(r2);
  });
}

const col = (key: string) => String.fromCharCode(65 + TASK_COLUMNS.findIndex((c) => c.key === key));
const colIndex = (key: string) => TASK_COLUMNS.findIndex((c) => c.key === key);

const seeds = readdirSync(path.join(repoRoot, "seeds"))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort();
const plans = new Map<string, Plan>();
const files = new Map<string, string>();

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const seed of seeds) {
    const plan = await parsePlanBytes(new Uint8Array(readFileSync(path.join(repoRoot, "seeds", seed))), seed);
    const spec = buildTracker(plan, { unit: plan.unit ?? "Đơn vị", year: 2026, asOf: AS_OF });
    const file = path.join(work, seed.replace(/\.\w+$/, ".xlsx"));
    writeFileSync(file, await renderWorkbook(spec));
    plans.set(seed, plan);
    files.set(seed, file);
  }
});

afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

describe("ISO/IEC 29500 schemas (ooxml-check)", () => {
  it("finds 0 problems in every seed's tracker", () => {
    const r = run("python3", [ooxmlCheck, ...files.values()]);
    expect(r.stdout).toContain(`0 schema problems in ${seeds.length} files`);
    expect(r.status).toBe(0);
  });
});

describe.each(seeds)("openpyxl reads the tracker of %s", (seed) => {
  let info: Inspection;
  let plan: Plan;
  beforeAll(() => {
    info = inspect(files.get(seed)!);
    plan = plans.get(seed)!;
  });

  it("has the sheets in order: Danh mục hidden, _meta very hidden, Hướng dẫn active and alone selected", () => {
    const expected = [
      [SHEET.guide, "visible"],
      [SHEET.tasks, "visible"],
      ...(plan.targets.length ? [[SHEET.targets, "visible"]] : []),
      [SHEET.lists, "hidden"],
      [SHEET.meta, "veryHidden"],
    ];
    expect(info.sheets.map((s) => [s.name, s.state])).toEqual(expected);
    expect(info.activeIndex).toBe(SHEET.guide);
    expect(info.selected).toEqual([SHEET.guide]);
    expect(info.definedNames[AS_OF_NAME]).toBe("'Hướng dẫn'!$C$10");
  });

  it("has one Nhiệm vụ row per task, each with a real due date (none for recurring tasks)", () => {
    const tasks = info.sheet[SHEET.tasks]!;
    expect(tasks.rows[3]!.map((c) => c.value)).toEqual(TASK_COLUMNS.map((c) => c.header));
    const taskIds = new Set(plan.tasks.map((t) => t.id));
    const taskRows = tasks.rows.slice(4).filter((r) => taskIds.has(String(r[0]!.value)));
    expect(taskRows.map((r) => r[0]!.value)).toEqual(plan.tasks.map((t) => t.id));
    taskRows.forEach((r, i) => {
      const due = r[colIndex("due")]!;
      const expectedDue = plan.tasks[i]!.deadline.due;
      if (expectedDue) {
        expect(due.isDate).toBe(true);
        expect(due.value).toBe(expectedDue);
        expect(due.numFmt).toBe("dd/mm/yyyy");
      } else expect(due.value).toBeNull();
    });
  });

  it("offers the status dropdown from Danh mục on every task row, rejecting other text", () => {
    const tasks = info.sheet[SHEET.tasks]!;
    const statusLists = tasks.validations.filter((v) => v.type === "list" && v.formula1 === "'Danh mục'!$A$2:$A$5");
    expect(statusLists.length).toBeGreaterThan(0);
    for (const v of statusLists) {
      expect(v.showErrorMessage).toBe(true);
      expect(v.errorStyle).toBe("stop");
      expect(v.error).toMatch(/Trạng thái|Chỉ chọn/);
    }
    const lists = info.sheet[SHEET.lists]!;
    expect(lists.rows.slice(1, 5).map((r) => r[0]!.value)).toEqual([...STATUSES]);
    const taskIds = new Set(plan.tasks.map((t) => t.id));
    tasks.rows.forEach((r, i) => {
      const row = i + 1;
      const isTask = row > 4 && taskIds.has(String(r[0]!.value));
      const hasDropdown = statusLists.some((v) => covers(v.sqref, col("status"), row));
      expect(hasDropdown, `row ${row}`).toBe(isTask);
    });
  });

  it("locks plan cells and unlocks entry cells under sheet protection", () => {
    const tasks = info.sheet[SHEET.tasks]!;
    expect(tasks.protected).toBe(true);
    expect(tasks.protectionHash).toBeNull();
    const first = tasks.rows[4 + tasks.rows.slice(4).findIndex((r) => plan.tasks.some((t) => t.id === String(r[0]!.value)))]!;
    for (const key of ["id", "title", "leads", "deadlineText", "due", "evaluation"]) expect(first[colIndex(key)]!.locked, key).toBe(true);
    for (const key of ["area", "status", "progress", "completedOn", "result", "note"]) expect(first[colIndex(key)]!.locked, key).toBe(false);
    expect(first[colIndex("title")]!.font).toBe("Times New Roman");
    expect(String(first[colIndex("evaluation")]!.value)).toMatch(/^=IF\(TRIM\(I\d+\)=/);
  });

  it("freezes the header and id column and prints A4 landscape, fit to width, header row repeated", () => {
    const tasks = info.sheet[SHEET.tasks]!;
    expect(tasks.freeze).toBe("B5");
    expect(tasks.orientation).toBe("landscape");
    expect(tasks.paperSize).toBe(9);
    expect(tasks.fitToPage).toBe(true);
    expect([tasks.fitToWidth, tasks.fitToHeight]).toEqual([1, 0]);
    expect(tasks.printTitleRows).toBe("$4:$4");
    expect(tasks.autoFilter).toMatch(/^A4:O\d+$/);
  });

  it("keeps the as-of date a real date and _meta complete", () => {
    const guide = info.sheet[SHEET.guide]!;
    expect(guide.rows[9]![2]).toMatchObject({ isDate: true, value: AS_OF, locked: false });
    const meta = info.sheet[SHEET.meta]!;
    expect(meta.rows.map((r) => r[0]!.value)).toEqual([...META_KEYS]);
    expect(meta.rows.find((r) => r[0]!.value === "unit")![1]!.value).toBe(plan.unit);
  });
});

/** Rows to fill for a plan: a late and an on-time completion, a dropped task, an in-progress task; the rest untouched. */
function fillsFor(plan: Plan) {
  const dated = plan.tasks.filter((t) => t.deadline.due);
  const recurring = plan.tasks.find((t) => !t.deadline.due);
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows: Array<{ id: string; status: string; completedOn?: string; progress?: number; result?: string; note?: string }> = [];
  const [late, onTime, dropped, inProgress] = dated;
  if (late) rows.push({ id: late.id, status: "Hoàn thành", completedOn: shift(late.deadline.due!, 10), progress: 100, result: "Văn bản số 1/KH-UBND" });
  if (onTime) rows.push({ id: onTime.id, status: "Hoàn thành", completedOn: shift(onTime.deadline.due!, -5), progress: 100, result: "Báo cáo số 2" });
  if (dropped) rows.push({ id: dropped.id, status: "Không thực hiện", note: "Không còn phù hợp" });
  if (inProgress) rows.push({ id: inProgress.id, status: "Đang thực hiện", progress: 40 });
  if (recurring) rows.push({ id: recurring.id, status: "Hoàn thành", completedOn: "2026-06-01" });
  return rows;
}

describe("LibreOffice computes Đánh giá for rows filled by openpyxl", () => {
  const csv = new Map<string, string[][]>();
  const fills = new Map<string, ReturnType<typeof fillsFor>>();

  beforeAll(() => {
    const filledDir = path.join(work, "filled");
    mkdirSync(filledDir, { recursive: true });
    const inputs: string[] = [];
    for (const seed of seeds) {
      const rows = fillsFor(plans.get(seed)!);
      fills.set(seed, rows);
      const json = path.join(filledDir, `${seed}.json`);
      writeFileSync(json, JSON.stringify({ asOf: null, rows }));
      const out = path.join(filledDir, path.basename(files.get(seed)!));
      const r = run(PYTHON, [path.join(py, "fill_tracker.py"), files.get(seed)!, out, json]);
      if (r.status !== 0) throw new Error(r.stderr);
      inputs.push(out);
    }
    // The same province tracker with a later as-of date typed into the named cell.
    const later = path.join(filledDir, "later-asof.xlsx");
    const laterJson = path.join(filledDir, "later.json");
    writeFileSync(laterJson, JSON.stringify({ asOf: "2026-12-31", rows: [] }));
    const province = seeds.find((s) => s.startsWith("001"))!;
    const r = run(PYTHON, [path.join(py, "fill_tracker.py"), files.get(province)!, later, laterJson]);
    if (r.status !== 0) throw new Error(r.stderr);
    inputs.push(later);
    // The tracker exactly as written (no other program in between): LibreOffice must open it as it is.
    const pristine = path.join(filledDir, "pristine.xlsx");
    copyFileSync(files.get(province)!, pristine);
    inputs.push(pristine);
    const csvDir = path.join(work, "csv");
    mkdirSync(csvDir, { recursive: true });
    soffice(["--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", csvDir, ...inputs], filledDir);
    for (const input of inputs) {
      const name = path.basename(input, ".xlsx");
      csv.set(name, parseCsv(readFileSync(path.join(csvDir, `${name}-${SHEET.tasks}.csv`), "utf-8")));
    }
  });

  /** Đánh giá by task id as LibreOffice computed it. */
  function evaluations(name: string): Map<string, string> {
    const rows = csv.get(name)!;
    const header = rows.findIndex((r) => r[0] === "Mã");
    const e = colIndex("evaluation");
    return new Map(rows.slice(header + 1).filter((r) => r[0]).map((r) => [r[0]!, r[e] ?? ""]));
  }

  it.each(seeds)("%s: every task row evaluates as the rule says, group rows stay empty", (seed) => {
    const plan = plans.get(seed)!;
    const got = evaluations(path.basename(files.get(seed)!, ".xlsx"));
    const filled = new Map(fills.get(seed)!.map((f) => [f.id, f]));
    const expected = new Map(
      plan.tasks.map((t) => {
        const f = filled.get(t.id);
        return [t.id, evaluateTask({ status: f?.status ?? null, due: t.deadline.due, completedOn: f?.completedOn ?? null }, AS_OF)];
      }),
    );
    for (const [id, value] of expected) expect(got.get(id), `task ${id}`).toBe(value);
    for (const g of plan.groups) if (got.has(g.id) && !expected.has(g.id)) expect(got.get(g.id), `group ${g.id}`).toBe("");
  });

  it("shows Hoàn thành quá hạn after the due date, Hoàn thành đúng hạn before it, Quá hạn for an unfilled past-due row", () => {
    const seed = seeds.find((s) => s.startsWith("001"))!;
    const got = evaluations(path.basename(files.get(seed)!, ".xlsx"));
    const [late, onTime, dropped, inProgress] = fills.get(seed)!;
    expect(got.get(late!.id)).toBe("Hoàn thành quá hạn");
    expect(got.get(onTime!.id)).toBe("Hoàn thành đúng hạn");
    expect(got.get(dropped!.id)).toBe("Không thực hiện");
    const plan = plans.get(seed)!;
    const unfilledPastDue = plan.tasks.find((t) => t.deadline.due && t.deadline.due < AS_OF && !fills.get(seed)!.some((f) => f.id === t.id));
    const unfilledFuture = plan.tasks.find((t) => t.deadline.due && t.deadline.due >= AS_OF && !fills.get(seed)!.some((f) => f.id === t.id));
    expect(got.get(unfilledPastDue!.id)).toBe("Quá hạn");
    expect(got.get(unfilledFuture!.id)).toBe("Trong hạn");
    expect(inProgress).toBeDefined();
  });

  it("opens the tracker as written and shows each task's evaluation at the as-of date", () => {
    const plan = plans.get(seeds.find((s) => s.startsWith("001"))!)!;
    const got = evaluations("pristine");
    expect([...got.keys()]).toEqual(plan.tasks.map((t) => t.id));
    for (const t of plan.tasks) expect(got.get(t.id), t.id).toBe(evaluateTask({ status: null, due: t.deadline.due, completedOn: null }, AS_OF));
    const asOfRow = csv.get("pristine")!.find((r) => r[0] === "Đánh giá tính đến ngày:");
    // Unformatted CSV export writes dates in LibreOffice's locale order.
    expect(asOfRow?.[colIndex("evaluation")]).toMatch(/^(09\/14\/2026|14\/09\/2026|2026-09-14)$/);
  });

  it("re-evaluates every row against the as-of cell when the date changes", () => {
    const plan = plans.get(seeds.find((s) => s.startsWith("001"))!)!;
    const got = evaluations("later-asof");
    for (const t of plan.tasks) {
      expect(got.get(t.id), t.id).toBe(evaluateTask({ status: null, due: t.deadline.due, completedOn: null }, "2026-12-31"));
    }
    expect([...got.values()].filter((v) => v === "Trong hạn")).toHaveLength(plan.tasks.filter((t) => t.deadline.due === "2026-12-31").length);
  });
});

describe("LibreOffice prints the Nhiệm vụ sheet", () => {
  let pdf: string;
  let pages: string[];
  beforeAll(() => {
    // The province tracker with a few rows filled in, so the picture shows statuses, evaluations and colours.
    const seed = seeds.find((s) => s.startsWith("001"))!;
    const pdfDir = path.join(work, "pdf");
    mkdirSync(pdfDir, { recursive: true });
    const json = path.join(pdfDir, "fills.json");
    writeFileSync(json, JSON.stringify({ asOf: null, rows: fillsFor(plans.get(seed)!) }));
    const filled = path.join(pdfDir, "tracker-print.xlsx");
    const r = run(PYTHON, [path.join(py, "fill_tracker.py"), files.get(seed)!, filled, json]);
    if (r.status !== 0) throw new Error(r.stderr);
    soffice(["--convert-to", "pdf", "--outdir", pdfDir, filled], pdfDir);
    pdf = path.join(pdfDir, "tracker-print.pdf");
    const text = run("pdftotext", ["-layout", pdf, "-"]).stdout;
    pages = text.split("\f");
  });

  it("prints the task table on A4 landscape pages with the header row repeated on each", () => {
    const first = pages.findIndex((p) => p.includes("THEO DÕI THỰC HIỆN NHIỆM VỤ"));
    expect(first).toBeGreaterThan(0);
    const info = run("pdfinfo", ["-f", String(first + 1), "-l", String(first + 2), pdf]).stdout;
    expect(info).toMatch(new RegExp(`Page\\s+${first + 1} size:\\s+841\\.\\d+ x 595\\.\\d+`));
    const tablePages = pages.slice(first).filter((p) => /Nội dung nhiệm vụ/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(p).toMatch(/Đánh giá/);
  });

  it("renders the first Nhiệm vụ page to a PNG (docs/images/tracker-print.png with UPDATE_IMAGES=1)", () => {
    const first = pages.findIndex((p) => p.includes("THEO DÕI THỰC HIỆN NHIỆM VỤ")) + 1;
    const prefix = path.join(work, "tracker-print");
    const r = run("pdftoppm", ["-png", "-r", "60", "-f", String(first), "-l", String(first), "-singlefile", pdf, prefix]);
    expect(r.status).toBe(0);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // Landscape: width (bytes 16–19 of the IHDR chunk) greater than height (20–23).
    expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
    if (process.env.UPDATE_IMAGES) {
      mkdirSync(path.join(repoRoot, "docs/images"), { recursive: true });
      copyFileSync(`${prefix}.png`, path.join(repoRoot, "docs/images/tracker-print.png"));
    }
  });
});
