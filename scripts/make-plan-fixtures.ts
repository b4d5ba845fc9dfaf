/**
 * Generates the office-format plan fixtures in test/fixtures/plans/ from the seeds. Needs LibreOffice (soffice)
 * and poppler (pdftoppm); the outputs are committed, so the tests need only Node.
 *
 *   npx tsx scripts/make-plan-fixtures.ts [--out DIR] [--fonts fallback|vietnamese]
 *
 * `--fonts` renders with a fixed font set instead of whatever the machine has (LibreOffice finds fonts through
 * fontconfig; FONTCONFIG_FILE points it at a config listing only these directories):
 *   fallback    Debian's fonts-liberation 1.07 (no Vietnamese letters) and fonts-dejavu-core: LibreOffice draws
 *               ạ ị ả ệ … with DejaVu Serif inside Liberation Serif text — what a fresh Debian machine does;
 *   vietnamese  fonts-liberation2 (2.1, with Vietnamese letters) and DejaVu: every letter in Liberation Serif.
 *
 * For each table-bearing seed (000, 001, 003, 004) it renders the plan as HTML with a real table — the body
 * paragraphs, then the appendix table — and converts it with LibreOffice: HTML → .docx (Word), .docx → .pdf
 * (bordered table, header row repeated on every page, rows split by page breaks), and a borderless variant
 * → -noborders.pdf. Tables of the Markdown seeds (003, 004) come straight from the seed's tab-separated rows
 * (page-break repeats and split rows folded back into one row, the plan's own unit spellings kept); the
 * layout-text seeds (000, 001) have no cell structure, so their table is rendered from the parsed tasks.
 * Seed 002 (tasks as bullets, no table) is rendered as 002.docx and 002.pdf from its paragraphs.
 * It also writes encrypted.pdf (003 with an open password), 004-appendix.xlsx (exceljs: title block, two-row merged header, merged group rows, vertically
 * merged unit cells) and scan.pdf (pages of 003 rasterised into an image-only PDF, like a scanner's output).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { parsePlanText } from "../shared/plan/index.js";
import { findTaskHeader } from "../shared/plan/readers/task-table.js";
import { markdownTables } from "../shared/plan/readers/markdown-table.js";
import { cleanCell, fold, plainLine } from "../shared/plan/text.js";

const ROOT = join(import.meta.dirname, "..");
// `--out DIR` writes elsewhere (the client tests render fresh copies to check the committed ones).
const outArg = process.argv.indexOf("--out");
const OUT = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1]! : join(ROOT, "test", "fixtures", "plans");

/** A plan to render: paragraphs before the table, the header rows, the body rows, paragraphs after. */
interface PlanSpec {
  id: string;
  before: string[];
  header: HeaderCell[][];
  rows: string[][];
  after: string[];
  widths: number[]; // column widths in percent
}

interface HeaderCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

function seedText(id: string): string {
  const file = readdirSync(join(ROOT, "seeds")).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`seed ${id} not found`);
  return readFileSync(join(ROOT, "seeds", file), "utf8");
}

/** Body lines of a Markdown seed as plain paragraphs (headings and emphasis markers dropped, text kept). */
function markdownParagraphs(lines: string[]): string[] {
  return lines.map((l) => plainLine(l.replace(/\s{2,}$/, ""))).filter((l) => l !== "");
}

/** Word-wise "cell starts with label"; returns the rest, or null. */
function afterLabel(cell: string, label: string): string | null {
  const c = cell.split(/\s+/).filter(Boolean);
  const l = label.split(/\s+/).filter(Boolean);
  if (l.length === 0) return cell;
  if (c.length < l.length || l.some((w, i) => fold(w) !== fold(c[i] ?? ""))) return null;
  return c.slice(l.length).join(" ");
}

