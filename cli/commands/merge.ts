/**
 * `cchc merge <files|dirs...> -o <province.xlsx> [--expect units.txt] [--quarter N] [--year Y] [--as-of D] [--json]`
 *
 * Reads the communes' trackers (folders recursively), one at a time while the next few load from disk, into the
 * streaming roll-up (shared/merge), so memory does not grow with the number of files; writes the province workbook
 * with the lean writer. Excel lock files (~$…) are skipped with a note; other files that are not .xlsx are noted and
 * listed as not merged. Exit 0 clean, 1 merged with findings, 2 nothing usable or bad arguments.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { UnusableInputError, UsageError } from "../../shared/errors.js";
import { formatViDate } from "../../shared/entries/dates.js";
import { buildProvinceWorkbook } from "../../shared/merge/province-workbook.js";
import { readMergeInput } from "../../shared/merge/read-input.js";
import { createRollup, parseExpectedUnits } from "../../shared/merge/rollup.js";
import type { ProvinceRollup } from "../../shared/merge/schema.js";
import { commonMessages as C, fileOutcomeLabels, mergeCommandMessages as M, mergeFindingMessages as F } from "../../shared/messages/index.js";
import type { Quarter } from "../../shared/summary/periods.js";
import { fastWriteWorkbook } from "../../shared/xlsx/fast-write.js";
import { writeOutputFile } from "../files.js";
import type { CliIo } from "../io.js";
import { parseAsOfOption, parseOptions, parseQuarterOption, parseYearOption, quarterOfNow } from "../options.js";
import { createProgress } from "../progress.js";

/** How many files are read from disk ahead of the one being processed. */
const READ_AHEAD = 8;
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

/** A file found among the inputs: its path, the name shown to the user, and what kind of file it is. */
interface Found {
  abs: string;
  display: string;
  kind: "workbook" | "lock" | "system" | "other";
}

function classify(name: string): Found["kind"] {
  if (name.startsWith("~$")) return "lock";
  if (name.startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(name)) return "system";
  return /\.(xlsx|xlsm)$/i.test(name) ? "workbook" : "other";
}

/** Lists the files of the inputs: folders recursively, in name order; a path that does not exist is an error. */
async function collect(inputs: string[], exclude: string | null): Promise<Found[]> {
  const out: Found[] = [];
  const seen = new Set<string>();
  const push = (abs: string, display: string) => {
    if (seen.has(abs) || abs === exclude) return;
    seen.add(abs);
    out.push({ abs, display, kind: classify(path.basename(abs)) });
  };
  const walk = async (dir: string, display: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const shown = path.join(display, e.name);
      if (e.isDirectory()) await walk(abs, shown);
      else if (e.isFile()) push(abs, shown);
      else if (e.isSymbolicLink()) {
        // Links to files are followed; links to folders are not (they could loop).
        const s = await stat(abs).catch(() => null);
        if (s?.isFile()) push(abs, shown);
      }
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(input);
    const s = await stat(abs).catch(() => null);
    if (!s) throw new UsageError(M.inputNotFound(input));
    if (s.isDirectory()) await walk(abs, input);
    else push(abs, input);
  }
  return out;
}

/** Reads files in order, `ahead` of them in flight, and hands each to `use` in input order. */
async function forEachLoaded<T>(items: T[], ahead: number, load: (item: T) => Promise<Uint8Array | Error>, use: (item: T, data: Uint8Array | Error) => void): Promise<void> {
  const pending: Array<Promise<Uint8Array | Error>> = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < ahead) pending.push(load(items[next++]!));
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const data = await pending.shift()!;
    fill();
    use(items[i]!, data);
  }
}

/** Options of a merge (the command's arguments, parsed). */
export interface MergeOptions {
  inputs: string[];
  output: string | null;
  expected?: string[];
  quarter: Quarter;
  year: number;
  asOf?: Date;
  json: boolean;
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
  const opts: MergeOptions = { inputs: positionals, output, quarter, year, json };
  if (values["as-of"] !== undefined) opts.asOf = parseAsOfOption(values["as-of"]);
  return { opts, expectFile: values.expect ?? null };
}

