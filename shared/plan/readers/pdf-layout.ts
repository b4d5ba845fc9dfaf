/**
 * Rebuilds paragraphs and tables from a PDF's positioned text and ruling lines (pure; no pdfjs here).
 * Coordinates are device space at scale 1: x to the right, y downwards, in points.
 *
 * Tables drawn with borders (what Word and LibreOffice produce) are rebuilt from the ruling lines: columns and
 * rows between the lines, merged cells where a line is missing. Tables without borders fall back to the text:
 * columns from the header's x ranges, rows anchored on the numbers in the first column.
 */
import { squareRows, type DocBlock, type DocTable, type ExtractedDocument } from "./document.js";
import { assembleRuns } from "./pdf-runs.js";
import { findTaskHeader } from "./task-table.js";

/** A piece of text on a page (a glyph, a text item, an OCR'd word): baseline start (x, y), width, font size. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A horizontal or vertical ruling line segment (device space). */
export interface PdfSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One page's text items and ruling lines. */
export interface PdfPageGeometry {
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  segments: PdfSegment[];
}

const TOL = 2; // points: lines this close are the same line

/** A line ending in a hyphen glued to its word ("QĐ-", "18-"): the layout broke a word there; join without a space. */
const WORD_HYPHEN_END = /[\p{L}\p{N}][-‐]$/u;

// ───────────────────────────── lines of text ─────────────────────────────

interface TextLine {
  items: PdfTextItem[];
  y: number; // baseline
  top: number;
  bottom: number;
  x1: number;
  x2: number;
  size: number;
}

/** Vertical centre of an item, used to decide which cell or row it falls in. */
function midY(it: PdfTextItem): number {
  return it.y - it.size * 0.3;
}

/** Groups items into lines by baseline and orders each line left to right. */
function toLines(items: PdfTextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(it.y - last.y) <= Math.max(1.5, 0.35 * Math.min(it.size, last.size))) {
      last.items.push(it);
      last.x1 = Math.min(last.x1, it.x);
      last.x2 = Math.max(last.x2, it.x + it.w);
      last.top = Math.min(last.top, it.y - it.size * 0.8);
      last.size = Math.max(last.size, it.size);
    } else {
      lines.push({ items: [it], y: it.y, top: it.y - it.size * 0.8, bottom: it.y + it.size * 0.2, x1: it.x, x2: it.x + it.w, size: it.size });
    }
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** The text of a line: items joined with a space where there is a visible gap; wide gaps keep a few spaces. */
function lineText(line: TextLine, keepWideGaps = false): string {
  let out = "";
  let end = -Infinity;
  for (const it of line.items) {
    const gap = it.x - end;
    if (out && gap > it.size * 2.5 && keepWideGaps) out += "   ";
    else if (out && gap > it.size * 0.12 && !out.endsWith(" ") && !it.str.startsWith(" ")) out += " ";
    out += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out.replace(/\s+/g, (s) => (s.length >= 3 && keepWideGaps ? "   " : " ")).trim();
}

/** Width of the first word of a line, estimated from its item's width per character. */
function firstWordWidth(line: TextLine): number {
  const it = line.items[0];
  if (!it || !it.str) return 0;
  const word = it.str.trimStart().split(/\s/)[0] ?? "";
  return (it.w / Math.max(1, it.str.length)) * word.length;
}

/**
 * Joins the lines of one cell. A line that stops well before the cell's right edge — the next line's first word
 * would have fitted — ended on purpose (a new unit, a new paragraph): keep the break. Otherwise the line was
 * wrapped by the layout and the two are one text, joined with a space (or nothing after a word-internal hyphen).
 */
function joinCellLines(lines: TextLine[], left: number, right: number): string {
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = lineText(line);
    if (!text) continue;
    if (out) {
      const prev = lines[i - 1]!;
      const pad = Math.max(1, Math.min(8, prev.x1 - left));
      const room = right - pad - prev.x2;
      const spaceW = prev.size * 0.3;
      const wrapped = room < firstWordWidth(line) + spaceW + prev.size * 0.5;
      if (!wrapped) out += "\n";
      else if (WORD_HYPHEN_END.test(out)) out += "";
      else out += " ";
    }
    out += text;
  }
  return out.trim();
}

