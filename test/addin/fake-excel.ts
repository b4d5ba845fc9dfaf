/**
 * A small, stateful, in-memory fake of the Office.js Excel API — just the part the add-in uses — for unit tests and
 * for the headless-browser test (bundled and installed as `window.Excel` before the add-in loads).
 *
 * It keeps Office.js's batching rules so tests catch what real Excel would punish:
 * - proxies are not readable before sync: reading a property that was not loaded and synced throws;
 * - commands are queued in order; the first failing command breaks the batch and its error surfaces at the next
 *   `context.sync()`, and later commands of that batch are dropped (what Excel does);
 * - APIs above the configured ExcelApi version fail with ApiNotFound (old Excel);
 * - writing "=…", "+…", "-…", numbers-as-text or "TRUE" into a cell not formatted as text is coerced as Excel
 *   coerces typed input, so user text written without the text format turns into formulas/numbers here as well;
 * - locked cells of a protected sheet refuse writes.
 * Every `context.sync()` is counted.
 */
import type { ExcelHost } from "../../addin/excel/host.js";

// ---------------------------------------------------------------- addresses

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function cellName(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}
function rectName(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROW) return `${colName(r.left)}:${colName(r.right)}`;
  if (r.left === 0 && r.right === MAX_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const a = cellName(r.top, r.left);
  const b = cellName(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
/** Parses "B2", "$B$2:$D$9", "C:C", "3:5" (no sheet part); throws on anything else, as Excel does at sync. */
export function parseRect(address: string): Rect {
  const parts = address.replace(/\$/g, "").split(":");
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d+)$/;
  const a = parts[0] ?? "";
  const b = parts[1] ?? a;
  if (parts.length <= 2) {
    const ma = cell.exec(a);
    const mb = cell.exec(b);
    if (ma && mb) {
      const r1 = Number(ma[2]) - 1;
      const r2 = Number(mb[2]) - 1;
      const c1 = colIndex(ma[1]!);
      const c2 = colIndex(mb[1]!);
      return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
    }
    const ka = col.exec(a);
    const kb = col.exec(b);
    if (ka && kb) return { top: 0, bottom: MAX_ROW, left: Math.min(colIndex(ka[1]!), colIndex(kb[1]!)), right: Math.max(colIndex(ka[1]!), colIndex(kb[1]!)) };
    const ra = row.exec(a);
    const rb = row.exec(b);
    if (ra && rb) return { top: Math.min(+ra[1]! - 1, +rb[1]! - 1), bottom: Math.max(+ra[1]! - 1, +rb[1]! - 1), left: 0, right: MAX_COL };
  }
  throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
}
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------- errors

/** What Office.js rejects a batch with (OfficeExtension.Error carries `code` the same way). */
export class FakeExcelError extends Error {
  override name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- the model

/** Cell formatting as the fake stores it. */
export interface FakeFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  locked?: boolean;
  borders?: Record<string, { style?: string; weight?: string; color?: string }>;
}

/** One cell of the model. `value` is "" when empty. */
export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat?: string;
  format: FakeFormat;
}

/** A data validation as written. */
export interface FakeValidation {
  rect: Rect;
  rule?: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
  prompt?: unknown;
}

/** A conditional format as written. */
export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  formula?: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  lowerBound?: unknown;
  upperBound?: unknown;
  barColor?: string;
}

/** A chart as written. */
export interface FakeChart {
  type: string;
  source: string;
  title?: string;
  legendPosition?: string;
  legendVisible?: boolean;
  position?: [string, string];
  series: Array<{ name?: string; values?: string; xValues?: string }>;
}

/** One worksheet of the model. */
export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor?: string;
  showGridlines = true;
  readonly cells = new Map<string, FakeCell>();
  readonly columnFormats = new Map<number, FakeFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: Rect[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  freeze: { rows: number; cols: number } | null = null;
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string } = { protected: false };
  readonly charts: FakeChart[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  autoFilter?: string;
  readonly notes = new Map<string, string>();
  readonly rowGroups: string[] = [];
  deleted = false;
  constructor(public name: string) {}

  /** The cell at 0-based (r, c), created empty when absent. */
  cell(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", formula: null, format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }
  /** The cell at an A1 address, or undefined. */
  peek(address: string): FakeCell | undefined {
    const r = parseRect(address);
    return this.cells.get(`${r.top},${r.left}`);
  }
  /** What a cell shows as value: text, number, boolean, or "" (formulas have no computed value here). */
  valueAt(address: string): string | number | boolean {
    return this.peek(address)?.value ?? "";
  }
  /** The effective number format of a cell (cell, else column, else General). */
  numberFormatAt(r: number, c: number): string {
    return this.cells.get(`${r},${c}`)?.numberFormat ?? this.columnFormats.get(c)?.["numberFormat" as keyof FakeFormat] as string ?? "General";
  }
  /** Whether a cell is locked (cell, else column, else Excel's default: locked). */
  lockedAt(r: number, c: number): boolean {
    return this.cells.get(`${r},${c}`)?.format.locked ?? this.columnFormats.get(c)?.locked ?? true;
  }
  /** A format property of a cell, falling back to its column's format. */
  formatAt<K extends keyof FakeFormat>(r: number, c: number, key: K): FakeFormat[K] {
    return this.cells.get(`${r},${c}`)?.format[key] ?? this.columnFormats.get(c)?.[key];
  }
  /** The used rectangle (cells with a value or formula), or undefined when the sheet is empty. */
  usedRect(): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === null) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      rect = rect
        ? { top: Math.min(rect.top, r), left: Math.min(rect.left, c), bottom: Math.max(rect.bottom, r), right: Math.max(rect.right, c) }
        : { top: r, left: c, bottom: r, right: c };
    }
    return rect;
  }
  /** The used range as rows of values (formulas shown as "=…"), from A1. */
  table(): Array<Array<string | number | boolean>> {
    const used = this.usedRect();
    if (!used) return [];
    const out: Array<Array<string | number | boolean>> = [];
    for (let r = 0; r <= used.bottom; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = 0; c <= used.right; c++) {
        const cell = this.cells.get(`${r},${c}`);
        row.push(cell ? (cell.formula ?? cell.value) : "");
      }
      out.push(row);
    }
    return out;
  }
}

