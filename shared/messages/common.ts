/** Messages shared by every command. */
export const commonMessages = {
  unknownCommand: (name: string) => `Lệnh không hợp lệ: "${name}". Các lệnh: parse, init, derive, check, summary, merge, export.`,
  usage: `Cách dùng:
  cchc parse <kế-hoạch.(txt|md|docx|pdf|xlsx)> [--json]
  cchc init <kế-hoạch> -o <sổ-theo-dõi.xlsx> [--unit "xã Cao Minh"] [--year 2026] [--as-of YYYY-MM-DD]
  cchc derive <kế-hoạch-tỉnh> --unit "xã Cao Minh" [--map don-vi.txt] [-o ke-hoach-xa.xlsx | -o sổ-theo-dõi.xlsx --tracker] [--json]
  cchc check <sổ-theo-dõi.xlsx> [--as-of YYYY-MM-DD] [--json]
  cchc summary <sổ-theo-dõi.xlsx> --quarter 1..4 [--year Y] [--as-of D] [-o out.xlsx] [--json] [--close] [--in-place]
  cchc merge <tệp|thư-mục...> -o <tỉnh.xlsx> [--expect don-vi.txt] [--quarter N] [--as-of D] [--json]
  cchc export <sổ-theo-dõi|tỉnh.xlsx> --quarter N [--year Y] [--as-of D] --format xlsx|csv|docx -o <tệp>`,
  badOption: (detail: string) => `Tham số không hợp lệ: ${detail}`,
  unknownOption: (option: string) => `không có tham số ${option}`,
  optionNeedsValue: (option: string) => `tham số ${option} cần một giá trị đi kèm`,
  optionTakesNoValue: (option: string) => `tham số ${option} không nhận giá trị`,
  writeReasonIsDirectory: "đó là một thư mục",
  writeReasonNoPermission: "không có quyền ghi vào đó",
  writeReasonBusy: "tệp đang được mở trong chương trình khác (hãy đóng Excel rồi chạy lại)",
  writeReasonNoSpace: "ổ đĩa đã đầy",
  writeReasonNotDirectory: "một phần của đường dẫn không phải thư mục",
  readReasonNoPermission: "không có quyền đọc tệp",
  fileNotFound: (file: string) => `Không tìm thấy tệp: ${file}`,
  cannotRead: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}`,
  cannotWrite: (file: string, reason: string) => `Không ghi được tệp ${file}: ${reason}`,
  isDirectory: (file: string) => `${file} là thư mục, không phải tệp.`,
  badQuarter: (text: string) => `Quý "${text}" không hợp lệ (1, 2, 3 hoặc 4).`,
  badYear: (text: string) => `Năm "${text}" không hợp lệ (ví dụ 2026).`,
  badAsOf: (text: string) => `Ngày báo cáo "${text}" không hợp lệ (dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy).`,
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
  errorPrefix: "Lỗi",
  warningPrefix: "Cảnh báo",
  wrote: (file: string) => `Đã ghi: ${file}`,
} as const;
