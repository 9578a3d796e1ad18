/**
 * /favicon.ico, which every browser asks for on every page: the Avenir mark (an "A" on a
 * rounded square, as dashboard/public/favicon.svg) drawn at 32×32 into an ICO file with one
 * uncompressed 32-bit image. Drawn here rather than kept as a binary, so it changes with
 * the code that describes it; no image library is needed for a shape this simple.
 */

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
