/**
 * The offline web app (dist/web, built by scripts/build-web.mjs) in Debian's headless Chromium through
 * playwright-core, opened from disk (file://) with the browser offline: every workflow goes through the page's real
 * file inputs and ends in a real download, which the command line then reads. Any request that is not a file of
 * dist/web fails the test. Saves docs/images/web-app.png for the README.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Download, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildWeb } from "../../scripts/build-web.mjs";
import { provinceWorkbookMessages } from "../../shared/messages/index.js";
import { readProvinceWorkbook } from "../../shared/merge/province-read.js";
import { readXlsxGridFast } from "../../shared/xlsx/fast-read.js";
import { filledTracker } from "./filled-tracker.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = path.join(ROOT, "bin/cchc.js");
const PROVINCE_SEED = path.join(ROOT, "seeds/001_e08ca05127985b31.txt");
const SCREENSHOT = path.join(ROOT, "docs/images/web-app.png");
const COMMUNES = ["Cao Minh", "An Khánh", "Xuân Dương", "Tân Lập", "Hòa Bình", "Phú Xuyên", "Đồng Tâm", "Minh Đức", "Quang Trung", "Yên Thế"].map((n) => `xã ${n}`);

let dir: string;
let outDir: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

/** Runs the CLI; returns its exit code and output. */
function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, stdout, stderr: "" };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Waits for a message of a kind whose text contains `text`. */
async function notice(kind: string, text: string): Promise<string> {
  const el = page.locator(`.notice-${kind}`, { hasText: text }).first();
  await el.waitFor({ timeout: 120_000 });
  return (await el.textContent()) ?? "";
}