/** The rows of a Markdown seed's task table, with page-break artefacts folded back (one row per table row). */
function markdownSpec(id: string, widths: number[], header: HeaderCell[][]): PlanSpec {
  const text = seedText(id).replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const tables = markdownTables(text).filter((t) => t.rows.length > 0);
  const first = tables.findIndex((t) => findTaskHeader(t.rows));
  if (first < 0) throw new Error(`seed ${id}: no task table`);
  const pieces = tables.slice(first);
  const h = findTaskHeader(pieces[0]!.rows)!;
  const headerCells = h.cells;
  const width = h.roles.length;
  const rows: string[][] = [];
  for (const piece of pieces) {
    for (const raw of piece.rows) {
      const cells = Array.from({ length: width }, (_, j) => cleanCell(raw[j] ?? ""));
      if (cells.every((c) => !c)) continue;
      const last = rows[rows.length - 1];
      // A repeated header (maybe carrying the tail of the cell above it).
      let leaks: (string | null)[] | null = null;
      for (const hc of headerCells) {
        const l = cells.map((c, j) => afterLabel(c, hc[j] ?? ""));
        if (l.every((x) => x !== null) && hc.some(Boolean)) {
          leaks = l;
          break;
        }
      }
      if (leaks) {
        if (last) leaks.forEach((t, j) => t && (last[j] = last[j] ? `${last[j]} ${t}` : t));
        continue;
      }
      if (!cells[0] && last) {
        cells.forEach((t, j) => t && (last[j] = last[j] ? `${last[j]} ${t}` : t));
        continue;
      }
      rows.push(cells);
    }
  }
  const start = pieces[0]!.lines[0]! - 1;
  const endPiece = pieces[pieces.length - 1]!;
  const end = endPiece.lines[endPiece.lines.length - 1]!;
  return {
    id,
    before: markdownParagraphs(lines.slice(0, start)),
    header,
    rows,
    after: markdownParagraphs(lines.slice(end)),
    widths,
  };
}

/** A seed without a task table (002: tasks are bullets under "b) Nhiệm vụ"): its paragraphs only. */
function bodyOnlySpec(id: string): PlanSpec {
  const lines = seedText(id).replace(/\r\n?/g, "\n").split("\n");
  return { id, before: markdownParagraphs(lines), header: [], rows: [], after: [], widths: [] };
}

/** A layout-text seed: body lines before the first "Số TT" header, the table from the parsed tasks. */
function layoutSpec(id: string): PlanSpec {
  const text = seedText(id).replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^\s*Số TT\b/u.test(l));
  const plan = parsePlanText(text, { fileName: id });
  const withReq = plan.tasks.some((t) => t.requirement);
  const rows = plan.tasks.map((t) => [
    t.id,
    t.title,
    ...(withReq ? [t.requirement ?? ""] : []),
    t.leads.join("; "),
    t.partners.join("; "),
    t.deadline.raw,
  ]);
  const header: HeaderCell[][] = [
    [
      { text: "Số TT" },
      { text: "Nội dung công việc" },
      ...(withReq ? [{ text: "Yêu cầu / Sản phẩm" }] : []),
      { text: "Cơ quan chủ trì" },
      { text: "Cơ quan phối hợp" },
      { text: "Thời gian hoàn thành" },
    ],
  ];
  return {
    id,
    before: lines.slice(0, at).map((l) => l.trim()).filter(Boolean),
    header,
    rows,
    after: [],
    widths: withReq ? [6, 34, 18, 14, 16, 12] : [6, 46, 17, 17, 14],
  };
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell's text as HTML: each line its own paragraph, as a Word cell holds them. */
function cellHtml(text: string, bold = false): string {
  const parts = text.split("\n").map((l) => `<p>${bold ? `<b>${esc(l)}</b>` : esc(l)}</p>`);
  return parts.join("") || "<p></p>";
}

/** A group row of a hierarchical table ("I." / "2.1" with a title and no other cell): its title spans the row. */
function isGroupRow(row: string[]): boolean {
  return row.length > 3 && row.slice(2).every((c) => !c) && /^([IVXLC]+|\d+(\.\d+)*)\.?$/.test(row[0] ?? "");
}

