import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { planMessages as M } from "../../../shared/messages/plan.js";
import {
  assemblePlan,
  decodePlanText,
  detectShape,
  parsePlanBytes,
  parsePlanText,
  Plan,
  planId,
} from "../../../shared/plan/index.js";
import { readMetadata } from "../../../shared/plan/metadata.js";

const seedPath = (name: string): string => path.join(__dirname, "../../../seeds", name);
const seed = (name: string): string => readFileSync(seedPath(name), "utf8");

const SEEDS = [
  // file, shape, tasks, groups, targets
  ["000_6179fdf5309b29e6.txt", "layout-text", 18, 0, 0],
  ["001_e08ca05127985b31.txt", "layout-text", 23, 0, 0],
  ["002_169211afdee7665e.txt", "bullets", 51, 6, 34],
  ["003_db0447c41af15103.txt", "markdown-table", 18, 0, 0],
  ["004_0deebdd1aa5ed513.txt", "markdown-table", 50, 20, 0],
] as const;

/** Catches the UnusableInputError a call throws (fails the test when it throws nothing or something else). */
function unusable(fn: () => unknown): UnusableInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnusableInputError) return error;
    throw error;
  }
  throw new Error("expected an UnusableInputError");
}

async function unusableAsync(promise: Promise<unknown>): Promise<UnusableInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnusableInputError) return error;
    throw error;
  }
  throw new Error("expected an UnusableInputError");
}

describe("parsePlanText: the five seeds", () => {
  it.each(SEEDS)("%s is %s with %i tasks, %i groups, %i targets", (file, shape, tasks, groups, targets) => {
    const text = seed(file);
    expect(detectShape(text)).toBe(shape);
    const plan = parsePlanText(text, { fileName: file });
    expect(plan.tasks).toHaveLength(tasks);
    expect(plan.groups).toHaveLength(groups);
    expect(plan.targets).toHaveLength(targets);
    // A valid Plan by the schema, every task with an area, unique ids.
    expect(Plan.parse(plan)).toEqual(plan);
    expect(plan.tasks.every((t) => t.area !== null)).toBe(true);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(tasks);
  });

  it.each(SEEDS)("%s parses identically from NFD, CRLF, CR and BOM variants", (file) => {
    const text = seed(file);
    const plan = parsePlanText(text);
    const variants = [
      text.normalize("NFD"),
      text.replace(/\n/g, "\r\n"),
      text.replace(/\n/g, "\r"),
      "\uFEFF" + text,
      "\uFEFF" + text.normalize("NFD").replace(/\n/g, "\r\n"),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(text);
      expect(parsePlanText(variant)).toEqual(plan);
    }
  });

  it("classifies the area of appendix tasks that have none", () => {
    const plan = parsePlanText(seed("003_db0447c41af15103.txt"));
    expect(plan.tasks.find((t) => t.id === "10")?.area).toBe("Cải cách tài chính công");
    expect(plan.tasks.find((t) => t.id === "4")?.area).toBe("Cải cách thủ tục hành chính");
  });

  it("keeps the plan's metadata", () => {
    const plan = parsePlanText(seed("001_e08ca05127985b31.txt"));
    expect(plan).toMatchObject({
      title: "Kế hoạch Cải cách hành chính tỉnh Thái Nguyên năm 2026",
      issuer: "UBND tỉnh Thái Nguyên",
      unit: "tỉnh Thái Nguyên",
      level: "province",
      period: { from: "2026-01-01", to: "2026-12-31" },
    });
  });
});

