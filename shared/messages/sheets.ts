/** Messages of the Google Sheets (Apps Script) project: the CCHC menu, its dialogs, prompts, toasts and the Drive merge. */

/** Menu labels (the menu handlers are Apps Script globals, see apps-script/src/menu.ts). */
export const sheetsMenuMessages = {
  menu: "CCHC",
  statusSubmenu: "Trạng thái",
  createTracker: "Tạo sổ theo dõi từ kế hoạch…",
  check: "Kiểm tra dữ liệu",
  summary: "Tổng hợp quý…",
  closeQuarter: "Chốt quý…",
  merge: "Gộp báo cáo các xã…",
  export: "Xuất báo cáo…",
} as const;

/** Titles of dialogs, prompts and alerts. */
export const sheetsTitles = {
  app: "CCHC",
  createTracker: "Tạo sổ theo dõi từ kế hoạch",
  summary: "Tổng hợp quý",
  closeQuarter: "Chốt quý",
  export: "Xuất báo cáo",
  merge: "Gộp báo cáo các xã",
  check: "Kiểm tra dữ liệu",
} as const;

/** Texts shown inside the HTML dialogs (filled into apps-script/src/dialogs/*.html by the build). */
const dialogs = {
  common: {
    cancel: "Hủy",
    close: "Đóng",
    working: "Đang xử lý, vui lòng chờ…",
    failed: "Không thực hiện được:",
    quarter: "Quý",
    year: "Năm",
    asOf: "Tính đến ngày (để trống = ngày chốt số liệu của quý)",
  },
  create: {
    intro:
      "Dán nội dung kế hoạch (phần danh mục nhiệm vụ hoặc cả văn bản) vào ô dưới đây, hoặc chọn tệp kế hoạch (.txt, .md, .docx, .xlsx).",
    pasteLabel: "Nội dung kế hoạch",
    pastePlaceholder: "Dán nội dung kế hoạch vào đây…",
    fileLabel: "Hoặc chọn tệp kế hoạch",
    unitLabel: "Đơn vị theo dõi (để trống = lấy theo kế hoạch)",
    yearLabel: "Năm (để trống = lấy theo kế hoạch)",
    replaceLabel: "Thay thế sổ theo dõi đã có trong bảng tính này (số liệu đã nhập sẽ mất)",
    submit: "Tạo sổ theo dõi",
    needInput: "Hãy dán nội dung kế hoạch hoặc chọn một tệp.",
    fileTooLarge: "Tệp quá lớn (tối đa 20 MB).",
    readingFile: "Đang đọc tệp…",
  },
  period: {
    summaryIntro: "Lập trang tổng hợp kết quả thực hiện nhiệm vụ của quý, kèm biểu đồ tỷ lệ hoàn thành theo lĩnh vực và theo cơ quan chủ trì.",
    closeIntro:
      "Chốt quý: lưu lại trạng thái của mọi nhiệm vụ tại ngày chốt số liệu vào một trang riêng, để các lần sửa sau không làm thay đổi số liệu đã báo cáo.",
    exportIntro: "Xuất các bảng số liệu báo cáo quý thành tệp để tải về máy.",
    mergeIntro:
      "Gộp sổ theo dõi của các đơn vị (bảng tính Google hoặc tệp .xlsx) trong một thư mục Google Drive thành các trang tổng hợp của tỉnh. Thư mục lớn được đọc dần, mỗi lần tối đa vài phút; tiến độ ghi ở trang \"Tình trạng gộp\".",
    folderLabel: "Thư mục Google Drive (đường dẫn hoặc mã thư mục)",
    folderPlaceholder: "https://drive.google.com/drive/folders/…",
    restartLabel: "Dừng đợt gộp đang chạy dở (nếu có) và gộp lại từ đầu",
    needFolder: "Hãy nhập đường dẫn hoặc mã thư mục Google Drive.",
    expectedNote: "Danh sách đơn vị phải nộp: trang \"Danh sách đơn vị\" của bảng tính này (cột A), nếu có.",
    format: "Định dạng tệp",
    formatXlsx: "Excel (.xlsx) — bảng số liệu, khổ A4",
    formatCsv: "CSV (UTF-8) — dùng cho phần mềm khác",
    formatDocx: "Word (.docx) — dự thảo báo cáo quý",
    submitSummary: "Tổng hợp",
    submitClose: "Chốt quý",
    submitExport: "Xuất tệp",
    submitMerge: "Gộp báo cáo",
    download: "Tải tệp về máy",
    building: "Đang tạo tệp Word…",
    downloadReady: "Tệp đã sẵn sàng:",
  },
} as const;

