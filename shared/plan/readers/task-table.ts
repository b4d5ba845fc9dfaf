/**
 * Task tables, whatever file they came from: a table as rows of cell strings (from Markdown, .docx, .pdf or
 * .xlsx) → tasks, groups and warnings. Knows Vietnamese plan tables: header detection by column names (Số TT,
 * Nội dung…, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian…/Thời hạn, Yêu cầu…/Sản phẩm), headers spread over
 * two rows, headers repeated on every page (and the tail of a cell that leaks into such a repeat),
 * continuation rows with an empty STT, and hierarchical criteria (I → 2.1 → 2.1.1).
 */
import { planMessages as M } from "../../messages/plan.js";
import type { Area } from "../../workbook/layout.js";
import { classifyArea, classifyAreaOrNull } from "../classify.js";
import { readDeadline } from "../deadline.js";
import type { Group, ParseWarning, Task } from "../schema.js";
import { canonicalUnit, splitUnits, startsWithUnitHead } from "../units.js";
import { cleanCell, fold, squash, unwrap } from "../text.js";
import type { ReaderContext, ReaderOutput } from "./types.js";

/** The unit-name lexicon a plan provides (its own TỔ CHỨC THỰC HIỆN section), as splitUnits takes it. */
export type UnitLexicon = Parameters<typeof splitUnits>[1];

/** What a column of a task table holds. */
export type ColumnRole = "id" | "title" | "requirement" | "deadline" | "leads" | "partners" | "provinceTask";

/** Options for tasksFromTable: where each row sits (for warnings), the plan's unit lexicon, the task source. */
export interface TableOptions {
  /** Line (1-based) of each row in the source text, parallel to `rows`. */
  lines?: (number | undefined)[];
  /** Page (1-based) of each row, parallel to `rows` (PDF). */
  pages?: (number | undefined)[];
  /** Unit names of the plan, to split unit cells ("Phòng A Phòng B"). */
  lexicon?: UnitLexicon;
  /** Where the tasks come from; a plan's appendix by default. */
  source?: Task["source"];
}

/** A detected header: the index of its first row, how many rows it spans, and the role of each column. */
export interface TableHeader {
  row: number;
  span: number;
  roles: (ColumnRole | null)[];
  /** The cleaned header cells of each header row (to recognise repeats on later pages). */
  cells: string[][];
}

/** Reads a header label: "Số TT" → id, "Cơ quan chủ trì" → leads, "Thời gian hoàn thành" → deadline… */
export function columnRole(label: string): ColumnRole | null {
  const f = fold(label).replace(/[.:*]/g, "").replace(/\s+/g, " ").trim();
  if (!f) return null;
  if (/^(so )?(tt|stt|thu tu)$/.test(f) || f === "so") return "id";
  if (/chu tri|(don vi|co quan) (thuc hien|thuc thi)$/.test(f)) return "leads";
  if (/phoi hop/.test(f)) return "partners";
  if (/^(thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian|han chot)/.test(f)) return "deadline";
  if (/^(yeu cau|san pham|ket qua)/.test(f)) return "requirement";
  // A derived commune plan's link to the province plan ("Mã nhiệm vụ của tỉnh", written by `cchc derive`).
  if (/^(ma )?(nhiem vu|nv) (cua )?tinh$/.test(f)) return "provinceTask";
  if (/noi dung|linh vuc|tieu chi|nhiem vu|cong viec|^ten /.test(f)) return "title";
  return null;
}

function rolesOf(cells: string[]): (ColumnRole | null)[] {
  const seen = new Set<ColumnRole>();
  return cells.map((c) => {
    const role = columnRole(c);
    // The first column with a role keeps it ("Phân công nhiệm vụ" spanning the unit columns is not the title).
    if (!role || seen.has(role)) return null;
    seen.add(role);
    return role;
  });
}

const isHeaderRow = (roles: (ColumnRole | null)[]): boolean =>
  roles.includes("id") && roles.includes("title") && (roles.includes("leads") || roles.includes("deadline"));

/** True when every non-empty cell of a row is a header label (the second row of a two-row header). */
function isHeaderContinuation(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length > 0 && (cells[0] ?? "") === "" && filled.every((c) => columnRole(c) !== null);
}

