/** Messages of the report exports (xlsx, csv, docx) and `cchc export`. */

/** Reading a province workbook back. */
export const provinceReadMessages = {
  badMeta: (file: string) => `Tệp ${file} không phải tệp tổng hợp tỉnh hợp lệ (trang _meta thiếu quý, năm hoặc ngày số liệu).`,
  missingSheet: (file: string, sheet: string) => `Tệp tổng hợp tỉnh ${file} thiếu trang "${sheet}" hoặc dòng tiêu đề của trang.`,
} as const;

/** Column headers, table titles and labels of the report tables (a province's own form reuses or replaces them). */
export const reportTableMessages = {
  index: "STT",
  area: "Lĩnh vực",
  lead: "Cơ quan chủ trì",
  unit: "Đơn vị",
  indicator: "Chỉ tiêu",
  count: "Số nhiệm vụ",
  total: "Tổng số nhiệm vụ",
  done: "Hoàn thành",
  doneOnTime: "Đúng hạn",
  doneLate: "Quá hạn (HT)",
  inProgress: "Đang thực hiện",
  notStarted: "Chưa triển khai",
  dropped: "Không thực hiện",
  invalid: "Nhập chưa hợp lệ",
  overdue: "Quá hạn chưa HT",
  doneInPeriod: "Hoàn thành trong kỳ",
  completionRate: "Tỷ lệ hoàn thành",
  rank: "Xếp hạng",
  file: "Tệp",
  id: "Mã",
  task: "Nội dung nhiệm vụ",
  deadline: "Thời hạn",
  due: "Hạn hoàn thành",
  status: "Trạng thái",
  progress: "Tiến độ (%)",
  completedOn: "Ngày hoàn thành",
  result: "Kết quả / Văn bản, sản phẩm",
  note: "Khó khăn, vướng mắc / Ghi chú",
  evaluation: "Đánh giá",
  sumRow: "Tổng cộng",
  noArea: "Chưa phân loại",
  noLead: "Chưa xác định",
  none: "Không có.",
  invalidEvaluation: "Nhập chưa hợp lệ",
  totalsRows: {
    total: "Tổng số nhiệm vụ",
    done: "Đã hoàn thành",
    doneOnTime: "trong đó: đúng hạn",
    doneLate: "trong đó: quá hạn",
    inProgress: "Đang thực hiện",
    notStarted: "Chưa triển khai",
    dropped: "Không thực hiện",
    invalid: "Nhập chưa hợp lệ (chưa tính vào các trạng thái)",
    overdue: "Quá hạn chưa hoàn thành",
    doneInPeriod: "Hoàn thành trong kỳ báo cáo",
    completionRate: "Tỷ lệ hoàn thành (đã trừ nhiệm vụ không thực hiện)",
  },
  tables: {
    totals: "Tổng hợp chung",
    byArea: "Kết quả thực hiện theo lĩnh vực",
    byLead: "Kết quả thực hiện theo cơ quan chủ trì",
    byUnit: "Kết quả thực hiện của các đơn vị",
    overdue: "Nhiệm vụ quá hạn chưa hoàn thành",
    dueNext: "Nhiệm vụ đến hạn trong kỳ tới",
    doneInPeriod: "Nhiệm vụ hoàn thành trong kỳ",
    missing: "Đơn vị chưa gửi báo cáo",
    tasks: "Danh sách nhiệm vụ",
  },
  formName: "Mẫu mặc định (biểu tổng hợp kết quả thực hiện nhiệm vụ CCHC)",
  tableNumber: (n: number) => `Biểu số ${String(n).padStart(2, "0")}`,
} as const;

