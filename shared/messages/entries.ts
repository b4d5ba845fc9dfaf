/** Messages about tracker entries: findings of `cchc check`, the Kiểm tra sheet, reading .xlsx files. */

const LIST = "Chưa triển khai, Đang thực hiện, Hoàn thành, Không thực hiện";

/** Finding texts by code: `message` says what is wrong, `hint` how to fix it. */
export const findingMessages = {
  notTracker: {
    message: () => "Tệp không có trang _meta: đây không phải sổ theo dõi do công cụ CCHC tạo ra, hoặc trang _meta đã bị xóa.",
    hint: () => "Dùng sổ theo dõi tạo bằng lệnh cchc init (hoặc nút Tạo sổ theo dõi); nếu đã chép số liệu sang tệp khác, hãy chép lại vào sổ gốc.",
  },
  metaIncomplete: {
    message: (keys: string) => `Trang _meta thiếu thông tin: ${keys}.`,
    hint: () => "Không sửa trang _meta bằng tay; tạo lại sổ theo dõi từ kế hoạch rồi chép số liệu sang.",
  },
  unknownVersion: {
    message: (found: string, known: string) => `Sổ theo dõi dùng mẫu phiên bản "${found}", công cụ này chỉ đọc được mẫu phiên bản ${known}.`,
    hint: () => "Cập nhật công cụ lên phiên bản mới nhất, hoặc tạo lại sổ theo dõi bằng phiên bản công cụ đang dùng.",
  },
  noTaskTable: {
    message: () => "Không tìm thấy bảng nhiệm vụ: không có hàng tiêu đề nào có các cột Mã, Nội dung nhiệm vụ, Trạng thái…",
    hint: () => "Khôi phục hàng tiêu đề của trang Nhiệm vụ (Mã, Lĩnh vực, Nội dung nhiệm vụ, …, Trạng thái, Tiến độ (%), Ngày hoàn thành).",
  },
  tasksSheetRenamed: {
    message: (found: string, expected: string) => `Bảng nhiệm vụ nằm ở trang "${found}" chứ không phải trang "${expected}".`,
    hint: (expected: string) => `Đặt lại tên trang là "${expected}" để các lệnh và nút bấm tìm thấy bảng.`,
  },
  headerMissing: {
    message: (header: string) => `Thiếu cột "${header}" trong hàng tiêu đề.`,
    hint: (header: string) => `Khôi phục cột "${header}" (đúng tên tiêu đề); có thể di chuyển cột nhưng không xóa hay đổi tên hẳn.`,
  },
  headerRenamed: {
    message: (found: string, header: string) => `Tiêu đề "${found}" được hiểu là cột "${header}".`,
    hint: (header: string) => `Nên đặt lại đúng tên "${header}" để tránh nhầm lẫn.`,
  },
  headerDuplicate: {
    message: (header: string) => `Có hơn một cột "${header}"; chỉ cột đầu tiên được đọc.`,
    hint: () => "Xóa hoặc đổi tên cột thừa.",
  },
  columnsMoved: {
    message: () => "Thứ tự các cột khác với mẫu (cột đã bị di chuyển); số liệu vẫn được đọc theo tên tiêu đề.",
    hint: () => "Không cần sửa; nếu in báo cáo theo mẫu, hãy đưa các cột về thứ tự ban đầu.",
  },
  statusInvalid: {
    message: (text: string) => `Trạng thái "${text}" không nằm trong danh sách.`,
    hint: (suggestion: string | null) =>
      suggestion ? `Chọn từ danh sách thả xuống; có lẽ ý là "${suggestion}".` : `Chọn một trong: ${LIST}.`,
  },
  statusNotExact: {
    message: (text: string, status: string) => `Trạng thái "${text}" được gõ tay, được hiểu là "${status}".`,
    hint: () => "Chọn trạng thái từ danh sách thả xuống thay vì gõ tay.",
  },
  doneWithoutDate: {
    message: () => "Nhiệm vụ Hoàn thành nhưng chưa có ngày hoàn thành.",
    hint: () => "Nhập ngày hoàn thành (dd/mm/yyyy) vào cột Ngày hoàn thành.",
  },
  doneWithoutResult: {
    message: () => "Nhiệm vụ Hoàn thành nhưng chưa ghi kết quả / văn bản, sản phẩm.",
    hint: () => 'Ghi văn bản hoặc sản phẩm đã có, ví dụ "Kế hoạch số 12/KH-UBND ngày 20/01/2026".',
  },
  completedAfterAsOf: {
    message: (date: string, asOf: string) => `Ngày hoàn thành ${date} sau ngày báo cáo ${asOf}.`,
    hint: () => "Kiểm tra lại ngày hoàn thành (có thể nhầm ngày với tháng, hoặc nhầm năm).",
  },
  completedBeforePeriod: {
    message: (date: string, from: string) => `Ngày hoàn thành ${date} trước khi kế hoạch bắt đầu (${from}).`,
    hint: () => "Kiểm tra lại ngày hoàn thành (có thể nhầm năm).",
  },
  dateInvalid: {
    message: (text: string) => `Không đọc được ngày "${text}".`,
    hint: () => "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/2026.",
  },
  dateAsText: {
    message: (text: string, date: string) => `Ngày "${text}" được nhập dạng chữ, được hiểu là ${date}.`,
    hint: () => "Nhập lại thành ô ngày (dd/mm/yyyy) để Excel tính được Đánh giá.",
  },
  dueInvalid: {
    message: (text: string) => `Hạn hoàn thành "${text}" không phải là ngày; nhiệm vụ được coi là không có hạn.`,
    hint: () => "Không sửa cột Hạn hoàn thành; tạo lại sổ theo dõi nếu kế hoạch thay đổi.",
  },
  progressOutOfRange: {
    message: (value: string) => `Tiến độ ${value} nằm ngoài khoảng 0–100.`,
    hint: () => "Nhập số nguyên từ 0 đến 100 (phần trăm).",
  },
  progressNotWhole: {
    message: (value: string) => `Tiến độ ${value} không phải số nguyên.`,
    hint: () => "Nhập số nguyên từ 0 đến 100, ví dụ 50 (không nhập 0,5 hay 50,5).",
  },
  progressInvalid: {
    message: (text: string) => `Tiến độ "${text}" không phải là số.`,
    hint: () => "Nhập số nguyên từ 0 đến 100.",
  },
  progressAsText: {
    message: (text: string, value: string) => `Tiến độ "${text}" được nhập dạng chữ, được hiểu là ${value}.`,
    hint: () => "Nhập lại thành số (không có dấu %).",
  },
  doneProgressBelow100: {
    message: (value: string) => `Nhiệm vụ Hoàn thành nhưng tiến độ chỉ ${value}%.`,
    hint: () => "Sửa tiến độ thành 100, hoặc đổi trạng thái thành Đang thực hiện.",
  },
  droppedWithoutReason: {
    message: () => "Nhiệm vụ Không thực hiện nhưng chưa nêu lý do.",
    hint: () => "Ghi lý do vào cột Khó khăn, vướng mắc / Ghi chú.",
  },
  completedOnNotDone: {
    message: (status: string) => `Có ngày hoàn thành nhưng trạng thái là "${status}".`,
    hint: () => "Đổi trạng thái thành Hoàn thành, hoặc xóa ngày hoàn thành.",
  },
  progressNotStarted: {
    message: (value: string) => `Trạng thái Chưa triển khai nhưng tiến độ là ${value}%.`,
    hint: () => "Đổi trạng thái thành Đang thực hiện, hoặc sửa tiến độ về 0.",
  },
  formulaInEntry: {
    message: (header: string, formula: string) => `Ô thuộc cột "${header}" chứa công thức (=${formula}) thay vì giá trị.`,
    hint: () => "Nhập giá trị trực tiếp (dán đặc biệt → Giá trị), không dùng công thức ở cột nhập liệu.",
  },
  formulaText: {
    message: (text: string) => `Nội dung "${text}" bắt đầu bằng ký tự có thể bị hiểu là công thức khi mở ở chương trình khác.`,
    hint: () => "Bỏ ký tự =, +, - hoặc @ ở đầu nội dung (khi xuất CSV, công cụ tự thêm dấu ' phía trước).",
  },
  textTooLong: {
    message: (length: number) => `Nội dung dài ${length} ký tự, vượt giới hạn 32.767 ký tự của một ô Excel.`,
    hint: () => "Rút gọn nội dung; ghi chi tiết trong văn bản đính kèm.",
  },
  evaluationOverwritten: {
    message: (count: number, cells: string) =>
      `${count} ô Đánh giá không còn công thức (đã bị ghi đè bằng giá trị): ${cells}.`,
    hint: () => "Tạo lại sổ theo dõi hoặc chép công thức Đánh giá từ một hàng khác.",
  },
  taskMissing: {
    message: (id: string) => `Thiếu hàng của nhiệm vụ ${id} (có trong kế hoạch nhưng không còn trong bảng).`,
    hint: () => "Khôi phục hàng đã xóa (Hoàn tác, hoặc chép từ bản sao trước đó); không xóa hàng nhiệm vụ.",
  },
  taskDuplicate: {
    message: (id: string, first: number) => `Nhiệm vụ ${id} xuất hiện lần nữa (đã có ở hàng ${first}).`,
    hint: () => "Xóa hàng trùng, giữ lại một hàng cho mỗi nhiệm vụ.",
  },
  taskUnknown: {
    message: (id: string) => `Mã "${id}" không có trong kế hoạch của sổ theo dõi này.`,
    hint: () => "Không thêm nhiệm vụ hay đổi Mã bằng tay; nhiệm vụ mới cần được bổ sung vào kế hoạch.",
  },
  rowWithoutId: {
    message: () => "Hàng có nội dung nhưng không có Mã nhiệm vụ; hàng này không được tính.",
    hint: () => "Điền Mã của nhiệm vụ, hoặc xóa hàng nếu nó thừa.",
  },
  sheetTruncated: {
    message: (rows: number, cols: number) => `Trang tính quá lớn; chỉ đọc ${rows} hàng và ${cols} cột đầu.`,
    hint: () => "Xóa các hàng, cột trống hoặc dữ liệu thừa ở cuối trang tính.",
  },
  closeTampered: {
    message: () => "Số liệu đã chốt của kỳ này bị sửa sau khi chốt (không khớp mã kiểm tra).",
    hint: () => "Số liệu chốt không được sửa; nếu cần chốt lại, hãy xóa trang chốt rồi chốt lại kỳ.",
  },
} as const;

