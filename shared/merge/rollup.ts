/**
 * The province roll-up, streaming: files are added one at a time and only compact figures and task rows are kept,
 * so a caller can merge thousands of trackers without holding their workbooks (product.md, "Scale and speed").
 *
 * Nothing is dropped silently (product.md, capability 6): every task row read is either merged or listed with its
 * reason — a whole file of another year or template, an older duplicate submission, a second row with the same task
 * id, a row with entries but no id — and `accounting` counts them (read = merged + listed).
 */
import type { UnusableInputError } from "../errors.js";
import type { ReadEntriesResult } from "../entries/read.js";
import type { Entries, Entry, Finding } from "../entries/schema.js";
import { isoFromInstant } from "../entries/dates.js";
import { mergeFindingMessages as F, fileOutcomeLabels } from "../messages/merge.js";
import { canonicalUnit } from "../plan/units.js";
import type { IsoDate } from "../plan/schema.js";
import { standingOf } from "../summary/evaluate.js";
import { quarterPeriod, reportPeriod, type Quarter } from "../summary/periods.js";
import { emptyTotals, summarise, type Totals } from "../summary/summarise.js";
import { AREAS, SCHEMA_VERSION } from "../workbook/layout.js";
import type {
  AreaTotals,
  Duplicate,
  FileOutcome,
  FileReason,
  MergeFinding,
  MergedRow,
  PlanView,
  ProvinceRollup,
  RowReason,
  UnitReport,
} from "./schema.js";

/** Options of a roll-up: the reporting quarter, its year, the as-of date and the units expected to report. */
export interface RollupOptions {
  quarter: Quarter;
  year: number;
  /** Calendar date at UTC midnight; default the quarter's cut-off (domain.md, "Reporting periods and cut-off"). */
  asOf?: Date;
  /** Names of the units that must report (spelling variants compare equal: mergeUnitKey). */
  expected?: readonly string[];
}

/** A file handed to the roll-up: its name as shown to the user, and when it was saved (for duplicates). */
export interface RollupFile {
  name: string;
  modified?: Date;
}

/** What reading a file gave: its entries and findings, or the reason it could not be opened at all. */
export type RollupInput = ReadEntriesResult | { unusable: UnusableInputError };

/** A roll-up in progress. */
export interface Rollup {
  /** Adds one file's reading. */
  add(file: RollupFile, input: RollupInput): void;
  /** Notes a file that was not merged because it is not a tracker .xlsx at all (`message` says why). */
  addSkipped(file: string, message: string, reason?: "notXlsx" | "provinceWorkbook"): void;
  /** How many files were added so far. */
  readonly count: number;
  /** Ends the roll-up. */
  finish(): ProvinceRollup;
}

/** A submission that may be merged: one unit's file and figures. */
interface Submission {
  key: string;
  report: Omit<UnitReport, "rank" | "expected">;
  rows: MergedRow[];
  modifiedMs: number;
  outcome: InternalOutcome;
}

/** A file outcome with the row counts the accounting needs. */
interface InternalOutcome {
  public: FileOutcome;
  /** Rows of the file that figures were computed from (merged if the file is merged). */
  rows: number;
  /** Rows of the file dropped by the reader, by reason. */
  dropped: Record<RowReason, number>;
}

/** Finding codes of readEntries that stand for a row it did not return. */
const DROPPED_ROW_CODES: Record<string, RowReason> = { taskDuplicate: "duplicateTask", rowWithoutId: "noId" };

const AREA_ORDER = new Map<string, number>(AREAS.map((a, i) => [a, i]));

/**
 * The key that identifies a unit across files: its canonical spelling (NFC, new tone-mark placement, abbreviations,
 * "&", dashes and spacing normalised) in lower case. Unlike unitKey it keeps the diacritics: "xã Thanh Hà" and
 * "xã Thạnh Hà" are two communes, and folding them together would drop one's report as a duplicate.
 */
