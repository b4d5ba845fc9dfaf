/**
 * The derived plan as an editable appendix workbook: a "Phụ lục" sheet with the title block and the task table
 * (STT, content, lead, partners, deadline, requirement, the province task's id) that `cchc parse`/`cchc init` read
 * back like any spreadsheet plan, and a second sheet listing the province-only tasks for the officer to decide.
 */
import { deriveMessages as M } from "../messages/derive.js";
import type { Plan, Task } from "../plan/index.js";
import { CREATED_BY } from "../workbook/layout.js";
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from "../workbook/spec.js";
import { fitRowHeights } from "../workbook/row-height.js";
import { SheetBlock } from "../workbook/table-block.js";

const FONT = "Times New Roman";

const STYLES: Record<string, CellStyle> = {
  title: { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  subtitle: { fontName: FONT, fontSize: 13, bold: true, hAlign: "center", vAlign: "middle", wrap: true },
  italic: { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "middle", wrap: true },
  header: { fontName: FONT, fontSize: 12, bold: true, hAlign: "center", vAlign: "middle", wrap: true, border: "thin", fill: "F2F2F2" },
  text: { fontName: FONT, fontSize: 12, vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
  center: { fontName: FONT, fontSize: 12, hAlign: "center", vAlign: "top", wrap: true, border: "thin", numFmt: "@" },
};

const t = (v: string, s = "text"): CellSpec => ({ v, s });

/** One task row of the appendix: the cells a plan reader reads back (units one per line, as plans write them). */
function taskRow(task: Task): CellSpec[] {
  return [
    t(task.id, "center"),
    t(task.title),
    t(task.leads.join("; ")),
    t(task.partners.join("; ")),
    t(task.deadline.raw, "center"),
    t(task.requirement ?? ""),
    t(task.provinceTaskId ?? "", "center"),
  ];
}

/** The "Phụ lục" sheet: a title the metadata reader recognises ("KẾ HOẠCH" / "Cải cách hành chính xã X năm Y"). */
function appendixSheet(plan: Plan): SheetSpec {
  const headers = M.appendixHeaders;
  const block = new SheetBlock(headers.length);
  block.line(t(M.appendixHeading, "title"), 22);
  block.line(t(plan.title.replace(/^Kế hoạch\s+/u, ""), "subtitle"), 36);
  if (plan.derivedFrom) block.line(t(M.appendixSource(plan.derivedFrom.title), "italic"), 36);
  block.blank();
  const headerRow = block.header(headers, 36);
  for (const task of plan.tasks) block.row(taskRow(task));
  return block.sheet(M.appendixSheet, "plan", [6, 60, 24, 24, 16, 22, 12], {
    freeze: { rows: headerRow, cols: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: [headerRow, headerRow] },
  });
}

/** The province-only tasks: listed, not read as the plan (the plan reader takes the first task table). */
function provinceOnlySheet(plan: Plan): SheetSpec | null {
  const tasks = plan.derivedFrom?.provinceOnly ?? [];
  if (tasks.length === 0) return null;
  const headers = M.provinceOnlyHeaders;
  const block = new SheetBlock(headers.length);
  block.line(t(M.provinceOnlyIntro, "italic"), 48);
  block.blank();
  block.header(headers, 36);
  for (const task of tasks) {
    block.row([t(task.id, "center"), t(task.title), t(task.leads.join("; ")), t(task.deadline.raw, "center"), t(task.reason)]);
  }
  return block.sheet(M.provinceOnlySheet, "provinceOnly", [12, 60, 24, 16, 40], {
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  });
}

/** The appendix workbook of a derived plan. */
export function planAppendixSpec(plan: Plan): WorkbookSpec {
  const extra = provinceOnlySheet(plan);
  return {
    // Wrapped cells need explicit heights: LibreOffice and Excel print fixed-height rows over each other.
    sheets: (extra ? [appendixSheet(plan), extra] : [appendixSheet(plan)]).map((s) => fitRowHeights(s, STYLES)),
    styles: STYLES,
    definedNames: [],
    properties: { title: plan.title, creator: CREATED_BY },
    activeSheet: M.appendixSheet,
  };
}
