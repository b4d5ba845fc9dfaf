/** Messages of `cchc derive` and of linking commune plans to the province plan (Vietnamese). */
export const deriveMessages = {
  usage: `Cách dùng: cchc derive <kế-hoạch-tỉnh> --unit "xã Cao Minh" [--map don-vi.txt] [-o ke-hoach-xa.xlsx | -o so-theo-doi.xlsx --tracker] [--year 2026] [--as-of YYYY-MM-DD] [--json] [--force]
  -o <tệp.xlsx>          ghi phụ lục kế hoạch của xã (sửa được, đọc lại bằng cchc parse / cchc init)
  -o <tệp.xlsx> --tracker  ghi thẳng sổ theo dõi của xã
  --map <tệp.txt>        mỗi dòng "Sở Nội vụ = Phòng Văn hóa - Xã hội" thay cho bảng tương ứng có sẵn
  --force                cho phép ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đầu vào)
  --json                 in kế hoạch của xã dạng JSON (như cchc parse --json)`,
  missingPlan: "Thiếu tệp kế hoạch của tỉnh.",
  tooManyPlans: "Chỉ nhận một tệp kế hoạch của tỉnh.",
  missingUnit: 'Thiếu --unit: tên xã/phường nhận kế hoạch, ví dụ --unit "xã Cao Minh".',
  notXlsx: (file: string) => `Tệp kết quả phải có đuôi .xlsx: ${file}`,
  trackerNeedsOutput: "--tracker cần -o <sổ-theo-dõi.xlsx>.",
  badMapLine: (line: string) => `Dòng không hợp lệ trong bảng tương ứng đơn vị: "${line}" (cần dạng "Sở Nội vụ = Phòng Văn hóa - Xã hội").`,
  notProvincePlan: (unit: string) =>
    `Kế hoạch này có vẻ là của ${unit}, không phải của tỉnh; vẫn lập kế hoạch xã từ đó, hãy kiểm tra lại.`,
  unmappedUnit: (unit: string) =>
    `Chưa có đơn vị cấp xã tương ứng với "${unit}"; nhiệm vụ do đơn vị này chủ trì được giao cho Văn phòng HĐND và UBND xã. Thêm dòng "${unit} = …" vào tệp --map để chọn đơn vị khác.`,
  provinceOnlyCount: (n: number) =>
    `${n} nhiệm vụ chỉ của cấp tỉnh không đưa vào kế hoạch của xã (xem danh sách "Nhiệm vụ chỉ của tỉnh"); nếu xã thực hiện, hãy chép dòng đó vào phụ lục.`,
  provinceOnlyReason: "Không giao cho cấp xã, không giao cho mọi cơ quan, đơn vị và không nói đến phạm vi toàn tỉnh.",
  derivedTitle: (unit: string, from: string, to: string) =>
    from === to ? `Kế hoạch Cải cách hành chính ${unit} năm ${from}` : `Kế hoạch Cải cách hành chính ${unit} giai đoạn ${from} - ${to}`,
  // The plan appendix workbook
  appendixSheet: "Phụ lục",
  provinceOnlySheet: "Nhiệm vụ chỉ của tỉnh",
  appendixHeading: "KẾ HOẠCH",
  appendixSource: (title: string) => `(Xây dựng từ ${title}; cột "Mã nhiệm vụ của tỉnh" giữ liên kết với nhiệm vụ của tỉnh)`,
  appendixTableTitle: "DANH MỤC NHIỆM VỤ",
  appendixHeaders: ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Yêu cầu / Sản phẩm", "Mã nhiệm vụ của tỉnh"],
  provinceOnlyIntro: "Các nhiệm vụ dưới đây của kế hoạch tỉnh không đưa vào kế hoạch của xã. Nếu xã thực hiện nhiệm vụ nào, chép dòng đó sang trang Phụ lục (giữ Mã nhiệm vụ của tỉnh).",
  provinceOnlyHeaders: ["Mã nhiệm vụ của tỉnh", "Nội dung công việc", "Cơ quan chủ trì (tỉnh)", "Thời gian hoàn thành", "Lý do"],
  // `cchc derive` output
  summary: (file: string, tasks: number, provinceOnly: number, unit: string) =>
    `Đã ghi ${file}: ${tasks} nhiệm vụ của ${unit} lấy từ kế hoạch tỉnh` + (provinceOnly ? `; ${provinceOnly} nhiệm vụ chỉ của tỉnh để riêng.` : "."),
  provinceOnlyHeading: "NHIỆM VỤ CHỈ CỦA TỈNH (không đưa vào kế hoạch của xã)",
  provinceTaskLabel: "Nhiệm vụ của tỉnh",
  // The province workbook's view per province task (cchc merge --province-plan)
  provinceTasksSheet: "Theo nhiệm vụ tỉnh",
  linksSheet: "Liên kết nhiệm vụ",
  provinceTaskSheet: (id: string) => `NV tỉnh ${id}`,
  provinceTasksTitle: (label: string) => `KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH TỈNH Ở CÁC XÃ - ${label.toUpperCase()}`,
  provinceTasksNote:
    'Mỗi nhiệm vụ của xã được gắn với nhiệm vụ của tỉnh mà nó thực hiện (theo sổ theo dõi lập bằng cchc derive, hoặc theo nội dung, thời hạn, lĩnh vực). Xem và sửa ở trang "Liên kết nhiệm vụ"; sửa bằng tệp --links.',
  provinceTasksHeaders: ["Mã NV tỉnh", "Nội dung nhiệm vụ của tỉnh", "Thời hạn", "Số xã thực hiện", "Đã hoàn thành", "Đang thực hiện", "Chưa triển khai", "Không thực hiện", "Quá hạn"],
  provinceTaskTitle: (id: string, title: string) => `NHIỆM VỤ ${id} CỦA KẾ HOẠCH TỈNH: ${title}`,
  provinceTaskHeaders: ["STT", "Đơn vị", "Mã nhiệm vụ của xã", "Tình trạng", "Quá hạn"],
  communeStates: { done: "Đã hoàn thành", inProgress: "Đang thực hiện", notStarted: "Chưa triển khai", dropped: "Không thực hiện" },
  overdueMark: "Quá hạn",
  noCommune: "Chưa xã nào có nhiệm vụ gắn với nhiệm vụ này.",
  linksTitle: "LIÊN KẾT NHIỆM VỤ CỦA XÃ VỚI NHIỆM VỤ CỦA TỈNH",
  linksNote:
    'Để sửa một liên kết: ghi dòng "đơn vị; mã nhiệm vụ của xã; mã nhiệm vụ của tỉnh" (để trống mã tỉnh = không gắn) vào một tệp văn bản và chạy lại cchc merge … --province-plan … --links tệp.txt.',
  linksHeaders: ["Đơn vị", "Mã NV xã", "Nội dung nhiệm vụ của xã", "Mã NV tỉnh", "Điểm", "Nguồn"],
  linkSources: { meta: "sổ lập từ kế hoạch tỉnh", override: "tệp --links", text: "theo nội dung" },
  noMatch: "(không gắn)",
  linksNeedPlan: "--links cần --province-plan <kế-hoạch-tỉnh>.",
  badLinksLine: (line: string) => `Dòng không hợp lệ trong tệp liên kết: "${line}" (cần dạng "xã Cao Minh; 4; 5").`,
  provinceTasksCount: (linked: number, total: number, tasks: number) =>
    `Nhiệm vụ tỉnh: ${linked}/${total} nhiệm vụ của các xã gắn được với ${tasks} nhiệm vụ của kế hoạch tỉnh.`,
} as const;
