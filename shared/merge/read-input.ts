/**
 * One submitted file → what the roll-up takes: the lean reader (shared/xlsx/fast-read.ts) reading only the sheets
 * readEntries looks at, then readEntries. Unusable files become `{ unusable }` (the roll-up lists them); a province
 * workbook found among the inputs (an earlier merge's output) is told apart so it is not merged as a unit.
 */
import { UnusableInputError } from "../errors.js";
import { foldKey } from "../entries/normalize.js";
import { readEntries } from "../entries/read.js";
import { readXlsxGridFast, type FastReadOptions } from "../xlsx/fast-read.js";
import { SHEET } from "../workbook/layout.js";
import { isProvinceGrid } from "./province-read.js";
import type { RollupInput } from "./rollup.js";

const SKIPPED = new Set([SHEET.guide, SHEET.lists, SHEET.check].map(foldKey));

/**
 * Whether a sheet can matter to readEntries: everything but the guide, the dropdown lists, the check sheet and the
 * summary sheets (Tổng hợp …), which readEntries never reads and which can be large.
 */
export function isEntrySheet(name: string): boolean {
  const key = foldKey(name);
  return !SKIPPED.has(key) && !key.startsWith("tonghop");
}

/** Options of readMergeInput. */
export interface MergeInputOptions {
  /** The file name shown to the user. */
  file: string;
  /** The file's modification time (used when the workbook does not say when it was saved). */
  modified?: Date;
  /** Today: completion dates after it are errors. */
  today: Date;
  inflateRaw?: FastReadOptions["inflateRaw"];
}

/** What reading one submitted file gave. */
export type MergeInput =
  | { kind: "tracker"; input: RollupInput; modified?: Date }
  | { kind: "province" };

/** Reads one submitted .xlsx for the roll-up. Never throws for bad files (they become `unusable`). */
export function readMergeInput(bytes: Uint8Array, opts: MergeInputOptions): MergeInput {
  let grid;
  try {
    grid = readXlsxGridFast(bytes, {
      file: opts.file,
      sheets: isEntrySheet,
      ...(opts.modified ? { modified: opts.modified } : {}),
      ...(opts.inflateRaw ? { inflateRaw: opts.inflateRaw } : {}),
    });
  } catch (error) {
    if (error instanceof UnusableInputError) return { kind: "tracker", input: { unusable: error } };
    throw error;
  }
  if (isProvinceGrid(grid)) return { kind: "province" };
  const result = readEntries(grid, { asOf: opts.today });
  return grid.modified ? { kind: "tracker", input: result, modified: grid.modified } : { kind: "tracker", input: result };
}
