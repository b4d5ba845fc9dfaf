/** A checksum of frozen task values, written on a close sheet so a later reader can tell whether they were edited. */
import type { Entry } from "./schema.js";

/** FNV-1a (32-bit) of a string, as 8 hex digits: enough to notice an edit, not a security measure. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Checksum over the values a summary uses (id, area, leads, due, status, progress, completion, result, note, validity). */
export function closeChecksum(rows: readonly Entry[]): string {
  const canon = rows.map((e) => [
    e.id,
    e.area ?? "",
    e.leads.join(";"),
    e.due ?? "",
    e.status ?? e.statusText ?? "",
    e.progress ?? "",
    e.completedOn ?? "",
    e.result ?? "",
    e.note ?? "",
    e.valid ? 1 : 0,
  ]);
  return fnv1a(JSON.stringify(canon));
}
