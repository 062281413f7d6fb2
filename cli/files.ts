import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { CliError } from './errors.js';

/** Reads a file the user named, with a plain-word error when it is not there. */
export function readInput(path: string, what = 'file'): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot find the ${what} "${path}"`);
    if (code === 'EISDIR') throw new CliError(`"${path}" is a folder, not a ${what}`);
    if (code === 'EACCES') throw new CliError(`not allowed to read the ${what} "${path}"`);
    throw new CliError(`cannot read the ${what} "${path}": ${(error as Error).message}`);
  }
}

/**
 * Writes a file whole or not at all: a temporary file beside it, fsync, then rename. `mode` is applied at
 * creation, so a private key is never readable by others, not even for a moment.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `the folder "${dirname(path)}" does not exist`
      : code === 'EACCES' || code === 'EPERM' ? `not allowed to write in "${dirname(path)}"`
        : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CliError(`cannot write "${path}": ${why}`);
  }
}

/** Refuses to overwrite what is there unless asked: losing a private key is not undoable. */
export function ensureWritable(paths: string[], force: boolean): void {
  if (force) return;
  const there = paths.filter((p) => existsSync(p));
  if (there.length > 0) throw new CliError(`${there.map((p) => `"${p}"`).join(' and ')} already exist${there.length === 1 ? 's' : ''}; use --force to replace`);
}
