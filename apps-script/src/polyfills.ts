/**
 * What Apps Script's V8 lacks and the shared core uses: TextDecoder (UTF-8, UTF-16LE/BE) and TextEncoder (UTF-8).
 * Installed only when absent, so Node and browsers keep their own.
 */

/** UTF-8 decoding as the WHATWG Encoding Standard specifies it (one U+FFFD per maximal invalid subpart). */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  const out: string[] = [];
  let chunk: number[] = [];
  const emit = (unit: number) => {
    chunk.push(unit);
    if (chunk.length > 8000) {
      out.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  };
  const bad = () => {
    if (fatal) throw new TypeError("The encoded data was not valid for encoding utf-8");
    emit(0xfffd);
  };
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (needed === 0) {
      i++;
      if (b <= 0x7f) emit(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x07;
      } else bad();
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence is cut short: one replacement for it, and this byte is read again as a new start.
      cp = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      bad();
      continue;
    }
    i++;
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen < needed) continue;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      emit(0xd800 + (v >> 10));
      emit(0xdc00 + (v & 0x3ff));
    } else emit(cp);
    cp = needed = seen = 0;
  }
  if (needed !== 0) bad();
  if (chunk.length) out.push(String.fromCharCode(...chunk));
  return out.join("");
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const out: string[] = [];
  let chunk: number[] = [];
  const bom = littleEndian ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
  for (let i = bom ? 2 : 0; i + 1 < bytes.length; i += 2) {
    chunk.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (chunk.length > 8000) {
      out.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  if (chunk.length) out.push(String.fromCharCode(...chunk));
  return out.join("");
}

/** A WHATWG-compatible TextDecoder for the encodings the core uses. */
export class Utf8TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  constructor(label = "utf-8", options: { fatal?: boolean } = {}) {
    const l = label.toLowerCase();
    this.encoding = l === "utf8" ? "utf-8" : l;
    if (!["utf-8", "utf-16le", "utf-16be", "utf-16"].includes(this.encoding)) {
      throw new RangeError(`The "${label}" encoding is not supported`);
    }
    this.fatal = options.fatal ?? false;
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (!input) return "";
    const bytes =
      input instanceof Uint8Array
        ? input
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
    if (this.encoding === "utf-8") return decodeUtf8(bytes, this.fatal);
    return decodeUtf16(bytes, this.encoding !== "utf-16be");
  }
}

/** A UTF-8 TextEncoder. */
export class Utf8TextEncoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    const out: number[] = [];
    for (let i = 0; i < input.length; i++) {
      let cp = input.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < input.length) {
        const lo = input.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
    return new Uint8Array(out);
  }
}

/** Installs the polyfills on the global object where missing. */
export function installPolyfills(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.TextDecoder === "undefined") g.TextDecoder = Utf8TextDecoder;
  if (typeof g.TextEncoder === "undefined") g.TextEncoder = Utf8TextEncoder;
}
