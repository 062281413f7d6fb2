/**
 * Where the shell's files are. main/electron runs from dist/main/electron (the build, and inside app.asar) and,
 * in tests, from main/electron (the sources); both find the package root from here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, dist/ and assets/ (app.asar's root when packaged). */
export function appRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [resolve(from, '../../..'), resolve(from, '../..')];
  return candidates.find((c) => existsSync(join(c, 'package.json'))) ?? candidates[0]!;
}

export interface ShellPaths {
  /** What the custom protocol serves (F1's vite build). */
  renderer: string;
  /** The sandboxed preload, one self-contained CommonJS file. */
  preload: string;
  /** Tray icons (F4): assets/tray/… */
  assets: string;
}

export function shellPaths(root: string = appRoot()): ShellPaths {
  return {
    renderer: join(root, 'dist', 'renderer'),
    preload: join(root, 'dist', 'preload', 'preload.js'),
    assets: join(root, 'assets'),
  };
}
