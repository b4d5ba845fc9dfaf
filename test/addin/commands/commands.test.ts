import { describe, expect, it } from "vitest";
import { commandHandler, registerCommands, type CommandDeps } from "../../../addin/commands/commands.js";
import { COMMAND_NAMES } from "../../../addin/commands/names.js";
import { createTracker } from "../../../addin/actions/create.js";
import { Session, type Notice } from "../../../addin/session.js";
import { SHEET } from "../../../shared/workbook/layout.js";
import { taskColumnLetter, TASK_FIRST_ROW } from "../../../shared/workbook/build-tracker.js";
import { FakeExcel } from "../fake-excel.js";
import { seedPlan } from "../plans.js";

function deps(excel: FakeExcel): CommandDeps & { shown: Notice[][]; notified: Notice[] } {
  const session = new Session();
  const notified: Notice[] = [];
  session.onNotice((n) => notified.push(n));
  const shown: Notice[][] = [];
  return { host: excel, session, now: () => new Date(2026, 2, 10), show: async (n) => void shown.push(n), shown, notified };
}

function event() {
  const e = { completed: 0, complete: () => void e.completed++ };
  return { e, api: { completed: () => e.complete() } };
}

describe("ribbon commands", () => {
  it("registers every command name once", () => {
    const names: string[] = [];
    registerCommands({ associate: (n) => void names.push(n) }, deps(new FakeExcel()));
    expect(names).toEqual([...COMMAND_NAMES]);
  });

  it("sets a status through the handler, reports success in the pane and completes the event", async () => {
    const excel = new FakeExcel();
    await createTracker(excel, seedPlan(), { asOf: "2026-03-14", replace: false });
    const row = TASK_FIRST_ROW;
    excel.select(SHEET.tasks, `B${row}`);
    const d = deps(excel);
    const { e, api } = event();
    await commandHandler("setStatusInProgress", d)(api);
    expect(e.completed).toBe(1);
    expect(excel.model.get(SHEET.tasks).valueAt(`${taskColumnLetter("status")}${row}`)).toBe("Đang thực hiện");
    expect(d.notified).toEqual([{ kind: "success", text: expect.stringContaining("Đang thực hiện") }]);
    expect(d.shown).toEqual([]);
  });

  it.each(COMMAND_NAMES.map((n) => [n]))("%s: an error becomes a Vietnamese message (pane and dialog) and the event still completes", async (name) => {
    // A workbook that is not a tracker: every command has something to refuse.
    const excel = new FakeExcel();
    excel.type("Sheet1", "A1", [["không phải sổ theo dõi"]]);
    const d = deps(excel);
    const { e, api } = event();
    await commandHandler(name, d)(api);
    expect(e.completed).toBe(1);
    const serious = d.notified.filter((n) => n.kind === "error" || n.kind === "warning");
    expect(serious.length).toBeGreaterThan(0);
    expect(d.shown.flat()).toEqual(serious);
    expect(serious[0]!.text).not.toMatch(/\bat \w+ \(/);
  });

  it("completes the event even when showing the message fails", async () => {
    const excel = new FakeExcel();
    const d = deps(excel);
    d.show = async () => {
      throw new Error("dialogs blocked");
    };
    const { e, api } = event();
    await commandHandler("runQuarterSummary", d)(api);
    expect(e.completed).toBe(1);
    expect(d.notified.at(-1)?.kind).toBe("error");
  });

  it("uses the quarter chosen in the pane (shared session) for Tổng hợp quý", async () => {
    const excel = new FakeExcel();
    await createTracker(excel, seedPlan(), { asOf: "2026-03-14", replace: false });
    const d = deps(excel);
    d.session.settings = { quarter: 3, year: 2026 };
    await commandHandler("runQuarterSummary", d)(event().api);
    expect(excel.sheetNames()).toContain("Tổng hợp Quý III-2026");
  });
});
