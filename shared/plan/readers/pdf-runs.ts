/**
 * Assembles positioned pieces of text — single glyphs from a PDF, text items of any length, or OCR'd words — into
 * runs of text the layout reader works on, by geometry only: pieces on one baseline, ordered by x, joined while
 * the gap between them is less than a column gutter, with a space where the gap is a word space. Neither the font
 * a piece was drawn with nor the order it was drawn in matters, so a line whose Vietnamese letters came from a
 * fallback font ("C" "ả" "i" from two fonts) reads the same as one drawn with a single font. Diacritics drawn as
 * pieces of their own (a combining mark, or a spacing accent over a letter) join the letter they sit on; the
 * result is NFC.
 */
import type { PdfTextItem } from "./pdf-layout.js";

// Gap (in font sizes) above which two pieces on one line are separate runs: wider than a word space (0.25–0.32 em
// in Times, Liberation and DejaVu), narrower than a table cell's padding on both sides. Splitting a run costs
// nothing downstream (pieces are placed by position); joining two cells' texts would. Above SPACE_GAP a space is
// implied (pdfjs's TRACKING_SPACE_FACTOR).
const RUN_BREAK = 0.34;
const SPACE_GAP = 0.102;

/** A vertical ruling line (a table's column border): no run crosses one. */
export interface RunBarrier {
  x: number;
  y1: number;
  y2: number;
}

/** Spacing accents some writers draw over a letter instead of a combining mark, mapped to the combining mark. */
const SPACING_ACCENTS: Record<string, string> = {
  "\u00b4": "\u0301", // ´ acute
  "\u0060": "\u0300", // ` grave
  "\u02cb": "\u0300",
  "\u02ca": "\u0301",
  "\u02dc": "\u0303", // ˜ tilde
  "\u007e": "\u0303",
  "\u02c6": "\u0302", // ˆ circumflex
  "\u005e": "\u0302",
  "\u02d8": "\u0306", // ˘ breve
  "\u02c0": "\u0309", // ˀ, drawn for the hook above by some legacy fonts
  "\u00a8": "\u0308",
};

function isMark(s: string): boolean {
  return /^\p{M}+$/u.test(s);
}

interface Line {
  y: number;
  size: number;
  pieces: PdfTextItem[];
}

/** Groups pieces into lines by baseline (pieces are sorted by y first). */
function groupLines(pieces: PdfTextItem[]): Line[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(p.y - last.y) <= Math.max(1.5, 0.35 * Math.min(p.size, last.size))) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else lines.push({ y: p.y, size: p.size, pieces: [p] });
  }
  return lines;
}

/** The line a diacritic drawn on its own belongs to: the nearest baseline it lies within a letter's height of. */
function lineOfMark(mark: PdfTextItem, lines: Line[]): Line | null {
  let best: Line | null = null;
  let dist = Infinity;
  for (const l of lines) {
    const d = Math.abs(mark.y - l.y);
    if (d <= l.size * 1.1 && d < dist && l.pieces.some((p) => overlapsX(mark, p))) {
      best = l;
      dist = d;
    }
  }
  return best;
}

function overlapsX(mark: PdfTextItem, p: PdfTextItem): boolean {
  const c = markCentre(mark);
  return c >= p.x - 0.5 && c <= p.x + p.w + 0.5;
}

/** Where a mark sits: its centre, or for a zero-width mark its origin, nudged left (a mark follows its letter). */
function markCentre(mark: PdfTextItem): number {
  return mark.w > 0.5 ? mark.x + mark.w / 2 : mark.x - 0.01;
}

/** A piece with the diacritics that sit on it, in order. */
interface Placed {
  piece: PdfTextItem;
  marks: { at: number; mark: string }[];
}

/** The piece of a line a mark sits on (its centre inside the piece's x-extent), or null. */
function baseOf(mark: PdfTextItem, placed: Placed[]): Placed | null {
  const c = markCentre(mark);
  let best: Placed | null = null;
  let dist = Infinity;
  for (const p of placed) {
    const { x, w } = p.piece;
    if (c < x - 0.5 || c > x + w + 0.5) continue;
    const d = Math.abs(c - (x + w / 2));
    if (d < dist) {
      best = p;
      dist = d;
    }
  }
  return best;
}

