/**
 * `cchc merge <files|dirs...> -o <province.xlsx> [--expect units.txt] [--quarter N] [--year Y] [--as-of D] [--json]`
 *
 * Reads the communes' trackers (folders recursively), one at a time while the next few load from disk, into the
 * streaming roll-up (shared/merge), so memory does not grow with the number of files; writes the province workbook
 * with the lean writer. Excel lock files (~$…) are skipped with a note; other files that are not .xlsx are noted and
 * listed as not merged. Exit 0 clean, 1 merged with findings, 2 nothing usable or bad arguments.
 */
import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { UnusableInputError, UsageError } from "../../shared/errors.js";
import { formatViDate } from "../../shared/entries/dates.js";
import { linkToProvincePlan } from "../../shared/app/index.js";
import { buildProvinceWorkbook } from "../../shared/merge/province-workbook.js";
import type { ProvinceTaskView } from "../../shared/merge/province-tasks.js";
import { decodePlanText, parsePlanBytes } from "../../shared/plan/index.js";
import { readMergeInput } from "../../shared/merge/read-input.js";
import { isProvinceGrid } from "../../shared/merge/province-read.js";
import { createRollup, parseExpectedUnits } from "../../shared/merge/rollup.js";
import type { ProvinceRollup } from "../../shared/merge/schema.js";
import { commonMessages as C, deriveMessages as D, planMessages, fileOutcomeLabels, mergeCommandMessages as M, mergeFindingMessages as F } from "../../shared/messages/index.js";
import type { Quarter } from "../../shared/summary/periods.js";
import { fastWriteWorkbook } from "../../shared/xlsx/fast-write.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { isTempName, MAX_INPUT_BYTES, readInputFile, writeOutputFile } from "../files.js";
import { findInputClash, refuseFilledTracker, refuseInputAsOutput } from "../guard.js";
import { emitJson, errorDocument, withFindings } from "../output.js";
import type { CliIo } from "../io.js";
import { parseAsOfOption, parseOptions, parseQuarterOption, parseYearOption, quarterOfNow } from "../options.js";
import { createProgress } from "../progress.js";

/** Most bytes of input files read ahead of the one being processed (and at most MAX_AHEAD files). */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;
const MAX_AHEAD = 8;
/** Most items of a list printed to the terminal (the workbook lists them all). */
const LIST_MAX = 20;

/** Node's zlib as the lean reader's inflater: native speed, and it stops at the allowed size. */
export function nodeInflateRaw(data: Uint8Array, maxLength: number): Uint8Array | null {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxLength) });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
}

/** Node's zlib as the lean writer's deflater (native, about three times fflate's speed). */
export function nodeDeflateRaw(data: Uint8Array, level: number): Uint8Array {
  return deflateRawSync(data, { level });
}

/** A file found among the inputs: its path, the name shown to the user, what kind of file it is, its size and time. */
interface Found {
  abs: string;
  display: string;
  kind: "workbook" | "other";
  size: number;
  mtime: Date;
}

/** An entry of an input folder that is not read, and why (every one is named: nothing is dropped silently). */
export interface SkippedEntry {
  file: string;
  reason: SkipReason;
  message: string;
}

/** Why a folder entry is not read. */
export type SkipReason = keyof typeof M.skipReason;

/** What the inputs hold: files to read and entries not read. */
interface Collected {
  found: Found[];
  skipped: SkippedEntry[];
}

function kindOf(name: string): SkipReason | Found["kind"] {
  if (isTempName(name)) return "temp";
  if (name.startsWith("~$")) return "lock";
  if (name.startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(name)) return "system";
  return /\.(xlsx|xlsm)$/i.test(name) ? "workbook" : "other";
}

/** Why a path that is not a regular file or folder is skipped (stat of a link's target, or the entry itself). */
async function specialReason(abs: string, isLink: boolean): Promise<SkipReason | Stats> {
  try {
    const s = await stat(abs);
    if (s.isFile()) return s;
    if (s.isDirectory()) return isLink ? "folderLink" : "special";
    return "special";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "linkLoop";
    if (code === "ENOENT" && isLink) return "danglingLink";
    return "unreadable";
  }
}

/**
 * Lists the files of the inputs: folders recursively, in name order, each folder once (by device and inode); links
 * to files are followed, links to folders are not (they could loop); every entry not read is listed with its reason.
 * A path given on the command line that does not exist is an error.
 */
