/** Messages of the tracker workbook (sheet texts, validation errors, legends) and of `cchc init`. */
export const workbookMessages = {
  // Titles
  guideTitle: "SỔ THEO DÕI THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
  guideSubtitle: (unit: string, year: number) => (unit ? `${unit} — năm ${year}` : `Năm ${year}`),
  tasksTitle: (year: number) => `THEO DÕI THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
  tasksSubtitle: (planTitle: string, unit: string) => (unit ? `${planTitle} — Đơn vị: ${unit}` : planTitle),
  tasksAsOfLabel: "Đánh giá tính đến ngày:",
  targetsTitle: "MỤC TIÊU CỦA KẾ HOẠCH",
  printFooter: "Trang &P/&N",
  printHeader: (unit: string, year: number) => (unit ? `Sổ theo dõi CCHC năm ${year} — ${unit}` : `Sổ theo dõi CCHC năm ${year}`),

  // Hướng dẫn: facts about the plan
  labelPlan: "Kế hoạch",
  labelIssuer: "Cơ quan ban hành",
  labelUnit: "Đơn vị theo dõi",
  labelYear: "Năm",
  labelPeriod: "Thời gian thực hiện",
  labelTaskCount: "Số nhiệm vụ",
  labelAsOf: "Ngày đánh giá (tính đến ngày)",
  asOfNote:
    "Cột Đánh giá ở trang Nhiệm vụ được tính theo ngày này. Đổi ngày (dd/mm/yyyy) để xem tình hình tại một thời điểm khác, ví dụ ngày chốt số liệu của quý.",
  period: (from: string, to: string) => `${from} – ${to}`,

  // Hướng dẫn: how to fill in
  howToTitle: "CÁCH ĐIỀN",
  howToSteps: [
    "Chỉ nhập ở các ô nền vàng nhạt: Lĩnh vực (nếu cần sửa), Trạng thái, Tiến độ (%), Ngày hoàn thành, Kết quả / Văn bản, sản phẩm, Khó khăn, vướng mắc / Ghi chú. Các cột lấy từ kế hoạch được khóa.",
    "Trạng thái: chọn trong danh sách thả xuống. Để trống nghĩa là \"Chưa triển khai\".",
    "Tiến độ (%): số nguyên từ 0 đến 100.",
    "Khi chọn \"Hoàn thành\": nhập Ngày hoàn thành (dd/mm/yyyy) và Kết quả (số, ký hiệu, ngày ban hành văn bản hoặc sản phẩm).",
    "Khi chọn \"Không thực hiện\": ghi rõ lý do ở cột Khó khăn, vướng mắc / Ghi chú.",
    "Cột Đánh giá tự tính, không nhập tay. Cột Cập nhật do lệnh Trạng thái của menu CCHC ghi.",
    "Không đổi tên, thêm, xóa hoặc di chuyển cột, dòng và trang tính: sổ được đọc tự động khi kiểm tra, tổng hợp quý và gộp báo cáo.",
  ],
  stepLabel: (n: number) => `Bước ${n}`,

  // Hướng dẫn: legends
  statusTitle: "TRẠNG THÁI (người dùng chọn)",
  statusMeanings: {
    "Chưa triển khai": "Chưa bắt đầu thực hiện (ô để trống cũng được hiểu như vậy).",
    "Đang thực hiện": "Đã bắt đầu, chưa xong; cập nhật Tiến độ (%).",
    "Hoàn thành": "Đã xong; bắt buộc có Ngày hoàn thành và Kết quả / Văn bản, sản phẩm.",
    "Không thực hiện": "Không thực hiện hoặc dừng thực hiện; bắt buộc ghi lý do.",
  } as Record<string, string>,
  evaluationTitle: "ĐÁNH GIÁ (tự tính theo Ngày đánh giá)",
  evaluationMeanings: {
    "Hoàn thành đúng hạn": "Hoàn thành, Ngày hoàn thành không muộn hơn Hạn hoàn thành.",
    "Hoàn thành quá hạn": "Hoàn thành sau Hạn hoàn thành (Ngày hoàn thành tô cam).",
    "Trong hạn": "Chưa hoàn thành, Ngày đánh giá chưa quá Hạn hoàn thành.",
    "Quá hạn": "Chưa hoàn thành và Ngày đánh giá đã quá Hạn hoàn thành (Hạn hoàn thành tô đỏ).",
    "Thường xuyên": "Nhiệm vụ thường xuyên, không có hạn cụ thể; báo cáo kết quả theo từng kỳ.",
    "Không thực hiện": "Trạng thái là Không thực hiện.",
  } as Record<string, string>,
  legendTitle: "MÀU SẮC",
  legendRows: [
    ["Ô nền vàng nhạt", "Ô người dùng nhập."],
    ["Dòng in đậm, nền xanh", "Dòng nhóm (mục, tiêu chí) của kế hoạch, không phải nhiệm vụ."],
    ["Thanh màu ở Tiến độ (%)", "Mức độ hoàn thành từ 0 đến 100%."],
  ] as Array<[string, string]>,

  // Danh mục headers
  listStatuses: "Trạng thái",
  listAreas: "Lĩnh vực",
  listUnits: "Cơ quan, đơn vị",
  listEvaluations: "Đánh giá",

  // Mục tiêu headers
  targetHeaders: ["STT", "Lĩnh vực", "Mục tiêu", "Kết quả thực hiện", "Ghi chú"],

  // Validation messages (title ≤ 32 characters, message ≤ 255 characters: Excel's limits)
  statusError: {
    title: "Trạng thái không hợp lệ",
    message: "Chỉ chọn một trong: Chưa triển khai, Đang thực hiện, Hoàn thành, Không thực hiện (bấm mũi tên bên phải ô).",
  },
  statusPrompt: { title: "Trạng thái", message: "Chọn trong danh sách. Để trống = Chưa triển khai." },
  areaError: {
    title: "Lĩnh vực không có trong danh mục",
    message: "Nên chọn lĩnh vực trong danh sách thả xuống. Bấm Yes để giữ giá trị đã nhập, No để nhập lại.",
  },
  progressError: { title: "Tiến độ không hợp lệ", message: "Nhập số nguyên từ 0 đến 100 (không có dấu %)." },
  completedError: (from: string, to: string) => ({
    title: "Ngày hoàn thành không hợp lệ",
    message: `Nhập ngày theo dạng dd/mm/yyyy, trong khoảng ${from} – ${to}.`,
  }),
  asOfError: (from: string, to: string) => ({
    title: "Ngày đánh giá không hợp lệ",
    message: `Nhập ngày theo dạng dd/mm/yyyy, trong khoảng ${from} – ${to}.`,
  }),

  // cchc init
  initUsage: "Cách dùng: cchc init <kế-hoạch> -o <sổ-theo-dõi.xlsx | thư-mục/> [--unit \"xã Cao Minh\"] [--year 2026] [--as-of YYYY-MM-DD] [--json] [--force]",
  initMissingPlan: "Thiếu tệp kế hoạch.",
  initTooManyPlans: "Chỉ nhận một tệp kế hoạch.",
  initMissingOutput: "Thiếu tham số -o <sổ-theo-dõi.xlsx | thư-mục/>.",
  initBadYear: (v: string) => `Năm không hợp lệ: "${v}" (cần một năm như 2026).`,
  initBadAsOf: (v: string) => `Ngày không hợp lệ: "${v}" (cần dạng YYYY-MM-DD, ví dụ 2026-09-14).`,
  initBadUnit: "Tên đơn vị không được để trống.",
  initNoTasks: (file: string) => `Kế hoạch ${file} không có nhiệm vụ nào để theo dõi.`,
  initWouldOverwrite: (file: string, filled: number) =>
    filled > 0
      ? `Tệp ${file} đã có và là sổ theo dõi đang có số liệu nhập (${filled} nhiệm vụ); không ghi đè để khỏi mất số liệu. Hãy chọn tên tệp khác, hoặc tự xóa/đổi tên tệp cũ nếu thật sự muốn tạo lại.`
      : `Tệp ${file} đã có và không phải sổ theo dõi trống; không ghi đè để khỏi mất dữ liệu. Hãy chọn tên tệp khác, hoặc tự xóa/đổi tên tệp cũ.`,
  initNotXlsx: (file: string) => `Tệp đích phải có đuôi .xlsx: ${file}`,
  initSummary: (file: string, tasks: number, groups: number, unit: string, year: number) =>
    `Đã tạo sổ theo dõi ${file}: ${tasks} nhiệm vụ${groups ? `, ${groups} dòng nhóm` : ""}, đơn vị "${unit}", năm ${year}.`,
  initNoUnit: "Kế hoạch không ghi đơn vị; dùng --unit để ghi tên đơn vị vào sổ.",
  initParseWarnings: (n: number) => `Kế hoạch có ${n} cảnh báo khi đọc (xem bằng lệnh: cchc parse).`,
} as const;
