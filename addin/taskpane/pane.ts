/**
 * The task pane: binds the page (taskpane.html) to the actions. Plain DOM, no framework. Every action runs through
 * `busy()`: buttons disabled, a progress line, errors turned into messages (never an uncaught rejection).
 */
import { formatViDate, parseTextDate } from "../../shared/entries/dates.js";
import { parseExpectedUnits } from "../../shared/merge/rollup.js";
import { describeLocation } from "../../shared/errors.js";
import { taskpaneMessages as T } from "../../shared/messages/index.js";
import type { IsoDate } from "../../shared/plan/schema.js";
import { isQuarter, quarterPeriod } from "../../shared/summary/periods.js";
import { createTracker, readPlan, type PlanSource } from "../actions/create.js";
import type { ExportFile, ExportFormat } from "../actions/export.js";
import type { ChosenFile } from "../actions/merge.js";
import { resolvePeriod } from "../actions/period.js";
import { runCommand } from "../commands/commands.js";
import type { ExcelHost } from "../excel/host.js";
import { errorNotice, renderWarnings } from "../notices.js";
import type { Notice, Session } from "../session.js";

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

/** Most messages kept on screen; older ones drop off. */
const MAX_NOTICES = 6;
/** Plan warnings listed in a message (the rest are counted). */
const MAX_DETAILS = 12;

type Labels = typeof T.labels;

/** Fills every data-t / data-t-placeholder element with its text from the messages module. */
export function applyLabels(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>("[data-t]"))) {
    const key = el.dataset.t as keyof Labels;
    if (key in T.labels) el.textContent = T.labels[key];
  }
  for (const el of Array.from(doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[data-t-placeholder]"))) {
    const key = el.dataset.tPlaceholder as keyof Labels;
    if (key in T.labels) el.placeholder = T.labels[key];
  }
}

