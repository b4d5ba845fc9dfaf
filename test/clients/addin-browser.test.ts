/**
 * The built task pane in a real browser (quality.md, "The Excel add-in"): dist/addin built by the add-in build
 * script, served on 127.0.0.1, loaded in Debian's headless Chromium through playwright-core, office.js served from
 * the npm package (the CDN URL is intercepted; no network), the in-memory Excel installed before the add-in loads.
 * Clicks through create → merge → export and asserts what landed in the workbook and in the downloads.
 * Saves docs/images/addin-taskpane.png for the README.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildAddin } from "../../scripts/build-addin.mjs";
// @ts-expect-error -- plain .mjs script without type declarations
import { staticHandler } from "../../scripts/addin-dev-server.mjs";
import { TASK_FIRST_ROW, taskColumnNumber } from "../../shared/workbook/build-tracker.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import { helpMessages, provinceWorkbookMessages } from "../../shared/messages/index.js";
import type { FakeExcel } from "../addin/fake-excel.js";
import { filledTracker } from "./filled-tracker.js";
import { COMMAND_NAMES } from "../../addin/commands/names.js";
import { messageDialogUrl } from "../../addin/commands/show.js";
import type { Notice } from "../../addin/session.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const SCREENSHOT = path.join(ROOT, "docs/images/addin-taskpane.png");
const PROVINCE_SEED = path.join(ROOT, "seeds/001_e08ca05127985b31.txt");

declare global {
  interface Window {
    __cchcFake: FakeExcel;
  }
}

let outDir: string;
let server: http.Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Waits for a message of a kind whose text contains `text`. */
async function notice(kind: string, text: string): Promise<string> {
  const el = page.locator(`.notice-${kind}`, { hasText: text }).first();
  await el.waitFor({ timeout: 120_000 });
  return (await el.textContent()) ?? "";
}

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "cchc-addin-"));
  await buildAddin({ outDir });
  const fake = await build({
    entryPoints: [path.join(ROOT, "test/clients/addin-fake-install.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  server = http.createServer(staticHandler(outDir));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  origin = `http://127.0.0.1:${address.port}`;

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 380, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true, locale: "vi-VN" });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      // office.js and the files it loads next to itself, from the npm package.
      const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, "");
      const file = path.join(OFFICE_DIST, rel);
      if (!file.startsWith(OFFICE_DIST + path.sep)) return route.fulfill({ status: 403, body: "" });
      try {
        return await route.fulfill({ body: await readFile(file), contentType: "text/javascript; charset=utf-8" });
      } catch {
        return route.fulfill({ status: 404, body: "" });
      }
    }
    return route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript({ content: fake.outputFiles[0]!.text });
  await page.goto(`${origin}/taskpane.html`);
  await page.locator(".brand h1", { hasText: "Theo dõi CCHC" }).waitFor();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the task pane in headless Chromium", () => {
  it("shows every label in Vietnamese, with the current reporting period", async () => {
    const labels = await page.locator("[data-t]").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    expect(labels.filter((t) => t.trim() === "")).toEqual([]);
    await expect(page.locator("#create-button").textContent()).resolves.toBe("Tạo sổ theo dõi");
    await expect(page.locator("#quarter option").allTextContents()).resolves.toEqual(["Quý I", "Quý II", "Quý III", "Quý IV"]);
    await expect(page.locator("#period-line").textContent()).resolves.toMatch(/^Quý (I|II|III|IV)\/\d{4}: số liệu từ \d\d\/\d\d\/\d{4} đến \d\d\/\d\d\/\d{4}\.$/);
    await expect(page.locator("#plan-file-name").textContent()).resolves.toBe("Chưa chọn tệp");
    // In the shared runtime this page is also the function file: it registers the ribbon commands too.
    const registered = await page.evaluate(() =>
      Object.keys((window as unknown as { Office: { actions: { _association: { m_mappings: object } } } }).Office.actions._association.m_mappings),
    );
    expect(registered.sort()).toEqual(COMMAND_NAMES.map((n) => n.toUpperCase()).sort());
  });

  it("reads the as-of date as dd/mm/yyyy and says when it is not a date", async () => {
    await page.fill("#as-of", "31/02/2026");
    await page.dispatchEvent("#as-of", "change");
    expect(await notice("warning", "31/02/2026")).toContain("dd/mm/yyyy");
    await expect(page.getAttribute("#as-of", "aria-invalid")).resolves.toBe("true");
    await page.fill("#as-of", "");
    await page.dispatchEvent("#as-of", "change");
    await expect(page.getAttribute("#as-of", "aria-invalid")).resolves.toBe("false");
    await page.locator(".notice-warning .dismiss").first().click();
  });

  it("creates a tracker in the workbook from a chosen plan file", async () => {
    await page.setInputFiles("#plan-file", PROVINCE_SEED);
    await expect(page.locator("#plan-file-name").textContent()).resolves.toBe(path.basename(PROVINCE_SEED));
    await page.click("#create-button");
    const text = await notice("success", "Đã tạo sổ theo dõi");
    expect(text).toContain("23 nhiệm vụ");
    const book = await page.evaluate(({ evaluationCol, firstRow }) => {
      const f = window.__cchcFake;
      const tasks = f.model.get("Nhiệm vụ");
      return {
        names: f.sheetNames(),
        states: f.model.sheets.map((s) => s.visibility),
        formulas: [...tasks.cells].filter(([key, c]) => {
          const [r, col] = key.split(",").map(Number) as [number, number];
          return r >= firstRow && col === evaluationCol && c.formula?.includes("NgayBaoCao");
        }).length,
        protectedTasks: tasks.protection.protected,
        validations: tasks.validations.length,
        syncs: f.syncs,
        runs: f.runs,
      };
    }, { evaluationCol: taskColumnNumber("evaluation") - 1, firstRow: TASK_FIRST_ROW - 1 });
    expect(book.names).toEqual(["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"]);
    expect(book.states).toEqual(["Visible", "Visible", "Hidden", "VeryHidden"]);
    expect(book.formulas).toBe(23);
    expect(book.protectedTasks).toBe(true);
    expect(book.validations).toBeGreaterThan(0);
    expect({ runs: book.runs, syncs: book.syncs }).toEqual({ runs: 1, syncs: 4 });
  });

  it("refuses to create a second tracker over the first, with a message", async () => {
    await page.fill("#plan-text", readFileSync(PROVINCE_SEED, "utf8"));
    await page.setInputFiles("#plan-file", []);
    await page.click("#create-button");
    expect(await notice("error", "đã có trang tính")).toContain("Nhiệm vụ");
  });

  it.each([
    ["001.docx", 23, "tỉnh Thái Nguyên"],
    ["002.pdf", 51, "xã Xuân Dương"],
  ])("reads a %s plan in the browser and creates its tracker in a new workbook", async (file, tasks, unit) => {
    await page.evaluate(() => {
      window.__cchcFake.newWorkbook();
      // An earlier test's "23 nhiệm vụ" must not be taken for this one's outcome.
      document.getElementById("messages")!.replaceChildren();
    });
    await page.fill("#plan-text", "");
    await page.setInputFiles("#plan-file", path.join(ROOT, "test/fixtures/plans", file));
    await page.click("#create-button");
    const text = await notice("success", `${tasks} nhiệm vụ`);
    expect(text).toContain(unit);
    const names = await page.evaluate(() => window.__cchcFake.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"]));
  });

  it("still creates the tracker on an old Excel (ExcelApi 1.4) and says what it could not apply", async () => {
    await page.evaluate(() => {
      window.__cchcFake.newWorkbook();
      window.__cchcFake.excelApi = "1.4";
    });
    await page.setInputFiles("#plan-file", PROVINCE_SEED);
    await page.click("#create-button");
    await notice("success", "23 nhiệm vụ");
    const warning = await notice("warning", "chưa hỗ trợ");
    expect(warning).toContain("danh sách chọn");
    const book = await page.evaluate(() => {
      const f = window.__cchcFake;
      f.excelApi = "1.18";
      return { names: f.sheetNames(), validations: f.model.get("Nhiệm vụ").validations.length };
    });
    expect(book).toEqual({ names: ["Hướng dẫn", "Nhiệm vụ", "Danh mục", "_meta"], validations: 0 });
  });

  it("checks the tracker and writes the quarter's summary with its charts from the pane's buttons", async () => {
    await page.evaluate(() => window.__cchcFake.newWorkbook());
    await page.setInputFiles("#plan-file", PROVINCE_SEED);
    await page.click("#create-button");
    await page.locator(".notice-success").first().filter({ hasText: "23 nhiệm vụ" }).waitFor();
    await page.click("#check-button");
    await notice("success", "không có lỗi");
    await page.click("#summary-button");
    const text = await notice("success", "Đã lập trang");
    const sheet = /"([^"]+)"/.exec(text)?.[1] ?? "";
    expect(sheet).toMatch(/^Tổng hợp Quý (I|II|III|IV)-\d{4}$/);
    const book = await page.evaluate((name) => {
      const f = window.__cchcFake;
      return { names: f.sheetNames(), active: f.activeSheet(), charts: f.model.get(name).charts.map((c) => c.title) };
    }, sheet);
    expect(book.names).toEqual(["Hướng dẫn", "Nhiệm vụ", "Kiểm tra", sheet, "Danh mục", "_meta"]);
    expect(book.active).toBe(sheet);
    expect(book.charts).toEqual(["Tỷ lệ hoàn thành theo lĩnh vực", "Tỷ lệ hoàn thành theo cơ quan chủ trì"]);
  });

  it("merges two units' trackers into a new workbook, listing the unit that has not reported", async () => {
    await page.evaluate(() => window.__cchcFake.newWorkbook());
    const files = [
      { name: "xa-cao-minh.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await filledTracker("000_6179fdf5309b29e6.txt", "xã Cao Minh", 5) },
      { name: "xa-an-khanh.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await filledTracker("003_db0447c41af15103.txt", "xã An Khánh", 3) },
    ];
    await page.selectOption("#quarter", "1");
    await page.fill("#period-year", "2026");
    await page.dispatchEvent("#period-year", "change");
    await page.setInputFiles("#merge-files", files);
    await expect(page.locator("#merge-files-name").textContent()).resolves.toBe("2 tệp: xa-cao-minh.xlsx, xa-an-khanh.xlsx");
    await page.fill("#expected", "xã Cao Minh\nxã An Khánh\nxã Xuân Dương");
    await page.click("#merge-button");
    const text = await notice("success", "Đã gộp");
    expect(text).toContain("Đã gộp 2 đơn vị, 36 dòng nhiệm vụ; 1 đơn vị chưa nộp");
    const S = provinceWorkbookMessages.sheets;
    const book = await page.evaluate(
      ({ missing, detail }) => {
        const f = window.__cchcFake;
        const flat = (name: string) => f.model.get(name).table().flat().map(String);
        return { names: f.sheetNames(), missing: flat(missing), detail: flat(detail) };
      },
      { missing: S.missing, detail: S.detail },
    );
    expect(book.names).toEqual(expect.arrayContaining([S.summary, S.detail, S.missing, "_meta"]));
    expect(book.names).not.toContain("Sheet1");
    expect(book.missing).toContain("xã Xuân Dương");
    expect(book.detail.filter((v) => v === "xã Cao Minh").length).toBe(18);
    expect(book.detail.filter((v) => v === "xã An Khánh").length).toBe(18);
  });

  it.each([
    ["xlsx", (b: Buffer) => b.subarray(0, 2).toString("latin1") === "PK"],
    ["csv", (b: Buffer) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) && b.toString("utf8").includes("xã Cao Minh")],
    ["docx", (b: Buffer) => b.subarray(0, 2).toString("latin1") === "PK"],
  ])("exports the province report as %s and downloads it", async (format, looksRight) => {
    await page.selectOption("#format", format);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#export-button")]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Báo cáo CCHC Quý I-2026.*\\.${format}$`));
    const file = await download.path();
    const bytes = await readFile(file);
    expect(looksRight(bytes)).toBe(true);
    if (format === "xlsx") {
      const grid = await readXlsxGrid(new Uint8Array(bytes), { file: download.suggestedFilename() });
      const text = grid.sheets.flatMap((s) => s.values.flat()).map(String);
      expect(text).toEqual(expect.arrayContaining(["xã Cao Minh", "xã An Khánh"]));
    }
    await notice("success", download.suggestedFilename());
  });

  it("commands.html registers every ribbon command with office.js's Office.actions.associate", async () => {
    const other = await context.newPage();
    other.on("pageerror", (e) => pageErrors.push(e.message));
    await other.goto(`${origin}/commands.html`);
    // office.js keeps the associations in Office.actions._association.m_mappings, keyed by the upper-cased name.
    type Assoc = { Office: { actions: { _association: { m_mappings: Record<string, unknown> } } } };
    const registered = () => Object.keys((window as unknown as Assoc).Office.actions._association.m_mappings);
    await other.waitForFunction(`(${registered.toString()})().length >= ${COMMAND_NAMES.length}`);
    const names = await other.evaluate(`(${registered.toString()})()`);
    expect((names as string[]).sort()).toEqual(COMMAND_NAMES.map((n) => n.toUpperCase()).sort());
    await other.close();
  });

  it("message.html shows a command's error with a Vietnamese close button", async () => {
    const other = await context.newPage();
    other.on("pageerror", (e) => pageErrors.push(e.message));
    const notices = [{ kind: "error", text: "Không có dòng nhiệm vụ nào trong vùng đang chọn." }];
    await other.goto(messageDialogUrl(`${origin}/commands.html`, notices as Notice[]));
    await other.locator(".notice-error", { hasText: "Không có dòng nhiệm vụ" }).waitFor();
    await expect(other.locator("#close").textContent()).resolves.toBe("Đóng");
    await other.close();
  });

  it("help.html (the manifest's SupportUrl) shows the Vietnamese help", async () => {
    const other = await context.newPage();
    other.on("pageerror", (e) => pageErrors.push(e.message));
    await other.goto(`${origin}/help.html`);
    await other.locator("#help .card h2").first().waitFor();
    await expect(other.locator("#help .card h2").allTextContents()).resolves.toEqual(helpMessages.sections.map((x) => x.title));
    await other.close();
  });

  it("raised no uncaught error in the page, and leaves a screenshot of the pane", async () => {
    expect(pageErrors).toEqual([]);
    // The picture for the README: the two latest outcomes (merge, export) and a clean form.
    const keep = [await page.locator(".notice", { hasText: "Đã gộp" }).first().elementHandle(), await page.locator(".notice").first().elementHandle()];
    for (const n of await page.locator(".notice").elementHandles()) {
      const kept = await Promise.all(keep.map((k) => k && n.evaluate((a, b) => a === b, k)));
      if (!kept.some(Boolean)) await (await n.$(".dismiss"))!.click();
    }
    await page.fill("#plan-text", "");
    await page.locator("#plan-text").blur();
    await expect(page.locator(".notice").count()).resolves.toBe(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
