/**
 * Entries written by programs nobody here wrote (quality.md, "Real clients"): a tracker filled by openpyxl
 * (Debian's python3) with a known mix of good and bad entries gets exactly the expected findings at the right
 * cells, a clean one exits 0, the same file re-saved by LibreOffice gives the same findings, summary figures
 * equal the hand-computed table, and the summary workbook — read back by openpyxl — keeps every value,
 * validation, conditional format, protection, sheet state and defined name, and passes the OOXML schema check.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { Summary } from "../../shared/summary/summarise.js";
import { columnOf, trackerBytes } from "../shared/entries/tracker-file.js";
import { inspectXlsx } from "../shared/entries/xlsx-inspect.js";
import { A, B, C, ROWS, fixturePlan } from "../shared/summary/fixture.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(repoRoot, "test/.tmp/clients-entries");
const profile = path.join(work, "lo-profile");
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const ooxmlCheck = path.resolve(repoRoot, "../shared/tools/ooxml-check");

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: "utf-8", timeout: 240_000, ...opts });
  return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

/** openpyxl fills task rows by column number (test/clients/py/fill_cells.py). */
const FILL = path.join(repoRoot, "test/clients/py/fill_cells.py");

/** openpyxl's view of a workbook: sheets, states, protection, values, validations, conditional formats, names. */
const DUMP = String.raw`
import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [], "names": sorted(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else sorted(n.name for n in wb.defined_names.definedName)}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                v = c.value
                cells[c.coordinate] = v.strftime("%Y-%m-%d") if isinstance(v, datetime.datetime) else v
    dv = sorted(f"{d.type}|{d.formula1}|{d.sqref}" for d in ws.data_validations.dataValidation)
    cf = sorted(f"{rng.sqref}|{r.type}" for rng in ws.conditional_formatting for r in rng.rules)
    out["sheets"].append({"name": ws.title, "state": ws.sheet_state, "protected": bool(ws.protection.sheet), "cells": cells,
        "validations": dv, "conditionalFormats": cf, "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        "freeze": ws.freeze_panes})
print(json.dumps(out, ensure_ascii=False, default=str))
`;

function python(script: string, args: string[]): string {
  // A script is either a file of test/clients/py or inline source.
  const r = run(PYTHON, script.endsWith(".py") ? [script, ...args] : ["-c", script, ...args]);
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}

function soffice(args: string[]) {
  const r = run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd: work });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

const letter = (key: Parameters<typeof columnOf>[0]) => String.fromCharCode(64 + columnOf(key));
/** Task n of the fixture plan sits on row 4 + n (no group rows). */
const at = (key: Parameters<typeof columnOf>[0], task: number) => `${letter(key)}${4 + task}`;
const cols = (cells: Partial<Record<Parameters<typeof columnOf>[0], unknown>>) =>
  Object.fromEntries(Object.entries(cells).map(([k, v]) => [String(columnOf(k as Parameters<typeof columnOf>[0])), v]));

const MIXED = {
  "1": cols({ status: "Hoàn thành", progress: 100, completedOn: { date: "2026-03-20" }, result: "Kế hoạch số 12/KH-UBND" }),
  "2": cols({ status: "Hoàn thành", progress: 100, completedOn: { date: "2026-07-10" } }),
  "3": cols({ status: "Đang làm" }),
  "4": cols({ status: "Đang thực hiện", progress: 150 }),
  "5": cols({ status: "Đang thực hiện", progress: 45.5 }),
  "6": cols({ status: "Hoàn thành", progress: 90, completedOn: { date: "2026-06-15" }, result: "Báo cáo số 3" }),
  "7": cols({ status: "Không thực hiện" }),
  "8": cols({ status: "Hoàn thành", progress: 100, completedOn: "15/9/2026", result: "Quyết định số 8" }),
  "9": cols({ status: "Hoàn thành", progress: 100, completedOn: { date: "2026-10-05" }, result: "Quyết định số 9" }),
  "10": cols({ status: "Hoàn thành", progress: 100, completedOn: { date: "2025-11-01" }, result: "Quyết định số 10" }),
  "11": cols({ status: "Đang thực hiện", progress: { formula: "=20+30" } }),
  "12": cols({ status: "Hoàn thành", progress: 100, result: "Công văn số 12" }),
  "13": cols({ status: "hoàn thành", progress: 100, completedOn: { date: "2026-08-01" }, result: "Kế hoạch số 13" }),
  "14": cols({ status: "Đang thực hiện", note: { formula: '=HYPERLINK("http://example.invalid","bấm")' } }),
};

