import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { readEntries } from "../../../shared/entries/read.js";
import type { GridValue } from "../../../shared/entries/grid.js";
import { createRollup, mergeUnitKey, parseExpectedUnits, type RollupInput } from "../../../shared/merge/rollup.js";
import { ProvinceRollup } from "../../../shared/merge/schema.js";
import { summarise } from "../../../shared/summary/summarise.js";
import { date, defaultMeta, trackerGrid, type RowValues } from "../entries/tracker-grid.js";

const TODAY = new Date("2026-11-21T00:00:00Z");

/** A task row: done (with date and result), in progress, not started, dropped, or a raw status text. */
function row(id: string, status: "done" | "doing" | "todo" | "dropped" | string, extra: RowValues = {}): RowValues {
  const base: RowValues = { id, area: "Cải cách thể chế", title: `Nhiệm vụ ${id}`, leads: "Phòng Kinh tế", deadlineText: "Quý II/2026", due: date("2026-06-30") };
  switch (status) {
    case "done":
      return { ...base, status: "Hoàn thành", progress: 100, completedOn: date("2026-06-20"), result: `Văn bản ${id}`, ...extra };
    case "doing":
      return { ...base, status: "Đang thực hiện", progress: 50, ...extra };
    case "todo":
      return { ...base, ...extra };
    case "dropped":
      return { ...base, status: "Không thực hiện", note: "Không có kinh phí", ...extra };
    default:
      return { ...base, status, ...extra };
  }
}

/** A unit's tracker read as the merge reads it. */
function unit(name: string, rows: RowValues[], meta: Record<string, GridValue> = {}, file = `${name}.xlsx`): RollupInput {
  const ids = rows.map((r) => r.id).filter((x): x is string => typeof x === "string");
  return readEntries(trackerGrid({ rows, file, meta: { ...defaultMeta(ids), unit: name, ...meta } }), { asOf: TODAY });
}

const Q3 = { quarter: 3 as const, year: 2026 };

describe("createRollup: figures per unit and for the province", () => {
  const a = unit("xã An Khánh", [row("1", "done"), row("2", "done"), row("3", "doing"), row("4", "dropped")]);
  const b = unit("xã Cao Minh", [row("1", "done"), row("2", "todo"), row("3", "doing"), row("4", "todo")]);
  const c = unit("xã Phú Thịnh", [row("1", "done"), row("2", "done"), row("3", "doing"), row("4", "dropped")]);
  const r = createRollup(Q3);
  r.add({ name: "a.xlsx" }, a);
  r.add({ name: "b.xlsx" }, b);
  r.add({ name: "c.xlsx" }, c);
  const out = r.finish();

  it("satisfies its schema", () => {
    expect(ProvinceRollup.parse(out)).toEqual(out);
  });

  it("gives each unit the figures its own summary gives", () => {
    for (const [input, name] of [[a, "xã An Khánh"], [b, "xã Cao Minh"], [c, "xã Phú Thịnh"]] as const) {
      const own = summarise((input as { entries: NonNullable<ReturnType<typeof readEntries>["entries"]> }).entries, Q3);
      expect(out.units.find((u) => u.unit === name)!.totals).toEqual(own.totals);
    }
  });

  it("ranks by completion rate, equal rates sharing a rank", () => {
    // a and c: 2 done of 3 (one dropped) = 0.6667; b: 1 of 4 = 0.25.
    expect(out.units.map((u) => [u.unit, u.totals.completionRate, u.rank])).toEqual([
      ["xã An Khánh", 0.6667, 1],
      ["xã Phú Thịnh", 0.6667, 1],
      ["xã Cao Minh", 0.25, 3],
    ]);
  });

  it("adds the units up for the province, overall and by area", () => {
    expect(out.totals.total).toBe(12);
    expect(out.totals.done).toBe(5);
    expect(out.totals.dropped).toBe(2);
    expect(out.totals.completionRate).toBe(0.5);
    expect(out.byArea).toEqual([{ area: "Cải cách thể chế", totals: out.totals }]);
  });

  it("keeps every row with its unit and file, units in name order", () => {
    expect(out.rows).toHaveLength(12);
    expect(out.rows.map((x) => x.unit)).toEqual([...Array(4).fill("xã An Khánh"), ...Array(4).fill("xã Cao Minh"), ...Array(4).fill("xã Phú Thịnh")]);
    expect(out.rows[0]).toMatchObject({ file: "a.xlsx", id: "1", standing: "doneOnTime", evaluation: "Hoàn thành đúng hạn" });
    expect(out.rows.find((x) => x.unit === "xã Cao Minh" && x.id === "2")).toMatchObject({ standing: "notStarted", overdue: true, evaluation: "Quá hạn" });
  });

  it("shows each task across the units that track the same plan", () => {
    expect(out.planViews).toHaveLength(1);
    const view = out.planViews[0]!;
    expect(view.units).toEqual(["xã An Khánh", "xã Cao Minh", "xã Phú Thịnh"]);
    expect(view.tasks.map((t) => [t.id, t.done])).toEqual([["1", 3], ["2", 2], ["3", 0], ["4", 0]]);
    expect(view.tasks[1]!.cells.map((x) => x?.standing)).toEqual(["doneOnTime", "notStarted", "doneOnTime"]);
  });

  it("accounts for every row", () => {
    expect(out.accounting).toEqual({ files: 3, rowsRead: 12, rowsMerged: 12, rowsListed: 0, listed: {} });
  });
});

