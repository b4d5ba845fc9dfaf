/**
 * `cchc check <tracker.xlsx> [--as-of YYYY-MM-DD] [--json]`: reads a tracker and lists every wrong entry.
 * Read-only. Exit 0 clean (warnings allowed), 1 when a finding is an error, 2 for an unusable file or arguments.
 */
import { formatFinding } from "../../shared/entries/check-sheet.js";
import { readEntries } from "../../shared/entries/read.js";
import type { Finding } from "../../shared/entries/schema.js";
import { UsageError } from "../../shared/errors.js";
import { commonMessages as C, entriesMessages as M } from "../../shared/messages/index.js";
import { readXlsxGrid } from "../../shared/xlsx/read.js";
import { readInputFile } from "../files.js";
import { emitJson } from "../output.js";
import type { CliIo } from "../io.js";
import { localToday, parseAsOfOption, parseOptions } from "../options.js";

const USAGE = "cchc check <sổ-theo-dõi.xlsx> [--as-of YYYY-MM-DD] [--json]";

/** Prints findings, errors first, one line each with its place, message and hint. */
export function printFindings(findings: readonly Finding[], io: CliIo): void {
  const ordered = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  for (const f of ordered) io.out(`${f.severity === "error" ? C.errorPrefix : C.warningPrefix}: ${formatFinding(f)}\n`);
}

/** Runs `cchc check`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(
    argv,
    {
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
  if (parsed.values.help) {
    io.out(USAGE + "\n");
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new UsageError(`${M.missingFile}\n${USAGE}`);
  const asOf = parsed.values["as-of"] !== undefined ? parseAsOfOption(parsed.values["as-of"]) : localToday(io.now());

  const grid = await readXlsxGrid(await readInputFile(file), { file });
  const { entries, findings } = readEntries(grid, { asOf });
  const errors = findings.filter((f) => f.severity === "error").length;

  if (parsed.values.json) {
    emitJson(io, { file, findings });
  } else if (findings.length === 0) {
    io.out(M.checkClean(file, entries?.rows.length ?? 0) + "\n");
  } else {
    io.out(M.checkHeader(file, errors, findings.length - errors) + "\n");
    printFindings(findings, io);
  }
  return errors > 0 ? 1 : 0;
}
