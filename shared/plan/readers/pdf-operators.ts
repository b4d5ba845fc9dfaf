/**
 * Walks a pdfjs operator list once and returns what the layout reader needs from a page: every glyph with its own
 * position (not pdfjs's text items, which are cut at every font change — a line drawn partly with a fallback font
 * comes out as interleaved pieces with gaps), and the ruling lines of tables. Glyph positions follow the PDF text
 * state (Tm, Td, TL, Tc, Tw, Tz, Ts) exactly as pdfjs's canvas renderer advances them.
 */
import type { PdfSegment, PdfTextItem } from "./pdf-layout.js";

/** The parts of a pdfjs glyph object (operator list, showText) that positions need. */
interface PdfjsGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** The parts of a pdfjs font object (commonObjs) that positions need. */
interface PdfjsFont {
  fontMatrix?: number[];
  vertical?: boolean;
}

/** What the walker needs of pdfjs: the operator codes and a way to look fonts up. */
export interface OperatorSource {
  OPS: Record<string, number>;
  fnArray: number[];
  argsArray: unknown[];
  /** The device transform of the page at scale 1 (viewport.transform). */
  viewport: number[];
  font(name: string): PdfjsFont | null;
}

/** Multiplies two affine matrices [a b c d e f] (m1 applied after m2, as in pdfjs Util.transform). */
export function mul(m1: number[], m2: number[]): number[] {
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

/** The PDF text state (ISO 32000 §9.3) plus the text and line matrices' origins as pdfjs keeps them. */
interface TextState {
  font: PdfjsFont | null;
  fontSize: number;
  direction: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  tm: number[];
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

interface GraphicsState {
  ctm: number[];
  text: TextState;
}

function initialText(): TextState {
  return { font: null, fontSize: 0, direction: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, tm: [1, 0, 0, 1, 0, 0], x: 0, y: 0, lineX: 0, lineY: 0 };
}

/** Glyphs and ruling segments of one page (device space, y downwards). */
export interface PageOperators {
  glyphs: PdfTextItem[];
  segments: PdfSegment[];
}

/** Reads glyphs and ruling lines from a page's operator list. */
export function walkOperators(src: OperatorSource): PageOperators {
  const { OPS } = src;
  const glyphs: PdfTextItem[] = [];
  const paths = new PathCollector(OPS);
  let gs: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], text: initialText() };
  const stack: GraphicsState[] = [];
  const move = (x: number, y: number) => {
    gs.text.x = gs.text.lineX += x;
    gs.text.y = gs.text.lineY += y;
  };
  for (let i = 0; i < src.fnArray.length; i++) {
    const fn = src.fnArray[i];
    const args = (src.argsArray[i] ?? []) as unknown[];
    const t = gs.text;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm: gs.ctm, text: { ...t } });
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = mul(gs.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm: gs.ctm, text: { ...t } });
        if (Array.isArray(args[0])) gs.ctm = mul(gs.ctm, args[0] as number[]);
        break;
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.beginText:
        Object.assign(t, { tm: [1, 0, 0, 1, 0, 0], x: 0, y: 0, lineX: 0, lineY: 0 });
        break;
      case OPS.setFont: {
        const size = Number(args[1]) || 0;
        t.font = src.font(String(args[0]));
        t.fontSize = Math.abs(size);
        t.direction = size < 0 ? -1 : 1;
        break;
      }
      case OPS.setCharSpacing:
        t.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        t.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        t.hScale = (Number(args[0]) || 0) / 100;
        break;
      case OPS.setLeading:
        t.leading = -(Number(args[0]) || 0);
        break;
      case OPS.setTextRise:
        t.rise = Number(args[0]) || 0;
        break;
      case OPS.moveText:
        move(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        t.leading = Number(args[1]) || 0;
        move(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.nextLine:
        move(0, t.leading);
        break;
      case OPS.setTextMatrix:
        t.tm = (Array.isArray(args[0]) ? args[0] : args) as number[];
        Object.assign(t, { x: 0, y: 0, lineX: 0, lineY: 0 });
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(t, gs.ctm, src.viewport, (args[0] ?? []) as (PdfjsGlyph | number)[], glyphs);
        break;
      default:
        paths.op(fn!, args, (x, y) => apply(src.viewport, ...apply(gs.ctm, x, y)));
    }
    if (glyphs.length > 500_000) break; // pathological page
  }
  return { glyphs, segments: paths.out };
}

