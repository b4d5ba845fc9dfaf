import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { readEntries } from "../../shared/entries/read.js";
import { Plan, parsePlanBytes } from "../../shared/plan/index.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const province = path.join(repoRoot, "seeds/001_e08ca05127985b31.txt");
const tmp = path.join(repoRoot, "test/.tmp/cli-derive");

beforeAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function cchc(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("cchc derive", () => {
  it("--json prints the derived Plan as one JSON document", async () => {
    const r = await cchc("derive", province, "--unit", "xã Cao Minh", "--json");
    expect(r.code).toBe(0);
    const plan = Plan.parse(JSON.parse(r.stdout));
    expect(plan.unit).toBe("xã Cao Minh");
    expect(plan.tasks).toHaveLength(22);
    expect(plan.tasks[0]).toMatchObject({ id: "1", provinceTaskId: "2", leads: ["Phòng Văn hóa - Xã hội"] });
  });

  it("prints a readable listing with the province-only tasks when no -o/--json is given", async () => {
    const r = await cchc("derive", province, "--unit", "xã Cao Minh");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("NHIỆM VỤ CHỈ CỦA TỈNH");
    expect(r.stdout).toContain("[1] Xây dựng Kế hoạch triển khai tự chấm điểm");
  });

  it("-o plan.xlsx writes an appendix that cchc parse reads back to the same plan, links included", async () => {
    const out = path.join(tmp, "ke-hoach-cao-minh.xlsx");
    const r = await cchc("derive", province, "--unit", "xã Cao Minh", "-o", out);
    expect(r.code).toBe(0);
    const derived = Plan.parse(JSON.parse((await cchc("derive", province, "--unit", "xã Cao Minh", "--json")).stdout));
    const back = await parsePlanBytes(new Uint8Array(await readFile(out)), out);
    expect(back).toMatchObject({ unit: "xã Cao Minh", level: "commune", title: derived.title });
    const strip = (p: Plan) => p.tasks.map(({ source: _s, ...t }) => t);
    expect(strip(back)).toEqual(strip(derived));
  });

  it("-o tracker.xlsx --tracker writes a tracker whose _meta keeps each task's province task", async () => {
    const out = path.join(tmp, "so-cao-minh.xlsx");
    const r = await cchc("derive", province, "--unit", "xã Cao Minh", "-o", out, "--tracker");
    expect(r.code).toBe(0);
    const { entries } = readEntries(await readXlsxGrid(new Uint8Array(await readFile(out)), { file: out }));
    expect(entries!.meta.unit).toBe("xã Cao Minh");
    expect(entries!.meta.provinceTaskIds).toMatchObject({ "1": "2", "4": "5", "22": "23" });
    expect(entries!.meta.provincePlanId).toMatch(/^[0-9a-f]{16}$/);
    expect(entries!.rows).toHaveLength(22);
  });

  it("a tracker made by cchc init from the edited appendix keeps the links too", async () => {
    const plan = path.join(tmp, "ke-hoach-cao-minh.xlsx");
    const out = path.join(tmp, "so-tu-phu-luc.xlsx");
    expect((await cchc("init", plan, "-o", out)).code).toBe(0);
    const { entries } = readEntries(await readXlsxGrid(new Uint8Array(await readFile(out)), { file: out }));
    expect(entries!.meta.provinceTaskIds?.["3"]).toBe("4");
  });

  it("applies a --map file", async () => {
    const map = path.join(tmp, "don-vi.txt");
    await writeFile(map, "Sở Nội vụ = Văn phòng HĐND và UBND xã\n");
    const r = await cchc("derive", province, "--unit", "xã Cao Minh", "--map", map, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks[0].leads).toEqual(["Văn phòng HĐND và UBND xã"]);
  });

  it.each([
    [["derive", "PROVINCE"], /--unit/],
    [["derive", "PROVINCE", "--unit", "xã A", "-o", "PROVINCE"], /không phải .xlsx|đuôi .xlsx/],
    [["derive", "PROVINCE", "--unit", "xã A", "--tracker"], /--tracker/],
    [["derive", "--unit", "xã A"], /Thiếu tệp/],
  ])("refuses %j with exit 2 and a Vietnamese message", async (argv, message) => {
    const r = await cchc(...argv.map((a) => (a === "PROVINCE" ? province : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("never writes over its input", async () => {
    const copy = path.join(tmp, "tinh.xlsx");
    await writeFile(copy, await readFile(path.join(tmp, "ke-hoach-cao-minh.xlsx")));
    const before = await readFile(copy);
    const r = await cchc("derive", copy, "--unit", "xã A", "-o", copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tinh\.xlsx/);
    expect(await readFile(copy)).toEqual(before);
  });

  it("does not replace an existing file unless --force", async () => {
    const out = path.join(tmp, "ke-hoach-cao-minh.xlsx");
    const r = await cchc("derive", province, "--unit", "xã Cao Minh", "-o", out, "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe("wouldOverwrite");
    expect((await cchc("derive", province, "--unit", "xã Cao Minh", "-o", out, "--force")).code).toBe(0);
  });

  it("refuses a bad --map line naming the file and line", async () => {
    const map = path.join(tmp, "sai.txt");
    await writeFile(map, "Sở Nội vụ Phòng Văn hóa\n");
    const r = await cchc("derive", province, "--unit", "xã A", "--map", map);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sai.txt");
    expect(r.stderr).toContain("dòng 1");
  });
});
