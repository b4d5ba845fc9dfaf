/** Where in the user's input a problem sits; every field optional because not every input has sheets or lines. */
export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  page?: number;
}

/**
 * Input the product cannot use at all (empty file, not a plan, not an xlsx, zip bomb…).
 * The message is Vietnamese and shown to the user as is; `location` says where.
 */
export class UnusableInputError extends Error {
  override name = "UnusableInputError";
  constructor(
    message: string,
    readonly location: Location = {},
    readonly inner?: unknown,
    /** A stable English code for programs (`--json`'s error.code): "fileNotFound", "wouldOverwrite", "zipBomb"… */
    readonly code: string = "unusableInput",
  ) {
    super(message);
  }
}

/** Bad command-line arguments or options (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
  /** The `--json` error code of every usage error. */
  readonly code = "usage";
}

/** Formats a location as Vietnamese text: "tệp a.xlsx, trang tính Nhiệm vụ, ô K7". */
export function describeLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(`tệp ${loc.file}`);
  if (loc.sheet) parts.push(`trang tính "${loc.sheet}"`);
  if (loc.cell) parts.push(`ô ${loc.cell}`);
  if (loc.page !== undefined) parts.push(`trang ${loc.page}`);
  if (loc.line !== undefined) parts.push(`dòng ${loc.line}`);
  return parts.join(", ");
}