// ───────────────────────────── ruling lines ─────────────────────────────

interface HLine {
  y: number;
  x1: number;
  x2: number;
}
interface VLine {
  x: number;
  y1: number;
  y2: number;
}

/** Splits segments into horizontal and vertical lines and merges collinear pieces (borders are drawn per cell). */
function rulings(segments: PdfSegment[]): { h: HLine[]; v: VLine[] } {
  const h: HLine[] = [];
  const v: VLine[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= 1 && dx >= 3) h.push({ y: (s.y1 + s.y2) / 2, x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2) });
    else if (dx <= 1 && dy >= 3) v.push({ x: (s.x1 + s.x2) / 2, y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) });
  }
  return { h: mergeH(h), v: mergeV(v) };
}

function mergeH(lines: HLine[]): HLine[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HLine[] = [];
  for (const l of sorted) {
    const m = out.find((o) => Math.abs(o.y - l.y) <= TOL && l.x1 <= o.x2 + TOL && l.x2 >= o.x1 - TOL);
    if (m) {
      m.x1 = Math.min(m.x1, l.x1);
      m.x2 = Math.max(m.x2, l.x2);
    } else out.push({ ...l });
  }
  return out;
}

function mergeV(lines: VLine[]): VLine[] {
  const sorted = [...lines].sort((a, b) => a.x - b.x || a.y1 - b.y1);
  const out: VLine[] = [];
  for (const l of sorted) {
    const m = out.find((o) => Math.abs(o.x - l.x) <= TOL && l.y1 <= o.y2 + TOL && l.y2 >= o.y1 - TOL);
    if (m) {
      m.y1 = Math.min(m.y1, l.y1);
      m.y2 = Math.max(m.y2, l.y2);
    } else out.push({ ...l });
  }
  return out;
}

/** Distinct positions, close ones merged (averaged). */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A bordered table found on a page: its grid and its rows of cell text. */
interface RuledTable extends Box {
  xs: number[];
  rows: string[][];
}

/** Groups crossing ruling lines into table regions (a region needs at least two rows of cells' worth of lines). */
function tableRegions(h: HLine[], v: VLine[]): { h: HLine[]; v: VLine[]; box: Box }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  h.forEach((hl, i) =>
    v.forEach((vl, j) => {
      if (vl.x >= hl.x1 - TOL && vl.x <= hl.x2 + TOL && hl.y >= vl.y1 - TOL && hl.y <= vl.y2 + TOL) {
        parent[find(i)] = find(h.length + j);
      }
    }),
  );
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  h.forEach((hl, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(hl);
    groups.set(find(i), g);
  });
  v.forEach((vl, j) => {
    const g = groups.get(find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(vl);
    groups.set(find(h.length + j), g);
  });
  const out: { h: HLine[]; v: VLine[]; box: Box }[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 3) continue; // a table has at least two columns
    const box = {
      x1: Math.min(...g.v.map((l) => l.x)),
      x2: Math.max(...g.v.map((l) => l.x)),
      y1: Math.min(...g.h.map((l) => l.y)),
      y2: Math.max(...g.h.map((l) => l.y)),
    };
    if (box.x2 - box.x1 < 20 || box.y2 - box.y1 < 5) continue;
    out.push({ ...g, box });
  }
  return out.sort((a, b) => a.box.y1 - b.box.y1);
}

function covers(a1: number, a2: number, b1: number, b2: number): boolean {
  // Does the segment [a1, a2] cover most of [b1, b2]?
  const overlap = Math.min(a2, b2) - Math.max(a1, b1);
  return overlap >= 0.6 * (b2 - b1);
}

/**
 * Reads a bordered table: cells between the lines, joined where a border is missing (merged cells), text items
 * placed by their centre. Merged cells are expanded as in the Word reader: a horizontal merge keeps its text in its
 * first column; a vertical merge repeats its text in every row except in the first (id) column.
 */
