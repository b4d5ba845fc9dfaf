// Draws the add-in's icons (ribbon 16/32/80 px, app 32/64/128 px) as PNG files in addin/assets/.
// A tiny vector rasteriser (4×4 supersampling) and a PNG writer on node:zlib: no image tools needed, and the
// glyphs stay crisp at 16 px because stroke widths never drop below ~1.4 px.
// Run: node addin/tools/make-icons.mjs   (the PNGs are committed; the build only copies them)
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const OUT = new URL("../assets/", import.meta.url);

// ---------------------------------------------------------------- PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (Float32 0..1, premultiplied) → PNG bytes (8-bit RGBA, no filter). */
function encodePng(size, px) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const a = px[i + 3];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let k = 0; k < 3; k++) raw[o + k] = a > 0 ? Math.round(Math.min(1, px[i + k] / a) * 255) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- shapes (coordinates 0..1 of the icon)

const hex = (h) => [parseInt(h.slice(0, 2), 16) / 255, parseInt(h.slice(2, 4), 16) / 255, parseInt(h.slice(4, 6), 16) / 255];

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const halfDisc = (cx, cy, r) => (x, y) => x <= cx && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function segDist(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
/** A polyline with round joins and caps, `w` wide. */
const stroke = (points, w) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) if (segDist(x, y, points[i], points[i + 1]) <= w / 2) return true;
  return false;
};

/** Paints layers [{ shape, color, alpha }] at a size; stroke widths given as functions of the size stay ≥ 1.4 px. */
function raster(size, layers) {
  const px = new Float32Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < S; sy++) {
          for (let sx = 0; sx < S; sx++) if (layer.shape((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size)) hits++;
        }
        if (hits === 0) continue;
        const a = (hits / (S * S)) * (layer.alpha ?? 1);
        const [r, g, b] = hex(layer.color);
        // Source-over with premultiplied colour.
        px[i] = r * a + px[i] * (1 - a);
        px[i + 1] = g * a + px[i + 1] * (1 - a);
        px[i + 2] = b * a + px[i + 2] * (1 - a);
        px[i + 3] = a + px[i + 3] * (1 - a);
      }
    }
  }
  return encodePng(size, px);
}

// ---------------------------------------------------------------- glyphs

const BLUE = "0F6CBD";
const WHITE = "FFFFFF";
const px = (size, n) => n / size;

/** The app / task pane glyph: a check-list on a blue rounded square. */
function checklist(size) {
  const w = Math.max(px(size, 1.6), 0.085);
  const rows = [0.3, 0.52, 0.74];
  const layers = [{ shape: roundRect(0.04, 0.04, 0.96, 0.96, 0.2), color: BLUE }];
  rows.forEach((y, i) => {
    const done = i < 2;
    if (done) layers.push({ shape: stroke([[0.2, y], [0.27, y + 0.065], [0.4, y - 0.075]], w), color: WHITE });
    else layers.push({ shape: ring(0.3, y, 0.07, w * 0.8), color: WHITE });
    layers.push({ shape: stroke([[0.5, y], [0.8, y]], w), color: WHITE, alpha: done ? 0.75 : 1 });
  });
  return layers;
}

/** The Trạng thái menu: the four status colours as a 2×2 grid of rounded tiles. */
function statusGrid() {
  const g = 0.08;
  const tiles = [
    ["8A8886", 0.06, 0.06],
    ["0F6CBD", 0.5 + g / 2, 0.06],
    ["107C10", 0.06, 0.5 + g / 2],
    ["C50F1F", 0.5 + g / 2, 0.5 + g / 2],
  ];
  return tiles.map(([color, x, y]) => ({ shape: roundRect(x, y, x + 0.44 - g / 2, y + 0.44 - g / 2, 0.1), color }));
}

/** Chưa triển khai: an empty grey ring. */
function notStarted(size) {
  return [{ shape: ring(0.5, 0.5, 0.36, Math.max(px(size, 1.6), 0.1)), color: "8A8886" }];
}
/** Đang thực hiện: a blue ring, half filled. */
function inProgress(size) {
  return [
    { shape: ring(0.5, 0.5, 0.36, Math.max(px(size, 1.6), 0.1)), color: "0F6CBD" },
    { shape: halfDisc(0.5, 0.5, 0.3), color: "0F6CBD" },
  ];
}
/** Hoàn thành: a green disc with a white check. */
function done(size) {
  return [
    { shape: circle(0.5, 0.5, 0.42), color: "107C10" },
    { shape: stroke([[0.3, 0.52], [0.44, 0.66], [0.7, 0.37]], Math.max(px(size, 1.7), 0.1)), color: WHITE },
  ];
}
/** Không thực hiện: a red disc with a white bar. */
function dropped(size) {
  return [
    { shape: circle(0.5, 0.5, 0.42), color: "C50F1F" },
    { shape: stroke([[0.3, 0.5], [0.7, 0.5]], Math.max(px(size, 1.8), 0.11)), color: WHITE },
  ];
}
/** Kiểm tra: a magnifier over a check. */
function check(size) {
  const w = Math.max(px(size, 1.7), 0.1);
  return [
    { shape: ring(0.42, 0.42, 0.28, w), color: "323130" },
    { shape: stroke([[0.62, 0.62], [0.88, 0.88]], w * 1.5), color: "323130" },
    { shape: stroke([[0.3, 0.43], [0.39, 0.52], [0.55, 0.33]], w * 0.9), color: "107C10" },
  ];
}
/** Tổng hợp quý: a bar chart on a baseline. */
function summary(size) {
  const w = Math.max(px(size, 1.4), 0.07);
  return [
    { shape: rect(0.16, 0.52, 0.32, 0.86), color: "8A8886" },
    { shape: rect(0.42, 0.34, 0.58, 0.86), color: "0F6CBD" },
    { shape: rect(0.68, 0.14, 0.84, 0.86), color: "107C10" },
    { shape: stroke([[0.08, 0.9], [0.92, 0.9]], w), color: "323130" },
  ];
}

const GLYPHS = { app: checklist, status: statusGrid, "not-started": notStarted, "in-progress": inProgress, done, dropped, check, summary };
const RIBBON_SIZES = [16, 32, 80];

mkdirSync(OUT, { recursive: true });
for (const [name, glyph] of Object.entries(GLYPHS)) {
  const sizes = name === "app" ? [...RIBBON_SIZES, 64, 128] : RIBBON_SIZES;
  for (const size of sizes) writeFileSync(new URL(`${name}-${size}.png`, OUT), raster(size, glyph(size)));
}
