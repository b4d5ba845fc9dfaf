import { describe, expect, it } from "vitest";
import type { DocBlock } from "../../../shared/plan/readers/document.js";
import { layoutPdfPages, type PdfPageGeometry, type PdfSegment, type PdfTextItem } from "../../../shared/plan/readers/pdf-layout.js";

const SIZE = 10;
const CHAR = 5; // width of one character at SIZE

/** A text item whose width follows its length (a monospaced stand-in for real glyph widths). */
const t = (str: string, x: number, y: number): PdfTextItem => ({ str, x, y, w: str.length * CHAR, size: SIZE });

/** Ruling lines of a grid: every column edge from top to bottom, every row edge across (minus `gaps`). */
function grid(xs: number[], ys: number[], gaps: { row: number; col: number }[] = []): PdfSegment[] {
  const segs: PdfSegment[] = [];
  for (const x of xs) segs.push({ x1: x, y1: ys[0]!, x2: x, y2: ys[ys.length - 1]! });
  ys.forEach((y, r) => {
    for (let c = 0; c + 1 < xs.length; c++) {
      // A missing border under row r-1 in column c merges the two cells vertically.
      if (gaps.some((g) => g.row === r && g.col === c)) continue;
      segs.push({ x1: xs[c]!, y1: y, x2: xs[c + 1]!, y2: y });
    }
  });
  return segs;
}

const page = (n: number, items: PdfTextItem[], segments: PdfSegment[] = [], width = 600): PdfPageGeometry => ({
  page: n,
  width,
  height: 800,
  items,
  segments,
});

const tables = (blocks: DocBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [b.table.rows] : []));
const paragraphs = (blocks: DocBlock[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

const XS = [50, 90, 300, 420, 550];

describe("bordered tables", () => {
  it("reads cells between the ruling lines; a missing border is a merged cell, repeated down except in the id column", () => {
    const ys = [100, 120, 150, 180];
    const items = [
      t("STT", 55, 113),
      t("Nội dung", 95, 113),
      t("Chủ trì", 305, 113),
      t("Thời gian", 425, 113),
      t("1", 55, 143),
      t("Việc một", 95, 143),
      t("Phòng A", 305, 158), // centred in the merged cell (rows 1–2)
      t("Quý I", 425, 143),
      t("2", 55, 173),
      t("Việc hai", 95, 173),
      t("Quý II", 425, 173),
    ];
    const doc = layoutPdfPages([page(1, items, grid(XS, ys, [{ row: 2, col: 2 }]))]);
    expect(tables(doc.blocks)).toEqual([
      [
        ["STT", "Nội dung", "Chủ trì", "Thời gian"],
        ["1", "Việc một", "Phòng A", "Quý I"],
        ["2", "Việc hai", "Phòng A", "Quý II"],
      ],
    ]);
  });

  it("joins a wrapped line with a space but keeps a line that ended early as a line break", () => {
    const ys = [100, 160];
    // Cell 2 spans x 90–300 (≈ 40 characters): the first line fills it, so it was wrapped.
    const items = [
      t("1", 55, 113),
      t("Xây dựng kế hoạch cải cách hành chính và", 95, 113),
      t("tổ chức thực hiện", 95, 126),
      t("Phòng A", 305, 113), // short line: the next name would have fitted after it
      t("Phòng B", 305, 126),
    ];
    const doc = layoutPdfPages([page(1, items, grid(XS, ys))]);
    expect(tables(doc.blocks)[0]![0]).toEqual([
      "1",
      "Xây dựng kế hoạch cải cách hành chính và tổ chức thực hiện",
      "Phòng A\nPhòng B",
      "",
    ]);
  });

  it("continues a table over the next page: the repeated header is dropped, a row split by the break is joined", () => {
    const header = (y: number) => [t("STT", 55, y), t("Nội dung", 95, y), t("Chủ trì", 305, y), t("Thời gian", 425, y)];
    const p1 = page(
      1,
      [t("KẾ HOẠCH", 50, 60), ...header(713), t("1", 55, 743), t("Việc một phần", 95, 743), t("Phòng A", 305, 743), t("Quý I", 425, 743), t("3", 295, 780)],
      grid(XS, [700, 720, 760]),
    );
    const p2 = page(
      2,
      [...header(113), t("đầu trang sau", 95, 133), t("2", 55, 163), t("Việc hai", 95, 163), t("Phòng B", 305, 163), t("Quý II", 425, 163)],
      grid(XS, [100, 120, 140, 170]),
    );
    const doc = layoutPdfPages([p1, p2]);
    expect(paragraphs(doc.blocks)).toEqual(["KẾ HOẠCH"]); // the page number "3" is gone
    expect(tables(doc.blocks)).toEqual([
      [
        ["STT", "Nội dung", "Chủ trì", "Thời gian"],
        ["1", "Việc một phần đầu trang sau", "Phòng A", "Quý I"],
        ["2", "Việc hai", "Phòng B", "Quý II"],
      ],
    ]);
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table.rowPages).toEqual([1, 1, 2]);
  });

  it("does not join tables separated by text", () => {
    const p1 = page(1, [t("1", 55, 743), t("a", 95, 743)], grid(XS, [730, 760]));
    const p2 = page(2, [t("Đoạn văn giữa hai bảng", 50, 60), t("b", 95, 113)], grid(XS, [100, 120]));
    const doc = layoutPdfPages([p1, p2]);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["table", "paragraph", "table"]);
  });

  it("drops a running header or footer that comes back on the pages, keeps margin text seen once", () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        t("UBND XÃ CAO MINH - KẾ HOẠCH CCHC 2026", 150, 30),
        t(`Nội dung trang ${n}`, 50, 300),
        t(`Trang ${n}/3`, 270, 790),
        ...(n === 1 ? [t("Số: 12/KH-UBND", 50, 45)] : []),
      ]),
    );
    expect(paragraphs(layoutPdfPages(pages).blocks)).toEqual(["Số: 12/KH-UBND", "Nội dung trang 1", "Nội dung trang 2", "Nội dung trang 3"]);
  });

  it("keeps a number alone on a line in the middle of the page (only margins hold page numbers)", () => {
    const doc = layoutPdfPages([page(1, [t("3", 295, 400), t("12", 295, 790)])]);
    expect(paragraphs(doc.blocks)).toEqual(["3"]);
  });
});

