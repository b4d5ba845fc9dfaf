/**
 * The one bounded unzip of the project: Office files (.xlsx, .docx) are untrusted zips. Every reader opens them here.
 *
 * Bombs are bounded twice: the zip's declared sizes are checked first, and every part that is inflated is inflated
 * with a byte counter that stops at the smaller of its declared size and what is left of the budget, so neither
 * memory nor time grows with what a file claims. Parts that are not asked for are never inflated.
 * openXlsxPackage adds the workbook checks (empty, too large, password or old .xls, not a zip, not a workbook, zip
 * bomb) with their Vietnamese messages; other formats pass their own errors (ZipErrors). Pure and synchronous.
 */
import { Inflate, inflateSync } from "fflate";
import { UnusableInputError } from "../errors.js";
import { entriesMessages as M } from "../messages/entries.js";

/** Limits of what is read. A tracker of a thousand tasks is well under 1 MB zipped and 10 MB inflated. */
export interface XlsxLimits {
  /** Largest file accepted (bytes). */
  maxBytes: number;
  /** Largest total inflated size of the zip's entries (bytes). */
  maxInflated: number;
  /** Most zip entries. */
  maxEntries: number;
  /** Rows and columns kept per sheet; beyond them the sheet is marked truncated. */
  maxRows: number;
  maxCols: number;
}

/** Default limits of every .xlsx reader. */
export const XLSX_LIMITS: XlsxLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflated: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRows: 100_000,
  maxCols: 256,
};

/**
 * A faster raw-deflate inflater from the host (Node's zlib), called with the compressed bytes and the most bytes
 * the part may produce; it returns null when the output would be longer and must stop there (zlib's
 * maxOutputLength does). Default: fflate, in JavaScript, with the same bound.
 */
export type InflateRaw = (data: Uint8Array, maxLength: number) => Uint8Array | null;

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** How a reader words the refusals a package raises while inflating (Excel and Word readers word them differently). */
export interface ZipErrors {
  /** Broken compressed data or headers. */
  corrupt(entry: ZipEntry | null, inner?: unknown): UnusableInputError;
  /** A part produced more than `cap` bytes; `lie` when `cap` was its own declared size. */
  tooBig(entry: ZipEntry, lie: boolean): UnusableInputError;
  /** A compression method other than stored or deflate. */
  unsupported(entry: ZipEntry): UnusableInputError;
}

const MB = 1024 * 1024;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const INFLATE_STEP = 64 * 1024;
/** Parts up to this compressed size are inflated in one call (see ZipPackage.inflate). */
const ONE_SHOT_COMPRESSED = 64 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
let utf8Decoder: TextDecoder | undefined;
/** Made on first use: Apps Script gets TextDecoder from a polyfill installed after the modules load. */
const utf8 = () => (utf8Decoder ??= new TextDecoder("utf-8"));

/** True when the bytes are an OLE2 compound file: a legacy .doc/.xls, or an encrypted (password) Office file. */
export function looksLikeOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((v, i) => bytes[i] === v);
}

