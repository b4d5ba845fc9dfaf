import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";
import { planMessages as M } from "../../shared/messages/plan.js";
import { Plan } from "../../shared/plan/index.js";

const seeds = path.join(__dirname, "../../seeds");
const seedFile = (name: string): string => path.join(seeds, name);
const tmp = mkdtempSync(path.join(os.tmpdir(), "cchc-parse-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(["parse", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("cchc parse --json", () => {
  it.each([
    ["000_6179fdf5309b29e6.txt", 18],
    ["001_e08ca05127985b31.txt", 23],
    ["002_169211afdee7665e.txt", 51],
    ["003_db0447c41af15103.txt", 18],
    ["004_0deebdd1aa5ed513.txt", 50],
  ])("%s prints a Plan with %i tasks", async (file, count) => {
    const { code, out, err } = await cli(seedFile(file), "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const plan = Plan.parse(JSON.parse(out));
    expect(plan.tasks).toHaveLength(count);
  });

  it("uses the JSON shape of product.md (English keys)", async () => {
    const { out } = await cli(seedFile("003_db0447c41af15103.txt"), "--json");
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["title", "issuer", "unit", "level", "period", "groups", "tasks", "targets", "warnings"]);
    expect(json.tasks[3]).toEqual({
      id: "4",
      title: "Xây dựng Kế hoạch nâng cao chất lượng kiểm soát TTHC năm 2026",
      group: null,
      area: "Cải cách thủ tục hành chính",
      requirement: null,
      leads: ["Trung tâm Phục vụ hành chính công"],
      partners: ["Các cơ quan, đơn vị"],
      deadline: { raw: "Quý I/2026", kind: "quarter", due: "2026-03-31", note: null },
      source: "appendix",
    });
  });
});

describe("cchc parse (readable listing)", () => {
  it("prints title, unit, period and every task with its deadline in dd/mm/yyyy", async () => {
    const { code, out } = await cli(seedFile("003_db0447c41af15103.txt"));
    expect(code).toBe(0);
    expect(out).toContain("Kế hoạch: Kế hoạch Cải cách hành chính xã An Khánh năm 2026");
    expect(out).toContain("Đơn vị: xã An Khánh");
    expect(out).toContain("Kỳ kế hoạch: 01/01/2026 – 31/12/2026");
    expect(out).toContain("Số nhiệm vụ: 18");
    expect(out).toContain("[10] Rà soát, quản lý, sử dụng hiệu quả tài sản công");
    expect(out).toContain("Thời hạn: Quý II-IV/2026 → hạn 31/12/2026");
    expect(out).toContain("Thời hạn: Thường xuyên → thường xuyên");
    expect(out.match(/^\[\d+\] /gm)).toHaveLength(18);
  });

  it("prints groups as headings, nested, and requirements", async () => {
    const { out } = await cli(seedFile("004_0deebdd1aa5ed513.txt"));
    expect(out).toContain("== I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH ==");
    expect(out).toContain("  == 2.1. Theo dõi thi hành pháp luật ==");
    expect(out.indexOf("== II.")).toBeLessThan(out.indexOf("== 2.1."));
    expect(out).toContain("Yêu cầu: Tối thiểu có 01 sáng kiến cải cách hành chính được công nhận cấp tỉnh");
    expect(out).toContain("Thời hạn: Trước 30/11/2026 → hạn 29/11/2026");
  });

  it("prints targets by area", async () => {
    const { out } = await cli(seedFile("002_169211afdee7665e.txt"));
    expect(out).toContain("MỤC TIÊU");
    expect(out).toContain("  Cải cách tài chính công:");
    expect(out).toContain("  - Giảm bình quân 15% chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập so với giai đoạn 2021 - 2025.");
  });

  it("prints warnings with their line", async () => {
    const file = path.join(tmp, "canh-bao.txt");
    writeFileSync(
      file,
      "KẾ HOẠCH\nCải cách hành chính xã A năm 2026\n\nSố TT\tNội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n1\tViệc một\tPhòng Kinh tế\tkhi có hướng dẫn\n",
    );
    const { code, out } = await cli(file);
    expect(code).toBe(0);
    expect(out).toContain("CẢNH BÁO");
    expect(out).toContain('dòng 5: Nhiệm vụ 1: không nhận dạng được thời hạn "khi có hướng dẫn"');
  });
});

describe("cchc parse: unusable input exits 2 with a Vietnamese message", () => {
  it("a missing file", async () => {
    const { code, out, err } = await cli(path.join(tmp, "khong-co.txt"));
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^Lỗi: Không tìm thấy tệp: .*khong-co\.txt\n$/);
  });

  it("an empty file", async () => {
    const file = path.join(tmp, "rong.txt");
    writeFileSync(file, "");
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toContain(M.emptyFile);
  });

  it("a file with no plan in it", async () => {
    const file = path.join(tmp, "thu.txt");
    writeFileSync(file, "Kính gửi anh chị,\n\nĐây là một lá thư năm 2026, không phải kế hoạch.\n");
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toContain(M.noTasks);
    expect(err).not.toMatch(/at .*\.ts/);
  });

  it("a binary file", async () => {
    const file = path.join(tmp, "anh.md");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]));
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toContain(M.notText);
  });

  it("a directory", async () => {
    const { code, err } = await cli(tmp);
    expect(code).toBe(2);
    expect(err).toContain("là thư mục");
  });

  it("a .docx that is not a Word file (refused whether or not the .docx reader is registered)", async () => {
    const file = path.join(tmp, "ke-hoach.docx");
    writeFileSync(file, "PK");
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toMatch(/^Lỗi: .+\n$/s);
    expect(err).not.toMatch(/at .*\.ts/);
  });

  it("no file, two files, or an unknown option", async () => {
    for (const args of [[], ["a.txt", "b.txt"], ["--xml", "a.txt"]]) {
      const { code, err } = await cli(...args);
      expect(code).toBe(2);
      expect(err).toContain("cchc parse");
    }
  });

  it("--help prints the usage and exits 0", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    expect(out).toContain("cchc parse");
  });
});
