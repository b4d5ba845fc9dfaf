/** Reading the tracker's very hidden _meta sheet (key/value rows) into EntriesMeta. */
import { LINK_META_KEYS, META_KEYS, SHEET, decodeProvinceLinks, decodeTaskIds, type MetaKey } from "../workbook/layout.js";
import type { Grid, GridSheet, GridValue } from "./grid.js";
import { readDateCell } from "./dates.js";
import { foldKey } from "./normalize.js";
import type { EntriesMeta } from "./schema.js";

/** Finds the _meta sheet (by name, ignoring case). */
export function findMetaSheet(grid: Grid): GridSheet | undefined {
  return grid.sheets.find((s) => foldKey(s.name) === foldKey(SHEET.meta) && s.name.trim().startsWith("_"));
}

function text(v: GridValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).normalize("NFC").trim();
  return s === "" ? null : s;
}

/** Reads the key/value rows of a _meta sheet (unknown keys ignored); `cells` gives each key's value cell (A1). */
export function readMeta(sheet: GridSheet | undefined): { meta: EntriesMeta; cells: Partial<Record<MetaKey, string>> } {
  const raw = new Map<string, GridValue>();
  const cells: Partial<Record<MetaKey, string>> = {};
  const known = new Set<string>([...META_KEYS, ...LINK_META_KEYS]);
  (sheet?.values ?? []).forEach((row, r) => {
    const key = text(row?.[0]);
    if (key && known.has(key) && !raw.has(key)) {
      raw.set(key, row?.[1] ?? null);
      if ((META_KEYS as readonly string[]).includes(key)) cells[key as MetaKey] = `B${r + 1}`;
    }
  });
  const str = (k: string) => text(raw.get(k));
  const date = (k: string) => {
    const d = readDateCell(raw.get(k) ?? null);
    return d.kind === "date" ? d.iso : null;
  };
  const yearText = str("year");
  const year = yearText && /^\d{4}$/.test(yearText.replace(/\.0$/, "")) ? Number(yearText.replace(/\.0$/, "")) : null;
  const ids = str("taskIds");
  const meta: EntriesMeta = {
    schemaVersion: str("schemaVersion")?.replace(/\.0$/, "") ?? null,
    planId: str("planId"),
    unit: str("unit"),
    level: str("level"),
    year,
    planTitle: str("planTitle"),
    periodFrom: date("periodFrom"),
    periodTo: date("periodTo"),
    createdBy: str("createdBy"),
    taskIds: ids === null ? null : decodeTaskIds(ids),
  };
  const links = str("provinceTaskIds");
  if (links !== null) meta.provinceTaskIds = decodeProvinceLinks(links);
  const provincePlanId = str("provincePlanId");
  if (provincePlanId !== null) meta.provincePlanId = provincePlanId;
  return { meta, cells };
}