export function mergeUnitKey(name: string): string {
  return canonicalUnit(name).toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

const PLACE_HEAD = /^(xã|phường|thị trấn|thị xã|thành phố|huyện|tỉnh|đặc khu)(?=\s)/iu;

/** A unit's name as shown: canonical, with the place word in lower case as documents write it ("Xã An" → "xã An"). */
export function displayUnit(name: string): string {
  return canonicalUnit(name).replace(PLACE_HEAD, (head) => head.toLocaleLowerCase("vi"));
}

/** Vietnamese collation for unit and area names. */
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Adds counts of `b` into `a` (completion rate recomputed by finishTotals). */
export function addTotals(a: Totals, b: Totals): Totals {
  a.total += b.total;
  a.done += b.done;
  a.doneOnTime += b.doneOnTime;
  a.doneLate += b.doneLate;
  a.inProgress += b.inProgress;
  a.notStarted += b.notStarted;
  a.dropped += b.dropped;
  a.invalid += b.invalid;
  a.overdue += b.overdue;
  a.doneInPeriod += b.doneInPeriod;
  return a;
}

/** Sets the completion rate the way the summary does: done ÷ (total − dropped), 4 decimals, 0 when nothing is left. */
export function finishTotals(t: Totals): Totals {
  const base = t.total - t.dropped;
  t.completionRate = base > 0 ? Math.round((t.done / base) * 10_000) / 10_000 : 0;
  return t;
}

/** Orders areas as reports do: the seven reform areas in their order, then others by name, unclassified last. */
export function compareAreas(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ia = AREA_ORDER.get(a) ?? AREAS.length;
  const ib = AREA_ORDER.get(b) ?? AREAS.length;
  return ia - ib || collator.compare(a, b);
}

/**
 * Reads an expected-units list: one unit a line; blank lines, "#" comments and a leading number ("1.", "12)",
 * "3<tab>") are ignored, so a column pasted from a spreadsheet works as is.
 */
export function parseExpectedUnits(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const line = raw.normalize("NFC").replace(/^\s*\d+\s*[.)\t,;-]?\s+|^\s*\d+\s*[.)]\s*/, "").trim();
    if (!line || line.startsWith("#")) continue;
    // A spreadsheet row pasted with more columns: the name is the first non-numeric cell.
    const name = line.split("\t").map((c) => c.trim()).find((c) => c !== "" && !/^\d+$/.test(c)) ?? "";
    const key = mergeUnitKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(displayUnit(name));
  }
  return out;
}

