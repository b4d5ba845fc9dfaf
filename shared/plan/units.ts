/**
 * Unit names (domain.md, "Units"): one canonical spelling per unit, a comparison key, splitting a lead/partner
 * cell into units, and the plan's own unit lexicon from its "TỔ CHỨC THỰC HIỆN" section.
 */
import { joinWrap } from "./text.js";

/**
 * Unit names common in CCHC plans at province and commune level, in their canonical spelling (new tone-mark
 * placement, " - " dashes, "và" for "&", UBND/HĐND abbreviated). Taken from the seeds' own tables and
 * "TỔ CHỨC THỰC HIỆN" sections plus the usual departments of a province.
 */
export const KNOWN_UNITS: readonly string[] = [
  // Province level
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Khoa học và Công nghệ",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Xây dựng",
  "Sở Nông nghiệp và Môi trường",
  "Sở Y tế",
  "Sở Giáo dục và Đào tạo",
  "Sở Công Thương",
  "Sở Dân tộc và Tôn giáo",
  "Sở Ngoại vụ",
  "Thanh tra tỉnh",
  "Văn phòng UBND tỉnh",
  "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
  "Ban Quản lý các Khu công nghiệp",
  "Trung tâm Thông tin tỉnh",
  "Công an tỉnh",
  "Bộ Chỉ huy Quân sự tỉnh",
  "Kho bạc Nhà nước",
  "Bảo hiểm xã hội tỉnh",
  "Thuế tỉnh",
  "UBND tỉnh",
  "HĐND tỉnh",
  "Bộ Nội vụ",
  "UBND cấp xã",
  "UBND các xã, phường",
  "Các sở, ban, ngành",
  "Các sở, ban, ngành liên quan",
  "Các sở, ban, ngành, đơn vị liên quan",
  "Các sở, ngành",
  // Commune level
  "Phòng Văn hóa - Xã hội",
  "Phòng Kinh tế",
  "Phòng Kinh tế, Hạ tầng và Đô thị",
  "Văn phòng HĐND và UBND xã",
  "Văn phòng HĐND và UBND phường",
  "Trung tâm Phục vụ hành chính công",
  "Trung tâm Dịch vụ tổng hợp",
  "Văn phòng Đảng ủy",
  "Đảng ủy xã",
  "Công an xã",
  "Ban Chỉ huy Quân sự xã",
  "Ủy ban Mặt trận Tổ quốc xã",
  "Trạm Y tế xã",
  "UBND xã",
  "UBND phường",
  "Các phòng ban chuyên môn thuộc UBND xã",
  "Các phòng chuyên môn thuộc UBND xã",
  "Các phòng, ban chuyên môn",
  "Các phòng, ban, đơn vị",
  "Các trường học trên địa bàn",
  "Các thôn, tổ dân phố",
  // Either level
  "Các cơ quan, đơn vị",
  "Các cơ quan, đơn vị liên quan",
  "Các cơ quan, đơn vị, địa phương",
  "Các cơ quan, tổ chức, đơn vị",
  "Các cơ quan, tổ chức, đơn vị liên quan",
  "Các đơn vị liên quan",
];

/** Variants seen in plans that a rule cannot derive, mapped to their canonical name (domain.md's table). */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["Phòng Kinh tế xã", "Phòng Kinh tế"],
  ["Trung tâm Dịch vụ tổng hợp xã", "Trung tâm Dịch vụ tổng hợp"],
  ["Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công"],
  ["Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công"],
  ["Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND xã"],
  ["Các sở, ban ngành", "Các sở, ban, ngành"],
  ["Các sở ban ngành", "Các sở, ban, ngành"],
  ["Các sở, ban ngành liên quan", "Các sở, ban, ngành liên quan"],
  ["Các phòng, ban chuyên môn thuộc UBND xã", "Các phòng ban chuyên môn thuộc UBND xã"],
  ["Ban Quản lý các Khu công nghiệp tỉnh", "Ban Quản lý các Khu công nghiệp"],
];

// ---------------------------------------------------------------------------------------------------------
// Text normalisation

