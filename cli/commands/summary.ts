/**
 * `cchc summary <tracker.xlsx> --quarter N [--year Y] [--as-of D] [-o out.xlsx | --in-place] [--close] [--json]`:
 * the quarterly summary of a tracker, printed, and written as a "Tổng hợp Quý …" sheet into a copy of the
 * workbook (-o) or into the workbook itself (--in-place, after a backup "<name>.bak.xlsx"). --close also freezes
 * the quarter ("Chốt Quý …"). Every other sheet, cell, validation and format of the workbook is kept.
 * Exit 0 clean, 1 when the tracker has errors (the summary is still written unless they make it meaningless),
 * 2 for an unusable file or arguments.
 */
import { copyFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { formatViDate } from "../../shared/entries/dates.js";
import { readEntries } from "../../shared/entries/read.js";
import type { Entries, Finding } from "../../shared/entries/schema.js";
import { UnusableInputError, UsageError } from "../../shared/errors.js";
import { commonMessages as C, summaryMessages as M } from "../../shared/messages/index.js";
import { buildCloseSheet } from "../../shared/summary/close.js";
import { closeSheetName } from "../../shared/summary/periods.js";
import { closedQuarterOf, summarise, type Summary, type Totals } from "../../shared/summary/summarise.js";
import { buildSummarySheet } from "../../shared/summary/summary-sheet.js";
import { loadXlsx, preserveOnSave, workbookToGrid, type PreserveResult } from "../../shared/xlsx/read.js";
import { renderSheetsInto, writeWorkbook } from "../../shared/xlsx/render.js";
import { readInputFile, writeOutputFile } from "../files.js";
import { entriesFingerprint, findInputClash, refuseFilledTracker, refuseInputAsOutput } from "../guard.js";
import { emitJson, withFindings } from "../output.js";
import type { CliIo } from "../io.js";
import { localToday, parseAsOfOption, parseOptions, parseQuarterOption, parseYearOption, refuseYearOutsidePlan } from "../options.js";
import { printFindings } from "./check.js";

/** Findings that make a summary meaningless: no task table, a template we cannot read, a missing key column. */
function blocking(findings: readonly Finding[], entries: Entries | null): boolean {
  if (!entries) return true;
  return findings.some((f) => f.code === "unknownVersion" || (f.code === "headerMissing" && f.severity === "error"));
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toString().replace(".", ",")}%`;
}

/** The summary as readable Vietnamese lines. */
export function formatSummary(s: Summary): string {
  const lines: string[] = [];
  lines.push(M.headline(s.period.label, formatViDate(s.period.from), formatViDate(s.period.to), formatViDate(s.asOf)));
  lines.push(M.totals(s.totals, percent(s.totals.completionRate)));
  const group = (title: string, rows: Array<{ name: string; totals: Totals }>) => {
    lines.push(title);
    for (const r of rows) lines.push(M.line(r.name, r.totals.done, r.totals.total, percent(r.totals.completionRate)));
  };
  group(M.byAreaTitle, s.byArea.map((g) => ({ name: g.area ?? "—", totals: g.totals })));
  group(M.byLeadTitle, s.byLead.map((g) => ({ name: g.unit ?? "—", totals: g.totals })));
  lines.push(M.overdueList(s.overdueTasks.join(", ") || M.noneList));
  lines.push(M.nextList(s.dueNextPeriod.join(", ") || M.noneList));
  return lines.join("\n") + "\n";
}

/** Runs `cchc summary`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(
    argv,
    {
      quarter: { type: "string", short: "q" },
      year: { type: "string" },
      "as-of": { type: "string" },
      output: { type: "string", short: "o" },
      "in-place": { type: "boolean", default: false },
      close: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    M.usage,
  );
  const v = parsed.values;
  if (v.help) {
    io.out(M.usage + "\n");
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new UsageError(`${C.badOption(parsed.positionals.join(" ") || "—")}\n${M.usage}`);
  if (v.quarter === undefined) throw new UsageError(`${M.quarterRequired}\n${M.usage}`);
  const quarter = parseQuarterOption(v.quarter);
  const yearOption = v.year !== undefined ? parseYearOption(v.year) : undefined;
  const asOf = v["as-of"] !== undefined ? parseAsOfOption(v["as-of"]) : undefined;
  if (v.output !== undefined && v["in-place"]) throw new UsageError(M.outputConflict);
  // -o naming the tracker itself is refused (it would replace it without the backup --in-place makes); with --force
  // it is --in-place.
  if (v.output !== undefined && !v["in-place"]) await refuseInputAsOutput(v.output, [file], v.force);
  const inPlace = v["in-place"] || (v.output !== undefined && (await findInputClash(v.output, [file])) !== null);
  const output = inPlace ? file : v.output;
  if (v.close && output === undefined) throw new UsageError(M.closeNeedsOutput);

  const today = localToday(io.now());
  const bytes = await readInputFile(file);
  const wb = await loadXlsx(bytes, { file });
  // A sheet without <sheetViews> (valid; some writers omit it) loads with views = null, which the renderer's
  // tab selection does not expect.
  for (const ws of wb.worksheets) if (!Array.isArray(ws.views)) ws.views = [];
  // Completion dates are checked against today: a summary of a past quarter legitimately has later completions.
  let { entries, findings } = readEntries(workbookToGrid(wb, { file }), { asOf: today });
  const errors = () => findings.filter((f) => f.severity === "error").length;
  const report = () => {
    if (findings.length === 0) return;
    const out = v.json ? io.err : io.out;
    out(M.findingsTitle(file, errors(), findings.length - errors()) + "\n");
    printFindings(findings, { ...io, out });
  };
  if (blocking(findings, entries)) {
    io.err(M.cannotSummarise(file) + "\n");
    report();
    if (v.json) emitJson(io, { file, summary: null, findings });
    return 1;
  }
  if (yearOption !== undefined) refuseYearOutsidePlan(yearOption, entries!.meta.periodFrom, entries!.meta.periodTo);
  const year = yearOption ?? entries!.meta.year;
  if (year === null) {
    report();
    throw withFindings(new UsageError(M.yearUnknown(file)), findings);
  }

  const notes: string[] = [];
  if (v.close) {
    const existing = closedQuarterOf(entries!, quarter, year);
    if (existing) notes.push(M.alreadyClosed(existing.sheet));
    else {
      renderSheetsInto(wb, buildCloseSheet(entries!, { quarter, year, asOf, closedOn: io.now() }));
      notes.push(M.wroteClose(closeSheetName(quarter, year)));
      // Read the frozen sheet back, so the summary below comes from it exactly as a later run would.
      ({ entries, findings } = readEntries(workbookToGrid(wb, { file }), { asOf: today }));
    }
  }
  const closed = closedQuarterOf(entries!, quarter, year);
  if (closed && asOf && closed.asOf !== formatIso(asOf)) notes.push(M.closedAsOfIgnored(closed.sheet, formatViDate(closed.asOf)));
  else if (closed && !v.close) notes.push(M.usedClosed(closed.sheet));
  const summary = summarise(entries!, { quarter, year, ...(asOf ? { asOf } : {}) });
  // A mistyped --year gives an all-"not started" (or all-overdue) report that looks plausible: say so.
  const { periodFrom, periodTo } = entries!.meta;
  if (periodFrom && periodTo && (summary.period.to < periodFrom || summary.period.from > periodTo)) {
    notes.push(M.periodOutsidePlan(summary.period.label, formatViDate(periodFrom), formatViDate(periodTo)));
  }

  if (output !== undefined && !inPlace) await refuseFilledTracker(output, v.force, entriesFingerprint(entries!));
  if (output !== undefined) {
    const spec = buildSummarySheet(summary, entries!);
    spec.activeSheet = spec.sheets[0]!.name;
    renderSheetsInto(wb, spec, { replace: true });
    if (inPlace) {
      const backup = backupName(file);
      await copyOrFail(file, backup);
      notes.push(M.backup(backup));
    }
    const saved = await saveWorkbook(wb, bytes);
    if (saved.lost.length > 0) notes.push(M.lostParts(saved.lost.join(", "), inPlace ? backupName(file) : file));
    await writeOutputFile(output, saved.bytes);
    notes.push(M.wroteSummary(output, spec.sheets[0]!.name));
  } else if (!v.json) {
    notes.push(M.notWritten);
  }

  if (v.json) {
    for (const n of notes) io.err(n + "\n");
    emitJson(io, { file, ...summary, findings });
  } else {
    io.out(formatSummary(summary));
    if (summary.totals.invalid > 0) io.out(M.invalidCount(summary.totals.invalid) + "\n");
    report();
    for (const n of notes) io.out(n + "\n");
  }
  return errors() > 0 ? 1 : 0;
}

/** Saves a loaded workbook back to bytes, restoring what exceljs drops on the way (see preserveOnSave). */
export async function saveWorkbook(wb: ExcelJS.Workbook, original: Uint8Array): Promise<PreserveResult> {
  return preserveOnSave(original, await writeWorkbook(wb));
}

function formatIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "so.xlsx" → "so.bak.xlsx" next to it. */
export function backupName(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext || ".xlsx"}`);
}

async function copyOrFail(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (error) {
    throw new UnusableInputError(C.cannotWrite(to, (error as Error).message), { file: to }, error);
  }
}
