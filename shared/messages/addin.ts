/** Messages of the Excel add-in: ribbon commands, task pane, and what an old Excel cannot do. */

/** What is lost when the running Excel lacks a feature (keys match addin/excel/capabilities.ts). */
export const missingFeatureMessages = {
  columnWidths: "độ rộng cột và chiều cao hàng",
  merges: "gộp ô",
  protection: "khóa các cột của kế hoạch (bảo vệ trang tính)",
  names: "tên vùng ngày báo cáo (công thức Đánh giá dùng địa chỉ ô thay thế)",
  conditionalFormats: "tô màu theo trạng thái và thanh tiến độ (định dạng có điều kiện)",
  freezePanes: "cố định hàng tiêu đề",
  tabColor: "màu thẻ trang tính",
  chartSeries: "biểu đồ (cần Excel mới hơn)",
  dataValidation: "danh sách chọn và kiểm tra dữ liệu nhập (xác thực dữ liệu)",
  gridlines: "ẩn đường lưới",
  pageLayout: "thiết lập trang in (A4, lặp tiêu đề)",
  autoFilter: "bộ lọc tự động",
  multiSelection: "chọn nhiều vùng cùng lúc (chỉ dùng vùng đang chọn đầu tiên)",
  rowGroups: "nhóm hàng (outline)",
  notes: "ghi chú trong ô",
} as const;

/** Messages shown by the add-in. */
export const addinMessages = {
  appName: "Theo dõi CCHC",
  close: "Đóng",
  missingFeatures: (items: string[]) =>
    `Phiên bản Excel này chưa hỗ trợ: ${items.join("; ")}. Sổ theo dõi vẫn được tạo đầy đủ số liệu; hãy dùng Excel mới hơn (Microsoft 365, Excel 2021 hoặc Excel trên web) để có đủ các tính năng.`,
  bestEffortFailed: (detail: string) => `Một số thiết lập phụ (in trang, biểu đồ, ghi chú) không áp dụng được: ${detail}`,
  sheetsExist: (names: string[]) =>
    `Sổ này đã có trang tính ${names.map((n) => `"${n}"`).join(", ")}. Hãy mở một sổ Excel mới (trống) rồi tạo sổ theo dõi, hoặc chọn "Thay thế các trang đã có".`,
  notATracker: (detail: string) => `Sổ này không phải sổ theo dõi CCHC (hoặc đã bị sửa cấu trúc). ${detail}`.trim(),
  notXlsx: (file: string) => `Bỏ qua tệp ${file}: không phải tệp Excel .xlsx.`,
  excelError: (detail: string) => `Excel báo lỗi: ${detail}`,
  noTaskRowsSelected: (sheet: string) =>
    `Không có dòng nhiệm vụ nào trong vùng đang chọn (trang "${sheet}"). Hãy chọn một hoặc nhiều dòng nhiệm vụ trên trang "Nhiệm vụ" rồi chọn lại trạng thái.`,
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
} as const;

