/** The TextDecoder/TextEncoder polyfills Apps Script gets, against Node's own. */
import { describe, expect, it } from "vitest";
import { Utf8TextDecoder, Utf8TextEncoder } from "../../apps-script/src/polyfills.js";

const SAMPLES = ["", "abc", "Cải cách hành chính — Quý IV/2026", "😀 emoji 𝕏", "\u0000\u007f\u0080\u07ff\u0800\uffff", "e\u0301 (NFD)"];

describe("TextEncoder polyfill", () => {
  it.each(SAMPLES)("encodes %j like Node", (s) => {
    expect(new Utf8TextEncoder().encode(s)).toEqual(new TextEncoder().encode(s));
  });
  it("replaces lone surrogates", () => {
    expect(new Utf8TextEncoder().encode("a\ud800b")).toEqual(new TextEncoder().encode("a\ud800b"));
  });
});

describe("TextDecoder polyfill", () => {
  it.each(SAMPLES)("decodes %j like Node", (s) => {
    const bytes = new TextEncoder().encode(s);
    expect(new Utf8TextDecoder("utf-8").decode(bytes)).toBe(new TextDecoder("utf-8").decode(bytes));
  });

  it("strips the BOM and decodes a long text", () => {
    const text = "Kế hoạch số 12/KH-UBND ".repeat(5000);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(new Utf8TextDecoder().decode(bytes)).toBe(text);
  });

  it.each([
    [[0xc3], "truncated"],
    [[0xff, 0x41], "invalid lead"],
    [[0xe0, 0x80, 0x80], "overlong"],
    [[0xed, 0xa0, 0x80], "surrogate"],
    [[0xf4, 0x90, 0x80, 0x80], "above U+10FFFF"],
    [[0x41, 0xe2, 0x82, 0x41], "cut sequence"],
  ])("replaces bad bytes %j (%s) like Node, and throws when fatal", (bytes) => {
    const u8 = new Uint8Array(bytes);
    expect(new Utf8TextDecoder().decode(u8)).toBe(new TextDecoder().decode(u8));
    expect(() => new Utf8TextDecoder("utf-8", { fatal: true }).decode(u8)).toThrow(TypeError);
  });

  it.each(["utf-16le", "utf-16be"] as const)("decodes %s with and without BOM", (enc) => {
    const s = "Phòng Văn hóa – Xã hội 😀";
    const le = enc === "utf-16le";
    const units = [0xfeff];
    for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i));
    const bytes = new Uint8Array(units.flatMap((u) => (le ? [u & 255, u >> 8] : [u >> 8, u & 255])));
    expect(new Utf8TextDecoder(enc).decode(bytes)).toBe(s);
    expect(new Utf8TextDecoder(enc).decode(bytes.subarray(2))).toBe(s);
  });

  it("decodes 2,000 pseudo-random byte strings exactly like Node", () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Bytes biased towards UTF-8 lead and continuation bytes, where decoders disagree if they are wrong.
    const pool = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]!);
      expect(new Utf8TextDecoder().decode(bytes), Array.from(bytes).join(",")).toBe(new TextDecoder().decode(bytes));
    }
  });

  it("refuses encodings it does not know", () => {
    expect(() => new Utf8TextDecoder("windows-1258")).toThrow(RangeError);
  });
});
