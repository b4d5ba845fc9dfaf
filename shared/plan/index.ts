/**
 * The plan reader's public entry points: text or file bytes → one validated Plan. Normalises the input, picks
 * the reader for the document's shape (Markdown task table, bullet plan, PDF-extracted layout text), reads the
 * heading's metadata, classifies areas, and refuses input that holds no plan with a Vietnamese message.
 */
import { UnusableInputError } from "../errors.js";
import { planMessages as M } from "../messages/plan.js";
import { classifyArea } from "./classify.js";
import { readMetadata, type PlanMetadata } from "./metadata.js";
import { hasBulletTasks, readBullets } from "./readers/bullets.js";
import { readLayoutText } from "./readers/layout-text.js";
import { hasMarkdownTaskTable, readMarkdownTable } from "./readers/markdown-table.js";
import { readDocxPlan, readPdfPlan, readXlsxPlan } from "./readers/office.js";
import type { ReaderContext, ReaderOutput } from "./readers/types.js";
import { Plan, type ParseWarning, type Task } from "./schema.js";
import { normalizeInput } from "./text.js";
import { createUnitLexicon, type UnitLexicon } from "./units.js";

export * from "./schema.js";

/** Options for reading a plan: the file name shown in messages; the year to assume when the heading names none. */
export interface ParseOptions {
  fileName?: string;
  year?: number;
}

/** The shapes of plan text the readers know (domain.md, "The seeds"). */
export type PlanShape = "markdown-table" | "bullets" | "layout-text";

/**
 * Tells the shape of a (normalised) plan text: tab-separated/pipe/HTML rows under a task header → Markdown
 * table; "b) Nhiệm vụ" bullets without such a table → bullet plan; anything else → PDF-extracted layout text.
 */
export function detectShape(text: string): PlanShape {
  if (hasMarkdownTaskTable(text)) return "markdown-table";
  if (hasBulletTasks(text)) return "bullets";
  return "layout-text";
}

/** The reader context (year and period) from the metadata, or an UnusableInputError when the plan names no year. */
function readerContext(meta: PlanMetadata, opts: ParseOptions): ReaderContext {
  if (!meta.period || meta.year === null) throw new UnusableInputError(M.noYear, { file: opts.fileName });
  return { year: meta.year, period: meta.period };
}

let cachedLexicon: UnitLexicon | null = null;
/** The lexicon of built-in unit names, built on first use (it is the same for every plan). */
function defaultLexicon(): UnitLexicon {
  return (cachedLexicon ??= createUnitLexicon());
}

/** Runs the reader for the text's shape. */
function readShape(input: string, ctx: ReaderContext): ReaderOutput {
  let output: ReaderOutput;
  switch (detectShape(input)) {
    case "markdown-table": {
      // Table cells are delimited, so the built-in unit list is lexicon enough (the plan's own list matters for
      // layout text, where the reader builds it); building it once keeps a parse well under its time budget.
      output = readMarkdownTable(input, ctx, defaultLexicon());
      if (output.tasks.length === 0 && hasBulletTasks(input)) output = readBullets(input, ctx);
      break;
    }
    case "bullets":
      output = readBullets(input, ctx);
      break;
    case "layout-text":
      output = readLayoutText(input, ctx);
      break;
  }
  if (output.targets.length === 0 && /^[\s#*]*[a-zđ]\)\s*Mục tiêu/imu.test(input)) {
    // Table plans may still state targets under "a) Mục tiêu"; the bullet reader finds them.
    output = { ...output, targets: readBullets(input, ctx).targets };
  }
  return output;
}

/** Reads a plan from text (layout text, Markdown with tables, bullet plan). Throws UnusableInputError when there is no plan. */
export function parsePlanText(text: string, opts: ParseOptions = {}): Plan {
  const input = normalizeInput(text);
  if (!input.trim()) throw new UnusableInputError(M.emptyFile, { file: opts.fileName });
  const meta = readMetadata(input, { year: opts.year });
  if (!meta.period) {
    // Without a year deadlines cannot be read; but a file that holds no tasks at all is "not a plan".
    const probe = readShape(input, { year: 2000, period: { from: "2000-01-01", to: "2000-12-31" } });
    throw new UnusableInputError(probe.tasks.length ? M.noYear : M.noTasks, { file: opts.fileName });
  }
  return assemblePlan(meta, readShape(input, readerContext(meta, opts)), opts);
}

/**
 * Builds the validated Plan from metadata and a reader's output: classifies the area of tasks that have none,
 * makes task ids unique (with a warning), and throws UnusableInputError when no task was found. Exported so
 * the office-format readers (.docx/.pdf/.xlsx) assemble plans the same way.
 */
export function assemblePlan(meta: PlanMetadata, output: ReaderOutput, opts: ParseOptions = {}): Plan {
  if (output.tasks.length === 0) throw new UnusableInputError(M.noTasks, { file: opts.fileName });
  const ctx = readerContext(meta, opts);
  const warnings: ParseWarning[] = [...output.warnings];
  const seen = new Map<string, number>();
  const tasks: Task[] = output.tasks.map((t) => {
    let id = t.id;
    const n = (seen.get(t.id) ?? 0) + 1;
    seen.set(t.id, n);
    if (n > 1) {
      warnings.push({ message: M.warnDuplicateId(t.id) });
      id = `${t.id}-${n}`;
    }
    return { ...t, id, area: t.area ?? classifyArea(t.title) };
  });
  const plan = {
    title: meta.title,
    issuer: meta.issuer,
    unit: meta.unit,
    level: meta.level,
    period: ctx.period,
    groups: output.groups,
    tasks,
    targets: output.targets,
    warnings,
  };
  const checked = Plan.safeParse(plan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const detail = issue ? `${issue.path.join(".")}: ${issue.message}` : String(checked.error);
    throw new UnusableInputError(M.invalidPlan(detail), { file: opts.fileName });
  }
  return checked.data;
}

/** File extensions read as text. */
const TEXT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".text", ""]);