/** Places each glyph of one showText and advances the text position (pdfjs CanvasGraphics.showText). */
function showText(t: TextState, ctm: number[], viewport: number[], items: (PdfjsGlyph | number)[], out: PdfTextItem[]): void {
  if (!t.fontSize || !t.font) return;
  const fm = t.font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
  const vertical = t.font.vertical === true;
  const hScale = t.hScale * t.direction;
  const m = mul(viewport, mul(ctm, t.tm));
  const advanceScale = t.fontSize * (fm[0] ?? 0.001);
  const size = t.fontSize * Math.hypot(m[2]!, m[3]!);
  const upright = !vertical && Math.abs(m[1]!) <= 0.1 * Math.abs(m[0]!) && m[0]! * hScale > 0;
  let x = 0;
  for (const g of items) {
    if (typeof g === "number") {
      x -= (g * t.fontSize) / 1000;
      continue;
    }
    const spacing = (g.isSpace ? t.wordSpacing : 0) + t.charSpacing;
    const width = (g.width ?? 0) * advanceScale;
    if (upright && g.unicode) {
      const [dx, dy] = apply(m, t.x + x * hScale, t.y + t.rise);
      out.push({ str: g.unicode, x: dx, y: dy, w: width * Math.abs(hScale) * Math.abs(m[0]!), size });
    }
    x += width + spacing * t.direction;
  }
  if (vertical) t.y -= x;
  else t.x += x * hScale;
}

/** Collects the straight lines and thin rectangles a page strokes or fills: a table's borders. */
class PathCollector {
  readonly out: PdfSegment[] = [];
  private pending: { segs: PdfSegment[]; rects: PdfSegment[] } = { segs: [], rects: [] };

  constructor(private readonly OPS: Record<string, number>) {}

  op(fn: number, args: unknown[], toDevice: (x: number, y: number) => [number, number]): void {
    const OPS = this.OPS;
    if (this.out.length > 200_000) return; // pathological page; enough lines to find any table
    if (fn === OPS.constructPath) this.construct(args, toDevice);
    else if ([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(fn)) {
      this.out.push(...this.pending.segs);
      for (const r of this.pending.rects) this.out.push(...rectEdges(r));
      this.pending = { segs: [], rects: [] };
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      // A filled thin rectangle is how many writers draw a border; a filled large one is shading, not a line.
      for (const r of [...this.pending.rects, ...thinBoxes(this.pending.segs)]) {
        const w = r.x2 - r.x1;
        const h = r.y2 - r.y1;
        if (h <= 2.5 && w > h) this.out.push({ x1: r.x1, y1: (r.y1 + r.y2) / 2, x2: r.x2, y2: (r.y1 + r.y2) / 2 });
        else if (w <= 2.5 && h > w) this.out.push({ x1: (r.x1 + r.x2) / 2, y1: r.y1, x2: (r.x1 + r.x2) / 2, y2: r.y2 });
      }
      this.pending = { segs: [], rects: [] };
    } else if (fn === OPS.endPath) {
      this.pending = { segs: [], rects: [] }; // a clipping path, not drawn
    }
  }

  private construct(args: unknown[], toDevice: (x: number, y: number) => [number, number]): void {
    const OPS = this.OPS;
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
        this.pending.segs.push({ x1: cur[0], y1: cur[1], x2: next[0], y2: next[1] });
        cur = next;
        j += 2;
      } else if (op === OPS.rectangle) {
        const [x, y, w, h] = [coords[j]!, coords[j + 1]!, coords[j + 2]!, coords[j + 3]!];
        const p1 = toDevice(x, y);
        const p2 = toDevice(x + w, y + h);
        this.pending.rects.push({ x1: Math.min(p1[0], p2[0]), y1: Math.min(p1[1], p2[1]), x2: Math.max(p1[0], p2[0]), y2: Math.max(p1[1], p2[1]) });
        j += 4;
      } else if (op === OPS.curveTo) j += 6;
      else if (op === OPS.curveTo2 || op === OPS.curveTo3) j += 4;
      else if (op === OPS.closePath) {
        this.pending.segs.push({ x1: cur[0], y1: cur[1], x2: start[0], y2: start[1] });
        cur = start;
      }
    }
  }
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
