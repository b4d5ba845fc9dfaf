/**
 * Bounded unzip of the parts an Office file reader needs, through the project's one zip guard
 * (shared/xlsx/zip-guard.ts: fflate, synchronous, browser-safe). Untrusted input: the declared size of each wanted part
 * is checked before inflating, and each part is inflated with a byte counter that stops at its declared size and at
 * what is left of the total, so a zip bomb (or a zip lying about its sizes) cannot make us allocate more than the caps.
 */
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import { listZipEntries, looksLikeOle2, partText, ZipPackage, type ZipEntry, type ZipErrors } from "../../xlsx/zip-guard.js";

export { looksLikeOle2, partText };

/** Largest input file any plan reader accepts (bytes). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Caps on what one Office file may inflate to. */
export interface ZipLimits {
  /** Largest single uncompressed part (bytes). */
  maxPartBytes: number;
  /** Largest total uncompressed size of the parts read (bytes). */
  maxTotalBytes: number;
}

/** Default caps: 100 MB per part, 200 MB in all — far above any real plan, far below a zip bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxPartBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

const MB = 1024 * 1024;

/** Refuses empty and oversized input before any parsing. */
export function checkInputSize(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new UnusableInputError(M.emptyFile(fileName), { file: fileName });
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new UnusableInputError(M.fileTooLarge(fileName, bytes.length / MB, MAX_INPUT_BYTES / MB), { file: fileName });
  }
}

/** True when the bytes start like a ZIP archive ("PK\x03\x04", or an empty archive "PK\x05\x06"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * Extracts the parts whose names pass `wanted` (e.g. "word/document.xml") and returns them by name.
 * `kind` names the format in messages ("Word (.docx)").
 */
export function unzipParts(
  bytes: Uint8Array,
  fileName: string,
  kind: string,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  checkInputSize(bytes, fileName);
  if (!looksLikeZip(bytes)) throw new UnusableInputError(M.notAZip(fileName, kind), { file: fileName });
  const file = { file: fileName };
  const corrupt = (detail: string, inner?: unknown) => new UnusableInputError(M.corruptZip(fileName, kind, detail), file, inner);
  const entries = listZipEntries(bytes);
  if (!entries) throw corrupt(M.zipNoDirectory);
  const limitMb = Math.max(1, Math.round(limits.maxPartBytes / MB));
  const tooLarge = (e: ZipEntry) => new UnusableInputError(M.zipEntryTooLarge(fileName, e.name, limitMb), file);
  const parts = entries.filter((e) => !e.name.endsWith("/") && wanted(e.name));
  // Declared sizes first: a bomb is refused before anything is inflated.
  let total = 0;
  for (const e of parts) {
    total += e.size;
    if (e.size > limits.maxPartBytes || total > limits.maxTotalBytes) throw tooLarge(e);
  }
  const errors: ZipErrors = {
    corrupt: (_e, inner) => corrupt(inner instanceof Error ? inner.message : M.zipNoDirectory, inner),
    tooBig: (e) => tooLarge(e),
    unsupported: (e) => corrupt(M.zipMethod(e.method)),
  };
  const pkg = new ZipPackage(bytes, entries, limits.maxTotalBytes, errors);
  const out = new Map<string, Uint8Array>();
  for (const e of parts) out.set(e.name, pkg.entryBytes(e));
  return out;
}
