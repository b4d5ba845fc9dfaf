/**
 * The offline web app's page: the task pane's building blocks (addin/taskpane/ui.ts) bound to the web use-cases,
 * which take the chosen files' bytes and give back files the browser downloads. Nothing is sent anywhere.
 */
import type { Finding } from "../shared/entries/schema.js";
import { parseExpectedUnits } from "../shared/merge/rollup.js";
import { taskpaneMessages as T, webMessages as W } from "../shared/messages/index.js";
import type { ExportFormat } from "../addin/actions/export.js";
import { localIso, type PeriodSettings } from "../addin/actions/period.js";
import type { Notice } from "../addin/session.js";
import { mergeNotices } from "../addin/taskpane/pane.js";
import { applyLabels, bindPicker, busyState, byId, fileBytes, mountPeriod, nextFrame, noticeArea, planWarningNotices } from "../addin/taskpane/ui.js";
import { droppedFiles, inputFiles, type NamedFile } from "./dropped-files.js";
import { checkTracker, exportFile, makeTracker, mergeTrackers, readPlanSource, summariseFile, type InputFile, type MadeFile } from "./use-cases.js";

/** What the page needs from its surroundings. */
export interface WebDeps {
  now: () => Date;
  /** Saves a made file (a browser download). */
  download: (file: MadeFile) => void;
}

/** Findings listed in a message (the rest are counted). */
const MAX_FINDINGS = 30;

async function inputFile(f: NamedFile | File): Promise<InputFile> {
  const file = f instanceof File ? f : f.file;
  return { name: f.name, bytes: await fileBytes(file), modified: new Date(file.lastModified) };
}

