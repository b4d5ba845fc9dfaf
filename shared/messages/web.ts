/** Messages of the offline web app (web/): page labels (data-t keys), progress and outcomes. */
import { taskpaneMessages } from "./addin.js";

/** Page labels: the task pane's, with the web app's own wording where the two differ. */
const labels = {
  ...taskpaneMessages.labels,
  pageTitle: "Theo dõi CCHC — ứng dụng trên máy",
  brandSubtitle: "Kế hoạch cải cách hành chính · chạy ngay trong trình duyệt, không cần cài đặt",
  createHint: "Từ kế hoạch CCHC: chọn tệp (.txt, .md, .docx, .pdf, .xlsx) hoặc dán nội dung. Sổ theo dõi (.xlsx) được tải về máy.",
  createButton: "Tạo và tải sổ theo dõi",
  unitPlaceholder: "Mặc định: theo kế hoạch",
  periodHint: "Dùng cho Tổng hợp quý, Gộp và Xuất báo cáo.",
  checkTitle: "Kiểm tra và tổng hợp quý",
  checkHint: "Chọn sổ theo dõi đã nhập số liệu (.xlsx). Kiểm tra liệt kê ô nhập sai; Tổng hợp quý tải về bản sao của sổ có thêm trang Tổng hợp.",
  trackerFile: "Sổ theo dõi (.xlsx)",
  closeQuarter: "Chốt số liệu quý (thêm trang Chốt quý, khóa số liệu của quý)",
  summaryDownload: "Tổng hợp quý và tải về",
  mergeHint: "Chọn các sổ theo dõi (.xlsx) của xã, phường hoặc sở, ngành — hoặc kéo thả cả thư mục vào ô bên dưới. Bản gộp (.xlsx) được tải về máy.",
  chooseFolder: "Chọn thư mục…",
  dropZone: "Kéo thả các tệp hoặc thư mục báo cáo vào đây",
  mergeButton: "Gộp và tải bản gộp",
  exportHint: "Bảng số liệu của kỳ báo cáo từ một sổ theo dõi hoặc một bản gộp của tỉnh (.xlsx).",
  exportFile: "Sổ theo dõi hoặc bản gộp (.xlsx)",
  exportButton: "Xuất và tải tệp",
  footer: "Mọi xử lý diễn ra ngay trong máy này: tệp không được gửi đi đâu, kể cả khi có mạng. Kết quả là tệp tải về thư mục Tải xuống.",
} as const;

export const webMessages = {
  labels,
  noTasks: "Kế hoạch không có nhiệm vụ nào đọc được: hãy kiểm tra lại tệp (phụ lục danh mục nhiệm vụ) hoặc dán nội dung.",
  notATracker: (file: string, detail: string) => `Tệp ${file} không phải sổ theo dõi CCHC (hoặc đã bị sửa cấu trúc). ${detail}`.trim(),
  trackerFileName: (unit: string, year: number) => `Sổ theo dõi CCHC ${year}${unit ? ` - ${unit}` : ""}`,
  provinceFileName: (period: string) => `Tổng hợp CCHC ${period}`,
  noTracker: "Hãy chọn sổ theo dõi (.xlsx) trước.",
  noExportFile: "Hãy chọn sổ theo dõi hoặc bản gộp (.xlsx) cần xuất báo cáo.",
  made: (file: string) => `Đã tải về tệp "${file}" (xem thư mục Tải xuống).`,
  created: (tasks: number, unit: string, year: number, file: string) =>
    `Đã tạo sổ theo dõi: ${tasks} nhiệm vụ, ${unit || "đơn vị chưa rõ"}, năm ${year}. Đã tải về "${file}".`,
  checkClean: (file: string, tasks: number) => `${file}: ${tasks} nhiệm vụ, không có lỗi nào.`,
  checkFound: (file: string, errors: number, warnings: number) => `${file}: ${errors} lỗi, ${warnings} cảnh báo — sửa trong Excel rồi kiểm tra lại:`,
  summaryDone: (label: string, done: number, total: number, file: string) =>
    `Đã tổng hợp ${label}: ${done}/${total} nhiệm vụ hoàn thành. Đã tải về "${file}".`,
  closedNow: (sheet: string) => `Đã chốt số liệu quý: trang "${sheet}" giữ cố định số liệu cho mọi lần tổng hợp sau.`,
  closedBefore: (sheet: string) => `Quý này đã được chốt trước đó (trang "${sheet}"): tổng hợp dùng số liệu đã chốt.`,
  summaryFindings: (errors: number, warnings: number) => `Sổ còn ${errors} lỗi, ${warnings} cảnh báo: bấm Kiểm tra để xem chi tiết.`,
  reading: (file: string) => `Đang đọc ${file}…`,
  collecting: "Đang lấy danh sách tệp…",
  outsideFolder: (n: number) => `${n} tệp (kể cả trong thư mục con)`,
  moreFindings: (n: number) => `… và ${n} mục khác`,
} as const;
