/** Turns outcomes and errors into messages for the user (Vietnamese, no stack traces). */
import { describeLocation, UnusableInputError, UsageError } from "../shared/errors.js";
import { addinMessages, missingFeatureMessages } from "../shared/messages/index.js";
import { AddinError } from "./errors.js";
import type { Feature } from "./excel/capabilities.js";
import type { RenderReport } from "./excel/render.js";
import type { Notice } from "./session.js";

/** The message for an error thrown by an action. */
export function errorNotice(error: unknown): Notice {
  if (error instanceof AddinError || error instanceof UsageError) return { kind: "error", text: error.message };
  if (error instanceof UnusableInputError) {
    const where = describeLocation(error.location);
    return { kind: "error", text: where ? `${error.message} (${where})` : error.message };
  }
  // Office.js rejects a batch with an OfficeExtension.Error: a `code` and Excel's own (localised) message.
  if (error instanceof Error && typeof (error as { code?: unknown }).code === "string") {
    return { kind: "error", text: addinMessages.excelError(error.message) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "error", text: addinMessages.unexpected(detail) };
}

/** Warnings about what an old Excel could not do, and best-effort settings Excel refused; empty when all went well. */
export function renderWarnings(report: Pick<RenderReport, "missing" | "bestEffortError">): Notice[] {
  const out: Notice[] = [];
  if (report.missing.length > 0) {
    out.push({ kind: "warning", text: addinMessages.missingFeatures(report.missing.map((f: Feature) => missingFeatureMessages[f])) });
  }
  if (report.bestEffortError) out.push({ kind: "warning", text: addinMessages.bestEffortFailed(report.bestEffortError) });
  return out;
}
