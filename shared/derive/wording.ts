/**
 * Adapting a province task's wording to the commune where the text names the province level ("trên địa bàn
 * tỉnh" → "trên địa bàn xã", "Lãnh đạo tỉnh" → "Lãnh đạo xã", "các sở, ban, ngành" → the commune's departments).
 * A named province ("tỉnh Thái Nguyên") is left alone: the commune's task often serves the province's own index.
 */

const W = String.raw`(?![\p{L}\p{M}])`;
const B = String.raw`(?<![\p{L}\p{M}])`;
// "tỉnh" not followed by a capitalised name (the province as a level, not "tỉnh Thái Nguyên").
const LEVEL = String.raw`tỉnh${W}(?!\s+\p{Lu})`;

/** The commune's level word ("xã", "phường", "đặc khu") from its unit name ("xã Cao Minh"); "xã" by default. */
export function levelWord(unit: string): string {
  const m = /^(xã|phường|thị trấn|đặc khu)(?![\p{L}\p{M}])/iu.exec(unit.trim());
  return m?.[1]?.toLowerCase() ?? "xã";
}

/** The replacements, in order: longest phrases first so a shorter rule does not split them. */
function rules(level: string): Array<[RegExp, string]> {
  const r = (pattern: string, flags = "gu") => new RegExp(pattern, flags);
  return [
    // "UBND các xã, phường, trên địa bàn tỉnh Thái Nguyên" / "UBND cấp xã" → the commune's own committee.
    [r(String.raw`${B}UBND các xã, phường,?(?: trên địa bàn tỉnh(?: \p{Lu}[\p{L}\p{M}]*)*)?`), `UBND ${level}`],
    [r(String.raw`${B}(các) sở, ban, ngành(?:,? (?:và )?UBND cấp xã)?`, "giu"), `$1 phòng, ban chuyên môn thuộc UBND ${level}`],
    [r(String.raw`${B}UBND cấp xã${W}`), `UBND ${level}`],
    [r(String.raw`${B}(trên địa bàn|Lãnh đạo|lãnh đạo|UBND|HĐND|cấp|của|toàn) ${LEVEL}`), `$1 ${level}`],
  ];
}

/** Rewrites the province-level phrases of a task text for a commune of the given unit ("xã Cao Minh"). */
export function adaptWording(text: string, unit: string): string {
  const level = levelWord(unit);
  let out = text.normalize("NFC");
  for (const [pattern, replacement] of rules(level)) out = out.replace(pattern, replacement);
  return out;
}