function readRuledTable(region: { h: HLine[]; v: VLine[]; box: Box }, items: PdfTextItem[]): RuledTable {
  const xs = clusterPositions(region.v.map((l) => l.x));
  const ys = clusterPositions(region.h.map((l) => l.y)).filter((y, i, a) => i === 0 || y - a[i - 1]! > TOL);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hasV = (x: number, y1: number, y2: number) => region.v.some((l) => Math.abs(l.x - x) <= TOL && covers(l.y1, l.y2, y1, y2));
  const hasH = (y: number, x1: number, x2: number) => region.h.some((l) => Math.abs(l.y - y) <= TOL && covers(l.x1, l.x2, x1, x2));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !hasV(xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nr && !hasH(ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  // Block extents.
  const blocks = new Map<number, { r1: number; r2: number; c1: number; c2: number; items: PdfTextItem[] }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const b = blocks.get(root);
      if (!b) blocks.set(root, { r1: r, r2: r, c1: c, c2: c, items: [] });
      else {
        b.r1 = Math.min(b.r1, r);
        b.r2 = Math.max(b.r2, r);
        b.c1 = Math.min(b.c1, c);
        b.c2 = Math.max(b.c2, c);
      }
    }
  }
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = midY(it);
    const c = indexOf(xs, it.w > 0 ? cx : it.x + 0.5);
    const r = indexOf(ys, cy);
    if (c < 0 || r < 0) continue;
    blocks.get(find(id(r, c)))?.items.push(it);
  }
  const rows: string[][] = Array.from({ length: nr }, () => Array<string>(nc).fill(""));
  for (const b of blocks.values()) {
    const text = joinCellLines(toLines(b.items), xs[b.c1]!, xs[b.c2 + 1]!);
    for (let r = b.r1; r <= b.r2; r++) {
      if (r === b.r1 || b.c1 > 0) rows[r]![b.c1] = text;
    }
  }
  // Rows that are only a sliver (double borders) carry no text; drop fully empty rows.
  const kept = rows.filter((r) => r.some((c) => c));
  return { ...region.box, xs, rows: kept };
}

/** Index i such that edges[i] <= v < edges[i+1], or -1. */
function indexOf(edges: number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i]! && v < edges[i + 1]!) return i;
  return -1;
}

function inBox(it: PdfTextItem, b: Box): boolean {
  const cx = it.x + it.w / 2;
  const cy = midY(it);
  return cx >= b.x1 - TOL && cx <= b.x2 + TOL && cy >= b.y1 - TOL && cy <= b.y2 + TOL;
}

// ───────────────────────────── borderless tables ─────────────────────────────

const ID_RE = /^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$/i;
const HEADER_FIRST_RE = /^(?:s[ốo]\s*tt|stt|tt|s[ốo])$/i;
const HEADER_WORDS_RE = /n[ộo]i dung|l[ĩi]nh v[ựu]c|ch[ủu] tr[ìi]|ph[ốo]i h[ợo]p|th[ờo]i gian|th[ờo]i h[ạa]n|y[êe]u c[ầa]u|s[ảa]n ph[ẩa]m|c[ơo] quan/i;

/** Column layout of a borderless table, learnt from its header: the left edge of every column after the first. */
interface TextColumns {
  bounds: number[]; // x boundaries between columns (length = columns - 1)
  left: number;
  right: number;
  headerRows: string[][];
}

/**
 * Finds a borderless task table's header on the page: a line holding "STT"/"Số TT" with the other column names
 * within the next few lines. Columns are the x ranges of the header's words; a word spanning several of them
 * (a grouping header such as "Phân công nhiệm vụ") does not make a column of its own.
 */
