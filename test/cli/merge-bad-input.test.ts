/**
 * The bad-input corpus (scripts/make-bad-fixtures.ts) through `cchc merge` and `cchc export` (quality.md, "Bad
 * input"): no crash, no stack trace, every file named in a finding, and — for the merge — every row read either
 * merged or listed with its reason.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { mergeFiles } from "../../cli/commands/merge.js";
import { makeBadFixtures, type BadFixture } from "../../scripts/make-bad-fixtures.js";
import { DONE, trackerFile } from "./merge-fixtures.js";

let dir: string;
let corpus: BadFixture[] = [];
const STACK = /\n\s+at .+\(?.+:\d+:\d+\)?/;
const NOW = new Date("2026-11-21T03:00:00Z");

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "cchc-merge-bad-"));
  corpus = await makeBadFixtures(dir);
  await writeFile(path.join(dir, "tot.xlsx"), trackerFile("xã Tốt", { "1": DONE() }));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cchc merge over the bad-input corpus", () => {
  it("names every bad file in a finding, merges the good one, never crashes", async () => {
    const io = memoryIo(NOW);
    const started = performance.now();
    const code = await runCli(["merge", dir, "--json", "--quarter", "3", "--year", "2026"], io);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(code).toBe(1);
    expect(io.stdout + io.stderr).not.toMatch(STACK);
    const json = JSON.parse(io.stdout) as { units: Array<{ unit: string; file: string }>; findings: Array<{ file: string; severity: string; code: string }> };
    expect(json.units.map((u) => u.file)).toContain(path.join(dir, "tot.xlsx"));
    for (const f of corpus) {
      const file = path.join(dir, f.file);
      const mine = json.findings.filter((x) => x.file === file);
      expect([f.file, mine.length > 0]).toEqual([f.file, true]);
      // What `cchc check` calls an error is an error in the merge too.
      if (f.check === 1) expect([f.file, mine.some((x) => x.severity === "error")]).toEqual([f.file, true]);
    }
  }, 120_000);

  it("accounts for every row read: merged or listed with its reason", async () => {
    const r = await mergeFiles({ inputs: [dir], output: null, quarter: 3, year: 2026, json: true }, memoryIo(NOW));
    const a = r.accounting;
    expect(a.rowsRead).toBe(a.rowsMerged + a.rowsListed);
    expect(Object.values(a.listed).reduce((s, n) => s + n, 0)).toBe(a.rowsListed);
    expect(a.rowsMerged).toBe(r.rows.length);
    expect(a.files).toBe(corpus.length + 1);
    for (const f of r.files) if (f.outcome !== "merged") expect([f.file, f.message.length > 0]).toEqual([f.file, true]);
  }, 120_000);
});

describe("cchc export over the bad-input corpus", () => {
  it("writes a report with findings (exit 1) or refuses the file (exit 2), never crashes", async () => {
    for (const f of corpus) {
      const file = path.join(dir, f.file);
      const io = memoryIo(NOW);
      const code = await runCli(["export", file, "--quarter", "3", "--year", "2026", "-o", path.join(dir, "out", `${f.file}.csv`)], io);
      expect([f.file, [1, 2].includes(code)]).toEqual([f.file, true]);
      expect(io.stdout + io.stderr, f.file).not.toMatch(STACK);
      if (code === 2) expect(io.stderr, f.file).toContain(f.file);
    }
  }, 120_000);
});