describe("body text", () => {
  it("joins the lines of a wrapped paragraph; a short line, a bullet or a new item starts a new paragraph", () => {
    // Text block x 50–270 on a page 360 wide.
    const items = [
      t("Căn cứ Nghị quyết số 76/NQ-CP của Chính phủ", 50, 100), // 44 chars: reaches the right edge → wrapped
      t("về Chương trình tổng thể cải cách.", 50, 114), // short: the paragraph ends here
      t("Thực hiện Kế hoạch số 188/KH-UBND tỉnh ban", 50, 128), // full line …
      t("- Tuyên truyền về cải cách hành chính;", 50, 142), // … but a bullet starts a new item
      t("a) Mục tiêu", 50, 156),
    ];
    expect(paragraphs(layoutPdfPages([page(1, items, [], 360)]).blocks)).toEqual([
      "Căn cứ Nghị quyết số 76/NQ-CP của Chính phủ về Chương trình tổng thể cải cách.",
      "Thực hiện Kế hoạch số 188/KH-UBND tỉnh ban",
      "- Tuyên truyền về cải cách hành chính;",
      "a) Mục tiêu",
    ]);
  });
});

describe("borderless tables", () => {
  // Columns: id at 50, title at 90 (to 290), lead at 300 (to 410), deadline at 430; header labels centred.
  const header = [t("STT", 52, 100), t("Nội dung công việc", 145, 100), t("Cơ quan chủ trì", 318, 100), t("Thời gian", 440, 100)];

  it("takes the columns from the header and the rows from the ids, joining wrapped cells", () => {
    const items = [
      t("KẾ HOẠCH", 50, 60),
      ...header,
      t("1", 55, 130),
      t("Xây dựng kế hoạch tuyên truyền năm 2026", 90, 124),
      t("tổ chức thực hiện", 90, 137),
      t("Phòng Văn hóa", 300, 124),
      t("- Xã hội", 300, 137),
      t("Quý I/2026", 430, 130),
      t("2", 55, 165),
      t("Rà soát thủ tục hành chính", 90, 165),
      t("Phòng Kinh tế", 300, 165),
      t("Năm 2026", 430, 165),
      t("Nơi nhận: như trên, lưu văn phòng và các phòng ban chuyên môn", 50, 220),
    ];
    const doc = layoutPdfPages([page(1, items)]);
    expect(tables(doc.blocks)).toEqual([
      [
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"],
        // "Phòng Văn hóa" is as wide as the column's text gets, so "- Xã hội" is its wrapped tail.
        ["1", "Xây dựng kế hoạch tuyên truyền năm 2026 tổ chức thực hiện", "Phòng Văn hóa - Xã hội", "Quý I/2026"],
        ["2", "Rà soát thủ tục hành chính", "Phòng Kinh tế", "Năm 2026"],
      ],
    ]);
    expect(paragraphs(doc.blocks)).toEqual(["KẾ HOẠCH", "Nơi nhận: như trên, lưu văn phòng và các phòng ban chuyên môn"]);
  });

  it("does not take a list of recipients that mentions units for a table header", () => {
    const items = [
      t("Nơi nhận:", 50, 600),
      t("TT", 50, 614),
      t("HĐND xã;", 80, 614),
      t("Các cơ quan,", 200, 614),
      t("đơn vị;", 320, 614),
      t("1", 50, 628),
      t("Lưu: VT.", 80, 628),
    ];
    const doc = layoutPdfPages([page(1, items)]);
    expect(tables(doc.blocks)).toEqual([]);
    expect(paragraphs(doc.blocks)).toHaveLength(3);
  });

  it("reads a group row whose title crosses the columns as a row, not as the end of the table", () => {
    const items = [
      ...header,
      t("I.", 55, 130),
      t("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 90, 130),
      t("1.1", 55, 150),
      t("Ban hành kế hoạch", 90, 150),
      t("Phòng A", 300, 150),
      t("Quý I/2026", 430, 150),
    ];
    const doc = layoutPdfPages([page(1, items)]);
    expect(tables(doc.blocks)[0]!.slice(1)).toEqual([
      ["I.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "", ""],
      ["1.1", "Ban hành kế hoạch", "Phòng A", "Quý I/2026"],
    ]);
  });
});
