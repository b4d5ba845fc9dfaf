import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { derivePlan } from "../../shared/app/index.js";
import { parsePlanText } from "../../shared/plan/index.js";
import { COMMUNE_TO_PROVINCE } from "../shared/derive/seed-pairs.js";
import { DOING, DONE, tempDir, trackerFile, type Entry } from "./merge-fixtures.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seedFile = (p: string) => path.join(root, "seeds", p === "000" ? "000_6179fdf5309b29e6.txt" : "001_e08ca05127985b31.txt");
const communePlan = parsePlanText(readFileSync(seedFile("000"), "utf8"));
const provincePlan = parsePlanText(readFileSync(seedFile("001"), "utf8"));

/** Unit u's entries: a fixed pattern that differs per unit and task (done, in progress, or left empty). */
function entriesOf(u: number): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  communePlan.tasks.forEach((t, i) => {
    const k = (u * 7 + i * 3) % 3;
    if (k === 0) out[t.id] = DONE("2026-01-20");
    else if (k === 1) out[t.id] = DOING;
  });
  return out;
}

async function cchc(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("cchc merge --province-plan", () => {
  it("links ≥ 95% of seed 000's tasks to the right province task and counts per province task as the files say", async () => {
    const dir = await tempDir();
    const units = Array.from({ length: 6 }, (_, u) => `xã Số ${u + 1}`);
    const filled = units.map((unit, u) => ({ unit, entries: entriesOf(u) }));
    for (const f of filled) await writeFile(path.join(dir, `${f.unit}.xlsx`), trackerFile(f.unit, f.entries, { plan: communePlan }));
    const out = path.join(dir, "out", "tinh.xlsx");
    const r = await cchc("merge", dir, "-o", out, "--quarter", "3", "--as-of", "2026-09-14", "--province-plan", seedFile("001"), "--json");
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    const doc = JSON.parse(r.stdout) as {
      provinceTasks: Array<{ id: string; communes: number; done: number; inProgress: number; notStarted: number; overdue: number }>;
      links: Array<{ unit: string; id: string; provinceTaskId: string | null; score: number }>;
    };
    expect(doc.links).toHaveLength(units.length * communePlan.tasks.length);
    const right = doc.links.filter((l) => l.provinceTaskId === COMMUNE_TO_PROVINCE[l.id]).length;
    expect(right / doc.links.length).toBeGreaterThanOrEqual(0.95);
    expect(doc.provinceTasks.map((p) => p.id)).toEqual(provincePlan.tasks.map((t) => t.id));

    // The count from the files: what was written into each tracker, grouped by the hand-made correspondence.
    for (const p of doc.provinceTasks) {
      const ids = Object.keys(COMMUNE_TO_PROVINCE).filter((id) => COMMUNE_TO_PROVINCE[id] === p.id);
      const states = filled.filter(() => ids.length > 0).map((f) => ids.map((id) => f.entries[id]?.status ?? "Chưa triển khai"));
      const expected = {
        communes: states.length,
        done: states.filter((s) => s.every((x) => x === "Hoàn thành")).length,
        notStarted: states.filter((s) => s.every((x) => x === "Chưa triển khai")).length,
      };
      const due = provincePlan.tasks.find((t) => t.id === p.id)!.deadline.due;
      const late = due !== null && due < "2026-09-14" ? states.filter((s) => s.some((x) => x !== "Hoàn thành")).length : 0;
      expect(p, `province task ${p.id}`).toMatchObject({ ...expected, inProgress: expected.communes - expected.done - expected.notStarted, overdue: late });
    }
    const totalCarried = doc.provinceTasks.reduce((s, p) => s + p.communes, 0);
    expect(totalCarried).toBe(units.length * new Set(Object.values(COMMUNE_TO_PROVINCE)).size);
  });

  it("uses a derived tracker's own links and the officer's --links corrections", async () => {
    const dir = await tempDir();
    const derived = derivePlan({ provincePlan, unit: "xã Cao Minh", output: "none" }).plan;
    await writeFile(path.join(dir, "cao-minh.xlsx"), trackerFile("xã Cao Minh", {}, { plan: derived }));
    const links = path.join(dir, "..", `links-${path.basename(dir)}.txt`);
    await writeFile(links, "Đơn vị;Mã NV xã;Mã NV tỉnh\nxã Cao Minh; 1; -\nxã Cao Minh;2;9\n");
    const r = await cchc("merge", dir, "--json", "--quarter", "3", "--province-plan", seedFile("001"), "--links", links);
    const doc = JSON.parse(r.stdout) as { links: Array<{ id: string; provinceTaskId: string | null; source: string }> };
    expect(doc.links.find((l) => l.id === "1")).toMatchObject({ provinceTaskId: null, source: "override" });
    expect(doc.links.find((l) => l.id === "2")).toMatchObject({ provinceTaskId: "9", source: "override" });
    expect(doc.links.find((l) => l.id === "3")).toMatchObject({ provinceTaskId: "4", source: "meta" });
  });

  it("refuses --links without --province-plan", async () => {
    const r = await cchc("merge", root, "--json", "--links", "x.txt");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toMatch(/--province-plan/);
  });
});
