/**
 * An in-memory SpreadsheetApp: spreadsheets of sheets of cells, with the Sheets behaviours the renderer and reader
 * depend on — strings parsed as if typed (apostrophe = text, "=" = formula, "2.1" = number), dates returned as local
 * midnight of the spreadsheet's zone, bounds checks, one sheet always left, the active sheet, selections, menus and
 * dialogs. Every method call on the objects handed to the script is counted (calls.ts).
 */
import { CallLog, counted } from "./calls.js";
import type { FakeClock } from "./clock.js";

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Offset of a time zone from UTC at an instant, in ms (Node's ICU knows every zone). */
export function zoneOffset(tz: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

const isDateLike = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";
const isDateFormat = (fmt: string | null) => !!fmt && (/[dy]/i.test(fmt) || /mm/i.test(fmt)) && !/general/i.test(fmt);

/** One cell's stored state. */
export interface Cell {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string | null;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string | null;
  background?: string | null;
  hAlign?: string | null;
  vAlign?: string | null;
  wrap?: boolean;
  fontFamily?: string | null;
  fontSize?: number;
  note?: string;
  border?: boolean;
  validation?: FakeDataValidation | null;
}

/** A built data-validation rule. */
export interface FakeDataValidation {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** A built conditional-format rule. */
export interface FakeConditionalRule {
  ranges: string[];
  condition: string;
  args: unknown[];
  format: Record<string, unknown>;
}

/** A sheet protection. */
export interface FakeProtection {
  description: string;
  warningOnly: boolean;
  unprotected: string[];
}

/** An inserted chart. */
export interface FakeChart {
  type: string;
  ranges: string[];
  position: [number, number];
  options: Record<string, unknown>;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Splits "'Sheet'!A1:B2" into sheet name and rectangle. */
export function parseA1(a1: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let body = a1;
  const bang = a1.lastIndexOf("!");
  if (bang >= 0) {
    const raw = a1.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    body = a1.slice(bang + 1);
  }
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(body);
  if (!m) throw new Error(`Range not found: ${a1}`);
  const r1 = Number(m[2]);
  const c1 = colNumber(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  return { sheet, rect: { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) } };
}

function rectA1(r: Rect): string {
  const a = `${colLetters(r.left)}${r.top}`;
  const b = `${colLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Everything shared by one fake SpreadsheetApp and its objects. */
export class SheetsWorld {
  readonly ui: FakeUi;
  active: FakeSpreadsheet;
  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
  ) {
    this.ui = new FakeUi(log);
    this.active = new FakeSpreadsheet(this, "Sổ theo dõi CCHC");
  }
}

/** The SpreadsheetApp global. */
export class FakeSpreadsheetApp {
  readonly api: FakeSpreadsheetApp;
  readonly BorderStyle = { SOLID: "SOLID", DOTTED: "DOTTED", DASHED: "DASHED", SOLID_MEDIUM: "SOLID_MEDIUM", SOLID_THICK: "SOLID_THICK", DOUBLE: "DOUBLE" };
  readonly InterpolationType = { NUMBER: "NUMBER", PERCENT: "PERCENT", PERCENTILE: "PERCENTILE", MIN: "MIN", MAX: "MAX" };
  readonly ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" };
  constructor(readonly world: SheetsWorld) {
    this.api = counted(this, "SpreadsheetApp", world.log);
  }
  getActiveSpreadsheet() {
    return this.world.active.api;
  }
  getActive() {
    return this.world.active.api;
  }
  getUi() {
    return this.world.ui.api;
  }
  getActiveSheet() {
    return this.world.active.activeSheet.api;
  }
  getActiveRange() {
    return this.world.active.getActiveRange();
  }
  flush() {}
  newDataValidation() {
    return new FakeValidationBuilder(this.world.log).api;
  }
  newConditionalFormatRule() {
    return new FakeConditionalBuilder(this.world.log).api;
  }
}

/** A spreadsheet. */
export class FakeSpreadsheet {
  readonly api: FakeSpreadsheet;
  readonly id: string;
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet;
  namedRanges = new Map<string, { sheet: FakeSheet; rect: Rect }>();
  selection: Array<{ sheet: FakeSheet; rect: Rect }> = [];
  toasts: Array<{ message: string; title: string }> = [];
  timeZone = "Asia/Ho_Chi_Minh";
  private counter = 1;
  constructor(
    readonly world: SheetsWorld,
    public name: string,
    id?: string,
  ) {
    this.api = counted(this, "Spreadsheet", world.log);
    this.id = id ?? `ss-${Math.random().toString(36).slice(2, 10)}`;
    this.activeSheet = this._newSheet("Trang tính1");
    this.sheets.push(this.activeSheet);
  }
  _newSheet(name: string): FakeSheet {
    return new FakeSheet(this, name);
  }
  _sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** Test helper: selects ranges on a sheet, as a user would before choosing a menu item. */
  _select(sheetName: string, a1s: string[]): void {
    const sheet = this._sheet(sheetName)!;
    this.activeSheet = sheet;
    this.selection = a1s.map((a1) => ({ sheet, rect: parseA1(a1).rect }));
  }
  /** Test helper: adds a sheet and fills it with plain values from row 1. */
  _addSheet(name: string, rows: unknown[][]): FakeSheet {
    const sheet = this._newSheet(name);
    this.sheets.push(sheet);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && sheet._write(r + 1, c + 1, v, true)));
    return sheet;
  }
  getName() {
    return this.name;
  }
  getId() {
    return this.id;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSheets() {
    return this.sheets.map((s) => s.api);
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    return this._sheet(name)?.api ?? null;
  }
  getActiveSheet() {
    return this.activeSheet.api;
  }
  setActiveSheet(sheet: FakeSheet) {
    const raw = this.sheets.find((s) => s.api === sheet || s === sheet);
    if (!raw) throw new Error("Sheet not in spreadsheet");
    this.activeSheet = raw;
    raw.hidden = false;
    return raw.api;
  }
  insertSheet(name?: string, index?: number) {
    const sheetName = name ?? `Trang tính${++this.counter}`;
    if (this._sheet(sheetName)) throw new Error(`A sheet with the name "${sheetName}" already exists.`);
    const sheet = this._newSheet(sheetName);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.activeSheet = sheet;
    return sheet.api;
  }
  deleteSheet(sheet: FakeSheet) {
    const raw = this.sheets.find((s) => s.api === sheet);
    if (!raw) throw new Error("Sheet not found");
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== raw);
    for (const [n, r] of this.namedRanges) if (r.sheet === raw) this.namedRanges.delete(n);
    if (this.activeSheet === raw) this.activeSheet = this.sheets.find((s) => !s.hidden) ?? this.sheets[0]!;
  }
  getRange(a1: string) {
    const { sheet, rect } = parseA1(a1);
    const target = sheet === null ? this.activeSheet : this._sheet(sheet);
    if (!target) throw new Error(`Range not found: ${a1}`);
    return target._range(rect).api;
  }
  getRangeByName(name: string) {
    const r = this.namedRanges.get(name);
    return r ? r.sheet._range(r.rect).api : null;
  }
  setNamedRange(name: string, range: FakeRange) {
    const raw = FakeRange._raw(range);
    this.namedRanges.set(name, { sheet: raw.sheet, rect: raw.rect });
  }
  getActiveRange() {
    const first = this.selection[0];
    return first ? first.sheet._range(first.rect).api : this.activeSheet._range({ top: 1, left: 1, bottom: 1, right: 1 }).api;
  }
  getActiveRangeList() {
    if (this.selection.length === 0) return null;
    return new FakeRangeList(this.selection.map((s) => s.sheet._range(s.rect)), this.world.log).api;
  }
  toast(message: string, title = "", _timeout?: number) {
    this.toasts.push({ message, title });
  }
}

/** A sheet: a grid of cells plus its sheet-level settings. */
export class FakeSheet {
  readonly api: FakeSheet;
  cells: Array<Array<Cell | undefined>> = [];
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  merges: Rect[] = [];
  conditionalRules: FakeConditionalRule[] = [];
  protections: FakeProtection[] = [];
  charts: FakeChart[] = [];
  filter: string | null = null;
  tabColor: string | null = null;
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {
    this.api = counted(this, "Sheet", ss.world.log);
  }
  get log(): CallLog {
    return this.ss.world.log;
  }
  _cell(r: number, c: number, create = false): Cell | undefined {
    let row = this.cells[r - 1];
    if (!row) {
      if (!create) return undefined;
      row = this.cells[r - 1] = [];
    }
    let cell = row[c - 1];
    if (!cell && create) cell = row[c - 1] = { value: null, formula: null, numberFormat: null };
    return cell;
  }
  _range(rect: Rect): FakeRange {
    if (rect.top < 1 || rect.left < 1 || rect.bottom > this.maxRows || rect.right > this.maxColumns) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet (${this.name}!${rectA1(rect)}).`);
    }
    return new FakeRange(this, rect);
  }
  /** Writes one value the way Sheets parses what `setValues` receives. */
  _write(r: number, c: number, v: unknown, userEntered: boolean): void {
    const cell = this._cell(r, c, true)!;
    cell.formula = null;
    if (v === null || v === undefined || v === "") {
      cell.value = null;
      return;
    }
    if (isDateLike(v)) {
      const local = v.getTime() + zoneOffset(this.ss.timeZone, v.getTime());
      cell.value = (local - SERIAL_EPOCH_MS) / DAY_MS;
      if (!isDateFormat(cell.numberFormat)) cell.numberFormat = "dd/MM/yyyy";
      return;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      cell.value = v;
      return;
    }
    const s = String(v);
    if (!userEntered) {
      cell.value = s;
      return;
    }
    if (s.startsWith("'")) {
      cell.value = s.slice(1) === "" ? null : s.slice(1);
      return;
    }
    if (s.startsWith("=")) {
      cell.formula = s;
      cell.value = null;
      return;
    }
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s.trim())) {
      cell.value = Number(s);
      return;
    }
    if (/^(true|false)$/i.test(s.trim())) {
      cell.value = s.trim().toLowerCase() === "true";
      return;
    }
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
    if (dmy) {
      cell.value = (Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])) - SERIAL_EPOCH_MS) / DAY_MS;
      if (!isDateFormat(cell.numberFormat)) cell.numberFormat = "dd/MM/yyyy";
      return;
    }
    cell.value = s;
  }
  /** What getValues returns for a cell. */
  _read(r: number, c: number): unknown {
    const cell = this._cell(r, c);
    if (!cell || cell.value === null) return "";
    if (typeof cell.value === "number" && isDateFormat(cell.numberFormat)) {
      const localMs = SERIAL_EPOCH_MS + cell.value * DAY_MS;
      return new Date(localMs - zoneOffset(this.ss.timeZone, localMs));
    }
    return cell.value;
  }
  _lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      if (this.cells[r - 1]?.some((c) => c && (c.value !== null || c.formula !== null))) return r;
    }
    return 0;
  }
  _lastColumn(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.value !== null || cell.formula !== null)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  /** Test helper: the stored value of a cell by A1 address ("K7"). */
  _value(a1: string): unknown {
    const { rect } = parseA1(a1);
    return this._cell(rect.top, rect.left)?.value ?? null;
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    if (this.ss.sheets.some((s) => s !== this && s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    this.name = name;
    return this.api;
  }
  getIndex() {
    return this.ss.sheets.indexOf(this) + 1;
  }
  getSheetId() {
    return this.ss.sheets.indexOf(this);
  }
  getParent() {
    return this.ss.api;
  }
  isSheetHidden() {
    return this.hidden;
  }
  hideSheet() {
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.ss.activeSheet === this) this.ss.activeSheet = this.ss.sheets.find((s) => !s.hidden)!;
    return this.api;
  }
  showSheet() {
    this.hidden = false;
    return this.api;
  }
  activate() {
    this.ss.activeSheet = this;
    this.hidden = false;
    return this.api;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(_after: number, n: number) {
    this.maxRows += n;
    return this.api;
  }
  insertColumnsAfter(_after: number, n: number) {
    this.maxColumns += n;
    return this.api;
  }
  getLastRow() {
    return this._lastRow();
  }
  getLastColumn() {
    return this._lastColumn();
  }
  getRange(a: number | string, col?: number, rows = 1, cols = 1) {
    if (typeof a === "string") {
      const { sheet, rect } = parseA1(a);
      if (sheet !== null && sheet !== this.name) throw new Error(`Range not on this sheet: ${a}`);
      return this._range(rect).api;
    }
    if (!(rows >= 1) || !(cols >= 1)) throw new Error("The number of rows/columns in the range must be at least 1.");
    return this._range({ top: a, left: col!, bottom: a + rows - 1, right: col! + cols - 1 }).api;
  }
  getRangeList(a1s: string[]) {
    return new FakeRangeList(a1s.map((a1) => this._range(parseA1(a1).rect)), this.log).api;
  }
  getDataRange() {
    return this._range({ top: 1, left: 1, bottom: Math.max(1, this._lastRow()), right: Math.max(1, this._lastColumn()) }).api;
  }
  setColumnWidth(col: number, px: number) {
    this.columnWidths.set(col, px);
    return this.api;
  }
  setColumnWidths(start: number, n: number, px: number) {
    for (let i = 0; i < n; i++) this.columnWidths.set(start + i, px);
    return this.api;
  }
  hideColumns(start: number, n = 1) {
    for (let i = 0; i < n; i++) this.hiddenColumns.add(start + i);
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  setFrozenColumns(n: number) {
    this.frozenColumns = n;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  getFrozenColumns() {
    return this.frozenColumns;
  }
  setConditionalFormatRules(rules: FakeConditionalRule[]) {
    this.conditionalRules = [...rules];
  }
  getConditionalFormatRules() {
    return [...this.conditionalRules];
  }
  protect() {
    const p: FakeProtection = { description: "", warningOnly: false, unprotected: [] };
    this.protections.push(p);
    return new FakeProtectionApi(p, this.log).api;
  }
  getProtections(_type: string) {
    return this.protections.map((p) => new FakeProtectionApi(p, this.log).api);
  }
  newChart() {
    return new FakeChartBuilder(this.log).api;
  }
  insertChart(chart: FakeChart) {
    this.charts.push(chart);
  }
  getCharts() {
    return [...this.charts];
  }
  hiddenGridlines = false;
  setHiddenGridlines(hidden: boolean) {
    this.hiddenGridlines = hidden;
    return this.api;
  }
  setTabColor(color: string) {
    this.tabColor = color;
    return this.api;
  }
  clear() {
    this.cells = [];
    return this.api;
  }
}

/** A rectangle of a sheet. */
export class FakeRange {
  readonly api: FakeRange;
  private static raws = new WeakMap<object, FakeRange>();
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    this.api = counted(this, "Range", sheet.log);
    FakeRange.raws.set(this.api, this);
  }
  /** The raw range behind a counted one (fakes use it without counting). */
  static _raw(range: unknown): FakeRange {
    const raw = FakeRange.raws.get(range as object);
    if (!raw) throw new Error("Not a range of this fake");
    return raw;
  }
  get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }
  get cols(): number {
    return this.rect.right - this.rect.left + 1;
  }
  _each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) fn(this.rect.top + i, this.rect.left + j, i, j);
  }
  _grid<T>(name: string, values: T[][]): void {
    if (!Array.isArray(values) || values.length !== this.rows) {
      throw new Error(`${name}: the number of rows in the data (${values?.length}) does not match the range (${this.rows}).`);
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.cols) {
        throw new Error(`${name}: the number of columns in the data (${row?.length}) does not match the range (${this.cols}).`);
      }
    }
  }
  _set<K extends keyof Cell>(key: K, grid: Array<Array<Cell[K]>>): FakeRange {
    this._each((r, c, i, j) => {
      this.sheet._cell(r, c, true)![key] = grid[i]![j]!;
    });
    return this.api;
  }
  _fill<K extends keyof Cell>(key: K, value: Cell[K]): FakeRange {
    this._each((r, c) => {
      this.sheet._cell(r, c, true)![key] = value;
    });
    return this.api;
  }
  getRow() {
    return this.rect.top;
  }
  getColumn() {
    return this.rect.left;
  }
  getLastRow() {
    return this.rect.bottom;
  }
  getLastColumn() {
    return this.rect.right;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getA1Notation() {
    return rectA1(this.rect);
  }
  getSheet() {
    return this.sheet.api;
  }
  getValues() {
    const out: unknown[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill(""));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._read(r, c)));
    return out;
  }
  getValue() {
    return this.sheet._read(this.rect.top, this.rect.left);
  }
  getDisplayValues() {
    return this.getValues().map((row) => row.map((v) => (v === null ? "" : String(v))));
  }
  setValues(values: unknown[][]) {
    this._grid("setValues", values);
    this._each((r, c, i, j) => this.sheet._write(r, c, values[i]![j], true));
    return this.api;
  }
  setValue(value: unknown) {
    this._each((r, c) => this.sheet._write(r, c, value, true));
    return this.api;
  }
  getFormulas() {
    const out: string[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill(""));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._cell(r, c)?.formula ?? ""));
    return out;
  }
  getFormula() {
    return this.sheet._cell(this.rect.top, this.rect.left)?.formula ?? "";
  }
  setFormula(f: string) {
    this._each((r, c) => this.sheet._write(r, c, f.startsWith("=") ? f : `=${f}`, true));
    return this.api;
  }
  setFormulas(fs: string[][]) {
    this._grid("setFormulas", fs);
    this._each((r, c, i, j) => this.sheet._write(r, c, fs[i]![j], true));
    return this.api;
  }
  getNumberFormats() {
    const out: string[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill(""));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._cell(r, c)?.numberFormat ?? "0.###############"));
    return out;
  }
  setNumberFormat(fmt: string) {
    return this._fill("numberFormat", fmt);
  }
  setNumberFormats(fmts: string[][]) {
    this._grid("setNumberFormats", fmts);
    return this._set("numberFormat", fmts);
  }
  setFontWeights(v: string[][]) {
    this._grid("setFontWeights", v);
    return this._set("fontWeight", v);
  }
  setFontWeight(v: string) {
    return this._fill("fontWeight", v);
  }
  getFontWeights() {
    const out: string[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill("normal"));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._cell(r, c)?.fontWeight ?? "normal"));
    return out;
  }
  setFontStyles(v: string[][]) {
    this._grid("setFontStyles", v);
    return this._set("fontStyle", v);
  }
  setFontColors(v: Array<Array<string | null>>) {
    this._grid("setFontColors", v);
    return this._set("fontColor", v);
  }
  setFontColor(v: string | null) {
    return this._fill("fontColor", v);
  }
  setBackgrounds(v: Array<Array<string | null>>) {
    this._grid("setBackgrounds", v);
    return this._set("background", v);
  }
  setBackground(v: string | null) {
    return this._fill("background", v);
  }
  getBackgrounds() {
    const out: string[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill("#ffffff"));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._cell(r, c)?.background ?? "#ffffff"));
    return out;
  }
  setHorizontalAlignments(v: Array<Array<string | null>>) {
    this._grid("setHorizontalAlignments", v);
    return this._set("hAlign", v);
  }
  setVerticalAlignments(v: Array<Array<string | null>>) {
    this._grid("setVerticalAlignments", v);
    return this._set("vAlign", v);
  }
  setWraps(v: boolean[][]) {
    this._grid("setWraps", v);
    return this._set("wrap", v);
  }
  setFontFamilies(v: Array<Array<string | null>>) {
    this._grid("setFontFamilies", v);
    return this._set("fontFamily", v);
  }
  setFontSizes(v: number[][]) {
    this._grid("setFontSizes", v);
    return this._set("fontSize", v);
  }
  setNotes(v: string[][]) {
    this._grid("setNotes", v);
    return this._set("note", v);
  }
  getNotes() {
    const out: string[][] = Array.from({ length: this.rows }, () => new Array(this.cols).fill(""));
    this._each((r, c, i, j) => (out[i]![j] = this.sheet._cell(r, c)?.note ?? ""));
    return out;
  }
  setBorder(..._args: unknown[]) {
    return this._fill("border", true);
  }
  merge() {
    for (const m of this.sheet.merges) {
      if (m.top <= this.rect.bottom && this.rect.top <= m.bottom && m.left <= this.rect.right && this.rect.left <= m.right) {
        throw new Error(`You must select all cells in a merged range to merge or unmerge them (${this.getA1Notation()}).`);
      }
    }
    this.sheet.merges.push({ ...this.rect });
    return this.api;
  }
  mergeAcross() {
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      new FakeRange(this.sheet, { top: r, left: this.rect.left, bottom: r, right: this.rect.right }).merge();
    }
    return this.api;
  }
  setDataValidation(rule: FakeDataValidation | null) {
    return this._fill("validation", rule);
  }
  getDataValidation() {
    return this.sheet._cell(this.rect.top, this.rect.left)?.validation ?? null;
  }
  createFilter() {
    if (this.sheet.filter) throw new Error("A filter already exists on this sheet.");
    this.sheet.filter = this.getA1Notation();
    return {};
  }
  activate() {
    this.sheet.ss.activeSheet = this.sheet;
    this.sheet.ss.selection = [{ sheet: this.sheet, rect: this.rect }];
    return this.api;
  }
  clearContent() {
    this._each((r, c) => this.sheet._write(r, c, null, false));
    return this.api;
  }
}

