import { describe, expect, it } from "vitest";
import { parsePlanBytes, parsePlanText, type Plan } from "../../../shared/plan/index.js";
import { allSeeds } from "../../fixtures/plans/helpers.js";

/** The same plan text as it arrives from other editors and systems. */
const TEXT_VARIANTS: [string, (s: string) => string][] = [
  ["decomposed Unicode (NFD)", (s) => s.normalize("NFD")],
  ["Windows line ends (CRLF)", (s) => s.replace(/\n/g, "\r\n")],
  ["old Mac line ends (CR)", (s) => s.replace(/\n/g, "\r")],
  ["a UTF-8 byte-order mark", (s) => `\uFEFF${s}`],
  ["NFD, CRLF and a BOM together", (s) => `\uFEFF${s.normalize("NFD").replace(/\n/g, "\r\n")}`],
];

/** The same file as bytes: UTF-8 with a BOM, and Notepad's "Unicode" (UTF-16 LE with a BOM). */
const BYTE_VARIANTS: [string, (s: string) => Uint8Array][] = [
  ["UTF-8 with a BOM", (s) => new TextEncoder().encode(`\uFEFF${s}`)],
  [
    "UTF-16 LE with a BOM, CRLF",
    (s) => {
      const text = `\uFEFF${s.replace(/\n/g, "\r\n")}`;
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 * i] = c & 0xff;
        out[2 * i + 1] = c >> 8;
      }
      return out;
    },
  ],
];

const seeds = allSeeds();
const originals = new Map<string, Plan>();
const original = (file: string, text: string): Plan => {
  let plan = originals.get(file);
  if (!plan) {
    plan = parsePlanText(text, { fileName: file });
    originals.set(file, plan);
  }
  return plan;
};

describe.each(seeds)("seed %s (%s)", (_id, file, text) => {
  it("has all five seeds and a plan with tasks to compare", () => {
    expect(seeds).toHaveLength(5);
    expect(original(file, text).tasks.length).toBeGreaterThan(0);
  });

  it.each(TEXT_VARIANTS)("text with %s parses identically", (_name, variant) => {
    const changed = variant(text);
    expect(changed).not.toBe(text);
    expect(parsePlanText(changed, { fileName: file })).toEqual(original(file, text));
  });

  it.each(BYTE_VARIANTS)("a file in %s parses identically", async (_name, encode) => {
    expect(await parsePlanBytes(encode(text), file)).toEqual(original(file, text));
  });
});