/** Messages of reading .xlsx files and of the check command. */
export const entriesMessages = {
  emptyFile: (file: string) => `Tệp ${file} rỗng (0 byte).`,
  tooLarge: (file: string, mb: number) => `Tệp ${file} quá lớn (trên ${mb} MB) để là một sổ theo dõi.`,
  encrypted: (file: string) =>
    `Tệp ${file} được đặt mật khẩu hoặc là định dạng Excel cũ (.xls); công cụ chỉ đọc được tệp .xlsx không có mật khẩu. Hãy mở tệp, bỏ mật khẩu và lưu lại dạng .xlsx.`,
  notZip: (file: string) => `Tệp ${file} không phải tệp Excel .xlsx (nội dung không đúng định dạng).`,
  notWorkbook: (file: string) => `Tệp ${file} là tệp nén nhưng không phải bảng tính Excel (.xlsx).`,
  zipBomb: (file: string, mb: number) =>
    `Tệp ${file} khi giải nén vượt quá ${mb} MB (có thể là tệp độc hại); công cụ không mở tệp này.`,
  zipSizeLie: (file: string) =>
    `Tệp ${file} chứa dữ liệu lớn hơn kích thước tệp tự khai báo (dấu hiệu tệp độc hại hoặc bị hỏng); công cụ không mở tệp này.`,
  corruptZip: (file: string) => `Tệp ${file} bị hỏng (không giải nén được).`,
  cannotParse: (file: string) => `Không đọc được nội dung bảng tính ${file} (tệp có thể bị hỏng).`,
  checkHeader: (file: string, errors: number, warnings: number) =>
    `Kiểm tra ${file}: ${errors} lỗi, ${warnings} cảnh báo.`,
  checkClean: (file: string, tasks: number) => `Kiểm tra ${file}: ${tasks} nhiệm vụ, không có lỗi.`,
  taskLabel: (id: string) => `nhiệm vụ ${id}`,
  hintPrefix: "Cách sửa",
  missingFile: "Thiếu tên tệp sổ theo dõi.",
  /** Texts of the Kiểm tra sheet. */
  checkSheet: {
    title: "KẾT QUẢ KIỂM TRA SỐ LIỆU",
    summary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    none: "Không có lỗi hay cảnh báo.",
    headers: ["STT", "Mức độ", "Tệp", "Trang tính", "Ô", "Mã nhiệm vụ", "Vấn đề", "Cách sửa", "Mã lỗi"],
    error: "Lỗi",
    warning: "Cảnh báo",
  },
} as const;
