/** Plan metadata: title, issuing body, unit, level (province/commune) and period, read from the document's heading. */
import { planMessages as M } from "../messages/plan.js";
import type { Plan } from "./schema.js";
import { fold, plainLine, squash } from "./text.js";

/** What the heading of a plan says about it; `year` is the plan's (first) year, null when none was found. */
export interface PlanMetadata {
  title: string;
  issuer: string | null;
  unit: string | null;
  level: Plan["level"];
  period: { from: string; to: string } | null;
  year: number | null;
}

const HEAD_LINES = 80;
// Lines that start the body, never part of a title: "Căn cứ …", "Thực hiện …", "Số: …", "(Kèm theo …)".
const BODY_START = /^(can cu|thuc hien|theo de nghi|so:|so :|\(|i\.|ubnd|uy ban|ngay )/;
const YEAR = /(?<!\d)(19|20)\d{2}(?!\d)/;
const PLACE_WORDS = "xã|phường|thị trấn|tỉnh|thành phố|đặc khu";
// "xã An Khánh", "tỉnh Thái Nguyên": a place word followed by capitalised words (the name).
const PLACE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(${PLACE_WORDS})\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)`,
  "gu",
);
const DEPARTMENT = /(?<![\p{L}\p{M}])((?:Sở|Ban|Văn phòng|Thanh tra)\s+\p{Lu}[^,;()]*?)\s+(?:năm|giai đoạn)\s/u;

/** Finds the title: the line "KẾ HOẠCH" and the subtitle under it ("Cải cách hành chính xã An Khánh năm 2026"). */
function findTitle(lines: string[]): string | null {
  const head = lines.slice(0, HEAD_LINES).map(plainLine);
  const at = head.findIndex((l) => /^ke hoach\b/.test(fold(l)) && /^KẾ HOẠCH\b/u.test(l.normalize("NFC")));
  if (at < 0) return null;
  const first = head[at] ?? "";
  let subtitle = squash(first.slice("KẾ HOẠCH".length));
  for (let k = at + 1, taken = 0; k < head.length && taken < 3; k++) {
    const line = head[k] ?? "";
    if (!line) continue;
    const f = fold(line);
    if (BODY_START.test(f) || line.length > 160) break;
    // One subtitle line, then more only while the title has not reached its year ("… năm 2026").
    if (subtitle && (YEAR.test(subtitle) || line.length > 100)) break;
    subtitle = squash(`${subtitle} ${line}`);
    taken++;
  }
  subtitle = subtitle.replace(/^[-–:]\s*/, "");
  return subtitle ? `Kế hoạch ${subtitle}` : "Kế hoạch";
}

/** The last "xã X" / "tỉnh Y" named in a text, as [place word, name]. */
function lastPlace(text: string): [string, string] | null {
  let found: [string, string] | null = null;
  for (const m of text.normalize("NFC").matchAll(PLACE)) {
    if (m[1] && m[2]) found = [m[1], m[2]];
  }
  return found;
}

/** The place most often named as "UBND xã X" / "Ủy ban nhân dân xã X" in the text (for titles that name none). */
function issuingPlace(text: string): [string, string] | null {
  const counts = new Map<string, { place: [string, string]; n: number }>();
  const re = new RegExp(
    String.raw`(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)\s+(${PLACE_WORDS})\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)`,
    "gu",
  );
  for (const m of text.normalize("NFC").matchAll(re)) {
    if (!m[1] || !m[2]) continue;
    const key = `${m[1]} ${m[2]}`;
    const entry = counts.get(key) ?? { place: [m[1], m[2]], n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  let best: { place: [string, string]; n: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best ? best.place : null;
}

/** The plan period from a title: "giai đoạn 2026 - 2030" → 2026-01-01..2030-12-31, "năm 2026" → that year. */
export function periodFromText(text: string): { from: string; to: string } | null {
  const f = fold(text);
  const span = /giai doan\s+(\d{4})\s*-\s*(\d{4})/.exec(f);
  if (span?.[1] && span[2] && Number(span[2]) >= Number(span[1])) {
    return { from: `${span[1]}-01-01`, to: `${span[2]}-12-31` };
  }
  const year = /\bnam\s+(\d{4})\b/.exec(f);
  if (year?.[1]) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return null;
}

/** The year most often written as "năm YYYY" in the text (a fallback when the title names none). */
function commonYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of fold(text).matchAll(/\bnam\s+((?:19|20)\d{2})\b/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/**
 * Reads title, issuing body, unit, level and period from a plan's text (already normalised). `year` is used when
 * the heading names no year; the period then is that calendar year.
 */
export function readMetadata(text: string, opts: { year?: number } = {}): PlanMetadata {
  const lines = text.split("\n");
  const title = findTitle(lines);
  const titleText = title ?? "";

  let unit: string | null = null;
  let level: Plan["level"] = "commune";
  let issuer: string | null = null;
  const department = DEPARTMENT.exec(titleText.normalize("NFC"));
  const place = lastPlace(titleText) ?? issuingPlace(text);
  if (place) {
    const [word, name] = place;
    unit = `${word.toLowerCase()} ${name}`;
    level = /^(tỉnh|thành phố)$/iu.test(word) ? "province" : "commune";
    issuer = `UBND ${unit}`;
  }
  if (department?.[1]) {
    // A department's own plan ("Kế hoạch CCHC của Sở Nội vụ năm 2026"): the department is unit and issuer.
    unit = squash(department[1]);
    issuer = unit;
    level = "province";
  }

  let period = periodFromText(titleText);
  if (!period) {
    const year = opts.year ?? commonYear(lines.slice(0, HEAD_LINES).join("\n")) ?? commonYear(text);
    if (year) period = { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const year = period ? Number(period.from.slice(0, 4)) : null;
  return { title: title ?? fallbackTitle(lines) ?? M.untitled, issuer, unit, level, period, year };
}

/** A title for a document without a "KẾ HOẠCH" heading: its first Markdown heading or bold line. */
function fallbackTitle(lines: string[]): string | null {
  for (const raw of lines.slice(0, HEAD_LINES)) {
    if (/^\s*(#{1,6}\s|\*\*)/.test(raw)) {
      const text = plainLine(raw);
      if (text && !/^(so|số)\s*:/iu.test(text)) return text;
    }
  }
  return null;
}
