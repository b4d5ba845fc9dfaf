/**
 * Formula-injection guard: text that another program (Excel opening a CSV, a host's setValues) could run as a
 * formula — "=HYPERLINK(…)", "+cmd", "@SUM(…)", "-2+3" — is flagged when read and neutralised when exported.
 */

const STARTS_FORMULA = /^[=+@\t\r]/;
// A dash starts a formula only when it is not a bullet ("- Đã ban hành…", "-Đã…"): "-2+3", "-(…)", "-=…".
const DASH_FORMULA = /^-[^\s\p{L}]/u;

/** True when a spreadsheet could read this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return STARTS_FORMULA.test(text) || DASH_FORMULA.test(text);
}

/** Makes text safe to hand to a spreadsheet as text: a leading apostrophe where it could start a formula. */
export function neutraliseFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
