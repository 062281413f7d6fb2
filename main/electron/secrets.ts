/**
 * The Secrets port with Electron's safeStorage: the device credential encrypted with the OS key store (macOS
 * Keychain, Windows DPAPI, the Linux secret service), kept as base64 in a 0600 file written atomically. Where no
 * key store is available (safeStorage.isEncryptionAvailable() false: a Linux session without a keyring) the
 * engine's 0600 FileSecrets keeps it in plain text, as the Node agent does, and a warning says so.
 *
 * Whether a key store is available is asked at every use, not once per start: on Linux the keyring may not be
 * unlocked yet when the agent starts at login. The plain file is read whatever the answer, so a credential kept
 * there while there was no key store is still found once there is one; it is then moved into the sealed file
 * (sealed written first, then the plain copy deleted: a crash in between leaves it in both, never in neither).
 * A sealed value cannot be read while there is no key store (that needs the key store itself).
 */
import { readFileSync, rmSync } from 'node:fs';
import { safeStorage } from 'electron';
import { FileSecrets } from '../engine/enroll/file-secrets.js';
import type { Logger, Secrets } from '../engine/ports.js';
import { writeFileAtomic } from '../engine/state/atomic-file.js';

/** The JSON object in `path`; {} when missing or damaged. */
function readObject(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

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
    return readObject(this.path);
  }

  private write(all: Record<string, unknown>): void {
    writeFileAtomic(this.path, JSON.stringify(all), 0o600);
  }
}

/** The sealed file while the OS offers a key store, the plain 0600 file while it does not; both are read. */
export class ElectronSecrets implements Secrets {
  private readonly sealed: SafeStorageSecrets;
  private readonly plain: FileSecrets;
  private warned = false;

  constructor(private readonly paths: { sealed: string; plain: string }, private readonly logger: Logger) {
    this.sealed = new SafeStorageSecrets(paths.sealed, logger);
    this.plain = new FileSecrets(paths.plain, logger);
    this.available();
  }

  get(name: string): string | undefined {
    const plain = this.plain.get(name);
    if (!this.available()) return plain;
    // set() and this move empty the plain file whenever the key store is there, so a value still in it was
    // written after the sealed one (while there was no key store): it is the newer one.
    if (plain === undefined) return this.sealed.get(name);
    this.seal(name, plain);
    return plain;
  }

  set(name: string, value: string): void {
    if (!this.available()) return this.plain.set(name, value);
    this.sealed.set(name, value);
    this.dropPlain(name);
  }

  delete(name: string): void {
    this.sealed.delete(name);
    this.dropPlain(name);
  }

  /** Moves a value kept in plain text while there was no key store into the sealed file. */
  private seal(name: string, value: string): void {
    try {
      this.sealed.set(name, value);
    } catch (error) {
      this.logger.warn('could not move a secret into the OS key store; it stays in the plain file', { name, error: String(error) });
      return;
    }
    this.dropPlain(name);
    this.logger.info('a secret kept in plain text was moved into the OS key store', { name, path: this.paths.sealed });
  }

  /** Deletes `name` from the plain file, and the file once nothing is left in it. */
  private dropPlain(name: string): void {
    if (this.plain.get(name) === undefined) return;
    this.plain.delete(name);
    if (Object.keys(readObject(this.paths.plain)).length === 0) rmSync(this.paths.plain, { force: true });
  }

  private available(): boolean {
    const available = safeStorage.isEncryptionAvailable();
    if (!available && !this.warned) {
      this.warned = true;
      this.logger.warn('no OS key store: the device credential is kept in a file only this user can read', { path: this.paths.plain });
    }
    if (available) this.warned = false;
    return available;
  }
}

/** safeStorage when the OS offers a key store, else the plain 0600 file (decided at every use). */
export function createSecrets(path: { sealed: string; plain: string }, logger: Logger): Secrets {
  return new ElectronSecrets(path, logger);
}
