/**
 * The command-line contract under faults (product.md, "Command line contract"; issue 13), through real child
 * processes and real files: no input and no filled tracker is ever written over (symbolic and hard links and
 * case-only names included) unless --force; `--json` prints exactly one JSON document on every path, exit 2
 * included; every entry of a merge folder that is not read is named with its reason; a killed merge leaves the old
 * output whole and no temporary file.
 */
import { execFileSync } from "node:child_process";
import { link, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProvinceGrid } from "../../shared/merge/province-read.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { cchc, cchcKilled, onlyJson, type CliRun } from "./cli-process.js";
import { DOING, DONE, tempDir, trackerFile } from "./merge-fixtures.js";

let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);
const bytesOf = (f: string) => readFile(f);

beforeAll(async () => {
  dir = await tempDir("cchc-contract-");
  await writeFile(at("an.xlsx"), trackerFile("xã An Khánh", { "1": DONE(), "4": DOING }));
  await writeFile(at("chau.xlsx"), trackerFile("xã Châu Thành", { "1": DONE() }));
  await writeFile(at("blank.xlsx"), trackerFile("xã Trống", {}));
  await mkdir(at("reports"));
  await writeFile(at("reports", "xa-an.xlsx"), trackerFile("xã An Khánh", { "1": DONE() }));
  await writeFile(at("reports", "xa-binh.xlsx"), trackerFile("xã Bình", { "3": DONE("2026-05-01") }));
  await writeFile(at("units.txt"), "xã An Khánh\nxã Bình\n");
  await writeFile(at("plan.txt"), "KẾ HOẠCH CCHC xã An Khánh năm 2026\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ERROR_KEYS = ["code", "message", "file", "sheet", "cell"];

/** A refused write: exit 2, one JSON document with the wouldOverwrite code, the file unchanged. */
async function expectRefused(args: string[], protectedFile: string): Promise<CliRun> {
  const before = await bytesOf(protectedFile);
  const r = cchc([...args, "--json"]);
  expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--force")]);
  const doc = onlyJson<{ error: Record<string, unknown> }>(r);
  expect(Object.keys(doc.error)).toEqual(ERROR_KEYS);
  expect(doc.error.code).toBe("wouldOverwrite");
  expect(Buffer.compare(await bytesOf(protectedFile), before)).toBe(0);
  return r;
}

describe("no command writes over an input or a filled tracker", () => {
  it("export -o naming its input", async () => {
    await expectRefused(["export", at("an.xlsx"), "--quarter", "3", "--format", "xlsx", "-o", at("an.xlsx")], at("an.xlsx"));
  });

  it("export -o through a symbolic link to the input, and through a hard link", async () => {
    await symlink(at("an.xlsx"), at("an-link.xlsx"));
    await link(at("an.xlsx"), at("an-hard.xlsx"));
    await expectRefused(["export", at("an.xlsx"), "--quarter", "3", "-o", at("an-link.xlsx")], at("an.xlsx"));
    await expectRefused(["export", at("an-hard.xlsx"), "--quarter", "3", "-o", at("an.xlsx")], at("an.xlsx"));
  });

  it("a name that differs from the input only in case", async () => {
    const r = await expectRefused(["export", at("an.xlsx"), "--quarter", "3", "-o", at("AN.xlsx")], at("an.xlsx"));
    expect(r.stderr).toContain("chữ hoa/chữ thường");
  });

  it("summary -o another commune's filled tracker, and -o the tracker itself (no backup)", async () => {
    await expectRefused(["summary", at("an.xlsx"), "--quarter", "3", "-o", at("chau.xlsx")], at("chau.xlsx"));
    await expectRefused(["summary", at("an.xlsx"), "--quarter", "3", "-o", at("an.xlsx")], at("an.xlsx"));
  });

  it("summary re-run into its own copy is allowed (the copy holds the same entries); a blank tracker is replaced", () => {
    expect(cchc(["summary", at("an.xlsx"), "--quarter", "3", "-o", at("an-q3.xlsx")]).code).toBe(0);
    expect(cchc(["summary", at("an.xlsx"), "--quarter", "3", "-o", at("an-q3.xlsx")]).code).toBe(0);
    expect(cchc(["export", at("an.xlsx"), "--quarter", "3", "-o", at("blank.xlsx")]).code).toBe(0);
  });

  it("merge -o naming a commune's tracker in the merged folder, or the --expect list", async () => {
    const r = await expectRefused(["merge", at("reports"), "-o", at("reports", "xa-binh.xlsx"), "--quarter", "3"], at("reports", "xa-binh.xlsx"));
    expect(r.stderr).toContain("xa-binh.xlsx");
    await writeFile(at("units.xlsx"), "xã An Khánh\n");
    await expectRefused(["merge", at("reports"), "-o", at("units.xlsx"), "--expect", at("units.xlsx"), "--quarter", "3"], at("units.xlsx"));
  });

  it("merge -o over a filled tracker outside the inputs", async () => {
    await expectRefused(["merge", at("reports"), "-o", at("chau.xlsx"), "--quarter", "3"], at("chau.xlsx"));
  });

  it("merge re-run replaces its own province workbook in the folder and says so", () => {
    const out = at("reports", "tinh.xlsx");
    expect(cchc(["merge", at("reports"), "-o", out, "--quarter", "3"]).code).toBe(0);
    const again = cchc(["merge", at("reports"), "-o", out, "--quarter", "3", "--json"]);
    expect(again.code).toBe(0);
    const doc = onlyJson<{ units: unknown[]; skipped: Array<{ file: string; reason: string }> }>(again);
    expect(doc.units).toHaveLength(2);
    expect(doc.skipped).toContainEqual(expect.objectContaining({ file: out, reason: "output" }));
  });

  it("init -o naming the plan (a plan sent as .xlsx)", async () => {
    await writeFile(at("plan.xlsx"), trackerFile("xã An Khánh", {}));
    await expectRefused(["init", at("plan.xlsx"), "-o", at("plan.xlsx")], at("plan.xlsx"));
  });

  it("--force overrides the rule", async () => {
    const before = await bytesOf(at("chau.xlsx"));
    const r = cchc(["export", at("an.xlsx"), "--quarter", "3", "--format", "xlsx", "-o", at("chau.xlsx"), "--force"]);
    expect(r.code).toBe(0);
    expect(Buffer.compare(await bytesOf(at("chau.xlsx")), before)).not.toBe(0);
  });
});

describe("--json: exactly one JSON document on stdout, whatever happens", () => {
  const missing = () => at("khong-co.xlsx");
  const cases: Array<[string, () => string[], string]> = [
    ["parse: missing file", () => ["parse", missing()], "fileNotFound"],
    ["parse: bad option", () => ["parse", at("plan.txt"), "--bogus"], "usage"],
    ["init: missing file", () => ["init", missing(), "-o", at("x.xlsx")], "fileNotFound"],
    ["init: bad date", () => ["init", at("plan.txt"), "-o", at("x.xlsx"), "--as-of", "2026-13-01"], "usage"],
    ["check: missing file", () => ["check", missing()], "fileNotFound"],
    ["check: bad date", () => ["check", at("an.xlsx"), "--as-of", "31/02/2026"], "usage"],
    ["check: not a workbook", () => ["check", at("units.txt")], "unusableInput"],
    ["summary: --quarter -1", () => ["summary", at("an.xlsx"), "--quarter", "-1"], "usage"],
    ["summary: --year 0000", () => ["summary", at("an.xlsx"), "--quarter", "3", "--year", "0000"], "usage"],
    ["summary: --year 9999", () => ["summary", at("an.xlsx"), "--quarter", "3", "--year", "9999"], "usage"],
    ["summary: unwritable -o", () => ["summary", at("an.xlsx"), "--quarter", "3", "-o", "/proc/x.xlsx"], "cannotWrite"],
    ["merge: missing --expect", () => ["merge", at("reports"), "-o", at("t.xlsx"), "--expect", missing()], "expectUnreadable"],
    ["merge: missing input", () => ["merge", missing(), "-o", at("t.xlsx")], "fileNotFound"],
    ["export: missing file", () => ["export", missing(), "--quarter", "3", "-o", at("r.csv")], "fileNotFound"],
    ["export: bad format", () => ["export", at("an.xlsx"), "--quarter", "3", "--format", "pdf", "-o", at("r.pdf")], "usage"],
    ["unknown command", () => ["gop", "--json"], "usage"],
  ];

  it.each(cases)("%s", (_label, args, code) => {
    const argv = args();
    const r = cchc(argv.includes("--json") ? argv : [...argv, "--json"]);
    expect(r.code).toBe(2);
    const doc = onlyJson<{ error: Record<string, unknown> }>(r);
    expect(Object.keys(doc.error)).toEqual(ERROR_KEYS);
    expect(doc.error.code).toBe(code);
    expect(typeof doc.error.message).toBe("string");
    // Human text is on stderr, in Vietnamese, with no stack trace and no temporary file name.
    expect(r.stderr).toMatch(/^Lỗi: /);
    expect(r.stderr).not.toMatch(/\n\s+at |\.tmp|ENOENT|no such day/);
  });

  it("names the file once in the human message", () => {
    const r = cchc(["check", at("units.txt")]);
    expect(r.stderr.split(at("units.txt")).length - 1).toBe(1);
  });

  it("init and export take --json (their results as JSON)", () => {
    const e = cchc(["export", at("an.xlsx"), "--quarter", "3", "-o", at("an.csv"), "--json"]);
    expect(e.code).toBe(0);
    expect(onlyJson(e)).toMatchObject({ output: at("an.csv"), format: "csv" });
  });

  it("merge --json has rowCount, and --no-rows leaves the rows out", () => {
    const all = onlyJson<{ rowCount: number; rows: unknown[] }>(cchc(["merge", at("reports"), "--quarter", "3", "--json"]));
    expect(all.rowCount).toBe(all.rows.length);
    const lean = onlyJson<{ rowCount: number; rows?: unknown[] }>(cchc(["merge", at("reports"), "--quarter", "3", "--json", "--no-rows"]));
    expect(lean.rowCount).toBe(all.rowCount);
    expect(lean.rows).toBeUndefined();
  });
});

describe("merge folders: nothing dropped silently", () => {
  it("names dangling links, link loops, FIFOs, folder links and temporary files with their reasons", async () => {
    const box = at("box");
    await mkdir(box);
    await writeFile(path.join(box, "xa-an.xlsx"), trackerFile("xã An Khánh", { "1": DONE() }));
    await symlink(path.join(box, "gone.xlsx"), path.join(box, "dangling.xlsx"));
    await symlink(path.join(box, "loop.xlsx"), path.join(box, "loop.xlsx"));
    await symlink(box, path.join(box, "self"));
    execFileSync("mkfifo", [path.join(box, "pipe.xlsx")]);
    await writeFile(path.join(box, ".tinh.xlsx.cchc-123-abcdef.tmp"), "half");
    await writeFile(path.join(box, "tinh.xlsx.4567.tmp"), "half");
    const r = cchc(["merge", box, "--quarter", "3", "--json", "--no-rows"], { timeout: 30_000 });
    expect(r.code).toBe(0);
    const doc = onlyJson<{ skipped: Array<{ file: string; reason: string }> }>(r);
    const reasons = Object.fromEntries(doc.skipped.map((s) => [path.basename(s.file), s.reason]));
    expect(reasons).toEqual({
      "dangling.xlsx": "danglingLink",
      "loop.xlsx": "linkLoop",
      self: "folderLink",
      "pipe.xlsx": "special",
      ".tinh.xlsx.cchc-123-abcdef.tmp": "temp",
      "tinh.xlsx.4567.tmp": "temp",
    });
    for (const s of doc.skipped) expect(r.stderr).toContain(`Bỏ qua ${s.file}:`);
  });
});

describe("a killed merge", () => {
  it("leaves the previous output whole and no temporary file", async () => {
    const box = at("many");
    await mkdir(box);
    const file = trackerFile("xã Mẫu", { "1": DONE() });
    for (let i = 0; i < 150; i++) {
      const b = trackerFile(`xã Số ${i}`, { "1": DONE(), "4": DOING });
      await writeFile(path.join(box, `xa-${String(i).padStart(3, "0")}.xlsx`), i === 0 ? file : b);
    }
    const outDir = at("out");
    await mkdir(outDir);
    const out = path.join(outDir, "tinh.xlsx");
    const first = cchc(["merge", box, "-o", out, "--quarter", "3"], { timeout: 120_000 });
    expect(first.code).toBe(0);
    const old = await bytesOf(out);
    for (const [signal, ms] of [["SIGTERM", 900], ["SIGINT", 1500], ["SIGTERM", 2200]] as const) {
      const r = await cchcKilled(["merge", box, "-o", out, "--quarter", "3", "--json", "--no-rows"], signal, ms);
      const now = await bytesOf(out);
      // Killed before the rename: the old file; after it: a whole new province workbook.
      if (Buffer.compare(now, old) !== 0) expect(isProvinceGrid(readXlsxGridFast(new Uint8Array(now), { file: out }))).toBe(true);
      expect(await readdir(outDir)).toEqual(["tinh.xlsx"]);
      if (r.signal === null && r.code !== 0) {
        // Our handler ran: it said why, and the one JSON document is the error.
        expect(r.code).toBe(signal === "SIGINT" ? 130 : 143);
        expect(onlyJson<{ error: { code: string } }>(r).error.code).toBe("interrupted");
      }
    }
  }, 180_000);
});