/** Runs the roll-up over the inputs; shared by the command and the benchmark. */
export async function mergeFiles(opts: MergeOptions, io: CliIo): Promise<ProvinceRollup> {
  const exclude = opts.output ? path.resolve(opts.output) : null;
  const found = await collect(opts.inputs, exclude);
  const workbooks = found.filter((f) => f.kind === "workbook");
  if (workbooks.length === 0 && !found.some((f) => f.kind === "other")) throw new UsageError(M.noWorkbooks);
  const rollup = createRollup({
    quarter: opts.quarter,
    year: opts.year,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.expected ? { expected: opts.expected } : {}),
  });
  for (const f of found) {
    if (f.kind === "lock") io.err(`${M.skippedLock(f.display)}\n`);
    else if (f.kind === "other") {
      io.err(`${M.skippedOther(f.display)}\n`);
      rollup.addSkipped(f.display, /\.xls$/i.test(f.display) ? F.notXlsx.oldXls(f.display) : F.notXlsx.message(f.display));
    }
  }
  const today = io.now();
  const progress = createProgress(io, workbooks.length, M.progress);
  const mtimes = new Map<string, Date>();
  let done = 0;
  await forEachLoaded(
    workbooks,
    READ_AHEAD,
    async (f) => {
      try {
        const [bytes, s] = await Promise.all([readFile(f.abs), stat(f.abs)]);
        mtimes.set(f.abs, s.mtime);
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    },
    (f, data) => {
      if (data instanceof Error) {
        const e = new UnusableInputError(C.cannotRead(f.display, data.message), { file: f.display }, data);
        rollup.add({ name: f.display }, { unusable: e });
      } else {
        const mtime = mtimes.get(f.abs);
        mtimes.delete(f.abs);
        const read = readMergeInput(data, { file: f.display, today, inflateRaw: nodeInflateRaw, ...(mtime ? { modified: mtime } : {}) });
        if (read.kind === "province") rollup.addSkipped(f.display, F.notXlsx.province(f.display), "provinceWorkbook");
        else rollup.add(read.modified ? { name: f.display, modified: read.modified } : { name: f.display }, read.input);
      }
      progress.update(++done);
    },
  );
  progress.end();
  return rollup.finish();
}

function list(items: string[]): string {
  const shown = items.slice(0, LIST_MAX).join(", ");
  return items.length > LIST_MAX ? `${shown} ${M.andMore(items.length - LIST_MAX)}` : shown;
}

/** The `--json` output (product.md contract; keys in English). */
export function mergeJson(r: ProvinceRollup): unknown {
  return {
    units: r.units.map((u) => ({ unit: u.unit, file: u.file, totals: u.totals, rank: u.rank })),
    missing: r.missing,
    duplicates: r.duplicates.map((d) => ({ unit: d.unit, files: d.files, kept: d.kept })),
    findings: r.findings.map((f) => ({ file: f.file, severity: f.severity, sheet: f.sheet, cell: f.cell, taskId: f.taskId, code: f.code, message: f.message })),
    rows: r.rows,
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

/** Runs `cchc merge`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { opts, expectFile } = parse(argv, io);
  if (expectFile) {
    let text: string;
    try {
      text = await readFile(expectFile, "utf8");
    } catch {
      throw new UsageError(M.expectUnreadable(expectFile));
    }
    const expected = parseExpectedUnits(text);
    if (expected.length === 0) throw new UsageError(M.expectEmpty(expectFile));
    opts.expected = expected;
  }
  const rollup = await mergeFiles(opts, io);
  if (opts.output) {
    const bytes = fastWriteWorkbook(buildProvinceWorkbook(rollup), { created: io.now(), deflateRaw: nodeDeflateRaw });
    await writeOutputFile(opts.output, bytes);
  }
  if (opts.json) io.out(JSON.stringify(mergeJson(rollup), null, 2) + "\n");
  else report(rollup, io);
  if (opts.output && !opts.json) io.out(`${C.wrote(opts.output)}\n`);
  if (rollup.units.length === 0) {
    io.err(`${M.nothingUsable}\n`);
    return 2;
  }
  return rollup.findings.length > 0 || rollup.missing.length > 0 ? 1 : 0;
}