/** What `cchc check --as-of 2026-09-30` must say of MIXED: [severity, code, cell, task]. */
const EXPECTED: Array<[string, string, string, string]> = [
  ["error", "doneWithoutResult", at("result", 2), "2"],
  ["error", "statusInvalid", at("status", 3), "3"],
  ["error", "progressOutOfRange", at("progress", 4), "4"],
  ["error", "progressNotWhole", at("progress", 5), "5"],
  ["error", "doneProgressBelow100", at("progress", 6), "6"],
  ["error", "droppedWithoutReason", at("note", 7), "7"],
  ["warning", "dateAsText", at("completedOn", 8), "8"],
  ["error", "completedAfterAsOf", at("completedOn", 9), "9"],
  ["error", "completedBeforePeriod", at("completedOn", 10), "10"],
  ["error", "formulaInEntry", at("progress", 11), "11"],
  ["error", "doneWithoutDate", at("completedOn", 12), "12"],
  ["warning", "statusNotExact", at("status", 13), "13"],
  ["error", "formulaInEntry", at("note", 14), "14"],
];

/** The hand-computed table's entries (test/shared/summary/fixture.ts) as openpyxl cell values. */
function fixtureSpec(): Record<string, Record<string, unknown>> {
  const spec: Record<string, Record<string, unknown>> = {};
  for (const r of ROWS) {
    const cells: Record<string, unknown> = {};
    for (const key of ["status", "progress", "completedOn", "result", "note"] as const) {
      const v = r[key];
      if (v === null || v === undefined) continue;
      cells[String(columnOf(key))] = v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v;
    }
    spec[String(r.id)] = cells;
  }
  return spec;
}

let blank: string;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  blank = path.join(work, "blank.xlsx");
  writeFileSync(blank, await trackerBytes(fixturePlan()));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type FindingJson = { severity: string; code: string; cell: string | null; taskId: string | null; sheet: string | null };

describe("cchc check on trackers filled by openpyxl", () => {
  it("finds exactly the expected errors, each at its cell", async () => {
    const mixed = path.join(work, "mixed.xlsx");
    python(FILL, [blank, mixed, JSON.stringify(MIXED)]);
    const r = await cli(["check", mixed, "--as-of", "2026-09-30", "--json"]);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: FindingJson[] }).findings;
    const got = findings.map((f) => [f.severity, f.code, f.cell, f.taskId]);
    const order = (x: unknown[]) => `${String(x[3]).padStart(3, "0")}|${x[2]}|${x[1]}`;
    expect(got.sort((x, y) => order(x).localeCompare(order(y)))).toEqual([...EXPECTED].sort((x, y) => order(x).localeCompare(order(y))));
    for (const f of findings) expect(f.sheet).toBe("Nhiệm vụ");
  });

  it("exits 0 on a clean tracker", async () => {
    const clean = path.join(work, "clean.xlsx");
    python(FILL, [
      blank,
      clean,
      JSON.stringify({
        "1": cols({ status: "Hoàn thành", progress: 100, completedOn: { date: "2026-03-20" }, result: "Kế hoạch số 12/KH-UBND" }),
        "3": cols({ status: "Đang thực hiện", progress: 40 }),
        "7": cols({ status: "Không thực hiện", note: "Không bố trí được kinh phí" }),
      }),
    ]);
    const r = await cli(["check", clean, "--as-of", "2026-09-30"]);
    expect(r.out).toContain("không có lỗi");
    expect(r.code).toBe(0);
  });

  it("gives the same findings after LibreOffice re-saves the file", async () => {
    const mixed = path.join(work, "mixed.xlsx");
    if (!existsSync(mixed)) python(FILL, [blank, mixed, JSON.stringify(MIXED)]);
    const outDir = path.join(work, "lo");
    soffice(["--convert-to", "xlsx", "--outdir", outDir, mixed]);
    const resaved = path.join(outDir, "mixed.xlsx");
    const a = (JSON.parse((await cli(["check", mixed, "--as-of", "2026-09-30", "--json"])).out) as { findings: FindingJson[] }).findings;
    const b = (JSON.parse((await cli(["check", resaved, "--as-of", "2026-09-30", "--json"])).out) as { findings: FindingJson[] }).findings;
    const key = (f: FindingJson) => `${f.severity}|${f.code}|${f.cell}|${f.taskId}`;
    expect(b.map(key).sort()).toEqual(a.map(key).sort());
  });
});

