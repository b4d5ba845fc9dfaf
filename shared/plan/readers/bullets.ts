/**
 * Bullet plans with no task table (seed 002, a 2026–2030 commune plan): numbered reform areas, each with
 * "a) Mục tiêu" (targets as `- ` bullets) and "b) Nhiệm vụ" (tasks as `- ` bullets). The lead unit of an area
 * comes from the plan's "TỔ CHỨC THỰC HIỆN" section (the unit that "chủ trì" that area); the deadline of every
 * task is the end of the plan period.
 */
import { planMessages as M } from "../../messages/plan.js";
import { AREAS, type Area } from "../../workbook/layout.js";
import { classifyArea } from "../classify.js";
import type { Deadline, Group, Task } from "../schema.js";
import { fold, plainLine, squash } from "../text.js";
import { canonicalUnit } from "../units.js";
import type { ReaderContext, ReaderOutput } from "./types.js";

const [DIRECTION, INSTITUTIONS, PROCEDURES, ORGANISATION, CIVIL_SERVICE, FINANCE, DIGITAL] = AREAS;

const ROMAN_HEADING = /^[IVX]+\s*[.)]\s+\S/;
const NUMBERED_HEADING = /^(\d{1,2})\s*[.)]\s+(.+)$/;
const SUBHEADING = /^[a-zđ]\)\s*(muc tieu|nhiem vu)\b/;
const BULLET = /^\s*[-–•*+]\s+(.*)$/;
const END_OF_BODY = /^(noi nhan|tren day la)\b/;

/**
 * The folded start of a line with its Markdown marks removed: enough to recognise headings ("b) Nhiệm vụ",
 * "Nơi nhận") without folding every long paragraph in full.
 */
function headFold(line: string): string {
  return fold(plainLine(line.slice(0, 80)));
}

/** True when the text has "b) Nhiệm vụ" sub-headings followed by bullets: a bullet plan. */
export function hasBulletTasks(text: string): boolean {
  const lines = text.split("\n");
  let inTasks = false;
  for (const line of lines) {
    if (inTasks && BULLET.test(line)) return true;
    const f = headFold(line);
    if (SUBHEADING.test(f)) inTasks = f.includes("nhiem vu");
  }
  return false;
}

/** Phrases by which a "chủ trì" sentence of TỔ CHỨC THỰC HIỆN assigns an area to a unit (folded). */
const AREA_PHRASES: ReadonlyArray<readonly [Area, readonly string[]]> = [
  [INSTITUTIONS, ["cai cach the che"]],
  [PROCEDURES, ["cai cach thu tuc hanh chinh", "cai cach tthc"]],
  [ORGANISATION, ["cai cach to chuc bo may", "to chuc bo may"]],
  [CIVIL_SERVICE, ["cai cach che do cong vu", "che do cong vu", "cai cach cong vu"]],
  [FINANCE, ["cai cach tai chinh cong", "tai chinh cong"]],
  [DIGITAL, ["chinh quyen dien tu", "chinh quyen so"]],
  [DIRECTION, ["chi dao, dieu hanh", "chi dao dieu hanh"]],
];

/** The lead unit of each area, read from the plan's "TỔ CHỨC THỰC HIỆN" section; also the standing unit. */
export function areaLeads(text: string): { leads: Map<Area, string>; standing: string | null } {
  const raw = text.split("\n");
  const leads = new Map<Area, string>();
  let standing: string | null = null;
  const start = raw.findIndex((l) => l.length < 120 && /^([ivx]+\s*[.)]\s*)?to chuc thuc hien$/.test(fold(plainLine(l))));
  if (start < 0) return { leads, standing };
  const lines = raw.map((l, i) => (i > start ? plainLine(l) : ""));
  let unit: string | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const f = fold(line);
    if (ROMAN_HEADING.test(line) || END_OF_BODY.test(f)) break;
    const heading = NUMBERED_HEADING.exec(line);
    if (heading?.[2] && !/^[-–•*+]/.test(line)) {
      // "2. Phòng Văn hóa - Xã hội" (a heading); "4. Trung tâm …: Đăng tải …" names the unit before the colon.
      unit = canonicalUnit((heading[2].split(":")[0] ?? "").replace(/^(đề nghị|giao)\s+/iu, ""));
      const rest = heading[2].includes(":") ? heading[2].slice(heading[2].indexOf(":") + 1) : "";
      if (rest) assign(fold(rest));
      continue;
    }
    if (unit) assign(f);
  }
  return { leads, standing };

  function assign(f: string): void {
    if (!unit) return;
    if (/\bthuong truc\b/.test(f) && standing === null) standing = unit;
    if (!/\bchu tri\b/.test(f)) return;
    for (const [area, phrases] of AREA_PHRASES) {
      if (!leads.has(area) && phrases.some((p) => f.includes(p))) leads.set(area, unit);
    }
  }
}

