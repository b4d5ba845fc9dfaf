/**
 * The province roll-up of the Drive merge: the staged Grids (and the files that could not be read) go one at a time
 * through the shared entries reader into the shared streaming roll-up, which gives the province figures; the
 * province sheets are built from them.
 */
import { UnusableInputError } from "../../shared/errors.js";
import type { Grid } from "../../shared/entries/grid.js";
import { readEntries } from "../../shared/entries/read.js";
import { buildProvinceWorkbook } from "../../shared/merge/province-workbook.js";
import { createRollup } from "../../shared/merge/rollup.js";
import type { ProvinceRollup } from "../../shared/merge/schema.js";
import type { Quarter } from "../../shared/summary/periods.js";
import type { WorkbookSpec } from "../../shared/workbook/spec.js";
import { utcDate } from "./host.js";

/** What the roll-up needs besides the files. */
export interface ProvinceOptions {
  quarter: Quarter;
  year: number;
  /** As-of date (ISO); null = the quarter's cut-off. */
  asOf: string | null;
  /** Units expected to submit (from the Danh sách đơn vị sheet), or null. */
  expected: string[] | null;
}

/** A merge in progress: files are added one by one, then the province sheets are built. */
export interface ProvinceMerge {
  addGrid(file: string, modified: Date | null, grid: Grid): void;
  addFailure(file: string, message: string): void;
  finish(): { rollup: ProvinceRollup; spec: WorkbookSpec };
}

/** Starts a province merge. */
export function startProvinceMerge(opts: ProvinceOptions): ProvinceMerge {
  const asOf = opts.asOf ? utcDate(opts.asOf) : undefined;
  const rollup = createRollup({
    quarter: opts.quarter,
    year: opts.year,
    ...(asOf ? { asOf } : {}),
    ...(opts.expected ? { expected: opts.expected } : {}),
  });
  return {
    addGrid(file, modified, grid) {
      rollup.add({ name: file, ...(modified ? { modified } : {}) }, readEntries({ ...grid, file }, asOf ? { asOf } : {}));
    },
    addFailure(file, message) {
      rollup.add({ name: file }, { unusable: new UnusableInputError(message, { file }) });
    },
    finish() {
      const result = rollup.finish();
      return { rollup: result, spec: buildProvinceWorkbook(result) };
    },
  };
}