async function collect(inputs: string[]): Promise<Collected> {
  const found: Found[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  const skip = (file: string, reason: SkipReason) => skipped.push({ file, reason, message: M.skipReason[reason] });
  const push = (abs: string, display: string, s: Stats) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const kind = kindOf(path.basename(abs));
    if (kind === "workbook" || kind === "other") found.push({ abs, display, kind, size: s.size, mtime: s.mtime });
    else skip(display, kind);
  };
  const folders = new Set<string>();
  const walk = async (dir: string, display: string): Promise<void> => {
    const id = await stat(dir).then((s) => `${s.dev}:${s.ino}`).catch(() => dir);
    if (folders.has(id)) return;
    folders.add(id);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
    if (!entries) {
      skip(display, "unreadable");
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const shown = path.join(display, e.name);
      if (e.isDirectory()) {
        await walk(abs, shown);
        continue;
      }
      const s: Stats | SkipReason | null = e.isFile() ? await stat(abs).catch(() => null) : await specialReason(abs, e.isSymbolicLink());
      if (s === null) skip(shown, "unreadable");
      else if (typeof s === "string") skip(shown, s);
      else push(abs, shown, s);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(input);
    const s = await stat(abs).catch(() => null);
    if (!s) throw new UnusableInputError(M.inputNotFound(input), { file: input }, undefined, "fileNotFound");
    if (s.isDirectory()) await walk(abs, input);
    else if (s.isFile()) push(abs, input, s);
    else skip(input, "special");
  }
  return { found, skipped };
}

/**
 * Reads files in order and hands each to `use` in input order, reading ahead while the files in flight stay under
 * `budget` bytes (one file is always allowed), so memory is bounded by bytes, not by a number of files.
 */
async function forEachLoaded<T>(
  items: T[],
  budget: number,
  sizeOf: (item: T) => number,
  load: (item: T) => Promise<Uint8Array | Error>,
  use: (item: T, data: Uint8Array | Error) => void,
): Promise<void> {
  const pending: Array<{ size: number; data: Promise<Uint8Array | Error> }> = [];
  let inFlight = 0;
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < MAX_AHEAD) {
      const size = sizeOf(items[next]!);
      if (pending.length > 0 && inFlight + size > budget) break;
      inFlight += size;
      pending.push({ size, data: load(items[next++]!) });
    }
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const head = pending.shift()!;
    const data = await head.data;
    inFlight -= head.size;
    use(items[i]!, data);
    fill();
  }
}

/** Options of a merge (the command's arguments, parsed). */
export interface MergeOptions {
  inputs: string[];
  output: string | null;
  expected?: string[];
  /** The --expect file (an input too: never written over). */
  expectFile?: string;
  quarter: Quarter;
  year: number;
  asOf?: Date;
  json: boolean;
  /** --no-rows: leave the task rows out of the JSON (rowCount stays). */
  rows?: boolean;
  force?: boolean;
  /** --province-plan: the province's plan, for the view per province task (an input: never written over). */
  provincePlanFile?: string;
  /** --links: the officer's link corrections (an input too). */
  linksFile?: string;
}

function parse(argv: string[], io: CliIo): { opts: MergeOptions; expectFile: string | null } {
  const { values, positionals } = parseOptions(
    argv,
    {
      output: { type: "string", short: "o" },
      expect: { type: "string" },
      quarter: { type: "string", short: "q" },
      year: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
      "no-rows": { type: "boolean" },
      force: { type: "boolean" },
      "province-plan": { type: "string" },
      links: { type: "string" },
    },
    M.usage,
  );
  if (positionals.length === 0) throw new UsageError(`${M.noInputs}\n${M.usage}`);
  const json = values.json === true;
  const output = values.output ?? null;
  if (!output && !json) throw new UsageError(`${M.noOutput}\n${M.usage}`);
  if (output && !/\.xlsx$/i.test(output)) throw new UsageError(M.outputNotXlsx(output));
  const now = quarterOfNow(io.now());
  const quarter = values.quarter !== undefined ? parseQuarterOption(values.quarter) : now.quarter;
  const year = values.year !== undefined ? parseYearOption(values.year) : now.year;
  const opts: MergeOptions = { inputs: positionals, output, quarter, year, json, rows: values["no-rows"] !== true, force: values.force === true };
  if (values["as-of"] !== undefined) opts.asOf = parseAsOfOption(values["as-of"]);
  if (values.expect !== undefined) opts.expectFile = values.expect;
  if (values["province-plan"] !== undefined) opts.provincePlanFile = values["province-plan"];
  if (values.links !== undefined) {
    if (values["province-plan"] === undefined) throw new UsageError(D.linksNeedPlan);
    opts.linksFile = values.links;
  }
  return { opts, expectFile: values.expect ?? null };
}