/** The whole fake workbook. */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  active = 0;
  selection: { sheet: FakeSheet; rects: Rect[] } | null = null;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** The sheet or a test failure. */
  get(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake Excel: no sheet "${name}" (have: ${this.sheets.map((x) => x.name).join(", ")})`);
    return s;
  }
}

// ---------------------------------------------------------------- versions

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

// ---------------------------------------------------------------- the request context

class Ctx {
  error: FakeExcelError | null = null;
  dirty = false;
  syncs = 0;
  private pending: Array<() => void> = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly host: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }
  get model(): FakeWorkbookModel {
    return this.host.model;
  }
  /** Runs a queued command now unless the batch is already broken; a thrown FakeExcelError breaks it. */
  exec(fn: () => void): void {
    this.dirty = true;
    if (this.error) return;
    try {
      fn();
    } catch (e) {
      if (e instanceof FakeExcelError) this.error = e;
      else throw e;
    }
  }
  /** Fails with ApiNotFound when the API needs a newer ExcelApi than the fake offers. */
  api(version: string, what: string): void {
    if (!versionAtLeast(this.host.excelApi, version)) {
      throw new FakeExcelError("ApiNotFound", `The requested API (${what}, ExcelApi ${version}) is not supported by this Excel (ExcelApi ${this.host.excelApi}).`);
    }
  }
  queueLoad(apply: () => void): void {
    this.dirty = true;
    if (this.error) return;
    this.pending.push(apply);
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.host.syncs++;
    this.dirty = false;
    await Promise.resolve();
    const error = this.error;
    const loads = this.pending;
    this.pending = [];
    this.error = null;
    if (error) throw error;
    for (const apply of loads) apply();
  }
}

type Snapshot = Record<string, unknown>;

/** Base of every proxy: properties become readable only after load + sync. */
class ClientObject {
  private readable: Snapshot = {};
  private nullResolved = false;
  constructor(protected readonly ctx: Ctx) {}
  get context(): Ctx {
    return this.ctx;
  }
  /** Current values of the named properties (what a load sees at this point of the batch). */
  protected snapshot(_names: string[]): Snapshot {
    return {};
  }
  load(props?: string | string[] | { select?: string }): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props?.select?.split(",") ?? [];
    const names = list.map((s) => s.trim()).filter(Boolean);
    this.ctx.exec(() => {
      const snap = this.snapshot(names);
      this.ctx.queueLoad(() => Object.assign(this.readable, snap));
    });
    return this;
  }
  protected read<T>(name: string): T {
    if (!(name in this.readable)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.readable[name] as T;
  }
  /** Marks the object for the next sync (what isNullObject needs). */
  protected track(): void {
    this.ctx.queueLoad(() => {
      this.nullResolved = true;
    });
  }
  protected nullKnown(): boolean {
    return this.nullResolved;
  }
  toJSON(): Snapshot {
    return { ...this.readable };
  }
}

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NameCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NameCollectionProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    const sel = this.ctx.model.selection;
    const sheet = sel?.sheet ?? this.ctx.model.sheets[this.ctx.model.active]!;
    return new RangeProxy(this.ctx, sheet, sel?.rects[0] ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getSelectedRanges(): RangeAreasProxy {
    this.ctx.exec(() => this.ctx.api("1.9", "Workbook.getSelectedRanges"));
    const sel = this.ctx.model.selection;
    const sheet = sel?.sheet ?? this.ctx.model.sheets[this.ctx.model.active]!;
    return new RangeAreasProxy(this.ctx, sheet, sel?.rects ?? [{ top: 0, left: 0, bottom: 0, right: 0 }]);
  }
}

class RangeAreasProxy extends ClientObject {
  readonly areas: { items: RangeProxy[]; load: (p?: string) => void };
  constructor(
    ctx: Ctx,
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
  ) {
    super(ctx);
    const items = rects.map((r) => new RangeProxy(ctx, sheet, r));
    this.areas = {
      items,
      load: (p?: string) => {
        const names = (p ?? "").split(",").map((s) => s.trim().replace(/^items\//, "")).filter(Boolean);
        for (const item of items) item.load(names);
      },
    };
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheet);
  }
  protected override snapshot(names: string[]): Snapshot {
    const out: Snapshot = {};
    for (const n of names) {
      if (n === "address") out.address = this.rects.map((r) => `${quoteSheet(this.sheet.name)}!${rectName(r)}`).join(",");
      if (n === "areaCount") out.areaCount = this.rects.length;
    }
    return out;
  }
  get address(): string {
    return this.read("address");
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private loadedItems: WorksheetProxy[] | null = null;
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.loadedItems;
  }
  override load(props?: string | string[]): this {
    const list = (typeof props === "string" ? props.split(",") : props ?? []).map((s) => s.trim().replace(/^items\//, ""));
    this.ctx.exec(() => {
      const proxies = this.ctx.model.sheets.filter((s) => !s.deleted).map((s) => new WorksheetProxy(this.ctx, s));
      for (const p of proxies) p.load(list);
      this.ctx.queueLoad(() => {
        this.loadedItems = proxies;
      });
    });
    return this;
  }
  add(name?: string): WorksheetProxy {
    const model = this.ctx.model;
    const sheet = new FakeSheet(name ?? `Sheet${model.sheets.length + 1}`);
    this.ctx.exec(() => {
      checkSheetName(sheet.name);
      if (model.sheet(sheet.name)) throw new FakeExcelError("ItemAlreadyExists", `A worksheet named "${sheet.name}" already exists.`);
      model.sheets.push(sheet);
    });
    return new WorksheetProxy(this.ctx, sheet);
  }
  getItem(name: string): WorksheetProxy {
    const sheet = this.ctx.model.sheet(name);
    if (!sheet) {
      this.ctx.exec(() => {
        throw new FakeExcelError("ItemNotFound", `The requested worksheet "${name}" doesn't exist.`);
      });
      return new WorksheetProxy(this.ctx, new FakeSheet(name));
    }
    return new WorksheetProxy(this.ctx, sheet);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.ctx.model.sheets[this.ctx.model.active]!);
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeExcelError("InvalidArgument", `Invalid worksheet name "${name}".`);
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    readonly model: FakeSheet,
  ) {
    super(ctx);
  }
  protected override snapshot(names: string[]): Snapshot {
    const out: Snapshot = {};
    const wb = this.ctx.model;
    for (const n of names) {
      if (n === "name") out.name = this.model.name;
      else if (n === "visibility") out.visibility = this.model.visibility;
      else if (n === "position") out.position = wb.sheets.filter((s) => !s.deleted).indexOf(this.model);
      else if (n === "tabColor") out.tabColor = this.model.tabColor ?? "";
      else if (n !== "") throw new FakeExcelError("InvalidArgument", `fake Excel: Worksheet.${n} cannot be loaded`);
    }
    return out;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.exec(() => {
      checkSheetName(value);
      const other = this.ctx.model.sheet(value);
      if (other && other !== this.model) throw new FakeExcelError("ItemAlreadyExists", `A worksheet named "${value}" already exists.`);
      this.model.name = value;
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.exec(() => {
      const wb = this.ctx.model;
      if (value !== "Visible") {
        const visible = wb.sheets.filter((s) => !s.deleted && s.visibility === "Visible" && s !== this.model);
        if (visible.length === 0) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        if (wb.sheets[wb.active] === this.model) throw new FakeExcelError("InvalidOperation", "The active worksheet cannot be hidden.");
      }
      this.model.visibility = value;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.ctx.exec(() => {
      const wb = this.ctx.model;
      const activeSheet = wb.sheets[wb.active];
      const i = wb.sheets.indexOf(this.model);
      wb.sheets.splice(i, 1);
      wb.sheets.splice(Math.min(value, wb.sheets.length), 0, this.model);
      if (activeSheet) wb.active = wb.sheets.indexOf(activeSheet);
    });
  }
  set tabColor(value: string) {
    this.ctx.exec(() => {
      this.ctx.api("1.7", "Worksheet.tabColor");
      this.model.tabColor = value;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set showGridlines(v: boolean) {
    this.ctx.exec(() => {
      this.ctx.api("1.8", "Worksheet.showGridlines");
      this.model.showGridlines = v;
    });
  }
  getRange(address?: string): RangeProxy {
    let rect: Rect = { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
    if (address !== undefined) {
      try {
        rect = parseRect(address);
      } catch (e) {
        this.ctx.exec(() => {
          throw e;
        });
      }
    }
    return new RangeProxy(this.ctx, this.model, rect);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.ctx.exec(() => this.ctx.api("1.7", "Worksheet.getRangeByIndexes"));
    return new RangeProxy(this.ctx, this.model, { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.exec(() => this.ctx.api("1.2", "Worksheet.getUsedRange(valuesOnly)"));
    const sheet = this.model;
    // An empty sheet's used range is A1, as in Excel.
    return new RangeProxy(this.ctx, sheet, () => sheet.usedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  activate(): void {
    this.ctx.exec(() => {
      if (this.model.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", "A hidden worksheet cannot be activated.");
      const wb = this.ctx.model;
      wb.active = wb.sheets.indexOf(this.model);
      wb.selection = { sheet: this.model, rects: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }
  delete(): void {
    this.ctx.exec(() => {
      const wb = this.ctx.model;
      const others = wb.sheets.filter((s) => s !== this.model && s.visibility === "Visible");
      if (others.length === 0) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      const activeSheet = wb.sheets[wb.active];
      wb.sheets.splice(wb.sheets.indexOf(this.model), 1);
      this.model.deleted = true;
      for (const [name, ref] of wb.names) if (ref.includes(`${quoteSheet(this.model.name)}!`)) wb.names.set(name, "=#REF!");
      wb.active = activeSheet === this.model ? wb.sheets.findIndex((s) => s.visibility === "Visible") : wb.sheets.indexOf(activeSheet!);
      if (wb.selection?.sheet === this.model) wb.selection = null;
    });
  }
  get freezePanes(): object {
    const ctx = this.ctx;
    const model = this.model;
    const guard = (fn: () => void) =>
      ctx.exec(() => {
        ctx.api("1.7", "Worksheet.freezePanes");
        fn();
      });
    return {
      freezeRows: (n: number) => guard(() => (model.freeze = { rows: n, cols: 0 })),
      freezeColumns: (n: number) => guard(() => (model.freeze = { rows: 0, cols: n })),
      freezeAt: (address: string) =>
        guard(() => {
          const r = parseRect(address);
          if (r.top !== 0 || r.left !== 0) throw new FakeExcelError("InvalidArgument", "freezeAt needs a range at the top left.");
          model.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
        }),
      unfreeze: () => guard(() => (model.freeze = null)),
    };
  }
  get protection(): ProtectionProxy {
    return new ProtectionProxy(this.ctx, this.model);
  }
  get pageLayout(): object {
    const ctx = this.ctx;
    const layout = this.model.pageLayout;
    const set = (key: string, value: unknown) =>
      ctx.exec(() => {
        ctx.api("1.9", "Worksheet.pageLayout");
        layout[key] = value;
      });
    return {
      set orientation(v: string) {
        set("orientation", v);
      },
      set paperSize(v: string) {
        set("paperSize", v);
      },
      set zoom(v: unknown) {
        set("zoom", v);
      },
      set centerHorizontally(v: boolean) {
        set("centerHorizontally", v);
      },
      set leftMargin(v: number) {
        set("leftMargin", v);
      },
      set rightMargin(v: number) {
        set("rightMargin", v);
      },
      set topMargin(v: number) {
        set("topMargin", v);
      },
      set bottomMargin(v: number) {
        set("bottomMargin", v);
      },
      set headerMargin(v: number) {
        set("headerMargin", v);
      },
      set footerMargin(v: number) {
        set("footerMargin", v);
      },
      setPrintTitleRows: (rows: string) => set("printTitleRows", rows),
      setPrintTitleColumns: (cols: string) => set("printTitleColumns", cols),
      setPrintArea: (area: string) => set("printArea", area),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            set("centerHeader", v);
          },
          set centerFooter(v: string) {
            set("centerFooter", v);
          },
        },
      },
    };
  }
  get horizontalPageBreaks(): object {
    const layout = this.model.pageLayout;
    return {
      add: (address: string) =>
        this.ctx.exec(() => {
          this.ctx.api("1.9", "Worksheet.horizontalPageBreaks");
          layout.rowBreaks = [...((layout.rowBreaks as string[] | undefined) ?? []), address];
        }),
    };
  }
  get autoFilter(): object {
    return {
      apply: (range: RangeProxy) =>
        this.ctx.exec(() => {
          this.ctx.api("1.9", "Worksheet.autoFilter");
          this.model.autoFilter = rectName(range.rect);
        }),
    };
  }
  get notes(): object {
    return {
      add: (address: string, text: string) =>
        this.ctx.exec(() => {
          this.ctx.api("1.18", "Worksheet.notes");
          const r = parseRect(address);
          this.model.notes.set(cellName(r.top, r.left), text);
        }),
    };
  }
  get charts(): object {
    const ctx = this.ctx;
    const model = this.model;
    return {
      add: (type: string, source: RangeProxy, seriesBy?: string) => {
        const chart: FakeChart = { type, source: rectName(source.rect), series: [] };
        ctx.exec(() => {
          if (source.sheet !== model) throw new FakeExcelError("InvalidArgument", "Chart source on another sheet.");
          const r = source.rect;
          // Excel's guess for a block: a first column of text is the categories; every other column a series.
          const firstIsText = typeof model.cells.get(`${r.top},${r.left}`)?.value === "string" && r.right > r.left;
          const start = firstIsText ? r.left + 1 : r.left;
          for (let c = start; c <= r.right; c++) {
            chart.series.push({ values: rectName({ ...r, left: c, right: c }), ...(firstIsText ? { xValues: rectName({ ...r, right: r.left }) } : {}) });
          }
          void seriesBy;
          model.charts.push(chart);
        });
        return new ChartProxy(ctx, chart);
      },
    };
  }
}

class ChartProxy {
  constructor(
    private readonly ctx: Ctx,
    readonly chart: FakeChart,
  ) {}
  get title(): object {
    const chart = this.chart;
    const ctx = this.ctx;
    return {
      set text(v: string) {
        ctx.exec(() => (chart.title = v));
      },
    };
  }
  get legend(): object {
    const chart = this.chart;
    const ctx = this.ctx;
    return {
      set position(v: string) {
        ctx.exec(() => (chart.legendPosition = v));
      },
      set visible(v: boolean) {
        ctx.exec(() => (chart.legendVisible = v));
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.ctx.exec(() => {
      parseRect(start);
      if (end) parseRect(end);
      this.chart.position = [start, end ?? start];
    });
  }
  get series(): object {
    const ctx = this.ctx;
    const chart = this.chart;
    const seriesProxy = (i: () => number) => ({
      set name(v: string) {
        ctx.exec(() => (chart.series[i()]!.name = v));
      },
      setValues: (range: RangeProxy) =>
        ctx.exec(() => {
          ctx.api("1.7", "ChartSeries.setValues");
          chart.series[i()]!.values = rectName(range.rect);
        }),
      setXAxisValues: (range: RangeProxy) =>
        ctx.exec(() => {
          ctx.api("1.7", "ChartSeries.setXAxisValues");
          chart.series[i()]!.xValues = rectName(range.rect);
        }),
    });
    return {
      getItemAt: (index: number) => {
        ctx.exec(() => {
          if (!chart.series[index]) throw new FakeExcelError("ItemNotFound", `No series ${index}.`);
        });
        return seriesProxy(() => index);
      },
      add: (name?: string) => {
        let index = -1;
        ctx.exec(() => {
          ctx.api("1.7", "ChartSeriesCollection.add");
          chart.series.push(name ? { name } : {});
          index = chart.series.length - 1;
        });
        return seriesProxy(() => index);
      },
    };
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly model: FakeSheet,
  ) {
    super(ctx);
  }
  protected override snapshot(names: string[]): Snapshot {
    this.ctx.api("1.2", "WorksheetProtection");
    const out: Snapshot = {};
    for (const n of names) {
      if (n === "protected") out.protected = this.model.protection.protected;
      if (n === "options") out.options = { ...(this.model.protection.options ?? {}) };
    }
    return out;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Record<string, unknown> {
    return this.read("options");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.exec(() => {
      this.ctx.api("1.2", "WorksheetProtection.protect");
      if (this.model.protection.protected) throw new FakeExcelError("InvalidOperation", "The worksheet is already protected.");
      this.model.protection = { protected: true, options: options ?? {}, ...(password !== undefined ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    this.ctx.exec(() => {
      this.ctx.api("1.2", "WorksheetProtection.unprotect");
      const p = this.model.protection;
      if (p.protected && p.password !== undefined && p.password !== password) throw new FakeExcelError("InvalidPassword", "The password is wrong.");
      this.model.protection = { protected: false };
    });
  }
}

class NameCollectionProxy extends ClientObject {
  private loadedItems: Array<{ name: string }> | null = null;
  get items(): Array<{ name: string }> {
    if (!this.loadedItems) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.loadedItems;
  }
  override load(): this {
    this.ctx.exec(() => {
      const names = [...this.ctx.model.names.keys()].map((name) => ({ name }));
      this.ctx.queueLoad(() => {
        this.loadedItems = names;
      });
    });
    return this;
  }
  add(name: string, reference: RangeProxy | string): void {
    this.ctx.exec(() => {
      this.ctx.api("1.4", "NamedItemCollection.add");
      if ([...this.ctx.model.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" already exists.`);
      }
      const ref =
        typeof reference === "string"
          ? reference
          : `=${quoteSheet(reference.sheet.name)}!${rectName(reference.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      this.ctx.model.names.set(name, ref);
    });
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.exec(() => {
          this.ctx.api("1.4", "NamedItem.delete");
          const key = [...this.ctx.model.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
          if (!key) throw new FakeExcelError("ItemNotFound", `The name "${name}" doesn't exist.`);
          this.ctx.model.names.delete(key);
        }),
    };
  }
}

// ---------------------------------------------------------------- ranges

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TEXT = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/;

/** What Excel stores when a value is written into a cell with this number format (typed-input coercion). */
function coerce(input: unknown, numberFormat: string): Pick<FakeCell, "value" | "formula"> {
  if (input === null || input === undefined || input === "") return { value: "", formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const s = String(input);
  if (numberFormat === "@") return { value: s, formula: null };
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (NUMBER.test(s)) return { value: Number(s), formula: null };
  if (s.startsWith("=") && s.length > 1) return { value: "", formula: s };
  if (s.startsWith("+") || s.startsWith("-")) return { value: "", formula: `=${s}` };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true", formula: null };
  if (DATE_TEXT.test(s)) return { value: 46000, formula: null };
  return { value: s, formula: null };
}

class RangeProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    readonly sheet: FakeSheet,
    private readonly where: Rect | (() => Rect),
  ) {
    super(ctx);
  }
  /** The cells this range covers (a used range is resolved when used, as Excel resolves it in the batch). */
  get rect(): Rect {
    return typeof this.where === "function" ? this.where() : this.where;
  }
  get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }
  get cols(): number {
    return this.rect.right - this.rect.left + 1;
  }
  private wholeColumns(): boolean {
    return this.rect.top === 0 && this.rect.bottom === MAX_ROW;
  }
  private wholeRows(): boolean {
    return this.rect.left === 0 && this.rect.right === MAX_COL;
  }
  protected override snapshot(names: string[]): Snapshot {
    const out: Snapshot = {};
    for (const n of names) {
      if (n === "address") out.address = `${quoteSheet(this.sheet.name)}!${rectName(this.rect)}`;
      else if (n === "rowIndex") out.rowIndex = this.rect.top;
      else if (n === "columnIndex") out.columnIndex = this.rect.left;
      else if (n === "rowCount") out.rowCount = this.rows;
      else if (n === "columnCount") out.columnCount = this.cols;
      else if (n === "values") out.values = this.matrix((c) => c?.value ?? "");
      else if (n === "formulas") out.formulas = this.matrix((c) => c?.formula ?? c?.value ?? "");
      else if (n === "numberFormat") out.numberFormat = this.matrix((_c, r, k) => this.sheet.numberFormatAt(r, k));
      else if (n === "text") out.text = this.matrix((c) => (c ? String(c.formula ? "" : c.value) : ""));
      else throw new FakeExcelError("InvalidArgument", `fake Excel: Range.${n} cannot be loaded`);
    }
    return out;
  }
  private matrix<T>(f: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const rect = this.rect;
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000) {
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(f(this.sheet.cells.get(`${r},${c}`), r, c));
      out.push(row);
    }
    return out;
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheet);
  }
  /** Refuses writes to locked cells of a protected sheet. */
  private guardProtection(): void {
    if (!this.sheet.protection.protected) return;
    for (let r = this.rect.top; r <= Math.min(this.rect.bottom, this.rect.top + 2000); r++) {
      for (let c = this.rect.left; c <= Math.min(this.rect.right, this.rect.left + 200); c++) {
        if (this.sheet.lockedAt(r, c)) {
          throw new FakeExcelError("InvalidOperation", "The cell or chart you're trying to change is on a protected sheet.");
        }
      }
    }
  }
  private checkDims(m: unknown): unknown[][] {
    if (!Array.isArray(m) || m.length !== this.rows || m.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rectName(this.rect)}.`);
    }
    return m as unknown[][];
  }
  private writeMatrix(m: unknown): void {
    this.ctx.exec(() => {
      const data = this.checkDims(m);
      this.guardProtection();
      data.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = this.rect.top + i;
          const c = this.rect.left + j;
          const cell = this.sheet.cell(r, c);
          Object.assign(cell, coerce(v, this.sheet.numberFormatAt(r, c)));
        }),
      );
    });
  }
  set values(m: unknown[][]) {
    this.writeMatrix(m);
  }
  set formulas(m: unknown[][]) {
    this.writeMatrix(m);
  }
  set numberFormat(m: unknown[][]) {
    this.ctx.exec(() => {
      const data = this.checkDims(m);
      this.guardProtection();
      data.forEach((row, i) => row.forEach((f, j) => (this.sheet.cell(this.rect.top + i, this.rect.left + j).numberFormat = String(f))));
    });
  }
  set columnHidden(v: boolean) {
    this.ctx.exec(() => {
      this.ctx.api("1.2", "Range.columnHidden");
      for (let c = this.rect.left; c <= this.rect.right; c++) (v ? this.sheet.hiddenColumns.add(c) : this.sheet.hiddenColumns.delete(c));
    });
  }
  /** Sets a format property on every cell, or on the columns when the range is whole columns. */
  setFormat<K extends keyof FakeFormat>(key: K, value: FakeFormat[K], version = "1.1"): void {
    this.ctx.exec(() => {
      this.ctx.api(version, `RangeFormat.${key}`);
      if (key !== "locked") this.guardProtection();
      else if (this.sheet.protection.protected) throw new FakeExcelError("InvalidOperation", "Cannot change locking on a protected sheet.");
      if (this.wholeColumns()) {
        for (let c = this.rect.left; c <= this.rect.right; c++) {
          const f = this.sheet.columnFormats.get(c) ?? {};
          f[key] = value;
          this.sheet.columnFormats.set(c, f);
        }
        return;
      }
      if (this.rows * this.cols > 200_000) throw new FakeExcelError("InvalidOperation", "fake Excel: formatting a huge range cell by cell");
      for (let r = this.rect.top; r <= this.rect.bottom; r++) {
        for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.cell(r, c).format[key] = value;
      }
    });
  }
  get format(): object {
    const range = this;
    const ctx = this.ctx;
    return {
      font: {
        set name(v: string) {
          range.setFormat("fontName", v);
        },
        set size(v: number) {
          range.setFormat("fontSize", v);
        },
        set bold(v: boolean) {
          range.setFormat("bold", v);
        },
        set italic(v: boolean) {
          range.setFormat("italic", v);
        },
        set color(v: string) {
          range.setFormat("fontColor", v);
        },
      },
      fill: {
        set color(v: string) {
          range.setFormat("fill", v);
        },
      },
      set wrapText(v: boolean) {
        range.setFormat("wrap", v);
      },
      set horizontalAlignment(v: string) {
        range.setFormat("hAlign", v);
      },
      set verticalAlignment(v: string) {
        range.setFormat("vAlign", v);
      },
      set columnWidth(v: number) {
        ctx.exec(() => {
          ctx.api("1.2", "RangeFormat.columnWidth");
          for (let c = range.rect.left; c <= range.rect.right; c++) range.sheet.columnWidths.set(c, v);
        });
      },
      set rowHeight(v: number) {
        ctx.exec(() => {
          ctx.api("1.2", "RangeFormat.rowHeight");
          for (let r = range.rect.top; r <= range.rect.bottom; r++) range.sheet.rowHeights.set(r, v);
        });
      },
      protection: {
        set locked(v: boolean) {
          range.setFormat("locked", v, "1.2");
        },
      },
      borders: {
        getItem: (edge: string) => ({
          set style(v: string) {
            range.setBorder(edge, "style", v);
          },
          set weight(v: string) {
            range.setBorder(edge, "weight", v);
          },
          set color(v: string) {
            range.setBorder(edge, "color", v);
          },
        }),
      },
    };
  }
  setBorder(edge: string, key: "style" | "weight" | "color", value: string): void {
    this.ctx.exec(() => {
      if (edge === "InsideHorizontal" && this.rows < 2) throw new FakeExcelError("InvalidArgument", "InsideHorizontal on a single row.");
      if (edge === "InsideVertical" && this.cols < 2) throw new FakeExcelError("InvalidArgument", "InsideVertical on a single column.");
      this.guardProtection();
      for (let r = this.rect.top; r <= this.rect.bottom; r++) {
        for (let c = this.rect.left; c <= this.rect.right; c++) {
          const f = this.sheet.cell(r, c).format;
          f.borders ??= {};
          f.borders[edge] ??= {};
          f.borders[edge]![key] = value;
        }
      }
    });
  }
  merge(across?: boolean): void {
    this.ctx.exec(() => {
      this.ctx.api("1.2", "Range.merge");
      this.guardProtection();
      void across;
      for (const m of this.sheet.merges) {
        if (m.left <= this.rect.right && this.rect.left <= m.right && m.top <= this.rect.bottom && this.rect.top <= m.bottom) {
          throw new FakeExcelError("InvalidOperation", `Cannot merge ${rectName(this.rect)}: overlaps ${rectName(m)}.`);
        }
      }
      this.sheet.merges.push({ ...this.rect });
    });
  }
  select(): void {
    this.ctx.exec(() => {
      const wb = this.ctx.model;
      if (wb.sheets[wb.active] !== this.sheet) throw new FakeExcelError("InvalidSelection", "Only a range on the active sheet can be selected.");
      wb.selection = { sheet: this.sheet, rects: [{ ...this.rect }] };
    });
  }
  group(by: string): void {
    this.ctx.exec(() => {
      this.ctx.api("1.10", "Range.group");
      this.sheet.rowGroups.push(`${by}:${rectName(this.rect)}`);
    });
  }
  get dataValidation(): object {
    const ctx = this.ctx;
    const rect = this.rect;
    const sheet = this.sheet;
    let entry: FakeValidation | undefined;
    const at = (): FakeValidation => {
      ctx.api("1.8", "Range.dataValidation");
      if (!entry) {
        entry = { rect: { ...rect } };
        sheet.validations.push(entry);
      }
      return entry;
    };
    return {
      set rule(v: unknown) {
        ctx.exec(() => {
          const e = at();
          const rule = v as Record<string, Record<string, unknown>>;
          const list = rule.list;
          if (list && typeof list.source === "string" && list.source.startsWith("=")) {
            const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!/.exec(list.source);
            const target = m ? (m[1] ?? m[2])!.replace(/''/g, "'") : undefined;
            if (target && !ctx.model.sheet(target)) throw new FakeExcelError("InvalidArgument", `List source refers to a missing sheet "${target}".`);
          }
          e.rule = v;
        });
      },
      set ignoreBlanks(v: boolean) {
        ctx.exec(() => (at().ignoreBlanks = v));
      },
      set errorAlert(v: { title?: string; message?: string }) {
        ctx.exec(() => {
          if ((v.title?.length ?? 0) > 32 || (v.message?.length ?? 0) > 225) throw new FakeExcelError("InvalidArgument", "Validation alert text too long.");
          at().errorAlert = v;
        });
      },
      set prompt(v: { title?: string; message?: string }) {
        ctx.exec(() => {
          if ((v.title?.length ?? 0) > 32 || (v.message?.length ?? 0) > 255) throw new FakeExcelError("InvalidArgument", "Validation prompt text too long.");
          at().prompt = v;
        });
      },
    };
  }
  get conditionalFormats(): object {
    const ctx = this.ctx;
    const rect = this.rect;
    const sheet = this.sheet;
    return {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { rect: { ...rect }, type };
        ctx.exec(() => {
          ctx.api("1.6", "ConditionalFormatCollection.add");
          sheet.conditionalFormats.push(cf);
        });
        const set = (fn: () => void) => ctx.exec(fn);
        const format = {
          fill: {
            set color(v: string) {
              set(() => (cf.fill = v));
            },
          },
          font: {
            set color(v: string) {
              set(() => (cf.fontColor = v));
            },
            set bold(v: boolean) {
              set(() => (cf.bold = v));
            },
          },
        };
        return {
          custom: {
            rule: {
              set formula(v: string) {
                set(() => {
                  if (!v.startsWith("=")) throw new FakeExcelError("InvalidArgument", "A conditional format formula starts with =.");
                  cf.formula = v;
                });
              },
            },
            format,
          },
          cellValue: {
            set rule(v: unknown) {
              set(() => (cf.rule = v));
            },
            format,
          },
          dataBar: {
            set lowerBoundRule(v: unknown) {
              set(() => (cf.lowerBound = v));
            },
            set upperBoundRule(v: unknown) {
              set(() => (cf.upperBound = v));
            },
            positiveFormat: {
              set fillColor(v: string) {
                set(() => (cf.barColor = v));
              },
              set gradientFill(_v: boolean) {
                set(() => undefined);
              },
            },
          },
        };
      },
    };
  }
}

// ---------------------------------------------------------------- the host

/** Options of a fake Excel. */
export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported (default 1.18, a current Excel). */
  excelApi?: string;
  /** Sheets of the new workbook (default one blank "Sheet1"). */
  sheets?: string[];
}

/** The fake: an ExcelHost whose workbook tests can inspect, counting syncs and Excel.run calls. */
export class FakeExcel implements ExcelHost {
  readonly model = new FakeWorkbookModel();
  excelApi: string;
  syncs = 0;
  runs = 0;
  /** Excel.run batches that ended with commands queued after their last sync (Office.js would flush them silently). */
  unsyncedRuns = 0;
  constructor(opts: FakeExcelOptions = {}) {
    this.excelApi = opts.excelApi ?? "1.18";
    for (const name of opts.sheets ?? ["Sheet1"]) this.model.sheets.push(new FakeSheet(name));
  }
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new Ctx(this);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      if (ctx.dirty) this.unsyncedRuns++;
    }
  }
  isSetSupported(name: string, version: string): boolean {
    if (name !== "ExcelApi") return false;
    return versionAtLeast(this.excelApi, version);
  }
  /** Replaces the workbook by a new blank one (File › New), keeping the counters. */
  newWorkbook(sheets: string[] = ["Sheet1"]): void {
    this.model.sheets.splice(0, this.model.sheets.length, ...sheets.map((n) => new FakeSheet(n)));
    this.model.names.clear();
    this.model.active = 0;
    this.model.selection = null;
  }
  /** Selects a range (as the user would) on a sheet and makes that sheet active. */
  select(sheet: string, ...addresses: string[]): void {
    const s = this.model.get(sheet);
    this.model.active = this.model.sheets.indexOf(s);
    this.model.selection = { sheet: s, rects: addresses.map(parseRect) };
  }
  /** Sheet names in workbook order. */
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }
  /** Name of the active sheet. */
  activeSheet(): string {
    return this.model.sheets[this.model.active]?.name ?? "";
  }
  /** The selected address on the active sheet ("B7"). */
  selectedAddress(): string {
    const sel = this.model.selection;
    return sel ? sel.rects.map(rectName).join(",") : "";
  }
  /** Writes cells as a user would type them (coerced by Excel's rules unless the cell is formatted as text). */
  type(sheet: string, address: string, rows: unknown[][]): void {
    const s = this.model.get(sheet);
    const r0 = parseRect(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = r0.top + i;
        const c = r0.left + j;
        Object.assign(s.cell(r, c), coerce(v, s.numberFormatAt(r, c)));
      }),
    );
  }
}
