/**
 * WorkbookSpec: a plain-data description of a workbook that every host renders the same way
 * (exceljs → .xlsx, Office.js → Excel, Apps Script → Google Sheets). No host types here.
 * Rows and columns are 1-based in A1 ranges and 0-based in arrays.
 */
import type { IsoDate } from "../plan/schema.js";

/** A date cell (rendered as a real date with format dd/mm/yyyy). */
export interface DateValue {
  kind: "date";
  iso: IsoDate;
}

/** A formula cell; `formula` has no leading "=" and uses English function names and "," separators. */
export interface FormulaValue {
  kind: "formula";
  formula: string;
  /** Cached result to store where the host allows it (exceljs). */
  result?: string | number | null;
}

/**
 * A cell value. A string is always text — even when it starts with "=", "+", "-" or "@":
 * renderers must never let user text become a formula.
 */
export type CellValue = null | string | number | boolean | DateValue | FormulaValue;

/** A cell: value, an optional named style from `WorkbookSpec.styles`, an optional note (comment). */
export interface CellSpec {
  v: CellValue;
  s?: string;
  note?: string;
}

/** Cell formatting. Colours are "RRGGBB". */
export interface CellStyle {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  /** Number format, e.g. "dd/mm/yyyy", "0", "0%", "@". */
  numFmt?: string;
  border?: "thin" | "none";
  /** Locked under sheet protection (default true, as in Excel). */
  locked?: boolean;
}

/** A row of cells; `cells[i]` is column i+1. Missing or null entries are empty cells. */
export interface RowSpec {
  cells: Array<CellSpec | null>;
  height?: number;
  /** Outline level for grouping (0 = none). */
  outline?: number;
  /** Printing: never end a page after this row (group headings, section titles). */
  keepWithNext?: boolean;
  /** Printing: never start a page with this row (total rows). */
  keepWithPrevious?: boolean;
}

/** A column's width (in characters), default style and visibility. */
export interface ColumnSpec {
  width: number;
  style?: string;
  hidden?: boolean;
}

/** Error text shown when a validation rejects an entry. */
export interface ValidationMessage {
  title: string;
  message: string;
}

/** Data validation on a range. A list validation always references a range (Excel's 255-character limit on literal lists). */
export type ValidationSpec =
  | {
      type: "list";
      range: string;
      /** An absolute range on another sheet, e.g. "'Danh mục'!$A$2:$A$5". */
      source: string;
      allowBlank: boolean;
      error: ValidationMessage;
      prompt?: ValidationMessage;
      /** "stop" (default) rejects other entries; "warning" asks the user to confirm them. */
      errorStyle?: "stop" | "warning";
    }
  | {
      type: "whole";
      range: string;
      min: number;
      max: number;
      allowBlank: boolean;
      error: ValidationMessage;
      prompt?: ValidationMessage;
      /** "stop" (default) rejects other entries; "warning" asks the user to confirm them. */
      errorStyle?: "stop" | "warning";
    }
  | {
      type: "date";
      range: string;
      /** Inclusive bounds. */
      min: IsoDate;
      max: IsoDate;
      allowBlank: boolean;
      error: ValidationMessage;
      prompt?: ValidationMessage;
      /** "stop" (default) rejects other entries; "warning" asks the user to confirm them. */
      errorStyle?: "stop" | "warning";
    };

/** The look a conditional format applies. */
export interface ConditionalStyle {
  fill?: string;
  color?: string;
  bold?: boolean;
}

/** Conditional formatting on a range. */
export type ConditionalFormatSpec =
  | {
      type: "expression";
      range: string;
      /** Formula relative to the top-left cell of `range`, without "=". */
      formula: string;
      style: ConditionalStyle;
    }
  | {
      type: "textEquals";
      range: string;
      text: string;
      style: ConditionalStyle;
    }
  | {
      type: "dataBar";
      range: string;
      min: number;
      max: number;
      color: string;
    };

/** Sheet protection: locked cells cannot be edited; formatting/sorting/filtering stay allowed where listed. */
export interface ProtectionSpec {
  password?: string;
  allowFormatColumns?: boolean;
  allowSort?: boolean;
  allowAutoFilter?: boolean;
  allowInsertRows?: boolean;
  /** Row heights may be changed (long text). */
  allowFormatRows?: boolean;
}

/** Print setup: A4, orientation, fit to page width, rows repeated on every page, header/footer text. */
export interface PrintSpec {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  /** 1-based inclusive row numbers repeated at the top of each printed page. */
  repeatRows?: [number, number];
  header?: string;
  footer?: string;
  /** Print area in A1 notation. */
  area?: string;
  /** Page margins in inches (default: Excel's normal margins). */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre the printed table horizontally on the page. */
  centerHorizontally?: boolean;
  /** 1-based inclusive column numbers repeated at the left of each printed page (wide tables printed across pages). */
  repeatCols?: [number, number];
  /** Print scale in percent when not fitting to width (default 100). */
  scale?: number;
  /** Manual page breaks: 1-based rows after which a new page starts. */
  rowBreaks?: number[];
}

/**
 * A native chart (an Excel chart via Office.js, an embedded Sheets chart via Apps Script). The .xlsx renderer (exceljs) cannot
 * write charts and skips them; the data stays in the sheet's table.
 */
export interface ChartSpec {
  type: "bar" | "column";
  title: string;
  /** Category labels, e.g. "B6:B12" on the same sheet. */
  categories: string;
  /** One or more value ranges of the same height as `categories`, each with a series name. */
  series: Array<{ name: string; values: string }>;
  /** Top-left cell where the chart is placed, and its size in columns × rows. */
  anchor: string;
  width: number;
  height: number;
}

/** One sheet. */
export interface SheetSpec {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Sheet's role for hosts and readers (e.g. "tasks", "lists", "meta", "summary", "check", "close"). */
  role?: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  merges: string[];
  freeze?: { rows: number; cols: number };
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  protection?: ProtectionSpec;
  print?: PrintSpec;
  autoFilter?: string;
  tabColor?: string;
  charts?: ChartSpec[];
  /** Show the grid lines (default true); instruction sheets look cleaner without them. */
  showGridLines?: boolean;
}

/** A workbook-level defined name. */
export interface DefinedNameSpec {
  name: string;
  /** Absolute reference, e.g. "'Hướng dẫn'!$C$8". */
  ref: string;
}

/** A whole workbook (or a fragment of sheets to add to an existing one). */
export interface WorkbookSpec {
  sheets: SheetSpec[];
  styles: Record<string, CellStyle>;
  definedNames: DefinedNameSpec[];
  properties: { title: string; creator: string; subject?: string };
  /** Name of the sheet that is active when the file opens (must be visible). */
  activeSheet?: string;
}
