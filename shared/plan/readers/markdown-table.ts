/**
 * Markdown plans whose task list is a table: tab-separated rows (seed 003), pipe tables, or HTML `<table>`s,
 * cells possibly carrying `<b>`, `<i>`, `<p>`, `<br>` (seed 004). Finds the tables, then hands them to the
 * format-independent task-table reader.
 */
import type { ReaderContext, ReaderOutput } from "./types.js";
import { hasTaskHeader, tasksFromTables, type UnitLexicon } from "./task-table.js";

// The format-independent table reader, re-exported: Markdown is one of its several sources.
export { tasksFromTable, tasksFromTables, findTaskHeader, hasTaskHeader, columnRole } from "./task-table.js";
export type { ColumnRole, SourceTable, TableHeader, TableOptions, UnitLexicon } from "./task-table.js";

/** A table found in Markdown text: its rows of raw cells, the line of its first row and of every row (1-based). */
export interface MarkdownTable {
  rows: string[][];
  line: number;
  lines: number[];
}

const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Splits a pipe-table line into cells: "| a | b \\| c |" → ["a", "b | c"]. */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|").trim());
}

/** Reads the `<tr>`/`<td>` rows of one HTML table (colspan expanded with empty cells). */
function htmlRows(html: string, offsetLine: number, text: string, start: number): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const tr of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells: string[] = [];
    for (const td of (tr[1] ?? "").matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
      cells.push(td[3] ?? "");
      const span = Number(/colspan\s*=\s*["']?(\d+)/i.exec(td[2] ?? "")?.[1] ?? 1);
      for (let k = 1; k < Math.min(span, 50); k++) cells.push("");
    }
    rows.push(cells);
    const at = start + (tr.index ?? 0);
    lines.push(offsetLine + countNewlines(text, start, at));
  }
  return { rows, lines };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

/**
 * Finds every table of a Markdown text, in document order: runs of tab-separated lines, pipe tables and HTML
 * `<table>` elements. A blank line ends a tab or pipe table (the pieces of one table cut by page breaks come
 * out as separate tables; tasksFromTables joins them again).
 */
export function markdownTables(text: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  const lines = text.split("\n");
  let tab: MarkdownTable | null = null;
  let pipe: MarkdownTable | null = null;
  const flush = (): void => {
    for (const t of [tab, pipe]) if (t && t.rows.some((r) => r.length >= 3)) tables.push(t);
    tab = null;
    pipe = null;
  };
  let inHtml = false;
  lines.forEach((raw, k) => {
    const n = k + 1;
    if (/<table\b/i.test(raw)) inHtml = true;
    if (inHtml) {
      if (/<\/table>/i.test(raw)) inHtml = false;
      flush();
      return;
    }
    if (raw.includes("\t")) {
      if (pipe) flush();
      tab ??= { rows: [], line: n, lines: [] };
      tab.rows.push(raw.split("\t"));
      tab.lines.push(n);
      return;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith("|") && trimmed.length > 1) {
      if (tab) flush();
      if (PIPE_SEPARATOR.test(trimmed)) return;
      pipe ??= { rows: [], line: n, lines: [] };
      pipe.rows.push(pipeCells(trimmed));
      pipe.lines.push(n);
      return;
    }
    flush();
  });
  flush();

  // HTML tables, wherever they are.
  for (const m of text.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    const start = m.index ?? 0;
    const line = 1 + countNewlines(text, 0, start);
    const { rows, lines: rowLines } = htmlRows(m[0], line, text, start);
    if (rows.length) tables.push({ rows, line, lines: rowLines });
  }
  return tables.sort((a, b) => a.line - b.line);
}

/** True when the text holds a task table (tab-separated, pipe or HTML rows under a recognisable header). */
export function hasMarkdownTaskTable(text: string): boolean {
  return markdownTables(text).some((t) => hasTaskHeader(t.rows));
}

/** Reads a Markdown plan's task tables into tasks and groups (targets come from elsewhere). */
export function readMarkdownTable(text: string, ctx: ReaderContext, lexicon?: UnitLexicon): ReaderOutput {
  const tables = markdownTables(text).map((t) => ({ rows: t.rows, lines: t.lines }));
  return tasksFromTables(tables, ctx, { lexicon, source: "appendix" });
}