/** Whether the bytes at a path are a province workbook (an earlier merge's output, safe to replace). */
async function isProvinceFile(abs: string): Promise<boolean> {
  try {
    const bytes = await readInputFile(abs);
    return isProvinceGrid(readXlsxGridFast(bytes, { file: abs, inflateRaw: nodeInflateRaw, sheets: (n) => n === "_meta" }));
  } catch {
    return false;
  }
}

/**
 * The output among the files a merge would read: an earlier province workbook is left out (it is replaced, and would
 * not be merged anyway); anything else is refused unless --force (its data would be lost).
 */
async function guardMergeOutput(opts: MergeOptions, collected: Collected): Promise<Found[]> {
  if (!opts.output) return collected.found;
  const inputs = collected.found
    .map((f) => f.abs)
    .concat([opts.expectFile, opts.provincePlanFile, opts.linksFile].filter((f): f is string => f !== undefined));
  const clash = await findInputClash(opts.output, inputs);
  if (clash) {
    const hit = collected.found.find((f) => f.abs === clash.input);
    if (hit && !clash.caseOnly && (await isProvinceFile(hit.abs))) {
      collected.skipped.push({ file: hit.display, reason: "output", message: M.skipReason.output });
      return collected.found.filter((f) => f !== hit);
    }
    await refuseInputAsOutput(opts.output, [clash.input], opts.force === true);
  } else await refuseFilledTracker(opts.output, opts.force === true);
  return collected.found;
}

/** The merge with the files it did not read: what the command reports. */
export interface MergeRun {
  rollup: ProvinceRollup;
  skipped: SkippedEntry[];
}

/** Runs the roll-up over the inputs; shared by the command and the benchmark. */
export async function mergeFiles(opts: MergeOptions, io: CliIo): Promise<ProvinceRollup> {
  return (await mergeRun(opts, io)).rollup;
}

/** mergeFiles, also giving the folder entries not read. */
export async function mergeRun(opts: MergeOptions, io: CliIo): Promise<MergeRun> {
  const collected = await collect(opts.inputs);
  const found = await guardMergeOutput(opts, collected);
  const workbooks = found.filter((f) => f.kind === "workbook");
  if (workbooks.length === 0 && !found.some((f) => f.kind === "other")) {
    throw withFindings(new UnusableInputError(M.noWorkbooks, {}, undefined, "noWorkbooks"), []);
  }
  const rollup = createRollup({
    quarter: opts.quarter,
    year: opts.year,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.expected ? { expected: opts.expected } : {}),
  });
  for (const k of collected.skipped) io.err(`${M.skipped(k.file, k.message)}\n`);
  for (const f of found) {
    if (f.kind !== "other") continue;
    io.err(`${M.skippedOther(f.display)}\n`);
    rollup.addSkipped(f.display, /\.xls$/i.test(f.display) ? F.notXlsx.oldXls(f.display) : F.notXlsx.message(f.display));
  }
  const today = io.now();
  const progress = createProgress(io, workbooks.length, M.progress);
  let done = 0;
  await forEachLoaded(
    workbooks,
    READ_AHEAD_BYTES,
    (f) => (f.size > MAX_INPUT_BYTES ? 0 : f.size),
    (f) => readInputFile(f.abs, C.isDirectory, MAX_INPUT_BYTES, f.display).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    (f, data) => {
      if (data instanceof Error) {
        const e = data instanceof UnusableInputError ? data : new UnusableInputError(C.cannotRead(f.display, data.message), { file: f.display }, data);
        rollup.add({ name: f.display }, { unusable: e });
      } else {
        const read = readMergeInput(data, { file: f.display, today, inflateRaw: nodeInflateRaw, modified: f.mtime });
        if (read.kind === "province") rollup.addSkipped(f.display, F.notXlsx.province(f.display), "provinceWorkbook");
        else rollup.add(read.modified ? { name: f.display, modified: read.modified } : { name: f.display }, read.input);
      }
      progress.update(++done);
    },
  );
  progress.end();
  return { rollup: rollup.finish(), skipped: collected.skipped };
}

function list(items: string[]): string {
  const shown = items.slice(0, LIST_MAX).join(", ");
  return items.length > LIST_MAX ? `${shown} ${M.andMore(items.length - LIST_MAX)}` : shown;
}

/** The `--json` output (product.md contract; keys in English); `rows: false` leaves the task rows out. */
export function mergeJson(r: ProvinceRollup, opts: { rows?: boolean; skipped?: SkippedEntry[] } = {}): Record<string, unknown> {
  return {
    units: r.units.map((u) => ({ unit: u.unit, file: u.file, totals: u.totals, rank: u.rank })),
    missing: r.missing,
    duplicates: r.duplicates.map((d) => ({ unit: d.unit, files: d.files, kept: d.kept })),
    files: r.files.map((f) => ({ file: f.file, unit: f.unit, outcome: f.outcome, rows: f.rows, message: f.message })),
    skipped: opts.skipped ?? [],
    findings: r.findings.map((f) => ({ file: f.file, severity: f.severity, sheet: f.sheet, cell: f.cell, taskId: f.taskId, code: f.code, message: f.message })),
    rowCount: r.rows.length,
    ...(opts.rows === false ? {} : { rows: r.rows }),
    accounting: r.accounting,
  };
}

