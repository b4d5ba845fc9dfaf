/** Messages of the province merge: the roll-up's findings, the province workbook and `cchc merge`. */

/** Findings the merge adds about whole files (file-level problems; the files' own findings are kept as they are). */
export const mergeFindingMessages = {
  unusableFile: {
    hint: () => "Đề nghị đơn vị gửi lại sổ theo dõi dạng .xlsx mở được bằng Excel (không đặt mật khẩu).",
  },
  notXlsx: {
    message: (file: string) => `Tệp ${file} không phải sổ theo dõi .xlsx nên không được gộp.`,
    oldXls: (file: string) => `Tệp ${file} là định dạng Excel cũ (.xls) nên không được gộp.`,
    province: (file: string) => `Tệp ${file} là tệp tổng hợp tỉnh (kết quả gộp trước), không phải sổ theo dõi của đơn vị nên không được gộp.`,
    hint: () => "Nếu đây là báo cáo của một đơn vị, hãy mở bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel), rồi gộp lại.",
    provinceHint: () => "Để tệp tổng hợp ra ngoài thư mục sổ theo dõi của các đơn vị (hoặc ghi đè bằng -o).",
  },
  otherYear: {
    message: (year: number | null, expected: number, rows: number) =>
      `Sổ theo dõi của năm ${year ?? "(không rõ)"}, không phải năm ${expected}: ${rows} dòng nhiệm vụ không được gộp.`,
    hint: () => "Đề nghị đơn vị gửi sổ theo dõi của đúng năm báo cáo.",
  },
  notMerged: {
    message: (rows: number) => `Tệp không phải sổ theo dõi đúng mẫu: ${rows} dòng nhiệm vụ không được gộp.`,
    hint: () => "Đề nghị đơn vị tạo sổ theo dõi bằng công cụ (lệnh init hoặc menu CCHC) và nhập lại số liệu.",
  },
  noUnit: {
    message: (rows: number) => `Sổ theo dõi không ghi tên đơn vị (_meta, khóa unit): ${rows} dòng nhiệm vụ không được gộp.`,
    hint: () => "Tạo lại sổ theo dõi có tên đơn vị (cchc init … --unit \"xã …\"), rồi chép số liệu sang.",
  },
  duplicate: {
    message: (unit: string, kept: string, rows: number) =>
      `Đơn vị ${unit} nộp nhiều tệp; tệp này cũ hơn nên không được gộp (${rows} dòng), giữ tệp ${kept}.`,
    hint: () => "Nếu tệp này mới đúng, hãy xóa tệp kia khỏi thư mục rồi gộp lại.",
  },
  unexpected: {
    message: (unit: string) => `Đơn vị "${unit}" không có trong danh sách đơn vị phải báo cáo.`,
    hint: () => "Kiểm tra tên đơn vị trong sổ theo dõi hoặc bổ sung vào danh sách (--expect).",
  },
} as const;

/** Short Vietnamese labels of the file outcomes (province workbook, command output). */
export const fileOutcomeLabels = {
  merged: "Đã gộp",
  unusable: "Không mở được",
  notXlsx: "Không phải tệp .xlsx",
  noTaskTable: "Không có bảng nhiệm vụ",
  notTracker: "Không đúng mẫu sổ theo dõi",
  otherTemplate: "Mẫu sổ theo dõi khác phiên bản",
  otherYear: "Sổ theo dõi năm khác",
  noUnit: "Không ghi tên đơn vị",
  duplicate: "Nộp trùng (bản cũ)",
  provinceWorkbook: "Tệp tổng hợp tỉnh",
} as const;

/** Labels of the rows that are listed instead of merged (accounting). */
export const rowReasonLabels = {
  duplicateTask: "Dòng trùng mã nhiệm vụ trong cùng tệp",
  noId: "Dòng có số liệu nhưng không có mã nhiệm vụ",
} as const;

