import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readLayoutText } from "../../../shared/plan/readers/layout-text.js";
import type { ReaderOutput } from "../../../shared/plan/readers/types.js";
import { Task } from "../../../shared/plan/schema.js";

const seed = (name: string): string => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), "utf8");
const ctx = { year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } };
const read = (text: string): ReaderOutput => readLayoutText(text, ctx);

type Expected = [id: string, title: string, leads: string[], partners: string[], raw: string, kind: string, due: string | null, note?: string];

// Unit names as the tracker shows them (canonical).
const VHXH = "Phòng Văn hóa - Xã hội";
const VP_XA = "Văn phòng HĐND và UBND xã";
const TTHCC = "Trung tâm Phục vụ hành chính công";
const KT = "Phòng Kinh tế";
const CPB = "Các phòng ban chuyên môn thuộc UBND xã";
const SNV = "Sở Nội vụ";
const CSBN = "Các sở, ban, ngành";
const CSBN_LQ = "Các sở, ban, ngành liên quan";
const UBX = "UBND cấp xã";
const KHCN = "Sở Khoa học và Công nghệ";

const QPPL =
  "Tổ chức triển khai xử lý các văn bản QPPL chịu sự tác động của việc sắp xếp tổ chức bộ máy đối với các văn bản do " +
  "cơ quan, đơn vị mình tham mưu tại Danh mục văn bản QPPL chịu sự tác động của việc sắp xếp tổ chức bộ máy nhà nước " +
  "(kèm theo Báo cáo số 287/BC-BTP ngày 16/6/2025 của Bộ Tư pháp về kết quả rà soát hệ thống hóa văn bản QPPL chịu sự " +
  "tác động của việc sắp xếp tổ chức bộ máy quy định tại Nghị quyết số 190/2025/QH15 QH15 ngày 10/02/2025 của Quốc hội)";
const AFTER_MINISTRY = "Quý II/2026 (sau khi Bộ Nội vụ công bố)";