describe("createRollup: nothing is dropped silently", () => {
  const good = unit("xã An Khánh", [row("1", "done"), row("2", "doing")]);
  const older = unit("xã Cao Minh", [row("1", "todo"), row("2", "todo"), row("3", "todo")]);
  const newer = unit("XÃ  CAO MINH", [row("1", "done"), row("2", "doing"), row("3", "doing")]);
  const lastYear = unit("xã Phú Thịnh", [row("1", "done")], { year: 2025 });
  const otherTemplate = unit("xã Xuân Dương", [row("1", "done"), row("2", "done")], { schemaVersion: "9" });
  const noMeta = readEntries(trackerGrid({ rows: [row("1", "done")], meta: null, file: "khong-meta.xlsx" }), { asOf: TODAY });
  const noUnit = unit("", [row("1", "done")]);
  const dupRows = unit("xã Tân Phú", [row("1", "done"), row("2", "doing"), row("2", "done"), { title: "Ghi thêm", status: "Hoàn thành" }]);
  const unusable: RollupInput = { unusable: new UnusableInputError("Tệp hỏng.xlsx bị hỏng (không giải nén được).", { file: "hỏng.xlsx" }) };

  const r = createRollup({ ...Q3, expected: ["Xã An Khánh", "xã Cao Minh", "xã Phú Thịnh", "xã Hòa Bình", "xã Tân Phú"] });
  r.add({ name: "an-khanh.xlsx", modified: new Date("2026-09-10T00:00:00Z") }, good);
  r.add({ name: "cao-minh-moi.xlsx", modified: new Date("2026-09-12T00:00:00Z") }, newer);
  r.add({ name: "cao-minh-cu.xlsx", modified: new Date("2026-09-01T00:00:00Z") }, older);
  r.add({ name: "phu-thinh-2025.xlsx" }, lastYear);
  r.add({ name: "xuan-duong.xlsx" }, otherTemplate);
  r.add({ name: "khong-meta.xlsx" }, noMeta);
  r.add({ name: "khong-don-vi.xlsx" }, noUnit);
  r.add({ name: "tan-phu.xlsx" }, dupRows);
  r.add({ name: "hỏng.xlsx" }, unusable);
  r.addSkipped("ghi-chu.txt", "Tệp ghi-chu.txt không phải sổ theo dõi .xlsx nên không được gộp.");
  const out = r.finish();
  const outcome = (file: string) => out.files.find((f) => f.file === file)!;

  it("keeps the newest of a unit's submissions (spelling variants are the same unit) and lists both", () => {
    expect(out.duplicates).toEqual([{ unit: "xã Cao Minh", files: ["cao-minh-moi.xlsx", "cao-minh-cu.xlsx"], kept: "cao-minh-moi.xlsx" }]);
    expect(out.units.find((u) => u.unitKey === mergeUnitKey("xã Cao Minh"))!.file).toBe("cao-minh-moi.xlsx");
    expect(outcome("cao-minh-cu.xlsx")).toMatchObject({ outcome: "duplicate", rows: 3, keptFile: "cao-minh-moi.xlsx" });
    expect(out.findings.some((f) => f.file === "cao-minh-cu.xlsx" && f.code === "fileDuplicate")).toBe(true);
  });

  it.each([
    ["phu-thinh-2025.xlsx", "otherYear", 1],
    ["xuan-duong.xlsx", "otherTemplate", 2],
    ["khong-meta.xlsx", "notTracker", 1],
    ["khong-don-vi.xlsx", "noUnit", 1],
    ["hỏng.xlsx", "unusable", 0],
    ["ghi-chu.txt", "notXlsx", 0],
  ])("lists %s as %s with its %i rows", (file, reason, rows) => {
    expect(outcome(file)).toMatchObject({ outcome: reason, rows });
    expect(out.findings.some((f) => f.file === file)).toBe(true);
    expect(out.rows.some((x) => x.file === file)).toBe(false);
  });

  it("lists the rows a reader set aside inside a merged file", () => {
    expect(outcome("tan-phu.xlsx")).toMatchObject({ outcome: "merged", rows: 4 });
    expect(out.rows.filter((x) => x.file === "tan-phu.xlsx").map((x) => x.id)).toEqual(["1", "2"]);
    expect(out.accounting.listed.duplicateTask).toBe(1);
    expect(out.accounting.listed.noId).toBe(1);
  });

  it("accounts for every row: read = merged + listed, by reason", () => {
    const a = out.accounting;
    expect(a.rowsRead).toBe(a.rowsMerged + a.rowsListed);
    expect(Object.values(a.listed).reduce((s, n) => s + n, 0)).toBe(a.rowsListed);
    expect(a.rowsMerged).toBe(out.rows.length);
    // 2 + 3 (kept) + 4 read of which 2 merged; 3 duplicate, 1 other year, 2 other template, 1 no meta, 1 no unit.
    expect(a).toMatchObject({ files: 10, rowsRead: 2 + 3 + 3 + 1 + 2 + 1 + 1 + 4, rowsMerged: 2 + 3 + 2 });
    expect(a.listed).toEqual({ duplicate: 3, otherYear: 1, otherTemplate: 2, notTracker: 1, noUnit: 1, duplicateTask: 1, noId: 1 });
  });

  it("lists expected units that did not report, matching spelling variants", () => {
    // Phú Thịnh sent only last year's tracker: it has not reported.
    expect(out.missing).toEqual(["xã Hòa Bình", "xã Phú Thịnh"]);
    expect(out.expectedGiven).toBe(true);
    expect(out.units.every((u) => u.expected)).toBe(true);
  });
});

