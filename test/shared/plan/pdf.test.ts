import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { planFileMessages as M } from "../../../shared/messages/plan-files.js";
import { parsePlanBytes } from "../../../shared/plan/index.js";
import { DEFAULT_PDF_LIMITS, extractPdf } from "../../../shared/plan/readers/pdf.js";
import { fixture, handmadePdf, heading, seedPlan, TASK_COUNTS } from "../../fixtures/plans/helpers.js";

/** Runs `fn`, expecting an UnusableInputError, and returns it. */
async function unusable(fn: () => Promise<unknown>): Promise<UnusableInputError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UnusableInputError);
    return e as UnusableInputError;
  }
  throw new Error("expected an UnusableInputError");
}

describe("PDF renderings of the seeds", () => {
  // Bordered tables (rebuilt from the ruling lines) and the same pages without borders (rebuilt from the text).
  const cases = ["000", "001", "003", "004"].flatMap((id) => [
    [id, `${id}.pdf`],
    [id, `${id}-noborders.pdf`],
  ]);

  it.each(cases)("seed %s: %s parses to the same plan as the seed text", async (id, file) => {
    const seed = seedPlan(id);
    const plan = await parsePlanBytes(fixture(file), file);
    expect(plan.tasks).toHaveLength(TASK_COUNTS[id]!);
    expect(plan.tasks).toEqual(seed.tasks);
    expect(plan.groups).toEqual(seed.groups);
    expect(heading(plan)).toEqual(heading(seed));
    expect(plan.warnings).toEqual([]);
  });
});

describe("a PDF of a plan without a table", () => {
  it("002.pdf: wrapped lines are joined into paragraphs, so the bullet tasks and targets read as in the seed", async () => {
    const seed = seedPlan("002");
    const plan = await parsePlanBytes(fixture("002.pdf"), "002.pdf");
    expect(plan.tasks).toHaveLength(51);
    expect(plan.targets).toHaveLength(34);
    expect(plan).toEqual(seed);
  });
});

