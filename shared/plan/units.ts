/** Unit names: canonicalisation (domain.md, "Units"). PLACEHOLDER signature — implemented by the plan-reader work. */

/** Returns the canonical name of a unit ("Phòng VH-XH" → "Phòng Văn hóa - Xã hội"). */
export function canonicalUnit(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}