describe("parsePlanText: other Markdown table forms", () => {
  const head = "# KẾ HOẠCH\n\n## Cải cách hành chính xã Yên Lạc năm 2026\n\n";

  it("reads a pipe table", () => {
    const text =
      head +
      "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n" +
      "|:---:|---|---|---|---|\n" +
      "| 1 | Rà soát TTHC | Trung tâm PVHCC | Các cơ quan, đơn vị | Quý I/2026 |\n" +
      "| 2 | Quản lý tài sản công | Phòng kinh tế | | Hằng năm |\n";
    expect(detectShape(text)).toBe("markdown-table");
    const plan = parsePlanText(text);
    expect(plan.unit).toBe("xã Yên Lạc");
    expect(plan.tasks.map((t) => [t.id, t.leads, t.partners, t.deadline.due, t.area])).toEqual([
      ["1", ["Trung tâm Phục vụ hành chính công"], ["Các cơ quan, đơn vị"], "2026-03-31", "Cải cách thủ tục hành chính"],
      ["2", ["Phòng Kinh tế"], [], null, "Cải cách tài chính công"],
    ]);
  });

  it("reads an HTML table with tags and line breaks in cells", () => {
    const text =
      head +
      "<table>\n<tr><td><b>TT</b></td><td><b>Nhiệm vụ</b></td><td><b>Đơn vị chủ trì</b></td><td><b>Thời hạn</b></td></tr>\n" +
      "<tr><td>I</td><td>CẢI CÁCH THỂ CHẾ</td><td></td><td></td></tr>\n" +
      "<tr><td>1</td><td>Rà soát văn bản QPPL</td><td>Văn phòng HĐND &amp; UBND xã<br>Phòng VH-XH</td><td>Trước 01/6/2026</td></tr>\n" +
      "</table>\n";
    expect(detectShape(text)).toBe("markdown-table");
    const plan = parsePlanText(text);
    expect(plan.groups).toEqual([{ id: "I", title: "CẢI CÁCH THỂ CHẾ", parent: null }]);
    expect(plan.tasks).toEqual([
      expect.objectContaining({
        id: "1",
        group: "I",
        area: "Cải cách thể chế",
        leads: ["Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội"],
        deadline: { raw: "Trước 01/6/2026", kind: "date", due: "2026-05-31", note: null },
      }),
    ]);
  });
});

describe("parsePlanText: input without a plan", () => {
  it.each([[""], ["   \n\n\t  "], ["\uFEFF"], ["\r\n\r\n"]])("an empty file (%j) is unusable", (text) => {
    const error = unusable(() => parsePlanText(text, { fileName: "rong.txt" }));
    expect(error.message).toBe(M.emptyFile);
    expect(error.location.file).toBe("rong.txt");
  });

  it("a text with no task in it is unusable", () => {
    const error = unusable(() => parsePlanText("KẾ HOẠCH\nCải cách hành chính xã A năm 2026\n\nMột đoạn văn không có nhiệm vụ.\n"));
    expect(error.message).toBe(M.noTasks);
  });

  it("a text with no year at all is 'no plan' when it has no tasks either", () => {
    expect(unusable(() => parsePlanText('{ "name": "x" }')).message).toBe(M.noTasks);
  });

  it("a task table without any year says the year is missing", () => {
    const text = "KẾ HOẠCH\nCải cách hành chính xã A\n\nSố TT\tNội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n1\tViệc\tPhòng Kinh tế\tThường xuyên\n";
    expect(unusable(() => parsePlanText(text)).message).toBe(M.noYear);
    expect(parsePlanText(text, { year: 2027 }).period).toEqual({ from: "2027-01-01", to: "2027-12-31" });
  });
});

describe("assemblePlan", () => {
  const meta = readMetadata("KẾ HOẠCH\nCải cách hành chính xã A năm 2026\n");
  const task = (id: string, title: string) => ({
    id,
    title,
    group: null,
    area: null,
    requirement: null,
    leads: [],
    partners: [],
    deadline: { raw: "Năm 2026", kind: "year" as const, due: "2026-12-31", note: null },
    source: "appendix" as const,
  });

  it("makes duplicate ids unique and says so", () => {
    const plan = assemblePlan(meta, { tasks: [task("1", "Rà soát TTHC"), task("1", "Quản lý ngân sách")], groups: [], targets: [], warnings: [] });
    expect(plan.tasks.map((t) => [t.id, t.area])).toEqual([
      ["1", "Cải cách thủ tục hành chính"],
      ["1-2", "Cải cách tài chính công"],
    ]);
    expect(plan.warnings).toEqual([{ message: M.warnDuplicateId("1") }]);
  });

  it("refuses an output without tasks", () => {
    expect(unusable(() => assemblePlan(meta, { tasks: [], groups: [], targets: [], warnings: [] })).message).toBe(M.noTasks);
  });
});

