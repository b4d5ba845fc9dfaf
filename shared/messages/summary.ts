/** Messages of the quarterly summary, the quarter close (chốt quý) and `cchc summary`. */

const ROMAN = ["I", "II", "III", "IV"] as const;

/** Roman numeral of a quarter, as Vietnamese documents write it. */
const roman = (q: number) => ROMAN[q - 1] ?? String(q);

/** Period labels and sheet names. */
export const periodMessages = {
  quarterLabel: (q: number, year: number) => `Quý ${roman(q)}/${year}`,
  /** Sheet names cannot contain "/" (Excel), so the sheet form uses "-". */
  quarterSheetLabel: (q: number, year: number) => `Quý ${roman(q)}-${year}`,
  halfYearLabel: (year: number) => `6 tháng đầu năm ${year}`,
  yearLabel: (year: number) => `Năm ${year}`,
  summarySheet: (q: number, year: number) => `Tổng hợp Quý ${roman(q)}-${year}`,
  closeSheet: (q: number, year: number) => `Chốt Quý ${roman(q)}-${year}`,
} as const;

/** Texts of the summary sheet. */
export const summarySheetMessages = {
  title: (label: string) => `TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH ${label.toUpperCase()}`,
  unit: (unit: string) => `Đơn vị: ${unit}`,
  plan: (title: string) => `Kế hoạch: ${title}`,
  period: (from: string, to: string) =>
    `Kỳ báo cáo: từ ${from} đến ${to} (thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP)`,
  reportPeriod: (label: string, from: string, to: string) => `Kỳ báo cáo định kỳ: ${label} (từ ${from} đến ${to})`,
  asOf: (date: string) => `Số liệu tính đến ngày: ${date}`,
  closedSource: (sheet: string) => `Số liệu lấy từ trang đã chốt "${sheet}".`,
  liveSource: "Số liệu lấy từ trang Nhiệm vụ tại thời điểm tổng hợp.",
  invalidNote: (n: number) => `Có ${n} nhiệm vụ nhập chưa hợp lệ, chưa được tính vào các cột trạng thái (xem lệnh Kiểm tra).`,
  section1: "I. TỔNG HỢP CHUNG",
  section2: "II. THEO LĨNH VỰC",
  section3: "III. THEO CƠ QUAN CHỦ TRÌ",
  section4: "IV. NHIỆM VỤ QUÁ HẠN",
  section5: "V. NHIỆM VỤ ĐẾN HẠN KỲ TỚI",
  section6: "VI. NHIỆM VỤ HOÀN THÀNH TRONG KỲ",
  totalsHeaders: ["STT", "Chỉ tiêu", "Số nhiệm vụ"],
  totalsRows: {
    total: "Tổng số nhiệm vụ",
    done: "Đã hoàn thành",
    doneOnTime: "Trong đó: đúng hạn",
    doneLate: "Trong đó: quá hạn",
    inProgress: "Đang thực hiện",
    notStarted: "Chưa triển khai",
    dropped: "Không thực hiện",
    invalid: "Nhập chưa hợp lệ",
    overdue: "Quá hạn chưa hoàn thành",
    doneInPeriod: "Hoàn thành trong kỳ",
    completionRate: "Tỷ lệ hoàn thành (đã trừ nhiệm vụ không thực hiện)",
  },
  groupHeaders: (first: string) => [
    "STT",
    first,
    "Tổng số",
    "Hoàn thành",
    "Đúng hạn",
    "Quá hạn (HT)",
    "Đang thực hiện",
    "Chưa triển khai",
    "Không thực hiện",
    "Chưa hợp lệ",
    "Quá hạn chưa HT",
    "Tỷ lệ hoàn thành",
  ],
  areaColumn: "Lĩnh vực",
  leadColumn: "Cơ quan chủ trì",
  noArea: "(Chưa phân lĩnh vực)",
  noLead: "(Chưa có cơ quan chủ trì)",
  sumRow: "Tổng cộng",
  chartByArea: "Tỷ lệ hoàn thành theo lĩnh vực",
  chartByLead: "Tỷ lệ hoàn thành theo cơ quan chủ trì",
  chartSeries: "Tỷ lệ hoàn thành",
  listHeaders: ["STT", "Nội dung nhiệm vụ", "Mã", "Cơ quan chủ trì", "Hạn hoàn thành", "Trạng thái", "Tiến độ (%)", "Ghi chú"],
  doneListHeaders: ["STT", "Nội dung nhiệm vụ", "Mã", "Cơ quan chủ trì", "Hạn hoàn thành", "Ngày hoàn thành", "Đánh giá", "Kết quả"],
  none: "Không có.",
  footer: "Trang &P/&N",
} as const;

