/**
 * The province workbook's sheets for `--province-plan` (issue 18): an overview row per province task (communes
 * carrying it, done, in progress, not started, dropped, overdue), one sheet per province task listing its
 * communes, and the links sheet where the officer reviews every commune task's link.
 */
import { deriveMessages as M } from "../messages/derive.js";
import { colLetter } from "../workbook/a1.js";
import type { CellSpec, SheetSpec } from "../workbook/spec.js";
import { SheetBlock } from "../workbook/table-block.js";
import type { ProvinceTaskCount, ProvinceTaskView } from "./province-tasks.js";

const t = (v: string, s = "text"): CellSpec => ({ v, s });
const n = (v: number, s = "int"): CellSpec => ({ v, s });

/** Print setup of these sheets: A4 landscape, fit to width, the header repeated. */
function print(headerRow: number, lastRow: number, width: number): SheetSpec["print"] {
  return { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [headerRow, headerRow], area: `A1:${colLetter(width)}${lastRow}` };
}

/** The overview: one row per province task. */
function overviewSheet(view: ProvinceTaskView, label: string): SheetSpec {
  const headers = M.provinceTasksHeaders;
  const b = new SheetBlock(headers.length);
  b.line(t(M.provinceTasksTitle(label), "title"), 36);
  b.line(t(M.provinceTasksNote, "subtitle"), 32);
  b.blank();
  const headerRow = b.header(headers, 32);
  for (const p of view.provinceTasks) {
    b.row([t(p.id, "center"), t(p.title), t(p.deadline, "centerText"), n(p.communes, "intBold"), n(p.done, "intDone"), n(p.inProgress), n(p.notStarted), n(p.dropped, "intMuted"), n(p.overdue, p.overdue ? "intOverdue" : "int")]);
  }
  return b.sheet(M.provinceTasksSheet, "province-tasks", [8, 60, 14, 10, 10, 10, 10, 10, 9], {
    freeze: { rows: headerRow, cols: 2 },
    print: print(headerRow, b.rows.length, headers.length),
  });
}

/** One province task: its communes and where each stands. */
function taskSheet(p: ProvinceTaskCount, name: string): SheetSpec {
  const headers = M.provinceTaskHeaders;
  const b = new SheetBlock(headers.length);
  b.line(t(M.provinceTaskTitle(p.id, p.title), "title"), 48);
  b.blank();
  const headerRow = b.header(headers, 28);
  p.units.forEach((u, i) => {
    b.row([n(i + 1), t(u.unit), t(u.ids.join("; "), "center"), t(M.communeStates[u.state], u.state === "done" ? "statusDone" : "statusOther"), t(u.overdue ? M.overdueMark : "", u.overdue ? "statusLate" : "statusOther")]);
  });
  if (p.units.length === 0) b.line(t(M.noCommune, "note"));
  return b.sheet(name, "province-task", [6, 30, 14, 18, 12], { print: print(headerRow, b.rows.length, headers.length) });
}

/** Every commune task's link, for review. */
function linksSheet(view: ProvinceTaskView, titles: ReadonlyMap<string, string>): SheetSpec {
  const headers = M.linksHeaders;
  const b = new SheetBlock(headers.length);
  b.line(t(M.linksTitle, "title"), 24);
  b.line(t(M.linksNote, "subtitle"), 32);
  b.blank();
  const headerRow = b.header(headers, 28);
  for (const l of view.links) {
    const key = `${l.unit}\u001f${l.id}`;
    b.row([t(l.unit), t(l.id, "center"), t(titles.get(key) ?? ""), t(l.provinceTaskId ?? M.noMatch, "center"), { v: l.score, s: "percent" }, t(M.linkSources[l.source], "center")]);
  }
  const last = Math.max(b.rows.length, headerRow);
  return b.sheet(M.linksSheet, "province-links", [24, 10, 60, 10, 9, 18], {
    freeze: { rows: headerRow, cols: 0 },
    autoFilter: `A${headerRow}:${colLetter(headers.length)}${last}`,
    print: print(headerRow, last, headers.length),
  });
}

/** The sheets of the province view, in order: overview, one per province task, links. `titles` keys "unit\u001fid". */
export function provinceTaskSheets(view: ProvinceTaskView, label: string, titles: ReadonlyMap<string, string>): SheetSpec[] {
  const used = new Set<string>();
  const perTask = view.provinceTasks.map((p) => {
    let name = M.provinceTaskSheet(p.id).replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${M.provinceTaskSheet(p.id).slice(0, 26)} (${k})`;
    used.add(name.toLowerCase());
    return taskSheet(p, name);
  });
  return [overviewSheet(view, label), ...perTask, linksSheet(view, titles)];
}
