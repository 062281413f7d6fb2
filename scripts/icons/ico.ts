/**
 * The Windows .ico container, written by hand. Entries up to 64 px are 32-bit BMPs (BGRA, bottom-up, with the
 * 1-bit AND mask), which every Windows loader reads; 256 px is a PNG, as Windows' own icons do it (Vista+), to
 * keep the file small.
 */
import { encodePng } from './png.js';

export interface IcoImage {
  size: number;
  rgba: Uint8Array;
}

function bmpEntry(size: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour bitmap + AND mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // BMP rows run bottom-up
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = (row * size + x) * 4;
      pixels[dst] = rgba[src + 2]!;
      pixels[dst + 1] = rgba[src + 1]!;
      pixels[dst + 2] = rgba[src]!;
      pixels[dst + 3] = rgba[src + 3]!;
      if (rgba[src + 3] === 0) mask[row * maskStride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** An .ico holding one image per size, smallest first. */
export function encodeIco(images: readonly IcoImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  for (const { size, rgba } of sorted) {
    if (size < 1 || size > 256) throw new Error(`encodeIco: sizes run from 1 to 256 px, got ${size}`);
    if (rgba.length !== size * size * 4) throw new Error(`encodeIco: the ${size} px image needs ${size * size * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const bodies = sorted.map(({ size, rgba }) => (size > 64 ? encodePng(size, size, rgba) : bmpEntry(size, rgba)));
  const head = Buffer.alloc(6 + 16 * sorted.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(sorted.length, 4);
  let offset = head.length;
  sorted.forEach(({ size }, i) => {
    const at = 6 + 16 * i;
    head[at] = size === 256 ? 0 : size; // 0 means 256
    head[at + 1] = size === 256 ? 0 : size;
    head[at + 2] = 0; // no palette
    head[at + 3] = 0;
    head.writeUInt16LE(1, at + 4); // colour planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(bodies[i]!.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([head, ...bodies]);
}
