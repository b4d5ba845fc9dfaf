/**
 * Formulas for conditional formatting in Sheets. A Sheets conditional-format formula may only refer to its own sheet:
 * references to other sheets and defined names (such as the as-of date cell) must go through INDIRECT("…").
 */
import type { DefinedNameSpec } from "../../../shared/workbook/spec.js";

const TOKEN =
  /"(?:[^"]|"")*"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|([A-Za-z_][\w.]*)(\s*\()?/g;

const indirect = (ref: string) => `INDIRECT("${ref.replace(/"/g, '""')}")`;

/** Rewrites `formula` (no leading "=") so that it is valid in a conditional-format rule of `sheet`. */
export function conditionalFormula(formula: string, sheet: string, names: DefinedNameSpec[]): string {
  const byName = new Map(names.map((n) => [n.name.toUpperCase(), n.ref]));
  const ownPrefixes = [`'${sheet.replace(/'/g, "''")}'!`, `${sheet}!`];
  return formula.replace(TOKEN, (token: string, sheetRef?: string, ident?: string, call?: string) => {
    if (sheetRef) return ownPrefixes.some((p) => sheetRef.startsWith(p)) ? sheetRef.slice(sheetRef.indexOf("!") + 1) : indirect(sheetRef);
    if (ident && !call) {
      const ref = byName.get(ident.toUpperCase());
      if (ref) return indirect(ref);
    }
    return token;
  });
}
