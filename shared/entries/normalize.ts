/**
 * Text normalisation for comparing what users type with what the tracker expects:
 * headers ("Tiến độ (%)" vs "tien do"), statuses typed over the dropdown ("hoàn thành", "Hoan thanh").
 */

/** Folds text for loose comparison: NFC, no diacritics, đ→d, lower case, letters and digits only. */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Tidies text as the user meant it: NFC, CR LF to LF, non-breaking spaces to spaces, runs of spaces collapsed, trimmed. */
export function tidyText(text: string): string {
  const nfc = text.normalize("NFC");
  // Most cells are already tidy; checking is much cheaper than rewriting them.
  if (!/[\u00a0\u2007\u202f\t\r]| {2}| \n|\n |^\s|\s$/.test(nfc)) return nfc;
  return nfc
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** Shortens text for quoting in a message (long cells would drown the finding). */
export function quote(text: string, max = 60): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