/** Starts a roll-up. */
export function createRollup(opts: RollupOptions): Rollup {
  const period = quarterPeriod(opts.quarter, opts.year);
  const asOf: IsoDate = opts.asOf ? isoFromInstant(opts.asOf) : period.to;
  const asOfDate = new Date(`${asOf}T00:00:00Z`);
  const outcomes: InternalOutcome[] = [];
  const findings: MergeFinding[] = [];
  const kept = new Map<string, Submission>();
  const submittedFiles = new Map<string, string[]>();
  /** Strings repeated across units (titles, areas, units of shared plans) are stored once. */
  const interned = new Map<string, string>();
  const intern = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const found = interned.get(s);
    if (found !== undefined) return found as T;
    interned.set(s, s);
    return s;
  };
  let order = 0;

  const outcome = (file: string, unit: string | null, kind: FileOutcome["outcome"], rows: number, message: string, meta?: Entries["meta"]): InternalOutcome => {
    const o: InternalOutcome = {
      public: {
        file,
        unit,
        outcome: kind,
        rows,
        message,
        keptFile: null,
        year: meta?.year ?? null,
        schemaVersion: meta?.schemaVersion ?? null,
      },
      rows,
      dropped: { duplicateTask: 0, noId: 0 },
    };
    outcomes.push(o);
    return o;
  };
  const fileFinding = (file: string, severity: Finding["severity"], code: string, message: string, hint: string, sheet: string | null = null, cell: string | null = null) =>
    findings.push({ file, severity, sheet, cell, taskId: null, code, message, hint });

  const reject = (file: string, unit: string | null, reason: FileReason, rows: number, meta: Entries["meta"] | undefined, message: string) => {
    outcome(file, unit, reason, rows, message, meta);
  };

  const add = (file: RollupFile, input: RollupInput): void => {
    order++;
    const name = file.name;
    if ("unusable" in input) {
      const e = input.unusable;
      reject(name, null, "unusable", 0, undefined, e.message);
      fileFinding(name, "error", "unusableFile", e.message, F.unusableFile.hint(), e.location.sheet ?? null, e.location.cell ?? null);
      return;
    }
    for (const f of input.findings) findings.push({ ...f, file: name });
    const entries = input.entries;
    if (!entries) {
      reject(name, null, "noTaskTable", 0, undefined, fileOutcomeLabels.noTaskTable);
      return;
    }
    const meta = entries.meta;
    const unit = meta.unit ? displayUnit(meta.unit) : null;
    const closedRows = entries.closes.find((c) => c.quarter === opts.quarter && c.year === opts.year);
    const sourceRows: Entry[] = closedRows ? closedRows.rows : entries.rows;
    const dropped: Record<RowReason, number> = { duplicateTask: 0, noId: 0 };
    if (!closedRows) {
      for (const f of input.findings) {
        const reason = DROPPED_ROW_CODES[f.code];
        if (reason) dropped[reason]++;
      }
    }
    const rowsRead = sourceRows.length + dropped.duplicateTask + dropped.noId;

    if (meta.schemaVersion === null || meta.planId === null || meta.year === null) {
      reject(name, unit, "notTracker", rowsRead, meta, F.notMerged.message(rowsRead));
      return;
    }
    if (meta.schemaVersion !== SCHEMA_VERSION) {
      reject(name, unit, "otherTemplate", rowsRead, meta, F.notMerged.message(rowsRead));
      return;
    }
    if (meta.year !== opts.year) {
      const message = F.otherYear.message(meta.year, opts.year, rowsRead);
      reject(name, unit, "otherYear", rowsRead, meta, message);
      fileFinding(name, "error", "fileOtherYear", message, F.otherYear.hint());
      return;
    }
    if (!unit) {
      const message = F.noUnit.message(rowsRead);
      reject(name, null, "noUnit", rowsRead, meta, message);
      fileFinding(name, "error", "fileNoUnit", message, F.noUnit.hint());
      return;
    }

    const summary = summarise(entries, { quarter: opts.quarter, year: opts.year, asOf: asOfDate });
    const rows: MergedRow[] = sourceRows.map((e) => {
      const s = standingOf(e, summary.asOf, period);
      return {
        unit: intern(unit),
        file: name,
        id: intern(e.id),
        row: e.row,
        area: intern(e.area),
        title: intern(e.title),
        leads: e.leads.map(intern),
        deadlineText: intern(e.deadlineText),
        due: e.due,
        recurring: e.recurring,
        status: e.status,
        statusText: e.statusText === null ? null : intern(e.statusText),
        progress: e.progress,
        completedOn: e.completedOn,
        result: e.result,
        note: e.note,
        valid: e.valid,
        standing: s.standing,
        evaluation: s.evaluation,
        overdue: s.overdue,
        ...(meta.provinceTaskIds?.[e.id] ? { provinceTaskId: meta.provinceTaskIds[e.id] } : {}),
      };
    });
    const fileFindings = input.findings;
    const report: Submission["report"] = {
      unit,
      unitKey: mergeUnitKey(unit),
      file: name,
      modified: file.modified && Number.isFinite(file.modified.getTime()) ? file.modified.toISOString() : null,
      planId: meta.planId,
      planTitle: meta.planTitle,
      level: meta.level,
      year: meta.year,
      source: summary.source,
      totals: summary.totals,
      byArea: summary.byArea,
      errors: fileFindings.filter((f) => f.severity === "error").length,
      warnings: fileFindings.filter((f) => f.severity === "warning").length,
    };
    const o = outcome(name, unit, "merged", rowsRead, "", meta);
    o.dropped = dropped;
    const submission: Submission = {
      key: report.unitKey,
      report,
      rows,
      modifiedMs: file.modified?.getTime() ?? Number.NEGATIVE_INFINITY,
      outcome: o,
    };
    const files = submittedFiles.get(submission.key) ?? [];
    files.push(name);
    submittedFiles.set(submission.key, files);
    const previous = kept.get(submission.key);
    if (!previous) {
      kept.set(submission.key, submission);
      return;
    }
    // The newest submission wins; on equal (or unknown) times the one added later.
    const [winner, loser] = submission.modifiedMs >= previous.modifiedMs ? [submission, previous] : [previous, submission];
    kept.set(submission.key, winner);
    supersede(loser, winner);
  };

  const supersede = (loser: Submission, winner: Submission) => {
    const o = loser.outcome;
    o.public.outcome = "duplicate";
    o.public.keptFile = winner.report.file;
    o.public.message = F.duplicate.message(winner.report.unit, winner.report.file, o.rows);
    // All its rows (the reader's dropped ones too) are listed as a duplicate submission.
    fileFinding(loser.report.file, "warning", "fileDuplicate", o.public.message, F.duplicate.hint());
    loser.rows = [];
  };

  const finish = (): ProvinceRollup => {
    const expectedGiven = opts.expected !== undefined;
    const expectedKeys = new Map<string, string>();
    for (const name of opts.expected ?? []) {
      const key = mergeUnitKey(name);
      if (key && !expectedKeys.has(key)) expectedKeys.set(key, displayUnit(name));
    }

    // A unit on the expected list is shown with the list's spelling (the province's official names).
    for (const s of kept.values()) {
      const official = expectedKeys.get(s.key);
      if (official && official !== s.report.unit) {
        s.report.unit = official;
        const name = intern(official);
        for (const row of s.rows) row.unit = name;
        s.outcome.public.unit = official;
      }
    }

    // Rank by completion rate (equal rates share a rank), then by name for display.
    const submissions = [...kept.values()];
    submissions.sort((a, b) => b.report.totals.completionRate - a.report.totals.completionRate || collator.compare(a.report.unit, b.report.unit));
    const units: UnitReport[] = [];
    let rank = 0;
    submissions.forEach((s, i) => {
      if (i === 0 || s.report.totals.completionRate !== submissions[i - 1]!.report.totals.completionRate) rank = i + 1;
      const expected = !expectedGiven || expectedKeys.has(s.key);
      units.push({ ...s.report, rank, expected });
      if (!expected) {
        fileFinding(s.report.file, "warning", "unitUnexpected", F.unexpected.message(s.report.unit), F.unexpected.hint());
      }
    });

    const missing = [...expectedKeys.entries()].filter(([key]) => !kept.has(key)).map(([, name]) => name);
    missing.sort(collator.compare);

    const duplicates: Duplicate[] = [];
    for (const [key, files] of submittedFiles) {
      if (files.length < 2) continue;
      const k = kept.get(key)!;
      duplicates.push({ unit: k.report.unit, files, kept: k.report.file });
    }

    // Province figures: every unit's figures added up, overall and by area.
    const totals = emptyTotals();
    const areaMap = new Map<string | null, Totals>();
    for (const u of units) {
      addTotals(totals, u.totals);
      for (const a of u.byArea) {
        const t = areaMap.get(a.area) ?? emptyTotals();
        addTotals(t, a.totals);
        areaMap.set(a.area, t);
      }
    }
    finishTotals(totals);
    const areas = [...areaMap.keys()].sort(compareAreas);
    const byArea: AreaTotals[] = areas.map((area) => ({ area, totals: finishTotals(areaMap.get(area)!) }));

    // Rows grouped by unit (name order) so the detail sheet reads unit by unit.
    const byName = [...submissions].sort((a, b) => collator.compare(a.report.unit, b.report.unit));
    const rows: MergedRow[] = [];
    for (const s of byName) for (const r of s.rows) rows.push(r);

    const accounting = { files: outcomes.length, rowsRead: 0, rowsMerged: 0, rowsListed: 0, listed: {} as Record<string, number> };
    const list = (reason: string, n: number) => {
      if (n <= 0) return;
      accounting.listed[reason] = (accounting.listed[reason] ?? 0) + n;
      accounting.rowsListed += n;
    };
    for (const o of outcomes) {
      const droppedRows = o.dropped.duplicateTask + o.dropped.noId;
      accounting.rowsRead += o.rows;
      if (o.public.outcome === "merged") {
        accounting.rowsMerged += o.rows - droppedRows;
        list("duplicateTask", o.dropped.duplicateTask);
        list("noId", o.dropped.noId);
      } else {
        list(o.public.outcome, o.rows);
      }
    }

    return {
      period: { label: period.label, from: period.from, to: period.to, quarter: opts.quarter, year: opts.year },
      report: reportPeriod(opts.quarter, opts.year),
      asOf,
      units,
      totals,
      byArea,
      areas,
      rows,
      missing,
      expectedGiven,
      duplicates,
      files: outcomes.map((o) => o.public),
      findings,
      planViews: planViews(byName),
      accounting,
    };
  };

  return {
    add,
    addSkipped(file: string, message: string, reason: "notXlsx" | "provinceWorkbook" = "notXlsx") {
      order++;
      reject(file, null, reason, 0, undefined, message);
      fileFinding(file, "warning", reason === "notXlsx" ? "fileNotXlsx" : "fileProvinceWorkbook", message, reason === "notXlsx" ? F.notXlsx.hint() : F.notXlsx.provinceHint());
    },
    get count() {
      return order;
    },
    finish,
  };
}