function findTextHeader(lines: TextLine[]): { columns: TextColumns; start: number; end: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.items.find((it) => HEADER_FIRST_RE.test(it.str.trim()));
    if (!first) continue;
    const size = lines[i]!.size;
    // Lines just above belong to the header when a taller header cell is centred ("Thời gian hoàn" above "Số TT").
    let k = i;
    while (k > 0 && lines[k]!.top - lines[k - 1]!.bottom < size * 0.6 && lines[i]!.y - lines[k - 1]!.y < size * 3) k--;
    // The first data row: the next line with an id under "STT".
    const underFirst = (it: PdfTextItem) => it.x < first.x + first.w + first.size && it.x + it.w > first.x - first.size;
    let a = i + 1;
    while (a < lines.length && a < i + 12 && !lines[a]!.items.some((it) => underFirst(it) && ID_RE.test(it.str.trim()))) a++;
    // The header ends at the widest gap before that row: a centred first row has lines above its id.
    let j = Math.min(lines.length, i + 4);
    if (a < lines.length && a < i + 12) {
      let bestGap = -Infinity;
      for (let g = i + 1; g <= a; g++) {
        const gap = lines[g]!.top - lines[g - 1]!.bottom;
        if (gap > bestGap + 0.5) {
          bestGap = gap;
          j = g;
        }
      }
    }
    const band = lines.slice(k, j);
    const text = band.map((l) => lineText(l)).join(" ");
    if (!HEADER_WORDS_RE.test(text)) continue;
    const words = band.flatMap((l) => l.items).filter((it) => it.str.trim());
    // Narrow words first, so a wide spanning word finds its sub-columns already formed.
    const clusters: { x1: number; x2: number }[] = [];
    for (const it of [...words].sort((a, b) => a.w - b.w)) {
      const x1 = it.x;
      const x2 = it.x + it.w;
      const hits = clusters.filter((c) => x1 < c.x2 + 1 && x2 > c.x1 - 1);
      if (hits.length === 0) clusters.push({ x1, x2 });
      else if (hits.length === 1) {
        hits[0]!.x1 = Math.min(hits[0]!.x1, x1);
        hits[0]!.x2 = Math.max(hits[0]!.x2, x2);
      } // else: spans several columns → a grouping header, not a column
    }
    clusters.sort((a, b) => a.x1 - b.x1);
    if (clusters.length < 3) continue;
    const bounds = gutters(clusters, lines.slice(j));
    const columns: TextColumns = {
      bounds,
      left: Math.min(...clusters.map((c) => c.x1)) - 30,
      right: Math.max(...clusters.map((c) => c.x2)) + 30,
      headerRows: [],
    };
    columns.headerRows = [cellsOfRow(band, columns)];
    // The words must make a task-table header (id, title, lead or deadline columns), not just mention "cơ quan".
    if (!findTaskHeader(columns.headerRows)) continue;
    return { columns, start: k, end: j };
  }
  return null;
}

/**
 * Column boundaries of a borderless table. Header labels are usually centred while the cells below are
 * left-aligned and fill their width, so the boundary is not halfway between labels: it is the x, between the
 * end of one label and the start of the next, that the fewest lines below the header cross (the gutter).
 */
function gutters(clusters: { x1: number; x2: number }[], below: TextLine[]): number[] {
  const left = Math.floor(Math.min(...clusters.map((c) => c.x1)));
  const right = Math.ceil(Math.max(...clusters.map((c) => c.x2)));
  const cover = new Array<number>(right - left + 1).fill(0);
  for (const line of below.slice(0, 400)) {
    for (const it of line.items) {
      if (!it.str.trim()) continue;
      const a = Math.max(left, Math.floor(it.x));
      const b = Math.min(right, Math.ceil(it.x + it.w));
      for (let x = a; x <= b; x++) cover[x - left]!++;
    }
  }
  const bounds: number[] = [];
  for (let c = 1; c < clusters.length; c++) {
    // A label lies inside its cell, so the boundary lies between the end of one label and the start of the next.
    const from = Math.floor(clusters[c - 1]!.x2);
    const to = Math.max(from, Math.ceil(clusters[c]!.x1));
    let min = Infinity;
    let bestStart = from;
    let bestLen = 0;
    let runStart = from;
    for (let x = from; x <= to; x++) {
      const v = cover[x - left] ?? 0;
      if (v < min) {
        min = v;
        bestStart = x;
        bestLen = 1;
        runStart = x;
      } else if (v === min) {
        if (x - 1 < from || (cover[x - 1 - left] ?? 0) !== min) runStart = x;
        if (x - runStart + 1 > bestLen) {
          bestLen = x - runStart + 1;
          bestStart = runStart;
        }
      }
    }
    bounds.push(bestStart + bestLen / 2);
  }
  return bounds;
}