describe("cchc summary on a tracker filled by openpyxl", () => {
  let filled: string;
  beforeAll(() => {
    filled = path.join(work, "fixture.xlsx");
    python(FILL, [blank, filled, JSON.stringify(fixtureSpec())]);
  });

  it("equals the hand-computed table", async () => {
    const r = await cli(["summary", filled, "--quarter", "3", "--json"]);
    const s = Summary.parse(JSON.parse(r.out));
    expect(s.totals).toEqual({
      total: 18, done: 6, doneOnTime: 4, doneLate: 2, inProgress: 5, notStarted: 4, dropped: 2, invalid: 1,
      overdue: 1, doneInPeriod: 4, completionRate: 0.375,
    });
    expect(s.byLead.map((g) => [g.unit, g.totals.total, g.totals.done, g.totals.overdue])).toEqual([[A, 7, 4, 0], [B, 6, 3, 1], [C, 6, 0, 0]]);
    expect(s.overdueTasks).toEqual(["3"]);
    expect(s.dueNextPeriod).toEqual(["4", "9", "15", "18"]);
  });

  it.each([
    ["saved by openpyxl", (f: string) => f],
    [
      "re-saved by LibreOffice",
      (f: string) => {
        const outDir = path.join(work, "lo-fixture");
        soffice(["--convert-to", "xlsx", "--outdir", outDir, f]);
        return path.join(outDir, path.basename(f));
      },
    ],
  ])("keeps every entry and format of a tracker %s (openpyxl reads before and after)", async (_name, source) => {
    const input = source(filled);
    const output = path.join(work, `summary-${_name.replace(/\W+/g, "-")}.xlsx`);
    const r = await cli(["summary", input, "--quarter", "3", "--close", "-o", output]);
    expect(r.code).toBe(1);
    const before = JSON.parse(python(DUMP, [input])) as { sheets: Array<Record<string, unknown> & { name: string }>; names: string[] };
    const after = JSON.parse(python(DUMP, [output])) as typeof before;
    for (const sheet of before.sheets) {
      const kept = after.sheets.find((s) => s.name === sheet.name);
      expect(kept, sheet.name).toEqual(sheet);
    }
    for (const name of before.names) expect(after.names).toContain(name);
    const names = after.sheets.map((s) => s.name);
    expect(names).toContain("Tổng hợp Quý III-2026");
    const close = after.sheets.find((s) => s.name === "Chốt Quý III-2026")!;
    expect(close.protected).toBe(true);
    // Our own XML-level view agrees (locked cells, data bars, effective protection).
    const a = inspectXlsx(new Uint8Array(readFileSync(input)));
    const b = inspectXlsx(new Uint8Array(readFileSync(output)));
    for (const sheet of a.sheets) {
      const kept = b.sheets.find((s) => s.name === sheet.name)!;
      expect({ ...kept, conditionalFormats: [] }).toEqual({ ...sheet, conditionalFormats: [] });
      // Every rule is kept. LibreOffice's x14 data-bar extension (gradient, axis) is not linked the way exceljs
      // expects and is dropped; the data bar itself (range, bounds, colour) stays.
      for (const cf of sheet.conditionalFormats.filter((c) => !c.startsWith("x14bar|"))) expect(kept.conditionalFormats).toContain(cf);
      for (const bar of sheet.conditionalFormats.filter((c) => c.startsWith("x14bar|"))) {
        const range = bar.split("|")[1]!;
        expect(kept.conditionalFormats.some((c) => c.startsWith(`${range}|dataBar|`))).toBe(true);
      }
    }
    // The output is schema-valid and LibreOffice opens it.
    const check = run(PYTHON, [ooxmlCheck, output]);
    expect(check.stdout + check.stderr).toContain("0 schema problems");
    soffice(["--convert-to", "pdf", "--outdir", path.join(work, "pdf"), output]);
    expect(existsSync(path.join(work, "pdf", path.basename(output).replace(/\.xlsx$/, ".pdf")))).toBe(true);
  });
});
