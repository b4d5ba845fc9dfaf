/**
 * Office-format plans with real programs: LibreOffice renders the seeds afresh (the committed fixtures must not be
 * the only files the readers work on), and Chromium runs parsePlanBytes from a browser bundle, as the Excel
 * add-in's task pane does (pdfjs on the main thread, no worker file, no network).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlanBytes } from "../../shared/plan/index.js";
import { heading, seedPlan, TASK_COUNTS } from "../fixtures/plans/helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(repoRoot, "test/.tmp/clients-plan-files");
const fresh = path.join(work, "fresh");
const bundleDir = path.join(work, "bundle");
const fixtures = path.join(repoRoot, "test/fixtures/plans");

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Both font set-ups a machine may have: Debian's fonts-liberation 1.07 alone, whose Liberation Serif has no
 * Vietnamese letters, so LibreOffice draws ạ ị ả ệ … with DejaVu Serif in the middle of words (a fresh machine);
 * and fonts-liberation2, which has them. The renders must parse to the seed's plan either way.
 */
const FONT_SETS = [
  { fonts: "fallback", expectFonts: ["LiberationSerif", "DejaVuSerif"] },
  { fonts: "vietnamese", expectFonts: ["LiberationSerif"] },
] as const;

describe.each(FONT_SETS)("seeds rendered afresh by LibreOffice with the $fonts fonts", ({ fonts, expectFonts }) => {
  const out = path.join(fresh, fonts);
  beforeAll(() => {
    const r = spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/make-plan-fixtures.ts", "--out", out, "--fonts", fonts],
      { cwd: repoRoot, encoding: "utf-8", timeout: 280_000 },
    );
    if (r.status !== 0) throw new Error(`make-plan-fixtures failed: ${r.stderr || r.error}`);
  });

  const files = [
    ["002", "002.docx"],
    ["002", "002.pdf"],
    ...["000", "001", "003", "004"].flatMap((id) => [
      [id, `${id}.docx`],
      [id, `${id}.pdf`],
      [id, `${id}-noborders.pdf`],
    ]),
  ];

  it("the renders use the font set asked for (poppler's pdffonts)", () => {
    for (const file of ["003.pdf", "004-noborders.pdf"]) {
      const r = spawnSync("pdffonts", [path.join(out, file)], { encoding: "utf-8" });
      const names = [...new Set([...r.stdout.matchAll(/^[A-Z]{6}\+([A-Za-z]+?)(?:-[A-Za-z]+)?\s/gm)].map((m) => m[1]))].sort();
      expect(names).toEqual([...expectFonts].sort());
    }
  });

  it.each(files)("seed %s: a fresh %s parses to the seed's plan", async (id, file) => {
    const plan = await parsePlanBytes(new Uint8Array(readFileSync(path.join(out, file))), file);
    const seed = seedPlan(id);
    expect(plan.tasks).toHaveLength(TASK_COUNTS[id] ?? 51);
    expect(plan.tasks).toEqual(seed.tasks);
    expect(plan.groups).toEqual(seed.groups);
    expect(heading(plan)).toEqual(heading(seed));
  });

  it("a fresh scan has no text layer", async () => {
    await expect(parsePlanBytes(new Uint8Array(readFileSync(path.join(out, "scan.pdf"))), "scan.pdf")).rejects.toThrow(
      /không có lớp chữ/,
    );
  });
});

describe("parsePlanBytes in Chromium (the add-in's task pane)", () => {
  let server: http.Server;
  let origin = "";

  beforeAll(async () => {
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(
      path.join(work, "entry.ts"),
      `import { parsePlanBytes } from ${JSON.stringify(path.join(repoRoot, "shared/plan/index.ts"))};\n` +
        `(globalThis as { parsePlanBytes?: unknown }).parsePlanBytes = parsePlanBytes;\n`,
    );
    await build({
      entryPoints: [path.join(work, "entry.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      splitting: true, // pdfjs becomes a chunk loaded only when a PDF is read
      outdir: bundleDir,
      target: "es2022",
      logLevel: "error",
    });
    writeFileSync(path.join(bundleDir, "index.html"), '<!doctype html><meta charset="utf-8"><script type="module" src="entry.js"></script>');
    server = http
      .createServer((req, res) => {
        const name = decodeURIComponent((req.url ?? "/").split("?")[0]!).replace(/^\/+/, "");
        const file = name.startsWith("fixtures/") ? path.join(fixtures, name.slice(9)) : path.join(bundleDir, name);
        try {
          const body = readFileSync(file);
          const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html" : "application/octet-stream";
          res.writeHead(200, { "content-type": type }).end(body);
        } catch {
          res.writeHead(404).end();
        }
      })
      .listen(0, "127.0.0.1");
    await new Promise((ok) => server.once("listening", ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it("reads .pdf, .docx and .xlsx plans and refuses a scan, without any request outside the page", async () => {
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(origin)) outside.push(r.url());
      });
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => typeof (globalThis as { parsePlanBytes?: unknown }).parsePlanBytes === "function");
      const results = await page.evaluate(async (names: string[]) => {
        const parse = (globalThis as unknown as { parsePlanBytes: (b: Uint8Array, f: string) => Promise<{ tasks: { id: string }[] }> })
          .parsePlanBytes;
        const out: Record<string, string[] | string> = {};
        for (const name of names) {
          const bytes = new Uint8Array(await (await fetch(`fixtures/${name}`)).arrayBuffer());
          try {
            out[name] = (await parse(bytes, name)).tasks.map((t) => t.id);
          } catch (e) {
            out[name] = `${(e as Error).name}: ${(e as Error).message}`;
          }
        }
        return out;
      }, ["003.pdf", "004-noborders.pdf", "001.docx", "004-appendix.xlsx", "scan.pdf"]);
      expect(results["003.pdf"]).toEqual(seedPlan("003").tasks.map((t) => t.id));
      expect(results["004-noborders.pdf"]).toEqual(seedPlan("004").tasks.map((t) => t.id));
      expect(results["001.docx"]).toEqual(seedPlan("001").tasks.map((t) => t.id));
      expect(results["004-appendix.xlsx"]).toEqual(seedPlan("004").tasks.map((t) => t.id));
      expect(results["scan.pdf"]).toMatch(/^UnusableInputError: .*không có lớp chữ/);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