function report(r: ProvinceRollup, io: CliIo): void {
  const lines: string[] = [M.header(r.period.label, formatViDate(r.asOf))];
  lines.push(M.counts(r.units.length, r.files.length, r.accounting.rowsMerged));
  lines.push(M.accounting(r.accounting.rowsRead, r.accounting.rowsMerged, r.accounting.rowsListed));
  if (r.missing.length > 0) lines.push(M.missing(r.missing.length, list(r.missing)));
  for (const d of r.duplicates.slice(0, LIST_MAX)) lines.push(M.duplicates(d.unit, d.files.join(", "), d.kept));
  const rejected = r.files.filter((f) => f.outcome !== "merged" && f.outcome !== "duplicate");
  for (const f of rejected.slice(0, LIST_MAX)) lines.push(M.rejected(f.file, fileOutcomeLabels[f.outcome]));
  if (rejected.length > LIST_MAX) lines.push(M.andMore(rejected.length - LIST_MAX));
  const errors = r.findings.filter((f) => f.severity === "error").length;
  if (r.findings.length > 0) lines.push(M.findings(errors, r.findings.length - errors));
  io.out(lines.join("\n") + "\n");
}

/** Reads the --expect list (an input of the merge). */
async function readExpected(expectFile: string): Promise<string[]> {
  let text: string;
  try {
    text = new TextDecoder("utf-8").decode(await readInputFile(expectFile, C.isDirectory, 1024 * 1024));
  } catch (error) {
    throw new UnusableInputError(M.expectUnreadable(expectFile), { file: expectFile }, error, "expectUnreadable");
  }
  const expected = parseExpectedUnits(text);
  if (expected.length === 0) throw new UnusableInputError(M.expectEmpty(expectFile), { file: expectFile }, undefined, "expectEmpty");
  return expected;
}

/** The view per province task when --province-plan is given (links from _meta, the --links file, or the text). */
async function provinceView(opts: MergeOptions, rollup: ProvinceRollup): Promise<ProvinceTaskView | null> {
  if (!opts.provincePlanFile) return null;
  const plan = await parsePlanBytes(await readInputFile(opts.provincePlanFile, planMessages.isDirectory), opts.provincePlanFile);
  const linksText = opts.linksFile ? decodePlanText(await readInputFile(opts.linksFile), opts.linksFile) : undefined;
  return linkToProvincePlan({ rows: rollup.rows, provincePlan: plan, linksText, linksFile: opts.linksFile });
}

/** The `--json` keys of the province view: `provinceTasks` and `links`. */
export function provinceViewJson(view: ProvinceTaskView): Record<string, unknown> {
  return {
    provinceTasks: view.provinceTasks.map(({ units: _units, ...p }) => p),
    links: view.links,
  };
}

/** Runs `cchc merge`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { opts, expectFile } = parse(argv, io);
  if (expectFile) opts.expected = await readExpected(expectFile);
  const { rollup, skipped } = await mergeRun(opts, io);
  const view = await provinceView(opts, rollup);
  if (view) io.err(`${D.provinceTasksCount(view.links.filter((l) => l.provinceTaskId).length, view.links.length, view.provinceTasks.length)}\n`);
  if (opts.output) {
    const bytes = fastWriteWorkbook(buildProvinceWorkbook(rollup, view ? { provinceTasks: view } : {}), { created: io.now(), deflateRaw: nodeDeflateRaw });
    await writeOutputFile(opts.output, bytes);
  }
  if (rollup.units.length === 0) {
    const error = new UnusableInputError(M.nothingUsable, {}, undefined, "nothingUsable");
    if (!opts.json) report(rollup, io);
    io.err(`${M.nothingUsable}\n`);
    if (opts.json) emitJson(io, { ...errorDocument(error, rollup.findings), ...mergeJson(rollup, { rows: false, skipped }) });
    return 2;
  }
  if (opts.json) emitJson(io, { ...mergeJson(rollup, { rows: opts.rows !== false, skipped }), ...(view ? provinceViewJson(view) : {}) });
  else report(rollup, io);
  if (opts.output && !opts.json) io.out(`${C.wrote(opts.output)}\n`);
  return rollup.findings.length > 0 || rollup.missing.length > 0 ? 1 : 0;
}