const TONE = "\u0300\u0301\u0303\u0309\u0323"; // grave, acute, tilde, hook above, dot below (NFD)
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;

// Old placement puts the tone on the second vowel of an open "oa", "oe", "uy" syllable ("hoá", "khoẻ", "thuỷ");
// the new placement, which the canonical names use, puts it on the first ("hóa", "khỏe", "thủy"). "qu" + "y"
// ("quý") is a consonant + vowel, not the "uy" glide, so it is left alone.
const OLD_TONE = new RegExp(
  String.raw`(?<![qQ])([oO])([aAeE])([${TONE}])${NOT_WORD_AFTER}|(?<![qQ])([uU])([yY])([${TONE}])${NOT_WORD_AFTER}`,
  "gu",
);

const OLD_TONE_HINT = /[oOuU][áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ]/u;

/** Moves old-style tone marks to the new placement: "hoá" → "hóa", "thuỷ" → "thủy", "Uỷ ban" → "Ủy ban"; returns NFC. */
export function newStyleToneMarks(text: string): string {
  const nfc = text.normalize("NFC");
  // Fast path: most names have no old-style syllable at all.
  if (!OLD_TONE_HINT.test(nfc)) return nfc;
  return nfc
    .normalize("NFD")
    .replace(OLD_TONE, (_m, o?: string, a?: string, t1?: string, u?: string, y?: string, t2?: string) =>
      o !== undefined ? `${o}${t1 ?? ""}${a ?? ""}` : `${u ?? ""}${t2 ?? ""}${y ?? ""}`,
    )
    .normalize("NFC");
}

// Abbreviations expanded before "&" and dashes are touched, because several contain them. Applied in one pass
// (one combined pattern) since unit names are normalised many times while a plan is read.
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  [String.raw`VH\s*[-–—]?\s*X{1,2}H`, "Văn hóa - Xã hội"],
  [String.raw`TTPVHCC`, "Trung tâm Phục vụ hành chính công"],
  [String.raw`PVHCC`, "Phục vụ hành chính công"],
  [String.raw`HCC`, "hành chính công"],
  [String.raw`TTDVTH`, "Trung tâm Dịch vụ tổng hợp"],
  [String.raw`KH\s*(?:&|và|-)\s*CN|KHCN`, "Khoa học và Công nghệ"],
  [String.raw`GD\s*(?:&|và|-)\s*ĐT|GDĐT`, "Giáo dục và Đào tạo"],
  [String.raw`TN\s*(?:&|và|-)\s*MT|TNMT`, "Tài nguyên và Môi trường"],
  [String.raw`NN\s*(?:&|và|-)\s*PTNT|NNPTNT`, "Nông nghiệp và Phát triển nông thôn"],
  [String.raw`NN\s*(?:&|và|-)\s*MT|NNMT`, "Nông nghiệp và Môi trường"],
  [String.raw`VH\s*,?\s*TT\s*(?:&|và)\s*DL|VHTTDL`, "Văn hóa, Thể thao và Du lịch"],
  [String.raw`TT\s*(?:&|và)\s*TT`, "Thông tin và Truyền thông"],
  [String.raw`LĐ\s*-?\s*TB\s*(?:&|và)\s*XH|LĐTBXH`, "Lao động - Thương binh và Xã hội"],
  [String.raw`Ủy ban nhân dân`, "UBND"],
  [String.raw`Hội đồng nhân dân`, "HĐND"],
  [String.raw`HĐND\s*(?:&|và|-|–|—|\+)\s*UBND`, "HĐND và UBND"],
];
const ABBREVIATION_PATTERN = new RegExp(
  `${NOT_WORD_BEFORE}(?:${ABBREVIATIONS.map(([p]) => `(${p})`).join("|")})${NOT_WORD_AFTER}`,
  "gu",
);

function expandAbbreviations(text: string): string {
  return text
    .replace(ABBREVIATION_PATTERN, (match: string, ...groups: unknown[]) => {
      const i = groups.findIndex((g, n) => n < ABBREVIATIONS.length && typeof g === "string");
      return ABBREVIATIONS[i]?.[1] ?? match;
    })
    .replace(VP_PREFIX, "Văn phòng");
}
const VP_PREFIX = new RegExp(String.raw`^VP${NOT_WORD_AFTER}`, "u");

