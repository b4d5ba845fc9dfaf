/**
 * The pane's building blocks, shared by the Excel task pane (pane.ts) and the offline web app (web/app.ts): labels
 * from the messages module, the message area, the busy/progress line, file pickers and the reporting-period card.
 * Plain DOM, no framework, no host API.
 */
import { formatViDate, parseTextDate } from "../../shared/entries/dates.js";
import { describeLocation } from "../../shared/errors.js";
import { taskpaneMessages as T } from "../../shared/messages/index.js";
import { isQuarter, quarterPeriod } from "../../shared/summary/periods.js";
import { resolvePeriod, type PeriodSettings, type ReportChoice } from "../actions/period.js";
import { errorNotice } from "../notices.js";
import type { Notice } from "../session.js";

/** Most messages kept on screen; older ones drop off. */
const MAX_NOTICES = 6;

/** Fills every data-t / data-t-placeholder element with its text from a labels table. */
export function applyLabels(doc: Document, labels: Readonly<Record<string, string>> = T.labels): void {
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>("[data-t]"))) {
    const key = el.dataset.t!;
    if (key in labels) el.textContent = labels[key]!;
  }
  for (const el of Array.from(doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[data-t-placeholder]"))) {
    const key = el.dataset.tPlaceholder!;
    if (key in labels) el.placeholder = labels[key]!;
  }
}

/** The element of an id (the pages are ours: a missing id is a programming error that tests catch). */
export function byId<E extends HTMLElement>(doc: Document, id: string): E {
  return doc.getElementById(id) as E;
}

/** A message area: `show` puts a notice on top, with its detail lines and a dismiss button. */
export function noticeArea(doc: Document, area: HTMLElement): (notice: Notice) => void {
  return (notice) => {
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
    area.prepend(box);
    while (area.children.length > MAX_NOTICES) area.lastElementChild?.remove();
  };
}

/** Lets the page paint (the progress line) before a long synchronous step such as parsing a plan. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The busy state of a page: one action at a time, buttons disabled, a progress line, errors as messages. */
export interface Busy {
  /** Runs an action; its notices are shown (the first on top); a thrown error becomes an error message. */
  run(label: string, work: () => Promise<Notice[]>): Promise<void>;
  /** Changes the progress line (null hides it); `fraction` (0–1) fills the bar, else it is indeterminate. */
  progress(text: string | null, fraction?: number): void;
}

/** Makes the busy state over the #progress / #progress-text elements and every button[data-action]. */
export function busyState(doc: Document, show: (notice: Notice) => void): Busy {
  const box = byId(doc, "progress");
  const text = byId(doc, "progress-text");
  const bar = box.querySelector<HTMLElement>(".progress-bar");
  const buttons = () => Array.from(doc.querySelectorAll<HTMLButtonElement>("button[data-action]"));
  let running = false;
  const progress = (label: string | null, fraction?: number) => {
    box.hidden = label === null;
    text.textContent = label ?? "";
    box.classList.toggle("determinate", fraction !== undefined);
    if (bar) bar.style.width = fraction === undefined ? "" : `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  };
  const run = async (label: string, work: () => Promise<Notice[]>) => {
    if (running) return;
    running = true;
    for (const b of buttons()) b.disabled = true;
    progress(label);
    try {
      await nextFrame();
      const notices = await work();
      for (const n of [...notices].reverse()) show(n);
    } catch (e) {
      show(errorNotice(e));
    } finally {
      progress(null);
      for (const b of buttons()) b.disabled = false;
      running = false;
    }
  };
  return { run, progress };
}

/** Shows the chosen files' names next to a file input (and lets others refresh it after a drop). */
export function bindPicker(input: HTMLInputElement, label: HTMLElement, names: () => string[] = () => Array.from(input.files ?? []).map((f) => f.name)): () => void {
  const update = () => {
    const list = names();
    label.textContent = list.length === 0 ? T.noFileChosen : T.filesChosen(list);
    label.title = list.join("\n");
    label.classList.toggle("chosen", list.length > 0);
  };
  input.addEventListener("change", update);
  update();
  return update;
}

/** Reads a chosen file's bytes. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The period card (#quarter, #period-year, #as-of, #period-line) bound to a settings holder. */
export function mountPeriod(
  doc: Document,
  holder: { settings: PeriodSettings },
  now: () => Date,
  show: (notice: Notice) => void,
): () => ReportChoice {
  const quarter = byId<HTMLSelectElement>(doc, "quarter");
  const periodYear = byId<HTMLInputElement>(doc, "period-year");
  const asOf = byId<HTMLInputElement>(doc, "as-of");
  const periodLine = byId(doc, "period-line");
  const current = resolvePeriod({}, now());
  for (const q of [1, 2, 3, 4]) {
    const option = doc.createElement("option");
    option.value = String(q);
    option.textContent = T.quarterOption(q);
    quarter.append(option);
  }
  quarter.value = String(holder.settings.quarter ?? current.quarter);
  periodYear.value = String(holder.settings.year ?? current.year);
  asOf.value = holder.settings.asOf ? formatViDate(holder.settings.asOf) : "";
  const read = () => {
    const q = Number(quarter.value);
    const y = Number(periodYear.value);
    const validYear = Number.isInteger(y) && y >= 2000 && y <= 2100;
    const typed = asOf.value.trim();
    const date = typed ? parseTextDate(typed) : null;
    asOf.setAttribute("aria-invalid", String(typed !== "" && date === null));
    if (typed !== "" && date === null) show({ kind: "warning", text: T.badDate(typed) });
    holder.settings = {
      ...(isQuarter(q) ? { quarter: q } : {}),
      ...(validYear ? { year: y } : {}),
      ...(date ? { asOf: date } : {}),
    };
    const choice = resolvePeriod(holder.settings, now());
    const p = quarterPeriod(choice.quarter, choice.year);
    periodLine.textContent = T.periodLine(p.label, formatViDate(p.from), formatViDate(p.to));
  };
  for (const el of [quarter, periodYear, asOf]) el.addEventListener("change", read);
  read();
  return () => resolvePeriod(holder.settings, now());
}

/** Plan warnings listed in a message (the rest are counted). */
const MAX_DETAILS = 12;

/** The warning message of a plan read with doubts (none when it read cleanly). */
export function planWarningNotices(warnings: ReadonlyArray<{ message: string; line?: number; page?: number }>): Notice[] {
  if (warnings.length === 0) return [];
  const lines = warnings.map((w) =>
    T.planWarning(describeLocation({ ...(w.line !== undefined ? { line: w.line } : {}), ...(w.page !== undefined ? { page: w.page } : {}) }), w.message),
  );
  const shown = lines.slice(0, MAX_DETAILS);
  if (lines.length > shown.length) shown.push(`… (+${lines.length - shown.length})`);
  return [{ kind: "warning", text: T.planWarnings(warnings.length), details: shown }];
}