function columnOf(x: number, cols: TextColumns): number {
  let c = 0;
  while (c < cols.bounds.length && x >= cols.bounds[c]!) c++;
  return c;
}

/**
 * Splits lines' items among the columns by each item's left edge and joins each cell's lines. A cell's text
 * edges are what its widest lines reach in this table (a borderless table draws no cell edges), so a line that
 * stops short of them ended on purpose.
 */
function cellsOfRow(lines: TextLine[], cols: TextColumns, edges = textEdges(lines, cols)): string[] {
  const per: PdfTextItem[][] = Array.from({ length: cols.bounds.length + 1 }, () => []);
  for (const l of lines) for (const it of l.items) if (it.str.trim()) per[columnOf(it.x + Math.min(2, it.w / 2), cols)]!.push(it);
  return per.map((its, c) => joinCellLines(toLines(its), edges.left[c]!, edges.right[c]!));
}

/** The leftmost and rightmost x the text of each column reaches (falling back to the column bounds). */
function textEdges(lines: TextLine[], cols: TextColumns): { left: number[]; right: number[] } {
  const n = cols.bounds.length + 1;
  const left = Array.from({ length: n }, (_, c) => (c === 0 ? cols.left : cols.bounds[c - 1]!));
  const right = Array.from({ length: n }, (_, c) => (c === n - 1 ? cols.right : cols.bounds[c]!));
  const seenL = Array<number>(n).fill(Infinity);
  const seenR = Array<number>(n).fill(-Infinity);
  for (const l of lines) {
    for (const it of l.items) {
      if (!it.str.trim()) continue;
      const c = columnOf(it.x + Math.min(2, it.w / 2), cols);
      seenL[c] = Math.min(seenL[c]!, it.x);
      seenR[c] = Math.max(seenR[c]!, it.x + it.w);
    }
  }
  for (let c = 0; c < n; c++) {
    if (Number.isFinite(seenL[c]!)) left[c] = seenL[c]!;
    if (Number.isFinite(seenR[c]!)) right[c] = seenR[c]! + 1;
  }
  return { left, right };
}

/** True when the line's first item, in the first column, is (or starts with) a row id: "1", "2.1.1", "III.". */
function startsWithId(line: TextLine, cols: TextColumns): boolean {
  const it = line.items.find((i) => i.str.trim());
  if (!it || columnOf(it.x + 1, cols) !== 0) return false;
  const first = it.str.trim().split(/\s+/)[0] ?? "";
  return ID_RE.test(first);
}

/**
 * Where a borderless table ends: at the first line that crosses a column boundary, unless it is a group row
 * ("II. CẢI CÁCH THỂ CHẾ" spans the row after its id) or the wrapped second line of one.
 */
function tableEnd(lines: TextLine[], start: number, cols: TextColumns): number {
  let groupLine: TextLine | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!crossesColumns(line, cols)) {
      groupLine = null;
      continue;
    }
    if (startsWithId(line, cols)) {
      groupLine = line;
      continue;
    }
    if (groupLine && line.top - groupLine.bottom < line.size * 0.6 && line.x1 >= cols.bounds[0]! - 2) {
      groupLine = line;
      continue;
    }
    return i;
  }
  return lines.length;
}

/** A line with an item crossing a column boundary is not an ordinary table row. */
function crossesColumns(line: TextLine, cols: TextColumns): boolean {
  return line.items.some((it) => it.str.trim().length > 0 && columnOf(it.x + 1, cols) !== columnOf(it.x + it.w - 1, cols));
}

/**
 * Reads the rows of a borderless table from its lines: a row starts at a line with an id in the first column;
 * between two ids, the row boundary is the widest vertical gap (so top-aligned and centred cells both work).
 */