/** Everything the dialogs need, looked up by the build as {{key}} (e.g. {{create.submit}}). */
export const sheetsMessages = { dialogs } as const;

/** Prompts, alerts and toasts of the commands. */
export const sheetsCommandMessages = {
  // Trạng thái
  statusNoTasksSheet: (sheet: string) => `Bảng tính này chưa có trang "${sheet}". Hãy tạo sổ theo dõi trước (menu CCHC → Tạo sổ theo dõi từ kế hoạch…).`,
  statusWrongSheet: (sheet: string) => `Hãy chọn các dòng nhiệm vụ trên trang "${sheet}" rồi chọn lại trạng thái.`,
  statusNoTaskRows: "Vùng đang chọn không có dòng nhiệm vụ nào (dòng tiêu đề và dòng nhóm không được đổi trạng thái).",
  statusApplied: (status: string, n: number) => `Đã đặt "${status}" cho ${n} nhiệm vụ.`,
  statusSkipped: (n: number) => `Bỏ qua ${n} dòng không phải nhiệm vụ.`,

  // Tạo sổ theo dõi
  createExists: (sheet: string) =>
    `Bảng tính này đã có trang "${sheet}". Để tạo lại, đánh dấu ô "Thay thế sổ theo dõi đã có" (số liệu đã nhập sẽ mất), hoặc tạo sổ trong một bảng tính mới.`,
  createDone: (tasks: number, unit: string) => `Đã tạo sổ theo dõi ${tasks} nhiệm vụ${unit ? ` cho ${unit}` : ""}.`,
  createWarnings: (n: number) => `Có ${n} chỗ trong kế hoạch chưa đọc được chắc chắn; xem trang Hướng dẫn.`,
  badYear: (text: string) => `Năm không hợp lệ: "${text}".`,
  badDate: (text: string) => `Ngày không hợp lệ: "${text}" (nhập dd/mm/yyyy).`,
  badQuarter: (text: string) => `Quý không hợp lệ: "${text}" (1 đến 4).`,
  emptyPlan: "Chưa có nội dung kế hoạch.",
  unsupportedFile: (name: string) => `Không đọc được tệp "${name}": chỉ nhận .txt, .md, .docx, .xlsx.`,
  pdfNotInSheets: (name: string) =>
    `Tệp PDF "${name}" chưa đọc được trong Google Sheets. Hãy dùng tệp Word (.docx) của kế hoạch, dán nội dung kế hoạch vào ô, hoặc dùng lệnh cchc init trên máy tính.`,
  pastedName: "nội dung dán vào",

  // Kiểm tra
  checkNoTracker: "Bảng tính này chưa phải sổ theo dõi CCHC (không có trang Nhiệm vụ hoặc _meta).",
  checkSubtitle: (file: string, asOf: string) => `Bảng tính: ${file} — kiểm tra tính đến ngày ${asOf}`,
  checkClean: (tasks: number) => `Không phát hiện lỗi: ${tasks} nhiệm vụ đã nhập hợp lệ.`,
  checkFound: (errors: number, warnings: number) => `Phát hiện ${errors} lỗi và ${warnings} cảnh báo; xem trang Kiểm tra.`,

  // Tổng hợp, chốt quý
  summaryDone: (sheet: string) => `Đã lập trang "${sheet}".`,
  closeExists: (sheet: string) =>
    `Quý này đã được chốt ở trang "${sheet}". Số liệu đã chốt không được ghi đè; nếu thật sự cần chốt lại, hãy xóa trang đó trước.`,
  closeDone: (sheet: string, tasks: number) => `Đã chốt quý: ${tasks} nhiệm vụ được lưu ở trang "${sheet}".`,

  // Xuất
  exportDone: (name: string) => `Đã tạo tệp ${name}.`,

  // Errors
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
  notAvailable: (what: string) => `Chức năng "${what}" chưa có trong phiên bản này.`,
  busy: "Một lệnh CCHC khác đang chạy trên bảng tính này; vui lòng thử lại sau ít phút.",
  noUi: "Lệnh này cần được chạy từ menu CCHC trong bảng tính.",
} as const;

