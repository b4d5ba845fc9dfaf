/**
 * Reads another Google spreadsheet (one commune's tracker in the Drive folder) into a Grid with ONE call to the Sheets
 * advanced service. SpreadsheetApp.openById would need the full `spreadsheets` scope (read and write every
 * spreadsheet); the Sheets API accepts `drive.readonly`, which the merge needs anyway to list the folder.
 * Dates arrive as serial numbers flagged by their number format, so no time zone is involved.
 */
import type { Grid, GridSheet, GridValue } from "../../../shared/entries/grid.js";

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The fields requested: sheet titles and states, and per cell its value, formula and number-format type. */
export const SHEETS_FIELDS =
  "properties(title),sheets(properties(title,hidden),data(startRow,startColumn,rowData(values(effectiveValue,userEnteredValue/formulaValue,effectiveFormat/numberFormat/type))))";

/** The parts of a Sheets API cell this reader uses. */
export interface ApiCell {
  effectiveValue?: { numberValue?: number; stringValue?: string; boolValue?: boolean; errorValue?: { type?: string; message?: string } };
  userEnteredValue?: { formulaValue?: string };
  effectiveFormat?: { numberFormat?: { type?: string } };
}

/** The parts of a Sheets API spreadsheet this reader uses. */
export interface ApiSpreadsheet {
  properties?: { title?: string };
  sheets?: Array<{
    properties?: { title?: string; hidden?: boolean };
    data?: Array<{ startRow?: number; startColumn?: number; rowData?: Array<{ values?: ApiCell[] }> }>;
  }>;
}

const ERROR_TEXT: Record<string, string> = { REF: "#REF!", NAME: "#NAME?", VALUE: "#VALUE!", DIVIDE_BY_ZERO: "#DIV/0!", NUM: "#NUM!", N_A: "#N/A", NULL_VALUE: "#NULL!" };

function cellValue(cell: ApiCell | undefined): GridValue {
  const ev = cell?.effectiveValue;
  if (!ev) return null;
  if (typeof ev.numberValue === "number") {
    const type = cell?.effectiveFormat?.numberFormat?.type;
    if (type === "DATE" || type === "DATE_TIME") return new Date(SERIAL_EPOCH_MS + Math.round(ev.numberValue * DAY_MS));
    return ev.numberValue;
  }
  if (typeof ev.stringValue === "string") return ev.stringValue === "" ? null : ev.stringValue;
  if (typeof ev.boolValue === "boolean") return ev.boolValue;
  if (ev.errorValue) return ERROR_TEXT[ev.errorValue.type ?? ""] ?? "#ERROR!";
  return null;
}

/** Converts a Sheets API response (with grid data) into a Grid. */
export function apiSpreadsheetToGrid(api: ApiSpreadsheet, file: string): Grid {
  const sheets = (api.sheets ?? []).map((s, i): GridSheet => {
    const values: GridValue[][] = [];
    const formulas: Array<Array<string | null>> = [];
    let anyFormula = false;
    for (const block of s.data ?? []) {
      const r0 = block.startRow ?? 0;
      const c0 = block.startColumn ?? 0;
      (block.rowData ?? []).forEach((row, ri) => {
        (row.values ?? []).forEach((cell, ci) => {
          const v = cellValue(cell);
          const f = cell.userEnteredValue?.formulaValue ?? null;
          if (v === null && f === null) return;
          const r = r0 + ri;
          const c = c0 + ci;
          while (values.length <= r) values.push([]);
          while (formulas.length <= r) formulas.push([]);
          values[r]![c] = v;
          if (f !== null) {
            formulas[r]![c] = f.replace(/^=/, "");
            anyFormula = true;
          }
        });
      });
    }
    const width = Math.max(0, ...values.map((r) => r.length));
    const pad = <T>(rows: T[][]) => rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] ?? null) as T));
    return {
      name: s.properties?.title ?? `Sheet${i + 1}`,
      state: s.properties?.hidden ? "hidden" : "visible",
      values: pad(values),
      ...(anyFormula ? { formulas: pad(formulas) } : {}),
    };
  });
  return { file, sheets };
}
