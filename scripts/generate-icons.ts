/**
 * Writes every icon under assets/ from scripts/icons/artwork.ts (no image tools are installed here, so the
 * PNG, ICO and ICNS files are encoded by hand). The output is committed; test/unit/packaging/icons.test.ts
 * regenerates it into a temp folder and fails when the committed files are stale.
 *
 *   npm run icons            (= tsc, then node dist/scripts/generate-icons.js assets)
 *
 * Sizes, and why:
 *   assets/tray/<status>.png, @2x   22 / 44 px: Linux trays (StatusNotifierItem, GtkStatusIcon) are 22 px
 *                                    panels by freedesktop convention; Electron picks @2x on HiDPI.
 *   assets/tray/mac/<status>Template.png, @2x   16 / 32 px: the macOS menu bar (22 pt high) takes a
 *                                    16 pt image; "Template" in the name makes Electron mark it a template
 *                                    image, which must be black + alpha only (macOS tints it).
 *   assets/tray/win/<status>.ico     16, 24, 32 px: the notification area at 100, 150 and 200 % scaling.
 *   assets/icon.png                  512 px: Linux packages and window icons (electron-builder wants ≥ 512).
 *   assets/icon.ico                  16–256 px: Windows installer, shortcuts, taskbar.
 *   assets/icon.icns                 ic07–ic10 (128–1024 px): the macOS app and dmg.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appIcon, TRAY_STATUSES, trayIcon } from './icons/artwork.js';
import { encodeIcns } from './icons/icns.js';
import { encodeIco } from './icons/ico.js';
import { encodePng } from './icons/png.js';

export const SIZES = {
  linuxTray: 22,
  macTray: 16,
  winTray: [16, 24, 32],
  appPng: 512,
  appIco: [16, 24, 32, 48, 64, 128, 256],
  appIcns: [128, 256, 512, 1024],
} as const;

/** Every icon file, relative to the assets folder, with its bytes. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const png = (size: number, rgba: Uint8Array): Buffer => encodePng(size, size, rgba);
  for (const status of TRAY_STATUSES) {
    files.set(`tray/${status}.png`, png(SIZES.linuxTray, trayIcon(status, SIZES.linuxTray, 'colour')));
    files.set(`tray/${status}@2x.png`, png(SIZES.linuxTray * 2, trayIcon(status, SIZES.linuxTray * 2, 'colour')));
    files.set(`tray/mac/${status}Template.png`, png(SIZES.macTray, trayIcon(status, SIZES.macTray, 'template')));
    files.set(`tray/mac/${status}Template@2x.png`, png(SIZES.macTray * 2, trayIcon(status, SIZES.macTray * 2, 'template')));
    files.set(`tray/win/${status}.ico`, encodeIco(SIZES.winTray.map((size) => ({ size, rgba: trayIcon(status, size, 'colour') }))));
  }
  files.set('icon.png', png(SIZES.appPng, appIcon(SIZES.appPng)));
  files.set('icon.ico', encodeIco(SIZES.appIco.map((size) => ({ size, rgba: appIcon(size) }))));
  files.set('icon.icns', encodeIcns(SIZES.appIcns.map((size) => ({ size, rgba: appIcon(size) }))));
  return files;
}

/** Writes the icons under `outDir`; returns the relative paths written. */
export function generateIcons(outDir: string): string[] {
  const files = renderIcons();
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), bytes);
  }
  return [...files.keys()];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? 'assets');
  const written = generateIcons(outDir);
  console.log(`wrote ${written.length} icon files under ${outDir}`);
}
