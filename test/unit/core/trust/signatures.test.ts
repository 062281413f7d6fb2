// The signature-counting rule (core/trust/signatures.ts), case by case.
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignatures, pae, PAYLOAD_TYPES, type DecodedEnvelope, type SignatureCheck } from '../../../../core/trust/index.js';
import { makeRoot, newKey, utf8, type TestKey } from './helpers.js';

const A = newKey();
const B = newKey();
const C = newKey();
const ROOT_ONLY = newKey();
const ATTACKER = newKey();
const payload = utf8('{"version":1}');
const TYPE = PAYLOAD_TYPES.schedule;

/** A real signature by `by` over (type, body). */
const sigBy = (by: TestKey, type: string = TYPE, body: Uint8Array = payload): Uint8Array => sign(null, pae(type, body), by.privateKey);
/** A signature that does not verify, labelled with `key`. */
const badSig = (key: TestKey) => ({ keyid: key.keyid, sig: sigBy(key, TYPE, utf8('{"version":2}')) });
const goodSig = (key: TestKey) => ({ keyid: key.keyid, sig: sigBy(key) });

function check(threshold: number, signatures: DecodedEnvelope['signatures']): SignatureCheck {
  const root = makeRoot({ rootKeys: [ROOT_ONLY], scheduleKeys: [A, B, C], scheduleThreshold: threshold });
  return checkSignatures({ payloadType: TYPE, payload, signatures }, root.roles.schedule, root.keys, 'schedule');
}

const outcome = (r: SignatureCheck): string => (r.ok ? `ok:${r.keyids.length}` : r.reason);

describe('counting signatures: first matching rule wins', () => {
  it.each<[string, number, () => DecodedEnvelope['signatures'], string]>([
    ['one valid role key, threshold 1', 1, () => [goodSig(A)], 'ok:1'],
    ['two distinct valid keys, threshold 2', 2, () => [goodSig(A), goodSig(B)], 'ok:2'],
    ['a failed signature of a key does not cancel its valid one', 2, () => [badSig(A), goodSig(A), goodSig(B)], 'ok:2'],
    ['stops at the threshold (the bad one after it is never needed)', 1, () => [goodSig(A), badSig(B)], 'ok:1'],
    ['forged by a key the root does not know', 1, () => [goodSig(ATTACKER)], 'unknown-key'],
    ['a root-role key cannot sign schedules', 1, () => [goodSig(ROOT_ONLY)], 'unknown-key'],
    ['only role-key signature fails', 1, () => [badSig(A)], 'bad-signature'],
    ['unknown keys are ignored; the known one failed', 1, () => [goodSig(ATTACKER), badSig(A)], 'bad-signature'],
    ['all known-key signatures fail, threshold 2', 2, () => [badSig(A), badSig(B)], 'bad-signature'],
    ['one valid + one from an attacker key, threshold 2', 2, () => [goodSig(A), goodSig(ATTACKER)], 'threshold-not-met'],
    ['the same key twice counts once, threshold 2', 2, () => [goodSig(A), goodSig(A)], 'threshold-not-met'],
    ['one valid + one failed, threshold 2', 2, () => [goodSig(A), badSig(B)], 'threshold-not-met'],
    ['2 of 3 required', 3, () => [goodSig(A), goodSig(B)], 'threshold-not-met'],
    ["A's valid signature labelled as B does not count for B", 1, () => [{ keyid: B.keyid, sig: sigBy(A) }], 'bad-signature'],
    ['mislabelled + real B, threshold 2', 2, () => [{ keyid: B.keyid, sig: sigBy(A) }, goodSig(B)], 'threshold-not-met'],
    ['signed as a root envelope (other payloadType)', 1, () => [{ keyid: A.keyid, sig: sigBy(A, PAYLOAD_TYPES.root) }], 'bad-signature'],
    ['garbage 64 bytes', 1, () => [{ keyid: A.keyid, sig: new Uint8Array(64) }], 'bad-signature'],
    ['wrong-length signature never throws', 1, () => [{ keyid: A.keyid, sig: new Uint8Array(3) }], 'bad-signature'],
  ])('%s -> %s', (_name, threshold, signatures, expected) => {
    expect(outcome(check(threshold, signatures()))).toBe(expected);
  });

  it('reports which keys counted, and says how many of how many', () => {
    const accepted = check(2, [goodSig(B), goodSig(A)]);
    expect(accepted.ok && accepted.keyids).toEqual([A.keyid, B.keyid].sort());
    const short = check(3, [goodSig(A), goodSig(B), badSig(C)]);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.detail).toMatch(/^2 of the 3 required schedule keys signed validly; failed: /);
  });

  it('a key with one failed and one valid signature counts as valid, not as failed', () => {
    const result = check(2, [badSig(A), goodSig(A), badSig(B)]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toBe(`1 of the 2 required schedule keys signed validly; failed: ${B.keyid.slice(0, 12)}…`);
  });

  it('a role with no usable threshold accepts nothing', () => {
    const sigs = [goodSig(A)];
    expect(outcome(checkSignatures({ payloadType: TYPE, payload, signatures: sigs }, { keyids: [A.keyid], threshold: 0 }, { [A.keyid]: { public: '' } }, 'x'))).toBe('threshold-not-met');
  });
});
