import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { markPng } from '../../../scripts/lib/favicon';

/** A PNG's chunks, each CRC checked, and its RGBA pixels (the encoder writes filter 0 only). */
function decode(png: Uint8Array) {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const typed = png.slice(at + 4, at + 8 + length);
    expect(view.getUint32(at + 8 + length), 'CRC').toBe(crc32(typed));
    chunks.push({ type: new TextDecoder().decode(typed.slice(0, 4)), data: typed.slice(4) });
    at += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = new DataView(chunks[0]!.data.buffer);
  const size = header.getUint32(0);
  expect(header.getUint32(4)).toBe(size);
  const raw = inflateSync(chunks[1]!.data);
  const pixel = (x: number, y: number) => {
    const offset = y * (1 + size * 4) + 1 + x * 4;
    return [...raw.slice(offset, offset + 4)];
  };
  return { size, pixel };
}

describe('the app icons (manifest and home screen)', () => {
  it('draws the mark: the rounded square on transparency, the A in white on the brand teal', () => {
    const { size, pixel } = decode(markPng(192));
    expect(size).toBe(192);
    expect(pixel(0, 0)[3]).toBe(0); // the rounded corner is see-through
    expect(pixel(96, 96 + 60)).toEqual([0x0f, 0x5c, 0x5c, 255]); // between the A's legs: teal
    expect(pixel(96, 42)).toEqual([255, 255, 255, 255]); // the apex (16, 7) of the A: white
  });

  it('fills a maskable icon to its edges and keeps the A inside the safe circle', () => {
    const { pixel, size } = decode(markPng(512, { maskable: true }));
    expect(pixel(0, 0)).toEqual([0x0f, 0x5c, 0x5c, 255]);
    // Every white pixel lies within the circle of 80 % of the side a launcher may crop to.
    let farthest = 0;
    for (let y = 0; y < size; y += 2) {
      for (let x = 0; x < size; x += 2) {
        const [r] = pixel(x, y);
        if (r! > 128) farthest = Math.max(farthest, Math.hypot(x - size / 2, y - size / 2));
      }
    }
    expect(farthest).toBeGreaterThan(0);
    expect(farthest).toBeLessThan(0.4 * size);
  });

  it('gives iOS a square of colour without transparency', () => {
    const { pixel } = decode(markPng(180, { fullBleed: true }));
    expect(pixel(0, 0)).toEqual([0x0f, 0x5c, 0x5c, 255]);
    expect(pixel(179, 179)[3]).toBe(255);
  });
});