/** A list of ranges (possibly on one sheet only, as in Sheets). */
export class FakeRangeList {
  readonly api: FakeRangeList;
  constructor(
    readonly ranges: FakeRange[],
    log: CallLog,
  ) {
    this.api = counted(this, "RangeList", log);
  }
  getRanges() {
    return this.ranges.map((r) => r.api);
  }
  private each(fn: (r: FakeRange) => void) {
    for (const r of this.ranges) fn(r);
    return this.api;
  }
  setNumberFormat(fmt: string) {
    return this.each((r) => r._fill("numberFormat", fmt));
  }
  setBorder(..._args: unknown[]) {
    return this.each((r) => r._fill("border", true));
  }
  setValue(v: unknown) {
    return this.each((r) => r._each((row, col) => r.sheet._write(row, col, v, true)));
  }
  setFormula(f: string) {
    return this.each((r) => r._each((row, col) => r.sheet._write(row, col, f, true)));
  }
  setFontWeight(v: string) {
    return this.each((r) => r._fill("fontWeight", v));
  }
  setBackground(v: string | null) {
    return this.each((r) => r._fill("background", v));
  }
  setFontColor(v: string | null) {
    return this.each((r) => r._fill("fontColor", v));
  }
  activate() {
    const first = this.ranges[0];
    if (first) {
      first.sheet.ss.activeSheet = first.sheet;
      first.sheet.ss.selection = this.ranges.map((r) => ({ sheet: r.sheet, rect: r.rect }));
    }
    return this.api;
  }
}