/** The official title block and texts of the report documents. */
export const reportDocumentMessages = {
  /** Left block: the issuing body in two lines (the People's Committee of the unit's place, or a department). */
  issuerLines: (unit: string | null): [string, string] => {
    if (!unit) return ["UBND TỈNH ………", "SỞ NỘI VỤ"];
    const place = unitPlace(unit);
    return /^(xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|đặc khu)(?![\p{L}\p{M}])/iu.test(place)
      ? ["ỦY BAN NHÂN DÂN", place.toLocaleUpperCase("vi")]
      : ["UBND TỈNH ………", place.toLocaleUpperCase("vi")];
  },
  nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  number: "Số:        /BC-UBND",
  provinceNumber: "Số:        /BC-SNV",
  placeDate: (unit: string | null, year: number) => {
    const place = unit ? unitPlace(unit).replace(/^(xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|đặc khu)\s+/iu, "") : "……";
    return `${place}, ngày …… tháng …… năm ${year}`;
  },
  /** The report's period in its title: "Quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
  periodTitle: (quarter: number, year: number) =>
    quarter === 2 ? `6 tháng đầu năm ${year}` : quarter === 4 ? `năm ${year}` : `Quý ${["I", "II", "III", "IV"][quarter - 1]} năm ${year}`,
  reportKind: "BÁO CÁO",
  reportTitle: (label: string) => `Kết quả công tác cải cách hành chính ${label}`,
  tableTitle: (label: string) => `BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH ${label.toUpperCase()}`,
  tableSubtitle: (unit: string | null) => (unit ? `(Kèm theo Báo cáo của ${unitBody(unit)})` : "(Kèm theo Báo cáo tổng hợp của Sở Nội vụ)"),
  periodLine: (from: string, to: string, asOf: string) =>
    `Kỳ báo cáo: từ ngày ${from} đến ngày ${to}; số liệu tính đến ngày ${asOf}.`,
  intro: (body: string, label: string) =>
    `Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, ${body} báo cáo kết quả công tác cải cách hành chính ${label} như sau:`,
  placeholder: "[Nội dung do đơn vị bổ sung.]",
  sections: {
    direction: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    directionItems: [
      "1. Về ban hành kế hoạch cải cách hành chính",
      "2. Về tổ chức thực hiện các nhiệm vụ trong kế hoạch",
      "3. Về công tác kiểm tra cải cách hành chính",
      "4. Về công tác tuyên truyền cải cách hành chính",
    ],
    results: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    assessment: "III. ĐÁNH GIÁ CHUNG",
    assessmentItems: ["1. Ưu điểm", "2. Hạn chế", "3. Nguyên nhân"],
    next: "IV. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI",
    proposals: "V. ĐỀ XUẤT, KIẾN NGHỊ",
  },
  planIssued: (plan: string | null, total: number) =>
    plan ? `${plan} gồm ${total} nhiệm vụ.` : `Tổng số nhiệm vụ theo kế hoạch: ${total}.`,
  provincePlans: (units: number, missing: number, total: number) =>
    `Số đơn vị đã gửi báo cáo: ${units}${missing > 0 ? `; chưa gửi: ${missing}` : ""}. Tổng số nhiệm vụ của các đơn vị: ${total}.`,
  tasksDone: (done: number, total: number, dropped: number, rate: string, onTime: number, late: number) =>
    `Đến thời điểm báo cáo đã hoàn thành ${done}/${total - dropped} nhiệm vụ (đạt ${rate}; không tính ${dropped} nhiệm vụ không thực hiện), trong đó ${onTime} nhiệm vụ hoàn thành đúng hạn, ${late} nhiệm vụ hoàn thành quá hạn.`,
  tasksOpen: (inProgress: number, notStarted: number, overdue: number, invalid: number) =>
    `Đang thực hiện ${inProgress} nhiệm vụ; chưa triển khai ${notStarted} nhiệm vụ; quá hạn chưa hoàn thành ${overdue} nhiệm vụ${invalid > 0 ? `; ${invalid} nhiệm vụ nhập số liệu chưa hợp lệ, chưa được tính` : ""}.`,
  areaLine: (area: string, total: number, done: number, rate: string, overdue: number) =>
    `${area}: ${total} nhiệm vụ, đã hoàn thành ${done} (${rate})${overdue > 0 ? `, quá hạn chưa hoàn thành ${overdue}` : ""}.`,
  areaHeading: (n: number, area: string) => `${n}. ${area}`,
  figuresTableCaption: (n: number, title: string) => `Bảng ${n}. ${title}`,
  moreRows: (n: number, noun = "nhiệm vụ") => `… và ${n} ${noun} khác (xem tệp bảng tính kèm theo).`,
  /** What the rows of a table are, for "… và N … khác". */
  rowNoun: { byUnit: "đơn vị", missing: "đơn vị", byLead: "cơ quan", byArea: "lĩnh vực", totals: "chỉ tiêu" } as Record<string, string>,
  dueNextIntro: "Các nhiệm vụ đến hạn trong kỳ tới cần tập trung thực hiện:",
  overdueIntro: "Các nhiệm vụ quá hạn chưa hoàn thành cần khẩn trương thực hiện:",
  /** Who reports, in the intro sentence. */
  reportingBody: (kind: "unit" | "province", unit: string | null) =>
    kind === "province" ? "Sở Nội vụ" : unit ? `Ủy ban nhân dân ${unitPlace(unit)}` : "đơn vị",
  dueSuffix: (date: string) => ` (hạn ${date})`,
  signerTop: "TM. ỦY BAN NHÂN DÂN",
  recipients: "Nơi nhận:",
  recipientLines: ["- Như trên;", "- Lưu: VT."],
  signer: "CHỦ TỊCH",
  provinceSigner: "GIÁM ĐỐC",
  signNote: "(Ký, ghi rõ họ tên, đóng dấu)",
  draft: "DỰ THẢO",
  footer: "Trang ",
  documentTitle: (label: string) => `Báo cáo kết quả công tác cải cách hành chính ${label}`,
} as const;

