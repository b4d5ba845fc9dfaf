/**
 * Kiểm tra: read the workbook, check every entry with the shared core, write the Kiểm tra sheet and put the cursor
 * on the first problem cell. One Excel.run, five syncs whatever the number of tasks (structure, used ranges, then
 * the renderer's three).
 */
import { buildCheckSheet } from "../../shared/entries/check-sheet.js";
import { formatViDate, isoFromInstant } from "../../shared/entries/dates.js";
import { readEntries } from "../../shared/entries/read.js";
import type { Finding } from "../../shared/entries/schema.js";
import { SHEET } from "../../shared/workbook/layout.js";
import { addinSheetMessages } from "../../shared/messages/index.js";
import { detectCapabilities } from "../excel/capabilities.js";
import type { ExcelHost } from "../excel/host.js";
import { readGridInto } from "../excel/read.js";
import { renderInto, type RenderReport } from "../excel/render.js";
import { queueWorkbookState, type WorkbookState } from "../excel/workbook-state.js";

/** What Kiểm tra found and where it put the cursor. */
export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The problem cell selected, when there is one on a visible sheet. */
  selected?: { sheet: string; cell: string };
  render: RenderReport;
}

/** Checks the open workbook's entries as of `asOf` (a calendar date at UTC midnight). */
export async function checkWorkbook(host: ExcelHost, asOf: Date): Promise<CheckResult> {
  const caps = detectCapabilities(host);
  return host.run(async (context) => {
    const pending = queueWorkbookState(context);
    await context.sync();
    const state = pending.result();
    const grid = await readGridInto(context, state);
    // The Kiểm tra sheet of an earlier check is not part of the tracker: leave it out of what is checked.
    const tracker = { ...grid, sheets: grid.sheets.filter((s) => s.name !== SHEET.check) };
    const { findings } = readEntries(tracker, { asOf });
    const spec = buildCheckSheet(findings, { subtitle: addinSheetMessages.subtitle(formatViDate(isoFromInstant(asOf))) });
    const selected = firstProblemCell(findings, state);
    const render = await renderInto(context, spec, state, caps, {
      existing: "replace",
      activate: selected?.sheet ?? SHEET.check,
      ...(selected ? { select: selected.cell } : {}),
    });
    const errors = findings.filter((f) => f.severity === "error").length;
    return { findings, errors, warnings: findings.length - errors, ...(selected ? { selected } : {}), render };
  });
}

/** The first finding (errors before warnings) that names a cell on a visible sheet. */
export function firstProblemCell(findings: readonly Finding[], state: WorkbookState): { sheet: string; cell: string } | undefined {
  const visible = new Set(state.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name));
  visible.delete(SHEET.check);
  const ordered = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  const f = ordered.find((x) => x.sheet && x.cell && visible.has(x.sheet));
  return f ? { sheet: f.sheet!, cell: f.cell! } : undefined;
}
