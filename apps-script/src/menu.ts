/**
 * The CCHC menu. Each item names a global function (an export of index.ts, forwarded by the build's footer); a test
 * checks that every name here is a function in the built bundle.
 */
import { sheetsMenuMessages as M } from "../../shared/messages/sheets.js";
import { STATUSES, type Status } from "../../shared/workbook/layout.js";

/** The global handler of each status item of the "Trạng thái" sub-menu. */
export const STATUS_HANDLERS: Readonly<Record<Status, string>> = {
  "Chưa triển khai": "cchcStatusNotStarted",
  "Đang thực hiện": "cchcStatusInProgress",
  "Hoàn thành": "cchcStatusDone",
  "Không thực hiện": "cchcStatusDropped",
};

/** The global handlers of the other menu items. */
export const MENU_HANDLERS = {
  createTracker: "cchcShowCreateDialog",
  check: "cchcCheck",
  summary: "cchcShowSummaryDialog",
  closeQuarter: "cchcShowCloseDialog",
  merge: "cchcShowMergeDialog",
  export: "cchcShowExportDialog",
} as const;

/** One entry of the menu as data: an item, a separator or the status sub-menu. */
export type MenuEntry =
  | { kind: "item"; label: string; handler: string }
  | { kind: "separator" }
  | { kind: "submenu"; label: string; items: Array<{ label: string; handler: string }> };

/** The menu, top to bottom. */
export function menuEntries(): MenuEntry[] {
  return [
    { kind: "submenu", label: M.statusSubmenu, items: STATUSES.map((s) => ({ label: s, handler: STATUS_HANDLERS[s] })) },
    { kind: "separator" },
    { kind: "item", label: M.createTracker, handler: MENU_HANDLERS.createTracker },
    { kind: "item", label: M.check, handler: MENU_HANDLERS.check },
    { kind: "separator" },
    { kind: "item", label: M.summary, handler: MENU_HANDLERS.summary },
    { kind: "item", label: M.closeQuarter, handler: MENU_HANDLERS.closeQuarter },
    { kind: "item", label: M.export, handler: MENU_HANDLERS.export },
    { kind: "separator" },
    { kind: "item", label: M.merge, handler: MENU_HANDLERS.merge },
  ];
}

/** Adds the CCHC menu to the spreadsheet's UI. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(M.menu);
  for (const e of menuEntries()) {
    if (e.kind === "separator") menu.addSeparator();
    else if (e.kind === "item") menu.addItem(e.label, e.handler);
    else {
      const sub = ui.createMenu(e.label);
      for (const item of e.items) sub.addItem(item.label, item.handler);
      menu.addSubMenu(sub);
    }
  }
  menu.addToUi();
}
