import { describe, expect, it } from "vitest";
import { classifyArea, classifyAreaOrNull } from "../../../shared/plan/classify.js";
import { AREAS } from "../../../shared/workbook/layout.js";

const [DIRECTION, INSTITUTIONS, PROCEDURES, ORGANISATION, CIVIL_SERVICE, FINANCE, DIGITAL] = AREAS;

describe("classifyArea: the keywords of domain.md", () => {
  it.each([
    ["Rà soát, đơn giản hóa TTHC", PROCEDURES],
    ["Công bố danh mục thủ tục hành chính", PROCEDURES],
    ["Thực hiện cơ chế một cửa, một cửa liên thông", PROCEDURES],
    ["Rà soát văn bản QPPL", INSTITUTIONS],
    ["Kiểm tra, xử lý văn bản quy phạm pháp luật", INSTITUTIONS],
    ["Hoàn thiện thể chế về thu hút đầu tư", INSTITUTIONS],
    ["Đẩy mạnh chuyển đổi số trong cơ quan nhà nước", DIGITAL],
    ["Triển khai phần mềm quản lý văn bản", DIGITAL],
    ["Cập nhật dữ liệu dân cư", DIGITAL],
    ["Số hóa hồ sơ lưu trữ", DIGITAL],
    ["Nâng cao tỷ lệ dịch vụ công trực tuyến toàn trình", DIGITAL],
    ["Cấp chữ ký số cho công chức", DIGITAL],
    ["Rà soát vị trí việc làm", CIVIL_SERVICE],
    ["Đánh giá, xếp loại công chức", CIVIL_SERVICE],
    ["Quản lý viên chức", CIVIL_SERVICE],
    ["Kiểm tra công vụ đột xuất", CIVIL_SERVICE],
    ["Tăng cường kỷ luật, kỷ cương hành chính", CIVIL_SERVICE],
    ["Sắp xếp đơn vị sự nghiệp công lập", ORGANISATION],
    ["Kiện toàn tổ chức bộ máy các phòng chuyên môn", ORGANISATION],
    ["Điều hành ngân sách xã", FINANCE],
    ["Quản lý tài sản công", FINANCE],
    ["Giải ngân vốn đầu tư công", FINANCE],
    ["Cải cách tài chính công", FINANCE],
    ["Xây dựng Kế hoạch tuyên truyền năm 2026", DIRECTION],
    ["Kiểm tra tình hình thực hiện tại các xóm", DIRECTION],
    ["Nâng cao Chỉ số CCHC của xã", DIRECTION],
    ["Xây dựng kế hoạch CCHC năm 2026", DIRECTION],
    ["Khảo sát SIPAS", DIRECTION],
    ["Đo lường mức độ hài lòng của người dân", DIRECTION],
  ] as const)("%s → %s", (text, area) => {
    expect(classifyArea(text)).toBe(area);
  });
});

describe("classifyArea: priority between areas", () => {
  it.each([
    // training wins over the procedures it mentions in brackets
    ["Xây dựng và triển khai kế hoạch đào tạo, bồi dưỡng nâng cao năng lực, kỹ năng cho công chức xã (ưu tiên công chức giải quyết TTHC)", CIVIL_SERVICE],
    // an inspection plan for reform is direction, though it also inspects the civil service
    ["Xây dựng Kế hoạch kiểm tra CCHC, kiểm tra công vụ năm 2026", DIRECTION],
    // a legal-normative review plan is institutional, though it is a "kế hoạch kiểm tra"
    ["Xây dựng Kế hoạch kiểm tra, rà soát, hệ thống văn hóa văn bản quy phạm pháp luật năm 2026", INSTITUTIONS],
    // "Tổ chức" as a verb is not the organisation area
    ["Tổ chức thực hiện rà soát, đơn giản hóa TTHC", PROCEDURES],
    // satisfaction surveys are direction (SIPAS), though they concern procedures
    ["Tổ chức khảo sát/phiếu đánh giá mức độ hài lòng của người dân, tổ chức đối với việc giải quyết TTHC tại xã", DIRECTION],
    // an area named explicitly wins over everything else
    ["Chủ trì tham mưu triển khai nội dung cải cách thủ tục hành chính, số hóa hồ sơ", PROCEDURES],
    ["XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", DIGITAL],
    // budgets in an inspection follow-up are finance
    ["Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách.", FINANCE],
    ["Kiểm tra việc thực hiện các quy định về quản lý tài sản công", FINANCE],
    // procedures before the e-portal that publishes them
    ["Rà soát, cập nhật và công khai đầy đủ danh mục TTHC thuộc thẩm quyền giải quyết của xã niêm yết tại trụ sở, Trung tâm PVHCC, Trang Thông tin điện tử xã", PROCEDURES],
  ] as const)("%s → %s", (text, area) => {
    expect(classifyArea(text)).toBe(area);
  });
});

describe("classifyArea: the PAR-index sections of seed 004", () => {
  it.each([
    ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", DIRECTION],
    ["XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL TẠI TỈNH", INSTITUTIONS],
    ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", PROCEDURES],
    ["CẢI CÁCH TỔ CHỨC, BỘ MÁY", ORGANISATION],
    ["NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", CIVIL_SERVICE],
    ["CẢI CÁCH TÀI CHÍNH CÔNG", FINANCE],
    ["XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", DIGITAL],
  ] as const)("%s → %s", (text, area) => {
    expect(classifyArea(text)).toBe(area);
  });

  it("a section that names no area gives null from classifyAreaOrNull", () => {
    expect(classifyAreaOrNull("TÁC ĐỘNG CẢI CÁCH HÀNH CHÍNH ĐẾN KINH TẾ - XÃ HỘI")).toBeNull();
    expect(classifyAreaOrNull("")).toBeNull();
  });
});

describe("classifyArea: input forms", () => {
  it("is insensitive to diacritics, case and Unicode form", () => {
    expect(classifyArea("RA SOAT VAN BAN QUY PHAM PHAP LUAT")).toBe(INSTITUTIONS);
    expect(classifyArea("Số hoá hồ sơ".normalize("NFD"))).toBe(DIGITAL);
    expect(classifyArea("chuyển đổi SỐ")).toBe(DIGITAL);
  });

  it("matches whole words only", () => {
    // "cong vu" must not be found inside "cong vui" and "so hoa" must not match "so hoach"
    expect(classifyAreaOrNull("Tổ chức ngày hội công vui")).toBeNull();
  });

  it("falls back to direction and management when nothing matches", () => {
    expect(classifyArea("Tổ chức Hội nghị đối thoại với người dân, doanh nghiệp")).toBe(DIRECTION);
    expect(classifyArea("")).toBe(DIRECTION);
  });

  it("always returns one of AREAS", () => {
    for (const text of ["TTHC", "ngân sách", "abc", "công chức"]) expect(AREAS).toContain(classifyArea(text));
  });
});
