import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIcons } from '../../../scripts/generate-icons.js';
import { decodeAny, decodeIcns, decodeIco, decodePng } from './image-containers.js';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const STATUSES = ['idle', 'upcoming', 'action-needed', 'restart-pending', 'overdue', 'error'];

/** Icon files under a folder (tray/** and icon.*), relative, sorted. */
function iconFiles(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name)).split('\\').join('/')]));
  return walk(dir).filter((p) => p.startsWith('tray/') || /^icon\.(png|ico|icns)$/.test(p)).sort();
}

const committed = (path: string): Buffer => readFileSync(join(ASSETS, path));

describe('icons in assets/', () => {
  let fresh: string;
  let written: string[];
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'forewarn-icons-'));
    written = generateIcons(fresh);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('are exactly what scripts/generate-icons.ts draws (if not: npm run icons, and commit assets/)', () => {
    expect(iconFiles(ASSETS)).toEqual([...written].sort());
    expect(iconFiles(fresh)).toEqual([...written].sort());
    for (const path of written) {
      // Pixels, not bytes: zlib's output may differ between builds of Node, the image must not.
      const now = decodeAny(path, readFileSync(join(fresh, path)));
      const before = decodeAny(path, committed(path));
      expect(before.map((i) => [i.label, i.width, i.height]), path).toEqual(now.map((i) => [i.label, i.width, i.height]));
      now.forEach((image, k) => {
        let worst = 0;
        for (let i = 0; i < image.rgba.length; i++) worst = Math.max(worst, Math.abs(image.rgba[i]! - before[k]!.rgba[i]!));
        expect(worst, `${image.label} is stale: a channel differs by ${worst}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('tray PNGs for Linux: one per status, 22 px and 44 px (@2x)', () => {
    for (const status of STATUSES) {
      expect([decodePng(committed(`tray/${status}.png`)).width, decodePng(committed(`tray/${status}.png`)).height]).toEqual([22, 22]);
      expect(decodePng(committed(`tray/${status}@2x.png`)).width).toBe(44);
    }
  });

  it('macOS template images are 16 px and 32 px (@2x), black + alpha only', () => {
    for (const status of STATUSES) {
      for (const [file, size] of [[`tray/mac/${status}Template.png`, 16], [`tray/mac/${status}Template@2x.png`, 32]] as const) {
        const image = decodePng(committed(file), file);
        expect(image.width, file).toBe(size);
        let coloured = 0;
        let opaque = 0;
        for (let i = 0; i < image.rgba.length; i += 4) {
          if (image.rgba[i] !== 0 || image.rgba[i + 1] !== 0 || image.rgba[i + 2] !== 0) coloured++;
          if (image.rgba[i + 3] === 255) opaque++;
        }
        expect(coloured, `${file} has non-black pixels`).toBe(0);
        expect(opaque, `${file} draws nothing`).toBeGreaterThan(size * size * 0.2);
      }
    }
  });

  it('Windows tray .ico files hold 16, 24 and 32 px (100, 150, 200 % scaling)', () => {
    for (const status of STATUSES) {
      const entries = decodeIco(committed(`tray/win/${status}.ico`), status);
      expect(entries.map((e) => [e.width, e.height, e.format])).toEqual([[16, 16, 'bmp'], [24, 24, 'bmp'], [32, 32, 'bmp']]);
    }
  });

  it('app icons: icon.png 512 px, icon.ico 16–256 px (256 as PNG), icon.icns ic07–ic10 (128–1024 px)', () => {
    const png = decodePng(committed('icon.png'));
    expect([png.width, png.height]).toEqual([512, 512]);
    expect(decodeIco(committed('icon.ico')).map((e) => [e.width, e.format]))
      .toEqual([[16, 'bmp'], [24, 'bmp'], [32, 'bmp'], [48, 'bmp'], [64, 'bmp'], [128, 'png'], [256, 'png']]);
    expect(decodeIcns(committed('icon.icns')).map((e) => [e.type, e.width, e.height]))
      .toEqual([['ic07', 128, 128], ['ic08', 256, 256], ['ic09', 512, 512], ['ic10', 1024, 1024]]);
  });

  it('every status has its own shape, not just its own colour (template masks differ pairwise)', () => {
    const masks = STATUSES.map((s) => decodePng(committed(`tray/mac/${s}Template@2x.png`)).rgba.filter((_, i) => i % 4 === 3));
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        let differing = 0;
        masks[a]!.forEach((v, i) => { if (Math.abs(v - masks[b]![i]!) > 128) differing++; });
        expect(differing, `${STATUSES[a]} and ${STATUSES[b]} look alike in black and white`).toBeGreaterThan(12);
      }
    }
  });

  it('the readers reject damaged files, so the checks above can fail', () => {
    const png = Buffer.from(committed('tray/idle.png'));
    png[40]! ^= 0xff;
    expect(() => decodePng(png, 'damaged')).toThrow(/bad CRC/);
    const ico = committed('tray/win/idle.ico');
    expect(() => decodeIco(ico.subarray(0, ico.length - 10), 'cut')).toThrow(/past the end|bytes/);
    const icns = Buffer.from(committed('icon.icns'));
    icns.writeUInt32BE(icns.length + 1, 4);
    expect(() => decodeIcns(icns, 'lying')).toThrow(/header says/);
  });
});