interface Item {
  text: string;
  line: number;
}

interface AreaBlock {
  number: string;
  title: string;
  line: number;
  targets: Item[];
  tasks: Item[];
}

/** Reads a bullet plan: areas as groups, "Nhiệm vụ" bullets as tasks, "Mục tiêu" bullets as targets. */
export function readBullets(text: string, ctx: ReaderContext): ReaderOutput {
  const out: ReaderOutput = { tasks: [], groups: [], targets: [], warnings: [] };
  const lines = text.split("\n");
  const blocks: AreaBlock[] = [];
  let candidate: { number: string; title: string; line: number } | null = null;
  let block: AreaBlock | null = null;
  let list: Item[] | null = null;

  lines.forEach((raw, k) => {
    const n = k + 1;
    const plain = plainLine(raw);
    if (!plain) return;
    const f = headFold(raw);
    const bullet = BULLET.exec(raw);
    if (!bullet && (ROMAN_HEADING.test(plain) || END_OF_BODY.test(f))) {
      candidate = null;
      block = null;
      list = null;
      return;
    }
    const heading = bullet ? null : NUMBERED_HEADING.exec(plain);
    if (heading?.[1] && heading[2]) {
      candidate = { number: heading[1], title: heading[2], line: n };
      block = null;
      list = null;
      return;
    }
    const sub = SUBHEADING.exec(f);
    if (!bullet && sub) {
      if (!block && candidate) {
        block = { ...candidate, targets: [], tasks: [] };
        blocks.push(block);
      }
      list = block ? (sub[1] === "nhiem vu" ? block.tasks : block.targets) : null;
      return;
    }
    if (!list) return;
    const items: Item[] = list;
    const last = items[items.length - 1];
    if (bullet) {
      const body = plainLine(bullet[1] ?? "");
      // "+ " sub-items belong to the "- " item above them.
      if (/^\s*\+/.test(raw) && last) last.text = `${last.text} ${body}`;
      else if (body) items.push({ text: body, line: n });
      return;
    }
    // A line without a bullet: the rest of a bullet cut by a page break ("… và chính" / "xác làm cơ sở …")
    // when the bullet had not ended or the line starts in lower case; otherwise prose (an area's preamble).
    if (last && (!/[.;:!?]$/.test(last.text) || /^\p{Ll}/u.test(plain))) last.text = `${last.text} ${plain}`;
  });

  const { leads, standing } = areaLeads(text);
  const deadline = periodDeadline(ctx);
  const usedIds = new Set<string>();
  for (const b of blocks) {
    const area = classifyArea(b.title);
    let id = b.number;
    for (let k = 2; usedIds.has(id); k++) id = `${b.number}-${k}`;
    usedIds.add(id);
    const group: Group = { id, title: squash(b.title), parent: null };
    out.groups.push(group);
    let lead = leads.get(area) ?? null;
    if (!lead && b.tasks.length) {
      out.warnings.push({ line: b.line, message: M.warnNoAreaLead(group.title) });
      lead = standing;
    }
    b.tasks.forEach((item, k) => {
      const task: Task = {
        id: `${id}.${k + 1}`,
        title: squash(item.text),
        group: id,
        area,
        requirement: null,
        leads: lead ? [lead] : [],
        partners: [],
        deadline: { ...deadline },
        source: "body",
      };
      out.tasks.push(task);
    });
    for (const item of b.targets) out.targets.push({ area, text: squash(item.text) });
  }
  return out;
}

/** The deadline of a task that has none of its own: the end of the plan period, in the plan's words. */
function periodDeadline(ctx: ReaderContext): Deadline {
  const from = ctx.period.from.slice(0, 4);
  const to = ctx.period.to.slice(0, 4);
  const raw = from === to ? `Năm ${to}` : `Giai đoạn ${from} - ${to}`;
  return { raw, kind: "period", due: ctx.period.to, note: null };
}
