import type { KeyObject } from 'node:crypto';
import { keyidOf, loadPrivateKey, loadPublicKey } from '../core/trust/index.js';
import { CliError, UsageError } from './errors.js';
import { readInput } from './files.js';

/** The passphrase named by --passphrase-env, read from the environment (never from argv, which `ps` shows). */
export function passphraseFrom(env: NodeJS.ProcessEnv, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = env[variable];
  if (value === undefined || value === '') throw new UsageError(`--passphrase-env names ${variable}, but that environment variable is empty`);
  return value;
}

/** Loads private keys for signing; the error names the file and says what to do. */
export function readPrivateKeys(paths: string[], passphrase: string | undefined): KeyObject[] {
  return paths.map((path) => {
    const pem = readInput(path, 'private key').toString('utf8');
    try {
      return loadPrivateKey(pem, passphrase);
    } catch (error) {
      const hint = /encrypted/i.test((error as Error).message) && passphrase === undefined ? ' (add --passphrase-env VAR)' : '';
      throw new CliError(`${path}: ${(error as Error).message}${hint}`);
    }
  });
}

/** Loads public keys (SPKI PEM) and returns them with their keyids. */
export function readPublicKeys(paths: string[]): { path: string; key: KeyObject; keyid: string }[] {
  return paths.map((path) => {
    const pem = readInput(path, 'public key').toString('utf8');
    try {
      const key = loadPublicKey(pem);
      return { path, key, keyid: keyidOf(key) };
    } catch (error) {
      throw new CliError(`${path}: ${(error as Error).message}`);
    }
  });
}