/** Finds the header of a task table among its first rows, or null when the rows are not a task table. */
export function findTaskHeader(rows: string[][]): TableHeader | null {
  const limit = Math.min(rows.length, 12);
  for (let i = 0; i < limit; i++) {
    const first = (rows[i] ?? []).map(cleanCell);
    if (!isHeaderRow(rolesOf(first))) continue;
    const cells = [first];
    while (i + cells.length < rows.length) {
      const next = (rows[i + cells.length] ?? []).map(cleanCell);
      if (!isHeaderContinuation(next)) break;
      cells.push(next);
    }
    const width = Math.max(...cells.map((r) => r.length));
    const merged = Array.from({ length: width }, (_, j) =>
      cells
        .map((r) => r[j] ?? "")
        .filter(Boolean)
        .join(" "),
    );
    // A second header row names the sub-columns ("Cơ quan chủ trì" under "Phân công nhiệm vụ"): read each
    // column's merged label ("Phân công nhiệm vụ Cơ quan chủ trì thực hiện" is the lead column).
    const roles = rolesOf(merged);
    if (!roles.includes("id") || !roles.includes("title")) continue;
    return { row: i, span: cells.length, roles, cells };
  }
  return null;
}

/** True when the rows hold a task table (a recognisable header near the top). */
export function hasTaskHeader(rows: string[][]): boolean {
  return findTaskHeader(rows) !== null;
}

/** A header row prepared for recognising its repeats: each cell's label as folded words. */
type HeaderLabels = string[][];

const labelsOf = (cells: string[]): HeaderLabels => cells.map((c) => fold(c).split(" ").filter(Boolean));

/** Words of `cell` left after the (folded) label words when the cell starts with the label; null when it does not. */
function afterLabel(cell: string, label: string[]): string | null {
  if (label.length === 0) return cell;
  const folded = fold(cell).split(" ");
  if (folded.length < label.length) return null;
  for (let k = 0; k < label.length; k++) if (folded[k] !== label[k]) return null;
  // fold keeps one word per word, so the original words line up with the folded ones.
  return cell.split(/\s+/).filter(Boolean).slice(label.length).join(" ");
}

/**
 * When a row repeats a header row (a new page), returns the text that leaked into each column (the tail of
 * the cell above, e.g. "Cơ quan phối hợp và UBND xã" → "và UBND xã"); null when the row is not a repeat.
 * Labelled columns are checked first, so an ordinary row is rejected after one short comparison.
 */