/** Texts of the province workbook. */
export const provinceWorkbookMessages = {
  sheets: {
    summary: "Tổng hợp",
    byArea: "Theo lĩnh vực",
    detail: "Chi tiết",
    taskByUnit: "Nhiệm vụ × đơn vị",
    missing: "Chưa nộp",
    rejected: "Trùng lặp - Không hợp lệ",
    findings: "Lỗi",
  },
  title: (label: string) => `TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH ${label.toUpperCase()}`,
  byAreaTitle: (label: string) => `KẾT QUẢ THỰC HIỆN NHIỆM VỤ CCHC THEO LĨNH VỰC - ${label.toUpperCase()}`,
  detailTitle: (label: string) => `CHI TIẾT NHIỆM VỤ CỦA CÁC ĐƠN VỊ - ${label.toUpperCase()}`,
  taskByUnitTitle: (label: string) => `TÌNH HÌNH TỪNG NHIỆM VỤ Ở CÁC ĐƠN VỊ CÙNG KẾ HOẠCH - ${label.toUpperCase()}`,
  missingTitle: "CÁC ĐƠN VỊ CHƯA NỘP SỔ THEO DÕI",
  rejectedTitle: "TỆP NỘP TRÙNG, KHÔNG HỢP LỆ HOẶC KHÔNG ĐƯỢC GỘP",
  findingsTitle: "LỖI VÀ CẢNH BÁO TRONG CÁC SỔ THEO DÕI",
  periodLine: (from: string, to: string, asOf: string) =>
    `Kỳ báo cáo: từ ${from} đến ${to} (chốt số liệu theo Nghị định số 09/2019/NĐ-CP); số liệu tính đến ngày ${asOf}.`,
  countsLine: (units: number, expected: number | null, missing: number, files: number) =>
    expected === null
      ? `Số đơn vị đã gộp: ${units}; số tệp đã đọc: ${files}.`
      : `Số đơn vị đã gộp: ${units}/${expected} đơn vị phải báo cáo; chưa nộp: ${missing}; số tệp đã đọc: ${files}.`,
  accountingLine: (read: number, merged: number, listed: number) =>
    `Số dòng nhiệm vụ đọc được: ${read} = ${merged} dòng đã gộp + ${listed} dòng không gộp (có lý do ở trang "Trùng lặp - Không hợp lệ").`,
  planLine: (title: string | null, units: number) => `Kế hoạch: ${title ?? "(không rõ tên)"} — ${units} đơn vị cùng theo dõi`,
  summaryHeaders: [
    "STT",
    "Đơn vị",
    "Tổng số nhiệm vụ",
    "Hoàn thành",
    "Đúng hạn",
    "Quá hạn (HT)",
    "Đang thực hiện",
    "Chưa triển khai",
    "Không thực hiện",
    "Nhập chưa hợp lệ",
    "Quá hạn chưa HT",
    "Tỷ lệ hoàn thành",
    "Xếp hạng",
    "Lỗi",
    "Cảnh báo",
    "Tệp",
    "Nguồn số liệu",
  ],
  provinceRow: "Toàn tỉnh",
  sourceLive: "Trang Nhiệm vụ",
  sourceClosed: "Trang đã chốt quý",
  notExpected: " (ngoài danh sách)",
  byAreaUnit: "Đơn vị",
  areaTasks: "Số NV",
  areaRate: "Tỷ lệ HT",
  allAreas: "Tất cả lĩnh vực",
  noArea: "Chưa phân loại",
  detailHeaders: [
    "STT",
    "Đơn vị",
    "Mã",
    "Lĩnh vực",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Thời hạn",
    "Hạn hoàn thành",
    "Trạng thái",
    "Tiến độ (%)",
    "Ngày hoàn thành",
    "Kết quả / Văn bản, sản phẩm",
    "Khó khăn, vướng mắc / Ghi chú",
    "Đánh giá",
    "Hợp lệ",
    "Tệp",
    "Dòng",
  ],
  valid: "Có",
  invalid: "Không",
  invalidEvaluation: "Nhập chưa hợp lệ",
  taskByUnitHeaders: ["Mã", "Nội dung nhiệm vụ", "Lĩnh vực", "Số đơn vị hoàn thành", "Tỷ lệ"],
  notInTracker: "—",
  missingHeaders: ["STT", "Đơn vị", "Ghi chú"],
  missingNone: "Tất cả đơn vị trong danh sách đã nộp.",
  missingNoList: "Không có danh sách đơn vị phải báo cáo (dùng --expect để liệt kê đơn vị chưa nộp).",
  missingSentBad: (files: string) => `Có gửi tệp nhưng không được gộp: ${files}`,
  rejectedHeaders: ["STT", "Tệp", "Đơn vị", "Tình trạng", "Số dòng không gộp", "Lý do", "Tệp được giữ"],
  rejectedNone: "Không có tệp nào bị trùng hay không hợp lệ.",
  rowsInMergedFile: (file: string) => `${file} (các dòng lẻ)`,
  findingsHeaders: ["STT", "Tệp", "Mức độ", "Trang tính", "Ô", "Mã nhiệm vụ", "Vấn đề", "Cách sửa", "Mã lỗi"],
  findingsNone: "Không có lỗi hay cảnh báo.",
  error: "Lỗi",
  warning: "Cảnh báo",
  footer: "Trang &P/&N",
  workbookTitle: (label: string) => `Tổng hợp CCHC toàn tỉnh ${label}`,
} as const;