// Seed 000 (xã Cao Minh), read by hand from the appendix "DANH MỤC Nhiệm vụ trọng tâm …" (lines 634–1007).
const CAO_MINH: Expected[] = [
  ["1", "Xây dựng Kế hoạch tuyên truyền CCHC; kế hoạch kiểm tra CCHC, kiểm tra công vụ năm 2026 và tổ chức triển khai thực hiện", [VHXH], [CPB], "Quý I/2026", "quarter", "2026-03-31"],
  ["2", "Xây dựng kế hoạch nâng cao chất lượng kiểm soát TTHC, cải cách TTHC gắn với chuyển đổi số trên địa bàn tỉnh Thái Nguyên", [TTHCC], [VP_XA, VHXH, KT], "Tháng 01/2026", "month", "2026-01-31"],
  ["3", "Xây dựng và triển khai kế hoạch đánh giá, xác định Chỉ số CCHC; đo lường mức độ hài lòng của người dân, tổ chức đối với sự phục vụ hành chính năm 2026 của các sở, ban, ngành, UBND cấp xã và tổ chức thực hiện.", [VHXH], [CPB], "Quý III/2026", "quarter", "2026-09-30"],
  ["4", QPPL, [VP_XA], [CPB], "Trước 01/6/2026", "date", "2026-05-31"],
  ["5", "Xây dựng Kế hoạch nâng cao Chỉ số CCHC, Chỉ số hài lòng về sự phục vụ hành chính, nâng cao hiệu quả quản trị và hành chính công tỉnh Thái Nguyên năm 2026 và tổ chức thực hiện.", [VHXH], [CPB], AFTER_MINISTRY, "quarter", "2026-06-30", "sau khi Bộ Nội vụ công bố"],
  ["6", "Tổ chức thực hiện rà soát, sắp xếp, tổ chức lại đơn vị sự nghiệp giáo dục công lập trên địa bàn", [VHXH], ["Các trường học trên địa bàn"], "Năm 2026", "year", "2026-12-31"],
  ["7", "Tổ chức thẩm định Đề án vị trí việc làm, khung năng lực, bảo đảm đúng người, đúng việc, nâng cao chất lượng, hợp lý về cơ cấu theo quy định", [VHXH], [CPB], "Năm 2026", "year", "2026-12-31"],
  ["8", "Xây dựng quy định thi đua, khen thưởng phong trào thực hiện cải cách hành chính tỉnh Thái Nguyên giai đoạn 2026 – 2030", [VHXH], [CPB], "Năm 2026", "year", "2026-12-31"],
  ["9", "Xây dựng Kế hoạch triển khai mô hình Chính quyền thân thiện, nhân dân phát huy quyền làm chủ tại UBND xã", [VHXH], [CPB], "Quý II/2026", "quarter", "2026-06-30"],
  ["10", "Nghiên cứu xây dựng Quy chế và tổ chức đánh giá, xếp loại mức độ hoàn thành nhiệm vụ năm 2026 đối với các cơ quan, đơn vị.", [VHXH], [CPB], "Quý IV/2026", "quarter", "2026-12-31"],
  ["11", "Tổ chức Hội nghị đối thoại giữa Lãnh đạo xã với cộng đồng doanh nghiệp trên địa bàn xã (tối thiểu 03 Hội nghị)", [KT], [VP_XA], "Năm 2026", "year", "2026-12-31"],
  ["12", "Nghiên cứu triển khai Ứng dụng GIS (Building Information Modeling) và Bim (Geographic Information System) trong lĩnh vực quy hoạch, xây dựng đô thị; lĩnh vực giao thông, thẩm định dự án… trên địa bàn", [KT], [CPB], "Năm 2026", "year", "2026-12-31"],
  ["13", "Nâng cấp phần mềm đánh giá mức độ chuyển đổi số các cơ quan nhà nước trên địa bàn", [VHXH], [CPB], "Quý III/2026", "quarter", "2026-09-30"],
  ["14", "Thực hiện nhập dữ liệu trên phần mềm Hệ thống báo cáo ngày", [VHXH], [CPB], "Năm 2026", "year", "2026-12-31"],
  ["15", "Báo cáo kết quả giải quyết TTHC xã phù hợp với chỉ đạo của tỉnh", [VP_XA], [CPB], "Năm 2026", "year", "2026-12-31"],
  ["16", "Tham mưu UBND xã đánh giá, báo cáo kết quả đánh giá, xếp hạng mức độ chuyển đổi số của cơ quan đơn vị", [VHXH], [CPB], "Quý IV/2026", "quarter", "2026-12-31"],
  ["17", "Báo cáo rà soát, cập nhật kiến trúc số tỉnh Thái Nguyên", [VHXH], [CPB], "Quý IV/2026", "quarter", "2026-12-31"],
  ["18", "Hướng dẫn, hỗ trợ các phòng chuyên môn thuộc UBND cấp xã thực hiện các quy trình đề nghị công nhận sáng kiến trong lĩnh vực CCHC năm 2026.", [VHXH], [CPB], "Năm 2026", "year", "2026-12-31"],
];

