/**
 * The Node Secrets adapter: one JSON file readable by its owner only (0600), in a folder only the owner can list
 * (0700). Every write goes to a new temporary file created with mode 0600 (so the secret never exists in a file
 * anyone else can read, not even for a moment), is flushed, then renamed over the old one: a crash leaves the old
 * file or the new one, never half of either. A file found group- or other-readable (copied in by hand, a umask
 * accident) is fixed to 0600 and reported, not refused: the credential is still the device's own.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger, Secrets } from '../ports.js';

const OWNER_ONLY = 0o600;

export class FileSecrets implements Secrets {
  constructor(private readonly path: string, private readonly logger: Logger) {}

  get(name: string): string | undefined {
    const value = this.read()[name];
    return typeof value === 'string' ? value : undefined;
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: value });
  }

  delete(name: string): void {
    const all = this.read();
    if (!(name in all)) return;
    delete all[name];
    this.write(all);
  }

  private read(): Record<string, unknown> {
    let text: string;
    try {
      this.checkMode();
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through: a damaged secrets file is the same as none (the agent enrolls again), but say so
    }
    this.logger.warn('the secrets file is damaged and is ignored; the device will enroll again', { path: this.path });
    return {};
  }

  /** POSIX only (Windows has no mode bits; %ProgramData% ACLs are IT's). */
  private checkMode(): void {
    if (process.platform === 'win32') return;
    const mode = statSync(this.path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      chmodSync(this.path, OWNER_ONLY);
      this.logger.warn('the secrets file was readable by others; its mode was set to 0600', { path: this.path, mode: `0${mode.toString(8)}` });
    }
  }

  private write(all: Record<string, unknown>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    // 'wx': a new file, created with 0600 (the umask can only remove bits); never an existing one someone planted.
    const fd = openSync(temp, 'wx', OWNER_ONLY);
    try {
      writeSync(fd, `${JSON.stringify(all)}\n`);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      unlinkSync(temp);
      throw error;
    }
    closeSync(fd);
    renameSync(temp, this.path);
  }
}
