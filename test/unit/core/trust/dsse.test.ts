import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addSignatures,
  decodeCanonicalBase64,
  decodeEnvelope,
  loadPrivateKey,
  MAX_ENVELOPE_BYTES,
  MAX_SIGNATURES,
  pae,
  PAYLOAD_TYPES,
  serializeEnvelope,
  signEnvelope,
  type DecodeResult,
} from '../../../../core/trust/index.js';
import { b64, editEnvelope, envelopeBytes, newKey, text, utf8 } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/trust');

function malformed(result: DecodeResult): string {
  if (result.ok) throw new Error('expected malformed-envelope, got ok');
  expect(result.reason).toBe('malformed-envelope');
  return result.detail;
}

describe('PAE', () => {
  it('matches the DSSE spec test vector', () => {
    expect(pae('http://example.com/HelloWorld', utf8('hello world')).toString('latin1')).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });
  it('counts BYTES, not characters, for both lengths', () => {
    expect(pae('t/é', utf8('ü€')).toString('utf8')).toBe('DSSEv1 4 t/é 5 ü€');
    expect(pae('', new Uint8Array()).toString('latin1')).toBe('DSSEv1 0  0 ');
  });
});

describe('known answer: openssl-made golden envelope', () => {
  it('re-signing the golden payload with the golden key gives the same bytes, and it decodes', () => {
    const golden = readFileSync(join(FIXTURES, 'TEST-ONLY-golden-envelope.json'), 'utf8');
    const payload = readFileSync(join(FIXTURES, 'TEST-ONLY-golden-payload.json'));
    const key = loadPrivateKey(readFileSync(join(FIXTURES, 'TEST-ONLY-ed25519.key'), 'utf8'));
    expect(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, payload, [key]))).toBe(golden);
    const decoded = decodeEnvelope(utf8(golden));
    expect(decoded.ok && Buffer.from(decoded.envelope.payload).equals(payload)).toBe(true);
  });
});

describe('signEnvelope / serializeEnvelope / addSignatures', () => {
  const a = newKey();
  const b = newKey();
  const payload = utf8('{"x":1}');

  it('is deterministic and independent of key order; signatures sorted by keyid', () => {
    const one = serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, payload, [a.privateKey, b.privateKey]));
    const two = serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, payload, [b.privateKey, a.privateKey]));
    expect(one).toBe(two);
    expect(one.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(one) as { signatures: { keyid: string }[] };
    expect(Object.keys(JSON.parse(one) as object)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(parsed.signatures.map((s) => s.keyid)).toEqual([a.keyid, b.keyid].sort());
  });

  it('refuses no keys, public keys, and the same key twice', () => {
    expect(() => signEnvelope(PAYLOAD_TYPES.schedule, payload, [])).toThrow(/at least one key/);
    expect(() => signEnvelope(PAYLOAD_TYPES.schedule, payload, [a.publicKey])).toThrow(/private keys/);
    expect(() => signEnvelope(PAYLOAD_TYPES.schedule, payload, [a.privateKey, a.privateKey])).toThrow(/same key was given twice/);
  });

  it('addSignatures: a second signer adds theirs; the result equals signing with both at once', () => {
    const first = signEnvelope(PAYLOAD_TYPES.schedule, payload, [a.privateKey]);
    const both = addSignatures(first, [b.privateKey]);
    expect(serializeEnvelope(both)).toBe(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, payload, [a.privateKey, b.privateKey])));
    expect(addSignatures(both, [a.privateKey]).signatures).toHaveLength(2);
  });
});

