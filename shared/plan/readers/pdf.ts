/**
 * Reads a PDF plan's text layer with positions (pdfjs-dist, legacy build) and hands the geometry to pdf-layout.ts.
 * PDFs are untrusted: size, page count and time are capped; no worker, no network, no font loading, no eval.
 * pdfjs is imported lazily, so bundles that never read a PDF do not load it.
 */
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import type { ExtractedDocument } from "./document.js";
import { layoutPdfPages, type PdfPageGeometry, type PdfSegment, type PdfTextItem } from "./pdf-layout.js";
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
interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
interface PdfjsViewport {
  width: number;
  height: number;
  transform: number[];
}
interface PdfjsPage {
  getViewport(p: { scale: number }): PdfjsViewport;
  getTextContent(p?: object): Promise<{ items: (PdfjsTextItem | { type: string })[] }>;
  getOperatorList(p?: object): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
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

/** Multiplies two affine matrices [a b c d e f] (m1 applied after m2, as in pdfjs Util.transform). */
function mul(m1: number[], m2: number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number];
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

async function readPage(pdfjs: PdfjsModule, doc: PdfjsDocument, n: number): Promise<PdfPageGeometry> {
  const page = await doc.getPage(n);
  const vp = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ includeMarkedContent: false });
  const items: PdfTextItem[] = [];
  for (const raw of content.items) {
    if (!("str" in raw) || !raw.str) continue;
    const m = mul(vp.transform, raw.transform);
    const size = Math.hypot(m[2]!, m[3]!);
    // Keep upright text only; rotated stamps and margin notes are not plan content.
    if (Math.abs(m[1]!) > 0.1 * Math.abs(m[0]!) || m[0]! <= 0) continue;
    const scaleX = Math.hypot(vp.transform[0]!, vp.transform[1]!);
    items.push({ str: raw.str, x: m[4]!, y: m[5]!, w: raw.width * scaleX, size: size || raw.height });
  }
  // Ruling lines are only needed where there is text to place in a table.
  const segments = items.length > 0 ? await pageSegments(pdfjs, page, vp) : [];
  page.cleanup();
  return { page: n, width: vp.width, height: vp.height, items, segments };
}

/** The straight lines and thin rectangles a page strokes or fills: a table's borders. */
async function pageSegments(pdfjs: PdfjsModule, page: PdfjsPage, vp: PdfjsViewport): Promise<PdfSegment[]> {
  const OPS = pdfjs.OPS;
  const ops = await page.getOperatorList({ annotationMode: 0 });
  const out: PdfSegment[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let pending: { segs: PdfSegment[]; rects: PdfSegment[] } = { segs: [], rects: [] };
  const toDevice = (x: number, y: number) => apply(vp.transform, ...apply(ctm, x, y));
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [pathOps, coords] = args as [number[], number[]];
      let j = 0;
      let cur: [number, number] = [0, 0];
      let start: [number, number] = [0, 0];
      for (const op of pathOps) {
        if (op === OPS.moveTo) {
          cur = toDevice(coords[j]!, coords[j + 1]!);
          start = cur;
          j += 2;
        } else if (op === OPS.lineTo) {
          const next = toDevice(coords[j]!, coords[j + 1]!);
          pending.segs.push({ x1: cur[0], y1: cur[1], x2: next[0], y2: next[1] });
          cur = next;
          j += 2;
        } else if (op === OPS.rectangle) {
          const [x, y, w, h] = [coords[j]!, coords[j + 1]!, coords[j + 2]!, coords[j + 3]!];
          const p1 = toDevice(x, y);
          const p2 = toDevice(x + w, y + h);
          pending.rects.push({ x1: Math.min(p1[0], p2[0]), y1: Math.min(p1[1], p2[1]), x2: Math.max(p1[0], p2[0]), y2: Math.max(p1[1], p2[1]) });
          j += 4;
        } else if (op === OPS.curveTo) j += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) j += 4;
        else if (op === OPS.closePath) {
          pending.segs.push({ x1: cur[0], y1: cur[1], x2: start[0], y2: start[1] });
          cur = start;
        }
      }
    } else if (fn === OPS.stroke || fn === OPS.closeStroke || fn === OPS.fillStroke || fn === OPS.eoFillStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) {
      out.push(...pending.segs);
      for (const r of pending.rects) out.push(...rectEdges(r));
      pending = { segs: [], rects: [] };
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      // A filled thin rectangle is how many writers draw a border; a filled large one is shading, not a line.
      for (const r of [...pending.rects, ...thinBoxes(pending.segs)]) {
        const w = r.x2 - r.x1;
        const h = r.y2 - r.y1;
        if (h <= 2.5 && w > h) out.push({ x1: r.x1, y1: (r.y1 + r.y2) / 2, x2: r.x2, y2: (r.y1 + r.y2) / 2 });
        else if (w <= 2.5 && h > w) out.push({ x1: (r.x1 + r.x2) / 2, y1: r.y1, x2: (r.x1 + r.x2) / 2, y2: r.y2 });
      }
      pending = { segs: [], rects: [] };
    } else if (fn === OPS.endPath) {
      pending = { segs: [], rects: [] }; // a clipping path, not drawn
    }
    if (out.length > 200_000) break; // pathological page; enough lines to find any table
  }
  return out;
}

function rectEdges(r: PdfSegment): PdfSegment[] {
  return [
    { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y1 },
    { x1: r.x1, y1: r.y2, x2: r.x2, y2: r.y2 },
    { x1: r.x1, y1: r.y1, x2: r.x1, y2: r.y2 },
    { x1: r.x2, y1: r.y1, x2: r.x2, y2: r.y2 },
  ];
}

/** The bounding box of a closed polygon drawn as lines (a rectangle written with moveTo/lineTo). */
function thinBoxes(segs: PdfSegment[]): PdfSegment[] {
  if (segs.length < 3) return [];
  const xs = segs.flatMap((s) => [s.x1, s.x2]);
  const ys = segs.flatMap((s) => [s.y1, s.y2]);
  return [{ x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) }];
}