// Every abbreviation above contains two capitals in a row or one of these phrases.
const ABBREVIATION_HINT = /\p{Lu}{2}|Ủy ban|Hội đồng|^VP/u;

/**
 * Normalises the spelling of a unit name without looking it up: NFC, new tone-mark placement, known
 * abbreviations expanded, "&" → "và", dashes → " - ", spacing around punctuation, bullets and trailing
 * punctuation removed. Capitalisation is left as written.
 */
export function normalizeUnitText(name: string): string {
  let s = newStyleToneMarks(name.normalize("NFC").replace(/[\u00a0\u2000-\u200b\u202f\ufeff]/g, " "));
  // Markdown emphasis and list bullets are layout, not part of the name.
  s = s.replace(/\*\*|__/g, "").replace(/^[\s\-–—•+*]+/u, "");
  if (ABBREVIATION_HINT.test(s)) s = expandAbbreviations(s);
  // "&" means "và" in unit names, except inside an unknown tight acronym pair such as "X&Y".
  s = s.replace(/(\S?)\s*&\s*(\S?)/gu, (m, before: string, after: string) =>
    /^\p{Lu}$/u.test(before) && /^\p{Lu}$/u.test(after) && !/\s/.test(m) ? m : `${before} và ${after}`,
  );
  s = s
    .replace(/\s*[–—‐‑−]\s*/g, " - ")
    .replace(/\s+-\s*|\s*-\s+/g, " - ")
    .replace(/\s*([,;])\s*/g, "$1 ")
    .replace(/([([])\s+/g, "$1")
    .replace(/\s+([)\]])/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:]+$/u, "")
    .trim();
  return s;
}

/** Folds a normalised name to a comparison key: no diacritics (đ → d), lower case, single spaces. */
function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Canonical spelling by key: every known unit and every alias.
const CANONICAL_BY_KEY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const name of KNOWN_UNITS) map.set(foldKey(normalizeUnitText(name)), name);
  for (const [variant, canonical] of ALIASES) map.set(foldKey(normalizeUnitText(variant)), canonical);
  return map;
})();

// Place names are written in lower case ("xã Cao Minh"); every other unit name starts with a capital.
const LOWERCASE_HEADS = /^(xã|phường|tỉnh|huyện|thị trấn|thị xã|thành phố|đặc khu)(?![\p{L}\p{M}])/u;

