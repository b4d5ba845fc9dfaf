/**
 * Test helper: what an .xlsx holds, read straight from its XML parts (not through exceljs), in a form that can be
 * compared before and after another program saved it: sheet names and states, defined names, every cell's value,
 * formula and the style facts that matter (number format, locked, bold, fill), merges, data validations (per cell),
 * conditional formats (with their differential styles and data bars), protection, frozen panes, widths, print setup.
 */
import { strFromU8, unzipSync } from "fflate";

/** The comparable content of one sheet. */
export interface SheetFacts {
  name: string;
  state: string;
  cells: Record<string, string>;
  merges: string[];
  validations: Record<string, string>;
  conditionalFormats: string[];
  protection: string | null;
  pane: string | null;
  columns: string[];
  pageSetup: string | null;
  autoFilter: string | null;
}

/** The comparable content of a workbook. */
export interface WorkbookFacts {
  sheets: SheetFacts[];
  definedNames: string[];
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = unescape(m[2]!);
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** Text of an <si> or <is>: the <t> runs joined (phonetic runs left out). */
function runsText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  return [...noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => unescape(m[1] ?? "")).join("");
}

/** "B5:C6" → every cell address in it. */
export function expandRange(ref: string): string[] {
  const [a, b] = ref.split(":");
  const parse = (x: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(x)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { col, row: Number(m[2]) };
  };
  const p = parse(a!);
  const q = b ? parse(b) : p;
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
    for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) {
      let n = c;
      let letters = "";
      while (n > 0) {
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        n = Math.floor((n - 1) / 26);
      }
      out.push(`${letters}${r}`);
    }
  }
  return out;
}

const BUILTIN_FORMATS: Record<string, string> = { "0": "General", "1": "0", "2": "0.00", "9": "0%", "10": "0.00%", "14": "mm-dd-yy", "49": "@" };

function normNumber(v: string): string {
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? String(Math.round(n * 1e9) / 1e9) : v;
}

function normColor(c: string | undefined): string {
  if (!c) return "";
  return c.length === 8 ? c.slice(2).toUpperCase() : c.toUpperCase();
}

/** Reads the comparable facts of an .xlsx. */
export function inspectXlsx(bytes: Uint8Array): WorkbookFacts {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : "");
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const relTarget = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const target = a.Target!.replace(/^\//, "");
    relTarget.set(a.Id!, target.startsWith("xl/") ? target : `xl/${target}`);
  }
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? ""));

  // Styles: number formats, fonts (bold), fills (colour), cellXfs (locked), dxfs.
  const styles = text("xl/styles.xml");
  const numFmts = new Map<string, string>(Object.entries(BUILTIN_FORMATS));
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    numFmts.set(a.numFmtId!, a.formatCode!);
  }
  const section = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? "";
  const fonts = [...section("fonts").matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) => /<b\s*\/>|<b val="(1|true)"/.test(m[1] ?? ""));
  const fills = [...section("fills").matchAll(/<fill\b[^>]*?(?:\/>|>([\s\S]*?)<\/fill>)/g)].map((m) => {
    const body = m[1] ?? "";
    if (!/patternType="solid"/.test(body)) return "";
    return normColor(/<fgColor\b[^>]*rgb="([0-9A-Fa-f]+)"/.exec(body)?.[1]);
  });
  const xfs = [...section("cellXfs").matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => {
    const a = attrs(`<xf ${m[1]}>`);
    const locked = !/locked="(0|false)"/.test(m[2] ?? "");
    const fmt = numFmts.get(a.numFmtId ?? "0") ?? `#${a.numFmtId}`;
    return `fmt=${fmt};locked=${locked};bold=${fonts[Number(a.fontId ?? 0)] ?? false};fill=${fills[Number(a.fillId ?? 0)] ?? ""}`;
  });
  const dxfs = [...section("dxfs").matchAll(/<dxf>([\s\S]*?)<\/dxf>|<dxf\/>/g)].map((m) => {
    const body = m[1] ?? "";
    const color = normColor(/<font>[\s\S]*?<color\b[^>]*rgb="([0-9A-Fa-f]+)"/.exec(body)?.[1]);
    const fill = normColor(/<fill>[\s\S]*?<(?:bgColor|fgColor)\b[^>]*rgb="([0-9A-Fa-f]+)"/.exec(body)?.[1]);
    const bold = /<b\s*\/>|<b val="(1|true)"/.test(body);
    return `color=${color};fill=${fill};bold=${bold}`;
  });

  const sheetNames: string[] = [];
  const sheetIndex = new Map<string, number>();
  const sheets: SheetFacts[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    sheetIndex.set(a.name!, sheetNames.length);
    sheetNames.push(a.name!);
    const part = relTarget.get(a["r:id"]!)!;
    sheets.push(inspectSheet(a.name!, a.state ?? "visible", text(part), shared, xfs, dxfs));
  }
  const definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const a = attrs(`<d ${m[1]}>`);
    const scope = a.localSheetId !== undefined ? sheetNames[Number(a.localSheetId)] : "";
    // Print areas and titles: exceljs and others differ in "$A1" vs "$A$1"; compare the cells named.
    const ref = unescape(m[2]!).replace(/\$/g, "");
    return `${a.name}@${scope}=${ref}`;
  });
  // _FilterDatabase is the hidden name behind an autoFilter (compared per sheet); writers scope it differently.
  return { sheets, definedNames: definedNames.filter((n) => !n.startsWith("_xlnm._FilterDatabase")).sort() };
}