/** The task × unit view of every plan that two or more merged units track. */
function planViews(submissions: Submission[]): PlanView[] {
  const byPlan = new Map<string, Submission[]>();
  for (const s of submissions) {
    if (!s.report.planId) continue;
    const list = byPlan.get(s.report.planId) ?? [];
    list.push(s);
    byPlan.set(s.report.planId, list);
  }
  const views: PlanView[] = [];
  for (const [planId, subs] of byPlan) {
    if (subs.length < 2) continue;
    const tasks = new Map<string, { id: string; title: string; area: string | null; cells: PlanView["tasks"][number]["cells"]; done: number }>();
    subs.forEach((s, i) => {
      for (const r of s.rows) {
        let t = tasks.get(r.id);
        if (!t) {
          t = { id: r.id, title: r.title, area: r.area, cells: new Array(subs.length).fill(null), done: 0 };
          tasks.set(r.id, t);
        }
        t.cells[i] = { standing: r.standing, evaluation: r.evaluation, statusText: r.statusText ?? r.status };
        if (r.standing === "doneOnTime" || r.standing === "doneLate") t.done++;
      }
    });
    views.push({ planId, planTitle: subs[0]!.report.planTitle, units: subs.map((s) => s.report.unit), tasks: [...tasks.values()] });
  }
  views.sort((a, b) => b.units.length - a.units.length || collator.compare(a.planTitle ?? "", b.planTitle ?? ""));
  return views;
}
