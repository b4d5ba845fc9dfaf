/**
 * Commune trackers for the Drive-merge tests: real trackers (buildTracker over the seeds, for one unit each) rendered
 * into fake Google spreadsheets with the Sheets renderer, or into .xlsx bytes with the .xlsx renderer, with entries.
 */
import { parsePlanText, type Plan } from "../../shared/plan/index.js";
import { buildTracker } from "../../shared/workbook/build-tracker.js";
import { TASK_COLUMNS } from "../../shared/workbook/layout.js";
import type { WorkbookSpec } from "../../shared/workbook/spec.js";
import { renderWorkbook as renderXlsx } from "../../shared/xlsx/render.js";
import { renderWorkbook } from "../../apps-script/src/sheets/render.js";
import { CallLog } from "./fakes/calls.js";
import { FakeClock } from "./fakes/clock.js";
import { FakeUtilities } from "./fakes/services.js";
import { FakeSpreadsheetApp, SheetsWorld, type FakeSpreadsheet } from "./fakes/spreadsheet.js";
import { seedText } from "./plans.js";

const FIRST_TASK_ROW = 5;
let plan: Plan | null = null;

/** Seed 003's plan (18 tasks), parsed once. */
export function communePlan(): Plan {
  plan ??= parsePlanText(seedText("003"));
  return plan;
}

/** The tracker spec of one commune, with `done` tasks marked completed (date, result) in the spec itself. */
export function communeSpec(unit: string, done: number): WorkbookSpec {
  const spec = buildTracker(communePlan(), { unit, year: 2026, asOf: "2026-03-14" });
  const tasks = spec.sheets.find((s) => s.name === "Nhiệm vụ")!;
  const col = (key: string) => TASK_COLUMNS.findIndex((c) => c.key === key);
  for (let i = 0; i < done; i++) {
    const row = tasks.rows[FIRST_TASK_ROW - 1 + i]!;
    const cells = row.cells;
    const put = (key: string, v: unknown) => {
      const c = col(key);
      cells[c] = { ...(cells[c] ?? {}), v: v as never };
    };
    put("status", "Hoàn thành");
    put("progress", 100);
    put("completedOn", { kind: "date", iso: "2026-02-10" });
    put("result", `Kế hoạch số ${i + 1}/KH-UBND ngày 10/02/2026`);
  }
  return spec;
}

/** Renders a commune tracker into a fresh fake Google spreadsheet (its own call log: not the host's). */
export function communeSpreadsheet(unit: string, done: number, id: string): FakeSpreadsheet {
  const g = globalThis as Record<string, unknown>;
  const saved = { SpreadsheetApp: g.SpreadsheetApp, Utilities: g.Utilities };
  const log = new CallLog();
  const clock = new FakeClock();
  const world = new SheetsWorld(log, clock);
  g.SpreadsheetApp = new FakeSpreadsheetApp(world).api;
  g.Utilities = new FakeUtilities(log, clock).api;
  try {
    const ss = world.active;
    renderWorkbook(ss.api as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, communeSpec(unit, done), { protectedSheet: "", hiddenSheet: "" });
    const blank = ss._sheet("Trang tính1");
    if (blank) ss.sheets = ss.sheets.filter((s) => s !== blank);
    ss.name = `Sổ theo dõi ${unit}`;
    Object.assign(ss, { id });
    return ss;
  } finally {
    g.SpreadsheetApp = saved.SpreadsheetApp;
    g.Utilities = saved.Utilities;
  }
}

/** A commune tracker as .xlsx bytes. */
export function communeXlsx(unit: string, done: number): Promise<Uint8Array> {
  return renderXlsx(communeSpec(unit, done));
}