describe("planId", () => {
  const plan = parsePlanText(seed("003_db0447c41af15103.txt"));

  it("is 16 hex digits and stable for the same plan", () => {
    expect(planId(plan)).toMatch(/^[0-9a-f]{16}$/);
    expect(planId(parsePlanText(seed("003_db0447c41af15103.txt").normalize("NFD")))).toBe(planId(plan));
  });

  it("differs between plans and changes when a task's lead, title or deadline changes", () => {
    const ids = new Set(SEEDS.map(([file]) => planId(parsePlanText(seed(file)))));
    expect(ids.size).toBe(SEEDS.length);
    const first = plan.tasks[0]!;
    const variants = [
      { ...first, leads: ["Phòng Kinh tế"] },
      { ...first, title: first.title + "." },
      { ...first, deadline: { ...first.deadline, raw: "Quý II/2026", due: "2026-06-30" } },
      { ...first, id: "1a" },
    ];
    for (const changed of variants) expect(planId({ tasks: [changed, ...plan.tasks.slice(1)] })).not.toBe(planId(plan));
  });

  it("does not depend on metadata or warnings", () => {
    expect(planId({ ...plan, title: "khác", warnings: [{ message: "x" }] } as typeof plan)).toBe(planId(plan));
  });

  it("matches a known FNV-1a 64 value for an empty task list", () => {
    // FNV-1a 64 of the empty string is its offset basis.
    expect(planId({ tasks: [] })).toBe("cbf29ce484222325");
  });
});

describe("parsePlanBytes", () => {
  const bytes = readFileSync(seedPath("003_db0447c41af15103.txt"));

  it("reads .txt and .md as UTF-8, with or without BOM", async () => {
    const expected = parsePlanText(bytes.toString("utf8"));
    expect(await parsePlanBytes(bytes, "ke-hoach.txt")).toEqual(expected);
    expect(await parsePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), "ke-hoach.md")).toEqual(expected);
  });

  it("reads UTF-16 with a BOM (Notepad's 'Unicode')", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString("utf8"), "utf16le")]);
    expect((await parsePlanBytes(le, "ke-hoach.txt")).tasks).toHaveLength(18);
  });

  it.each([
    ["invalid UTF-8", new Uint8Array([0x4b, 0xe1, 0xba, 0xbf, 0xff, 0xfe, 0x00, 0xc3])],
    ["NUL bytes", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00])],
    ["control characters", new TextEncoder().encode("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f".repeat(3))],
  ])("refuses binary garbage (%s) in a .txt", async (_what, data) => {
    const error = await unusableAsync(parsePlanBytes(data, "rac.txt"));
    expect(error.message).toBe(M.notText);
    expect(error.location.file).toBe("rac.txt");
  });

  it("refuses an empty file", async () => {
    expect((await unusableAsync(parsePlanBytes(new Uint8Array(), "rong.md"))).message).toBe(M.emptyFile);
  });

  it.each([".docx", ".pdf", ".xlsx", ".PDF"])("hands %s to its office reader, which refuses garbage as unusable", async (ext) => {
    const error = await unusableAsync(parsePlanBytes(new Uint8Array([1, 2, 3]), `ke-hoach${ext}`));
    expect(error.message).not.toBe(M.notText);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("reads an unknown extension if it is text, and refuses it otherwise", async () => {
    expect((await parsePlanBytes(bytes, "ke-hoach.ban-sao")).tasks).toHaveLength(18);
    const error = await unusableAsync(parsePlanBytes(new Uint8Array([0, 1, 2, 0xff]), "ke-hoach.odt"));
    expect(error.message).toBe(M.unknownFormat(".odt"));
  });

  it("decodePlanText keeps normal Vietnamese text with tabs and line breaks", () => {
    const text = "Số TT\tNội dung\r\n1\tViệc một\n";
    expect(decodePlanText(new TextEncoder().encode(text))).toBe(text);
  });
});
