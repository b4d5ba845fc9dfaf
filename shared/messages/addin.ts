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
  pageLayout: "thiết lập trang in (A4, lặp tiêu đề)",
  autoFilter: "bộ lọc tự động",
  multiSelection: "chọn nhiều vùng cùng lúc (chỉ dùng vùng đang chọn đầu tiên)",
  rowGroups: "nhóm hàng (outline)",
  notes: "ghi chú trong ô",
} as const;

/** Messages shown by the add-in. */
export const addinMessages = {
  appName: "Theo dõi CCHC",
  missingFeatures: (items: string[]) =>
    `Phiên bản Excel này chưa hỗ trợ: ${items.join("; ")}. Sổ theo dõi vẫn được tạo đầy đủ số liệu; hãy dùng Excel mới hơn (Microsoft 365, Excel 2021 hoặc Excel trên web) để có đủ các tính năng.`,
  bestEffortFailed: (detail: string) => `Một số thiết lập phụ (in trang, biểu đồ, ghi chú) không áp dụng được: ${detail}`,
  sheetsExist: (names: string[]) =>
    `Sổ này đã có trang tính ${names.map((n) => `"${n}"`).join(", ")}. Hãy mở một sổ Excel mới (trống) rồi tạo sổ theo dõi, hoặc chọn "Thay thế các trang đã có".`,
  excelError: (detail: string) => `Excel báo lỗi: ${detail}`,
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
} as const;