/** "xã Cao Minh" → "xã Cao Minh" (the place whose People's Committee reports); keeps the name as written. */
function unitPlace(unit: string): string {
  return unit.replace(/^(UBND|Ủy ban nhân dân)\s+/iu, "");
}

/** "xã Cao Minh" → "UBND xã Cao Minh"; a body name (Sở …) stays as it is. */
function unitBody(unit: string): string {
  return /^(xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|đặc khu)(?![\p{L}\p{M}])/iu.test(unit) ? `UBND ${unit}` : unit;
}

/** Messages of `cchc export`. */
export const exportCommandMessages = {
  usage: "Cách dùng: cchc export <sổ-theo-dõi|tỉnh.xlsx> --quarter 1..4 [--year Y] [--as-of YYYY-MM-DD] --format xlsx|csv|docx -o <tệp> [--json] [--force]",
  noInput: "Thiếu tệp sổ theo dõi hoặc tệp tổng hợp tỉnh cần xuất báo cáo.",
  tooManyInputs: "Chỉ xuất báo cáo cho một tệp mỗi lần.",
  noOutput: "Thiếu tệp kết quả (-o <tệp>).",
  noFormat: "Thiếu định dạng (--format xlsx, csv hoặc docx).",
  badFormat: (f: string) => `Định dạng "${f}" không hợp lệ (xlsx, csv hoặc docx).`,
  extensionMismatch: (file: string, format: string) => `Tệp kết quả ${file} phải có đuôi .${format}.`,
  noTaskTable: (file: string) => `Không tìm thấy bảng nhiệm vụ trong ${file}; không xuất được báo cáo.`,
  quarterDiffers: (given: string, merged: string) =>
    `Lưu ý: tệp tổng hợp tỉnh được gộp cho ${merged}; số liệu ${given} được tính lại từ các dòng nhiệm vụ đã gộp.`,
  findingsNote: (errors: number, warnings: number) =>
    `Sổ theo dõi có ${errors} lỗi, ${warnings} cảnh báo; nhiệm vụ nhập chưa hợp lệ không được tính vào các trạng thái (xem lệnh check).`,
  wrote: (file: string, format: string) => `Đã xuất báo cáo (${format}): ${file}`,
} as const;