/** Returns the canonical name of a unit ("Phòng VH-XH" → "Phòng Văn hóa - Xã hội", "các sở, ban ngành" → "Các sở, ban, ngành"). */
export function canonicalUnit(name: string): string {
  const text = normalizeUnitText(name);
  if (!text) return "";
  const known = CANONICAL_BY_KEY.get(foldKey(text));
  if (known) return known;
  if (LOWERCASE_HEADS.test(text)) return text;
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** Comparison key of a unit: its canonical name folded (lower case, no diacritics), so spelling variants compare equal. */
export function unitKey(name: string): string {
  return foldKey(canonicalUnit(name));
}

// ---------------------------------------------------------------------------------------------------------
// Lexicon

/** A set of unit names to recognise, matched by key; built once per plan. */
export interface UnitLexicon {
  /** True when the text names a unit of the lexicon (any spelling variant). */
  has(text: string): boolean;
  /** The largest number of words of a lexicon name, for bounding longest-match searches. */
  maxWords: number;
  /** False when no lexicon name starts with this word (a cheap filter before longest-match searches). */
  mayStartWith(word: string): boolean;
}

/** Builds a lexicon from KNOWN_UNITS plus the given names (e.g. the plan's own units). */
export function createUnitLexicon(extra: readonly string[] = []): UnitLexicon {
  const keys = new Set<string>();
  // First words (folded) that a lexicon name can start with, as written or normalised; "VP", "Ủy (ban nhân
  // dân …)" and "Hội (đồng nhân dân …)" open abbreviated names.
  const firstWords = new Set<string>(["vp", "uy", "hoi"]);
  let maxWords = 0;
  const add = (name: string): void => {
    const normal = normalizeUnitText(name);
    if (!normal) return;
    keys.add(unitKey(normal));
    for (const form of [name, normal, canonicalUnit(normal)]) firstWords.add(foldKey(form).split(" ")[0] ?? "");
    maxWords = Math.max(maxWords, normal.split(" ").length);
  };
  for (const name of KNOWN_UNITS) add(name);
  for (const [variant] of ALIASES) add(variant);
  for (const name of extra) add(name);
  // Per-text memo: readers ask about the same spans repeatedly.
  const memo = new Map<string, boolean>();
  return {
    // Raw spellings can be longer than the normalised names ("Văn phòng Ủy ban nhân dân tỉnh").
    maxWords: maxWords + 6,
    has(text: string): boolean {
      let hit = memo.get(text);
      if (hit === undefined) {
        hit = keys.has(unitKey(text));
        // Bounded: a lexicon can live as long as the process (splitUnits' default).
        if (memo.size > 20_000) memo.clear();
        memo.set(text, hit);
      }
      return hit;
    },
    mayStartWith(word: string): boolean {
      return firstWords.has(foldKey(word.replace(/^[\-–—•+]+/u, "")));
    },
  };
}

function isUnitLexicon(value: unknown): value is UnitLexicon {
  return typeof value === "object" && value !== null && typeof (value as UnitLexicon).has === "function";
}

// The lexicon of the last name list asked for (usually the same plan's list, cell after cell).
let lastLexicon: { names: string; lexicon: UnitLexicon } | null = null;
function lexiconFor(extra: readonly string[]): UnitLexicon {
  const names = extra.join("\n");
  if (lastLexicon?.names !== names) lastLexicon = { names, lexicon: createUnitLexicon(extra) };
  return lastLexicon.lexicon;
}

const COLLECTIVE_NOUNS =
  "sở|phòng|ban|cơ quan|đơn vị|trường|xã|phường|thôn|tổ chức|tổ dân phố|hội|đoàn|doanh nghiệp|địa phương|ngành|bộ|tỉnh|trạm";
// Words that open a unit name. Some need a capitalised next word to tell the unit from ordinary text
// ("Ban Quản lý" vs "Ban hành", "Hội Nông dân" vs "Hội nghị").
const UNIT_HEAD = new RegExp(
  "^(?:" +
    [
      "Sở",
      "Phòng",
      "UBND",
      "HĐND",
      "UBMTTQ",
      "MTTQ",
      "Văn phòng",
      "Trung tâm",
      "Ủy ban",
      "Công an",
      "Chi cục",
      "Cục",
      "Kho bạc",
      "Bảo hiểm",
      "Thanh tra",
      "Đảng ủy",
      "Mặt trận",
      "Bệnh viện",
      "Tòa án",
      "Viện",
      "Trạm",
      "Trường",
      "Bộ phận",
      "Thuế",
      "Quân sự",
      "(?:Ban|Bộ|Hội|Đoàn|Đội|Đài|Liên đoàn|Hạt|Chi nhánh)(?= \\p{Lu})",
      `[Cc]ác (?:${COLLECTIVE_NOUNS})`,
    ].join("|") +
    ")(?![\\p{L}\\p{M}])",
  "u",
);

/** True when the text starts like a unit name ("Sở …", "Phòng …", "UBND …", "Các sở …", "Ban Quản lý …"). */
export function startsWithUnitHead(text: string): boolean {
  return UNIT_HEAD.test(text.replace(/^[\s\-–—•+]+/u, ""));
}

// Words after which a name cannot end: a line ending with one of them continues on the next line.
const DANGLING = /(?:^|\s)(?:và|của|thuộc|cấp|các|trên|với|tại|về|-|–|—|,|&)$/u;

/** True when a name fragment cannot end here ("Văn phòng HĐND và", "Các phòng ban chuyên môn thuộc"). */
export function endsDangling(text: string): boolean {
  return DANGLING.test(text.trimEnd());
}

/**
 * Splits a comma-separated chunk into units: a comma separates units only where a known unit ends or starts
 * there, so "Các sở, ban, ngành" and "Các cơ quan, tổ chức, đơn vị thuộc UBND xã" stay whole.
 */
function splitOnCommas(chunk: string, lexicon: UnitLexicon): string[] {
  const pieces = chunk.split(",").map((p) => p.trim());
  const out: string[] = [];
  const knownEnd = (i: number): number => {
    // Longest run of pieces from i that names a known unit; -1 when none does.
    let best = -1;
    let text = "";
    for (let j = i; j < pieces.length; j++) {
      text = j === i ? (pieces[j] ?? "") : `${text}, ${pieces[j] ?? ""}`;
      if (lexicon.has(text)) best = j;
    }
    return best;
  };
  let i = 0;
  while (i < pieces.length) {
    const end = knownEnd(i);
    if (end >= 0) {
      out.push(pieces.slice(i, end + 1).join(", "));
      i = end + 1;
      continue;
    }
    // An unknown name runs until a piece that starts a known unit or opens with a capitalised unit head.
    let j = i + 1;
    while (j < pieces.length) {
      const piece = pieces[j] ?? "";
      if (knownEnd(j) >= 0 || (/^\p{Lu}/u.test(piece) && startsWithUnitHead(piece))) break;
      j++;
    }
    out.push(pieces.slice(i, j).join(", "));
    i = j;
  }
  return out.filter((p) => p !== "");
}

/**
 * Splits a lead/partner cell into canonical unit names: on ";", on new lines (a wrapped name is re-joined),
 * on list bullets, and on "," only where the pieces are known units. `lexicon` adds names to KNOWN_UNITS
 * (pass the plan's own units from extractUnitLexicon; for many cells pass one createUnitLexicon(…) instead, so
 * the names are normalised once). Duplicates are dropped, order kept.
 */
export function splitUnits(cell: string, lexicon?: readonly string[] | UnitLexicon): string[] {
  const lex = isUnitLexicon(lexicon) ? lexicon : lexiconFor(lexicon ?? []);
  // Re-join lines that are the wrap of one name rather than a new entry.
  const lines = cell
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const entries: string[] = [];
  for (const line of lines) {
    const prev = entries[entries.length - 1];
    if (prev !== undefined && isWrapContinuation(prev, line, lex)) entries[entries.length - 1] = joinWrap(prev, line);
    else entries.push(line);
  }
  const names: string[] = [];
  for (const entry of entries) {
    for (const part of entry.split(";")) {
      const bare = part.replace(/^[\s\-–—•+]+/u, "").trim();
      if (!bare) continue;
      for (const name of splitOnCommas(bare, lex)) {
        const canonical = canonicalUnit(name);
        if (canonical && !names.includes(canonical)) names.push(canonical);
      }
    }
  }
  return names;
}

/**
 * True when `next` continues the name in `prev` (a wrapped line) rather than starting a new one. Where a cell's
 * lines break depends on the column width and fonts of whoever printed it, so this decides from the words only:
 * the same cell reads the same from .txt, .docx or .pdf.
 */
export function isWrapContinuation(prev: string, next: string, lexicon: UnitLexicon): boolean {
  if (/[;]\s*$/.test(prev)) return false;
  const lastName = prev.split(/[;,]/).pop()?.replace(/^[\s\-–—•+]+/u, "").trim() ?? "";
  const nextName = next.split(/[;,]/)[0]?.trim() ?? "";
  // "Văn phòng" / "HĐND và UBND xã; …": together a known unit.
  if (lastName && (lexicon.has(`${lastName} ${next}`) || lexicon.has(`${lastName} ${nextName}`))) return true;
  // "Các sở," / "ban, ngành": a list wrapped after its comma goes on in lower case; a new unit starts in capitals.
  if (/,\s*$/.test(prev)) return /^\p{Ll}/u.test(next) && !startsWithUnitHead(next) && !lexicon.has(nextName);
  if (endsDangling(prev)) return true;
  const bare = next.replace(/^[\-–—•+]\s*/u, "");
  if (/^[\-–—•+]/u.test(next)) return !(startsWithUnitHead(bare) || lexicon.has(bare));
  return !(startsWithUnitHead(next) || lexicon.has(next) || lexicon.has(nextName));
}

// ---------------------------------------------------------------------------------------------------------
// The plan's own units

// Headings that address a person or make a request rather than name a unit ("Thủ trưởng các cơ quan…",
// "Đề nghị Công an xã…", "Trưởng phòng Văn hóa - Xã hội").
const NOT_A_UNIT = /^(?:Thủ trưởng|Trưởng|Chánh|Giám đốc|Phó|Đề nghị|Chủ tịch|Người đứng đầu|Lãnh đạo|Cán bộ|Công chức|Giao|Yêu cầu)(?![\p{L}\p{M}])/u;

/** True when a heading reads as a unit name: it starts like one, or it is a short capitalised name. */
function looksLikeUnitName(name: string): boolean {
  if (name.length > 80 || NOT_A_UNIT.test(name)) return false;
  return startsWithUnitHead(name) || (/^\p{Lu}/u.test(name) && name.split(" ").length <= 8);
}

const ROMAN_HEADING = /^\s*(?:[IVX]{1,5})\s*[.)]\s+\S/u;
const SECTION_END = /^\s*(?:Nơi nhận|Trên đây là|DANH MỤC|PHỤ LỤC)/u;

