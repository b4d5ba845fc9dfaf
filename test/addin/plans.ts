/** Plans for add-in tests: a real seed (parsed by the shared reader) and a synthetic plan of any size. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePlanText, type Plan } from "../../shared/plan/index.js";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));

/** The province plan (seed 001): 23 tasks. */
export const PROVINCE_SEED = "001_e08ca05127985b31.txt";

/** Reads and parses a seed plan. */
export function seedPlan(file = PROVINCE_SEED): Plan {
  return parsePlanText(readFileSync(SEEDS + file, "utf8"), { fileName: file });
}

/** The seed's text (what a user pastes into the task pane). */
export function seedText(file = PROVINCE_SEED): string {
  return readFileSync(SEEDS + file, "utf8");
}

const LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính"];
const AREAS = ["Cải cách thủ tục hành chính", "Cải cách thể chế", "Cải cách tài chính công", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"];

/** A plan with `n` tasks spread over the quarters of 2026 (every 7th recurring), five lead units and four areas. */
export function syntheticPlan(n: number): Plan {
  return {
    title: `Kế hoạch cải cách hành chính năm 2026 (${n} nhiệm vụ)`,
    issuer: "UBND tỉnh Thử Nghiệm",
    unit: "tỉnh Thử Nghiệm",
    level: "province",
    period: { from: "2026-01-01", to: "2026-12-31" },
    groups: [],
    targets: [],
    warnings: [],
    tasks: Array.from({ length: n }, (_, i) => {
      const q = (i % 4) + 1;
      const recurring = i % 7 === 6;
      return {
        id: String(i + 1),
        title: i === 2 ? '=HYPERLINK("http://evil.example","bấm")' : `Nhiệm vụ thử số ${i + 1}: rà soát, đơn giản hóa thủ tục`,
        group: null,
        area: AREAS[i % AREAS.length]!,
        requirement: null,
        leads: [LEADS[i % LEADS.length]!],
        partners: ["Các sở, ban, ngành"],
        deadline: recurring
          ? { raw: "Thường xuyên", kind: "recurring" as const, due: null }
          : { raw: `Quý ${["I", "II", "III", "IV"][q - 1]}/2026`, kind: "quarter" as const, due: ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"][q - 1]! },
        source: "appendix" as const,
      };
    }),
  };
}
