/** Small text helpers shared by the plan readers: input normalisation, diacritics folding, cell cleaning. */

/**
 * Normalises a document before any reader sees it: drops a UTF-8 BOM, turns CRLF/CR into LF and composes
 * to NFC, so that a decomposed (NFD) or Windows-saved copy of a plan parses exactly like the original.
 */
export function normalizeInput(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

/**
 * Folds text for keyword matching: lower case, Vietnamese diacritics removed (đ → d), dashes unified,
 * whitespace collapsed. "Quý II – IV/2026" → "quy ii - iv/2026".
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Collapses runs of whitespace (including line breaks) to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Cleans one table cell from Markdown/HTML: `<br>` and `<p>` boundaries become line breaks (kept as "\n"),
 * every other tag (`<b>`, `<i>`, `<span …>`) is dropped, entities are decoded, Markdown emphasis markers are
 * removed, and spaces inside brackets are tidied ("( ưu tiên … )" → "(ưu tiên …)").
 */
export function cleanCell(cell: string): string {
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