/** Clicks a button and saves the download it starts under dir/name. */
async function download(button: string, name: string): Promise<{ file: string; suggested: string }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click(button)]);
  const file = path.join(dir, name);
  await d.saveAs(file);
  return { file, suggested: d.suggestedFilename() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "cchc-web-"));
  outDir = path.join(dir, "web");
  await buildWeb({ outDir });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true, locale: "vi-VN", offline: true });
  await context.route((url) => url.protocol !== "file:", (route) => route.abort());
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(pathToFileURL(path.join(outDir, "index.html")).href);
  await page.locator(".brand h1", { hasText: "Theo dõi CCHC" }).waitFor();
  await page.selectOption("#quarter", "1");
  await page.fill("#period-year", "2026");
  await page.dispatchEvent("#period-year", "change");
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the web app opened from disk, offline, in headless Chromium", () => {
  it("shows every label in Vietnamese and one primary button per step", async () => {
    const labels = await page.locator("[data-t]").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    expect(labels.filter((t) => t.trim() === "")).toEqual([]);
    await expect(page.locator("#create-button").textContent()).resolves.toBe("Tạo và tải sổ theo dõi");
    const primaries = await page.locator(".card").evaluateAll((cards) => cards.map((c) => [c.id, c.querySelectorAll("button.primary").length]));
    expect(primaries).toEqual([["create", 1], ["period", 0], ["check", 1], ["merge", 1], ["export", 1]]);
  });

  it("makes a tracker from the province seed plan; the CLI reads the download", async () => {
    await page.setInputFiles("#plan-file", PROVINCE_SEED);
    const { file, suggested } = await download("#create-button", "tracker.xlsx");
    expect(suggested).toMatch(/^Sổ theo dõi CCHC \d{4} - .+\.xlsx$/);
    expect(await notice("success", "Đã tạo sổ theo dõi")).toContain("23 nhiệm vụ");
    const r = cli(["check", file, "--json"]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as { findings: unknown[]; tasks?: number };
    expect(report.findings).toEqual([]);
    const parsed = JSON.parse(cli(["summary", file, "--quarter", "1", "--year", "2026", "--json"]).stdout) as { totals: { total: number } };
    expect(parsed.totals.total).toBe(23);
  });

  it("checks a filled tracker, then downloads it with the quarter's summary and close sheets", async () => {
    const filled = path.join(dir, "xa-cao-minh.xlsx");
    writeFileSync(filled, await filledTracker("000_6179fdf5309b29e6.txt", "xã Cao Minh", 5));
    await page.setInputFiles("#tracker-file", filled);
    await page.click("#check-button");
    expect(await notice("success", "không có lỗi")).toContain("xa-cao-minh.xlsx");
    await page.check("#close-quarter");
    const { file, suggested } = await download("#summary-button", "summary.xlsx");
    expect(suggested).toBe("xa-cao-minh - Quý I-2026.xlsx");
    expect(await notice("success", "Đã tổng hợp Quý I/2026")).toContain("5/18");
    await notice("info", "Đã chốt số liệu quý");
    const names = readXlsxGridFast(new Uint8Array(readFileSync(file)), { file }).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Nhiệm vụ", "Tổng hợp Quý I-2026", "Chốt Quý I-2026"]));
    const r = JSON.parse(cli(["summary", file, "--quarter", "1", "--year", "2026", "--json"]).stdout) as { totals: { done: number; total: number } };
    expect({ done: r.totals.done, total: r.totals.total }).toEqual({ done: 5, total: 18 });
    await page.uncheck("#close-quarter");
  });

  it("merges 10 commune files chosen as a folder, with progress; the CLI reads the province download", async () => {
    const folder = path.join(dir, "bao-cao-q1");
    for (const [i, unit] of COMMUNES.entries()) {
      const sub = path.join(folder, i < 5 ? "huyen-a" : "huyen-b");
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `bao-cao-${i + 1}.xlsx`), await filledTracker("000_6179fdf5309b29e6.txt", unit, i + 1));
    }
    await page.setInputFiles("#merge-folder", folder);
    await expect(page.locator("#merge-files-name").textContent()).resolves.toMatch(/^10 tệp: bao-cao-q1\/huyen-a\/bao-cao-1\.xlsx/);
    await page.fill("#expected", [...COMMUNES, "xã Chưa Nộp"].join("\n"));
    const progress: string[] = [];
    const seen = setInterval(() => void page.locator("#progress-text").textContent().then((t) => t && progress.push(t), () => undefined), 5);
    const { file, suggested } = await download("#merge-button", "province.xlsx");
    clearInterval(seen);
    expect(suggested).toBe("Tổng hợp CCHC Quý I-2026.xlsx");
    expect(await notice("success", "Đã gộp")).toContain("Đã gộp 10 đơn vị, 180 dòng nhiệm vụ; 1 đơn vị chưa nộp");
    expect(progress.some((t) => /^Đang đọc tệp \d+\/10: /.test(t))).toBe(true);

    const province = readProvinceWorkbook(readXlsxGridFast(new Uint8Array(readFileSync(file)), { file }));
    expect(province.units.map((u) => u.unit).sort()).toEqual([...COMMUNES].sort());
    const csv = path.join(dir, "province.csv");
    const r = cli(["export", file, "--quarter", "1", "--year", "2026", "--format", "csv", "-o", csv]);
    expect(r.code).toBe(0);
    const text = readFileSync(csv, "utf8");
    for (const unit of COMMUNES) expect(text).toContain(unit);
    expect(provinceWorkbookMessages.sheets.missing).toBeTruthy();
  });

  it("merges files dropped on the drop zone", async () => {
    const bytes = [...(await filledTracker("003_db0447c41af15103.txt", "xã An Khánh", 3))];
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "xa-an-khanh.xlsx"));
      document.getElementById("drop-zone")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await expect(page.locator("#merge-files-name").textContent()).resolves.toBe("xa-an-khanh.xlsx");
    await page.fill("#expected", "");
    await download("#merge-button", "province-1.xlsx");
    expect(await notice("success", "Đã gộp 1 đơn vị")).toContain("18 dòng");
  });

  it.each([
    ["xlsx", (b: Buffer) => b.subarray(0, 2).toString("latin1") === "PK"],
    ["csv", (b: Buffer) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) && b.toString("utf8").includes("xã Yên Thế")],
    ["docx", (b: Buffer) => b.subarray(0, 2).toString("latin1") === "PK"],
  ])("exports the province report as %s", async (format, looksRight) => {
    await page.setInputFiles("#export-file", path.join(dir, "province.xlsx"));
    await page.selectOption("#format", format);
    const { file, suggested } = await download("#export-button", `report.${format}`);
    expect(suggested).toBe(`Báo cáo CCHC Quý I-2026.${format}`);
    expect(looksRight(readFileSync(file))).toBe(true);
    await notice("success", suggested);
  });

  it("asked for nothing outside its folder, raised no error, and leaves a screenshot", async () => {
    expect(pageErrors).toEqual([]);
    const base = pathToFileURL(outDir).href + "/";
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect(requests.some((u) => u.endsWith("/app.js"))).toBe(true);
    for (const n of await page.locator(".notice .dismiss").elementHandles()) await n.click();
    await page.setInputFiles("#plan-file", []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
