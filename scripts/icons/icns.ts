/**
 * The macOS .icns container, written by hand: PNG-based entries only (ic07 128, ic08 256, ic09 512,
 * ic10 1024 = 512@2x), which macOS 10.7+ and electron-builder read.
 */
import { encodePng } from './png.js';

/** The PNG entry type for each pixel size. */
export const ICNS_TYPES: Readonly<Record<number, string>> = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

export function encodeIcns(images: ReadonlyArray<{ size: number; rgba: Uint8Array }>): Buffer {
  const entries = [...images].sort((a, b) => a.size - b.size).map(({ size, rgba }) => {
    const type = ICNS_TYPES[size];
    if (type === undefined) throw new Error(`encodeIcns: no PNG entry type for ${size} px (use ${Object.keys(ICNS_TYPES).join(', ')})`);
    const png = encodePng(size, size, rgba);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4); // the length counts the entry's own 8-byte header
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}
