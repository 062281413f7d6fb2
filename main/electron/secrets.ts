/**
 * The Secrets port with Electron's safeStorage: the device credential encrypted with the OS key store (macOS
 * Keychain, Windows DPAPI, the Linux secret service), kept as base64 in a 0600 file written atomically. Where no
 * key store is available (safeStorage.isEncryptionAvailable() false: a Linux session without a keyring) the
 * engine's 0600 FileSecrets keeps it in plain text, as the Node agent does, and a warning says so.
 */
import { readFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { FileSecrets } from '../engine/enroll/file-secrets.js';
import type { Logger, Secrets } from '../engine/ports.js';
import { writeFileAtomic } from '../engine/state/atomic-file.js';

export class SafeStorageSecrets implements Secrets {
  constructor(private readonly path: string, private readonly logger: Logger) {}

  get(name: string): string | undefined {
    const sealed = this.read()[name];
    if (typeof sealed !== 'string') return undefined;
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch (error) {
      // Another user's or machine's key (a copied profile): the device enrolls again.
      this.logger.warn('a stored secret cannot be decrypted and is ignored', { name, error: String(error) });
      return undefined;
    }
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: safeStorage.encryptString(value).toString('base64') });
  }

  delete(name: string): void {
    const all = this.read();
    if (!(name in all)) return;
    delete all[name];
    this.write(all);
  }

  private read(): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
    } catch {
      return {};
    }
  }

  private write(all: Record<string, unknown>): void {
    writeFileAtomic(this.path, JSON.stringify(all), 0o600);
  }
}

/** safeStorage when the OS offers a key store, else the plain 0600 file. */
export function createSecrets(path: { sealed: string; plain: string }, logger: Logger): Secrets {
  if (safeStorage.isEncryptionAvailable()) return new SafeStorageSecrets(path.sealed, logger);
  logger.warn('no OS key store: the device credential is kept in a file only this user can read', { path: path.plain });
  return new FileSecrets(path.plain, logger);
}