describe('decodeEnvelope is strict', () => {
  const key = newKey();
  const good = envelopeBytes(signEnvelope(PAYLOAD_TYPES.schedule, utf8('{"x":1}'), [key.privateKey]));
  const goodText = text(good);

  it('decodes a good envelope to bytes', () => {
    const result = decodeEnvelope(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(text(result.envelope.payload)).toBe('{"x":1}');
    expect(result.envelope.signatures).toHaveLength(1);
    expect(result.envelope.signatures[0]?.sig).toHaveLength(64);
  });

  it('too-large: over the cap, before decoding anything', () => {
    const result = decodeEnvelope(new Uint8Array(MAX_ENVELOPE_BYTES + 1).fill(0xff));
    expect(result.ok || result.reason).toBe('too-large');
    expect(decodeEnvelope(good, good.byteLength - 1).ok).toBe(false);
    expect(decodeEnvelope(good, good.byteLength).ok).toBe(true);
  });

  it.each<[string, (e: Record<string, unknown>) => void, RegExp]>([
    ['unknown top-level field', (e) => { e.extra = 1; }, /unknown field "extra"/],
    ['missing payloadType', (e) => { delete e.payloadType; }, /missing "payloadType"/],
    ['missing payload', (e) => { delete e.payload; }, /missing "payload"/],
    ['missing signatures', (e) => { delete e.signatures; }, /missing "signatures"/],
    ['payloadType not a string', (e) => { e.payloadType = 5; }, /payloadType must be a non-empty string/],
    ['payloadType empty', (e) => { e.payloadType = ''; }, /payloadType must be a non-empty string/],
    ['payload not a string', (e) => { e.payload = [1]; }, /payload must be a base64 string/],
    ['signatures not an array', (e) => { e.signatures = {}; }, /signatures must be an array/],
    ['signatures empty', (e) => { e.signatures = []; }, /signatures is empty/],
    ['too many signatures', (e) => { e.signatures = Array.from({ length: MAX_SIGNATURES + 1 }, () => (e.signatures as unknown[])[0]); }, /at most 32 are read/],
    ['signature not an object', (e) => { e.signatures = ['x']; }, /signatures\[0\] must be an object/],
    ['unknown signature field', (e) => { (e.signatures as Record<string, unknown>[])[0]!.cert = 'x'; }, /signatures\[0\] has unknown field "cert"/],
    ['missing keyid', (e) => { delete (e.signatures as Record<string, unknown>[])[0]!.keyid; }, /signatures\[0\] is missing "keyid"/],
    ['keyid uppercase', (e) => { const s = (e.signatures as { keyid: string }[])[0]!; s.keyid = s.keyid.toUpperCase(); }, /keyid must be 64 lowercase hex/],
    ['keyid short', (e) => { (e.signatures as Record<string, string>[])[0]!.keyid = 'abc'; }, /keyid must be 64 lowercase hex/],
    ['sig not a string', (e) => { (e.signatures as Record<string, unknown>[])[0]!.sig = null; }, /sig must be a base64 string/],
    ['sig too short', (e) => { (e.signatures as Record<string, string>[])[0]!.sig = b64(new Uint8Array(63)); }, /sig is 63 bytes/],
    ['sig URL-safe alphabet', (e) => { (e.signatures as Record<string, string>[])[0]!.sig = b64(new Uint8Array(64).fill(0xfb)).replaceAll('+', '-').replaceAll('/', '_'); }, /sig is not canonical/],
    ['payload without padding', (e) => { e.payload = b64(utf8('{"x":1}')).replace(/=+$/, ''); }, /payload is not canonical/],
    ['payload with a line break', (e) => { const p = b64(utf8('{"x":12345678901234567890}')); e.payload = `${p.slice(0, 8)}\n${p.slice(8)}`; }, /payload is not canonical/],
  ])('%s', (_name, edit, message) => {
    expect(malformed(decodeEnvelope(editEnvelope(good, edit)))).toMatch(message);
  });

  it('duplicate keys at any level, invalid UTF-8, a BOM, non-JSON, a non-object, too deep', () => {
    const dupTop = goodText.replace('"payloadType":', '"payloadType": "x", "payloadType":');
    expect(malformed(decodeEnvelope(utf8(dupTop)))).toMatch(/duplicate key "payloadType" at \$/);
    const dupSig = goodText.replace('"keyid":', `"sig": "AAAA", "keyid":`);
    expect(malformed(decodeEnvelope(utf8(dupSig)))).toMatch(/duplicate key "sig" at \$.signatures\[0\]/);
    expect(malformed(decodeEnvelope(Uint8Array.from([0x7b, 0xff, 0x7d])))).toMatch(/not valid UTF-8/);
    expect(malformed(decodeEnvelope(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good])))).toMatch(/byte-order mark/);
    expect(malformed(decodeEnvelope(utf8('{"payloadType":')))).toMatch(/not strict JSON/);
    expect(malformed(decodeEnvelope(utf8('[1]')))).toMatch(/not a JSON object/);
    expect(malformed(decodeEnvelope(utf8('{"a":[[{"b":1}]]}')))).toMatch(/nested deeper than 3/);
  });
});

describe('canonical base64', () => {
  it('accepts exactly what the encoder produces', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(decodeCanonicalBase64(b64(bytes))).toEqual(Buffer.from(bytes));
    }
  });
  it.each([
    ['no padding', 'QQ'],
    ['too much padding', 'QQ==='],
    ['non-zero unused bits', 'QR=='],
    ['non-zero unused bits (1 pad)', 'QUF='],
    ['URL-safe alphabet', '-_-_'],
    ['whitespace', 'QUFB QUFB'],
    ['newline', 'QUFB\nQUFB'],
    ['padding in the middle', 'QQ==QUFB'],
    ['non-ASCII', 'QUFé'],
    ['a lone =', '===='],
  ])('refuses %s (%j), although Buffer decodes it', (_name, input) => {
    expect(decodeCanonicalBase64(input)).toBeNull();
    // Long strings skip the charset regex and rely on the round trip alone: same answer.
    expect(decodeCanonicalBase64('QUFB'.repeat(300) + input)).toBeNull();
  });
});