class FakeProtectionApi {
  readonly api: FakeProtectionApi;
  constructor(
    readonly p: FakeProtection,
    log: CallLog,
  ) {
    this.api = counted(this, "Protection", log);
  }
  setDescription(d: string) {
    this.p.description = d;
    return this.api;
  }
  getDescription() {
    return this.p.description;
  }
  setWarningOnly(w: boolean) {
    this.p.warningOnly = w;
    return this.api;
  }
  isWarningOnly() {
    return this.p.warningOnly;
  }
  setUnprotectedRanges(ranges: unknown[]) {
    this.p.unprotected = ranges.map((r) => FakeRange._raw(r).getA1Notation());
    return this.api;
  }
  getUnprotectedRanges() {
    return this.p.unprotected;
  }
}

class FakeValidationBuilder {
  readonly api: FakeValidationBuilder;
  private rule: FakeDataValidation = { criteria: "", args: [], allowInvalid: true, helpText: "" };
  constructor(log: CallLog) {
    this.api = counted(this, "DataValidationBuilder", log);
  }
  private criteria(name: string, args: unknown[]) {
    this.rule.criteria = name;
    this.rule.args = args;
    return this.api;
  }
  requireValueInRange(range: unknown, showDropdown = true) {
    const raw = FakeRange._raw(range);
    return this.criteria("VALUE_IN_RANGE", [`'${raw.sheet.name}'!${raw.getA1Notation()}`, showDropdown]);
  }
  requireValueInList(values: string[], showDropdown = true) {
    return this.criteria("VALUE_IN_LIST", [values, showDropdown]);
  }
  requireFormulaSatisfied(formula: string) {
    return this.criteria("CUSTOM_FORMULA", [formula]);
  }
  requireDateBetween(a: Date, b: Date) {
    return this.criteria("DATE_BETWEEN", [a, b]);
  }
  requireNumberBetween(a: number, b: number) {
    return this.criteria("NUMBER_BETWEEN", [a, b]);
  }
  setAllowInvalid(v: boolean) {
    this.rule.allowInvalid = v;
    return this.api;
  }
  setHelpText(t: string) {
    this.rule.helpText = t;
    return this.api;
  }
  build() {
    if (!this.rule.criteria) throw new Error("Data validation has no criteria");
    return { ...this.rule };
  }
}