// Seed 001 (tỉnh Thái Nguyên), read by hand from the appendix (lines 707–1104). The extraction emits a row's
// cells in column order; where one-line cells share a line the multi-line cell before them comes first, so in
// row 5 "Các sở, ban, ngành" is the lead and "Sở Tư pháp" the partner, and row 7 has two leads.
const THAI_NGUYEN: Expected[] = [
  ["1", "Xây dựng Kế hoạch triển khai tự chấm điểm, đánh giá, xác định Chỉ số cải cách hành chính tỉnh Thái Nguyên năm 2025 và tổ chức thực hiện", [SNV], [CSBN_LQ], "Quý I/2026", "quarter", "2026-03-31"],
  ["2", "Xây dựng Kế hoạch tuyên truyền CCHC; kế hoạch kiểm tra CCHC, kiểm tra công vụ năm 2026 và tổ chức triển khai thực hiện", [SNV], [CSBN, UBX], "Quý I/2026", "quarter", "2026-03-31"],
  ["3", "Xây dựng kế hoạch nâng cao chất lượng kiểm soát TTHC, cải cách TTHC gắn với chuyển đổi số trên địa bàn tỉnh Thái Nguyên", ["Văn phòng UBND tỉnh"], [CSBN, UBX], "Tháng 01/2026", "month", "2026-01-31"],
  ["4", "Xây dựng và triển khai kế hoạch đánh giá, xác định Chỉ số CCHC; đo lường mức độ hài lòng của người dân, tổ chức đối với sự phục vụ hành chính năm 2026 của các sở, ban, ngành, UBND cấp xã và tổ chức thực hiện.", [SNV], ["Văn phòng UBND tỉnh", CSBN, UBX], "Quý III/2026", "quarter", "2026-09-30"],
  ["5", QPPL, [CSBN], ["Sở Tư pháp"], "Trước 01/6/2026", "date", "2026-05-31"],
  ["6", "Xây dựng Kế hoạch nâng cao Chỉ số CCHC, Chỉ số hài lòng về sự phục vụ hành chính, nâng cao hiệu quả quản trị và hành chính công tỉnh Thái Nguyên năm 2026 và tổ chức thực hiện.", [SNV], [CSBN, UBX], AFTER_MINISTRY, "quarter", "2026-06-30", "sau khi Bộ Nội vụ công bố"],
  ["7", "Tổ chức thực hiện rà soát, sắp xếp, tổ chức lại đơn vị sự nghiệp giáo dục công lập trên địa bàn tỉnh", ["Sở Giáo dục và Đào tạo", UBX], [SNV], "Năm 2026", "year", "2026-12-31"],
  ["8", "Tổ chức thẩm định Đề án vị trí việc làm, khung năng lực, bảo đảm đúng người, đúng việc, nâng cao chất lượng, hợp lý về cơ cấu theo quy định", [SNV], [CSBN], "Năm 2026", "year", "2026-12-31"],
  ["9", "Đo lường mức độ hài lòng của người dân đối với dịch vụ giáo dục công năm 2026", ["Sở Giáo dục và Đào tạo"], [SNV, UBX], "Quý II/2026", "quarter", "2026-06-30"],
  ["10", "Đo lường mức độ hài lòng của người dân đối với dịch vụ y tế công năm 2026", ["Sở Y tế"], [SNV, UBX], "Quý IV/2026", "quarter", "2026-12-31"],
  ["11", "Xây dựng quy định thi đua, khen thưởng phong trào thực hiện cải cách hành chính tỉnh Thái Nguyên giai đoạn 2026 – 2030", [SNV], [CSBN_LQ, UBX], "Năm 2026", "year", "2026-12-31"],
  ["12", "Xây dựng Kế hoạch triển khai mô hình Chính quyền thân thiện, nhân dân phát huy quyền làm chủ tại UBND các xã, phường, trên địa bàn tỉnh Thái Nguyên năm 2026", [SNV], [CSBN_LQ, UBX], "Quý II/2026", "quarter", "2026-06-30"],
  ["13", "Nghiên cứu xây dựng Quy chế và tổ chức đánh giá, xếp loại mức độ hoàn thành nhiệm vụ năm 2026 đối với các cơ quan, đơn vị, địa phương thuộc tỉnh Thái Nguyên (sau khi Chính phủ ban hành Nghị định đánh giá, xếp loại mức độ hoàn thành nhiệm vụ đối với tổ chức hành chính)", [SNV], ["Các sở, ban, ngành, đơn vị liên quan", UBX], "Quý IV/2026", "quarter", "2026-12-31"],
  ["14", "Tổ chức Hội nghị đối thoại giữa Lãnh đạo tỉnh với cộng đồng doanh nghiệp trên địa bàn tỉnh (tối thiểu 03 Hội nghị)", ["Sở Tài chính"], [CSBN_LQ, UBX], "Năm 2026", "year", "2026-12-31"],
  ["15", "Nghiên cứu triển khai Ứng dụng GIS (Building Information Modeling) và Bim (Geographic Information System) trong lĩnh vực quy hoạch, xây dựng đô thị; lĩnh vực giao thông, thẩm định dự án… trên địa bàn tỉnh.", ["Sở Xây dựng"], [KHCN, "Sở Tài chính"], "Năm 2026", "year", "2026-12-31"],
  ["16", "Nâng cấp phần mềm đánh giá mức độ chuyển đổi số các cơ quan nhà nước trên địa bàn tỉnh", [KHCN], [CSBN, UBX], "Quý III/2026", "quarter", "2026-09-30"],
  ["17", "Triển khai phần mềm Hệ thống báo cáo ngày", [KHCN], [CSBN, UBX], "Năm 2026", "year", "2026-12-31"],
  ["18", "Triển khai hệ thống thông tin giải quyết TTHC tỉnh phù hợp với chỉ đạo của Trung ương", [KHCN], [CSBN, UBX], "Năm 2026", "year", "2026-12-31"],
  ["19", "Triển khai thí điểm Trung tâm giám sát, điều hành thông minh tỉnh Thái Nguyên", [KHCN], [CSBN, UBX], "Quý II/2026", "quarter", "2026-06-30"],
  ["20", "Nâng cấp, cập nhật tính năng của Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", [KHCN], [CSBN, UBX], "Quý IV/2026", "quarter", "2026-12-31"],
  ["21", "Tham mưu UBND tỉnh đánh giá, công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số các cơ quan nhà nước trên địa bàn tỉnh", [KHCN], [CSBN, UBX], "Quý IV/2026", "quarter", "2026-12-31"],
  ["22", "Rà soát, cập nhật kiến trúc số tỉnh Thái Nguyên", [KHCN], [CSBN, UBX], "Quý IV/2026", "quarter", "2026-12-31"],
  ["23", "Hướng dẫn, hỗ trợ các sở, ban, ngành, UBND cấp xã thực hiện các quy trình đề nghị công nhận sáng kiến trong lĩnh vực CCHC năm 2026.", [KHCN], [CSBN, UBX], "Năm 2026", "year", "2026-12-31"],
];

