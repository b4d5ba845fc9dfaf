/**
 * Reading a province workbook back (for `cchc export` of a province file): its _meta, the units of Tổng hợp, the task
 * rows of Chi tiết and the units of Chưa nộp — located by header text, so a user's sorting, filtering or extra
 * columns do not matter — and turning them into a roll-up again, for any quarter or as-of date.
 */
import { UnusableInputError } from "../errors.js";
import { readDateCell } from "../entries/dates.js";
import type { Grid, GridSheet, GridValue } from "../entries/grid.js";
import { findMetaSheet } from "../entries/meta.js";
import { foldKey, tidyText } from "../entries/normalize.js";
import { matchStatus } from "../entries/read.js";
import type { Entries, Entry } from "../entries/schema.js";
import { provinceReadMessages as R } from "../messages/export.js";
import { provinceWorkbookMessages as M } from "../messages/merge.js";
import type { IsoDate } from "../plan/schema.js";
import { isQuarter, type Quarter } from "../summary/periods.js";
import { SCHEMA_VERSION, SHEET, STATUSES } from "../workbook/layout.js";
import { PROVINCE_KIND } from "./province-workbook.js";
import { createRollup } from "./rollup.js";
import type { ProvinceRollup } from "./schema.js";

/** What a province workbook holds, enough to compute its report again. */
export interface ProvinceWorkbookData {
  quarter: Quarter;
  year: number;
  asOf: IsoDate;
  expectedGiven: boolean;
  units: Array<{ unit: string; file: string }>;
  /** Task rows by unit (in the order of Chi tiết). */
  rows: Array<Entry & { unit: string; file: string }>;
  missing: string[];
}

function metaOf(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of findMetaSheet(grid)?.values ?? []) {
    const k = row?.[0];
    const v = row?.[1];
    if (typeof k === "string" && v !== null && v !== undefined) out.set(k.trim(), v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
  }
  return out;
}

const NOT_FOR_REPORTS = new Set(
  [SHEET.guide, SHEET.lists, SHEET.check, M.sheets.byArea, M.sheets.taskByUnit, M.sheets.rejected, M.sheets.findings].map(foldKey),
);

/**
 * Whether a sheet can matter to a report of a tracker or of a province workbook: a tracker's task, close and _meta
 * sheets; a province workbook's Tổng hợp, Chi tiết, Chưa nộp and _meta. The others (guides, lists, the check sheet,
 * summary sheets, the province's derived sheets) are recomputed, so a large province file need not be read whole.
 */
export function isReportSheet(name: string): boolean {
  const key = foldKey(name);
  return !NOT_FOR_REPORTS.has(key) && !(key.startsWith("tonghop") && key !== foldKey(M.sheets.summary));
}

/** True when a Grid is a province workbook written by buildProvinceWorkbook (its _meta says kind = province). */
export function isProvinceGrid(grid: Grid): boolean {
  return metaOf(grid).get("kind") === PROVINCE_KIND;
}

function sheetNamed(grid: Grid, name: string): GridSheet | undefined {
  return grid.sheets.find((s) => foldKey(s.name) === foldKey(name));
}

/** Finds the header row (within the first 30 rows) holding all `required` headers; column index by folded header. */
function locate(sheet: GridSheet, required: readonly string[]): { row: number; col: Map<string, number> } | null {
  const want = required.map(foldKey);
  for (let r = 0; r < Math.min(sheet.values.length, 30); r++) {
    const col = new Map<string, number>();
    (sheet.values[r] ?? []).forEach((v, c) => {
      if (typeof v === "string" && !col.has(foldKey(v))) col.set(foldKey(v), c);
    });
    if (want.every((w) => col.has(w))) return { row: r, col };
  }
  return null;
}

function str(v: GridValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = tidyText(String(v));
  return s === "" ? null : s;
}

function dateOf(v: GridValue | undefined): IsoDate | null {
  const d = readDateCell(v ?? null);
  return d.kind === "date" ? d.iso : null;
}

