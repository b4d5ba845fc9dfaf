/**
 * Benchmark data: N filled commune trackers in bench/.data/communes-N/ (git-ignored), made from the four commune
 * seeds. Each seed's tracker is rendered once with exceljs (as `cchc init` writes it); each commune's file is that
 * template with its unit name in _meta and its entries (status, progress, completion date, result, note) patched
 * into the task rows' empty cells, then zipped again — seconds for thousands of files instead of an exceljs render
 * each. Entries are drawn from a seeded generator, so every run makes the same files.
 *
 * Usage: tsx bench/make-trackers.ts [N…]   (default 92 and 3321)
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { readEntries } from "../shared/entries/read.js";
import { parsePlanText } from "../shared/plan/index.js";
import { buildTracker, taskColumnLetter } from "../shared/workbook/build-tracker.js";
import { META_KEYS } from "../shared/workbook/layout.js";
import { readXlsxGridFast } from "../shared/xlsx/fast-read.js";
import { renderWorkbook } from "../shared/xlsx/render.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
/** Where generated data goes (git-ignored). */
export const DATA_DIR = path.join(here, ".data");
/** Bump when the generated files change, so old sets are made again. */
const VERSION = "3";
/** The commune seeds: each commune tracks one of these plans. */
const COMMUNE_SEEDS = ["000_6179fdf5309b29e6.txt", "002_169211afdee7665e.txt", "003_db0447c41af15103.txt", "004_0deebdd1aa5ed513.txt"];

const FIRST = ["An", "Bình", "Cao", "Đông", "Hòa", "Phú", "Tân", "Thạnh", "Xuân", "Minh", "Long", "Phước", "Hưng", "Quang", "Thái", "Vĩnh", "Đức", "Hải", "Kim", "Lạc", "Mỹ", "Nam", "Ninh", "Sơn", "Thanh", "Trung", "Việt", "Yên", "Hồng", "Gia"];
const SECOND = ["Khánh", "Thịnh", "Dương", "Lợi", "Hòa", "Phong", "Lộc", "Tiến", "Thành", "Điền", "Sơn", "Hà", "Lâm", "Mỹ", "Phúc", "Quý", "Tường", "Xuyên", "Vân", "Thuận", "Hiệp", "Trạch", "Bảo", "Đạt", "Hợp", "Nghĩa", "Tài", "Trị", "Vinh", "Yên"];

/** The i-th commune's name (distinct for i < 900, then numbered). */
export function communeName(i: number): string {
  const a = FIRST[i % FIRST.length]!;
  const b = SECOND[Math.floor(i / FIRST.length) % SECOND.length]!;
  const round = Math.floor(i / (FIRST.length * SECOND.length));
  return `xã ${a} ${b}${round > 0 ? ` ${round + 1}` : ""}`;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A seed's tracker, ready to patch: the zip's parts, the task rows and the parts to change. */
interface Template {
  files: Record<string, Uint8Array>;
  tasksPart: string;
  metaPart: string;
  metaUnitCell: string;
  rows: number[];
}

async function template(seed: string): Promise<Template> {
  const plan = parsePlanText(await readFile(path.join(root, "seeds", seed), "utf8"));
  const spec = buildTracker(plan, { unit: plan.unit ?? "xã Mẫu", year: 2026, asOf: "2026-09-14" });
  const bytes = await renderWorkbook(spec);
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const partOf = (sheet: string) => {
    const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`template of ${seed}: no sheet ${sheet}`);
    return `xl/${target.replace(/^\/?xl\//, "")}`;
  };
  const { entries } = readEntries(readXlsxGridFast(bytes, { file: seed }));
  if (!entries) throw new Error(`template of ${seed}: no task table`);
  return {
    files,
    tasksPart: partOf("Nhiệm vụ"),
    metaPart: partOf("_meta"),
    metaUnitCell: `B${META_KEYS.indexOf("unit") + 1}`,
    rows: entries.rows.map((r) => r.row),
  };
}