/** "Nhiệm vụ!K7: …" lines of findings, capped. */
export function findingLines(findings: readonly Finding[]): string[] {
  const lines = findings.map((f) => `${f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}: ` : ""}${f.message}${f.hint ? ` ${f.hint}` : ""}`);
  const shown = lines.slice(0, MAX_FINDINGS);
  if (lines.length > shown.length) shown.push(W.moreFindings(lines.length - shown.length));
  return shown;
}

/** Mounts the web app on the page. */
export function mountWebApp(doc: Document, deps: WebDeps): void {
  const { now } = deps;
  const $ = <E extends HTMLElement>(id: string) => byId<E>(doc, id);
  applyLabels(doc, W.labels);
  const show = noticeArea(doc, $("messages"));
  const busy = busyState(doc, show);
  const holder: { settings: PeriodSettings } = { settings: {} };
  const period = mountPeriod(doc, holder, now, show);
  const today = () => new Date(`${localIso(now())}T00:00:00Z`);
  const deliver = (file: MadeFile) => deps.download(file);

  // ---------------------------------------------------------------- 1. create
  const planFile = $<HTMLInputElement>("plan-file");
  bindPicker(planFile, $("plan-file-name"));
  const planText = $<HTMLTextAreaElement>("plan-text");
  const unit = $<HTMLInputElement>("unit");
  const year = $<HTMLInputElement>("year");
  $("create-button").addEventListener("click", () => {
    const file = planFile.files?.[0];
    const text = planText.value.trim();
    if (!file && !text) return show({ kind: "warning", text: T.noPlan });
    const yearValue = year.value.trim();
    if (yearValue && !/^\d{4}$/.test(yearValue)) return show({ kind: "warning", text: T.badYear });
    void busy.run(T.readingPlan(file?.name ?? ""), async () => {
      const plan = await readPlanSource(file ? { file: await inputFile(file) } : { text });
      const made = await makeTracker(plan, {
        ...(unit.value.trim() ? { unit: unit.value.trim() } : {}),
        ...(yearValue ? { year: Number(yearValue) } : {}),
        asOf: localIso(period().asOf),
        now: now(),
      });
      deliver(made.file);
      return [{ kind: "success", text: W.created(plan.tasks.length, made.unit, made.year, made.file.fileName) }, ...planWarningNotices(plan.warnings)];
    });
  });

  // ---------------------------------------------------------------- 3. check and summarise
  const trackerFile = $<HTMLInputElement>("tracker-file");
  bindPicker(trackerFile, $("tracker-file-name"));
  const closeQuarter = $<HTMLInputElement>("close-quarter");
  const chosenTracker = () => trackerFile.files?.[0];
  $("check-button").addEventListener("click", () => {
    const file = chosenTracker();
    if (!file) return show({ kind: "warning", text: W.noTracker });
    void busy.run(W.reading(file.name), async () => {
      const r = checkTracker(await inputFile(file), today());
      if (r.findings.length === 0) return [{ kind: "success", text: W.checkClean(file.name, r.tasks) }];
      const errors = r.findings.filter((f) => f.severity === "error").length;
      return [{ kind: errors > 0 ? "warning" : "info", text: W.checkFound(file.name, errors, r.findings.length - errors), details: findingLines(r.findings) }];
    });
  });
  $("summary-button").addEventListener("click", () => {
    const file = chosenTracker();
    if (!file) return show({ kind: "warning", text: W.noTracker });
    void busy.run(T.summarising, async () => {
      const r = await summariseFile(await inputFile(file), period(), { close: closeQuarter.checked, now: now(), today: today() });
      deliver(r.file);
      const t = r.summary.totals;
      const notices: Notice[] = [{ kind: "success", text: W.summaryDone(r.summary.period.label, t.done, t.total, r.file.fileName) }];
      if (r.closed) notices.push({ kind: "info", text: r.closed.now ? W.closedNow(r.closed.sheet) : W.closedBefore(r.closed.sheet) });
      const errors = r.findings.filter((f) => f.severity === "error").length;
      if (r.findings.length > 0) notices.push({ kind: "warning", text: W.summaryFindings(errors, r.findings.length - errors) });
      return notices;
    });
  });

  // ---------------------------------------------------------------- 4. merge
  let mergeChoice: NamedFile[] = [];
  const mergeName = $("merge-files-name");
  const mergeInput = $<HTMLInputElement>("merge-files");
  const folderInput = $<HTMLInputElement>("merge-folder");
  const refresh = bindPicker(mergeInput, mergeName, () => mergeChoice.map((f) => f.name));
  const choose = (files: NamedFile[]) => {
    mergeChoice = files;
    refresh();
  };
  mergeInput.addEventListener("change", () => choose(inputFiles(mergeInput.files)));
  folderInput.addEventListener("change", () => choose(inputFiles(folderInput.files)));
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer) void busy.run(W.collecting, async () => (choose(await droppedFiles(e.dataTransfer!)), []));
  });
  // A file dropped anywhere else would make the browser open it in place of the app.
  for (const type of ["dragover", "drop"]) doc.addEventListener(type, (e) => e.preventDefault());
  const expected = $<HTMLTextAreaElement>("expected");
  $("merge-button").addEventListener("click", () => {
    const files = mergeChoice;
    if (files.length === 0) return show({ kind: "warning", text: T.noFiles });
    void busy.run(T.readingFile(1, files.length, files[0]!.name), async () => {
      const chosen: InputFile[] = [];
      for (const f of files) chosen.push(await inputFile(f));
      const units = parseExpectedUnits(expected.value);
      const r = await mergeTrackers(chosen, period(), {
        ...(units.length > 0 ? { expected: units } : {}),
        now: now(),
        onProgress: async (i, n, name) => {
          busy.progress(T.readingFile(i, n, name), (i - 1) / n);
          // Repaint now and then so the bar moves during a long merge.
          if (i % 5 === 1) await nextFrame();
        },
      });
      deliver(r.file);
      return [...mergeNotices(r.rollup), { kind: "info", text: W.made(r.file.fileName) }];
    });
  });

  // ---------------------------------------------------------------- 5. export
  const exportInput = $<HTMLInputElement>("export-file");
  bindPicker(exportInput, $("export-file-name"));
  const format = $<HTMLSelectElement>("format");
  $("export-button").addEventListener("click", () => {
    const file = exportInput.files?.[0];
    if (!file) return show({ kind: "warning", text: W.noExportFile });
    void busy.run(T.exporting, async () => {
      const r = await exportFile(await inputFile(file), format.value as ExportFormat, period());
      deliver(r.file);
      return [{ kind: "success", text: W.made(r.file.fileName) }];
    });
  });
}
