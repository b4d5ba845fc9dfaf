/** Area (lĩnh vực) classification of a task by keywords (domain.md, "Areas"); the user can change it later. */
import { AREAS, type Area } from "../workbook/layout.js";
import { fold } from "./text.js";

const [DIRECTION, INSTITUTIONS, PROCEDURES, ORGANISATION, CIVIL_SERVICE, FINANCE, DIGITAL] = AREAS;

/**
 * Keyword tiers. A text is classified by the first tier in which any keyword occurs; inside a tier the keyword
 * that occurs EARLIEST in the text wins (Vietnamese task texts put the object of the work first:
 * "Xây dựng kế hoạch đào tạo, bồi dưỡng … (ưu tiên công chức giải quyết TTHC)" is about training, not about
 * procedures). Tier 1 holds the area's own name and phrases that name one area unambiguously; tier 2 holds
 * words that lean towards an area but appear in many contexts (TTHC, công chức, kiểm tra, dữ liệu…).
 * Keywords are written folded (no diacritics, lower case).
 */
const TIERS: ReadonlyArray<ReadonlyArray<readonly [Area, readonly string[]]>> = [
  [
    [INSTITUTIONS, ["cai cach the che"]],
    [PROCEDURES, ["cai cach thu tuc hanh chinh", "cai cach tthc"]],
    [ORGANISATION, ["cai cach to chuc bo may", "cai cach to chuc, bo may", "cai cach bo may"]],
    [CIVIL_SERVICE, ["cai cach che do cong vu", "cai cach cong vu"]],
    [FINANCE, ["cai cach tai chinh cong"]],
    [DIGITAL, ["chinh quyen dien tu", "chinh quyen so"]],
    [DIRECTION, ["chi dao, dieu hanh", "chi dao dieu hanh"]],
  ],
  [
    [
      DIRECTION,
      [
        "ke hoach cai cach hanh chinh", "ke hoach cchc", "chi so cchc", "chi so cai cach hanh chinh", "par index",
        "chi so hai long", "muc do hai long", "su hai long", "sipas", "kiem tra cchc", "kiem tra cai cach hanh chinh",
        "tuyen truyen cchc", "tuyen truyen cai cach hanh chinh", "tuyen truyen ve cchc", "bao cao cchc",
        "sang kien cai cach hanh chinh",
      ],
    ],
    [
      INSTITUTIONS,
      [
        "van ban quy pham phap luat", "van ban qppl", "qppl", "pho bien, giao duc phap luat",
        "pho bien giao duc phap luat", "thi hanh phap luat", "the che",
      ],
    ],
    [PROCEDURES, ["kiem soat tthc", "kiem soat thu tuc hanh chinh", "mot cua", "thu tuc hanh chinh noi bo"]],
    [
      ORGANISATION,
      [
        "don vi su nghiep", "to chuc bo may", "sap xep bo may", "bo may", "tinh gian bien che", "don vi hanh chinh",
        "co cau to chuc", "chuc nang, nhiem vu, quyen han",
      ],
    ],
    [
      CIVIL_SERVICE,
      [
        "vi tri viec lam", "dao tao, boi duong", "dao tao boi duong", "ky luat, ky cuong", "ky luat ky cuong",
        "tuyen dung", "danh gia can bo", "cong vu", "che do tien luong",
      ],
    ],
    [FINANCE, ["tai san cong", "von dau tu", "dau tu cong", "ngan sach", "tai chinh cong", "kinh phi"]],
    [
      DIGITAL,
      [
        "chuyen doi so", "chu ky so", "ky so", "dich vu cong truc tuyen", "so hoa", "phan mem", "co so du lieu",
        "du lieu", "cong nghe thong tin", "ung dung cntt", "van ban dien tu", "an toan thong tin",
      ],
    ],
  ],
  [
    [DIRECTION, ["tuyen truyen", "kiem tra", "chi so", "thi dua", "khen thuong", "cchc"]],
    [INSTITUTIONS, ["phap luat", "quy che"]],
    [PROCEDURES, ["tthc", "thu tuc hanh chinh", "phuc vu hanh chinh cong", "pvhcc", "dich vu cong"]],
    [ORGANISATION, ["bien che", "phan cap", "phan quyen", "kien toan", "to chuc lai", "giai the", "sap nhap"]],
    [CIVIL_SERVICE, ["cong chuc", "vien chuc", "can bo", "boi duong", "dao tao", "ky luat"]],
    [FINANCE, ["tai chinh", "giai ngan", "tu chu", "du toan", "thu, chi", "tiet kiem"]],
    [DIGITAL, ["dien tu", "truc tuyen", "cntt", "he thong thong tin", "nen tang", "an ninh mang", "ky thuat so"]],
  ],
];

/** Index of `keyword` in `text` as a whole word (or words), or -1. */
function wordIndex(text: string, keyword: string): number {
  let from = 0;
  for (;;) {
    const i = text.indexOf(keyword, from);
    if (i < 0) return -1;
    const before = i === 0 ? "" : text.charAt(i - 1);
    const after = text.charAt(i + keyword.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return i;
    from = i + 1;
  }
}

/** The area a text names or leans towards, or null when no keyword occurs (see TIERS for the rules). */
export function classifyAreaOrNull(text: string): Area | null {
  const f = fold(text);
  if (!f) return null;
  for (const tier of TIERS) {
    let best: { area: Area; at: number } | null = null;
    for (const [area, keywords] of tier) {
      for (const keyword of keywords) {
        const at = wordIndex(f, keyword);
        if (at >= 0 && (best === null || at < best.at)) best = { area, at };
      }
    }
    if (best) return best.area;
  }
  return null;
}

/**
 * Classifies a task (or section title) into one of the seven AREAS by keywords, diacritics-insensitive.
 * Text that names no area is counted under direction and management, where plans put their general work.
 */
export function classifyArea(text: string): Area {
  return classifyAreaOrNull(text) ?? DIRECTION;
}