describe("extractPdf", () => {
  let doc003: ReturnType<typeof extractPdf> | null = null;
  const read003 = () => (doc003 ??= extractPdf(fixture("003.pdf"), "003.pdf"));

  it("joins the pages of the appendix into one table: header once, rows split by page breaks joined", async () => {
    const doc = await read003();
    const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows[0]).toEqual(["Số TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]);
    expect(rows.filter((r) => r[0] === "Số TT")).toHaveLength(1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    const pages = new Set(tables[0]!.rowPages);
    expect(pages.size).toBeGreaterThan(1);
  });

  it("keeps the body text before the table as paragraphs, in order", async () => {
    const doc = await read003();
    const paras = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(paras.slice(0, 2)).toEqual(["KẾ HOẠCH", "Cải cách hành chính xã An Khánh năm 2026"]);
    expect(paras).toContain("III. TỔ CHỨC THỰC HIỆN");
    expect(doc.blocks.findIndex((b) => b.kind === "table")).toBeGreaterThan(paras.indexOf("III. TỔ CHỨC THỰC HIỆN"));
  });
});

describe("PDFs drawn by other writers", () => {
  /**
   * A bordered table drawn with filled 0.5 pt rectangles inside a shifted coordinate system (cm). The lead unit
   * spans rows 1–2 (no border between them in that column): only the ruling lines can tell it applies to both.
   */
  function filledBorderTable(): string {
    const xs = [40, 80, 360, 520, 680];
    const ys = [500, 470, 430, 390]; // PDF y grows upwards
    const text = (s: string, x: number, y: number) => `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;
    const rects = [
      ...xs.map((x) => `${x - 0.25} ${ys[3]} 0.5 ${ys[0]! - ys[3]!} re f`),
      ...[ys[0]!, ys[1]!, ys[3]!].map((y) => `${xs[0]} ${y - 0.25} ${xs[4]! - xs[0]!} 0.5 re f`),
      // The border between rows 1 and 2, except under the merged lead cell (x 360–520).
      `${xs[0]} ${ys[2]! - 0.25} ${xs[2]! - xs[0]!} 0.5 re f`,
      `${xs[3]} ${ys[2]! - 0.25} ${xs[4]! - xs[3]!} 0.5 re f`,
    ];
    const cells = [
      ["STT", "Noi dung cong viec", "Co quan chu tri", "Thoi gian hoan thanh"],
      ["1", "Xay dung ke hoach CCHC nam 2026", "", "Quy I/2026"],
      ["2", "Ra soat thu tuc hanh chinh", "", "Nam 2026"],
    ];
    const texts = cells.flatMap((row, r) => row.map((c, k) => (c ? text(c, xs[k]! + 4, ys[r]! - 18) : "")));
    return [
      "q 1 0 0 1 20 10 cm", // everything shifted: rulings and text must move together
      "0.9 g 120 440 150 20 re f 0 g", // shading inside a cell: a large fill is not a border
      ...rects,
      ...texts,
      text("Phong Van hoa - Xa hoi", 364, 426), // centred in the merged cell
      "Q",
      "BT /F1 16 Tf 300 540 Td (KE HOACH cai cach hanh chinh nam 2026) Tj ET",
    ].join("\n");
  }

  it("rebuilds a table whose borders are filled rectangles in a transformed coordinate system", async () => {
    const doc = await extractPdf(handmadePdf([filledBorderTable()]), "word-export.pdf");
    const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table.rows] : []));
    expect(tables).toEqual([
      [
        ["STT", "Noi dung cong viec", "Co quan chu tri", "Thoi gian hoan thanh"],
        ["1", "Xay dung ke hoach CCHC nam 2026", "Phong Van hoa - Xa hoi", "Quy I/2026"],
        ["2", "Ra soat thu tuc hanh chinh", "Phong Van hoa - Xa hoi", "Nam 2026"],
      ],
    ]);
    expect(doc.blocks[0]).toEqual({ kind: "paragraph", text: "KE HOACH cai cach hanh chinh nam 2026", page: 1 });
  });
});

describe("unusable PDF files", () => {
  it("a scan without a text layer gets the clear message naming the file", async () => {
    const e = await unusable(() => parsePlanBytes(fixture("scan.pdf"), "ke-hoach-scan.pdf"));
    expect(e.message).toBe(M.pdfNoTextLayer("ke-hoach-scan.pdf", 2));
    expect(e.location).toEqual({ file: "ke-hoach-scan.pdf", page: 1 });
  });

  it("a password-protected PDF gets a message saying so", async () => {
    const e = await unusable(() => parsePlanBytes(fixture("encrypted.pdf"), "kh-mat-khau.pdf"));
    expect(e.message).toBe(M.pdfEncrypted("kh-mat-khau.pdf"));
  });

  it("a truncated PDF is refused, not read in part", async () => {
    const bytes = fixture("003.pdf");
    const e = await unusable(() => parsePlanBytes(bytes.slice(0, Math.floor(bytes.length * 0.6)), "kh.pdf"));
    expect(e.message).toMatch(/kh\.pdf/);
  });

  it("bytes that are not a PDF are refused", async () => {
    const e = await unusable(() => parsePlanBytes(new TextEncoder().encode("Kế hoạch năm 2026"), "kh.pdf"));
    expect(e.message).toBe(M.pdfInvalid("kh.pdf", "thiếu phần đầu %PDF"));
  });

  it("a PDF whose body is garbage between a valid header and end is refused", async () => {
    const bytes = fixture("003.pdf");
    const broken = bytes.slice();
    broken.fill(0x20, 20, bytes.length - 10);
    await unusable(() => parsePlanBytes(broken, "kh.pdf"));
  });

  it("a PDF with more pages than the cap is refused, with the count", async () => {
    const e = await unusable(() => extractPdf(fixture("003.pdf"), "kh.pdf", { ...DEFAULT_PDF_LIMITS, maxPages: 2 }));
    expect(e.message).toMatch(/^Tệp PDF kh\.pdf có \d+ trang, vượt giới hạn 2 trang/);
  });

  it("a PDF that takes longer than the time budget is stopped, naming the page", async () => {
    let t = 0;
    const clock = () => (t += 400); // every look at the clock: 0.4 s later
    const e = await unusable(() => extractPdf(fixture("003.pdf"), "kh.pdf", { maxPages: 300, timeLimitMs: 1000, now: clock }));
    expect(e.message).toBe(M.pdfTimeout("kh.pdf", e.location.page!, 1));
    expect(e.location.page).toBeGreaterThanOrEqual(1);
  });
});
