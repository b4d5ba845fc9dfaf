/** onOpen's CCHC menu in the built bundle: the status sub-menu, the commands, every handler a global function. */
import { beforeAll, describe, expect, it } from "vitest";
import { STATUSES } from "../../shared/workbook/layout.js";
import { buildBundle, createHost, type FakeHost } from "./fakes/host.js";
import type { FakeMenu } from "./fakes/spreadsheet.js";

let host: FakeHost;
beforeAll(async () => {
  const { outDir } = await buildBundle("gas-menu");
  host = await createHost(outDir);
  host.call("onOpen", { authMode: "LIMITED" });
}, 120_000);

type Item = { caption: string; fn: string };
function items(menu: FakeMenu): Item[] {
  return menu.items.flatMap((i) => (i.kind === "item" ? [{ caption: i.caption, fn: i.fn }] : i.kind === "submenu" ? items(i.menu) : []));
}

describe("onOpen", () => {
  it("adds one CCHC menu whose first entry is the Trạng thái sub-menu with the four statuses", () => {
    expect(host.sheets.ui.menus.map((m) => m.caption)).toEqual(["CCHC"]);
    const first = host.sheets.ui.menus[0]!.items[0]!;
    expect(first.kind).toBe("submenu");
    const sub = (first as { menu: FakeMenu }).menu;
    expect(sub.caption).toBe("Trạng thái");
    expect(items(sub).map((i) => i.caption)).toEqual([...STATUSES]);
  });

  it("lists the commands in Vietnamese", () => {
    const captions = host.sheets.ui.menus[0]!.items.flatMap((i) => (i.kind === "item" ? [i.caption] : []));
    expect(captions).toEqual([
      "Tạo sổ theo dõi từ kế hoạch…",
      "Kiểm tra dữ liệu",
      "Tổng hợp quý…",
      "Chốt quý…",
      "Xuất báo cáo…",
      "Gộp báo cáo các xã…",
    ]);
  });

  it("names only handlers that are global functions of the script", () => {
    const all = items(host.sheets.ui.menus[0]!);
    expect(all).toHaveLength(10);
    const globals = host.globals();
    for (const { fn } of all) expect(globals, fn).toContain(fn);
    expect(new Set(all.map((i) => i.fn)).size).toBe(all.length);
  });

  it("touches no spreadsheet data (a simple trigger runs with limited authorisation)", () => {
    const counts = host.log.snapshot();
    expect(Object.keys(counts).filter((k) => !k.startsWith("Menu.") && !k.startsWith("Ui.") && k !== "SpreadsheetApp.getUi")).toEqual([]);
  });
});

describe("dialog commands", () => {
  it("open the create dialog and the period dialogs preset to the current reporting quarter", () => {
    host.call("cchcShowCreateDialog");
    host.call("cchcShowSummaryDialog");
    host.call("cchcShowCloseDialog");
    host.call("cchcShowExportDialog");
    const shown = host.sheets.ui.dialogs;
    expect(shown.map((d) => d.title)).toEqual(["Tạo sổ theo dõi từ kế hoạch", "Tổng hợp quý", "Chốt quý", "Xuất báo cáo"]);
    expect(shown[0]!.html).toContain("cchcCreateTracker");
    // The fake clock says 10/04/2026: that day belongs to the window of Quý II/2026 (15/03 – 14/06).
    expect(shown[1]!.html).toContain('init({"mode":"summary","quarter":2,"year":2026})');
    expect(shown[2]!.html).toContain('"mode":"close"');
    expect(shown[3]!.html).toContain('"mode":"export"');
  });
});
