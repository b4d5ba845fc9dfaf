/**
 * Reader for PDF-extracted layout text plans (seeds 000 and 001): finds the appendix table ("DANH MỤC … Số TT
 * Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành") and rebuilds every row from its
 * wrapped column text, which the extraction emits cell after cell (number, task text, lead, partners,
 * deadline), one-line cells of a row sometimes sharing a line ("Sở Nội vụ Các sở, ban, ngành Năm 2026").
 */
import { layoutTextMessages as M } from "../../messages/layout-text.js";
import { planMessages as PM } from "../../messages/plan.js";
import { readDeadline } from "../deadline.js";
import type { Group, ParseWarning, Task } from "../schema.js";
import { fold, normalizeInput, squash } from "../text.js";
import {
  canonicalUnit,
  createUnitLexicon,
  endsDangling,
  extractUnitLexicon,
  startsWithUnitHead,
  type UnitLexicon,
} from "../units.js";
import type { ReaderContext, ReaderOutput } from "./types.js";

/** One line of the document: its 1-based number and its text, trimmed with whitespace collapsed. */
interface SourceLine {
  no: number;
  text: string;
}

/** The lines of one table row, from its number line to the line before the next row. */
interface Row {
  id: string;
  no: number;
  group: string | null;
  lines: SourceLine[];
}

// A cell of the unit columns wider than this (in characters) cannot be a narrow unit column: it is task text.
// The widest unit line in the seeds is 28 characters ("Sở Nội vụ Các sở, ban, ngành", two cells sharing a line).
const MAX_CELL_LINE = 40;
// An unknown unit name longer than this is task text, not a unit.
const MAX_UNKNOWN_UNIT = 100;
// How far a page number may be from the expected task number before it is not taken for a skipped task.
const MAX_NUMBER_GAP = 3;

