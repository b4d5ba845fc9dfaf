import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { Finding } from "../../shared/entries/schema.js";
import { fillTracker, trackerBytes, columnOf } from "../shared/entries/tracker-file.js";

let dir: string;
let clean: string;
let bad: string;

const colLetter = (key: Parameters<typeof columnOf>[0]) => String.fromCharCode(64 + columnOf(key));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "cchc-check-"));
  const tracker = await trackerBytes();
  clean = path.join(dir, "sach.xlsx");
  await writeFile(
    clean,
    await fillTracker(tracker, {
      "1": { status: "Hoàn thành", progress: 100, completedOn: new Date(Date.UTC(2026, 2, 20)), result: "Kế hoạch số 12/KH-UBND" },
      "3": { status: "Đang thực hiện", progress: 40 },
    }),
  );
  bad = path.join(dir, "loi.xlsx");
  await writeFile(
    bad,
    await fillTracker(tracker, {
      "1": { status: "Hoàn thành", progress: 80, completedOn: new Date(Date.UTC(2026, 2, 20)) },
      "3": { status: "Đang làm", progress: 140 },
      "4": { status: "Không thực hiện" },
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cchc check", () => {
  it("exits 0 on a clean tracker and says so", async () => {
    const io = memoryIo();
    expect(await runCli(["check", clean, "--as-of", "2026-09-14"], io)).toBe(0);
    expect(io.stdout).toContain("không có lỗi");
    expect(io.stdout).toContain("5 nhiệm vụ");
  });

  it("lists each wrong entry at its cell and exits 1", async () => {
    const io = memoryIo();
    expect(await runCli(["check", bad, "--as-of", "2026-09-14"], io)).toBe(1);
    const row = (id: string) => 4 + Number(id); // the sample plan has no group rows: task n is on row 4 + n
    expect(io.stdout).toContain(`Kiểm tra ${bad}: 5 lỗi, 0 cảnh báo.`);
    expect(io.stdout).toContain(`Lỗi: Nhiệm vụ!${colLetter("result")}${row("1")} (nhiệm vụ 1): Nhiệm vụ Hoàn thành nhưng chưa ghi kết quả`);
    expect(io.stdout).toContain(`Lỗi: Nhiệm vụ!${colLetter("status")}${row("3")} (nhiệm vụ 3): Trạng thái "Đang làm" không nằm trong danh sách.`);
    expect(io.stdout).toContain(`Nhiệm vụ!${colLetter("note")}${row("4")} (nhiệm vụ 4)`);
    expect(io.stderr).toBe("");
  });

  it("prints the JSON contract with --json", async () => {
    const io = memoryIo();
    expect(await runCli(["check", bad, "--as-of", "14/09/2026", "--json"], io)).toBe(1);
    const out = JSON.parse(io.stdout) as { findings: unknown[] };
    const findings = out.findings.map((f) => Finding.parse(f));
    expect(findings.map((f) => [f.severity, f.sheet, f.cell, f.taskId, f.code])).toEqual([
      ["error", "Nhiệm vụ", `${colLetter("result")}5`, "1", "doneWithoutResult"],
      ["error", "Nhiệm vụ", `${colLetter("progress")}5`, "1", "doneProgressBelow100"],
      ["error", "Nhiệm vụ", `${colLetter("status")}7`, "3", "statusInvalid"],
      ["error", "Nhiệm vụ", `${colLetter("progress")}7`, "3", "progressOutOfRange"],
      ["error", "Nhiệm vụ", `${colLetter("note")}8`, "4", "droppedWithoutReason"],
    ]);
    for (const f of findings) expect(f.file).toBe(bad);
  });

  it("checks completion dates against today by default", async () => {
    const io = memoryIo(new Date("2026-03-01T03:00:00Z"));
    expect(await runCli(["check", clean], io)).toBe(1);
    expect(io.stdout).toContain("sau ngày báo cáo 01/03/2026");
  });

  it.each([
    [["check"], "Thiếu tên tệp"],
    [["check", "a.xlsx", "b.xlsx"], "Thiếu tên tệp"],
    [["check", "a.xlsx", "--as-of", "hôm nay"], "Ngày báo cáo"],
    [["check", "a.xlsx", "--bogus"], "Tham số không hợp lệ"],
  ])("refuses bad arguments %j with exit 2", async (argv, text) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toContain(text);
  });

  it("names a missing file and exits 2 without a stack trace", async () => {
    const io = memoryIo();
    const missing = path.join(dir, "khong-co.xlsx");
    expect(await runCli(["check", missing], io)).toBe(2);
    expect(io.stderr).toContain(missing);
    expect(io.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