function renderHtml(spec: PlanSpec, borders: boolean): string {
  const n = spec.widths.length;
  const border = borders ? "border: 0.5pt solid #000000;" : "border: none;";
  // Column widths go on the first header row's cells. The table's own width is absolute (960 px ≈ 25.4 cm, the
  // landscape A4 text width): LibreOffice's HTML import shrinks a "100%" table to a few centimetres when many
  // paragraphs precede it.
  const head = spec.header
    .map((r, ri) => {
      let col = 0;
      const cells = r.map((c) => {
        const span = c.colspan ?? 1;
        const w = spec.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        const width = ri === 0 ? ` width="${w}%"` : "";
        return `<th${width}${c.colspan ? ` colspan="${c.colspan}"` : ""}${c.rowspan ? ` rowspan="${c.rowspan}"` : ""}>${cellHtml(c.text, true)}</th>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const body = spec.rows
    .map((r) =>
      isGroupRow(r)
        ? `<tr><td>${cellHtml(r[0]!, true)}</td><td colspan="${n - 1}">${cellHtml(r[1]!, true)}</td></tr>`
        : `<tr>${r.map((c) => `<td>${cellHtml(c)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const paras = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join("\n");
  const table =
    spec.rows.length === 0
      ? ""
      : `<table width="960" cellspacing="0" cellpadding="4"${borders ? ' border="1"' : ""}>
<thead>
${head}
</thead>
<tbody>
${body}
</tbody>
</table>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(spec.id)}</title>
<style>
@page { size: 29.7cm 21cm; margin: 2cm 1.5cm 2cm 2cm; }
body { font-family: 'Times New Roman', serif; font-size: 13pt; }
p { margin: 0 0 4pt 0; }
table { border-collapse: collapse; width: 100%; }
th, td { ${border} vertical-align: top; padding: 3pt; font-size: 12pt; }
th p, td p { margin: 0; }
</style></head><body>
${paras(spec.before)}
${table}
${paras(spec.after)}
</body></html>
`;
}

/** LibreOffice profile of this run (parallel runs must not share one). */
const LO_PROFILE = join(tmpdir(), `lo-fixtures-${process.pid}`);

/** The font directories of each `--fonts` set (Debian package paths). */
const FONT_SETS: Record<string, string[]> = {
  fallback: ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"],
  vietnamese: ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu"],
};

/** The environment soffice runs in: with `--fonts SET`, a fontconfig file that exposes only that set. */
function sofficeEnv(): NodeJS.ProcessEnv {
  const at = process.argv.indexOf("--fonts");
  if (at < 0) return process.env;
  const name = process.argv[at + 1] ?? "";
  const dirs = FONT_SETS[name];
  if (!dirs) throw new Error(`--fonts: unknown font set "${name}" (${Object.keys(FONT_SETS).join(", ")})`);
  for (const d of dirs) if (!existsSync(d)) throw new Error(`--fonts ${name}: ${d} is missing (install its Debian package)`);
  const dir = join(LO_PROFILE, "fontconfig");
  mkdirSync(dir, { recursive: true });
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    "<fontconfig>",
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${join(dir, "cache")}</cachedir>`,
    // The distribution's rules (Times New Roman → Liberation Serif metric aliases, fallbacks), without its font dirs.
    '  <include ignore_missing="yes">/etc/fonts/conf.d</include>',
    "</fontconfig>",
    "",
  ].join("\n");
  writeFileSync(join(dir, "fonts.conf"), conf);
  return { ...process.env, FONTCONFIG_FILE: join(dir, "fonts.conf") };
}

let env: NodeJS.ProcessEnv | null = null;

function soffice(args: string[], cwd: string): void {
  env ??= sofficeEnv();
  execFileSync(
    "soffice",
    ["--headless", `-env:UserInstallation=file://${LO_PROFILE}`, ...args],
    { cwd, stdio: "pipe", timeout: 180_000, env },
  );
}

/** HTML → .docx → .pdf with LibreOffice; returns the paths in `dir`. */
function convert(dir: string, name: string, html: string): { docx: string; pdf: string } {
  writeFileSync(join(dir, `${name}.html`), html);
  soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, join(dir, `${name}.html`)], dir);
  soffice(["--convert-to", "pdf", "--outdir", dir, join(dir, `${name}.docx`)], dir);
  return { docx: join(dir, `${name}.docx`), pdf: join(dir, `${name}.pdf`) };
}

/** The PAR-index appendix of seed 004 as a spreadsheet, the way provinces send it. */
async function writeXlsx(spec: PlanSpec, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  const n = spec.widths.length;
  ws.columns = spec.widths.map((w) => ({ width: Math.max(8, Math.round(w * 1.6)) }));
  const title = [
    "PHỤ LỤC",
    "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH DUY TRÌ, CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH XÃ PHÚ THỊNH NĂM 2026",
    "(Kèm theo Kế hoạch số /KH-UBND ngày /4/2026 của Chủ tịch UBND xã Phú Thịnh)",
  ];
  title.forEach((t, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = t;
    ws.mergeCells(i + 1, 1, i + 1, n);
    row.getCell(1).font = { bold: i < 2, name: "Times New Roman" };
    row.getCell(1).alignment = { horizontal: "center", wrapText: true };
  });
  // Two-row header: "Phân công nhiệm vụ" over the two unit columns, the others merged down.
  const h1 = 5;
  const labels = ["STT", "Lĩnh vực, tiêu chí", "Yêu cầu năm 2026", "Thời gian chậm nhất phải hoàn thành", "Phân công nhiệm vụ", ""];
  const sub = ["", "", "", "", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp"];
  labels.forEach((l, j) => (ws.getRow(h1).getCell(j + 1).value = l || null));
  sub.forEach((l, j) => (ws.getRow(h1 + 1).getCell(j + 1).value = l || null));
  for (let j = 1; j <= 4; j++) ws.mergeCells(h1, j, h1 + 1, j);
  ws.mergeCells(h1, 5, h1, 6);
  let r = h1 + 2;
  let runStart = -1; // vertical merge of equal partner cells within a group
  const partnerCol = 6;
  const rows = spec.rows;
  rows.forEach((cells, i) => {
    const row = ws.getRow(r);
    if (isGroupRow(cells)) {
      row.getCell(1).value = cells[0]!;
      row.getCell(2).value = cells[1]!;
      ws.mergeCells(r, 2, r, n);
      row.font = { bold: true };
      runStart = -1;
    } else {
      cells.forEach((c, j) => {
        // Numbers stay text ("2.1.1"), as a plan's STT column is typed.
        row.getCell(j + 1).value = c || null;
      });
      const prev = rows[i - 1];
      const same = prev && !isGroupRow(prev) && prev[partnerCol - 1] === cells[partnerCol - 1] && cells[partnerCol - 1];
      if (same) {
        // Extend the merge of equal partner cells downwards: clear this cell, re-merge the run.
        row.getCell(partnerCol).value = null;
        if (runStart < 0) runStart = r - 1;
        try {
          ws.unMergeCells(runStart, partnerCol, r - 1, partnerCol);
        } catch {
          // not merged yet
        }
        ws.mergeCells(runStart, partnerCol, r, partnerCol);
      } else runStart = -1;
    }
    row.alignment = { vertical: "top", wrapText: true };
    r++;
  });
  await wb.xlsx.writeFile(file);
}

/** An image-only PDF (what a scanner produces): each page one grey image, no text layer. */
function imagePdf(images: { width: number; height: number; gray: Uint8Array }[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
    return objects.length;
  };
  const catalog = add(""); // placeholders, filled below
  const pagesObj = add("");
  const kids: number[] = [];
  for (const img of images) {
    const data = deflateSync(img.gray);
    const imgObj = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
          "latin1",
        ),
        data,
        Buffer.from("\nendstream", "latin1"),
      ]),
    );
    const [w, h] = [842, 595];
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const contentObj = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imgObj} 0 R >> >> /Contents ${contentObj} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, "latin1");
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`, "latin1");
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((o, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), o, Buffer.from("\nendobj\n", "latin1")]);
    offsets.push(pos);
    parts.push(chunk);
    pos += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${pos}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

/** Reads a binary PGM (P5) written by pdftoppm -gray. */
function readPgm(file: string): { width: number; height: number; gray: Uint8Array } {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 64).toString("latin1");
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error(`not a PGM: ${file}`);
  const offset = m[0].length;
  return { width: Number(m[1]), height: Number(m[2]), gray: new Uint8Array(buf.subarray(offset)) };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "plan-fixtures-"));
  try {
    const specs: PlanSpec[] = [
      layoutSpec("000"),
      layoutSpec("001"),
      markdownSpec("003", [6, 46, 17, 17, 14], [
        [{ text: "Số TT" }, { text: "Nội dung công việc" }, { text: "Cơ quan chủ trì" }, { text: "Cơ quan phối hợp" }, { text: "Thời gian hoàn thành" }],
      ]),
      markdownSpec("004", [6, 26, 26, 12, 15, 15], [
        [
          { text: "STT", rowspan: 2 },
          { text: "Lĩnh vực, tiêu chí", rowspan: 2 },
          { text: "Yêu cầu năm 2026", rowspan: 2 },
          { text: "Thời gian chậm nhất phải hoàn thành", rowspan: 2 },
          { text: "Phân công nhiệm vụ", colspan: 2 },
        ],
        [{ text: "Cơ quan chủ trì thực hiện" }, { text: "Cơ quan phối hợp" }],
      ]),
    ];
    // 002 has no table: its Word and PDF renderings exercise the bullet-plan path of the office readers.
    const bullets = convert(work, "002", renderHtml(bodyOnlySpec("002"), true));
    copyFileSync(bullets.docx, join(OUT, "002.docx"));
    copyFileSync(bullets.pdf, join(OUT, "002.pdf"));
    for (const spec of specs) {
      const ruled = convert(work, spec.id, renderHtml(spec, true));
      copyFileSync(ruled.docx, join(OUT, `${spec.id}.docx`));
      copyFileSync(ruled.pdf, join(OUT, `${spec.id}.pdf`));
      const plain = convert(work, `${spec.id}-noborders`, renderHtml(spec, false));
      copyFileSync(plain.pdf, join(OUT, `${spec.id}-noborders.pdf`));
      process.stdout.write(`${spec.id}: ${spec.rows.length} rows\n`);
    }
    // A password-protected PDF (open password "matkhau").
    const filter = { EncryptFile: { type: "boolean", value: "true" }, DocumentOpenPassword: { type: "string", value: "matkhau" } };
    mkdirSync(join(work, "enc"), { recursive: true });
    soffice(["--convert-to", `pdf:writer_pdf_Export:${JSON.stringify(filter)}`, "--outdir", join(work, "enc"), join(work, "003.docx")], work);
    copyFileSync(join(work, "enc", "003.pdf"), join(OUT, "encrypted.pdf"));
    await writeXlsx(specs[3]!, join(OUT, "004-appendix.xlsx"));
    // A scan: the first two pages of 003 rasterised at 50 dpi, grey.
    execFileSync("pdftoppm", ["-gray", "-r", "50", "-f", "1", "-l", "2", join(OUT, "003.pdf"), join(work, "scan")]);
    const pages = readdirSync(work)
      .filter((f) => f.startsWith("scan") && f.endsWith(".pgm"))
      .sort()
      .map((f) => readPgm(join(work, f)));
    writeFileSync(join(OUT, "scan.pdf"), imagePdf(pages));
    process.stdout.write(`wrote ${OUT}\n`);
  } finally {
    if (process.env.KEEP_WORK) process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
    rmSync(LO_PROFILE, { recursive: true, force: true });
  }
}

await main();