const expectedTask = ([id, title, leads, partners, raw, kind, due, note]: Expected): Task => ({
  id,
  title,
  group: null,
  area: null,
  requirement: null,
  leads,
  partners,
  deadline: { raw, kind: kind as Task["deadline"]["kind"], due, note: note ?? null },
  source: "appendix",
});

describe.each([
  ["000_6179fdf5309b29e6.txt (xã Cao Minh)", "000_6179fdf5309b29e6.txt", CAO_MINH],
  ["001_e08ca05127985b31.txt (tỉnh Thái Nguyên)", "001_e08ca05127985b31.txt", THAI_NGUYEN],
])("seed %s", (_label, file, expected) => {
  const out = read(seed(file));

  it(`finds exactly ${expected.length} tasks, numbered 1…${expected.length}, with nothing left over`, () => {
    expect(out.tasks.map((t) => t.id)).toEqual(expected.map((e) => e[0]));
    expect(out.warnings).toEqual([]);
    expect(out.groups).toEqual([]);
    expect(out.targets).toEqual([]);
  });

  it.each(expected.map((e) => [e[0], e] as const))("task %s", (id, e) => {
    const task = out.tasks.find((t) => t.id === id);
    expect(task).toEqual(expectedTask(e));
    expect(Task.safeParse(task).success).toBe(true);
  });

  it("writes titles without line-break artefacts", () => {
    for (const task of out.tasks) {
      expect(task.title).toBe(task.title.trim());
      expect(task.title).not.toMatch(/\s{2,}|\n/);
    }
  });

  it("parses in well under 100 ms", () => {
    const text = seed(file);
    read(text); // warm up the regular expressions
    const times = [0, 1, 2].map(() => {
      const t0 = performance.now();
      read(text);
      return performance.now() - t0;
    });
    expect(Math.min(...times)).toBeLessThan(100);
  });
});

describe("decomposed or Windows-saved copies", () => {
  it.each([
    ["NFD", (t: string) => t.normalize("NFD")],
    ["CRLF", (t: string) => t.replace(/\n/g, "\r\n")],
    ["BOM", (t: string) => `\uFEFF${t}`],
  ])("%s input reads like the original", (_name, transform) => {
    const text = seed("001_e08ca05127985b31.txt");
    expect(read(transform(text))).toEqual(read(text));
  });
});

// A table in the seeds' layout: header row wrapped over several lines, blank lines between lines.
const HEADER = ["Số TT Nội dung công việc", "Cơ quan chủ", "", "trì", "Cơ quan phối hợp", "", "Thời gian hoàn", "", "thành", ""];
const table = (...rows: string[][]): string => ["DANH MỤC", "", "Nhiệm vụ trọng tâm năm 2026", "", ...HEADER, ...rows.flat()].join("\n");
// Line number (1-based) of the first line equal to `text`.
const lineOf = (text: string, line: string): number => text.split("\n").indexOf(line) + 1;

