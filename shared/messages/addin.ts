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
  missingFeatures: (items: string[]) =>
    `Phiên bản Excel này chưa hỗ trợ: ${items.join("; ")}. Sổ theo dõi vẫn được tạo đầy đủ số liệu; hãy dùng Excel mới hơn (Microsoft 365, Excel 2021 hoặc Excel trên web) để có đủ các tính năng.`,
  bestEffortFailed: (detail: string) => `Một số thiết lập phụ (in trang, biểu đồ, ghi chú) không áp dụng được: ${detail}`,
  sheetsExist: (names: string[]) =>
    `Sổ này đã có trang tính ${names.map((n) => `"${n}"`).join(", ")}. Hãy mở một sổ Excel mới (trống) rồi tạo sổ theo dõi, hoặc chọn "Thay thế các trang đã có".`,
  notATracker: (detail: string) => `Sổ này không phải sổ theo dõi CCHC (hoặc đã bị sửa cấu trúc). ${detail}`.trim(),
  excelError: (detail: string) => `Excel báo lỗi: ${detail}`,
  noTaskRowsSelected: (sheet: string) =>
    `Không có dòng nhiệm vụ nào trong vùng đang chọn (trang "${sheet}"). Hãy chọn một hoặc nhiều dòng nhiệm vụ trên trang "Nhiệm vụ" rồi chọn lại trạng thái.`,
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
} as const;

/** Texts the add-in puts into sheets. */
export const addinSheetMessages = {
  subtitle: (asOf: string) => `Tính đến ngày ${asOf}`,
} as const;

/** Titles of the summary charts. */
export const addinChartMessages = {
  byArea: "Tỷ lệ hoàn thành theo lĩnh vực",
  byLead: "Tỷ lệ hoàn thành theo cơ quan chủ trì",
  series: "Tỷ lệ hoàn thành",
} as const;

/** Messages of the ribbon commands. */
export const addinCommandMessages = {
  checkClean: "Kiểm tra xong: không có lỗi nào.",
  checkFound: (errors: number, warnings: number) =>
    `Kiểm tra xong: ${errors} lỗi, ${warnings} cảnh báo. Xem danh sách ở trang "Kiểm tra"; ô có lỗi đầu tiên đang được chọn.`,
  summaryDone: (sheet: string) => `Đã lập trang "${sheet}" với biểu đồ tỷ lệ hoàn thành theo lĩnh vực và theo cơ quan chủ trì.`,
  statusSet: (status: string, rows: number) => `Đã đặt trạng thái "${status}" cho ${rows} nhiệm vụ và ghi ngày cập nhật.`,
} as const;