/** The text of a piece with its marks inserted after the character each sits on (estimated across a long piece). */
function pieceText(p: Placed): string {
  const chars = [...p.piece.str];
  if (p.marks.length === 0) return p.piece.str;
  const extra = new Map<number, string>();
  for (const { at, mark } of p.marks) {
    const frac = p.piece.w > 0 ? (at - p.piece.x) / p.piece.w : 1;
    let i = Math.min(chars.length - 1, Math.max(0, Math.floor(frac * chars.length)));
    while (i > 0 && !/\p{L}/u.test(chars[i]!)) i--;
    extra.set(i, (extra.get(i) ?? "") + mark);
  }
  return chars.map((ch, i) => ch + (extra.get(i) ?? "")).join("");
}

/** Joins a line's pieces (sorted by x) into runs. */
function lineRuns(line: Line, marks: PdfTextItem[], barriers: RunBarrier[]): PdfTextItem[] {
  const placed: Placed[] = line.pieces
    .filter((p) => p.str.trim() || p.str === " ")
    .sort((a, b) => a.x - b.x || b.w - a.w)
    .map((piece) => ({ piece, marks: [] }));
  const bases = placed.filter((p) => p.piece.str.trim());
  for (const m of marks) {
    const base = baseOf(m, bases);
    const combining = m.str.split("").map((ch) => SPACING_ACCENTS[ch] ?? ch).join("");
    if (base) base.marks.push({ at: markCentre(m), mark: combining });
    else placed.push({ piece: m, marks: [] }); // a mark over nothing: keep it where it is
  }
  placed.sort((a, b) => a.piece.x - b.piece.x);
  const runs: PdfTextItem[] = [];
  let cur: { str: string; x: number; end: number; size: number; space: boolean } | null = null;
  const flush = () => {
    if (cur && cur.str.trim()) runs.push({ str: cur.str.trimEnd().normalize("NFC"), x: cur.x, y: line.y, w: cur.end - cur.x, size: cur.size });
    cur = null;
  };
  for (const p of placed) {
    const { piece } = p;
    if (!piece.str.trim()) {
      if (cur) cur.space = true;
      continue;
    }
    const text = pieceText(p);
    const gap = cur ? piece.x - cur.end : 0;
    if (cur && (gap > RUN_BREAK * Math.max(cur.size, piece.size) || crossesBarrier(cur.end, piece.x, line, barriers))) flush();
    if (!cur) {
      cur = { str: text.trimStart(), x: piece.x, end: piece.x + piece.w, size: piece.size, space: false };
      continue;
    }
    const spaced = cur.space || gap > SPACE_GAP * Math.max(cur.size, piece.size) || /^\s/.test(text);
    cur.str += (spaced && !cur.str.endsWith(" ") ? " " : "") + text.trimStart();
    cur.end = Math.max(cur.end, piece.x + piece.w);
    cur.size = Math.max(cur.size, piece.size);
    cur.space = /\s$/.test(text);
  }
  flush();
  return runs;
}

/** True when a column border stands between x1 and x2 on this line. */
function crossesBarrier(x1: number, x2: number, line: Line, barriers: RunBarrier[]): boolean {
  const top = line.y - line.size * 0.7;
  return barriers.some((b) => b.x > x1 - 1 && b.x < x2 + 1 && b.y1 <= top && b.y2 >= line.y);
}

/** Pieces of text → runs (one or more per line), ordered by line then x; no run crosses a barrier. */
export function assembleRuns(pieces: PdfTextItem[], barriers: RunBarrier[] = []): PdfTextItem[] {
  const isMarkPiece = (p: PdfTextItem) => isMark(p.str) || (p.str.length <= 2 && [...p.str].every((ch) => ch in SPACING_ACCENTS));
  const textPieces = pieces.filter((p) => !isMarkPiece(p));
  const lines = groupLines(textPieces);
  const marksOf = new Map<Line, PdfTextItem[]>();
  const stray: PdfTextItem[] = [];
  for (const m of pieces.filter(isMarkPiece)) {
    const l = lineOfMark(m, lines);
    if (l) marksOf.set(l, [...(marksOf.get(l) ?? []), m]);
    else if (!isMark(m.str)) stray.push(m); // a lone "^" or "~" that is text, not an accent
  }
  const strayLines = groupLines(stray);
  return [...lines, ...strayLines].sort((a, b) => a.y - b.y).flatMap((l) => lineRuns(l, marksOf.get(l) ?? [], barriers));
}