class FakeConditionalBuilder {
  readonly api: FakeConditionalBuilder;
  private rule: FakeConditionalRule = { ranges: [], condition: "", args: [], format: {} };
  constructor(log: CallLog) {
    this.api = counted(this, "ConditionalFormatRuleBuilder", log);
  }
  setRanges(ranges: unknown[]) {
    this.rule.ranges = ranges.map((r) => {
      const raw = FakeRange._raw(r);
      return `'${raw.sheet.name}'!${raw.getA1Notation()}`;
    });
    return this.api;
  }
  whenFormulaSatisfied(f: string) {
    this.rule.condition = "CUSTOM_FORMULA";
    this.rule.args = [f];
    return this.api;
  }
  whenTextEqualTo(t: string) {
    this.rule.condition = "TEXT_EQ";
    this.rule.args = [t];
    return this.api;
  }
  setGradientMinpointWithValue(color: string, type: string, value: string) {
    this.rule.condition = "GRADIENT";
    this.rule.format.min = [color, type, value];
    return this.api;
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string) {
    this.rule.condition = "GRADIENT";
    this.rule.format.max = [color, type, value];
    return this.api;
  }
  setBackground(c: string) {
    this.rule.format.background = c;
    return this.api;
  }
  setFontColor(c: string) {
    this.rule.format.fontColor = c;
    return this.api;
  }
  setBold(b: boolean) {
    this.rule.format.bold = b;
    return this.api;
  }
  build() {
    if (!this.rule.condition || this.rule.ranges.length === 0) throw new Error("Conditional format rule is incomplete");
    return { ...this.rule, format: { ...this.rule.format } };
  }
}

