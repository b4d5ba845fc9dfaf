/** `cchc parse <plan> [--json]`: reads a plan and prints it as a readable Vietnamese list, or as JSON. */
import { UsageError, describeLocation } from "../../shared/errors.js";
import { planMessages as M } from "../../shared/messages/index.js";
import { parsePlanBytes, type Group, type Plan, type Task } from "../../shared/plan/index.js";
import { readInputFile } from "../files.js";
import type { CliIo } from "../io.js";
import { parseOptions } from "../options.js";
import { emitJson } from "../output.js";

/** Runs `cchc parse`; exit 0 with the plan printed, 2 for a missing/unreadable file or a file with no plan. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(
    argv,
    { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    M.usageParse,
  );
  if (parsed.values.help) {
    io.out(M.usageParse + "\n");
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError(`${M.missingFile}\n${M.usageParse}`);
  if (extra.length) throw new UsageError(`${M.tooManyFiles}\n${M.usageParse}`);

  const plan = await parsePlanBytes(await readInputFile(file, M.isDirectory), file);
  if (parsed.values.json) emitJson(io, plan);
  else io.out(formatPlan(plan));
  return 0;
}

/** "2026-03-31" → "31/03/2026". */
function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The deadline as the plan wrote it, with the due date it means: "Quý I/2026 → hạn 31/03/2026". */
function deadlineText(task: Task): string {
  const due = task.deadline.due ? M.due(dmy(task.deadline.due)) : M.recurring;
  const raw = task.deadline.raw || M.none;
  return `${raw} → ${due}`;
}

/** Formats a plan as the readable Vietnamese listing printed by `cchc parse`. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [];
  const levelName = plan.level === "province" ? M.levelProvince : M.levelCommune;
  lines.push(`${M.cliTitle}: ${plan.title}`);
  if (plan.issuer) lines.push(`${M.cliIssuer}: ${plan.issuer}`);
  lines.push(`${M.cliUnit}: ${plan.unit ?? M.none} (${M.cliLevel} ${levelName})`);
  lines.push(`${M.cliPeriod}: ${dmy(plan.period.from)} – ${dmy(plan.period.to)}`);
  lines.push(M.cliTaskCount(plan.tasks.length, plan.groups.length, plan.targets.length));
  lines.push("", M.cliTasks);

  const groups = new Map(plan.groups.map((g) => [g.id, g]));
  const chainOf = (id: string | null): Group[] => {
    const chain: Group[] = [];
    for (let g = id ? groups.get(id) : undefined; g; g = g.parent ? groups.get(g.parent) : undefined) {
      if (chain.includes(g)) break;
      chain.unshift(g);
    }
    return chain;
  };
  const printed = new Set<string>();
  const pad = (label: string): string => `    ${label}: `;
  for (const task of plan.tasks) {
    chainOf(task.group).forEach((g, depth) => {
      if (printed.has(g.id)) return;
      printed.add(g.id);
      lines.push("", `${"  ".repeat(depth)}== ${g.id}. ${g.title} ==`);
    });
    lines.push("", `[${task.id}] ${task.title}`);
    if (task.area) lines.push(pad(M.colArea) + task.area);
    if (task.requirement) lines.push(pad(M.colRequirement) + task.requirement);
    lines.push(pad(M.colLeads) + (task.leads.join("; ") || M.none));
    lines.push(pad(M.colPartners) + (task.partners.join("; ") || M.none));
    lines.push(pad(M.colDeadline) + deadlineText(task) + (task.deadline.note ? ` (${task.deadline.note})` : ""));
  }

  if (plan.targets.length) {
    lines.push("", M.cliTargets);
    let area: string | null | undefined;
    for (const t of plan.targets) {
      if (t.area !== area) {
        area = t.area;
        if (area) lines.push(`  ${area}:`);
      }
      lines.push(`  - ${t.text}`);
    }
  }
  if (plan.warnings.length) {
    lines.push("", M.cliWarnings);
    for (const w of plan.warnings) {
      const where = describeLocation({ page: w.page, line: w.line });
      lines.push(`  - ${where ? `${where}: ` : ""}${w.message}`);
    }
  }
  return lines.join("\n") + "\n";
}