function readTextRows(lines: TextLine[], cols: TextColumns): string[][] {
  if (lines.length === 0) return [];
  const isAnchor = (l: TextLine) => startsWithId(l, cols);
  const edges = textEdges(lines, cols);
  const anchors = lines.map((l, i) => (isAnchor(l) ? i : -1)).filter((i) => i >= 0);
  if (anchors.length === 0) return [cellsOfRow(lines, cols, edges)];
  const cuts: number[] = [0];
  for (let a = 1; a < anchors.length; a++) {
    const from = anchors[a - 1]!;
    const to = anchors[a]!;
    // Widest gap between consecutive lines in (from, to]; a cut before line index g.
    let best = to;
    let bestGap = -Infinity;
    for (let g = from + 1; g <= to; g++) {
      const gap = lines[g]!.top - lines[g - 1]!.bottom;
      if (gap > bestGap + 0.5) {
        bestGap = gap;
        best = g;
      }
    }
    cuts.push(best);
  }
  // Lines above the first anchor belong to it unless they are a continuation from the previous page.
  const rows: string[][] = [];
  const first = anchors[0]!;
  if (first > 0) {
    let gapCut = 0;
    let bestGap = -Infinity;
    for (let g = 1; g <= first; g++) {
      const gap = lines[g]!.top - lines[g - 1]!.bottom;
      if (gap > bestGap + 0.5) {
        bestGap = gap;
        gapCut = g;
      }
    }
    // A clear gap before the anchor's cell means the lines above it are a row continued from the previous page.
    if (bestGap > lines[0]!.size * 0.9) {
      rows.push(cellsOfRow(lines.slice(0, gapCut), cols, edges));
      cuts[0] = gapCut;
    }
  }
  for (let k = 0; k < cuts.length; k++) {
    rows.push(cellsOfRow(lines.slice(cuts[k]!, cuts[k + 1] ?? lines.length), cols, edges));
  }
  return rows.filter((r) => r.some((c) => c));
}

// ───────────────────────────── pages → document ─────────────────────────────

const PAGE_NUMBER_RE = /^(?:[-–—]\s*)?(?:trang\s*)?\d{1,4}(?:\s*[-–—])?(?:\s*\/\s*\d{1,4})?$/i;

/** A page-number line: only a number ("3", "- 3 -", "Trang 3", "3/12") in the page's top or bottom margin. */
function isPageNumber(line: TextLine, page: PdfPageGeometry): boolean {
  const inMargin = line.y < page.height * 0.1 || line.top > page.height * 0.88;
  return inMargin && PAGE_NUMBER_RE.test(lineText(line));
}

/**
 * The left and right edges of the text block, per page width (a landscape appendix has its own): the extremes of
 * the text outside the margins over all pages of that width — one page may hold only short lines.
 */
function textEdgesByWidth(pages: PdfPageGeometry[], running: Set<string>): Map<number, { left: number; right: number }> {
  const out = new Map<number, { left: number; right: number }>();
  for (const page of pages) {
    for (const l of toLines(page.items.filter((it) => it.str.trim()))) {
      if (isPageNumber(l, page) || running.has(marginKey(l, page) ?? "")) continue;
      const e = out.get(page.width) ?? { left: Infinity, right: -Infinity };
      e.left = Math.min(e.left, l.x1);
      e.right = Math.max(e.right, l.x2);
      out.set(page.width, e);
    }
  }
  return out;
}

/** A line in the page's top or bottom margin, keyed by its text with digits masked ("Trang #"); null elsewhere. */
function marginKey(line: TextLine, page: PdfPageGeometry): string | null {
  if (line.y >= page.height * 0.07 && line.top <= page.height * 0.93) return null;
  return lineText(line).replace(/\d+/g, "#").toLowerCase();
}

/** Running headers and footers: margin lines that come back on at least half the pages (and on two or more). */
function runningLines(pages: PdfPageGeometry[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const l of toLines(page.items.filter((it) => it.str.trim()))) {
      const key = marginKey(l, page);
      if (key) keys.add(key);
    }
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const min = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= min).map(([k]) => k));
}

function sameRow(a: string[], b: string[]): boolean {
  const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return a.length === b.length && a.every((c, i) => norm(c) === norm(b[i]!));
}

