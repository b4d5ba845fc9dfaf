/**
 * Which Excel features the running Excel has. Old Excel (Office 2016/2019 volume licences still common in
 * government offices) lacks whole requirement sets; the renderer writes what it can and reports the rest.
 */
import type { ExcelHost } from "./host.js";

/** The ExcelApi requirement set each optional feature needs (Office.js reference, "Api set"). */
export const FEATURE_SETS = {
  columnWidths: "1.2",
  merges: "1.2",
  protection: "1.2",
  names: "1.4",
  conditionalFormats: "1.6",
  freezePanes: "1.7",
  tabColor: "1.7",
  chartSeries: "1.7",
  dataValidation: "1.8",
  gridlines: "1.8",
  pageLayout: "1.9",
  autoFilter: "1.9",
  multiSelection: "1.9",
  rowGroups: "1.10",
  notes: "1.18",
} as const;

/** An optional Excel feature. */
export type Feature = keyof typeof FEATURE_SETS;

/** The features the running Excel supports. */
export interface Capabilities {
  has(feature: Feature): boolean;
}

/** Asks the host once per feature (isSetSupported is cheap and synchronous). */
export function detectCapabilities(host: Pick<ExcelHost, "isSetSupported">): Capabilities {
  const supported = new Set<Feature>();
  for (const [feature, version] of Object.entries(FEATURE_SETS) as Array<[Feature, string]>) {
    if (host.isSetSupported("ExcelApi", version)) supported.add(feature);
  }
  return { has: (feature) => supported.has(feature) };
}

/** Capabilities of an Excel that supports everything (tests, and code paths that need no checks). */
export const ALL_CAPABILITIES: Capabilities = { has: () => true };
