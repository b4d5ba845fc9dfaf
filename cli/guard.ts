/**
 * The no-overwrite rule of every command (product.md, "Command line contract"): an output never replaces one of the
 * command's inputs, nor an existing tracker that holds entries, unless `--force` is given. Inputs are compared by
 * what they are, not how they are spelled: real paths (symbolic links resolved), device and inode (hard links), and
 * real paths equal but for case (one file on Windows and macOS disks).
 */
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { readEntries } from "../shared/entries/read.js";
import type { Entries } from "../shared/entries/schema.js";
import { UnusableInputError } from "../shared/errors.js";
import { commonMessages as C } from "../shared/messages/index.js";
import { readXlsxGrid } from "../shared/xlsx/read.js";
import { MAX_INPUT_BYTES } from "./files.js";

interface FileIdentity {
  real: string;
  dev: number;
  ino: number;
}

async function identify(file: string): Promise<FileIdentity | null> {
  try {
    const real = await realpath(file);
    const s = await stat(real);
    return { real, dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/** Where writing `file` would land: its real path if it exists, else its real folder and its name. */
async function landingPath(file: string): Promise<string> {
  const abs = path.resolve(file);
  const real = await realpath(abs).catch(() => null);
  if (real) return real;
  const dir = await realpath(path.dirname(abs)).catch(() => path.dirname(abs));
  return path.join(dir, path.basename(abs));
}

/** An input the output would replace, and how they are the same file. */
export interface InputClash {
  input: string;
  caseOnly: boolean;
}

/** The first of `inputs` that writing `output` would replace (or collide with by case only), if any. */
export async function findInputClash(output: string, inputs: readonly string[]): Promise<InputClash | null> {
  const target = await landingPath(output);
  const out = await identify(output);
  for (const input of inputs) {
    const id = await identify(input);
    const real = id?.real ?? (await landingPath(input));
    if (real === target || (out && id && out.dev === id.dev && out.ino === id.ino)) return { input, caseOnly: false };
    if (real.toLowerCase() === target.toLowerCase()) return { input, caseOnly: true };
  }
  return null;
}

/** Refuses (exit 2, code "wouldOverwrite") an output that is one of the inputs, unless forced. */
export async function refuseInputAsOutput(output: string, inputs: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  const clash = await findInputClash(output, inputs);
  if (!clash) return;
  const message = clash.caseOnly ? C.outputCaseClash(output, clash.input) : C.outputIsInput(output, clash.input);
  throw new UnusableInputError(message, { file: output }, undefined, "wouldOverwrite");
}

/** The rows of a tracker someone has typed into. */
export function filledRows(entries: Entries): number {
  return entries.rows.filter(
    (e) => !e.valid || e.statusText !== null || e.progress !== null || e.completedOn !== null || e.result !== null || e.note !== null,
  ).length;
}

/** What a tracker's entries say, as one string: two trackers with the same fingerprint hold the same data. */
export function entriesFingerprint(entries: Entries): string {
  const rows = entries.rows.map((e) => [e.id, e.statusText, e.progress, e.completedOn, e.result, e.note]);
  return JSON.stringify([entries.meta.planId, entries.meta.unit, entries.meta.year, rows]);
}

/** What is at a path an output would replace. */
export type ExistingOutput =
  | { kind: "none" }
  | { kind: "other" }
  | { kind: "tracker"; filled: number; fingerprint: string };

/** Looks at the file an output would replace (read only when it is a file of a sensible size). */
export async function existingOutput(output: string): Promise<ExistingOutput> {
  const s = await stat(output).catch(() => null);
  if (!s) return { kind: "none" };
  if (!s.isFile() || s.size > MAX_INPUT_BYTES) return { kind: "other" };
  const bytes = await readFile(output).catch(() => null);
  if (!bytes) return { kind: "other" };
  try {
    const { entries } = readEntries(await readXlsxGrid(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { file: output }));
    if (entries && entries.meta.schemaVersion !== null) return { kind: "tracker", filled: filledRows(entries), fingerprint: entriesFingerprint(entries) };
  } catch {
    // Not a readable workbook.
  }
  return { kind: "other" };
}

/**
 * Refuses (exit 2, code "wouldOverwrite") to replace an existing tracker that holds entries, unless forced or unless
 * it holds exactly the entries being written (`sameAs`, an entriesFingerprint: re-running a summary into its copy).
 */
export async function refuseFilledTracker(output: string, force: boolean, sameAs?: string): Promise<void> {
  if (force) return;
  const existing = await existingOutput(output);
  if (existing.kind !== "tracker" || existing.filled === 0 || existing.fingerprint === sameAs) return;
  throw new UnusableInputError(C.outputHoldsEntries(output, existing.filled), { file: output }, undefined, "wouldOverwrite");
}

/** Both rules of an output: not an input, not a filled tracker. */
export async function guardOutput(output: string, inputs: readonly string[], opts: { force: boolean; sameAs?: string }): Promise<void> {
  await refuseInputAsOutput(output, inputs, opts.force);
  await refuseFilledTracker(output, opts.force, opts.sameAs);
}