interface PageTable {
  table: DocTable;
  top: number;
  bottom: number;
  xs: number[] | null; // column edges of a bordered table
  text: TextColumns | null; // columns of a borderless table
}

/**
 * Turns the pages' geometry into paragraphs (one per text line, page numbers dropped) and tables. A table that
 * carries on over the next page is one table: repeated header rows are dropped and a first row without an id
 * (a row split by the page break) is joined to the last row of the previous page.
 */
export function layoutPdfPages(input: PdfPageGeometry[]): ExtractedDocument {
  // Glyphs, text items or OCR'd words: runs of text by geometry first, whatever the pieces were.
  const pages = input.map((p) => ({ ...p, items: assembleRuns(p.items, rulings(p.segments).v.map((l) => ({ x: l.x, y1: l.y1, y2: l.y2 }))) }));
  const blocks: DocBlock[] = [];
  let open: PageTable | null = null; // a table that ended at the bottom of the previous page
  let textCols: TextColumns | null = null; // a borderless table's columns, carried over pages
  let prevBody: BodyLine | null = null; // the last body line, whose paragraph the next line may continue
  const running = runningLines(pages);
  const edges = textEdgesByWidth(pages, running);
  for (const page of pages) {
    const items = page.items.filter((it) => it.str.trim().length > 0);
    const { h, v } = rulings(page.segments);
    const regions = tableRegions(h, v);
    const pageTables: PageTable[] = [];
    const rest: PdfTextItem[] = [];
    const claimed = new Set<PdfTextItem>();
    for (const region of regions) {
      const inside = items.filter((it) => !claimed.has(it) && inBox(it, region.box));
      inside.forEach((it) => claimed.add(it));
      const t = readRuledTable(region, inside);
      if (t.rows.length === 0) continue;
      pageTables.push({ table: { rows: t.rows, rowPages: t.rows.map(() => page.page) }, top: t.y1, bottom: t.y2, xs: t.xs, text: null });
    }
    for (const it of items) if (!claimed.has(it)) rest.push(it);
    let lines = toLines(rest).filter((l) => !isPageNumber(l, page) && !running.has(marginKey(l, page) ?? ""));

    // Borderless table: a header on this page starts one (or repeats the previous page's), else the table
    // begun on the previous page carries on from the top of this page.
    if (pageTables.length === 0) {
      const found = findTextHeader(lines);
      let cols: TextColumns | null = null;
      let start = 0;
      let top = 0;
      let headerRows: string[][] = [];
      if (found) {
        cols = textCols && similarColumns(textCols, found.columns) ? textCols : found.columns;
        headerRows = found.columns.headerRows;
        top = lines[found.start]!.top;
        lines = lines.slice(0, found.start).concat(lines.slice(found.end));
        start = found.start;
      } else if (textCols && open?.text === textCols) {
        cols = textCols;
        top = lines[0]?.top ?? 0;
      }
      if (cols) {
        const end = tableEnd(lines, start, cols);
        const all = [...headerRows, ...readTextRows(lines.slice(start, end), cols)];
        if (all.length > 0) {
          const bottom = lines[end - 1]?.bottom ?? top;
          pageTables.push({ table: { rows: all, rowPages: all.map(() => page.page) }, top, bottom, xs: null, text: cols });
        }
        lines = lines.slice(0, start).concat(lines.slice(end));
        textCols = cols;
      }
    }

    // Interleave paragraphs and tables by vertical position.
    const { left, right } = edges.get(page.width) ?? { left: 0, right: 0 };
    type Placed = { top: number; block: BodyLine | PageTable };
    const placed: Placed[] = [
      ...lines.map((l) => ({ top: l.top, block: { line: l, text: lineText(l, true), page: page.page, left, right, pageWidth: page.width } })),
      ...pageTables.map((t) => ({ top: t.top, block: t })),
    ].sort((a, b) => a.top - b.top);

    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      if ("line" in p.block) {
        addBodyLine(blocks, p.block, prevBody);
        prevBody = p.block;
        open = null;
        continue;
      }
      const t = p.block;
      if (open && i === 0 && sameColumns(open, t)) {
        appendContinuation(open.table, t.table);
      } else {
        blocks.push({ kind: "table", table: t.table, page: page.page });
        open = t;
      }
      // Stays open for the next page only if nothing follows it on this page.
      if (i !== placed.length - 1) open = null;
    }
  }
  return { blocks, warnings: [] };
}

