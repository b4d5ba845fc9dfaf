/**
 * The province roll-up of the Drive merge: the staged Grids (and the files that could not be read) go to the shared
 * merge core, which returns the province sheets as a WorkbookSpec.
 */
import { UsageError } from "../../shared/errors.js";
import type { Grid } from "../../shared/entries/grid.js";
import { sheetsCommandMessages as M, sheetsMenuMessages } from "../../shared/messages/sheets.js";
import type { WorkbookSpec } from "../../shared/workbook/spec.js";

/** One file of the folder: read into a Grid, or not readable (with the reason). */
export type MergeInput =
  | { file: string; modified: Date | null; grid: Grid }
  | { file: string; modified: Date | null; error: string };

/** What the roll-up needs besides the files. */
export interface ProvinceOptions {
  /** Units expected to submit (from the Danh sách đơn vị sheet), or null. */
  expected: string[] | null;
  /** As-of date (ISO) of the merge. */
  asOf: string;
  /** The Drive folder's name, for titles. */
  folderName: string;
}

/** Builds the province sheets. */
export function buildProvinceSpec(_inputs: MergeInput[], _opts: ProvinceOptions): WorkbookSpec {
  // shared/merge has not landed yet; the job above it (listing, batching, checkpoints, triggers) is complete.
  throw new UsageError(M.notAvailable(sheetsMenuMessages.merge));
}
