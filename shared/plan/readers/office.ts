/**
 * Plans from office files (.docx, .pdf, .xlsx): each format reader reduces its file to paragraphs and tables
 * (ExtractedDocument); this module turns that into a Plan with the same plan model as the text readers —
 * readMetadata, the plan's unit lexicon, tasksFromTables, assemblePlan. A document without a task table (a
 * bullet plan saved as Word or PDF) is read as text by parsePlanText.
 */
import { UnusableInputError } from "../../errors.js";
import { planMessages } from "../../messages/plan.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import { assemblePlan, parsePlanText, type ParseOptions } from "../index.js";
import { readMetadata } from "../metadata.js";
import type { Plan } from "../schema.js";
import { normalizeInput } from "../text.js";
import { createUnitLexicon, type UnitLexicon } from "../units.js";
import { readBullets } from "./bullets.js";
import type { ExtractedDocument } from "./document.js";
import { extractDocx } from "./docx.js";
import { looksLikeLegacyVietnamese } from "./legacy-font.js";
import { extractPdf, type PdfLimits } from "./pdf.js";
import { hasTaskHeader, tasksFromTables } from "./task-table.js";
import type { ReaderContext } from "./types.js";
import { extractXlsxPlan } from "./xlsx-plan.js";

/** Escapes what the task-table reader's cell cleaner would take for markup ("<5 ngày" is text, not a tag). */
function escapeCell(cell: string): string {
  return cell.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The document as plain text, in reading order: paragraphs as lines, table rows as tab-separated lines (line
 * breaks inside a cell become spaces). This is what metadata, the unit lexicon and targets are read from — the
 * same kind of text the .txt/.md seeds are.
 */
export function documentText(doc: ExtractedDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") out.push(b.text);
    else {
      out.push("");
      // " | " between cells, not a tab: metadata patterns match across whitespace, and "thuộc UBND xã" in one
      // cell followed by "Các cơ quan" in the next must not read as a place "xã Các".
      for (const row of b.table.rows) out.push(row.map((c) => c.replace(/\s+/g, " ").trim()).join(" | "));
      out.push("");
    }
  }
  return normalizeInput(out.join("\n"));
}

/** Builds the Plan from an extracted document; `opts.fileName` names the file in messages. */
export function planFromDocument(doc: ExtractedDocument, opts: ParseOptions & { fileName: string }): Plan {
  const text = documentText(doc);
  if (!text.trim()) throw new UnusableInputError(M.documentEmpty(opts.fileName), { file: opts.fileName });
  if (looksLikeLegacyVietnamese(text)) throw new UnusableInputError(M.legacyFont(opts.fileName), { file: opts.fileName });
  const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  if (!tables.some((t) => hasTaskHeader(t.rows))) {
    // No task table: a plan whose tasks are body bullets (seed 002's shape) — the text readers know it.
    return parsePlanText(text, opts);
  }
  const meta = readMetadata(text, { year: opts.year });
  if (meta.title === planMessages.untitled) meta.title = titleFromHeading(doc, meta.unit) ?? meta.title;
  if (!meta.period || meta.year === null) throw new UnusableInputError(planMessages.noYear, { file: opts.fileName });
  const ctx: ReaderContext = { year: meta.year, period: meta.period };
  // As parsePlanText does for Markdown tables: cells are delimited, so the built-in unit list is lexicon enough.
  const lexicon = defaultLexicon();
  const output = tasksFromTables(
    tables.map((t) => ({
      rows: t.rows.map((r) => r.map(escapeCell)),
      pages: t.rowPages,
    })),
    ctx,
    { lexicon, source: "appendix" },
  );
  // Table plans may also state targets under "a) Mục tiêu" in the body, as parsePlanText reads them.
  if (/^[\s#*]*[a-zđ]\)\s*Mục tiêu/imu.test(text)) output.targets = readBullets(text, ctx).targets;
  output.warnings.unshift(...doc.warnings.map((w) => ({ ...w })));
  return assemblePlan(meta, output, opts);
}

let cachedLexicon: UnitLexicon | null = null;
function defaultLexicon(): UnitLexicon {
  return (cachedLexicon ??= createUnitLexicon());
}

/**
 * A title for a document without a "KẾ HOẠCH" heading line — typically an appendix sent alone, headed
 * "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH DUY TRÌ … XÃ PHÚ THỊNH NĂM 2026": "Kế hoạch" and what follows, in sentence case
 * when it was written in capitals, with the unit's name capitalised again.
 */
function titleFromHeading(doc: ExtractedDocument, unit: string | null): string | null {
  for (const b of doc.blocks) {
    if (b.kind === "table") break;
    const text = b.text.replace(/\s+/g, " ").trim();
    if (text.startsWith("(")) continue;
    const m = /\bkế hoạch\s+(.+)$/iu.exec(text.normalize("NFC"));
    if (!m?.[1]) continue;
    let rest = m[1];
    if (rest === rest.toUpperCase()) {
      rest = rest.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase());
      if (unit) rest = rest.replace(new RegExp(unit.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u"), unit);
    }
    return `Kế hoạch ${rest}`;
  }
  return null;
}

/** Reads a Word (.docx) plan. */
export async function readDocxPlan(bytes: Uint8Array, fileName: string): Promise<Plan> {
  return planFromDocument(extractDocx(bytes, fileName), { fileName });
}

/** Reads a PDF plan from its text layer; a scan without text is refused with a message saying so. */
export async function readPdfPlan(bytes: Uint8Array, fileName: string, limits?: PdfLimits): Promise<Plan> {
  return planFromDocument(await extractPdf(bytes, fileName, limits), { fileName });
}

/** Reads a plan's task table from an Excel (.xlsx) workbook; a tracker made by this tool is refused. */
export async function readXlsxPlan(bytes: Uint8Array, fileName: string): Promise<Plan> {
  return planFromDocument(extractXlsxPlan(bytes, fileName), { fileName });
}

/**
 * Reads a .docx or .xlsx plan synchronously — for hosts that cannot wait on a promise (Apps Script's
 * google.script.run handlers). Returns null for other extensions; PDF needs pdfjs, which is asynchronous.
 */
export function parseOfficePlanSync(bytes: Uint8Array, fileName: string): Plan | null {
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (ext === ".docx" || ext === ".doc") return planFromDocument(extractDocx(bytes, fileName), { fileName });
  if (ext === ".xlsx" || ext === ".xls") return planFromDocument(extractXlsxPlan(bytes, fileName), { fileName });
  return null;
}

/** The ExtractedDocument reader for an office extension, or null for other files. */
export function extractorFor(ext: string): ((bytes: Uint8Array, fileName: string) => Promise<ExtractedDocument>) | null {
  switch (ext) {
    case ".docx":
      return async (b, f) => extractDocx(b, f);
    case ".pdf":
      return (b, f) => extractPdf(b, f);
    case ".xlsx":
      return async (b, f) => extractXlsxPlan(b, f);
    default:
      return null;
  }
}