/** Reads a province workbook; throws UnusableInputError naming the sheet when a part it needs is missing. */
export function readProvinceWorkbook(grid: Grid): ProvinceWorkbookData {
  const file = grid.file;
  const meta = metaOf(grid);
  const quarter = Number(meta.get("quarter"));
  const year = Number(meta.get("year"));
  const asOf = meta.get("asOf") ?? "";
  if (meta.get("kind") !== PROVINCE_KIND || !isQuarter(quarter) || !Number.isInteger(year) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new UnusableInputError(R.badMeta(file ?? ""), { file, sheet: "_meta" });
  }
  const H = M.detailHeaders;
  const detail = sheetNamed(grid, M.sheets.detail);
  const at = detail ? locate(detail, [H[1], H[2], H[4], H[8]]) : null;
  if (!detail || !at) throw new UnusableInputError(R.missingSheet(file ?? "", M.sheets.detail), { file, sheet: M.sheets.detail });
  const c = (h: string) => at.col.get(foldKey(h));
  const cols = {
    unit: c(H[1]),
    id: c(H[2]),
    area: c(H[3]),
    title: c(H[4]),
    leads: c(H[5]),
    deadlineText: c(H[6]),
    due: c(H[7]),
    status: c(H[8]),
    progress: c(H[9]),
    completedOn: c(H[10]),
    result: c(H[11]),
    note: c(H[12]),
    valid: c(H[14]),
    file: c(H[15]),
    row: c(H[16]),
  };
  const get = (row: GridValue[], k: keyof typeof cols) => (cols[k] === undefined ? null : row[cols[k]!] ?? null);
  const rows: ProvinceWorkbookData["rows"] = [];
  for (let r = at.row + 1; r < detail.values.length; r++) {
    const v = detail.values[r] ?? [];
    const unit = str(get(v, "unit"));
    const id = str(get(v, "id"));
    if (!unit || !id) continue;
    const statusText = str(get(v, "status"));
    const m = statusText ? matchStatus(statusText) : null;
    const due = dateOf(get(v, "due"));
    const progress = get(v, "progress");
    const rowNo = get(v, "row");
    rows.push({
      unit,
      file: str(get(v, "file")) ?? "",
      id,
      row: typeof rowNo === "number" ? rowNo : r + 1,
      area: str(get(v, "area")),
      title: str(get(v, "title")) ?? "",
      requirement: null,
      leads: (str(get(v, "leads")) ?? "").split(/;\s*/).filter((x) => x !== ""),
      partners: [],
      deadlineText: str(get(v, "deadlineText")),
      due,
      recurring: due === null,
      // An empty status cell means Chưa triển khai, as in the tracker.
      status: statusText === null ? STATUSES[0] : m ? m.status : null,
      statusText,
      progress: typeof progress === "number" ? progress : null,
      completedOn: dateOf(get(v, "completedOn")),
      result: str(get(v, "result")),
      note: str(get(v, "note")),
      updated: null,
      valid: str(get(v, "valid")) !== M.invalid,
    });
  }

  const units: ProvinceWorkbookData["units"] = [];
  const summary = sheetNamed(grid, M.sheets.summary);
  const S = M.summaryHeaders;
  const sAt = summary ? locate(summary, [S[1], S[15]]) : null;
  if (summary && sAt) {
    const uc = sAt.col.get(foldKey(S[1]))!;
    const fc = sAt.col.get(foldKey(S[15]))!;
    for (let r = sAt.row + 1; r < summary.values.length; r++) {
      const v = summary.values[r] ?? [];
      const name = str(v[uc]);
      const f = str(v[fc]);
      if (!name || !f) continue;
      units.push({ unit: name.endsWith(M.notExpected.trim()) ? name.slice(0, name.lastIndexOf(M.notExpected)).trim() : name, file: f });
    }
  }
  // Units with rows but no summary line (a user deleted it) still count.
  const known = new Set(units.map((u) => u.unit));
  for (const row of rows) {
    if (!known.has(row.unit)) {
      known.add(row.unit);
      units.push({ unit: row.unit, file: row.file });
    }
  }

  const missing: string[] = [];
  const missingSheet = sheetNamed(grid, M.sheets.missing);
  const mAt = missingSheet ? locate(missingSheet, [M.missingHeaders[1]]) : null;
  if (missingSheet && mAt) {
    const uc = mAt.col.get(foldKey(M.missingHeaders[1]))!;
    for (let r = mAt.row + 1; r < missingSheet.values.length; r++) {
      const name = str(missingSheet.values[r]?.[uc]);
      if (name && typeof missingSheet.values[r]?.[0] === "number") missing.push(name);
    }
  }
  return { quarter, year, asOf, expectedGiven: meta.get("expectedGiven") === "1", units, rows, missing };
}

/** Computes a roll-up again from a province workbook's rows (for another quarter or as-of date if asked). */
export function rollupFromProvince(data: ProvinceWorkbookData, opts: { quarter?: Quarter; year?: number; asOf?: Date } = {}): ProvinceRollup {
  const quarter = opts.quarter ?? data.quarter;
  const year = opts.year ?? data.year;
  const sameQuarter = quarter === data.quarter && year === data.year;
  const asOf = opts.asOf ?? (sameQuarter ? new Date(`${data.asOf}T00:00:00Z`) : undefined);
  const rollup = createRollup({
    quarter,
    year,
    ...(asOf ? { asOf } : {}),
    ...(data.expectedGiven ? { expected: [...data.units.map((u) => u.unit), ...data.missing] } : {}),
  });
  const byUnit = new Map<string, Entry[]>();
  for (const r of data.rows) {
    const { unit: _unit, file: _file, ...entry } = r;
    const list = byUnit.get(r.unit) ?? [];
    list.push(entry);
    byUnit.set(r.unit, list);
  }
  data.units.forEach((u, i) => {
    const entries: Entries = {
      file: u.file,
      meta: {
        schemaVersion: SCHEMA_VERSION,
        // Each unit its own plan: the province file does not say which units share one.
        planId: `province-unit-${i + 1}`,
        unit: u.unit,
        level: null,
        year,
        planTitle: null,
        periodFrom: null,
        periodTo: null,
        createdBy: null,
        taskIds: null,
      },
      sheet: M.sheets.detail,
      headerRow: 1,
      rows: byUnit.get(u.unit) ?? [],
      closes: [],
    };
    rollup.add({ name: u.file }, { entries, findings: [] });
  });
  return rollup.finish();
}
