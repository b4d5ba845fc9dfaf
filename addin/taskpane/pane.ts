/**
 * The task pane: binds the page (taskpane.html) to the actions. Plain DOM, no framework; the building blocks
 * (messages, busy line, pickers, period card) are in ui.ts, shared with the offline web app. Every action runs
 * through `busy.run()`: buttons disabled, a progress line, errors turned into messages (never an uncaught rejection).
 */
import { parseExpectedUnits } from "../../shared/merge/rollup.js";
import { taskpaneMessages as T } from "../../shared/messages/index.js";
import type { IsoDate } from "../../shared/plan/schema.js";
import { createTracker, readPlan, type PlanSource } from "../actions/create.js";
import type { ExportFile, ExportFormat } from "../actions/export.js";
import type { ChosenFile } from "../actions/merge.js";
import { runCommand } from "../commands/commands.js";
import type { ExcelHost } from "../excel/host.js";
import { renderWarnings } from "../notices.js";
import type { Notice, Session } from "../session.js";
import { applyLabels, bindPicker, busyState, byId, fileBytes, mountPeriod, nextFrame, noticeArea, planWarningNotices } from "./ui.js";

export { applyLabels } from "./ui.js";

/** What the pane needs from its surroundings. */
export interface PaneDeps {
  host: ExcelHost;
  session: Session;
  now: () => Date;
  /** Saves a made file (a browser download). */
  download: (file: Pick<ExportFile, "fileName" | "mime" | "bytes">) => void;
  /** False when the page runs outside Excel (no Excel API): the pane says where it belongs. */
  inExcel: boolean;
}

/** Mounts the pane on the page. */
export function mountTaskPane(doc: Document, deps: PaneDeps): void {
  const { host, session, now } = deps;
  const $ = <E extends HTMLElement>(id: string) => byId<E>(doc, id);
  applyLabels(doc);
  const show = noticeArea(doc, $("messages"));
  // Ribbon commands run in this runtime (shared runtime) and report here.
  session.onNotice(show);
  const busy = busyState(doc, show);
  if (!deps.inExcel) show({ kind: "info", text: T.outsideExcel });

  const period = mountPeriod(doc, session, now, show);
  const commandDeps = () => ({ host, session, now, show: async () => undefined });
  $<HTMLButtonElement>("check-button").addEventListener("click", () => void busy.run(T.checking, () => runCommand("runCheck", commandDeps())));
  $<HTMLButtonElement>("summary-button").addEventListener("click", () => void busy.run(T.summarising, () => runCommand("runQuarterSummary", commandDeps())));

  // ---------------------------------------------------------------- create
  const planFile = $<HTMLInputElement>("plan-file");
  bindPicker(planFile, $("plan-file-name"));
  const planText = $<HTMLTextAreaElement>("plan-text");
  const unit = $<HTMLInputElement>("unit");
  const year = $<HTMLInputElement>("year");
  const createReplace = $<HTMLInputElement>("create-replace");
  $<HTMLButtonElement>("create-button").addEventListener("click", () => {
    const file = planFile.files?.[0];
    const text = planText.value.trim();
    if (!file && !text) return show({ kind: "warning", text: T.noPlan });
    const yearValue = year.value.trim();
    if (yearValue && !/^\d{4}$/.test(yearValue)) return show({ kind: "warning", text: T.badYear });
    void busy.run(T.readingPlan(file?.name ?? ""), async () => {
      const source: PlanSource = file ? { kind: "file", bytes: await fileBytes(file), fileName: file.name } : { kind: "text", text };
      const plan = await readPlan(source);
      busy.progress(T.writingTracker);
      await nextFrame();
      const result = await createTracker(host, plan, {
        ...(unit.value.trim() ? { unit: unit.value.trim() } : {}),
        ...(yearValue ? { year: Number(yearValue) } : {}),
        asOf: isoOf(period().asOf),
        replace: createReplace.checked,
      });
      const notices: Notice[] = [{ kind: "success", text: T.created(plan.tasks.length, result.unit, result.year) }];
      return [...notices, ...planWarningNotices(plan.warnings), ...renderWarnings(result.render)];
    });
  });

  // ---------------------------------------------------------------- merge
  const mergeFiles = $<HTMLInputElement>("merge-files");
  bindPicker(mergeFiles, $("merge-files-name"));
  const expected = $<HTMLTextAreaElement>("expected");
  const mergeReplace = $<HTMLInputElement>("merge-replace");
  $<HTMLButtonElement>("merge-button").addEventListener("click", () => {
    const files = Array.from(mergeFiles.files ?? []);
    if (files.length === 0) return show({ kind: "warning", text: T.noFiles });
    void busy.run(T.readingFile(1, files.length, files[0]!.name), async () => {
      const chosen: ChosenFile[] = [];
      for (const f of files) chosen.push({ name: f.name, bytes: await fileBytes(f), modified: new Date(f.lastModified) });
      const units = parseExpectedUnits(expected.value);
      // Loaded on first use: exceljs (reading the .xlsx files) is most of the add-in's code.
      const { mergeIntoWorkbook } = await import("../actions/merge.js");
      const result = await mergeIntoWorkbook(host, chosen, {
        choice: period(),
        ...(units.length > 0 ? { expected: units } : {}),
        replace: mergeReplace.checked,
        onProgress: (i, n, name) => busy.progress(i === n ? T.writingMerge : T.readingFile(i, n, name), (i - 1) / n),
      });
      return [...mergeNotices(result.rollup), ...renderWarnings(result.render)];
    });
  });

  // ---------------------------------------------------------------- export
  const format = $<HTMLSelectElement>("format");
  $<HTMLButtonElement>("export-button").addEventListener("click", () => {
    void busy.run(T.exporting, async () => {
      const { exportReport } = await import("../actions/export.js");
      const file = await exportReport(host, format.value as ExportFormat, period());
      deps.download(file);
      return [{ kind: "success", text: T.exported(file.fileName) }];
    });
  });
}

/** The outcome of a merge: success when units were merged, a warning when none were (nothing to celebrate). */
export function mergeNotices(r: { units: readonly unknown[]; accounting: { rowsMerged: number }; missing: readonly unknown[]; files: ReadonlyArray<{ outcome: string }>; findings: readonly unknown[] }): Notice[] {
  const rejected = r.files.filter((f) => f.outcome !== "merged").length;
  const notices: Notice[] = [
    r.units.length > 0
      ? { kind: "success", text: T.merged(r.units.length, r.accounting.rowsMerged, r.missing.length) }
      : { kind: "warning", text: T.mergedNone(r.files.length, r.missing.length) },
  ];
  if (rejected > 0 || r.findings.length > 0) notices.push({ kind: "warning", text: T.mergeProblems(rejected, r.findings.length) });
  return notices;
}

function isoOf(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}
