/**
 * Word's automatic numbering (word/numbering.xml): the "1.", "a)", "II." and bullets that Word draws in front of
 * a paragraph but never stores in its text. Plans number their sections, their "a) Mục tiêu / b) Nhiệm vụ" parts
 * and, often, the STT column of the task table this way; without the labels those would read as unnumbered text.
 */
import { attr, localName, xmlTokens } from "./xml.js";

/** One level of a list definition. */
interface Level {
  start: number;
  format: string;
  text: string;
}

/** The list definitions of a document and the counters of the lists seen so far. */
export interface Numbering {
  /** abstractNumId → levels by ilvl. */
  abstracts: Map<string, Map<number, Level>>;
  /** numId → its abstract list and its start overrides by ilvl. */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  /** Paragraph style id → the numbering it carries (heading styles often do), and its parent style. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** Counters per abstract list (Word continues a list across instances of the same definition). */
  counters: Map<string, number[]>;
  /** numIds whose start overrides were applied already. */
  started: Set<string>;
}

/** An empty numbering: documents without numbering.xml. */
export function emptyNumbering(): Numbering {
  return { abstracts: new Map(), nums: new Map(), styles: new Map(), counters: new Map(), started: new Set() };
}

/** Reads numbering.xml (and the numbering of paragraph styles from styles.xml). */
export function readNumbering(numberingXml: string | null, stylesXml: string | null): Numbering {
  const n = emptyNumbering();
  if (numberingXml) {
    let abstract: Map<number, Level> | null = null;
    let level: Level | null = null;
    let num: { abstract: string; starts: Map<number, number> } | null = null;
    let overrideLvl: number | null = null;
    for (const t of xmlTokens(numberingXml)) {
      if (t.kind === "text") continue;
      const name = localName(t.name);
      if (t.kind === "close") {
        if (name === "abstractNum") abstract = null;
        else if (name === "lvl") level = null;
        else if (name === "num") num = null;
        else if (name === "lvlOverride") overrideLvl = null;
        continue;
      }
      const val = attr(t.attrs, "val");
      switch (name) {
        case "abstractNum":
          abstract = new Map();
          n.abstracts.set(attr(t.attrs, "abstractNumId") ?? "", abstract);
          break;
        case "lvl":
          if (abstract && num === null) {
            level = { start: 1, format: "decimal", text: "" };
            abstract.set(Number(attr(t.attrs, "ilvl") ?? 0), level);
          }
          break;
        case "start":
          if (level) level.start = Number(val ?? 1);
          break;
        case "numFmt":
          if (level) level.format = val ?? "decimal";
          break;
        case "lvlText":
          if (level) level.text = val ?? "";
          break;
        case "num":
          num = { abstract: "", starts: new Map() };
          n.nums.set(attr(t.attrs, "numId") ?? "", num);
          break;
        case "abstractNumId":
          if (num) num.abstract = val ?? "";
          break;
        case "lvlOverride":
          overrideLvl = Number(attr(t.attrs, "ilvl") ?? 0);
          break;
        case "startOverride":
          if (num && overrideLvl !== null) num.starts.set(overrideLvl, Number(val ?? 1));
          break;
      }
    }
  }
  if (stylesXml) {
    let style: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
    for (const t of xmlTokens(stylesXml)) {
      if (t.kind === "text") continue;
      const name = localName(t.name);
      if (t.kind === "close") {
        if (name === "style") style = null;
        continue;
      }
      if (name === "style" && attr(t.attrs, "type") === "paragraph") {
        style = {};
        n.styles.set(attr(t.attrs, "styleId") ?? "", style);
      } else if (style && name === "numId") style.numId = attr(t.attrs, "val");
      else if (style && name === "ilvl") style.ilvl = Number(attr(t.attrs, "val") ?? 0);
      else if (style && name === "basedOn") style.basedOn = attr(t.attrs, "val");
    }
  }
  return n;
}

const ROMAN: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) ((out += s), (n -= v));
  return out;
}

function letters(n: number): string {
  // Word repeats the letter after z: a … z, aa … zz.
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a level's number format. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * The label Word shows for the next paragraph of list `numId` at level `ilvl` ("2.", "b)", "III."), advancing
 * the list's counters; a bullet becomes "-" (how plans type bullets), no numbering gives null.
 */
export function nextLabel(n: Numbering, numId: string | undefined, ilvl: number, styleId?: string): string | null {
  // A paragraph without its own numbering may get it from its style (or the style's parents).
  let id = numId;
  let level = ilvl;
  for (let s = styleId, depth = 0; id === undefined && s && depth < 10; depth++) {
    const st = n.styles.get(s);
    if (!st) break;
    if (st.numId !== undefined) {
      id = st.numId;
      level = st.ilvl ?? 0;
    }
    s = st.basedOn;
  }
  if (id === undefined || id === "0") return null;
  const num = n.nums.get(id);
  const levels = num ? n.abstracts.get(num.abstract) : undefined;
  const lvl = levels?.get(level);
  if (!num || !levels || !lvl) return null;
  let counters = n.counters.get(num.abstract);
  if (!counters) {
    counters = [];
    n.counters.set(num.abstract, counters);
  }
  if (!n.started.has(id)) {
    n.started.add(id);
    for (const [l, start] of num.starts) counters[l] = start - 1;
  }
  counters[level] = (counters[level] ?? (lvl.start - 1)) + 1;
  // A new item at this level restarts the levels below it.
  counters.length = level + 1;
  if (lvl.format === "bullet") return "-";
  const label = lvl.text.replace(/%([1-9])/g, (_m, k: string) => {
    const l = Number(k) - 1;
    const def = levels.get(l);
    return formatNumber(counters[l] ?? def?.start ?? 1, def?.format ?? "decimal");
  });
  return label.trim() || null;
}
