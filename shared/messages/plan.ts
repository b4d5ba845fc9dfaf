/** Messages of the plan reader and the `cchc parse` command (Vietnamese, shown to the user as is). */
export const planMessages = {
  emptyFile: "Tệp trống, không có nội dung kế hoạch.",
  noTasks: "Không tìm thấy nhiệm vụ nào của kế hoạch trong tệp (cần bảng Danh mục nhiệm vụ / Phụ lục, hoặc các mục \"b) Nhiệm vụ\").",
  notText: "Tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc bị hỏng); hãy lưu kế hoạch dưới dạng .txt, .md, .docx hoặc .pdf.",
  formatNotYetSupported: (ext: string) =>
    `Chưa hỗ trợ đọc kế hoạch dạng ${ext} trong phiên bản này; hãy dùng tệp .txt hoặc .md.`,
  unknownFormat: (ext: string) =>
    `Không đọc được kế hoạch dạng "${ext}"; các dạng được hỗ trợ: .txt, .md, .docx, .pdf, .xlsx.`,
  noYear: "Không xác định được năm của kế hoạch (không thấy \"năm 2026\" hay \"giai đoạn 2026 - 2030\" ở phần tiêu đề).",
  invalidPlan: (detail: string) => `Kế hoạch đọc được không hợp lệ: ${detail}`,
  untitled: "Kế hoạch (không rõ tiêu đề)",
  // Deadlines
  deadlineUnrecognised: "Không nhận dạng được thời hạn; tạm lấy ngày cuối kỳ kế hoạch.",
  deadlineEmpty: "Không ghi thời hạn; tạm lấy ngày cuối kỳ kế hoạch.",
  warnDeadline: (taskId: string, raw: string) =>
    raw.trim()
      ? `Nhiệm vụ ${taskId}: không nhận dạng được thời hạn "${raw.trim()}", tạm lấy ngày cuối kỳ kế hoạch.`
      : `Nhiệm vụ ${taskId}: không ghi thời hạn, tạm lấy ngày cuối kỳ kế hoạch.`,
  warnNoLead: (taskId: string) => `Nhiệm vụ ${taskId}: không có cơ quan chủ trì.`,
  warnNoTitle: (taskId: string) => `Dòng ${taskId}: có số thứ tự nhưng không có nội dung nhiệm vụ; bỏ qua.`,
  warnOddId: (text: string) =>
    `Ô số thứ tự chứa "${text.slice(0, 40)}" (không phải số thứ tự); đã nối vào nội dung nhiệm vụ ở dòng trên.`,
  warnOrphanContinuation: "Dòng tiếp nối (không có số thứ tự) đứng trước mọi nhiệm vụ; bỏ qua.",
  warnExtraCells: (count: number) => `Dòng có ${count} ô thừa so với tiêu đề bảng; phần thừa bị bỏ qua.`,
  warnDuplicateId: (taskId: string) => `Mã nhiệm vụ ${taskId} bị trùng; các nhiệm vụ trùng mã được đánh thêm hậu tố.`,
  warnNoAreaLead: (area: string) =>
    `Không tìm thấy cơ quan chủ trì lĩnh vực "${area}" trong mục Tổ chức thực hiện.`,
  warnTableNoHeader: "Bảng không có dòng tiêu đề nhận dạng được (Số TT, Nội dung, Cơ quan chủ trì…); bỏ qua.",
  // `cchc parse` output
  cliTitle: "Kế hoạch",
  cliIssuer: "Cơ quan ban hành",
  cliUnit: "Đơn vị",
  cliLevel: "cấp",
  levelProvince: "tỉnh",
  levelCommune: "xã/phường",
  cliPeriod: "Kỳ kế hoạch",
  cliTaskCount: (tasks: number, groups: number, targets: number) =>
    `Số nhiệm vụ: ${tasks}` + (groups ? `; nhóm: ${groups}` : "") + (targets ? `; mục tiêu: ${targets}` : ""),
  cliTasks: "NHIỆM VỤ",
  cliTargets: "MỤC TIÊU",
  cliWarnings: "CẢNH BÁO",
  colId: "Mã",
  colTitle: "Nội dung",
  colArea: "Lĩnh vực",
  colRequirement: "Yêu cầu",
  colLeads: "Chủ trì",
  colPartners: "Phối hợp",
  colDeadline: "Thời hạn",
  due: (date: string) => `hạn ${date}`,
  recurring: "thường xuyên",
  none: "—",
  usageParse: "Cách dùng: cchc parse <kế-hoạch.(txt|md|docx|pdf|xlsx)> [--json]",
  missingFile: "Thiếu tên tệp kế hoạch.",
  tooManyFiles: "Chỉ đọc một tệp kế hoạch mỗi lần.",
  isDirectory: (file: string) => `${file} là thư mục, không phải tệp kế hoạch.`,
} as const;
