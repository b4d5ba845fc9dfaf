/**
 * Linking a commune's tasks to the province task each implements (issue 18), for communes that wrote their own
 * plan: TF-IDF cosine over normalised Vietnamese syllables and syllable pairs (the province plan is the corpus, so
 * words every task shares — "xây dựng kế hoạch", "năm 2026" — weigh little), plus agreement of deadline and area.
 * A score below the threshold is "no match". Links recorded by `cchc derive` (tracker _meta) and the officer's own
 * overrides win over the text.
 */
import { newStyleToneMarks } from "../plan/units.js";

/** What linking needs of a task (a plan Task or a merged tracker row). */
export interface LinkableTask {
  id: string;
  title: string;
  due: string | null;
  area: string | null;
}

/** The best province task for a commune task: its id (null = no match) and the score (0…1). */
export interface LinkScore {
  provinceTaskId: string | null;
  score: number;
}

/** Below this text similarity nothing is linked. */
export const MIN_TEXT_SIMILARITY = 0.25;

// Words of the level and of the commune/province names carry no content ("… của xã", "trên địa bàn tỉnh").
const STOP = new Set(["tinh", "xa", "phuong", "cap", "ubnd", "va", "cac", "cua", "tren", "dia", "ban", "voi", "tai", "cho", "theo", "trong", "nam", "doi"]);

/** Folded syllables of a text: NFC, new tone marks, no diacritics, lower case, letters and digits only. */
export function linkTokens(text: string): string[] {
  return newStyleToneMarks(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP.has(w));
}

/** Syllables and syllable pairs (Vietnamese words are mostly two syllables), counted. */
function features(text: string): Map<string, number> {
  const words = linkTokens(text);
  const out = new Map<string, number>();
  const add = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  words.forEach((w, i) => {
    add(w);
    if (i > 0) add(`${words[i - 1]} ${w}`);
  });
  return out;
}

type Vector = Map<string, number>;

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** A linker for one province plan: weights learned from its tasks, then one call per commune task. */
export function createLinker(province: readonly LinkableTask[]): (task: LinkableTask) => LinkScore {
  const docs = province.map((t) => features(t.title));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(1, docs.length);
  const idf = (f: string) => Math.log(1 + n / (df.get(f) ?? 0.5));
  const weigh = (d: Map<string, number>): Vector => new Map([...d].map(([f, c]) => [f, c * idf(f)]));
  const vectors = docs.map(weigh);
  const norms = vectors.map(norm);
  return (task) => {
    const v = weigh(features(task.title));
    const nv = norm(v);
    let best: LinkScore = { provinceTaskId: null, score: 0 };
    province.forEach((p, i) => {
      const pv = vectors[i]!;
      let dot = 0;
      for (const [f, x] of v) dot += x * (pv.get(f) ?? 0);
      const text = nv && norms[i] ? dot / (nv * norms[i]!) : 0;
      if (text < MIN_TEXT_SIMILARITY) return;
      const score = 0.85 * text + (task.due !== null && task.due === p.due ? 0.1 : 0) + (task.area !== null && task.area === p.area ? 0.05 : 0);
      if (score > best.score) best = { provinceTaskId: p.id, score: Math.round(score * 1000) / 1000 };
    });
    return best;
  };
}

/** Where a link comes from: the tracker's _meta (derived plan), the officer's links file, or the text. */
export type LinkSource = "meta" | "override" | "text";

/** One commune task's link, as `cchc merge --json` reports it. */
export interface TaskLink {
  unit: string;
  id: string;
  provinceTaskId: string | null;
  score: number;
  source: LinkSource;
}
