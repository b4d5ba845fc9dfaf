/**
 * Readable print (issue 15): 30 filled commune trackers (bench/make-trackers.ts) are merged, the province report is
 * exported as .xlsx and .docx, a commune's summary is written, and a PAR-index tracker (seed 004, group headings) is
 * made; LibreOffice prints each to PDF. Every page must be readable: no word printed over another
 * (`../shared/tools/print-overlap`, from `pdftotext -bbox` word boxes), no date or header word broken across lines,
 * and the title blocks printed whole. The PNG pages are kept in test/.tmp/clients-print/png for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureTrackers } from "../../bench/make-trackers.js";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { DEFAULT_FORM } from "../../shared/export/layouts.js";
import { DOCUMENT_LAYOUTS } from "../../shared/export/docx.js";
import { reportDocumentMessages as D } from "../../shared/messages/export.js";
import { provinceWorkbookMessages as P } from "../../shared/messages/merge.js";
import { summarySheetMessages as S } from "../../shared/messages/index.js";
import { TASK_COLUMNS } from "../../shared/workbook/layout.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(repoRoot, "test/.tmp/clients-print");
const profile = path.join(work, "lo-profile");
const printOverlap = path.resolve(repoRoot, "../shared/tools/print-overlap");

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: "utf-8", timeout: 280_000 });
  return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

/** A printed word: its box on the page and its text. */
interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** The words of a PDF in reading order (pdftotext -bbox). */
function pdfWords(pdf: string): Word[] {
  const html = run("pdftotext", ["-bbox", pdf, "-"]).stdout;
  const words: Word[] = [];
  html.split("<page ").slice(1).forEach((p, k) => {
    for (const m of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)) {
      words.push({ page: k + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]!.normalize("NFC") });
    }
  });
  return words;
}

/** Words that must never be split: every header word of the sheets and tables (two letters or more). */
function headerWords(): Set<string> {
  const headers = [
    ...P.summaryHeaders,
    ...P.detailHeaders,
    ...P.taskByUnitHeaders,
    ...P.missingHeaders,
    ...P.rejectedHeaders,
    ...P.findingsHeaders,
    ...S.totalsHeaders,
    ...S.groupHeaders("Lĩnh vực"),
    ...S.listHeaders,
    ...S.doneListHeaders,
    ...TASK_COLUMNS.map((c) => c.header),
    ...DEFAULT_FORM.tables.flatMap((t) => t.columns.map((c) => c.header)),
    ...Object.values(DOCUMENT_LAYOUTS).flatMap((t) => t.columns.map((c) => c.header)),
  ];
  return new Set(headers.flatMap((h) => h.normalize("NFC").split(/[\s/()]+/)).filter((w) => [...w].length >= 2));
}

/**
 * Places where a word was broken across lines: a word and the first word of the next line (same page, lower, the
 * same column) that together make a header word or a dd/mm/yyyy date.
 */
function brokenWords(words: Word[], known: Set<string>): string[] {
  const out: string[] = [];
  const strip = (s: string) => s.replace(/^[(\-–]+|[),.;:]+$/g, "");
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < Math.min(words.length, i + 60); j++) {
      const b = words[j]!;
      if (b.page !== a.page || b.y0 <= a.y0 + 2) continue;
      if (b.y0 > a.y1 + 20) break;
      // The continuation starts its line under the broken word's cell: left of the word's end.
      if (b.x0 > a.x1 || b.x0 < a.x0 - 120) continue;
      const joined = strip(a.text) + strip(b.text);
      if (!strip(a.text) || !strip(b.text)) break;
      if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(joined) || (known.has(joined) && !known.has(strip(a.text)))) {
        out.push(`p${a.page}: "${a.text}" + "${b.text}"`);
      }
      break;
    }
  }
  return out;
}

/** The text of the first page of a PDF, one line per printed line. */
function firstPageText(pdf: string): string {
  return run("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]).stdout.normalize("NFC");
}

const outputs = ["province", "report-xlsx", "report-docx", "summary", "tracker-004"] as const;
const pdfOf = (name: string) => path.join(work, `${name}.pdf`);

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, "png"), { recursive: true });
  const { dir } = await ensureTrackers(30);
  const io = () => memoryIo(new Date("2026-11-21T03:00:00Z"));
  const f = (name: string) => path.join(work, name);
  expect(await runCli(["merge", dir, "-o", f("province.xlsx"), "--quarter", "3", "--year", "2026"], io())).toBeLessThanOrEqual(1);
  expect(await runCli(["export", f("province.xlsx"), "--quarter", "3", "--year", "2026", "--format", "xlsx", "-o", f("report-xlsx.xlsx")], io())).toBe(0);
  expect(await runCli(["export", f("province.xlsx"), "--quarter", "3", "--year", "2026", "--format", "docx", "-o", f("report-docx.docx")], io())).toBe(0);
  expect(await runCli(["summary", path.join(dir, "0001.xlsx"), "--quarter", "3", "--year", "2026", "-o", f("summary.xlsx")], io())).toBeLessThanOrEqual(1);
  const plan = path.join(work, "004.txt");
  copyFileSync(path.join(repoRoot, "seeds/004_0deebdd1aa5ed513.txt"), plan);
  expect(await runCli(["init", plan, "-o", f("tracker-004.xlsx"), "--year", "2026"], io())).toBe(0);
  const inputs = readdirSync(work).filter((n) => /\.(xlsx|docx)$/.test(n)).map(f);
  const r = run("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", work, ...inputs]);
  expect(r.status, r.stderr).toBe(0);
  for (const name of outputs) run("pdftoppm", ["-r", "50", "-png", "-l", "12", pdfOf(name), path.join(work, "png", name)]);
}, 600_000);

describe("every output prints readably through LibreOffice", () => {
  it.each(outputs)("%s: no word printed over another", (name) => {
    const r = run(printOverlap, [pdfOf(name)]);
    expect(r.stdout).toMatch(/ 0 overlapping words/);
    expect(r.status).toBe(0);
  });

  it.each(outputs)("%s: no date or header word broken across lines", (name) => {
    const words = pdfWords(pdfOf(name));
    expect(words.length).toBeGreaterThan(200);
    expect(brokenWords(words, headerWords())).toEqual([]);
  });

  it("the broken-word check finds a broken date and a broken header word", () => {
    const w = (x: number, y: number, text: string): Word => ({ page: 1, x0: x, y0: y, x1: x + 30, y1: y + 10, text });
    const known = headerWords();
    expect(brokenWords([w(10, 10, "31/12/20"), w(10, 22, "26")], known)).toHaveLength(1);
    expect(brokenWords([w(10, 10, "nhiệ"), w(10, 22, "m")], known)).toHaveLength(1);
    expect(brokenWords([w(10, 10, "Tổng"), w(10, 22, "số")], known)).toEqual([]);
  });

  it("title blocks print whole (national title, motto, sheet titles)", () => {
    for (const name of ["report-xlsx", "report-docx"]) {
      const text = firstPageText(pdfOf(name));
      expect(text).toContain(D.nation);
      expect(text).toContain(D.motto);
    }
    expect(firstPageText(pdfOf("province"))).toContain(P.title("Quý III/2026").slice(0, 40));
  });
});
