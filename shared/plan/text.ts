/** Small text helpers shared by the plan readers: input normalisation, diacritics folding, cell cleaning. */

/**
 * Normalises a document before any reader sees it: drops a UTF-8 BOM, turns CRLF/CR into LF and composes
 * to NFC, so that a decomposed (NFD) or Windows-saved copy of a plan parses exactly like the original.
 */
export function normalizeInput(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

// Base letter of every precomposed Latin letter (Vietnamese and others), built once: "ệ" → "e", "Đ" → "d".
const BASE = new Map<string, string>();
for (let cp = 0xc0; cp <= 0x1ef9; cp++) {
  const ch = String.fromCodePoint(cp);
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if (base !== ch && base.length === 1) BASE.set(ch, base);
}
BASE.set("đ", "d").set("Đ", "d");

/**
 * Folds text for keyword matching: lower case, Vietnamese diacritics removed (đ → d), dashes unified,
 * whitespace collapsed. "Quý II – IV/2026" → "quy ii - iv/2026". One pass over the text (readers fold every
 * line, so this is on the hot path); combining marks of decomposed input are dropped too.
 */
export function fold(text: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = ch.charCodeAt(0);
    if (code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x3000) {
      space = out.length > 0;
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue;
    let mapped: string;
    if (code < 0x80) mapped = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) mapped = "-";
    else mapped = BASE.get(ch) ?? ch.toLowerCase();
    if (space) {
      out += " ";
      space = false;
    }
    out += mapped;
  }
  return out;
}

/** Collapses runs of whitespace (including line breaks) to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A cell's wrapped lines as one line of text, whatever width wrapped them: lines join with a space, except where
 * a line breaks inside a token — after "/" or a hyphen glued to its word ("30/11/" + "2026", "Quý II/" + "2026",
 * "18-" + "NQ/TW") or before a "/" — where they join without one.
 */
export function unwrap(text: string): string {
  if (!text.includes("\n")) return squash(text);
  return squash(text.split(/\s*\n\s*/).reduce(joinWrap, ""));
}

/** Joins a wrapped line to the text before it, as unwrap does (no space inside a token broken after "/" or "-"). */
export function joinWrap(before: string, line: string): string {
  const a = before.trimEnd();
  const b = line.trimStart();
  if (!a || !b) return a || b;
  return /[\p{L}\p{N}][/-]$|\/$/u.test(a) || /^\//.test(b) ? a + b : `${a} ${b}`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Cleans one table cell from Markdown/HTML: `<br>` and `<p>` boundaries become line breaks (kept as "\n"),
 * every other tag (`<b>`, `<i>`, `<span …>`) is dropped, entities are decoded, Markdown emphasis markers are
 * removed, and spaces inside brackets are tidied ("( ưu tiên … )" → "(ưu tiên …)").
 */
export function cleanCell(cell: string): string {
  // Most cells are plain text: skip the tag/entity/emphasis passes for them.
  if (!/[<&*_]|\s\s|^\s|\s$|[([]\s|\s[)\]]/.test(cell)) return cell;
  const text = cell
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<\/?(p|div|li|ul|ol)(\s[^>]*)?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$)/g, "$1$2");
  return text
    .split("\n")
    .map((line) => squash(line).replace(/([([])\s+/g, "$1").replace(/\s+([)\]])/g, "$1"))
    .filter((line) => line !== "")
    .join("\n");
}

/** Strips Markdown heading marks, emphasis and list markers from one line: "### **b) Nhiệm vụ**" → "b) Nhiệm vụ". */
export function plainLine(line: string): string {
  return squash(
    line
      .replace(/^\s*#{1,6}\s*/, "")
      .replace(/\*\*|__/g, "")
      .replace(/(^|\s)\*+|\*+(?=\s|$)/g, "$1")
      .replace(/<[^>]+>/g, ""),
  );
}