/** A line of body text with what is needed to tell a wrapped line from the end of a paragraph. */
interface BodyLine {
  line: TextLine;
  text: string;
  page: number;
  left: number; // the page's left text edge
  right: number; // the page's right text edge
  pageWidth: number;
}

/** A line that starts a new item whatever the line before it: a bullet, "a)", "1.", "II.", "Điều 3". */
const ITEM_START = /^(?:[-–+•*]\s|[a-zđ]\)\s|\d+(?:\.\d+)*[.)]?\s|[IVXLC]+[.)]\s|Điều\s+\d)/u;

/**
 * Adds a body line: to the paragraph before it when that paragraph's last line was wrapped — it reaches the
 * right text edge, so the next word did not fit — and this line starts at the left edge as a plain continuation;
 * otherwise as a new paragraph. PDF text comes line by line; readers downstream want paragraphs.
 */
function addBodyLine(blocks: DocBlock[], body: BodyLine, prev: BodyLine | null): void {
  const last = blocks[blocks.length - 1];
  // Edges spanning less than half the page are no evidence of where lines wrap (a page of short lines only).
  const edgesKnown = prev !== null && prev.right - prev.left >= prev.pageWidth * 0.5;
  if (prev && edgesKnown && last?.kind === "paragraph") {
    const room = prev.right - prev.line.x2;
    const wrapped = room < firstWordWidth(body.line) + prev.line.size * 0.8;
    const atLeft = body.line.x1 <= body.left + body.line.size * 0.5;
    const sameSize = Math.abs(prev.line.size - body.line.size) < 0.5;
    const wideGap = body.page === prev.page && body.line.top - prev.line.bottom > body.line.size * 1.2;
    if (wrapped && atLeft && sameSize && !wideGap && !ITEM_START.test(body.text) && !/\s{3}/.test(prev.text)) {
      last.text = WORD_HYPHEN_END.test(last.text) ? last.text + body.text : `${last.text} ${body.text}`;
      return;
    }
  }
  blocks.push({ kind: "paragraph", text: body.text, page: body.page });
}

function similarColumns(a: TextColumns, b: TextColumns): boolean {
  return a.bounds.length === b.bounds.length && a.bounds.every((x, i) => Math.abs(x - b.bounds[i]!) <= 12);
}

function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.xs && b.xs) return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs![i]!) <= 4);
  if (a.text && b.text) return a.text === b.text;
  return false;
}

/** Appends a page's rows to the table begun on an earlier page, dropping repeated headers and joining a split row. */
function appendContinuation(into: DocTable, more: DocTable): void {
  const header = headerRowsOf(into.rows);
  let rows = more.rows;
  let pages = more.rowPages ?? [];
  let k = 0;
  while (k < rows.length && header.some((h) => sameRow(h, rows[k]!))) k++;
  rows = rows.slice(k);
  pages = pages.slice(k);
  const last = into.rows[into.rows.length - 1];
  const first = rows[0];
  if (last && first && !first[0]?.trim() && last.length === first.length) {
    into.rows[into.rows.length - 1] = last.map((c, i) => joinSplit(c, first[i] ?? ""));
    rows = rows.slice(1);
    pages = pages.slice(1);
  }
  into.rows.push(...rows);
  into.rowPages?.push(...pages);
  into.rows = squareRows(into.rows);
}

/** The header rows of a table: the rows before the first row whose first cell holds an id. */
function headerRowsOf(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (const r of rows) {
    if (ID_RE.test((r[0] ?? "").trim())) break;
    out.push(r);
    if (out.length >= 3) break;
  }
  return out;
}

/** Joins the two halves of a cell split by a page break. */
function joinSplit(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return WORD_HYPHEN_END.test(a) ? a + b : `${a} ${b}`;
}
