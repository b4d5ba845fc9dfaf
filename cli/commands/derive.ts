/**
 * `cchc derive <province plan> --unit "xã X" [--map units.txt] [-o plan.xlsx [--tracker]] [--year Y] [--as-of D]
 * [--json]`: the commune's plan from its province's. `-o` writes the editable plan appendix; with `--tracker` it
 * writes the commune's tracker instead. `--json` prints the derived Plan (as `cchc parse --json` does).
 */
import { derivePlan } from "../../shared/app/index.js";
import { UsageError } from "../../shared/errors.js";
import { commonMessages as C, deriveMessages as M, planMessages } from "../../shared/messages/index.js";
import { decodePlanText, parsePlanBytes, type Plan } from "../../shared/plan/index.js";
import { isValidIso } from "../../shared/workbook/dates.js";
import { fastWriteWorkbook } from "../../shared/xlsx/fast-write.js";
import { renderWorkbook } from "../../shared/xlsx/render.js";
import { readInputFile, writeOutputFile } from "../files.js";
import type { CliIo } from "../io.js";
import { parseOptions, parseYearOption } from "../options.js";
import { refuseInputAsOutput } from "../guard.js";
import { emitJson } from "../output.js";
import { refuseOverwrite } from "./init.js";
import { formatPlan } from "./parse.js";

const OPTIONS = {
  unit: { type: "string" },
  map: { type: "string" },
  output: { type: "string", short: "o" },
  tracker: { type: "boolean", default: false },
  year: { type: "string" },
  "as-of": { type: "string" },
  json: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Refuses an output that is not an .xlsx file. */
function checkOutput(output: string): void {
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`${M.notXlsx(output)}\n${M.usage}`);
}

/** The readable listing: the plan as `cchc parse` prints it, then the province-only tasks. */
function formatDerived(plan: Plan): string {
  const lines = [formatPlan(plan).trimEnd()];
  const left = plan.derivedFrom?.provinceOnly ?? [];
  if (left.length > 0) {
    lines.push("", M.provinceOnlyHeading);
    for (const t of left) lines.push(`  [${t.id}] ${t.title} (${t.leads.join("; ")}; ${t.deadline.raw})`);
  }
  return lines.join("\n") + "\n";
}

/** Runs `cchc derive`; exit 0 when the plan was derived, 2 for bad arguments or an unusable plan. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, OPTIONS, M.usage);
  if (values.help) {
    io.out(M.usage + "\n");
    return 0;
  }
  const [planFile, ...extra] = positionals;
  if (!planFile) throw new UsageError(`${M.missingPlan}\n${M.usage}`);
  if (extra.length > 0) throw new UsageError(`${M.tooManyPlans}\n${M.usage}`);
  if (!values.unit?.trim()) throw new UsageError(`${M.missingUnit}\n${M.usage}`);
  if (values.tracker && !values.output) throw new UsageError(`${M.trackerNeedsOutput}\n${M.usage}`);
  if (values.output) {
    checkOutput(values.output);
    // Inputs are never overwritten; nor is an edited appendix or a filled tracker, unless --force.
    await refuseInputAsOutput(values.output, values.map ? [planFile, values.map] : [planFile], values.force);
  }
  const year = values.year === undefined ? undefined : parseYearOption(values.year);
  const asOf = values["as-of"]?.trim();
  if (asOf !== undefined && !isValidIso(asOf)) throw new UsageError(C.badAsOf(asOf));

  const provincePlan = await parsePlanBytes(await readInputFile(planFile, planMessages.isDirectory), planFile);
  const mapText = values.map === undefined ? undefined : decodePlanText(await readInputFile(values.map), values.map);
  const result = derivePlan({
    provincePlan,
    unit: values.unit,
    mapText,
    mapFile: values.map,
    output: values.output ? (values.tracker ? "tracker" : "plan") : "none",
    year,
    asOf: asOf ?? localIso(io.now()),
  });
  if (values.output && result.workbook) {
    // The appendix is plain cells: the lean writer (exceljs writes an xml:space attribute the schema refuses there).
    const bytes = values.tracker ? await renderWorkbook(result.workbook, { created: io.now() }) : fastWriteWorkbook(result.workbook, { created: io.now() });
    await refuseOverwrite(values.output, values.force);
    await writeOutputFile(values.output, bytes);
  }
  if (values.json) emitJson(io, result.plan);
  else if (!values.output) io.out(formatDerived(result.plan));
  if (values.output) {
    const summary = M.summary(values.output, result.plan.tasks.length, result.provinceOnly.length, result.plan.unit ?? "");
    (values.json ? io.err : io.out)(summary + "\n");
  }
  if (values.output || values.json) for (const w of result.plan.warnings) io.err(`${C.warningPrefix}: ${w.message}\n`);
  return 0;
}

/** The local calendar date of a moment, as ISO. */
function localIso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
