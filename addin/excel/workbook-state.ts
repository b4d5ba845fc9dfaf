/**
 * What an action needs to know about the open workbook before it writes: the sheets (name, visibility, position),
 * the defined names, the active sheet and whether the workbook is a blank new one. Loaded in one sync.
 */

/** One existing sheet. */
export interface SheetState {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  position: number;
}

/** The workbook's structure as loaded. */
export interface WorkbookState {
  sheets: SheetState[];
  names: string[];
  activeSheet: string;
  /** The workbook holds a single sheet with nothing in it (what File › New gives). */
  blank: boolean;
}

/** A queued load; call `result()` after the next `context.sync()`. */
export interface Pending<T> {
  result(): T;
}

/** Queues the loads of the workbook's structure (ExcelApi 1.1 only). */
export function queueWorkbookState(context: Excel.RequestContext): Pending<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/position");
  const names = context.workbook.names;
  names.load("items/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  // getUsedRange() of an empty sheet is A1 (ExcelApi 1.1); only its address and A1 are loaded, never the contents
  // of a big sheet.
  const used = active.getUsedRange();
  used.load("address");
  const a1 = active.getRange("A1");
  a1.load("formulas");
  return {
    result() {
      const list = sheets.items.map((s) => ({
        name: s.name,
        visibility: s.visibility as SheetState["visibility"],
        position: s.position,
      }));
      const first = (a1.formulas as unknown[][])[0]?.[0];
      const onlyA1 = /!\$?A\$?1$/.test(used.address);
      const blank = list.length === 1 && onlyA1 && (first === "" || first === null || first === undefined);
      return { sheets: list, names: names.items.map((n) => n.name), activeSheet: active.name, blank };
    },
  };
}
