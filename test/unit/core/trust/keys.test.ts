import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  KeyError,
  keyidOf,
  loadPrivateKey,
  loadPublicKey,
  pae,
  publicKeyFromRaw,
  rawPublicKey,
  signEnvelope,
} from '../../../../core/trust/index.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/trust');

function keyError(fn: () => unknown): KeyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KeyError) return e;
    throw e;
  }
  throw new Error('expected a KeyError');
}

describe('generateKeyPair / load', () => {
  it('makes a PKCS#8 private key, an SPKI public key and keyid = sha256(raw public key)', () => {
    const pair = generateKeyPair();
    expect(pair.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pair.publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const priv = loadPrivateKey(pair.privatePem);
    const pub = loadPublicKey(pair.publicPem);
    const raw = rawPublicKey(pub);
    expect(raw).toHaveLength(32);
    expect(rawPublicKey(priv)).toEqual(raw);
    expect(pair.keyid).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(pair.keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(keyidOf(priv)).toBe(pair.keyid);
    expect(keyidOf(publicKeyFromRaw(raw))).toBe(pair.keyid);
  });

  it('encrypted private key: round-trips with the passphrase; plain-word errors otherwise', () => {
    const pair = generateKeyPair('correct horse battery staple');
    expect(pair.privatePem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(pair.privatePem).not.toContain('BEGIN PRIVATE KEY');
    const key = loadPrivateKey(pair.privatePem, 'correct horse battery staple');
    expect(keyidOf(key)).toBe(pair.keyid);

    const missing = keyError(() => loadPrivateKey(pair.privatePem));
    expect(missing.message).toBe('this key is encrypted: give its passphrase');
    expect(missing.code).toBe('encrypted');
    const wrong = keyError(() => loadPrivateKey(pair.privatePem, 'correct horse battery stapler'));
    expect(wrong.message).toBe('wrong passphrase');
    expect(wrong.code).toBe('wrong-passphrase');
  });

  it('re-exporting changes the passphrase and keeps the key', () => {
    const pair = generateKeyPair('old');
    const reencrypted = exportPrivateKey(loadPrivateKey(pair.privatePem, 'old'), 'new');
    expect(keyidOf(loadPrivateKey(reencrypted, 'new'))).toBe(pair.keyid);
    expect(keyError(() => loadPrivateKey(reencrypted, 'old')).message).toBe('wrong passphrase');
    expect(keyidOf(loadPrivateKey(exportPrivateKey(loadPrivateKey(reencrypted, 'new'))))).toBe(pair.keyid);
  });

  it('refuses an empty passphrase', () => {
    expect(keyError(() => generateKeyPair('')).code).toBe('bad-passphrase');
  });

  it('refuses keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const x25519 = generateKeyPairSync('x25519');
    for (const pair of [rsa, ec, x25519]) {
      const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(keyError(() => loadPrivateKey(privatePem)).message).toBe('not an Ed25519 key');
      expect(keyError(() => loadPublicKey(publicPem)).message).toBe('not an Ed25519 key');
      expect(keyError(() => keyidOf(pair.publicKey)).message).toBe('not an Ed25519 key');
    }
  });

  it('refuses a public key where a private one is needed, and the other way round', () => {
    const pair = generateKeyPair();
    expect(keyError(() => loadPrivateKey(pair.publicPem)).code).toBe('not-a-key');
    expect(keyError(() => loadPublicKey(pair.privatePem)).code).toBe('not-a-key');
    expect(keyError(() => loadPrivateKey('hello')).code).toBe('not-a-key');
    expect(keyError(() => loadPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).code).toBe('not-a-key');
    expect(keyError(() => publicKeyFromRaw(new Uint8Array(31))).code).toBe('not-ed25519');
  });

  it('reads the committed TEST-ONLY fixture keys', () => {
    const priv = loadPrivateKey(readFileSync(join(FIXTURES, 'TEST-ONLY-ed25519.key'), 'utf8'));
    const encrypted = loadPrivateKey(readFileSync(join(FIXTURES, 'TEST-ONLY-ed25519-encrypted.key'), 'utf8'), 'TEST-ONLY-passphrase');
    const pub = loadPublicKey(readFileSync(join(FIXTURES, 'TEST-ONLY-ed25519.pub'), 'utf8'));
    expect(keyidOf(priv)).toBe(keyidOf(pub));
    expect(keyidOf(encrypted)).toBe(keyidOf(pub));
    expect(keyidOf(pub)).toBe(readFileSync(join(FIXTURES, 'TEST-ONLY-ed25519.keyid'), 'utf8').trim());
  });
});

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const hasOpenssl = openssl.status === 0;
if (!hasOpenssl) console.warn('SKIPPED: openssl compatibility tests (no `openssl` command on this machine)');

describe.skipIf(!hasOpenssl)('openssl reads our keys and checks our signatures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('openssl pkey -in k.key -pubout gives our public key; -pubin -text shows an ED25519 key', () => {
    const pair = generateKeyPair();
    writeFileSync(join(dir, 'k.key'), pair.privatePem);
    writeFileSync(join(dir, 'k.pub'), pair.publicPem);
    expect(run(['pkey', '-in', join(dir, 'k.key'), '-pubout'])).toBe(pair.publicPem);
    const textOut = run(['pkey', '-pubin', '-in', join(dir, 'k.pub'), '-text', '-noout']);
    expect(textOut).toMatch(/ED25519 Public-Key/);
    const hex = rawPublicKey(loadPublicKey(pair.publicPem)).toString('hex');
    expect(textOut.replace(/[^0-9a-f]/g, '')).toContain(hex);
  });

  it('openssl decrypts our encrypted key with the passphrase and not without', () => {
    const pair = generateKeyPair('s3cret passphrase');
    writeFileSync(join(dir, 'enc.key'), pair.privatePem);
    expect(run(['pkey', '-in', join(dir, 'enc.key'), '-passin', 'pass:s3cret passphrase', '-pubout'])).toBe(pair.publicPem);
    const wrong = spawnSync('openssl', ['pkey', '-in', join(dir, 'enc.key'), '-passin', 'pass:nope', '-pubout'], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    // And a key openssl generated and encrypted loads here.
    run(['genpkey', '-algorithm', 'ed25519', '-aes-256-cbc', '-pass', 'pass:from openssl', '-out', join(dir, 'ossl.key')]);
    const key = loadPrivateKey(readFileSync(join(dir, 'ossl.key'), 'utf8'), 'from openssl');
    expect(exportPublicKey(key)).toBe(run(['pkey', '-in', join(dir, 'ossl.key'), '-passin', 'pass:from openssl', '-pubout']));
  });

  it('openssl verifies our DSSE signature over the PAE bytes (independent Ed25519 implementation)', () => {
    const pair = generateKeyPair();
    const payload = new TextEncoder().encode('{"hello":"world"}');
    const env = signEnvelope('application/vnd.forewarn.schedule+json', payload, [loadPrivateKey(pair.privatePem)]);
    writeFileSync(join(dir, 'v.pub'), pair.publicPem);
    writeFileSync(join(dir, 'pae.bin'), pae(env.payloadType, payload));
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(env.signatures[0]!.sig, 'base64'));
    const out = run(['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'v.pub'), '-rawin', '-in', join(dir, 'pae.bin'), '-sigfile', join(dir, 'sig.bin')]);
    expect(out).toMatch(/Signature Verified Successfully/);
    writeFileSync(join(dir, 'pae.bin'), pae(env.payloadType, new TextEncoder().encode('{"hello":"World"}')));
    const bad = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'v.pub'), '-rawin', '-in', join(dir, 'pae.bin'), '-sigfile', join(dir, 'sig.bin')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