/**
 * Office formats: each needs its own reader (Word tables, PDF text with positions, Excel sheets) that turns the
 * file into paragraphs and tables and then into a Plan through tasksFromTables + assemblePlan. Until a reader
 * is registered here, the format is refused with a clear message.
 */
const OFFICE_READERS: Record<string, ((bytes: Uint8Array, fileName: string) => Promise<Plan>) | null> = {
  ".docx": readDocxPlan,
  ".pdf": readPdfPlan,
  ".xlsx": readXlsxPlan,
  // Office 97–2003 files get a "save as .docx/.xlsx" message (a modern file misnamed .doc/.xls is just read).
  ".doc": readDocxPlan,
  ".xls": readXlsxPlan,
};

/** The extension of a file name, lower case with its dot ("" when none). */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/**
 * Decodes a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM (Windows Notepad's "Unicode");
 * refuses bytes that are not text (invalid UTF-8, NUL bytes, control characters).
 */
export function decodePlanText(bytes: Uint8Array, fileName?: string): string {
  if (bytes.length === 0) throw new UnusableInputError(M.emptyFile, { file: fileName });
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    else text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new UnusableInputError(M.notText, { file: fileName }, error);
  }
  // Text has no NUL and few control characters; binary data that happens to be valid UTF-8 has many.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(8, text.length / 1000)) {
    throw new UnusableInputError(M.notText, { file: fileName });
  }
  return text;
}

/** Reads a plan from a file's bytes, choosing the reader by extension (.txt/.md/.docx/.pdf/.xlsx). */
export async function parsePlanBytes(bytes: Uint8Array, fileName: string): Promise<Plan> {
  const ext = extensionOf(fileName);
  if (ext in OFFICE_READERS) {
    const reader = OFFICE_READERS[ext];
    if (!reader) throw new UnusableInputError(M.formatNotYetSupported(ext), { file: fileName });
    return reader(bytes, fileName);
  }
  if (!TEXT_EXTENSIONS.has(ext)) {
    // An unknown extension is read if it is plainly text, and refused otherwise.
    let text: string;
    try {
      text = decodePlanText(bytes, fileName);
    } catch {
      throw new UnusableInputError(M.unknownFormat(ext), { file: fileName });
    }
    return parsePlanText(text, { fileName });
  }
  return parsePlanText(decodePlanText(bytes, fileName), { fileName });
}

/** FNV-1a, 64 bit, over UTF-8 bytes: small, pure JS, stable across hosts. */
function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const b of bytes) hash = ((hash ^ BigInt(b)) * prime) & mask;
  return hash.toString(16).padStart(16, "0");
}

/**
 * A stable id of a parsed plan (16 hex digits): a hash of its tasks' ids, titles, lead units and deadlines.
 * The tracker stores it in _meta to recognise trackers made from the same plan; metadata and warnings do not
 * change it.
 */
export function planId(plan: Pick<Plan, "tasks">): string {
  const parts = plan.tasks.map((t) =>
    [t.id, t.title.normalize("NFC"), t.leads.join("\u001e"), t.deadline.raw, t.deadline.kind, t.deadline.due ?? ""].join(
      "\u001f",
    ),
  );
  return fnv1a64(parts.join("\u001d"));
}