/**
 * Unit names named in the plan's own "TỔ CHỨC THỰC HIỆN" section: its numbered headings ("1. Phòng Văn hóa –
 * Xã hội.", "9. Sở Y tế, Sở Giáo dục và Đào tạo: …", "8. Các Sở: Xây dựng, Nông nghiệp và Môi trường, …:"),
 * canonicalised and de-duplicated. Headings that address a person or make a request ("Thủ trưởng các cơ quan…",
 * "Đề nghị …") are skipped.
 */
export function extractUnitLexicon(text: string): string[] {
  const lines = text.normalize("NFC").split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*(?:[IVX]{1,5}\s*[.)]\s*)?TỔ\s+CHỨC\s+THỰC\s+HIỆN\b/u.test(l.replace(/\*|#/g, "")));
  if (start < 0) return [];
  const names: string[] = [];
  const add = (raw: string): void => {
    const name = canonicalUnit(raw);
    if (name && looksLikeUnitName(name) && !names.includes(name)) names.push(name);
  };
  const lexicon = createUnitLexicon();
  for (let i = start + 1; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\*+|__|^\s*#+\s*/g, "").trim();
    if (ROMAN_HEADING.test(line) || SECTION_END.test(line)) break;
    const numbered = /^\d{1,2}\s*[.)]\s+(.+)$/u.exec(line);
    if (!numbered?.[1]) continue;
    let heading = numbered[1].trim();
    // "Các Sở: Xây dựng, Nông nghiệp và Môi trường, Ban Quản lý các" / "Khu Công nghiệp: Tham mưu …":
    // the list runs to the second colon, possibly over the next lines.
    const listed = /^Các\s+(Sở|sở|Phòng|phòng)\s*:\s*(.*)$/u.exec(heading);
    if (listed) {
      const head = (listed[1] ?? "Sở").replace(/^./u, (c) => c.toUpperCase());
      let list = listed[2] ?? "";
      for (let k = i + 1; k < lines.length && k <= i + 6 && !list.includes(":"); k++) {
        const more = (lines[k] ?? "").trim();
        if (more) list = `${list} ${more}`;
      }
      for (const item of (list.split(":")[0] ?? "").split(",")) {
        const bare = item.trim();
        if (!bare) continue;
        add(startsWithUnitHead(bare) ? bare : `${head} ${bare}`);
      }
      continue;
    }
    heading = (heading.split(":")[0] ?? heading).replace(/^Đề nghị\s+/u, "");
    for (const name of splitOnCommas(heading.trim(), lexicon)) add(name);
  }
  return names;
}
