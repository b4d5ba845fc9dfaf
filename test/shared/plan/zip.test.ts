/** The plan readers' bounded unzip (shared/plan/readers/zip.ts), which goes through the shared zip guard. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UnusableInputError } from "../../../shared/errors.js";
import { planFileMessages as M } from "../../../shared/messages/plan-files.js";
import { unzipParts } from "../../../shared/plan/readers/zip.js";

/** Sets the declared uncompressed size of every entry (local and central headers) — a lying zip. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("unzipParts", () => {
  it("returns only the wanted parts, inflated", () => {
    const zip = zipSync({ "word/document.xml": strToU8("<w:document/>"), "word/media/a.png": new Uint8Array(5000) });
    const parts = unzipParts(zip, "kh.docx", "Word (.docx)", (n) => n.startsWith("word/") && n.endsWith(".xml"));
    expect([...parts.keys()]).toEqual(["word/document.xml"]);
    expect(new TextDecoder().decode(parts.get("word/document.xml"))).toBe("<w:document/>");
  });

  it("refuses a part that inflates past the size it declares (a lying zip bomb), naming the part", () => {
    const bomb = lieAboutSizes(zipSync({ "word/document.xml": new Uint8Array(4 * 1024 * 1024) }), 100);
    let error: unknown;
    try {
      unzipParts(bomb, "kh.docx", "Word (.docx)", () => true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as UnusableInputError).message).toBe(M.zipEntryTooLarge("kh.docx", "word/document.xml", 100));
  });

  it("refuses a zip without a readable directory as a corrupt file of its kind", () => {
    const cut = zipSync({ "word/document.xml": strToU8("x".repeat(3000)) }).slice(0, 60);
    expect(() => unzipParts(cut, "kh.docx", "Word (.docx)", () => true)).toThrow(M.corruptZip("kh.docx", "Word (.docx)", M.zipNoDirectory));
  });
});
