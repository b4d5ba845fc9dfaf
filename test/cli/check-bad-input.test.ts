/**
 * The bad-input corpus (scripts/make-bad-fixtures.ts) through `cchc check` and `cchc summary`: no crash, no stack
 * trace, exit 1 or 2 as expected, a finding or message naming the file (and the sheet and cell where there is
 * one), within a minute and bounded memory.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { makeBadFixtures, type BadFixture } from "../../scripts/make-bad-fixtures.js";

let dir: string;
let corpus: BadFixture[] = [];
const STACK = /\n\s+at .+\(?.+:\d+:\d+\)?/;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "cchc-bad-"));
  corpus = await makeBadFixtures(dir);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const io = memoryIo();
  const started = performance.now();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr, ms: performance.now() - started };
}

describe("bad input corpus", () => {
  it("has the files quality.md asks for", () => {
    expect(corpus.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        "empty.xlsx", "random-bytes.xlsx", "csv-renamed.xlsx", "zip-not-workbook.xlsx", "encrypted.xlsx", "zip-bomb-declared.xlsx",
        "zip-bomb-lying.xlsx", "no-meta.xlsx", "unknown-version.xlsx", "renamed-headers.xlsx", "missing-header.xlsx", "moved-columns.xlsx",
        "deleted-row.xlsx", "duplicated-row.xlsx", "huge-cells.xlsx", "formulas-in-entries.xlsx", "formula-injection.xlsx",
        "statuses-typed.xlsx", "text-dates.xlsx",
      ]),
    );
  });

  it("cchc check: every file ends in findings or a message, never a crash", async () => {
    const started = performance.now();
    for (const f of corpus) {
      const file = path.join(dir, f.file);
      const text = await cli(["check", file, "--as-of", "2026-09-14"]);
      expect([f.file, text.code]).toEqual([f.file, f.check]);
      expect(text.out + text.err, f.file).not.toMatch(STACK);
      expect(text.out + text.err, f.file).toContain(file);
      if (f.check === 2) {
        expect(text.err, f.file).toContain(f.message!);
        continue;
      }
      const json = await cli(["check", file, "--as-of", "2026-09-14", "--json"]);
      const findings = (JSON.parse(json.out) as { findings: Array<{ code: string; file: string; sheet: string | null; cell: string | null; severity: string }> }).findings;
      expect(findings.some((x) => x.severity === "error"), f.file).toBe(true);
      for (const x of findings) expect(x.file).toBe(file);
      const codes = new Set(findings.map((x) => x.code));
      for (const code of f.codes ?? []) expect([f.file, codes.has(code)]).toEqual([f.file, true]);
      if (f.cell) {
        expect(findings.map((x) => `${x.sheet}!${x.cell}`), f.file).toContain(f.cell);
        expect(text.out, f.file).toContain(f.cell);
      }
      // Every finding with a cell is printed with its sheet and cell.
      for (const x of findings.filter((y) => y.sheet && y.cell)) expect(text.out, f.file).toContain(`${x.sheet}!${x.cell}`);
    }
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it("cchc summary: every file ends in findings or a message, never a crash", async () => {
    for (const f of corpus) {
      const file = path.join(dir, f.file);
      const out = path.join(dir, "out", f.file);
      const r = await cli(["summary", file, "--quarter", "3", "-o", out]);
      expect([f.file, r.code]).toEqual([f.file, f.summary]);
      expect(r.out + r.err, f.file).not.toMatch(STACK);
      expect(r.out + r.err, f.file).toContain(file);
      if (f.summary === 2 && f.message) expect(r.err, f.file).toContain(f.message);
    }
  }, 120_000);

  it("stays within bounded memory on the zip bombs, in a process of its own", () => {
    const names = ["zip-bomb-lying.xlsx", "zip-bomb-declared.xlsx", "huge-cells.xlsx"];
    const script = `
      const { runCli } = await import(${JSON.stringify(path.resolve("cli/run.ts"))});
      const { memoryIo } = await import(${JSON.stringify(path.resolve("cli/io.ts"))});
      const codes = [];
      for (const file of ${JSON.stringify(names.map((n) => path.join(dir, n)))}) codes.push(await runCli(["check", file], memoryIo()));
      process.stdout.write(JSON.stringify({ codes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    const result = JSON.parse(child.stdout) as { codes: number[]; maxRssMb: number };
    expect(result.codes).toEqual([2, 2, 1]);
    expect(result.maxRssMb).toBeLessThan(1024);
  }, 120_000);
});