describe("traps of PDF-extracted layout text", () => {
  it("a page number alone on a line is not a task", () => {
    const text = table(
      ["1", "Xây dựng kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành", "Quý I/2026", ""],
      ["", "2", "", ...HEADER],
      ["2", "Tổ chức kiểm tra", "Sở Nội vụ", "UBND cấp xã", "Quý II/2026", ""],
      // a page number that happens to equal the next task number, followed by the repeated header
      ["3", "", ...HEADER],
      ["3", "Báo cáo kết quả", "Sở Nội vụ", "UBND cấp xã", "Năm 2026", ""],
      // a page number without a header before the next row
      ["7", "", "4", "Tổng kết", "Sở Nội vụ", "UBND cấp xã", "Quý IV/2026", "", "5"],
    );
    const out = read(text);
    expect(out.tasks.map((t) => [t.id, t.title, t.deadline.raw])).toEqual([
      ["1", "Xây dựng kế hoạch", "Quý I/2026"],
      ["2", "Tổ chức kiểm tra", "Quý II/2026"],
      ["3", "Báo cáo kết quả", "Năm 2026"],
      ["4", "Tổng kết", "Quý IV/2026"],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it("repeated header rows between pages are skipped, also in the middle of a row", () => {
    const text = table(
      ["1", "Xây dựng Kế hoạch tuyên truyền CCHC; kế hoạch kiểm tra CCHC,", "", " Số TT Nội dung công việc", "Cơ quan chủ", "", "trì", "Cơ quan phối hợp", "Thời gian hoàn", "thành  ", ""],
      ["kiểm tra công vụ năm 2026", "Phòng Văn hóa", "– Xã hội", "Các phòng ban", "chuyên môn thuộc", "UBND xã", "Quý I/2026"],
    );
    const out = read(text);
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]).toMatchObject({
      title: "Xây dựng Kế hoạch tuyên truyền CCHC; kế hoạch kiểm tra CCHC, kiểm tra công vụ năm 2026",
      leads: [VHXH],
      partners: [CPB],
      deadline: { raw: "Quý I/2026", due: "2026-03-31" },
    });
    expect(out.warnings).toEqual([]);
  });

  it("cells sharing one line: lead, partners and deadline", () => {
    const out = read(table(["1", "", "Tổ chức thẩm định Đề án vị trí việc làm", "", "Sở Nội vụ Các sở, ban, ngành Năm 2026", ""]));
    expect(out.tasks[0]).toMatchObject({ title: "Tổ chức thẩm định Đề án vị trí việc làm", leads: [SNV], partners: [CSBN] });
    expect(out.tasks[0]?.deadline).toEqual({ raw: "Năm 2026", kind: "year", due: "2026-12-31", note: null });
  });

  it("cells sharing one line after a wrapped cell: partner and deadline", () => {
    const out = read(table(["1", "", "Xử lý các văn bản QPPL", "", "Các sở, ban,", "", "ngành", "Sở Tư pháp Trước 01/6/2026", ""]));
    expect(out.tasks[0]).toMatchObject({ title: "Xử lý các văn bản QPPL", leads: [CSBN], partners: ["Sở Tư pháp"] });
    expect(out.tasks[0]?.deadline).toEqual({ raw: "Trước 01/6/2026", kind: "date", due: "2026-05-31", note: null });
  });

  it("unit names that wrap over lines", () => {
    const out = read(
      table(
        ["1", "Xây dựng kế hoạch kiểm soát TTHC", "Trung tâm Phục", "", "vụ hành chính", "", "công", "", "Văn phòng HĐND", "", "và UBND xã, Phòng", "", "VH- XH, Phòng", "", "Kinh tế  ", "", "Tháng 01/2026", ""],
        ["2", "Tổ chức thẩm định", "Phòng Văn hóa", "", "– Xã hội  ", "", "Các trường học trên", "", "địa bàn  ", "Năm 2026", ""],
        ["3", "Nghiên cứu ứng dụng GIS", "Sở Xây dựng", "", "Sở Khoa học và", "", "Công", "", "nghệ, Sở Tài chính", "", "Năm 2026"],
      ),
    );
    expect(out.tasks.map((t) => [t.leads, t.partners])).toEqual([
      [[TTHCC], [VP_XA, VHXH, KT]],
      [[VHXH], ["Các trường học trên địa bàn"]],
      [["Sở Xây dựng"], [KHCN, "Sở Tài chính"]],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it("a deadline that wraps keeps its condition", () => {
    const out = read(table(["1", "Xây dựng Kế hoạch nâng cao Chỉ số CCHC", "Sở Nội vụ", "Các sở, ban ngành,", "", "UBND cấp xã", "", "Quý II/2026 (sau", "", "khi Bộ Nội vụ", "", "công bố)", ""]));
    expect(out.tasks[0]).toMatchObject({ leads: [SNV], partners: [CSBN, UBX] });
    expect(out.tasks[0]?.deadline).toEqual({ raw: AFTER_MINISTRY, kind: "quarter", due: "2026-06-30", note: "sau khi Bộ Nội vụ công bố" });
    expect(out.warnings).toEqual([]);
  });

  it("a task with two lead units keeps both, in order", () => {
    const out = read(table(["1", "Tổ chức lại đơn vị sự nghiệp giáo dục công lập", "", "- Sở Giáo dục và", "", "Đào tạo;", "", "- UBND cấp xã", "", "Sở Nội vụ Năm 2026", ""]));
    expect(out.tasks[0]).toMatchObject({ leads: ["Sở Giáo dục và Đào tạo", UBX], partners: [SNV] });
  });

  it("a task number can share a line with its text", () => {
    const out = read(table(["14 Thực hiện nhập dữ liệu trên phần mềm Hệ thống báo cáo ngày", "Phòng Văn hóa", "", "– Xã hội  ", "", "Các phòng ban", "", "chuyên môn thuộc", "", "UBND xã", "", "Năm 2026"]).replace("14 Thực", "1 Thực"));
    expect(out.tasks.map((t) => [t.id, t.title, t.leads, t.partners])).toEqual([
      ["1", "Thực hiện nhập dữ liệu trên phần mềm Hệ thống báo cáo ngày", [VHXH], [CPB]],
    ]);
  });

  it("a wrapped text line that starts with a number is not a new task", () => {
    const out = read(table(["1", "Thực hiện phân cấp, phân quyền giữa", "2 cấp chính quyền địa phương", "Sở Nội vụ", "UBND cấp xã", "Năm 2026"]));
    expect(out.tasks.map((t) => [t.id, t.title])).toEqual([["1", "Thực hiện phân cấp, phân quyền giữa 2 cấp chính quyền địa phương"]]);
    expect(out.warnings).toEqual([]);
  });

  it("a row written on one line is still split into its columns", () => {
    const out = read(table(["1 Rà soát kiến trúc số Sở Khoa học và Công nghệ Các sở, ban, ngành Quý IV/2026"]));
    expect(out.tasks[0]).toMatchObject({ title: "Rà soát kiến trúc số", leads: [KHCN], partners: [CSBN], deadline: { raw: "Quý IV/2026" } });
    expect(out.warnings).toEqual([]);
  });

  it("uses the plan's own TỔ CHỨC THỰC HIỆN units to find the lead column", () => {
    const row = ["1", "Hỗ trợ vốn vay cho hộ nghèo", "Ngân hàng Chính", "sách xã hội", "Các phòng ban chuyên môn thuộc UBND xã", "Năm 2026"];
    // Without the plan's lexicon "Ngân hàng Chính" does not start like a unit: the bank is read as task text.
    const plain = read(table(row));
    expect(plain.tasks[0]).toMatchObject({ title: "Hỗ trợ vốn vay cho hộ nghèo Ngân hàng Chính sách xã hội", leads: [CPB], partners: [] });

    const withSection = read(["III. TỔ CHỨC THỰC HIỆN", "1. Ngân hàng Chính sách xã hội", "- Chủ trì …", "Nơi nhận:", table(row)].join("\n"));
    expect(withSection.tasks[0]).toMatchObject({
      title: "Hỗ trợ vốn vay cho hộ nghèo",
      leads: ["Ngân hàng Chính sách xã hội"],
      partners: [CPB],
    });
    expect(withSection.warnings).toEqual([]);
  });

  it("reads group rows of a hierarchical table", () => {
    const out = read(
      table(
        ["I", "CẢI CÁCH THỂ CHẾ", "1", "Rà soát văn bản QPPL", "Sở Tư pháp", "Các sở, ban, ngành", "Năm 2026"],
        ["II", "", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "2", "Công khai TTHC", "Văn phòng UBND tỉnh", "UBND cấp xã", "Thường xuyên"],
      ),
    );
    expect(out.groups).toEqual([
      { id: "I", title: "CẢI CÁCH THỂ CHẾ", parent: null },
      { id: "II", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", parent: null },
    ]);
    expect(out.tasks.map((t) => [t.id, t.group, t.deadline.kind, t.deadline.due])).toEqual([
      ["1", "I", "year", "2026-12-31"],
      ["2", "II", "recurring", null],
    ]);
  });
});

describe("nothing is dropped silently", () => {
  it("warns when there is no task table", () => {
    const out = read("KẾ HOẠCH\nCải cách hành chính năm 2026\n");
    expect(out.tasks).toEqual([]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]?.message).toMatch(/Không tìm thấy bảng danh mục nhiệm vụ/);
  });

  it("reports text after the deadline with its line number", () => {
    const text = table(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã", "Quý I/2026", "Nguyễn Văn A"]);
    const out = read(text);
    expect(out.tasks[0]?.deadline.raw).toBe("Quý I/2026");
    expect(out.warnings).toEqual([{ line: lineOf(text, "Nguyễn Văn A"), message: expect.stringContaining('"Nguyễn Văn A"') }]);
  });

  it("reports text between the header and the first task", () => {
    const text = table(["(đơn vị tính: nhiệm vụ)", "1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã", "Quý I/2026"]);
    const out = read(text);
    expect(out.tasks).toHaveLength(1);
    expect(out.warnings).toEqual([{ line: lineOf(text, "(đơn vị tính: nhiệm vụ)"), message: expect.stringContaining("(đơn vị tính: nhiệm vụ)") }]);
  });

  it("warns about a row without a deadline and keeps the plan-end fallback", () => {
    const text = table(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã"]);
    const out = read(text);
    expect(out.tasks[0]).toMatchObject({ title: "Xây dựng kế hoạch", leads: [SNV], partners: [UBX] });
    expect(out.tasks[0]?.deadline).toMatchObject({ raw: "", kind: "period", due: "2026-12-31" });
    expect(out.warnings).toEqual([{ line: lineOf(text, "1"), message: expect.stringContaining("thời gian hoàn thành") }]);
  });

  it("warns about a deadline it cannot read, with the deadline's line", () => {
    const text = table(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã", "Trong năm tới"]);
    const out = read(text);
    expect(out.tasks[0]?.deadline.raw).toBe("Trong năm tới");
    expect(out.warnings).toEqual([{ line: lineOf(text, "Trong năm tới"), message: expect.stringContaining('"Trong năm tới"') }]);
  });

  it("warns about a numbered row without text", () => {
    const text = table(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã", "Quý I/2026", "2", "3", "Tổng kết", "Sở Nội vụ", "UBND cấp xã", "Năm 2026"]);
    const out = read(text);
    expect(out.tasks.map((t) => t.id)).toEqual(["1", "3"]);
    expect(out.warnings).toEqual([{ line: lineOf(text, "2"), message: expect.stringContaining("Nhiệm vụ 2") }]);
  });

  it("warns about a gap in the numbering and a stray number", () => {
    const text = table(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "UBND cấp xã", "Quý I/2026", "3", "Tổng kết", "Sở Nội vụ", "UBND cấp xã", "Năm 2026", "", "99", "", "Ghi chú: xem phụ lục", "4", "Báo cáo", "Sở Nội vụ", "UBND cấp xã", "Năm 2026"]);
    const out = read(text);
    expect(out.tasks.map((t) => t.id)).toEqual(["1", "3", "4"]);
    expect(out.warnings).toEqual([
      { line: lineOf(text, "3"), message: expect.stringMatching(/từ 1 lên 3/) },
      { line: lineOf(text, "99"), message: expect.stringContaining('"99"') },
      { line: lineOf(text, "Ghi chú: xem phụ lục"), message: expect.stringContaining('"Ghi chú: xem phụ lục"') },
    ]);
  });
});