class FakeChartBuilder {
  readonly api: FakeChartBuilder;
  private chart: FakeChart = { type: "", ranges: [], position: [1, 1], options: {} };
  constructor(log: CallLog) {
    this.api = counted(this, "EmbeddedChartBuilder", log);
  }
  asBarChart() {
    this.chart.type = "BAR";
    return this.api;
  }
  asColumnChart() {
    this.chart.type = "COLUMN";
    return this.api;
  }
  addRange(range: unknown) {
    this.chart.ranges.push(FakeRange._raw(range).getA1Notation());
    return this.api;
  }
  setPosition(row: number, col: number, _x: number, _y: number) {
    this.chart.position = [row, col];
    return this.api;
  }
  setOption(name: string, value: unknown) {
    this.chart.options[name] = value;
    return this.api;
  }
  build() {
    if (!this.chart.type || this.chart.ranges.length === 0) throw new Error("Chart is incomplete");
    return { ...this.chart, ranges: [...this.chart.ranges], options: { ...this.chart.options } };
  }
}

/** A dialog shown with showModalDialog / showModelessDialog / showSidebar. */
export interface ShownDialog {
  title: string;
  html: string;
  kind: "modal" | "modeless" | "sidebar";
}

/** The spreadsheet UI: menus, alerts, prompts (answers queued by the test), dialogs. */
export class FakeUi {
  readonly api: FakeUi;
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" };
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };
  menus: FakeMenu[] = [];
  alerts: Array<{ title: string; message: string }> = [];
  dialogs: ShownDialog[] = [];
  /** Answers for the next alerts with buttons (YES/NO/OK/CANCEL); OK when empty. */
  alertAnswers: string[] = [];
  /** Answers for the next prompts: [button, text]. */
  promptAnswers: Array<[string, string]> = [];
  constructor(readonly log: CallLog) {
    this.api = counted(this, "Ui", log);
  }
  createMenu(caption: string) {
    return new FakeMenu(this, caption).api;
  }
  createAddonMenu() {
    return new FakeMenu(this, "Add-on").api;
  }
  alert(a: string, b?: unknown, c?: unknown) {
    const withTitle = typeof b === "string";
    this.alerts.push({ title: withTitle ? a : "", message: withTitle ? (b as string) : a });
    const buttons = withTitle ? c : b;
    return buttons && buttons !== "OK" ? (this.alertAnswers.shift() ?? "OK") : "OK";
  }
  prompt(a: string, b?: unknown, _c?: unknown) {
    this.alerts.push({ title: typeof b === "string" ? a : "", message: typeof b === "string" ? b : a });
    const [button, text] = this.promptAnswers.shift() ?? ["CANCEL", ""];
    return { getSelectedButton: () => button, getResponseText: () => text };
  }
  showModalDialog(html: { _content(): string }, title: string) {
    this.dialogs.push({ title, html: html._content(), kind: "modal" });
  }
  showModelessDialog(html: { _content(): string }, title: string) {
    this.dialogs.push({ title, html: html._content(), kind: "modeless" });
  }
  showSidebar(html: { _content(): string; _title?: string }) {
    this.dialogs.push({ title: html._title ?? "", html: html._content(), kind: "sidebar" });
  }
}

/** A menu under construction; `addToUi` registers it. */
export class FakeMenu {
  /** Raw menus by their counted wrapper, so that addSubMenu can find the menu it is given. */
  static readonly byApi = new WeakMap<object, FakeMenu>();
  readonly api: FakeMenu;
  items: Array<{ kind: "item"; caption: string; fn: string } | { kind: "separator" } | { kind: "submenu"; menu: FakeMenu }> = [];
  constructor(
    readonly ui: FakeUi,
    readonly caption: string,
  ) {
    this.api = counted(this, "Menu", ui.log);
    FakeMenu.byApi.set(this.api, this);
  }
  addItem(caption: string, fn: string) {
    this.items.push({ kind: "item", caption, fn });
    return this.api;
  }
  addSeparator() {
    this.items.push({ kind: "separator" });
    return this.api;
  }
  addSubMenu(menu: FakeMenu) {
    const raw = FakeMenu.byApi.get(menu);
    if (!raw) throw new Error("Not a menu");
    this.items.push({ kind: "submenu", menu: raw });
    return this.api;
  }
  addToUi() {
    this.ui.menus.push(this);
  }
}
