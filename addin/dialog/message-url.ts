/** The message dialog's parameter: notices as JSON in `?n=`, written by addin/commands/show.ts. */

/** A notice as carried in the URL (kind, text, detail lines). */
export interface ShownNotice {
  k: string;
  t: string;
  d: string[];
}

/** Reads the notices from a page URL (?n=[{k,t,d}]); a broken parameter gives none rather than failing. */
export function noticesFromUrl(href: string): ShownNotice[] {
  try {
    const raw = new URL(href).searchParams.get("n");
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list
      .filter((x): x is ShownNotice => typeof x === "object" && x !== null && typeof (x as ShownNotice).t === "string")
      .map((x) => ({ k: String(x.k), t: x.t, d: Array.isArray(x.d) ? x.d.map(String) : [] }));
  } catch {
    return [];
  }
}
