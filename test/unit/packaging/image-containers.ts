/**
 * Independent readers for the PNG, ICO and ICNS files scripts/generate-icons.ts writes, so the tests can prove
 * the containers are valid (signatures, chunk CRCs, directory sizes, entry types) and compare pixels. Every
 * problem throws naming the file and what is wrong.
 */
import { inflateSync } from 'node:zlib';
import { crc32, PNG_SIGNATURE } from '../../../scripts/icons/png.js';

export interface DecodedImage {
  width: number;
  height: number;
  /** Straight-alpha RGBA, row-major. */
  rgba: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what the generator writes), checking every chunk's CRC. */
export function decodePng(bytes: Uint8Array, name = 'PNG'): DecodedImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${name}: no PNG signature`);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < buf.length && !ended) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== buf.readUInt32BE(at + 8 + length)) throw new Error(`${name}: bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || colour !== 6 || interlace !== 0) throw new Error(`${name}: expected 8-bit RGBA without interlace, got depth ${depth} colour ${colour} interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!ended || width === 0 || idat.length === 0) throw new Error(`${name}: missing IHDR, IDAT or IEND`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height) throw new Error(`${name}: ${raw.length} bytes of image data for ${width}×${height}`);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= 4 ? rgba[(y - 1) * stride + i - 4]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`${name}: unknown filter ${filter} on row ${y}`);
      rgba[y * stride + i] = (x + predicted) & 0xff;
    }
  }
  return { width, height, rgba };
}

export interface IcoEntry extends DecodedImage {
  /** 'png' or 'bmp': how the entry is stored. */
  format: 'png' | 'bmp';
}

/** Reads an .ico: the directory, then each entry (PNG, or 32-bit BMP with its AND mask). */
export function decodeIco(bytes: Uint8Array, name = 'ICO'): IcoEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error(`${name}: not an icon file (reserved/type)`);
  const count = buf.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const d = 6 + 16 * i;
    const size = buf[d] === 0 ? 256 : buf[d]!;
    const declaredHeight = buf[d + 1] === 0 ? 256 : buf[d + 1]!;
    const length = buf.readUInt32LE(d + 8);
    const offset = buf.readUInt32LE(d + 12);
    if (offset + length > buf.length) throw new Error(`${name}: entry ${i} runs past the end of the file`);
    const body = buf.subarray(offset, offset + length);
    if (body.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const png = decodePng(body, `${name} entry ${i}`);
      if (png.width !== size || png.height !== declaredHeight) throw new Error(`${name}: entry ${i} says ${size} px but holds ${png.width}×${png.height}`);
      entries.push({ ...png, format: 'png' });
      continue;
    }
    const width = body.readInt32LE(4);
    const height2 = body.readInt32LE(8);
    if (body.readUInt32LE(0) !== 40 || width !== size || height2 !== size * 2 || body.readUInt16LE(14) !== 32) {
      throw new Error(`${name}: entry ${i} is not a 32-bit ${size} px BMP`);
    }
    const maskStride = Math.ceil(size / 32) * 4;
    if (length !== 40 + size * size * 4 + maskStride * size) throw new Error(`${name}: entry ${i} has ${length} bytes, expected pixels + AND mask`);
    const rgba = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const src = 40 + ((size - 1 - y) * size + x) * 4;
        const dst = (y * size + x) * 4;
        rgba[dst] = body[src + 2]!;
        rgba[dst + 1] = body[src + 1]!;
        rgba[dst + 2] = body[src]!;
        rgba[dst + 3] = body[src + 3]!;
        const masked = (body[40 + size * size * 4 + (size - 1 - y) * maskStride + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
        if (masked !== (rgba[dst + 3] === 0)) throw new Error(`${name}: entry ${i} AND mask disagrees with alpha at ${x},${y}`);
      }
    }
    entries.push({ width: size, height: size, rgba, format: 'bmp' });
  }
  return entries;
}

/** Reads an .icns made of PNG entries: [type, image] in file order. */
export function decodeIcns(bytes: Uint8Array, name = 'ICNS'): Array<{ type: string } & DecodedImage> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'icns') throw new Error(`${name}: no icns magic`);
  if (buf.readUInt32BE(4) !== buf.length) throw new Error(`${name}: header says ${buf.readUInt32BE(4)} bytes, file has ${buf.length}`);
  const out: Array<{ type: string } & DecodedImage> = [];
  for (let at = 8; at < buf.length;) {
    const type = buf.toString('latin1', at, at + 4);
    const length = buf.readUInt32BE(at + 4);
    if (length < 8 || at + length > buf.length) throw new Error(`${name}: entry ${type} has a bad length ${length}`);
    out.push({ type, ...decodePng(buf.subarray(at + 8, at + length), `${name} ${type}`) });
    at += length;
  }
  return out;
}

/** Every image a file holds, whatever its container, labelled for comparison. */
export function decodeAny(path: string, bytes: Uint8Array): Array<{ label: string } & DecodedImage> {
  if (path.endsWith('.png')) return [{ label: path, ...decodePng(bytes, path) }];
  if (path.endsWith('.ico')) return decodeIco(bytes, path).map((e) => ({ label: `${path} ${e.width}px ${e.format}`, ...e }));
  if (path.endsWith('.icns')) return decodeIcns(bytes, path).map((e) => ({ label: `${path} ${e.type}`, ...e }));
  throw new Error(`${path}: not an icon format this reader knows`);
}