/** Texts of the close sheet (chốt quý). */
export const closeSheetMessages = {
  title: (label: string) => `SỐ LIỆU CHỐT ${label.toUpperCase()}`,
  invalidEvaluation: "Chưa hợp lệ",
  note: "Trang này lưu giá trị của mọi nhiệm vụ tại thời điểm chốt số liệu; không sửa. Tổng hợp của kỳ này dùng số liệu ở đây.",
  labels: {
    period: "Kỳ báo cáo",
    from: "Từ ngày",
    to: "Đến ngày",
    asOf: "Số liệu tính đến ngày",
    closedOn: "Ngày chốt",
    checksum: "Mã kiểm tra",
  },
} as const;

/** Messages of `cchc summary`. */
export const summaryMessages = {
  quarterRequired: "Cần chọn quý: --quarter 1, 2, 3 hoặc 4.",
  yearUnknown: (file: string) => `Không biết năm của sổ theo dõi ${file} (thiếu trang _meta): hãy ghi rõ --year.`,
  outputConflict: "Chỉ dùng một trong hai: -o <tệp> hoặc --in-place.",
  cannotSummarise: (file: string) => `Không tổng hợp được ${file}: sổ theo dõi có lỗi nghiêm trọng (xem danh sách bên dưới).`,
  wroteSummary: (file: string, sheet: string) => `Đã ghi trang "${sheet}" vào ${file}.`,
  wroteClose: (sheet: string) => `Đã chốt số liệu: trang "${sheet}".`,
  alreadyClosed: (sheet: string) => `Kỳ này đã được chốt (trang "${sheet}"); giữ nguyên số liệu đã chốt.`,
  usedClosed: (sheet: string) => `Dùng số liệu đã chốt ở trang "${sheet}".`,
  closedAsOfIgnored: (sheet: string, asOf: string) =>
    `Kỳ đã chốt (trang "${sheet}") với số liệu tính đến ${asOf}; ngày --as-of khác được bỏ qua.`,
  backup: (file: string) => `Đã lưu bản sao dự phòng: ${file}`,
  periodOutsidePlan: (label: string, from: string, to: string) =>
    `Cảnh báo: ${label} nằm ngoài thời gian của kế hoạch (${from} – ${to}); kiểm tra lại --quarter và --year.`,
  lostParts: (kinds: string, keptIn: string) =>
    `Cảnh báo: tệp kết quả không giữ được ${kinds} của sổ theo dõi (thư viện ghi tệp chưa hỗ trợ); bản gốc vẫn còn nguyên ở ${keptIn}.`,
  invalidCount: (n: number) => `${n} nhiệm vụ nhập chưa hợp lệ không được tính vào các trạng thái.`,
  line: (label: string, done: number, total: number, rate: string) =>
    `  ${label}: hoàn thành ${done}/${total} nhiệm vụ (tỷ lệ ${rate}).`,
  headline: (label: string, from: string, to: string, asOf: string) =>
    `Tổng hợp ${label} (kỳ báo cáo ${from} – ${to}), số liệu tính đến ${asOf}:`,
  totals: (t: {
    total: number; done: number; doneOnTime: number; doneLate: number; inProgress: number; notStarted: number;
    dropped: number; invalid: number; overdue: number; doneInPeriod: number;
  }, rate: string) =>
    `  Tổng số ${t.total} nhiệm vụ: hoàn thành ${t.done} (đúng hạn ${t.doneOnTime}, quá hạn ${t.doneLate}); ` +
    `đang thực hiện ${t.inProgress}; chưa triển khai ${t.notStarted}; không thực hiện ${t.dropped}; ` +
    `chưa hợp lệ ${t.invalid}; quá hạn chưa hoàn thành ${t.overdue}; hoàn thành trong kỳ ${t.doneInPeriod}; ` +
    `tỷ lệ hoàn thành ${rate}.`,
  byAreaTitle: "Theo lĩnh vực:",
  byLeadTitle: "Theo cơ quan chủ trì:",
  overdueList: (ids: string) => `Nhiệm vụ quá hạn: ${ids}`,
  nextList: (ids: string) => `Nhiệm vụ đến hạn kỳ tới: ${ids}`,
  noneList: "không có",
  notWritten: "Chưa ghi vào tệp: thêm -o <tệp.xlsx> để ghi trang tổng hợp vào bản sao, hoặc --in-place để ghi vào chính tệp này.",
  closeNeedsOutput: "--close cần -o <tệp.xlsx> hoặc --in-place để lưu trang chốt số liệu.",
  findingsTitle: (file: string, errors: number, warnings: number) => `Kiểm tra số liệu ${file}: ${errors} lỗi, ${warnings} cảnh báo.`,
  usage: "cchc summary <sổ-theo-dõi.xlsx> --quarter 1..4 [--year Y] [--as-of YYYY-MM-DD] [-o out.xlsx | --in-place] [--close] [--json] [--force]",
} as const;
