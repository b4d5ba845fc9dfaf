/**
 * The province → commune unit correspondence (domain.md, "Units"): the built-in map for the two-level local
 * government of 2025, the user's `--map` lines that override it, and the rules for units that are the commune
 * itself ("UBND cấp xã") or that no map names.
 */
import { UnusableInputError } from "../errors.js";
import { deriveMessages as M } from "../messages/derive.js";
import { canonicalUnit, unitKey } from "../plan/units.js";

/** The commune's general office: the lead when a task's province lead has no commune counterpart. */
export const COMMUNE_OFFICE = "Văn phòng HĐND và UBND xã";
/** The commune's departments as a whole (the counterpart of "Các sở, ban, ngành"). */
export const COMMUNE_DEPARTMENTS = canonicalUnit("Các phòng, ban chuyên môn thuộc UBND xã");
const ONE_STOP = "Trung tâm Phục vụ hành chính công";

/** The built-in correspondence, in domain.md's unit names (canonicalised when the map is built). */
const BUILT_IN: ReadonlyArray<readonly [string, string]> = [
  ...[
    "Sở Nội vụ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Dân tộc và Tôn giáo",
  ].map((u) => [u, "Phòng Văn hóa - Xã hội"] as const),
  ...["Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Ban Quản lý các Khu công nghiệp"].map(
    (u) => [u, "Phòng Kinh tế"] as const,
  ),
  ...["Sở Tư pháp", "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Sở Ngoại vụ", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"].map(
    (u) => [u, COMMUNE_OFFICE] as const,
  ),
  ["Trung tâm Phục vụ hành chính công tỉnh", ONE_STOP],
  ["Công an tỉnh", "Công an xã"],
  ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Quân sự xã"],
  ...["Các sở, ban, ngành", "Các sở, ban, ngành liên quan", "Các sở, ban, ngành, đơn vị liên quan", "Các sở, ngành"].map(
    (u) => [u, COMMUNE_DEPARTMENTS] as const,
  ),
];

/** Addressees that are the commune itself: dropped from a derived task (the commune's own plan addresses itself). */
const SELF = ["UBND cấp xã", "UBND các xã, phường", "UBND xã", "UBND phường", "UBND tỉnh", "HĐND tỉnh", "Chủ tịch UBND tỉnh"];

// "TTHC tasks of Văn phòng UBND tỉnh" go to the one-stop centre (domain.md).
const TTHC = /TTHC|thủ tục hành chính|một cửa/iu;

/** A unit map: canonical province unit key → commune unit (canonical), plus the keys the user set (`--map`). */
export interface UnitMap {
  entries: ReadonlyMap<string, string>;
  overridden: ReadonlySet<string>;
}

/** The built-in map, with the user's lines on top. */
export function buildUnitMap(overrides: ReadonlyArray<readonly [string, string]> = []): UnitMap {
  const entries = new Map<string, string>();
  for (const [from, to] of BUILT_IN) entries.set(unitKey(from), canonicalUnit(to));
  const overridden = new Set<string>();
  for (const [from, to] of overrides) {
    entries.set(unitKey(from), canonicalUnit(to));
    overridden.add(unitKey(from));
  }
  return { entries, overridden };
}

/**
 * Reads a map file: one `Sở Nội vụ = Phòng Văn hóa - Xã hội` per line; blank lines and lines starting with "#"
 * are skipped. A line without "=" or with an empty side is refused, naming the file and line.
 */
export function parseUnitMapText(text: string, file?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  text
    .normalize("NFC")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const at = line.indexOf("=");
      const from = at < 0 ? "" : line.slice(0, at).trim();
      const to = at < 0 ? "" : line.slice(at + 1).trim();
      if (!from || !to) throw new UnusableInputError(M.badMapLine(raw.trim()), { file, line: i + 1 });
      out.push([from, to]);
    });
  return out;
}

/** True for a unit of the province level: a department (Sở …), "… tỉnh", the province's departments as a whole. */
export function isProvinceUnit(name: string): boolean {
  return /^(Sở|Các sở)(?![\p{L}\p{M}])/u.test(name) || /(?<![\p{L}\p{M}])tỉnh(?![\p{L}\p{M}])/u.test(name);
}

const SELF_KEYS = new Set(SELF.map(unitKey));

/** What a province unit becomes at the commune: a unit, "self" (the commune itself), or null when no map names it. */
export function mapUnit(map: UnitMap, unit: string, taskTitle: string): string | "self" | null {
  const key = unitKey(unit);
  if (map.overridden.has(key)) return map.entries.get(key) ?? null;
  if (SELF_KEYS.has(key)) return "self";
  if (key === unitKey("Văn phòng UBND tỉnh") && TTHC.test(taskTitle)) return ONE_STOP;
  const mapped = map.entries.get(key);
  if (mapped) return mapped;
  return isProvinceUnit(unit) ? null : canonicalUnit(unit);
}

/** True for a collective addressee ("Các sở, ban, ngành", "Các phòng, ban chuyên môn…"), not one department. */
export function isCollective(unit: string): boolean {
  return /^Các\s/u.test(unit);
}
