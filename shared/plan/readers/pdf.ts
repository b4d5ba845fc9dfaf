/**
 * Reads a PDF plan's text layer glyph by glyph with positions (pdfjs-dist, legacy build, operator list walked by
 * pdf-operators.ts) and hands the geometry to pdf-layout.ts.
 * PDFs are untrusted: size, page count and time are capped; no worker, no network, no font loading, no eval.
 * pdfjs is imported lazily, so bundles that never read a PDF do not load it.
 */
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import type { ExtractedDocument } from "./document.js";
import { layoutPdfPages, type PdfPageGeometry } from "./pdf-layout.js";
import { walkOperators } from "./pdf-operators.js";
import { checkInputSize } from "./zip.js";

/** Limits for reading one PDF. */
export interface PdfLimits {
  /** Most pages read (a plan is a few dozen pages). */
  maxPages: number;
  /** Wall-clock budget for the whole file, in milliseconds. */
  timeLimitMs: number;
  /** The clock the budget is measured with (a parameter, so tests can make time pass). */
  now?: () => number;
}

/** Default limits: 300 pages, 60 seconds. */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 300, timeLimitMs: 60_000 };

// Minimal structural types for the parts of pdfjs we use (its own .d.ts paths move between versions).
interface PdfjsViewport {
  width: number;
  height: number;
  transform: number[];
}
interface PdfjsPage {
  getViewport(p: { scale: number }): PdfjsViewport;
  getOperatorList(p?: object): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): void;
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}
interface PdfjsModule {
  getDocument(src: object): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}

let pdfjsPromise: Promise<PdfjsModule> | null = null;

/**
 * Loads pdfjs with its worker code on the main thread ("fake worker"): the worker module is imported and exposed
 * as globalThis.pdfjsWorker, which pdfjs uses instead of spawning a Worker from a URL — so it needs no workerSrc
 * and works the same in Node and in the add-in's browser bundle.
 */
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfjsModule;
  })();
  return pdfjsPromise;
}

class Timeout extends Error {}

/** Reads a PDF into paragraphs and tables. Throws UnusableInputError for a corrupt, encrypted, huge or scanned file. */
export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<ExtractedDocument> {
  checkInputSize(bytes, fileName);
  checkPdfEnvelope(bytes, fileName);
  const pdfjs = await loadPdfjs();
  const now = limits.now ?? (() => Date.now());
  const started = now();
  let currentPage = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), limits.timeLimitMs);
  });
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdfjs transfers (detaches) the buffer it is given
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await Promise.race([task.promise, timeout]);
    if (doc.numPages > limits.maxPages) {
      throw new UnusableInputError(M.pdfTooManyPages(fileName, doc.numPages, limits.maxPages), { file: fileName });
    }
    const pages: PdfPageGeometry[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      currentPage = n;
      // The timer catches a page that hangs; the clock check catches many pages that are each merely slow.
      if (now() - started > limits.timeLimitMs) throw new Timeout();
      pages.push(await Promise.race([readPage(pdfjs, doc, n), timeout]));
    }
    const textless = pages.filter((p) => p.items.every((it) => !it.str.trim())).map((p) => p.page);
    if (textless.length === pages.length) {
      throw new UnusableInputError(M.pdfNoTextLayer(fileName, pages.length), { file: fileName, page: 1 });
    }
    const doc2 = layoutPdfPages(pages);
    if (textless.length > 0) doc2.warnings.push({ page: textless[0], message: M.pdfScannedPages(textless.join(", ")) });
    return doc2;
  } catch (e) {
    throw toUnusable(e, fileName, currentPage, limits);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}

/** Refuses files that are not PDFs at all, or whose end is missing (a cut-off download would be read partly). */
function checkPdfEnvelope(bytes: Uint8Array, fileName: string): void {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw new UnusableInputError(M.pdfInvalid(fileName, "thiếu phần đầu %PDF"), { file: fileName });
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  if (!tail.includes("%%EOF")) {
    throw new UnusableInputError(M.pdfInvalid(fileName, "tệp bị cắt cụt, thiếu phần kết thúc %%EOF"), { file: fileName });
  }
}

function toUnusable(e: unknown, fileName: string, page: number, limits: PdfLimits): unknown {
  if (e instanceof UnusableInputError) return e;
  if (e instanceof Timeout) {
    return new UnusableInputError(M.pdfTimeout(fileName, page, Math.round(limits.timeLimitMs / 1000)), { file: fileName, page });
  }
  const name = (e as { name?: string } | null)?.name ?? "";
  const detail = e instanceof Error ? e.message : String(e);
  if (name === "PasswordException") return new UnusableInputError(M.pdfEncrypted(fileName), { file: fileName }, e);
  if (page > 0) return new UnusableInputError(M.pdfPageUnreadable(fileName, page, detail), { file: fileName, page }, e);
  return new UnusableInputError(M.pdfInvalid(fileName, detail), { file: fileName }, e);
}

async function readPage(pdfjs: PdfjsModule, doc: PdfjsDocument, n: number): Promise<PdfPageGeometry> {
  const page = await doc.getPage(n);
  const vp = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList({ annotationMode: 0 });
  const font = (name: string) => {
    try {
      return page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[]; vertical?: boolean }) : null;
    } catch {
      return null;
    }
  };
  const { glyphs, segments } = walkOperators({ OPS: pdfjs.OPS, fnArray: ops.fnArray, argsArray: ops.argsArray, viewport: vp.transform, font });
  page.cleanup();
  return { page: n, width: vp.width, height: vp.height, items: glyphs, segments };
}