/** Reads a chosen file's bytes. */
async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Lets the page paint (the progress line) before a long synchronous step such as parsing a plan. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Mounts the pane on the page. */
export function mountTaskPane(doc: Document, deps: PaneDeps): void {
  const { host, session, now } = deps;
  const $ = <E extends HTMLElement>(id: string) => doc.getElementById(id) as E;
  applyLabels(doc);

  // ---------------------------------------------------------------- messages and progress
  const messages = $<HTMLElement>("messages");
  const show = (notice: Notice) => {
    const box = doc.createElement("div");
    box.className = `notice notice-${notice.kind}`;
    box.setAttribute("role", notice.kind === "error" ? "alert" : "status");
    const text = doc.createElement("p");
    text.textContent = notice.text;
    box.append(text);
    if (notice.details && notice.details.length > 0) {
      const list = doc.createElement("ul");
      for (const d of notice.details) {
        const li = doc.createElement("li");
        li.textContent = d;
        list.append(li);
      }
      box.append(list);
    }
    const dismiss = doc.createElement("button");
    dismiss.type = "button";
    dismiss.className = "dismiss";
    dismiss.textContent = "×";
    dismiss.title = T.labels.dismiss;
    dismiss.setAttribute("aria-label", T.labels.dismiss);
    dismiss.addEventListener("click", () => box.remove());
    box.append(dismiss);
    messages.prepend(box);
    while (messages.children.length > MAX_NOTICES) messages.lastElementChild?.remove();
  };
  // Ribbon commands run in this runtime (shared runtime) and report here.
  session.onNotice(show);

  const progress = $<HTMLElement>("progress");
  const progressText = $<HTMLElement>("progress-text");
  const setProgress = (text: string | null) => {
    progress.hidden = text === null;
    progressText.textContent = text ?? "";
  };
  const buttons = () => Array.from(doc.querySelectorAll<HTMLButtonElement>("button[data-action]"));
  let running = false;
  const busy = async (label: string, work: () => Promise<Notice[]>) => {
    if (running) return;
    running = true;
    for (const b of buttons()) b.disabled = true;
    setProgress(label);
    try {
      await nextFrame();
      const notices = await work();
      // Shown in reverse so the first (the main outcome) ends on top.
      for (const n of [...notices].reverse()) show(n);
    } catch (e) {
      show(errorNotice(e));
    } finally {
      setProgress(null);
      for (const b of buttons()) b.disabled = false;
      running = false;
    }
  };

  if (!deps.inExcel) show({ kind: "info", text: T.outsideExcel });

  // ---------------------------------------------------------------- period
  const quarter = $<HTMLSelectElement>("quarter");
  const periodYear = $<HTMLInputElement>("period-year");
  const asOf = $<HTMLInputElement>("as-of");
  const periodLine = $<HTMLElement>("period-line");
  const current = resolvePeriod({}, now());
  for (const q of [1, 2, 3, 4]) {
    const option = doc.createElement("option");
    option.value = String(q);
    option.textContent = T.quarterOption(q);
    quarter.append(option);
  }
  quarter.value = String(session.settings.quarter ?? current.quarter);
  periodYear.value = String(session.settings.year ?? current.year);
  asOf.value = session.settings.asOf ? formatViDate(session.settings.asOf) : "";
  const readPeriod = () => {
    const q = Number(quarter.value);
    const y = Number(periodYear.value);
    const validYear = Number.isInteger(y) && y >= 2000 && y <= 2100;
    const typed = asOf.value.trim();
    const date = typed ? parseTextDate(typed) : null;
    asOf.setAttribute("aria-invalid", String(typed !== "" && date === null));
    if (typed !== "" && date === null) show({ kind: "warning", text: T.badDate(typed) });
    session.settings = {
      ...(isQuarter(q) ? { quarter: q } : {}),
      ...(validYear ? { year: y } : {}),
      ...(date ? { asOf: date } : {}),
    };
    const choice = resolvePeriod(session.settings, now());
    const p = quarterPeriod(choice.quarter, choice.year);
    periodLine.textContent = T.periodLine(p.label, formatViDate(p.from), formatViDate(p.to));
  };
  for (const el of [quarter, periodYear, asOf]) el.addEventListener("change", readPeriod);
  readPeriod();

  $<HTMLButtonElement>("check-button").addEventListener("click", () => void busy(T.checking, () => runCommand("runCheck", commandDeps())));
  $<HTMLButtonElement>("summary-button").addEventListener("click", () => void busy(T.summarising, () => runCommand("runQuarterSummary", commandDeps())));
  const commandDeps = () => ({ host, session, now, show: async () => undefined });

  // ---------------------------------------------------------------- file pickers
  const picker = (input: HTMLInputElement, label: HTMLElement) => {
    const update = () => {
      const names = Array.from(input.files ?? []).map((f) => f.name);
      label.textContent = names.length === 0 ? T.noFileChosen : T.filesChosen(names);
      label.title = names.join("\n");
      label.classList.toggle("chosen", names.length > 0);
    };
    input.addEventListener("change", update);
    update();
  };

  // ---------------------------------------------------------------- create
  const planFile = $<HTMLInputElement>("plan-file");
  picker(planFile, $<HTMLElement>("plan-file-name"));
  const planText = $<HTMLTextAreaElement>("plan-text");
  const unit = $<HTMLInputElement>("unit");
  const year = $<HTMLInputElement>("year");
  const createReplace = $<HTMLInputElement>("create-replace");
  $<HTMLButtonElement>("create-button").addEventListener("click", () => {
    const file = planFile.files?.[0];
    const text = planText.value.trim();
    if (!file && !text) {
      show({ kind: "warning", text: T.noPlan });
      return;
    }
    const yearValue = year.value.trim();
    if (yearValue && !/^\d{4}$/.test(yearValue)) {
      show({ kind: "warning", text: T.badYear });
      return;
    }
    void busy(T.readingPlan(file?.name ?? ""), async () => {
      const source: PlanSource = file ? { kind: "file", bytes: await fileBytes(file), fileName: file.name } : { kind: "text", text };
      const plan = await readPlan(source);
      setProgress(T.writingTracker);
      await nextFrame();
      const result = await createTracker(host, plan, {
        ...(unit.value.trim() ? { unit: unit.value.trim() } : {}),
        ...(yearValue ? { year: Number(yearValue) } : {}),
        asOf: isoOf(resolvePeriod(session.settings, now()).asOf),
        replace: createReplace.checked,
      });
      const notices: Notice[] = [{ kind: "success", text: T.created(plan.tasks.length, result.unit, result.year) }];
      if (plan.warnings.length > 0) {
        const lines = plan.warnings.map((w) =>
          T.planWarning(describeLocation({ ...(w.line !== undefined ? { line: w.line } : {}), ...(w.page !== undefined ? { page: w.page } : {}) }), w.message),
        );
        const shown = lines.slice(0, MAX_DETAILS);
        if (lines.length > shown.length) shown.push(`… (+${lines.length - shown.length})`);
        notices.push({ kind: "warning", text: T.planWarnings(plan.warnings.length), details: shown });
      }
      return [...notices, ...renderWarnings(result.render)];
    });
  });

  // ---------------------------------------------------------------- merge
  const mergeFiles = $<HTMLInputElement>("merge-files");
  picker(mergeFiles, $<HTMLElement>("merge-files-name"));
  const expected = $<HTMLTextAreaElement>("expected");
  const mergeReplace = $<HTMLInputElement>("merge-replace");
  $<HTMLButtonElement>("merge-button").addEventListener("click", () => {
    const files = Array.from(mergeFiles.files ?? []);
    if (files.length === 0) {
      show({ kind: "warning", text: T.noFiles });
      return;
    }
    void busy(T.readingFile(1, files.length, files[0]!.name), async () => {
      const chosen: ChosenFile[] = [];
      for (const f of files) chosen.push({ name: f.name, bytes: await fileBytes(f), modified: new Date(f.lastModified) });
      const units = parseExpectedUnits(expected.value);
      // Loaded on first use: exceljs (reading the .xlsx files) is most of the add-in's code.
      const { mergeIntoWorkbook } = await import("../actions/merge.js");
      const result = await mergeIntoWorkbook(host, chosen, {
        choice: resolvePeriod(session.settings, now()),
        ...(units.length > 0 ? { expected: units } : {}),
        replace: mergeReplace.checked,
        onProgress: (i, n, name) => setProgress(i === n ? T.writingMerge : T.readingFile(i, n, name)),
      });
      const r = result.rollup;
      const rejected = r.files.filter((f) => f.outcome !== "merged").length;
      const notices: Notice[] = [{ kind: "success", text: T.merged(r.units.length, r.accounting.rowsMerged, r.missing.length) }];
      if (rejected > 0 || r.findings.length > 0) notices.push({ kind: "warning", text: T.mergeProblems(rejected, r.findings.length) });
      return [...notices, ...renderWarnings(result.render)];
    });
  });

  // ---------------------------------------------------------------- export
  const format = $<HTMLSelectElement>("format");
  $<HTMLButtonElement>("export-button").addEventListener("click", () => {
    void busy(T.exporting, async () => {
      const { exportReport } = await import("../actions/export.js");
      const file = await exportReport(host, format.value as ExportFormat, resolvePeriod(session.settings, now()));
      deps.download(file);
      return [{ kind: "success", text: T.exported(file.fileName) }];
    });
  });
}

function isoOf(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}
