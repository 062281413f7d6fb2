/**
 * Crash-safe file replacement for the state files. conf writes through `atomically` (temp file in the same
 * folder, fsync of the file, rename over the old one), which survives a killed process, but it never fsyncs the
 * folder, so after a power cut the rename itself may be lost. The adapter calls fsyncDirectory after each conf
 * write, and writes its own files (the backup, the migrated or recovered state) with writeFileAtomic, which
 * does all four steps.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Temp files carry the target's name plus this: the same prefix `atomically` uses, so one sweep finds both. */
const TEMP_MARK = '.tmp-';

/** Flushes a folder's entries (the renames in it) to disk. A no-op where folders cannot be opened (Windows). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Windows cannot open or fsync a directory (EISDIR/EPERM); NTFS journals the rename itself.
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces `path` with `data`: a crash at any point leaves either the old file or the new one, whole. */
export function writeFileAtomic(path: string, data: string, mode = 0o600): void {
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temp, 'wx', mode);
  try {
    const bytes = Buffer.from(data, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
}

/**
 * Removes temp files a killed writer left next to `path` (conf's and ours). Only at open, when this process is
 * the only writer: a temp file is never the state, the rename is what publishes it.
 */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => n.startsWith(prefix));
  for (const name of stale) rmSync(join(dir, name), { force: true });
  return stale;
}
