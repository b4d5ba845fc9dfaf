/**
 * Bounded unzip of the parts an Office file reader needs (fflate, synchronous, browser-safe).
 * Untrusted input: the declared size of each wanted part is checked before inflating, and fflate inflates into a
 * buffer of exactly that size, so a zip bomb cannot make us allocate more than the caps below.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";

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

/** True when the bytes are an OLE2 compound file: a legacy .doc/.xls (or an encrypted Office file). */
export function looksLikeOle2(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
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
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > limits.maxPartBytes || total > limits.maxTotalBytes) {
          const limitMb = Math.max(1, Math.round(limits.maxPartBytes / MB));
          throw new UnusableInputError(M.zipEntryTooLarge(fileName, f.name, limitMb), { file: fileName });
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof UnusableInputError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new UnusableInputError(M.corruptZip(fileName, kind, detail), { file: fileName }, e);
  }
  return new Map(Object.entries(unzipped));
}

/** Decodes an XML part as UTF-8 (Office writes UTF-8; a UTF-16 part would start with a BOM, which we honour). */
export function partText(part: Uint8Array): string {
  if (part.length >= 2 && part[0] === 0xff && part[1] === 0xfe) return new TextDecoder("utf-16le").decode(part);
  if (part.length >= 2 && part[0] === 0xfe && part[1] === 0xff) return new TextDecoder("utf-16be").decode(part);
  return new TextDecoder("utf-8").decode(part);
}
