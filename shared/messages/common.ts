/** Messages shared by every command. */
export const commonMessages = {
  unknownCommand: (name: string) => `Lệnh không hợp lệ: "${name}". Các lệnh: parse, init, derive, check, summary, merge, export.`,
  usage: `Cách dùng:
  cchc parse <kế-hoạch.(txt|md|docx|pdf|xlsx)> [--json]
  cchc init <kế-hoạch> -o <sổ-theo-dõi.xlsx> [--unit "xã Cao Minh"] [--year 2026] [--as-of YYYY-MM-DD] [--json] [--force]
  cchc derive <kế-hoạch-tỉnh> --unit "xã Cao Minh" [--map don-vi.txt] [-o ke-hoach-xa.xlsx | -o sổ-theo-dõi.xlsx --tracker] [--json] [--force]
  cchc check <sổ-theo-dõi.xlsx> [--as-of YYYY-MM-DD] [--json]
  cchc summary <sổ-theo-dõi.xlsx> --quarter 1..4 [--year Y] [--as-of D] [-o out.xlsx] [--json] [--close] [--in-place] [--force]
  cchc merge <tệp|thư-mục...> -o <tỉnh.xlsx> [--expect don-vi.txt] [--quarter N] [--as-of D] [--json [--no-rows]] [--force] [--province-plan kế-hoạch-tỉnh [--links lien-ket.txt]]
  cchc export <sổ-theo-dõi|tỉnh.xlsx> --quarter N [--year Y] [--as-of D] --format xlsx|csv|docx -o <tệp> [--json] [--force]
Mọi lệnh nhận --json (đúng một tài liệu JSON trên stdout); không lệnh nào ghi đè tệp đầu vào hay sổ theo dõi đã nhập số liệu trừ khi có --force.`,
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
  badYear: (text: string) => `Năm "${text}" không hợp lệ (một năm từ 2000 đến 2100, ví dụ 2026).`,
  badAsOf: (text: string) => `Ngày báo cáo "${text}" không hợp lệ (dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy, năm từ 2000 đến 2100).`,
  yearOutsidePlan: (year: number, from: string, to: string) =>
    `Năm ${year} nằm ngoài thời gian của kế hoạch (${from} – ${to}); hãy chọn --year trong khoảng đó.`,
  unexpected: (detail: string) => `Lỗi không mong đợi (vui lòng báo cho nhóm phát triển): ${detail}`,
  errorPrefix: "Lỗi",
  warningPrefix: "Cảnh báo",
  wrote: (file: string) => `Đã ghi: ${file}`,
  writeReasonNoFolder: "thư mục chứa tệp không tồn tại hoặc không cho tạo tệp ở đó",
  outputIsInput: (output: string, input: string) =>
    input === output
      ? `Không ghi đè ${output}: tệp này là đầu vào của lệnh. Hãy chọn tên khác cho -o (hoặc thêm --force nếu thật sự muốn ghi đè).`
      : `Không ghi ${output}: đó chính là tệp đầu vào ${input} (cùng một tệp qua liên kết). Hãy chọn tên khác cho -o (hoặc thêm --force nếu thật sự muốn ghi đè).`,
  outputCaseClash: (output: string, input: string) =>
    `Không ghi ${output}: tên này chỉ khác tệp đầu vào ${input} ở chữ hoa/chữ thường (trên Windows và macOS là cùng một tệp). Hãy chọn tên khác cho -o (hoặc thêm --force).`,
  outputHoldsEntries: (output: string, rows: number) =>
    `Không ghi đè ${output}: đó là sổ theo dõi đã nhập số liệu (${rows} dòng nhiệm vụ). Hãy chọn tên khác cho -o (hoặc thêm --force nếu thật sự muốn thay thế).`,
  inputTooLarge: (file: string, mb: number) => `Tệp ${file} quá lớn (hơn ${mb} MB), không đọc.`,
  notRegularFile: (file: string) => `${file} không phải tệp thông thường (thiết bị, FIFO hoặc socket), không đọc.`,
  interrupted: (signal: string) => `Đã dừng theo yêu cầu (${signal}); tệp tạm đã được xóa, tệp kết quả cũ (nếu có) giữ nguyên.`,
} as const;
