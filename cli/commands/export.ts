/**
 * `cchc export <tracker|province.xlsx> --quarter N [--year Y] [--as-of D] --format xlsx|csv|docx -o <out>`
 *
 * Tells a unit's tracker from a province workbook (its _meta), computes the quarter's report data (shared/export)
 * and writes the report tables: an official-style workbook, the task table as CSV, or a draft Word report.
 * Exit 0 written, 1 written but the input has findings (invalid entries are not counted), 2 unusable input or
 * arguments.
 */
import path from "node:path";
import { UnusableInputError, UsageError } from "../../shared/errors.js";
import { readEntries } from "../../shared/entries/read.js";
import type { Finding } from "../../shared/entries/schema.js";
import { buildTaskCsv } from "../../shared/export/csv.js";
import { reportFromRollup, reportFromSummary, type ReportData } from "../../shared/export/data.js";
import { buildReportWorkbook } from "../../shared/export/xlsx.js";
import { isProvinceGrid, isReportSheet, readProvinceWorkbook, rollupFromProvince } from "../../shared/merge/province-read.js";
import { exportCommandMessages as M, periodMessages } from "../../shared/messages/index.js";
import type { Quarter } from "../../shared/summary/periods.js";
import { summarise } from "../../shared/summary/summarise.js";
import { fastWriteWorkbook } from "../../shared/xlsx/fast-write.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { readInputFile, writeOutputFile } from "../files.js";
import { guardOutput } from "../guard.js";
import { emitJson } from "../output.js";
import type { CliIo } from "../io.js";
import { parseAsOfOption, parseOptions, parseQuarterOption, parseYearOption, quarterOfNow, refuseYearOutsidePlan } from "../options.js";
import { nodeDeflateRaw, nodeInflateRaw } from "./merge.js";

/** The export formats. */
export const EXPORT_FORMATS = ["xlsx", "csv", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportOptions {
  input: string;
  output: string;
  format: ExportFormat;
  quarter?: Quarter;
  year?: number;
  asOf?: Date;
  force: boolean;
  json: boolean;
}

function parse(argv: string[]): ExportOptions {
  const { values, positionals } = parseOptions(
    argv,
    {
      output: { type: "string", short: "o" },
      format: { type: "string", short: "f" },
      quarter: { type: "string", short: "q" },
      year: { type: "string" },
      "as-of": { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    M.usage,
  );
  if (positionals.length === 0) throw new UsageError(`${M.noInput}\n${M.usage}`);
  if (positionals.length > 1) throw new UsageError(`${M.tooManyInputs}\n${M.usage}`);
  const output = values.output;
  if (!output) throw new UsageError(`${M.noOutput}\n${M.usage}`);
  // Without --format, the output's extension says which.
  const ext = path.extname(output).slice(1).toLowerCase();
  const format = (values.format ?? ext).toLowerCase();
  if (!values.format && !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`${M.noFormat}\n${M.usage}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(M.badFormat(values.format ?? format));
  if (ext !== format) throw new UsageError(M.extensionMismatch(output, format));
  const opts: ExportOptions = { input: positionals[0]!, output, format: format as ExportFormat, force: values.force, json: values.json };
  if (values.quarter !== undefined) opts.quarter = parseQuarterOption(values.quarter);
  if (values.year !== undefined) opts.year = parseYearOption(values.year);
  if (values["as-of"] !== undefined) opts.asOf = parseAsOfOption(values["as-of"]);
  return opts;
}

/** Renders report data in a format. */
export async function renderExport(data: ReportData, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case "xlsx":
      return fastWriteWorkbook(buildReportWorkbook(data), { deflateRaw: nodeDeflateRaw });
    case "csv":
      return new TextEncoder().encode(buildTaskCsv(data));
    case "docx": {
      // Loaded only for Word output: the docx package is the heaviest of the command's dependencies.
      const { renderReportDocx } = await import("../../shared/export/docx.js");
      return renderReportDocx(data);
    }
  }
}

/** Runs `cchc export`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parse(argv);
  await guardOutput(opts.output, [opts.input], { force: opts.force });
  const bytes = await readInputFile(opts.input);
  const file = path.basename(opts.input);
  const grid = readXlsxGridFast(bytes, { file, inflateRaw: nodeInflateRaw, sheets: isReportSheet });
  let data: ReportData;
  let findings = { errors: 0, warnings: 0 };
  let list: Finding[] = [];
  if (isProvinceGrid(grid)) {
    const province = readProvinceWorkbook(grid);
    const rollup = rollupFromProvince(province, {
      ...(opts.quarter ? { quarter: opts.quarter } : {}),
      ...(opts.year ? { year: opts.year } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
    });
    if (rollup.period.quarter !== province.quarter || rollup.period.year !== province.year) {
      io.err(`${M.quarterDiffers(rollup.period.label, periodMessages.quarterLabel(province.quarter, province.year))}\n`);
    }
    data = reportFromRollup(rollup);
  } else {
    const today = io.now();
    const { entries, findings: all } = readEntries(grid, { asOf: today });
    if (!entries) throw new UnusableInputError(M.noTaskTable(file), { file });
    const now = quarterOfNow(today);
    if (opts.year !== undefined) refuseYearOutsidePlan(opts.year, entries.meta.periodFrom, entries.meta.periodTo);
    const year = opts.year ?? entries.meta.year ?? now.year;
    const quarter = opts.quarter ?? (year === now.year ? now.quarter : 4);
    const summary = summarise(entries, { quarter, year, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
    data = reportFromSummary(summary, entries);
    list = all;
    findings = { errors: all.filter((f) => f.severity === "error").length, warnings: all.filter((f) => f.severity === "warning").length };
  }
  const out = await renderExport(data, opts.format);
  await writeOutputFile(opts.output, out);
  if (findings.errors + findings.warnings > 0) io.err(`${M.findingsNote(findings.errors, findings.warnings)}\n`);
  io.out(`${M.wrote(opts.output, opts.format)}\n`);
  if (opts.json) emitJson(io, { file: opts.input, output: opts.output, format: opts.format, period: data.period, ...findings, findings: list });
  return findings.errors + findings.warnings > 0 ? 1 : 0;
}