/** Lists a zip's central directory; null when there is no readable one (or it needs Zip64, which no Office file does). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  // Zip64 markers: treat as unreadable rather than trusting 64-bit sizes.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff || cdOffset + cdSize > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLen = u16(bytes, p + 28);
    if (p + 46 + nameLen > bytes.length) return null;
    entries.push({
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      name: utf8().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** Decodes an XML part as UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function partText(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  return utf8().decode(data);
}

/** A zip with a shared inflation budget; parts are inflated only when asked for. */
export class ZipPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private budget: number;
  /** Makes a package of a listed zip; `budget` is the most bytes all inflated parts together may produce. */
  constructor(
    private readonly data: Uint8Array,
    readonly entries: ZipEntry[],
    budget: number,
    private readonly errors: ZipErrors,
    private readonly inflateRaw?: InflateRaw,
  ) {
    // Part names compare case-insensitively (OPC); a leading "/" is not part of a zip name.
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
    this.budget = budget;
  }

  /** The entry of a part, if the package has it. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** Whether the package has a part. */
  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** Inflates a part; null when the package has no such part. */
  bytes(name: string): Uint8Array | null {
    const e = this.entry(name);
    return e ? this.inflate(e, true)! : null;
  }

  /** Inflates one listed entry (a reader that picks entries itself, as the Word reader does). */
  entryBytes(e: ZipEntry): Uint8Array {
    return this.inflate(e, true)!;
  }

  /** Inflates a part as text (UTF-8, or UTF-16 with a byte-order mark); null when the package has no such part. */
  text(name: string): string | null {
    const data = this.bytes(name);
    return data === null ? null : partText(data);
  }

  /** Inflates every part once, keeping nothing: proves the whole zip is readable and within the budget. */
  checkAll(): void {
    for (const e of this.entries) if (!e.name.endsWith("/")) this.inflate(e, false);
  }

  private inflate(e: ZipEntry, keep: boolean): Uint8Array | null {
    const b = this.data;
    const p = e.localOffset;
    if (p + 30 > b.length || u32(b, p) !== 0x04034b50) throw this.errors.corrupt(e);
    const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw this.errors.corrupt(e);
    // A part may not inflate past what it declares (lying headers) nor past what is left of the budget.
    const cap = Math.min(e.size, this.budget);
    const tooBig = () => this.errors.tooBig(e, cap >= e.size);
    if (e.method === 0) {
      if (e.compressedSize > cap) throw tooBig();
      this.budget -= e.compressedSize;
      return b.subarray(start, end);
    }
    if (e.method !== 8) throw this.errors.unsupported(e);
    if (this.inflateRaw && keep) {
      let out: Uint8Array | null;
      try {
        out = this.inflateRaw(b.subarray(start, end), cap);
      } catch (error) {
        throw this.errors.corrupt(e, error);
      }
      if (out === null || out.length > cap) throw tooBig();
      this.budget -= out.length;
      return out;
    }
    if (keep && e.compressedSize <= ONE_SHOT_COMPRESSED) {
      // Small parts in one call into a buffer one byte larger than allowed: fflate stops writing at the end of the
      // buffer, so a longer result means the part lies about its size. Deflate expands at most 1032:1, so the
      // work stays bounded (≤ 64 MB of output for a 64 KB part) even when it does.
      let out: Uint8Array;
      try {
        out = inflateSync(b.subarray(start, end), { out: new Uint8Array(cap + 1) });
      } catch (error) {
        throw this.errors.corrupt(e, error);
      }
      if (out.length > cap) throw tooBig();
      this.budget -= out.length;
      return out;
    }
    const out = keep ? new Uint8Array(cap) : null;
    let produced = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      if (produced + chunk.length > cap) {
        over = true;
        return;
      }
      out?.set(chunk, produced);
      produced += chunk.length;
    });
    try {
      for (let at = start; at < end && !over; at += INFLATE_STEP) {
        const stop = Math.min(end, at + INFLATE_STEP);
        inflater.push(b.subarray(at, stop), stop === end);
      }
    } catch (error) {
      throw this.errors.corrupt(e, error);
    }
    if (over) throw tooBig();
    this.budget -= produced;
    if (!out) return null;
    return produced === out.length ? out : out.subarray(0, produced);
  }
}

/** The refusals of a workbook's zip, in the words of the .xlsx readers. */
function xlsxErrors(file: string, limits: XlsxLimits): ZipErrors {
  return {
    corrupt: (_e, inner) => new UnusableInputError(M.corruptZip(file), { file }, inner),
    tooBig: (_e, lie) => new UnusableInputError(lie ? M.zipSizeLie(file) : M.zipBomb(file, Math.round(limits.maxInflated / MB)), { file }),
    unsupported: () => new UnusableInputError(M.notWorkbook(file), { file }),
  };
}

/**
 * Checks the bytes look like a usable .xlsx and opens its zip directory without inflating anything: refuses empty,
 * oversized, password-protected and old .xls files, non-zips, zips with too many entries or declaring more than the
 * budget, and zips without [Content_Types].xml.
 */
export function openXlsxPackage(bytes: Uint8Array, file: string, limits: XlsxLimits, inflateRaw?: InflateRaw): ZipPackage {
  if (bytes.length === 0) throw new UnusableInputError(M.emptyFile(file), { file });
  if (bytes.length > limits.maxBytes) throw new UnusableInputError(M.tooLarge(file, Math.round(limits.maxBytes / MB)), { file });
  if (looksLikeOle2(bytes)) throw new UnusableInputError(M.encrypted(file), { file });
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnusableInputError(M.notZip(file), { file });
  const entries = listZipEntries(bytes);
  if (!entries) throw new UnusableInputError(M.corruptZip(file), { file });
  const limitMb = Math.round(limits.maxInflated / MB);
  if (entries.length > limits.maxEntries) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
  if (entries.some((e) => (e.flags & 1) === 1)) throw new UnusableInputError(M.encrypted(file), { file });
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.maxInflated) throw new UnusableInputError(M.zipBomb(file, limitMb), { file });
  const pkg = new ZipPackage(bytes, entries, limits.maxInflated, xlsxErrors(file, limits), inflateRaw);
  if (!pkg.has("[Content_Types].xml")) throw new UnusableInputError(M.notWorkbook(file), { file });
  return pkg;
}

/**
 * Refuses bytes that are not a usable .xlsx for a reader that unzips everything (exceljs): the checks of
 * openXlsxPackage, xl/workbook.xml where exceljs looks for it, and every part inflated once with the byte counter.
 * Returns the zip's entries.
 */
export function assertUsableXlsx(bytes: Uint8Array, file: string, limits: Partial<XlsxLimits> = {}): ZipEntry[] {
  const pkg = openXlsxPackage(bytes, file, { ...XLSX_LIMITS, ...limits });
  const names = new Set(pkg.entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw new UnusableInputError(M.notWorkbook(file), { file });
  pkg.checkAll();
  return pkg.entries;
}
