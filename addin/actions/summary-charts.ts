/**
 * Native charts for the summary sheet: the completion rate by area and by lead unit, drawn from the sheet's own
 * tables so they update with them. The summary builder marks each group table's completion-rate cells with a data
 * bar; those ranges locate the tables (the rate is in that column, the group names in column B of the same rows).
 */
import type { Summary } from "../../shared/summary/summarise.js";
import { addinChartMessages as M } from "../../shared/messages/index.js";
import type { ChartSpec, WorkbookSpec } from "../../shared/workbook/spec.js";
import { cellAddress, columnName, parseAddress } from "../excel/a1.js";

/** Column (0-based) where the charts start: one column right of the summary's last column (L). */
const CHART_COLUMN = 13;
const CHART_WIDTH = 8;

/** Adds a bar chart per group table (by area, by lead unit) unless the sheet already has charts. */
export function withSummaryCharts(spec: WorkbookSpec, summary: Summary): WorkbookSpec {
  const [sheet, ...rest] = spec.sheets;
  if (!sheet || (sheet.charts && sheet.charts.length > 0)) return spec;
  const tables = sheet.conditionalFormats
    .filter((cf) => cf.type === "dataBar")
    .map((cf) => parseAddress(cf.range))
    .filter((r): r is NonNullable<typeof r> => r !== undefined && r.left === r.right);
  const groups = [summary.byArea.length, summary.byLead.length];
  const titles = [M.byArea, M.byLead];
  const charts: ChartSpec[] = [];
  let nextFree = 0;
  tables.slice(0, 2).forEach((rect, i) => {
    // Only a table whose height matches the summary's groups is a group table.
    if (rect.bottom - rect.top + 1 !== groups[i]) return;
    const rows = rect.bottom - rect.top + 1;
    const height = Math.max(12, rows + 6);
    const top = Math.max(rect.top - 2, nextFree);
    nextFree = top + height + 1;
    charts.push({
      type: "bar",
      title: titles[i]!,
      categories: `B${rect.top + 1}:B${rect.bottom + 1}`,
      series: [{ name: M.series, values: `${columnName(rect.left)}${rect.top + 1}:${columnName(rect.left)}${rect.bottom + 1}` }],
      anchor: cellAddress(top, CHART_COLUMN),
      width: CHART_WIDTH,
      height,
    });
  });
  if (charts.length === 0) return spec;
  return { ...spec, sheets: [{ ...sheet, charts }, ...rest] };
}
