/**
 * The tracker's fixed vocabulary: sheet names, task-table columns, statuses, evaluations and _meta keys.
 * Writers (buildTracker) and readers (shared/entries) both use these, so a rename happens in one place.
 */

/** Version of the tracker template; readers refuse versions they do not know. */
export const SCHEMA_VERSION = "1";

/** Sheet names (Vietnamese, as users see them). */
export const SHEET = {
  guide: "Hướng dẫn",
  tasks: "Nhiệm vụ",
  targets: "Mục tiêu",
  check: "Kiểm tra",
  lists: "Danh mục",
  meta: "_meta",
} as const;

/** The four statuses a user enters (domain.md). An empty cell means "Chưa triển khai". */
export const STATUSES = ["Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"] as const;
export type Status = (typeof STATUSES)[number];

/** Evaluations computed against the as-of date (never entered by hand). */
export const EVALUATIONS = [
  "Hoàn thành đúng hạn",
  "Hoàn thành quá hạn",
  "Trong hạn",
  "Quá hạn",
  "Thường xuyên",
  "Không thực hiện",
] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

/** Who fills a column: the plan, the user, a formula or a command. */
export type ColumnOwner = "plan" | "user" | "formula" | "command";

/** A column of the Nhiệm vụ sheet. `aliases` are header texts a reader also accepts (users rename headers). */
export interface TaskColumn {
  key: TaskColumnKey;
  header: string;
  owner: ColumnOwner;
  width: number;
  aliases: string[];
}

export type TaskColumnKey =
  | "id"
  | "area"
  | "title"
  | "requirement"
  | "leads"
  | "partners"
  | "deadlineText"
  | "due"
  | "status"
  | "progress"
  | "completedOn"
  | "result"
  | "note"
  | "evaluation"
  | "updated";

/**
 * The Nhiệm vụ columns in their default order (product.md, "Workbook"). Widths (characters) are chosen so that
 * the fifteen columns print on A4 landscape at a legible scale, with text wrapping inside the cells.
 */
export const TASK_COLUMNS: readonly TaskColumn[] = [
  { key: "id", header: "Mã", owner: "plan", width: 5.5, aliases: ["STT", "Số TT", "TT", "Mã nhiệm vụ"] },
  { key: "area", header: "Lĩnh vực", owner: "user", width: 13, aliases: ["Lĩnh vực CCHC"] },
  { key: "title", header: "Nội dung nhiệm vụ", owner: "plan", width: 38, aliases: ["Nội dung", "Nội dung công việc", "Nhiệm vụ"] },
  { key: "requirement", header: "Yêu cầu / Sản phẩm", owner: "plan", width: 16, aliases: ["Yêu cầu", "Sản phẩm"] },
  { key: "leads", header: "Cơ quan chủ trì", owner: "plan", width: 15, aliases: ["Chủ trì", "Đơn vị chủ trì"] },
  { key: "partners", header: "Cơ quan phối hợp", owner: "plan", width: 14, aliases: ["Phối hợp", "Đơn vị phối hợp"] },
  { key: "deadlineText", header: "Thời hạn", owner: "plan", width: 11, aliases: ["Thời gian hoàn thành", "Thời gian"] },
  { key: "due", header: "Hạn hoàn thành", owner: "plan", width: 11, aliases: ["Hạn"] },
  { key: "status", header: "Trạng thái", owner: "user", width: 12, aliases: ["Tình trạng"] },
  { key: "progress", header: "Tiến độ (%)", owner: "user", width: 7.5, aliases: ["Tiến độ", "Tiến độ %"] },
  { key: "completedOn", header: "Ngày hoàn thành", owner: "user", width: 11, aliases: ["Ngày HT"] },
  { key: "result", header: "Kết quả / Văn bản, sản phẩm", owner: "user", width: 18, aliases: ["Kết quả", "Văn bản, sản phẩm"] },
  { key: "note", header: "Khó khăn, vướng mắc / Ghi chú", owner: "user", width: 15, aliases: ["Ghi chú", "Khó khăn, vướng mắc"] },
  { key: "evaluation", header: "Đánh giá", owner: "formula", width: 12, aliases: [] },
  { key: "updated", header: "Cập nhật", owner: "command", width: 10, aliases: ["Ngày cập nhật"] },
];

/** Keys of the _meta sheet (key/value rows, very hidden). */
export const META_KEYS = ["schemaVersion", "planId", "unit", "level", "year", "createdBy", "planTitle", "periodFrom", "periodTo", "taskIds"] as const;
export type MetaKey = (typeof META_KEYS)[number];

/**
 * _meta keys of a tracker made from a derived commune plan (`cchc derive`), written only then: the province plan's
 * id and each task's province task ("1=2;2=3": task id = province task id; ids never contain ";" or "=").
 */
export const LINK_META_KEYS = ["provincePlanId", "provinceTaskIds"] as const;
export type LinkMetaKey = (typeof LINK_META_KEYS)[number];

/** Value of the `provinceTaskIds` _meta key. */
export function encodeProvinceLinks(links: ReadonlyArray<readonly [string, string]>): string {
  return links.map(([id, provinceId]) => `${id}=${provinceId}`).join(";");
}

/** Reads the `provinceTaskIds` _meta value back: task id → province task id. */
export function decodeProvinceLinks(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of value.split(";")) {
    const at = pair.indexOf("=");
    const id = pair.slice(0, at).trim();
    const provinceId = pair.slice(at + 1).trim();
    if (at > 0 && id && provinceId) out[id] = provinceId;
  }
  return out;
}

/**
 * Value of the `taskIds` _meta key: the plan's task ids in order, so a reader can tell a deleted or duplicated
 * task row (ids never contain ";").
 */
export function encodeTaskIds(ids: readonly string[]): string {
  return ids.join(";");
}

/** Reads the `taskIds` _meta value back into the list of task ids. */
export function decodeTaskIds(value: string): string[] {
  return value
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Value of `createdBy` in _meta. */
export const CREATED_BY = "cchc-tracker 0.1.0";

/** Defined name of the as-of date cell on the Hướng dẫn sheet; the Đánh giá formulas reference it. */
export const AS_OF_NAME = "NgayBaoCao";

/** The seven reform areas (domain.md, "Areas"). */
export const AREAS = [
  "Công tác chỉ đạo, điều hành",
  "Cải cách thể chế",
  "Cải cách thủ tục hành chính",
  "Cải cách tổ chức bộ máy",
  "Cải cách chế độ công vụ",
  "Cải cách tài chính công",
  "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
] as const;
export type Area = (typeof AREAS)[number];