/** Messages of `cchc merge`. */
export const mergeCommandMessages = {
  usage:
    "Cách dùng: cchc merge <tệp|thư-mục...> -o <tỉnh.xlsx> [--expect don-vi.txt] [--quarter 1..4] [--year Y] [--as-of YYYY-MM-DD] [--json [--no-rows]] [--force] [--province-plan kế-hoạch-tỉnh [--links lien-ket.txt]]",
  noInputs: "Thiếu tệp hoặc thư mục sổ theo dõi cần gộp.",
  noOutput: "Thiếu tệp kết quả (-o tỉnh.xlsx).",
  outputNotXlsx: (file: string) => `Tệp kết quả phải có đuôi .xlsx: ${file}`,
  inputNotFound: (path: string) => `Không tìm thấy tệp hoặc thư mục: ${path}`,
  expectUnreadable: (file: string) => `Không đọc được danh sách đơn vị: ${file}`,
  expectEmpty: (file: string) => `Danh sách đơn vị ${file} không có tên đơn vị nào.`,
  noWorkbooks: "Không có tệp .xlsx nào để gộp.",
  skippedOther: (file: string) => `Bỏ qua tệp không phải .xlsx: ${file}`,
  skipped: (file: string, reason: string) => `Bỏ qua ${file}: ${reason}`,
  /** Why an entry of an input folder is not read (each is named in the output and in --json). */
  skipReason: {
    lock: "tệp khóa của Excel (~$…), tạo ra khi tệp gốc đang mở",
    system: "tệp ẩn hoặc tệp hệ thống",
    temp: "tệp tạm của cchc còn lại từ một lần chạy bị dừng (có thể xóa)",
    danglingLink: "liên kết tới tệp không còn tồn tại",
    linkLoop: "liên kết vòng (trỏ về chính nó)",
    folderLink: "liên kết tới thư mục (không đi theo để tránh vòng lặp)",
    special: "không phải tệp thông thường (FIFO, thiết bị hoặc socket)",
    unreadable: "không đọc được (không có quyền)",
    output: "tệp tổng hợp của lần gộp trước, sẽ được thay bằng kết quả lần này",
  },
  progress: (done: number, total: number) => `Đang gộp ${done}/${total} tệp`,
  nothingUsable: "Không có sổ theo dõi nào gộp được.",
  header: (label: string, asOf: string) => `Gộp sổ theo dõi CCHC ${label} (số liệu tính đến ${asOf})`,
  counts: (units: number, files: number, rows: number) => `Đã gộp ${units} đơn vị từ ${files} tệp, ${rows} dòng nhiệm vụ.`,
  accounting: (read: number, merged: number, listed: number) => `Dòng nhiệm vụ: đọc ${read} = gộp ${merged} + không gộp ${listed}.`,
  missing: (n: number, names: string) => `Chưa nộp (${n}): ${names}`,
  duplicates: (unit: string, files: string, kept: string) => `Nộp trùng: ${unit} — ${files}; giữ ${kept}`,
  rejected: (file: string, label: string) => `Không gộp: ${file} — ${label}`,
  findings: (errors: number, warnings: number) => `Lỗi: ${errors}, cảnh báo: ${warnings} (xem trang "Lỗi").`,
  andMore: (n: number) => `… và ${n} mục nữa`,
} as const;
