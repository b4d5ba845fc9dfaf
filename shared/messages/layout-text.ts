/** Messages of the reader for PDF-extracted layout text plans (Vietnamese, shown to the user as is). */
export const layoutTextMessages = {
  noTable:
    "Không tìm thấy bảng danh mục nhiệm vụ (dòng tiêu đề \"Số TT  Nội dung công việc  Cơ quan chủ trì …\") trong văn bản.",
  textBeforeFirstTask: (text: string) =>
    `Nội dung sau tiêu đề bảng nhưng trước nhiệm vụ số 1, không thuộc nhiệm vụ nào: "${text}".`,
  strayNumber: (n: string, expected: number) =>
    `Dòng chỉ có số "${n}" không khớp số thứ tự nhiệm vụ tiếp theo (${expected}); coi là số trang.`,
  numberGap: (previous: string, got: string) =>
    `Số thứ tự nhảy từ ${previous} lên ${got}; kiểm tra xem bảng có thiếu nhiệm vụ không.`,
  noTitle: (id: string) => `Nhiệm vụ ${id}: có số thứ tự nhưng không có nội dung công việc; bỏ qua dòng này.`,
  noDeadline: (id: string) =>
    `Nhiệm vụ ${id}: không tìm thấy cột thời gian hoàn thành; tạm lấy ngày cuối kỳ kế hoạch.`,
  noUnits: (id: string) =>
    `Nhiệm vụ ${id}: không tách được cơ quan chủ trì, cơ quan phối hợp khỏi nội dung công việc; cần nhập tay.`,
  leftover: (id: string, text: string) =>
    `Nhiệm vụ ${id}: không xếp được đoạn "${text}" (sau cột thời gian hoàn thành) vào cột nào.`,
} as const;
