/**
 * Reads the open workbook into a Grid (shared/entries/grid.ts) so the shared core can check, summarise and merge
 * it. Two syncs whatever the size: the sheet list, then every sheet's used range (values and formulas) at once.
 */
import type { Grid, GridSheet, GridValue } from "../../shared/entries/grid.js";
import { parseAddress, splitSheetAddress } from "./a1.js";
import type { ExcelHost } from "./host.js";
import { queueWorkbookState, type Pending, type WorkbookState } from "./workbook-state.js";

/** Number of syncs readGridInto makes after the workbook structure is loaded. */
export const READ_SYNCS = 1;

/** Reads the whole workbook in its own Excel.run: 2 syncs. */
export async function readWorkbookGrid(host: ExcelHost, file?: string): Promise<Grid> {
  return host.run(async (context) => {
    const state = queueWorkbookState(context);
    await context.sync();
    return readGridInto(context, state.result(), file);
  });
}

/** Reads every sheet (hidden and very hidden included) inside a running batch: exactly READ_SYNCS syncs. */
export async function readGridInto(context: Excel.RequestContext, state: WorkbookState, file?: string): Promise<Grid> {
  const pending = queueGridLoad(context, state);
  await context.sync();
  const grid = pending.result();
  return file === undefined ? grid : { ...grid, file };
}

/** Queues the used-range loads of every sheet; `result()` after the next sync. */
export function queueGridLoad(context: Excel.RequestContext, state: WorkbookState): Pending<Grid> {
  const loads = state.sheets.map((s) => {
    const used = context.workbook.worksheets.getItem(s.name).getUsedRange();
    used.load("address,values,formulas");
    return { state: s, used };
  });
  return {
    result: () => ({ sheets: loads.map(({ state: s, used }) => gridSheet(s.name, s.visibility, used.address, used.values, used.formulas)) }),
  };
}

const STATES = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/**
 * One sheet as a Grid: the used range placed at its real position (row 0 = row 1), empty cells as null, and the
 * formula text of every cell that holds a formula. A text cell that merely starts with "=" (user text kept as
 * text) shows the same string as value and formula, so it is not taken for a formula.
 */
export function gridSheet(
  name: string,
  visibility: keyof typeof STATES,
  address: string,
  values: unknown[][],
  formulas: unknown[][],
): GridSheet {
  const rect = parseAddress(splitSheetAddress(address).address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const outValues: GridValue[][] = [];
  const outFormulas: Array<Array<string | null>> = [];
  let anyFormula = false;
  for (let r = 0; r < rect.top; r++) {
    outValues.push([]);
    outFormulas.push([]);
  }
  values.forEach((row, i) => {
    const vRow: GridValue[] = new Array<GridValue>(rect.left).fill(null);
    const fRow: Array<string | null> = new Array<string | null>(rect.left).fill(null);
    row.forEach((v, j) => {
      vRow.push(toGridValue(v));
      const f = formulas[i]?.[j];
      if (typeof f === "string" && f.startsWith("=") && f !== v) {
        fRow.push(f.slice(1));
        anyFormula = true;
      } else fRow.push(null);
    });
    outValues.push(trimRow(vRow));
    outFormulas.push(fRow);
  });
  // An empty sheet's used range is A1 holding "": no rows at all.
  while (outValues.length > 0 && outValues[outValues.length - 1]!.length === 0) {
    outValues.pop();
    outFormulas.pop();
  }
  return {
    name,
    state: STATES[visibility] ?? "visible",
    values: outValues,
    ...(anyFormula ? { formulas: outFormulas.slice(0, outValues.length) } : {}),
  };
}

function toGridValue(v: unknown): GridValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

function trimRow(row: GridValue[]): GridValue[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === null) n--;
  return n === row.length ? row : row.slice(0, n);
}