/** Descriptions the renderer writes on protected ranges (Data → Protected sheets and ranges). */
export const sheetsRenderMessages = {
  protectedSheet: "Sổ theo dõi CCHC: các cột lấy từ kế hoạch được bảo vệ (sửa sẽ có cảnh báo); chỉ nhập ở các ô nền vàng nhạt.",
  hiddenSheet: "Sổ theo dõi CCHC: dữ liệu kỹ thuật để đọc sổ tự động — không sửa, không xóa.",
} as const;

/** Messages of the Drive-folder merge (Gộp báo cáo các xã). */
export const sheetsMergeMessages = {
  title: "Gộp báo cáo",
  badFolder: (text: string) => `Không nhận ra thư mục Drive: "${text}".`,
  folderNotFound: (id: string) => `Không mở được thư mục Drive "${id}" (không tồn tại hoặc bạn không có quyền xem).`,
  alreadyRunning: (done: number, total: number) =>
    `Đang có một đợt gộp chạy dở (đã đọc ${done}/${total} tệp); nó sẽ tự chạy tiếp. Muốn bắt đầu lại thì đánh dấu ô "Dừng đợt gộp đang chạy dở" rồi bấm Gộp báo cáo.`,
  started: (name: string) => `Bắt đầu gộp thư mục "${name}".`,
  listing: (n: number) => `Đang liệt kê tệp trong thư mục: đã thấy ${n} tệp; sẽ tự chạy tiếp sau khoảng 1 phút.`,
  continuing: (done: number, total: number) =>
    `Đã đọc ${done}/${total} tệp; phần còn lại sẽ tự chạy tiếp sau khoảng 1 phút (Google giới hạn 6 phút mỗi lần chạy). Có thể đóng bảng tính.`,
  finishing: "Đang lập các trang tổng hợp của tỉnh…",
  done: (files: number, failed: number) =>
    `Đã gộp xong ${files} tệp${failed ? `; ${failed} tệp không đọc được (xem cột Ghi chú của trang này)` : ""}.`,
  cancelled: "Đã dừng đợt gộp.",
  retrying: (detail: string) => `Lần chạy vừa rồi gặp lỗi, sẽ thử lại sau khoảng 1 phút: ${detail}`,
  aborted: (detail: string) => `Đã dừng đợt gộp vì lỗi lặp lại: ${detail}`,
  countsLine: (listed: number, read: number, failed: number) => `${listed} tệp trong thư mục — đã đọc ${read}, lỗi ${failed}.`,
  notRead: "Chưa đọc được tệp này.",
  fileError: (name: string, reason: string) => `Không đọc được tệp "${name}": ${reason}`,
  fileTooLarge: (name: string, mb: number) => `Tệp "${name}" quá lớn (${mb.toFixed(1)} MB).`,
  sheetsServiceMissing:
    "Dịch vụ nâng cao Google Sheets API chưa được bật cho dự án Apps Script (cần để đọc các bảng tính Google trong thư mục).",
} as const;

/** Texts of the sheets the merge writes: the visible status sheet and the hidden staging sheet. */
export const sheetsMergeSheetMessages = {
  statusSheet: "Tình trạng gộp",
  stageSheet: "_gop_du_lieu",
  expectedSheet: "Danh sách đơn vị",
  expectedHeader: "Đơn vị",
  statusSheetTitle: "TÌNH TRẠNG GỘP BÁO CÁO — THƯ MỤC:",
  messageLabel: "Tình trạng",
  countsLabel: "Số tệp",
  queueHeaders: ["Mã tệp", "Tên tệp", "Loại", "Sửa lần cuối", "Dung lượng (byte)", "Kết quả đọc", "Ghi chú"],
  stateQueued: "chờ đọc",
  stateRead: "đã đọc",
  stateFailed: "lỗi",
} as const;

/** Messages of the export (Xuất báo cáo). */
export const sheetsExportMessages = {
  badFormat: (text: string) => `Định dạng tệp không hợp lệ: "${text}" (xlsx, csv hoặc docx).`,
  /** A file name without diacritics or spaces, so that every system keeps it as is. */
  fileName: (quarter: number, year: number, unit: string | null, ext: string) => {
    const slug = (unit ?? "tinh")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    return `Bao-cao-CCHC-Quy-${["I", "II", "III", "IV"][quarter - 1]}-${year}-${slug || "don-vi"}.${ext}`;
  },
} as const;