const APPENDIX_HEADING = /^(?:DANH MỤC|PHỤ LỤC|BIỂU PHÂN CÔNG)(?![\p{L}\p{M}])/u;
const HEADER_LINE = /^(?:Số\s*TT|STT|TT(?=\s+(?:Nội dung|Nhiệm vụ|Lĩnh vực|Tên)))(?![\p{L}\p{M}])/iu;
// Words of the table header, folded; a line made only of these continues a header row.
const HEADER_WORDS = new Set(
  (
    "so tt stt noi dung cong viec co quan chu tri phoi hop thoi gian hoan thanh cham nhat phai ghi " +
    "yeu cau san pham nhiem vu linh vuc tieu ket qua du kien don vi thuc hien va ten muc"
  ).split(" "),
);
const LONE_NUMBER = /^(\d{1,3})\.?$/u;
// A task number followed by its text, which starts with a capital ("14 Thực hiện …"); a wrapped text line such
// as "2 cấp chính quyền …" is not a new row.
const NUMBERED_TEXT = /^(\d{1,3})[.)]?\s+(\p{Lu}.*)$/u;
const GROUP_ROW = /^([IVX]{1,4})[.)]?(?:\s+(.+))?$/u;

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}/])`;
// Where a deadline cell starts (domain.md, "Deadlines"). Case matters: cells start with a capital, while the
// task text says "năm 2026" in lower case.
const DEADLINE_START = new RegExp(
  NOT_WORD_BEFORE +
    "(?:" +
    [
      String.raw`Quý\s+(?:IV|I{1,3}|[1-4])(?![\p{L}\p{N}])`,
      String.raw`Tháng\s+\d{1,2}`,
      String.raw`Năm\s+\d{4}`,
      String.raw`(?:Trong|Cả|Hết|Cuối)\s+(?:năm|tháng|quý|Quý|ngày|giai\s+đoạn)(?![\p{L}\p{M}])`,
      String.raw`Trước\s+(?:ngày\s+|tháng\s+|[Qq]uý\s+)?(?:\d|[IV])`,
      String.raw`Thường\s+xuyên`,
      String.raw`(?:Hằng|Hàng)\s+(?:năm|quý|tháng|tuần|ngày|kỳ)`,
      String.raw`Định\s+kỳ`,
      String.raw`Liên\s+tục`,
      String.raw`\d{1,2}\s+tháng\s+(?:đầu|cuối)`,
      String.raw`Giai\s+đoạn\s+\d{4}`,
      String.raw`(?:Chậm\s+nhất|Đến\s+hết|Đến|Hoàn\s+thành\s+trong|Từ)\s+(?:ngày|tháng|quý|Quý|năm)(?![\p{L}\p{M}])`,
      String.raw`\d{1,2}\/\d{1,2}\/\d{4}$`,
    ].join("|") +
    ")",
  "u",
);

/**
 * Reads the task table of a PDF-extracted layout text plan. Leads and partners are canonical unit names
 * (KNOWN_UNITS plus the plan's own "TỔ CHỨC THỰC HIỆN" units tell the unit columns from the task text);
 * area, group and requirement are left for the dispatcher. Whatever cannot be placed becomes a warning with
 * its line number.
 */
export function readLayoutText(text: string, ctx: ReaderContext): ReaderOutput {
  const source = normalizeInput(text);
  const lines: SourceLine[] = source.split("\n").map((t, i) => ({ no: i + 1, text: squash(t) }));
  const warnings: ParseWarning[] = [];
  const start = findTableStart(lines);
  if (start < 0) return { tasks: [], groups: [], targets: [], warnings: [{ message: M.noTable }] };

  const { rows, groups } = splitRows(lines, start, warnings);
  const lexicon = createUnitLexicon(extractUnitLexicon(source));
  const tasks: Task[] = [];
  for (const row of rows) {
    const task = readRow(row, lexicon, ctx, warnings);
    if (task) tasks.push(task);
  }
  return { tasks, groups, targets: [], warnings };
}

/** Index of the first table header line, preferring one after the appendix heading; -1 when there is none. */
function findTableStart(lines: SourceLine[]): number {
  const heading = lines.findIndex((l) => APPENDIX_HEADING.test(l.text));
  const from = heading >= 0 ? heading : 0;
  for (let i = from; i < lines.length; i++) if (HEADER_LINE.test(lines[i]?.text ?? "")) return i;
  if (heading > 0) for (let i = 0; i < heading; i++) if (HEADER_LINE.test(lines[i]?.text ?? "")) return i;
  return -1;
}

function nextNonBlank(lines: SourceLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]?.text) return j;
  return -1;
}

/** True for a line that continues a header row ("Cơ quan chủ", "trì", "Thời gian hoàn", "thành"). */
function isHeaderFragment(text: string): boolean {
  if (/\d/.test(text)) return false;
  const words = fold(text)
    .replace(/[()/,.:]/g, " ")
    .split(" ")
    .filter((w) => w !== "");
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w));
}

/** Index after a header row that starts at line i (its wrapped fragments included). */
function skipHeader(lines: SourceLine[], i: number): number {
  let end = i + 1;
  for (let j = nextNonBlank(lines, i); j >= 0 && isHeaderFragment(lines[j]?.text ?? ""); j = nextNonBlank(lines, j)) {
    end = j + 1;
  }
  return end;
}

/**
 * Cuts the table into rows at the task numbers. A task number is the next expected number, alone on its line
 * or followed by the task text ("14 Thực hiện nhập dữ liệu …"); a lone number followed by a repeated header
 * is a page number; repeated header rows are skipped.
 */
function splitRows(lines: SourceLine[], start: number, warnings: ParseWarning[]): { rows: Row[]; groups: Group[] } {
  const rows: Row[] = [];
  const groups: Group[] = [];
  let current: Row | null = null;
  let group: string | null = null;
  let expected = 1;
  const beforeFirst: SourceLine[] = [];

  const open = (id: number, line: SourceLine, rest: string): void => {
    const previous = current?.id ?? (rows.length ? rows[rows.length - 1]?.id : undefined);
    if (id !== expected) warnings.push({ line: line.no, message: M.numberGap(previous ?? "0", String(id)) });
    current = { id: String(id), no: line.no, group, lines: rest ? [{ no: line.no, text: rest }] : [] };
    rows.push(current);
    expected = id + 1;
  };
  const isExpectedNumberLine = (j: number): boolean => {
    const t = lines[j]?.text ?? "";
    const m = LONE_NUMBER.exec(t) ?? NUMBERED_TEXT.exec(t);
    return m !== null && Number(m[1]) === expected;
  };

  let i = start;
  while (i < lines.length) {
    const line = lines[i] as SourceLine;
    const text = line.text;
    if (!text) {
      i++;
      continue;
    }
    if (HEADER_LINE.test(text)) {
      i = skipHeader(lines, i);
      continue;
    }
    const lone = LONE_NUMBER.exec(text);
    if (lone) {
      const n = Number(lone[1]);
      const next = nextNonBlank(lines, i);
      const beforeHeader = next < 0 || HEADER_LINE.test(lines[next]?.text ?? "");
      if (beforeHeader || (n !== expected && isExpectedNumberLine(next))) {
        // A page number: silent when the page break is evident (a repeated header or the expected row follows).
        i++;
        continue;
      }
      if (n === expected || (n > expected && n <= expected + MAX_NUMBER_GAP)) open(n, line, "");
      else warnings.push({ line: line.no, message: M.strayNumber(lone[1] ?? "", expected) });
      i++;
      continue;
    }
    const numbered = NUMBERED_TEXT.exec(text);
    if (numbered) {
      const n = Number(numbered[1]);
      const rest = numbered[2] ?? "";
      if (n === expected || (n > expected && n <= expected + MAX_NUMBER_GAP)) {
        open(n, line, rest);
        i++;
        continue;
      }
    }
    const groupRow = readGroupRow(lines, i);
    if (groupRow) {
      groups.push({ id: groupRow.id, title: groupRow.title, parent: null });
      group = groupRow.id;
      current = null;
      i = groupRow.next;
      continue;
    }
    if (current) (current as Row).lines.push(line);
    else beforeFirst.push(line);
    i++;
  }
  for (const line of beforeFirst) warnings.push({ line: line.no, message: M.textBeforeFirstTask(line.text) });
  return { rows, groups };
}

/** A group row of a hierarchical table: a Roman numeral with an all-capitals title ("II" / "CẢI CÁCH THỂ CHẾ"). */
function readGroupRow(lines: SourceLine[], i: number): { id: string; title: string; next: number } | null {
  const m = GROUP_ROW.exec(lines[i]?.text ?? "");
  if (!m?.[1]) return null;
  const isTitle = (t: string): boolean => /\p{Lu}{3}/u.test(t) && t === t.toLocaleUpperCase("vi");
  if (m[2]) return isTitle(m[2]) ? { id: m[1], title: m[2], next: i + 1 } : null;
  const j = nextNonBlank(lines, i);
  const title = lines[j]?.text ?? "";
  return j >= 0 && isTitle(title) ? { id: m[1], title, next: j + 1 } : null;
}

/** Where the deadline cell starts in a row: the line and the column; null when the row has none. */
function findDeadline(lines: SourceLine[]): { k: number; col: number } | null {
  const at = (k: number): number => {
    const t = lines[k]?.text ?? "";
    const m = DEADLINE_START.exec(t);
    // On the first line the deadline cannot start the line: that is where the task text begins.
    if (!m || (k === 0 && m.index === 0)) return -1;
    return m.index;
  };
  let found: { k: number; col: number } | null = null;
  for (let k = lines.length - 1; k >= 0 && !found; k--) {
    const col = at(k);
    if (col >= 0) found = { k, col };
  }
  if (!found) return null;
  let start: { k: number; col: number } = found;
  // "Quý II/2026 (sau" / "khi Bộ Nội vụ" / "Quý III …)": a closing bracket without its opening one means the
  // deadline started on an earlier line.
  for (let guard = 0; guard < 4; guard++) {
    const tail = tailText(lines, start.k, start.col);
    if (count(tail, ")") <= count(tail, "(")) break;
    let earlier: { k: number; col: number } | null = null;
    for (let k = start.k - 1; k >= Math.max(0, start.k - 4) && !earlier; k--) {
      const col = at(k);
      if (col >= 0 && (lines[k]?.text ?? "").slice(col).includes("(")) earlier = { k, col };
    }
    if (!earlier) break;
    start = earlier;
  }
  return start;
}

function tailText(lines: SourceLine[], k: number, col: number): string {
  return [(lines[k]?.text ?? "").slice(col), ...lines.slice(k + 1).map((l) => l.text)].join(" ");
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Joins wrapped lines of one cell with single spaces; a word broken at a hyphen ("QĐ-" / "TTg") is re-joined. */
function joinWrapped(parts: string[]): string {
  let out = "";
  for (const part of parts) {
    const p = squash(part);
    if (!p) continue;
    out = !out ? p : /[\p{Lu}\p{N}/]-$/u.test(out) ? out + p : `${out} ${p}`;
  }
  return out;
}

/** Reads one row into a task; null (with a warning) when the row has no task text. */
function readRow(row: Row, lexicon: UnitLexicon, ctx: ReaderContext, warnings: ParseWarning[]): Task | null {
  const lines = row.lines;
  if (!lines.length) {
    warnings.push({ line: row.no, message: M.noTitle(row.id) });
    return null;
  }

  // 1. The deadline is the last cell: it runs to the end of the row, or to its closing bracket.
  const found = findDeadline(lines);
  let unitsEnd = lines.length; // lines before this index hold the text and the unit cells
  let prefix = ""; // the start of the deadline's line, before the deadline (unit cells sharing the line)
  let deadlineRaw = "";
  let deadlineLine = row.no;
  if (found) {
    unitsEnd = found.k;
    deadlineLine = lines[found.k]?.no ?? row.no;
    const first = lines[found.k]?.text ?? "";
    prefix = first.slice(0, found.col).trim();
    const parts = [first.slice(found.col)];
    let depth = count(parts[0] ?? "", "(") - count(parts[0] ?? "", ")");
    let k = found.k + 1;
    for (; k < lines.length; k++) {
      const t = lines[k]?.text ?? "";
      if (depth <= 0 && !t.startsWith("(")) break;
      parts.push(t);
      depth += count(t, "(") - count(t, ")");
    }
    deadlineRaw = joinWrapped(parts);
    for (; k < lines.length; k++) {
      const l = lines[k] as SourceLine;
      warnings.push({ line: l.no, message: M.leftover(row.id, l.text) });
    }
  } else {
    warnings.push({ line: row.no, message: M.noDeadline(row.id) });
  }

  // 2. The unit cells: the earliest line from which everything up to the deadline reads as unit names.
  const segments: SourceLine[] = lines.slice(0, unitsEnd);
  if (prefix) segments.push({ no: deadlineLine, text: prefix });
  const parser = new UnitCells(segments, lexicon);
  let split: { title: string; cells: string[][] } | null = null;
  for (let s = 1; s < segments.length && !split; s++) {
    const cells = parser.parse(parser.segmentStart(s), s);
    if (cells) split = { title: joinWrapped(segments.slice(0, s).map((l) => l.text)), cells };
  }
  // Fallback: text and units on one line ("5 Rà soát … Sở Nội vụ Năm 2026") — start mid-line.
  const last = segments.length - 1;
  if (!split && last >= 0) {
    for (let p = parser.segmentStart(last) + 1; p < parser.segmentEnd(last) && !split; p++) {
      if (!parser.isWord(p)) continue;
      const cells = parser.parse(p, last);
      if (cells) {
        const head = joinWrapped([...segments.slice(0, last).map((l) => l.text), parser.textBefore(p, last)]);
        if (head) split = { title: head, cells };
      }
    }
  }
  if (!split) {
    if (segments.length) warnings.push({ line: segments[0]?.no ?? row.no, message: M.noUnits(row.id) });
    split = { title: joinWrapped(segments.map((l) => l.text)), cells: [] };
  }
  if (!split.title) {
    warnings.push({ line: row.no, message: M.noTitle(row.id) });
    return null;
  }

  const unique = (names: string[]): string[] => [...new Set(names.map(canonicalUnit).filter((n) => n !== ""))];
  const leads = unique(split.cells[0] ?? []);
  const partners = unique(split.cells.slice(1).flat()).filter((n) => !leads.includes(n));
  const reading = readDeadline(deadlineRaw, ctx);
  if (found && !reading.recognised) warnings.push({ line: deadlineLine, message: PM.warnDeadline(row.id, deadlineRaw) });

  return {
    id: row.id,
    title: split.title,
    group: row.group,
    area: null,
    requirement: null,
    leads,
    partners,
    deadline: reading.deadline,
    source: "appendix",
  };
}

type TokKind = "word" | "comma" | "semi" | "dash" | "lb";
interface Tok {
  kind: TokKind;
  text: string;
  seg: number;
}

/**
 * Splits the unit columns of a row into cells of unit names. Tokens run over the row's segments (lines) with
 * line breaks kept; a name is the longest run that names a known unit (across line breaks: "Trung tâm Phục" /
 * "vụ hành chính" / "công"), else an unknown name that starts like a unit and runs to a separator or to a line
 * that starts a new name. Units separated by "," or ";" share a cell; a line break or a juxtaposition without a
 * separator starts the next cell (lead → partners).
 */
class UnitCells {
  private readonly toks: Tok[] = [];
  private readonly starts: number[] = [];
  private readonly known = new Map<number, number>();

  constructor(
    private readonly segments: SourceLine[],
    private readonly lexicon: UnitLexicon,
  ) {
    segments.forEach((seg, s) => {
      if (s > 0) this.toks.push({ kind: "lb", text: "\n", seg: s });
      this.starts.push(this.toks.length);
      for (const m of seg.text.matchAll(/[,;]|[^\s,;]+/gu)) {
        let t = m[0];
        // A bullet glued to its word ("-UBND") is still a bullet.
        const glued = /^([-–—•+])(?=\p{L})/u.exec(t);
        if (glued?.[1]) {
          this.toks.push({ kind: "dash", text: glued[1], seg: s });
          t = t.slice(1);
        }
        const kind: TokKind = t === "," ? "comma" : t === ";" ? "semi" : /^[-–—•+]$/u.test(t) ? "dash" : "word";
        this.toks.push({ kind, text: t, seg: s });
      }
    });
  }

  /** Index of the first token of segment s. */
  segmentStart(s: number): number {
    return this.starts[s] ?? this.toks.length;
  }

  /** Index after the last token of segment s. */
  segmentEnd(s: number): number {
    return s + 1 < this.starts.length ? (this.starts[s + 1] ?? this.toks.length) - 1 : this.toks.length;
  }

  isWord(p: number): boolean {
    return this.toks[p]?.kind === "word";
  }

  /** The text of segment s before token p. */
  textBefore(p: number, s: number): string {
    return this.span(this.segmentStart(s), p);
  }

  private span(from: number, to: number): string {
    let out = "";
    for (let j = from; j < to; j++) {
      const t = this.toks[j] as Tok;
      if (t.kind === "comma" || t.kind === "semi") out += t.text;
      else if (t.kind === "dash") out += " - ";
      else if (t.kind === "lb") out += " ";
      else out += out && !out.endsWith(" ") ? ` ${t.text}` : t.text;
    }
    return squash(out);
  }

  /** True when a unit name could start at token p ("Sở …", "Phòng …", "các sở …"). */
  private headAt(p: number): boolean {
    const words: string[] = [];
    for (let j = p; j < this.toks.length && words.length < 4 && this.toks[j]?.kind === "word"; j++) {
      words.push(this.toks[j]?.text ?? "");
    }
    return words.length > 0 && startsWithUnitHead(words.join(" "));
  }

  /** Index of the last token of the longest known unit starting at p; -1 when none starts there. */
  private longestKnown(p: number): number {
    const cached = this.known.get(p);
    if (cached !== undefined) return cached;
    let best = -1;
    let words = 0;
    if (this.toks[p]?.kind === "word" && this.lexicon.mayStartWith(this.toks[p]?.text ?? "")) {
      for (let j = p; j < this.toks.length; j++) {
        const t = this.toks[j] as Tok;
        if (t.kind === "semi") break;
        if (t.kind !== "word") continue;
        if (++words > this.lexicon.maxWords) break;
        if (this.lexicon.has(this.span(p, j + 1))) best = j;
      }
    }
    this.known.set(p, best);
    return best;
  }

  private startsName(p: number): boolean {
    return this.headAt(p) || this.longestKnown(p) >= 0;
  }

  private skipBreaks(p: number): number {
    let q = p;
    while (q < this.toks.length && this.toks[q]?.kind === "lb") q++;
    return q;
  }

  /** End (exclusive) of an unknown name starting at p. */
  private unknownEnd(p: number): number {
    const n = this.toks.length;
    let j = p;
    let words = 0;
    while (j < n) {
      const t = this.toks[j] as Tok;
      if (t.kind === "semi") break;
      if (t.kind === "word") {
        const prev = this.toks[j - 1];
        // Another known unit juxtaposed on the same line starts the next cell ("Sở Xây dựng Sở Tài chính").
        if (j > p && prev?.kind === "word" && words >= 2 && /^\p{Lu}/u.test(t.text)) {
          if (!endsDangling(this.span(p, j)) && this.longestKnown(j) >= 0) break;
        }
        words++;
        j++;
        continue;
      }
      if (t.kind === "comma") {
        const q = this.skipBreaks(j + 1);
        const next = this.toks[q];
        if (!next || next.kind !== "word" || this.longestKnown(q) >= 0 || (/^\p{Lu}/u.test(next.text) && this.headAt(q))) break;
        j++;
        continue;
      }
      if (t.kind === "lb") {
        const q = this.skipBreaks(j);
        const next = this.toks[q];
        if (!next) break;
        if (endsDangling(this.span(p, j))) {
          j = q;
          continue;
        }
        if (next.kind === "dash") {
          if (this.toks[q + 1]?.kind === "word" && this.startsName(q + 1)) break;
          j = q;
          continue;
        }
        if (next.kind !== "word" || this.startsName(q)) break;
        j = q;
        continue;
      }
      // A dash inside a line: part of the name ("Phòng Văn hóa - Thông tin") unless a new name follows it.
      if (this.toks[j + 1]?.kind === "word" && this.startsName(j + 1)) break;
      j++;
    }
    // Do not end on a dash or a line break.
    while (j > p && (this.toks[j - 1]?.kind === "dash" || this.toks[j - 1]?.kind === "lb")) j--;
    return j;
  }

  /**
   * Parses tokens from p to the end into cells of unit names; null when they do not read as unit columns
   * (the first name does not start like a unit, or a wide line holds an unknown name: that is task text).
   * `firstSeg` is the segment where p lies; its width is measured from p.
   */
  parse(p0: number, firstSeg: number): string[][] | null {
    const n = this.toks.length;
    const cells: string[][] = [];
    let cell: string[] | null = null;
    let bulleted = false;
    const unknownSegs = new Set<number>();
    let p = p0;
    while (p < n) {
      const t = this.toks[p] as Tok;
      if (t.kind === "lb" || t.kind === "comma" || t.kind === "semi") {
        if (cells.length === 0 && cell === null) return null;
        p++;
        continue;
      }
      let bullet = false;
      if (t.kind === "dash") {
        bullet = true;
        p = this.skipBreaks(p + 1);
        if (p >= n || this.toks[p]?.kind !== "word") return null;
      }
      const first = cells.length === 0 && cell === null;
      let end: number;
      let isKnown = false;
      const k = this.longestKnown(p);
      if (k >= 0) {
        end = k + 1;
        isKnown = true;
        // A known name followed by a lower-case tail ("… liên quan", "… tỉnh Thái Nguyên") is a longer name.
        const q = this.skipBreaks(end);
        const next = this.toks[q];
        if (next?.kind === "word" && /^\p{Ll}/u.test(next.text) && !this.startsName(q)) {
          end = this.unknownEnd(q);
          isKnown = false;
        }
      } else {
        if (first && !this.headAt(p)) return null;
        end = this.unknownEnd(p);
      }
      if (end <= p) return null;
      const name = this.span(p, end);
      if (!isKnown) {
        if (name.length > MAX_UNKNOWN_UNIT) return null;
        for (let j = p; j < end; j++) unknownSegs.add((this.toks[j] as Tok).seg);
      }
      if (!cell) {
        cell = [];
        bulleted = bullet;
      }
      cell.push(name);
      p = end;
      const after = this.toks[p];
      if (!after) break;
      if (after.kind === "comma" || after.kind === "semi") {
        p++;
        continue;
      }
      if (after.kind === "lb") {
        const q = this.skipBreaks(p);
        p = q;
        // A bulleted list ("- Sở Giáo dục và Đào tạo" / "- UBND cấp xã") stays one cell.
        if (this.toks[q]?.kind === "dash" && bulleted) continue;
        cells.push(cell);
        cell = null;
        continue;
      }
      if (after.kind === "dash" && bulleted) continue;
      // Another name right after this one without a separator: the next cell shares the line.
      cells.push(cell);
      cell = null;
    }
    if (cell) cells.push(cell);
    if (!cells.length) return null;
    for (const s of unknownSegs) {
      const seg = this.segments[s];
      const width = s === firstSeg ? this.span(Math.max(p0, this.segmentStart(s)), this.segmentEnd(s)).length : (seg?.text.length ?? 0);
      if (width > MAX_CELL_LINE) return null;
    }
    return cells;
  }
}