function headerRepeat(cells: string[], header: HeaderLabels): string[] | null {
  const width = Math.max(cells.length, header.length);
  const leaks: string[] = new Array<string>(width).fill("");
  let matched = 0;
  for (let j = 0; j < width; j++) {
    const label = header[j] ?? [];
    if (label.length === 0) continue;
    const rest = afterLabel(cells[j] ?? "", label);
    if (rest === null) return null;
    leaks[j] = rest;
    matched++;
  }
  if (matched === 0) return null;
  for (let j = 0; j < width; j++) if ((header[j] ?? []).length === 0) leaks[j] = cells[j] ?? "";
  return leaks;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of a Roman numeral ("IX" → 9), or null when the text is not one. */
export function romanValue(id: string): number | null {
  if (!/^[IVXLC]+$/.test(id)) return null;
  let total = 0;
  for (let k = 0; k < id.length; k++) {
    const v = ROMAN_VALUES[id.charAt(k)] ?? 0;
    const next = ROMAN_VALUES[id.charAt(k + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

const SECTION_ID = /^([IVXLC]+|[A-Z])$/;
const NUMERIC_ID = /^\d+(\.\d+)*$/;
const LETTER_ID = /^[a-zđ]$/;

/** Cleans an id cell: "<b>I.</b>" → "I", "2.1.1." → "2.1.1", "1)" → "1". */
function cleanId(cell: string): string {
  return squash(cell.replace(/\n/g, " ")).replace(/[.)]+$/, "").replace(/\s*\.\s*/g, ".");
}

const isId = (id: string): boolean => SECTION_ID.test(id) || NUMERIC_ID.test(id) || LETTER_ID.test(id);

/** One logical row of the table after continuation rows were folded in. */
interface TableRecord {
  id: string;
  cells: string[];
  index: number;
}

/** Units of a lead/partner cell; line breaks inside the cell separate units as ";" does (splitUnits re-joins wraps). */
function unitsOf(cell: string, lexicon: UnitLexicon | undefined): string[] {
  if (!cell.trim()) return [];
  const out: string[] = [];
  const add = (name: string): void => {
    if (name && !out.includes(name)) out.push(name);
  };
  for (const unit of splitUnits(cell, lexicon)) {
    // "Phòng Văn hóa - Xã hội và các cơ quan, tổ chức, đơn vị liên quan": "và các …" starts a second unit
    // (a collective); "Văn phòng HĐND và UBND xã" has no "các" and stays whole.
    const m = /^(.+?) và (các .+)$/iu.exec(unit);
    if (m?.[1] && m[2] && startsWithUnitHead(m[1])) {
      add(canonicalUnit(m[1]));
      add(canonicalUnit(m[2]));
    } else add(unit); // splitUnits returns canonical names
  }
  return out;
}

/**
 * Reads one task table (rows of cell strings, tags allowed) into tasks and groups. The header is found by its
 * column names; rows before it are ignored. Independent of where the table came from: Markdown, Word, PDF,
 * Excel all end here.
 */
export function tasksFromTable(rows: string[][], ctx: ReaderContext, opts: TableOptions = {}): ReaderOutput {
  const out: ReaderOutput = { tasks: [], groups: [], targets: [], warnings: [] };
  const header = findTaskHeader(rows);
  if (!header) return out;
  const where = (index: number): Pick<ParseWarning, "line" | "page"> => {
    const w: Pick<ParseWarning, "line" | "page"> = {};
    const line = opts.lines?.[index];
    const page = opts.pages?.[index];
    if (line !== undefined) w.line = line;
    if (page !== undefined) w.page = page;
    return w;
  };
  const col = (role: ColumnRole): number => header.roles.indexOf(role);
  const [idCol, titleCol] = [col("id"), col("title")];

  // Pass 1: fold continuation rows and page-break header repeats into logical records.
  const records: TableRecord[] = [];
  const headerLabels = header.cells.map(labelsOf);
  for (let i = header.row + header.span; i < rows.length; i++) {
    const cells = (rows[i] ?? []).map(cleanCell);
    if (cells.every((c) => c === "")) continue;
    let leaks: string[] | null = null;
    for (const h of headerLabels) if ((leaks = headerRepeat(cells, h))) break;
    const last = records[records.length - 1];
    if (leaks) {
      // A repeated header; text after a label is the tail of the cell above it on the previous page.
      if (leaks.some(Boolean)) {
        if (last) leaks.forEach((t, j) => t && (last.cells[j] = joinText(last.cells[j] ?? "", t)));
        else out.warnings.push({ ...where(i), message: M.warnOrphanContinuation });
      }
      continue;
    }
    let id = cleanId(cells[idCol] ?? "");
    if (id && !isId(id)) {
      // "I. CẢI CÁCH THỂ CHẾ" in the number column (a merged row): split number and title.
      const m = /^([IVXLC]+|\d+(?:\.\d+)*)[.)]?\s+(.+)$/su.exec(cells[idCol] ?? "");
      if (m && m[1] && m[2] && (!cells[titleCol] || cells[titleCol] === cells[idCol])) {
        id = m[1];
        cells[titleCol] = m[2];
      }
    }
    if (!id || !isId(id)) {
      // No number: the rest of the row above, split by a page break (or a merged number cell we cannot read).
      if (!last) {
        out.warnings.push({ ...where(i), message: M.warnOrphanContinuation });
        continue;
      }
      cells.forEach((t, j) => t && j !== idCol && (last.cells[j] = joinText(last.cells[j] ?? "", t)));
      if (id) {
        // Text in the number column of a continuation: most likely the task text spilled left; keep it, say so.
        last.cells[titleCol] = joinText(last.cells[titleCol] ?? "", squash(cells[idCol] ?? ""));
        out.warnings.push({ ...where(i), message: M.warnOddId(squash(cells[idCol] ?? "")) });
      }
      continue;
    }
    if (cells.length > header.roles.length && cells.slice(header.roles.length).some(Boolean)) {
      out.warnings.push({ ...where(i), message: M.warnExtraCells(cells.length - header.roles.length) });
    }
    records.push({ id, cells, index: i });
  }

  // Pass 2: groups and tasks.
  const rest = (r: TableRecord): boolean =>
    header.roles.every((role, j) => role === "id" || role === "title" || role === null || !r.cells[j]);
  const ids = records.map((r) => r.id);
  const isGroup = (r: TableRecord): boolean =>
    rest(r) && (SECTION_ID.test(r.id) || ids.some((other) => other.startsWith(r.id + ".")));

  const groups = new Map<string, Group>();
  let section: Group | null = null;
  /** The group a dotted id belongs to: its longest prefix that is a group; "2" also finds section "II". */
  const parentOf = (id: string): Group | null => {
    const parts = id.split(".");
    for (let k = parts.length - 1; k >= 1; k--) {
      const prefix = parts.slice(0, k).join(".");
      const g = groups.get(prefix);
      if (g) return g;
      if (k === 1) {
        for (const s of groups.values()) if (s.parent === null && romanValue(s.id) === Number(prefix)) return s;
      }
    }
    return section;
  };
  const chain = (g: Group | null): Group[] => {
    const list: Group[] = [];
    for (let cur = g; cur; cur = cur.parent ? (groups.get(cur.parent) ?? null) : null) list.unshift(cur);
    return list;
  };

  for (const r of records) {
    const title = unwrap(r.cells[titleCol] ?? "");
    if (isGroup(r)) {
      const top = SECTION_ID.test(r.id);
      const parent = top ? null : parentOf(r.id);
      const g: Group = { id: r.id, title, parent: parent ? parent.id : null };
      groups.set(g.id, g);
      out.groups.push(g);
      if (top) section = g;
      continue;
    }
    if (!title) {
      out.warnings.push({ ...where(r.index), message: M.warnNoTitle(r.id) });
      continue;
    }
    const group = SECTION_ID.test(r.id) ? null : parentOf(r.id);
    const cell = (role: ColumnRole): string => {
      const j = header.roles.indexOf(role);
      return j < 0 ? "" : (r.cells[j] ?? "");
    };
    const reading = readDeadline(unwrap(cell("deadline")), ctx);
    const task: Task = {
      id: r.id,
      title,
      group: group ? group.id : null,
      area: areaOf(chain(group), title),
      requirement: unwrap(cell("requirement")) || null,
      leads: unitsOf(cell("leads"), opts.lexicon),
      partners: unitsOf(cell("partners"), opts.lexicon),
      deadline: reading.deadline,
      source: opts.source ?? "appendix",
    };
    const provinceTaskId = squash(cell("provinceTask"));
    if (provinceTaskId) task.provinceTaskId = provinceTaskId;
    if (!reading.recognised) out.warnings.push({ ...where(r.index), message: M.warnDeadline(r.id, task.deadline.raw) });
    if (task.leads.length === 0) out.warnings.push({ ...where(r.index), message: M.warnNoLead(r.id) });
    out.tasks.push(task);
  }
  qualifyDuplicateIds(out.tasks);
  return out;
}

/** Joins a continuation to the text above it with one space (a cell wrapped at a page break). */
function joinText(above: string, below: string): string {
  return above ? `${above} ${below}` : below;
}

/**
 * The area of a task in a hierarchical table: the first of its section, sub-groups and own text that names
 * an area (a PAR-index section "CẢI CÁCH TÀI CHÍNH CÔNG" decides for all its criteria). Null without groups:
 * flat appendix tasks are classified by the caller.
 */
function areaOf(groups: Group[], title: string): Area | null {
  if (groups.length === 0) return null;
  for (const g of groups) {
    const area = classifyAreaOrNull(g.title);
    if (area) return area;
  }
  return classifyArea(title);
}

/**
 * Tables that restart their numbering in every section (I: 1, 2; II: 1, 2) give duplicate ids; the tracker
 * needs a stable unique key, so such ids are qualified by their group ("II.1").
 */
function qualifyDuplicateIds(tasks: Task[]): void {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > 1)) return;
  for (const t of tasks) {
    if ((counts.get(t.id) ?? 0) > 1 && t.group && !t.id.startsWith(t.group + ".")) t.id = `${t.group}.${t.id}`;
  }
}

/** A table with where its rows sit, as the format readers produce it. */
export interface SourceTable {
  rows: string[][];
  lines?: (number | undefined)[];
  pages?: (number | undefined)[];
}

/**
 * Joins consecutive tables that are one task table cut by page breaks (the same header repeated, or a
 * following piece without a header) and reads each joined table; tables without a task header are skipped.
 */
export function tasksFromTables(
  tables: SourceTable[],
  ctx: ReaderContext,
  opts: Omit<TableOptions, "lines" | "pages"> = {},
): ReaderOutput {
  const joined: { rows: string[][]; lines: (number | undefined)[]; pages: (number | undefined)[]; key: string }[] = [];
  for (const t of tables) {
    const header = findTaskHeader(t.rows);
    // Same columns → the same table continued on a new page. The roles, not the header text, are compared:
    // a repeated header may carry the tail of the cell above it ("Cơ quan phối hợp và UBND xã").
    const key = header ? header.roles.join("|") : "";
    const cur = joined[joined.length - 1];
    const lines = t.rows.map((_, i) => t.lines?.[i]);
    const pages = t.rows.map((_, i) => t.pages?.[i]);
    if (header && (!cur || cur.key !== key)) joined.push({ rows: [...t.rows], lines, pages, key });
    else if (cur) {
      cur.rows.push(...t.rows);
      cur.lines.push(...lines);
      cur.pages.push(...pages);
    }
  }
  const out: ReaderOutput = { tasks: [], groups: [], targets: [], warnings: [] };
  for (const j of joined) {
    const part = tasksFromTable(j.rows, ctx, { ...opts, lines: j.lines, pages: j.pages });
    out.tasks.push(...part.tasks);
    out.groups.push(...part.groups);
    out.warnings.push(...part.warnings);
  }
  return out;
}
