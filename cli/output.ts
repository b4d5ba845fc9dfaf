/**
 * What a command prints: the one module that builds `--json` documents and error texts (product.md, "Command line
 * contract"). With `--json`, stdout carries exactly one JSON document whatever happens — the command's result on
 * exit 0/1, `{"error": {code, message, file, sheet, cell}, findings?}` on exit 2 — and every human line (notes,
 * progress, warnings) goes to stderr. Without it, results go to stdout and errors to stderr.
 */
import { UnusableInputError, UsageError, describeLocation, type Location } from "../shared/errors.js";
import type { Finding } from "../shared/entries/schema.js";
import { commonMessages as M } from "../shared/messages/index.js";
import type { CliIo } from "./io.js";

/** The `--json` document of a failed command (exit 2). */
export interface ErrorDocument {
  error: { code: string; message: string; file: string | null; sheet: string | null; cell: string | null };
  findings?: Finding[];
}

const attached = new WeakMap<object, readonly Finding[]>();

/** Marks an error with the findings known when it was raised (they go into its JSON document and its text). */
export function withFindings<E extends Error>(error: E, findings: readonly Finding[]): E {
  attached.set(error, findings);
  return error;
}

/** The findings attached to an error by withFindings. */
export function findingsOf(error: unknown): readonly Finding[] | undefined {
  return error && typeof error === "object" ? attached.get(error) : undefined;
}

function locationOf(error: unknown): Location {
  return error instanceof UnusableInputError ? error.location : {};
}

/** The stable code of an error: the UsageError/UnusableInputError code, "unexpected" for a bug. */
export function errorCode(error: unknown): string {
  if (error instanceof UsageError || error instanceof UnusableInputError) return error.code;
  return "unexpected";
}

/** The Vietnamese message of an error (an unexpected one says so). */
export function errorMessage(error: unknown): string {
  if (error instanceof UsageError || error instanceof UnusableInputError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return M.unexpected(detail);
}

/** The exit-2 JSON document of an error. */
export function errorDocument(error: unknown, findings: readonly Finding[] | undefined = findingsOf(error)): ErrorDocument {
  const loc = locationOf(error);
  // The message is the first line: usage errors carry the command's usage after it, which is for people.
  const message = errorMessage(error).split("\n")[0]!;
  const doc: ErrorDocument = {
    error: { code: errorCode(error), message, file: loc.file ?? null, sheet: loc.sheet ?? null, cell: loc.cell ?? null },
  };
  if (findings && findings.length > 0) doc.findings = [...findings];
  return doc;
}

/**
 * The error as one line for people: "Lỗi: <message> (<where>)", where the place leaves out what the message already
 * names (a file's path is printed once).
 */
export function errorText(error: unknown): string {
  const message = errorMessage(error);
  const loc = { ...locationOf(error) };
  if (loc.file && message.includes(loc.file)) delete loc.file;
  if (loc.sheet && message.includes(loc.sheet)) delete loc.sheet;
  if (loc.cell && message.includes(loc.cell)) delete loc.cell;
  const where = describeLocation(loc);
  return `${M.errorPrefix}: ${message}${where ? ` (${where})` : ""}`;
}

/** Whether the arguments ask for JSON (`--json` before a `--`). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/** JSON text as every command prints it. */
export function jsonText(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

/** The io of a `--json` run: human text to stderr, and `json` printing the one document on stdout. */
export function jsonIo(io: CliIo): CliIo & { json: (doc: unknown) => void; emitted: () => boolean } {
  let emitted = false;
  return {
    ...io,
    out: io.err,
    json: (doc: unknown) => {
      // A second document would make stdout unparseable: that is a bug, not user input.
      if (emitted) throw new Error("a command printed two JSON documents");
      emitted = true;
      io.out(jsonText(doc));
    },
    emitted: () => emitted,
  };
}

/** Prints a command's JSON result: through io.json when the run is a `--json` one, else on stdout. */
export function emitJson(io: CliIo, doc: unknown): void {
  if (io.json) io.json(doc);
  else io.out(jsonText(doc));
}