/** Effective sheet protection: every flag with the schema's default filled in, plus whether a password is set. */
const PROTECTION_DEFAULTS: Record<string, string> = {
  sheet: "0", objects: "0", scenarios: "0", formatCells: "1", formatColumns: "1", formatRows: "1", insertColumns: "1",
  insertRows: "1", insertHyperlinks: "1", deleteColumns: "1", deleteRows: "1", selectLockedCells: "0", sort: "1",
  autoFilter: "1", pivotTables: "1", selectUnlockedCells: "0",
};

function protectionFacts(a: Record<string, string>): string {
  const flag = (v: string) => (v === "true" ? "1" : v === "false" ? "0" : v);
  const flags = Object.entries(PROTECTION_DEFAULTS).map(([k, d]) => `${k}=${flag(a[k] ?? d)}`);
  const password = a.password ?? a.hashValue ?? "";
  return [...flags, `password=${password ? "yes" : "no"}`].join(",");
}

function inspectSheet(name: string, state: string, xml: string, shared: string[], xfs: string[], dxfs: string[]): SheetFacts {
  const cells: Record<string, string> = {};
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attrs(`<c ${m[1]}>`);
    const body = m[2] ?? "";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    let value = "";
    if (a.t === "s" && v !== undefined) value = shared[Number(v)] ?? "";
    else if (a.t === "inlineStr") value = runsText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
    else if (a.t === "str" || a.t === "e") value = unescape(v ?? "");
    else if (a.t === "b") value = v === "1" ? "TRUE" : "FALSE";
    else if (v !== undefined) value = normNumber(v);
    const style = xfs[Number(a.s ?? 0)] ?? "";
    // A formula's cached value depends on who last calculated; compare the formula instead.
    const content = f !== undefined ? `=${unescape(f).replace(/\s+/g, "")}` : value;
    if (content === "" && (style === "" || style === xfs[0])) continue;
    cells[a.r!] = `${content}|${style}`;
  }
  const merges = [...xml.matchAll(/<mergeCell\b[^>]*ref="([^"]+)"/g)].map((m) => m[1]!).sort();
  const validations: Record<string, string> = {};
  for (const m of xml.matchAll(/<(?:x14:)?dataValidation\b([^>]*)>([\s\S]*?)<\/(?:x14:)?dataValidation>/g)) {
    const a = attrs(`<d ${m[1]}>`);
    const body = m[2]!;
    const f1 = unescape(/<(?:x14:)?formula1>(?:<xm:f>)?([\s\S]*?)(?:<\/xm:f>)?<\/(?:x14:)?formula1>/.exec(body)?.[1] ?? "");
    const f2 = unescape(/<(?:x14:)?formula2>(?:<xm:f>)?([\s\S]*?)(?:<\/xm:f>)?<\/(?:x14:)?formula2>/.exec(body)?.[1] ?? "");
    const sqref = a.sqref ?? /<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(body)?.[1] ?? "";
    const flag = (k: string) => (a[k] === "1" || a[k] === "true" ? "1" : "0");
    // The operator means nothing for list and custom validations; elsewhere the schema's default is "between".
    const operator = a.type === "list" || a.type === "custom" ? "" : a.operator ?? "between";
    const sig = [a.type, operator, f1, f2, flag("allowBlank"), flag("showErrorMessage"), a.errorStyle ?? "stop", a.error ?? ""].join("|");
    for (const ref of sqref.split(/\s+/).filter(Boolean)) for (const cell of expandRange(ref)) validations[cell] = sig;
  }
  const conditionalFormats: string[] = [];
  for (const m of xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)) {
    const sqref = attrs(`<c ${m[1]}>`).sqref ?? "";
    for (const r of m[2]!.matchAll(/<cfRule\b([^>]*?)(?:\/>|>([\s\S]*?)<\/cfRule>)/g)) {
      const a = attrs(`<r ${r[1]}>`);
      const body = r[2] ?? "";
      const formulas = [...body.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((x) => unescape(x[1]!)).join(",");
      const dxf = a.dxfId !== undefined ? dxfs[Number(a.dxfId)] ?? "" : "";
      const bar = /<dataBar\b/.test(body)
        ? `bar:${[...body.matchAll(/<cfvo\b[^>]*>/g)].map((c) => `${attrs(c[0]).type}:${attrs(c[0]).val ?? ""}`).join(",")}:${normColor(/<color\b[^>]*rgb="([0-9A-Fa-f]+)"/.exec(body)?.[1])}`
        : "";
      conditionalFormats.push([sqref, a.type, a.operator ?? "", formulas, dxf, bar].join("|"));
    }
  }
  const x14Bars = [...xml.matchAll(/<x14:conditionalFormatting\b[\s\S]*?<\/x14:conditionalFormatting>/g)].map((m) => {
    const sq = /<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(m[0])?.[1] ?? "";
    const bar = /<x14:dataBar\b([^>]*)>/.exec(m[0]);
    const gradient = attrs(`<b ${bar?.[1] ?? ""}>`).gradient;
    return bar ? `x14bar|${sq}|${gradient === "false" || gradient === "0" ? "solid" : "gradient"}` : "";
  });
  conditionalFormats.push(...x14Bars.filter(Boolean));
  const prot = /<sheetProtection\b[^>]*>/.exec(xml);
  const protection = prot ? protectionFacts(attrs(prot[0])) : null;
  const paneTag = /<pane\b[^>]*>/.exec(xml);
  const pane = paneTag ? (({ xSplit, ySplit, state }) => `${xSplit ?? 0},${ySplit ?? 0},${state}`)(attrs(paneTag[0])) : null;
  const columns = [...xml.matchAll(/<col\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return `${a.min}-${a.max}:${Math.round(Number(a.width) * 10) / 10}${a.hidden === "1" || a.hidden === "true" ? ":hidden" : ""}`;
  });
  const ps = /<pageSetup\b[^>]*>/.exec(xml);
  const pageSetup = ps ? (({ paperSize, orientation, fitToWidth }) => `${paperSize},${orientation},${fitToWidth ?? ""}`)(attrs(ps[0])) : null;
  const autoFilter = /<autoFilter\b[^>]*ref="([^"]+)"/.exec(xml)?.[1] ?? null;
  return { name, state, cells, merges, validations, conditionalFormats: conditionalFormats.sort(), protection, pane, columns, pageSetup, autoFilter };
}
