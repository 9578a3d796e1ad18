/**
 * The Avenir mark (an "A" on a rounded square, as dashboard/public/favicon.svg) as the
 * bitmaps browsers and phones ask for: /favicon.ico at 32×32, which every browser requests,
 * and the PNG icons of the web app manifest and of iOS's home screen. Drawn here rather
 * than kept as binaries, so they change with the code that describes them; no image
 * library is needed for a shape this simple.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 32;
const BRAND = [0x0f, 0x5c, 0x5c] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const RADIUS = 7;
const STROKE = 1.6;

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The strokes of the "A", in the SVG's coordinates. */
const STROKES: readonly [number, number, number, number][] = [
  [9, 25, 16, 7],
  [16, 7, 23, 25],
  [11.6, 19, 20.4, 19],
];

function inRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return Math.hypot(x - cx, y - cy) <= RADIUS;
}

/** The ICO file's bytes. */
export function faviconIco(): Uint8Array {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // one bit per pixel, rows padded to 32 bits: all 0, alpha decides
  const image = 40 + pixels + mask;
  const bytes = new Uint8Array(6 + 16 + image);
  const view = new DataView(bytes.buffer);
  // ICONDIR: reserved, type 1 (icon), one image.
  view.setUint16(2, 1, true);
  view.setUint16(4, 1, true);
  // ICONDIRENTRY: 32×32, no palette, 1 plane, 32 bits, size, offset.
  bytes[6] = SIZE;
  bytes[7] = SIZE;
  view.setUint16(10, 1, true);
  view.setUint16(12, 32, true);
  view.setUint32(14, image, true);
  view.setUint32(18, 22, true);
  // BITMAPINFOHEADER: the height counts the mask too.
  view.setUint32(22, 40, true);
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true);
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  for (let row = 0; row < SIZE; row++) {
    // Bitmaps run bottom-up.
    const y = SIZE - 1 - row + 0.5;
    for (let column = 0; column < SIZE; column++) {
      const x = column + 0.5;
      const offset = 62 + (row * SIZE + column) * 4;
      if (!inRoundedSquare(x, y)) continue; // transparent
      const onStroke = STROKES.some(([ax, ay, bx, by]) => distanceToSegment(x, y, ax, ay, bx, by) <= STROKE);
      const [r, g, b] = onStroke ? WHITE : BRAND;
      bytes[offset] = b;
      bytes[offset + 1] = g;
      bytes[offset + 2] = r;
      bytes[offset + 3] = 0xff;
    }
  }
  return bytes;
}

/** Samples per pixel side: 4 × 4 per pixel smooths the edges of the larger icons. */
const SUPERSAMPLE = 4;
/** A maskable icon may be cropped to a circle of 80 % of its side: the "A" keeps to the middle. */
const MASKABLE_SCALE = 0.62;

/**
 * The mark as a PNG of `size` pixels a side. `fullBleed`: the brand colour to the edges
 * (iOS and maskable icons are shaped by the system), the "A" scaled into the safe zone
 * when `maskable`; otherwise the rounded square on transparency, as the favicon.
 */
export function markPng(size: number, options: { fullBleed?: boolean; maskable?: boolean } = {}): Uint8Array {
  const fullBleed = options.fullBleed || options.maskable;
  const scale = options.maskable ? MASKABLE_SCALE : 1;
  const rows: Uint8Array[] = [];
  for (let row = 0; row < size; row++) {
    // Each scanline starts with its filter type: 0, none.
    const line = new Uint8Array(1 + size * 4);
    for (let column = 0; column < size; column++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          // The sample in the SVG's 32-unit square, then into the "A"'s own scale.
          const x = ((column + (sx + 0.5) / SUPERSAMPLE) / size) * SIZE;
          const y = ((row + (sy + 0.5) / SUPERSAMPLE) / size) * SIZE;
          if (!fullBleed && !inRoundedSquare(x, y)) continue;
          covered++;
          const ax = SIZE / 2 + (x - SIZE / 2) / scale;
          const ay = SIZE / 2 + (y - SIZE / 2) / scale;
          if (STROKES.some(([x1, y1, x2, y2]) => distanceToSegment(ax, ay, x1, y1, x2, y2) <= STROKE)) white++;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const offset = 1 + column * 4;
      if (covered === 0) continue; // transparent
      const share = white / covered;
      for (let channel = 0; channel < 3; channel++) {
        line[offset + channel] = Math.round(BRAND[channel]! + (WHITE[channel]! - BRAND[channel]!) * share);
      }
      line[offset + 3] = Math.round((255 * covered) / samples);
    }
    rows.push(line);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(concat(rows), { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: length, type, data, and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(8 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
