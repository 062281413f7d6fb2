// Ed25519 keys: PKCS#8 PEM private keys (optionally encrypted), SPKI PEM public keys - the formats openssl,
// ssh-keygen -m PKCS8 and every crypto library read - and keyids.
//
// keyid = lowercase hex SHA-256 of the RAW 32-byte public key. Because the keyid is the hash of the key
// itself, an envelope's keyid can only ever select the one key it names: a signature labelled with key B
// is verified with key B, so it counts for B only if B really made it (DSSE: keyids are hints, never trust).

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Cipher for encrypted private keys (PKCS#8 PBES2 with PBKDF2; openssl reads it with the passphrase). */
const PEM_CIPHER = 'aes-256-cbc';

/** SPKI DER header of an Ed25519 public key (RFC 8410): SEQUENCE { AlgorithmIdentifier 1.3.101.112, BIT STRING }. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type KeyErrorCode = 'encrypted' | 'wrong-passphrase' | 'not-ed25519' | 'not-a-key' | 'bad-passphrase';

/** A key could not be used. The message is meant for the person at the keyboard. */
export class KeyError extends Error {
  constructor(
    readonly code: KeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyError';
  }
}

export interface GeneratedKeyPair {
  /** PKCS#8 PEM; encrypted (aes-256-cbc) when a passphrase was given. Keep it offline. */
  privatePem: string;
  /** SPKI PEM. Goes into the root document (as raw hex) and may be shared freely. */
  publicPem: string;
  keyid: string;
}

/** A new Ed25519 key pair. With a passphrase the private PEM is encrypted ("ENCRYPTED PRIVATE KEY"). */
export function generateKeyPair(passphrase?: string): GeneratedKeyPair {
  checkPassphrase(passphrase);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: exportPrivateKey(privateKey, passphrase),
    publicPem: exportPublicKey(publicKey),
    keyid: keyidOf(publicKey),
  };
}

/** PKCS#8 PEM of a private key, encrypted with the passphrase if one is given (e.g. to change it). */
export function exportPrivateKey(key: KeyObject, passphrase?: string): string {
  checkPassphrase(passphrase);
  assertEd25519(key);
  if (key.type !== 'private') throw new KeyError('not-a-key', 'this is not a private key');
  const pem =
    passphrase === undefined
      ? key.export({ type: 'pkcs8', format: 'pem' })
      : key.export({ type: 'pkcs8', format: 'pem', cipher: PEM_CIPHER, passphrase });
  return pem.toString();
}

/** SPKI PEM of the public half of a key (public or private). */
export function exportPublicKey(key: KeyObject): string {
  return publicHalf(key).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Load a private signing key from PEM. Errors are plain words: "this key is encrypted: give its
 * passphrase", "wrong passphrase", "not an Ed25519 key".
 */
export function loadPrivateKey(pem: string, passphrase?: string): KeyObject {
  const encrypted = pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,\s*ENCRYPTED/.test(pem);
  if (encrypted && (passphrase === undefined || passphrase === '')) {
    throw new KeyError('encrypted', 'this key is encrypted: give its passphrase');
  }
  if (!pem.includes('PRIVATE KEY-----')) {
    throw new KeyError('not-a-key', 'not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")');
  }
  let key: KeyObject;
  try {
    // The passphrase is always a string here, so OpenSSL never falls back to prompting on a terminal.
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
  } catch {
    if (encrypted) throw new KeyError('wrong-passphrase', 'wrong passphrase');
    throw new KeyError('not-a-key', 'not a readable PEM private key');
  }
  assertEd25519(key);
  return key;
}

/** Load a public key from SPKI PEM ("-----BEGIN PUBLIC KEY-----"); a private key is refused, not converted. */
export function loadPublicKey(pem: string): KeyObject {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new KeyError('not-a-key', 'not a PEM public key (expected "-----BEGIN PUBLIC KEY-----")');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyError('not-a-key', 'not a readable PEM public key');
  }
  assertEd25519(key);
  return key;
}

/** The raw 32-byte Ed25519 public key of a public or private key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = publicHalf(key).export({ type: 'spki', format: 'der' });
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new KeyError('not-ed25519', 'not an Ed25519 key');
  }
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

/** keyid: lowercase hex SHA-256 of the raw 32-byte public key. */
export function keyidOf(key: KeyObject): string {
  return keyidOfRaw(rawPublicKey(key));
}

export function keyidOfRaw(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** A public KeyObject from the raw 32 bytes (as in a root document's `public`, hex-decoded). */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.byteLength !== 32) throw new KeyError('not-ed25519', 'an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

function publicHalf(key: KeyObject): KeyObject {
  assertEd25519(key);
  return key.type === 'private' ? createPublicKey(key) : key;
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyError('not-ed25519', 'not an Ed25519 key');
}

function checkPassphrase(passphrase: string | undefined): void {
  if (passphrase === '') throw new KeyError('bad-passphrase', 'an empty passphrase protects nothing: give a real one or none');
}