/** Names of exported files (what the browser saves). */
export const exportFileMessages = {
  baseName: (quarter: number, year: number, unit: string | null) =>
    `Báo cáo CCHC Quý ${["I", "II", "III", "IV"][quarter - 1] ?? quarter}-${year}${unit ? ` - ${unit}` : ""}`.replace(/[\\/:*?"<>|]/g, "-"),
} as const;

/** Texts the add-in puts into sheets. */
export const addinSheetMessages = {
  subtitle: (asOf: string) => `Tính đến ngày ${asOf}`,
} as const;

/** Messages of the ribbon commands. */
export const addinCommandMessages = {
  checkClean: "Kiểm tra xong: không có lỗi nào.",
  checkFound: (errors: number, warnings: number) =>
    `Kiểm tra xong: ${errors} lỗi, ${warnings} cảnh báo. Xem danh sách ở trang "Kiểm tra"; ô có lỗi đầu tiên đang được chọn.`,
  summaryDone: (sheet: string) => `Đã lập trang "${sheet}" với biểu đồ tỷ lệ hoàn thành theo lĩnh vực và theo cơ quan chủ trì.`,
  statusSet: (status: string, rows: number) => `Đã đặt trạng thái "${status}" cho ${rows} nhiệm vụ và ghi ngày cập nhật.`,
} as const;

/** The task pane's texts: labels (keyed for the page's data-t attributes), progress and outcome messages. */
export const taskpaneMessages = {
  labels: {
    pageTitle: "Theo dõi CCHC",
    brandTitle: "Theo dõi CCHC",
    brandSubtitle: "Kế hoạch cải cách hành chính",
    createTitle: "Tạo sổ theo dõi",
    createHint: "Từ kế hoạch CCHC: chọn tệp (.txt, .md, .docx, .pdf, .xlsx) hoặc dán nội dung.",
    planFile: "Tệp kế hoạch",
    chooseFile: "Chọn tệp…",
    chooseFiles: "Chọn các tệp…",
    planText: "Hoặc dán nội dung kế hoạch",
    planTextPlaceholder: "Dán toàn bộ văn bản kế hoạch (kể cả phụ lục danh mục nhiệm vụ)…",
    unit: "Đơn vị theo dõi",
    unitPlaceholder: "Mặc định: đơn vị ghi trong kế hoạch",
    year: "Năm",
    replaceCreate: "Thay thế các trang đã có trong sổ này",
    createButton: "Tạo sổ theo dõi",
    periodTitle: "Kỳ báo cáo",
    periodHint: "Dùng cho Kiểm tra, Tổng hợp quý, Gộp và Xuất báo cáo (cả nút trên thẻ CCHC).",
    quarter: "Quý",
    periodYear: "Năm",
    asOf: "Số liệu tính đến ngày",
    asOfPlaceholder: "dd/mm/yyyy",
    asOfHint: "Để trống: ngày chốt số liệu của quý (hoặc hôm nay nếu quý chưa kết thúc).",
    checkButton: "Kiểm tra",
    summaryButton: "Tổng hợp quý",
    mergeTitle: "Gộp báo cáo các đơn vị",
    mergeHint: "Chọn các sổ theo dõi (.xlsx) của xã, phường hoặc sở, ngành; nên mở một sổ Excel mới để chứa bản gộp.",
    mergeFiles: "Các tệp .xlsx",
    expected: "Danh sách đơn vị phải nộp (không bắt buộc)",
    expectedPlaceholder: "Mỗi dòng một đơn vị, ví dụ:\nxã Cao Minh\nxã An Khánh",
    replaceMerge: "Thay thế các trang tổng hợp đã có",
    mergeButton: "Gộp báo cáo",
    exportTitle: "Xuất báo cáo",
    exportHint: "Bảng số liệu của kỳ báo cáo từ sổ đang mở (sổ theo dõi hoặc bản gộp của tỉnh).",
    format: "Định dạng",
    formatXlsx: "Excel (.xlsx) — bảng biểu chuẩn A4",
    formatCsv: "CSV (.csv) — danh sách nhiệm vụ",
    formatDocx: "Word (.docx) — dự thảo báo cáo quý",
    exportButton: "Xuất tệp",
    dismiss: "Đóng thông báo",
    footer: "Mọi xử lý diễn ra ngay trong máy và trong sổ Excel đang mở; không gửi dữ liệu đi đâu.",
  },
  noFileChosen: "Chưa chọn tệp",
  filesChosen: (names: string[]) => (names.length === 1 ? names[0]! : `${names.length} tệp: ${names.join(", ")}`),
  badDate: (text: string) => `Ngày "${text}" không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 14/03/2026.`,
  quarterOption: (q: number) => `Quý ${["I", "II", "III", "IV"][q - 1]}`,
  periodLine: (label: string, from: string, to: string) => `${label}: số liệu từ ${from} đến ${to}.`,
  noPlan: "Hãy chọn tệp kế hoạch hoặc dán nội dung kế hoạch trước khi tạo sổ theo dõi.",
  noFiles: "Hãy chọn ít nhất một tệp sổ theo dõi (.xlsx) để gộp.",
  badYear: "Năm không hợp lệ: nhập năm có 4 chữ số, ví dụ 2026.",
  readingPlan: (file: string) => `Đang đọc kế hoạch ${file}…`,
  writingTracker: "Đang ghi sổ theo dõi vào Excel…",
  created: (tasks: number, unit: string, year: number) => `Đã tạo sổ theo dõi: ${tasks} nhiệm vụ, ${unit || "đơn vị chưa rõ"}, năm ${year}.`,
  planWarnings: (n: number) => `Kế hoạch có ${n} chỗ chưa đọc chắc chắn — hãy soát lại các nhiệm vụ này:`,
  planWarning: (where: string, message: string) => (where ? `${where}: ${message}` : message),
  checking: "Đang kiểm tra số liệu…",
  summarising: "Đang lập trang tổng hợp…",
  readingFile: (i: number, n: number, file: string) => `Đang đọc tệp ${i}/${n}: ${file}`,
  writingMerge: "Đang ghi bản gộp vào Excel…",
  merged: (units: number, rows: number, missing: number) =>
    `Đã gộp ${units} đơn vị, ${rows} dòng nhiệm vụ${missing > 0 ? `; ${missing} đơn vị chưa nộp` : ""}.`,
  mergedNone: (files: number, missing: number) =>
    `Không gộp được đơn vị nào từ ${files} tệp${missing > 0 ? `; ${missing} đơn vị chưa nộp` : ""} — xem lý do ở trang tổng hợp lỗi.`,
  mergeProblems: (rejected: number, findings: number) =>
    `${rejected} tệp không gộp được và ${findings} lỗi trong số liệu — xem các trang tổng hợp lỗi trong sổ.`,
  exporting: "Đang lập tệp báo cáo…",
  outsideExcel: "Trang này chạy trong Excel: mở thẻ CCHC trên thanh công cụ và chọn Bảng điều khiển.",
  exported: (file: string) => `Đã tạo tệp ${file}. Nếu trình duyệt không tự lưu, hãy kiểm tra thư mục Tải xuống.`,
} as const;

/** The help page (help.html) of the add-in. */
export const helpMessages = {
  title: "Theo dõi CCHC — Hướng dẫn",
  subtitle: "Phần bổ trợ Excel theo dõi kế hoạch cải cách hành chính",
  sections: [
    {
      title: "1. Tạo sổ theo dõi",
      paragraphs: [
        "Mở một sổ Excel mới, chọn thẻ CCHC › Bảng điều khiển. Chọn tệp kế hoạch (.txt, .md, .docx, .pdf, .xlsx) hoặc dán nội dung kế hoạch, rồi bấm Tạo sổ theo dõi.",
        "Sổ gồm các trang Hướng dẫn, Nhiệm vụ (mỗi nhiệm vụ một dòng), Danh mục (ẩn) và _meta (ẩn). Các cột của kế hoạch được khóa; chỉ nhập vào các cột Trạng thái, Tiến độ, Ngày hoàn thành, Kết quả, Ghi chú.",
      ],
    },
    {
      title: "2. Cập nhật trạng thái",
      paragraphs: [
        "Chọn một hoặc nhiều dòng nhiệm vụ trên trang Nhiệm vụ, rồi chọn CCHC › Trạng thái › Chưa triển khai / Đang thực hiện / Hoàn thành / Không thực hiện. Cột Cập nhật ghi ngày hôm nay.",
        "Hoàn thành: tiến độ thành 100% và ngày hoàn thành là hôm nay nếu chưa nhập; hãy ghi Kết quả / Văn bản, sản phẩm. Không thực hiện: hãy ghi lý do ở cột Ghi chú.",
      ],
    },
    {
      title: "3. Kiểm tra và tổng hợp quý",
      paragraphs: [
        "Kiểm tra liệt kê mọi lỗi ở trang Kiểm tra và chọn ô có lỗi đầu tiên. Tổng hợp quý lập trang Tổng hợp của kỳ báo cáo (mặc định theo Nghị định 09/2019/NĐ-CP: quý I từ 15/12 năm trước đến 14/3), kèm biểu đồ.",
        "Kỳ báo cáo và ngày tính số liệu chọn ở Bảng điều khiển, mục Kỳ báo cáo.",
      ],
    },
    {
      title: "4. Gộp báo cáo và xuất báo cáo",
      paragraphs: [
        "Cấp tỉnh: mở một sổ mới, ở Bảng điều khiển chọn các sổ theo dõi của xã, phường hoặc sở, ngành (.xlsx) và bấm Gộp báo cáo. Có thể dán danh sách đơn vị phải nộp để biết đơn vị nào chưa nộp.",
        "Xuất báo cáo tạo tệp .xlsx (bảng biểu A4), .csv hoặc dự thảo báo cáo quý .docx từ sổ đang mở.",
      ],
    },
    {
      title: "Excel cũ",
      paragraphs: [
        "Trên Excel đời cũ thiếu một số tính năng (danh sách chọn, tô màu, khóa trang…), phần bổ trợ vẫn ghi đủ số liệu và báo rõ những gì chưa áp dụng được.",
      ],
    },
  ],
} as const;
