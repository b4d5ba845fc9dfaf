/** Messages of the .docx, .pdf and .xlsx plan readers (shared/plan/readers/docx.ts, pdf.ts, xlsx-plan.ts). */
export const planFileMessages = {
  fileTooLarge: (file: string, sizeMb: number, limitMb: number) =>
    `Tệp ${file} quá lớn (${sizeMb.toFixed(1)} MB, tối đa ${limitMb} MB). Hãy gửi riêng văn bản kế hoạch hoặc phụ lục.`,
  emptyFile: (file: string) => `Tệp ${file} rỗng (0 byte).`,
  notAZip: (file: string, kind: string) =>
    `Tệp ${file} không phải tệp ${kind} hợp lệ (không mở được như một tệp Office), có thể tệp bị hỏng hoặc đặt sai đuôi.`,
  corruptZip: (file: string, kind: string, detail: string) =>
    `Tệp ${kind} ${file} bị hỏng, không giải nén được (${detail}). Hãy mở và lưu lại tệp bằng Word/Excel rồi thử lại.`,
  zipNoDirectory: "không đọc được danh mục các phần của tệp nén",
  zipMethod: (method: number) => `kiểu nén ${method} không được hỗ trợ`,
  zipEntryTooLarge: (file: string, entry: string, limitMb: number) =>
    `Tệp ${file} có phần "${entry}" giải nén ra quá ${limitMb} MB (nghi là tệp nén bất thường); không đọc tệp này.`,
  missingPart: (file: string, kind: string, part: string) =>
    `Tệp ${file} không có phần "${part}" của một tệp ${kind}; có thể tệp bị hỏng hoặc không phải ${kind}.`,
  badXml: (file: string, part: string, detail: string) =>
    `Tệp ${file} bị hỏng: phần "${part}" không đọc được (${detail}).`,
  legacyFormat: (file: string, ext: string, newExt: string) =>
    `Định dạng ${ext} (Office 97–2003) chưa được hỗ trợ: hãy mở tệp ${file} và lưu lại thành ${newExt}.`,
  documentEmpty: (file: string) => `Tệp ${file} không có nội dung chữ nào để đọc kế hoạch.`,
  legacyFont: (file: string) =>
    `Tệp ${file} dùng bảng mã phông chữ cũ (TCVN3/ABC như .VnTime, hoặc VNI), không phải Unicode, nên không đọc được chữ tiếng Việt. ` +
    `Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi thử lại.`,
  pdfInvalid: (file: string, detail: string) =>
    `Tệp ${file} không phải tệp PDF hợp lệ hoặc đã bị hỏng (${detail}).`,
  pdfEncrypted: (file: string) =>
    `Tệp PDF ${file} được đặt mật khẩu; hãy gửi bản không đặt mật khẩu hoặc tệp Word gốc.`,
  pdfTooManyPages: (file: string, pages: number, limit: number) =>
    `Tệp PDF ${file} có ${pages} trang, vượt giới hạn ${limit} trang của một kế hoạch; không đọc tệp này.`,
  pdfTimeout: (file: string, page: number, seconds: number) =>
    `Đọc tệp PDF ${file} quá ${seconds} giây (dừng ở trang ${page}); tệp có thể quá phức tạp hoặc bị hỏng.`,
  pdfPageUnreadable: (file: string, page: number, detail: string) =>
    `Không đọc được trang ${page} của tệp PDF ${file} (${detail}).`,
  pdfNoTextLayer: (file: string, pages: number) =>
    `Tệp PDF ${file} (${pages} trang) là bản quét/ảnh, không có lớp chữ nên không đọc được nội dung kế hoạch. ` +
    `Hãy dùng tệp Word (.docx) gốc hoặc tệp PDF xuất trực tiếp từ Word, hoặc nhận dạng chữ (OCR) tệp quét trước khi đưa vào.`,
  pdfScannedPages: (pages: string) =>
    `Các trang ${pages} không có lớp chữ (bản quét/ảnh) nên nội dung các trang này không được đọc.`,
  xlsxNoSheets: (file: string) => `Tệp Excel ${file} không có trang tính nào.`,
  xlsxNoTaskTable: (file: string) =>
    `Không tìm thấy bảng nhiệm vụ trong tệp Excel ${file}: cần một dòng tiêu đề gồm các cột như "Số TT/STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành".`,
  xlsxIsTracker: (file: string) =>
    `Tệp ${file} là sổ theo dõi CCHC (do công cụ này tạo), không phải kế hoạch. ` +
    `Để kiểm tra hoặc tổng hợp sổ theo dõi, dùng lệnh "cchc check" hoặc "cchc summary"; để tạo sổ mới, đưa vào tệp kế hoạch (.docx, .pdf, .txt, .md) hoặc bảng phụ lục nhiệm vụ.`,
  xlsxTruncated: (sheet: string, rows: number, cols: number) =>
    `Trang tính "${sheet}" có dữ liệu ngoài vùng ${rows} dòng × ${cols} cột; phần ngoài vùng này không được đọc.`,
} as const;