describe("createRollup: edge cases", () => {
  it("does not take communes whose names differ only in diacritics for one", () => {
    const r = createRollup({ ...Q3, expected: ["xã Thanh Hà", "xã Thạnh Hà"] });
    r.add({ name: "1.xlsx" }, unit("xã Thanh Hà", [row("1", "done")]));
    r.add({ name: "2.xlsx" }, unit("xã Thạnh Hà", [row("1", "todo")]));
    const out = r.finish();
    expect(out.units).toHaveLength(2);
    expect(out.duplicates).toEqual([]);
    expect(out.missing).toEqual([]);
  });

  it("matches old and new tone-mark placement and letter case", () => {
    expect(mergeUnitKey("Xã  Hoà  Bình")).toBe(mergeUnitKey("xã Hòa Bình"));
    expect(mergeUnitKey("xã Thanh Hà")).not.toBe(mergeUnitKey("xã Thạnh Hà"));
  });

  it("flags a unit that is not on the expected list, and still merges it", () => {
    const r = createRollup({ ...Q3, expected: ["xã An Khánh"] });
    r.add({ name: "x.xlsx" }, unit("xã Lạ", [row("1", "done")]));
    const out = r.finish();
    expect(out.units[0]).toMatchObject({ unit: "xã Lạ", expected: false });
    expect(out.findings.map((f) => f.code)).toContain("unitUnexpected");
    expect(out.missing).toEqual(["xã An Khánh"]);
  });

  it("keeps the later file when times are equal or unknown", () => {
    const r = createRollup(Q3);
    r.add({ name: "1.xlsx" }, unit("xã A", [row("1", "todo")]));
    r.add({ name: "2.xlsx" }, unit("xã A", [row("1", "done")]));
    expect(r.finish().duplicates).toEqual([{ unit: "xã A", files: ["1.xlsx", "2.xlsx"], kept: "2.xlsx" }]);
  });

  it("uses a closed quarter's frozen rows, as the unit's own summary does", () => {
    const rows = [row("1", "done"), row("2", "doing")];
    const input = unit("xã A", rows);
    const entries = (input as { entries: NonNullable<ReturnType<typeof readEntries>["entries"]> }).entries;
    const closed = { ...entries, closes: [{ sheet: "Chốt Quý III-2026", quarter: 3, year: 2026, from: "2026-06-15", to: "2026-09-14", asOf: "2026-09-14", closedOn: "2026-09-15", rows: [entries.rows[0]!], intact: true }] };
    const r = createRollup(Q3);
    r.add({ name: "a.xlsx" }, { entries: closed, findings: [] });
    const out = r.finish();
    expect(out.units[0]!.source).toBe("closed");
    expect(out.rows).toHaveLength(1);
    expect(out.accounting).toMatchObject({ rowsRead: 1, rowsMerged: 1 });
  });

  it("reports nothing usable as no units", () => {
    const r = createRollup(Q3);
    r.add({ name: "x.xlsx" }, { unusable: new UnusableInputError("hỏng", { file: "x.xlsx" }) });
    const out = r.finish();
    expect(out.units).toEqual([]);
    expect(out.totals.total).toBe(0);
    expect(out.files).toHaveLength(1);
  });
});

describe("parseExpectedUnits", () => {
  it.each([
    ["one a line", "xã An Khánh\nxã Cao Minh\n", ["xã An Khánh", "xã Cao Minh"]],
    ["blank lines, comments, CRLF, BOM", "\uFEFF# Danh sách\r\n\r\nxã An Khánh\r\n", ["xã An Khánh"]],
    ["numbered lines", "1. xã An Khánh\n2) xã Cao Minh\n3\txã Phú Thịnh", ["xã An Khánh", "xã Cao Minh", "xã Phú Thịnh"]],
    ["a spreadsheet column pasted with its number", "12\txã Hòa Bình\tghi chú", ["xã Hòa Bình"]],
    ["spelling variants once", "xã Hoà Bình\nXã  Hòa Bình", ["xã Hòa Bình"]],
  ])("%s", (_label, text, expected) => {
    expect(parseExpectedUnits(text).map((u) => u.toLocaleLowerCase("vi"))).toEqual(expected.map((u) => u.toLocaleLowerCase("vi")));
  });
});
