import { describe, expect, it } from "vitest";
import type { PdfTextItem } from "../../../shared/plan/readers/pdf-layout.js";
import { assembleRuns } from "../../../shared/plan/readers/pdf-runs.js";

const SIZE = 12;
const CHAR = 6;
const SPACE = 3; // a word space, 0.25 em as in Times

/** Glyphs of a text laid out from x, CHAR per letter (a space is a SPACE-wide gap, not a glyph), one item each. */
function glyphs(text: string, x: number, y: number): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let at = x;
  for (const ch of text) {
    if (ch !== " ") out.push({ str: ch, x: at, y, w: CHAR, size: SIZE });
    at += ch === " " ? SPACE : CHAR;
  }
  return out;
}
const width = (text: string) => [...text].reduce((w, ch) => w + (ch === " " ? SPACE : CHAR), 0);

/** Shuffles deterministically (a PDF may draw its glyphs in any order: by font, by cell, right to left). */
function shuffled<T>(xs: T[], seed = 7): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const texts = (runs: PdfTextItem[]) => runs.map((r) => r.str);

describe("assembleRuns: text by geometry, not by font or drawing order", () => {
  it("a line whose Vietnamese letters come from a fallback font (drawn after the rest) reads in order", () => {
    // "Kế hoạch tuyên truyền" drawn as LibreOffice does without Vietnamese glyphs: the primary font's letters with
    // gaps, then the fallback font's letters into the gaps.
    const line = glyphs("Kế hoạch tuyên truyền", 50, 100);
    const fallback = new Set(["ế", "ạ", "ề"]);
    const items = [...line.filter((g) => !fallback.has(g.str)), ...line.filter((g) => fallback.has(g.str))];
    expect(texts(assembleRuns(items))).toEqual(["Kế hoạch tuyên truyền"]);
    expect(texts(assembleRuns(shuffled(items)))).toEqual(["Kế hoạch tuyên truyền"]);
  });

  it("the same text from whole items, from glyphs or from pieces split anywhere reads the same", () => {
    const whole: PdfTextItem[] = [{ str: "Phòng Văn hóa - Xã hội", x: 50, y: 100, w: width("Phòng Văn hóa - Xã hội"), size: SIZE }];
    const pieces: PdfTextItem[] = [
      { str: "Phòng Văn h", x: 50, y: 100, w: width("Phòng Văn h"), size: SIZE },
      { str: "óa - X", x: 50 + width("Phòng Văn h"), y: 100, w: width("óa - X"), size: SIZE },
      { str: "ã hội", x: 50 + width("Phòng Văn hóa - X"), y: 100, w: width("ã hội"), size: SIZE },
    ];
    const expected = ["Phòng Văn hóa - Xã hội"];
    expect(texts(assembleRuns(whole))).toEqual(expected);
    expect(texts(assembleRuns(shuffled(pieces)))).toEqual(expected);
    expect(texts(assembleRuns(shuffled(glyphs("Phòng Văn hóa - Xã hội", 50, 100))))).toEqual(expected);
  });

  it("diacritics drawn as marks of their own join their letter, wherever they were drawn, and come out NFC", () => {
    // "Nghị quyết" with the base letters first and the marks (combining dot below, circumflex + acute) last; the
    // marks sit over their letters with zero width or their own width, one slightly above the baseline.
    const base = glyphs("Nghi quyet", 50, 100);
    const marks: PdfTextItem[] = [
      { str: "\u0323", x: 50 + width("Ngh") + 1, y: 100, w: 0, size: SIZE }, // dot below i
      { str: "\u0302", x: 50 + width("Nghi quy") + 1, y: 99, w: 4, size: SIZE }, // circumflex over e
      { str: "\u00b4", x: 50 + width("Nghi quy") + 2, y: 97, w: 3, size: SIZE }, // a spacing acute over e
    ];
    const runs = assembleRuns([...marks, ...base]);
    expect(texts(runs)).toEqual(["Nghị quyết"]);
    expect(runs[0]!.str).toBe("Nghị quyết".normalize("NFC"));
    expect(runs[0]!.str.normalize("NFC")).toBe(runs[0]!.str);
  });

  it("decomposed text (NFD) comes out composed", () => {
    const nfd = "Thời gian hoàn thành".normalize("NFD");
    expect(texts(assembleRuns([{ str: nfd, x: 10, y: 50, w: 100, size: SIZE }]))).toEqual(["Thời gian hoàn thành"]);
  });

  it("a gap wider than a word space starts a new run, and no run crosses a column border", () => {
    const end = 50 + width("Sở Nội vụ");
    const items = [...glyphs("Sở Nội vụ", 50, 100), ...glyphs("Năm 2026", end + 8, 100)];
    expect(texts(assembleRuns(items))).toEqual(["Sở Nội vụ", "Năm 2026"]);
    // Cells 3 pt apart (less than a word space) but with a border between them.
    const tight = [...glyphs("Sở Nội vụ", 50, 100), ...glyphs("Năm 2026", end + 3, 100)];
    expect(texts(assembleRuns(tight))).toEqual(["Sở Nội vụ Năm 2026"]);
    expect(texts(assembleRuns(tight, [{ x: end + 1.5, y1: 80, y2: 120 }]))).toEqual(["Sở Nội vụ", "Năm 2026"]);
  });

  it("lines are ordered by baseline; a stray accent character that sits on no letter stays text", () => {
    const items = [...glyphs("dòng hai", 50, 130), ...glyphs("dòng một", 50, 100), { str: "~", x: 300, y: 100, w: CHAR, size: SIZE }];
    expect(texts(assembleRuns(shuffled(items)))).toEqual(["dòng một", "~", "dòng hai"]);
  });
});