/** Sets a cell that the template left empty (exceljs writes it as <c r="I6" s="25"/>). */
function setCell(xml: string, ref: string, value: string | number): string {
  const re = new RegExp(`<c r="${ref}"( s="\\d+")?\\s*/>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`cell ${ref} is not empty in the template`);
  const style = m[1] ?? "";
  const cell = typeof value === "number" ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  return xml.slice(0, m.index) + cell + xml.slice(m.index + m[0].length);
}

/** Replaces a filled cell's value with text. */
function replaceCell(xml: string, ref: string, value: string): string {
  const re = new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*>.*?</c>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`cell ${ref} not found`);
  return xml.slice(0, m.index) + `<c r="${ref}"${m[1] ?? ""} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>` + xml.slice(m.index + m[0].length);
}

const SERIAL_2026_01_10 = 46032;
const SERIAL_2026_09_10 = 46275;

/** One commune's tracker: the template with its unit and entries. */
function commune(t: Template, unit: string, index: number): Uint8Array {
  const rnd = random(index * 7919 + 17);
  let tasks = strFromU8(t.files[t.tasksPart]!);
  const col = (k: Parameters<typeof taskColumnLetter>[0]) => taskColumnLetter(k);
  for (const row of t.rows) {
    const x = rnd();
    if (x < 0.45) {
      const serial = SERIAL_2026_01_10 + Math.floor(rnd() * (SERIAL_2026_09_10 - SERIAL_2026_01_10));
      tasks = setCell(tasks, `${col("status")}${row}`, "Hoàn thành");
      tasks = setCell(tasks, `${col("progress")}${row}`, 100);
      // 2% of completed tasks lack their completion date: an error the merge must report.
      if (rnd() > 0.02) tasks = setCell(tasks, `${col("completedOn")}${row}`, serial);
      tasks = setCell(tasks, `${col("result")}${row}`, `Văn bản số ${1 + Math.floor(rnd() * 300)}/KH-UBND`);
    } else if (x < 0.7) {
      tasks = setCell(tasks, `${col("status")}${row}`, "Đang thực hiện");
      tasks = setCell(tasks, `${col("progress")}${row}`, 10 + Math.floor(rnd() * 80));
    } else if (x < 0.75) {
      tasks = setCell(tasks, `${col("status")}${row}`, "Không thực hiện");
      tasks = setCell(tasks, `${col("note")}${row}`, "Không bố trí được kinh phí");
    } else if (x < 0.77) {
      // Typed over the dropdown: an invalid status.
      tasks = setCell(tasks, `${col("status")}${row}`, "Đã xong");
    }
    // Otherwise left empty: Chưa triển khai.
  }
  const meta = replaceCell(strFromU8(t.files[t.metaPart]!), t.metaUnitCell, unit);
  const out: Zippable = { ...t.files, [t.tasksPart]: strToU8(tasks), [t.metaPart]: strToU8(meta) };
  return zipSync(out, { level: 6 });
}

/** Makes (or reuses) N commune trackers; returns their folder and unit names. */
export async function ensureTrackers(n: number, log: (s: string) => void = () => {}): Promise<{ dir: string; units: string[] }> {
  const dir = path.join(DATA_DIR, `communes-${n}`);
  const marker = path.join(dir, ".complete");
  const units = Array.from({ length: n }, (_, i) => communeName(i));
  if (existsSync(marker) && (await readFile(marker, "utf8")) === `${VERSION} ${n}`) return { dir, units };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  log(`Tạo ${n} sổ theo dõi mẫu trong ${path.relative(root, dir)} …\n`);
  const templates = await Promise.all(COMMUNE_SEEDS.map(template));
  for (let i = 0; i < n; i++) {
    const bytes = commune(templates[i % templates.length]!, units[i]!, i);
    await writeFile(path.join(dir, `${String(i + 1).padStart(4, "0")}.xlsx`), bytes);
  }
  await writeFile(marker, `${VERSION} ${n}`);
  return { dir, units };
}

/** Lists the .xlsx files of a generated folder. */
export async function trackerFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(dir, f));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const counts = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const n of counts.length ? counts : [92, 3321]) {
    const t = performance.now();
    const { dir } = await ensureTrackers(n, (s) => process.stdout.write(s));
    process.stdout.write(`${n} sổ theo dõi: ${path.relative(root, dir)} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  }
}
