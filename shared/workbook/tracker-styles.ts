/**
 * Named cell styles and colours of the tracker. One palette for the sheet cells, the conditional formats and the
 * legend on Hướng dẫn, so what the legend shows is what the sheet paints.
 */
import type { CellStyle, ConditionalStyle } from "./spec.js";
import type { Evaluation, Status } from "./layout.js";

/** Official documents use Times New Roman (product.md). */
export const FONT = "Times New Roman";
/** Date format shown to users (product.md: dd/mm/yyyy). */
export const DATE_FORMAT = "dd/mm/yyyy";

/** Fill of cells the user types in. */
export const ENTRY_FILL = "FFF8E1";
const BORDER = "thin" as const;

/** Colours of the statuses (Trạng thái column). Chưa triển khai stays plain. */
export const STATUS_STYLES: Partial<Record<Status, ConditionalStyle>> = {
  "Đang thực hiện": { fill: "DDEBF7", color: "1F4E79" },
  "Hoàn thành": { fill: "C6EFCE", color: "006100" },
  "Không thực hiện": { fill: "E7E6E6", color: "595959" },
};

/** Colours of the evaluations (Đánh giá column). */
export const EVALUATION_STYLES: Record<Evaluation, ConditionalStyle> = {
  "Hoàn thành đúng hạn": { fill: "C6EFCE", color: "006100" },
  "Hoàn thành quá hạn": { fill: "FFEB9C", color: "9C5700" },
  "Trong hạn": { fill: "DDEBF7", color: "1F4E79" },
  "Quá hạn": { fill: "FFC7CE", color: "9C0006", bold: true },
  "Thường xuyên": { fill: "EDE7F6", color: "4A3A78" },
  "Không thực hiện": { fill: "E7E6E6", color: "595959" },
};

/** The due date of an overdue task. */
export const OVERDUE_STYLE: ConditionalStyle = { fill: "FFC7CE", color: "9C0006", bold: true };
/** The completion date of a task finished after its due date. */
export const LATE_STYLE: ConditionalStyle = { fill: "FFEB9C", color: "9C5700", bold: true };
/** Bar colour of Tiến độ (%). */
export const PROGRESS_BAR_COLOR = "5B9BD5";
/** Fill of group (section) rows. */
export const GROUP_FILL = "E4E9F2";
/** Fill of sub-group rows. */
export const SUBGROUP_FILL = "F2F4F8";
/** Fill of the header row. */
export const HEADER_FILL = "D9E1F2";

const base: CellStyle = { fontName: FONT, fontSize: 11, vAlign: "top", wrap: true, border: BORDER };
const entry: CellStyle = { ...base, locked: false, fill: ENTRY_FILL };

/** Style names used by the tracker sheets. */
export const S = {
  title: "title",
  subtitle: "subtitle",
  asOfLabel: "asOfLabel",
  asOfValue: "asOfValue",
  header: "header",
  plan: "plan",
  planCenter: "planCenter",
  planDate: "planDate",
  entryText: "entryText",
  entryCenter: "entryCenter",
  entryPercent: "entryPercent",
  entryDate: "entryDate",
  commandDate: "commandDate",
  formula: "formula",
  group1: "group1",
  group1Id: "group1Id",
  group2: "group2",
  group2Id: "group2Id",
  groupBlank: "groupBlank",
  group2Blank: "group2Blank",
  guideTitle: "guideTitle",
  guideSubtitle: "guideSubtitle",
  guideSection: "guideSection",
  guideLabel: "guideLabel",
  guideValue: "guideValue",
  guideNumber: "guideNumber",
  guideAsOf: "guideAsOf",
  guideNote: "guideNote",
  guideEntrySample: "guideEntrySample",
  guideGroupSample: "guideGroupSample",
  list: "list",
  listHeader: "listHeader",
  meta: "meta",
} as const;

/** Style name of the legend swatch for a status or an evaluation. */
export function legendStyleName(kind: "status" | "evaluation", text: string): string {
  return `legend:${kind}:${text}`;
}

