/**
 * Documents typed with the pre-Unicode Vietnamese fonts (TCVN3/ABC ".VnTime", VNI "VNI-Times") store their letters
 * as Latin-1 symbols: "Kế hoạch" is saved as "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI). Such text cannot be read as
 * a plan; it must be converted to Unicode first (Unikey's converter does it), and the user needs to be told so.
 */

/** Latin-1 characters that Vietnamese written in Unicode never uses, but the legacy font encodings use constantly. */
const NON_VIETNAMESE = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6\u00d8\u00db\u00dc\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc\u00ff]/gu;

/** True when the text looks like Vietnamese in a legacy font encoding (TCVN3 or VNI) rather than Unicode. */
export function looksLikeLegacyVietnamese(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const odd = text.match(NON_VIETNAMESE)?.length ?? 0;
  return odd >= 20 && odd > 0.02 * (letters + odd);
}