function legendStyle(look: ConditionalStyle | undefined): CellStyle {
  return { ...base, bold: true, fill: look?.fill, color: look?.color, hAlign: "center", vAlign: "middle" };
}

/** Every style the tracker uses, by name. */
export function trackerStyles(): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {
    [S.title]: { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
    [S.subtitle]: { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "middle", wrap: true },
    [S.asOfLabel]: { fontName: FONT, fontSize: 11, italic: true, hAlign: "right", vAlign: "middle" },
    [S.asOfValue]: { fontName: FONT, fontSize: 11, bold: true, hAlign: "center", vAlign: "middle", numFmt: DATE_FORMAT },
    [S.header]: { ...base, bold: true, fill: HEADER_FILL, hAlign: "center", vAlign: "middle" },
    [S.plan]: { ...base },
    [S.planCenter]: { ...base, hAlign: "center" },
    [S.planDate]: { ...base, hAlign: "center", numFmt: DATE_FORMAT },
    [S.entryText]: { ...entry, numFmt: "@" },
    [S.entryCenter]: { ...entry, hAlign: "center" },
    [S.entryPercent]: { ...entry, hAlign: "center", numFmt: "0" },
    [S.entryDate]: { ...entry, hAlign: "center", numFmt: DATE_FORMAT },
    // Written by the status commands, not typed: unlocked (so a command needs no unprotect) but not painted as an entry cell.
    [S.commandDate]: { ...base, locked: false, hAlign: "center", numFmt: DATE_FORMAT },
    [S.formula]: { ...base, hAlign: "center" },
    [S.group1]: { ...base, bold: true, fill: GROUP_FILL, vAlign: "middle" },
    [S.group1Id]: { ...base, bold: true, fill: GROUP_FILL, hAlign: "center", vAlign: "middle" },
    [S.groupBlank]: { ...base, fill: GROUP_FILL },
    [S.group2]: { ...base, bold: true, italic: true, fill: SUBGROUP_FILL, vAlign: "middle" },
    [S.group2Id]: { ...base, bold: true, italic: true, fill: SUBGROUP_FILL, hAlign: "center", vAlign: "middle" },
    [S.group2Blank]: { ...base, fill: SUBGROUP_FILL },
    [S.guideTitle]: { fontName: FONT, fontSize: 15, bold: true, hAlign: "center", vAlign: "middle", wrap: true, color: "1F3864" },
    [S.guideSubtitle]: { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "middle", wrap: true },
    [S.guideSection]: { fontName: FONT, fontSize: 12, bold: true, color: "1F3864", vAlign: "bottom" },
    [S.guideLabel]: { ...base, bold: true, fill: "F2F2F2" },
    [S.guideValue]: { ...base },
    [S.guideNumber]: { ...base, hAlign: "left", numFmt: "0" },
    [S.guideAsOf]: { ...base, locked: false, bold: true, fontSize: 12, fill: "FFE699", hAlign: "left", numFmt: DATE_FORMAT },
    [S.guideNote]: { fontName: FONT, fontSize: 10, italic: true, color: "595959", wrap: true, vAlign: "top" },
    [S.guideEntrySample]: { ...base, fill: ENTRY_FILL, hAlign: "center", vAlign: "middle" },
    [S.guideGroupSample]: { ...base, bold: true, fill: GROUP_FILL, hAlign: "center", vAlign: "middle" },
    [S.list]: { fontName: FONT, fontSize: 11 },
    [S.listHeader]: { fontName: FONT, fontSize: 11, bold: true },
    [S.meta]: { numFmt: "@" },
  };
  for (const [status, look] of Object.entries(STATUS_STYLES)) styles[legendStyleName("status", status)] = legendStyle(look);
  styles[legendStyleName("status", "Chưa triển khai")] = legendStyle(undefined);
  for (const [evaluation, look] of Object.entries(EVALUATION_STYLES)) styles[legendStyleName("evaluation", evaluation)] = legendStyle(look);
  return styles;
}
