// verifySchedule: every rejection reason, and a fixture for each TUF attack class.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatRejection,
  loadPublicKey,
  MAX_ENVELOPE_BYTES,
  PAYLOAD_TYPES,
  REJECTION_REASONS,
  RootError,
  signEnvelope,
  updateRoot,
  verifySchedule,
  type RootDocument,
  type VerifyResult,
  type VerifyScheduleOptions,
} from '../../../../core/trust/index.js';
import {
  b64,
  editEnvelope,
  envelopeBytes,
  FLEET,
  makeRoot,
  newKey,
  NOW,
  parseEnvelope,
  schedulePayload,
  scheduleInput,
  signedRoot,
  signedSchedule,
  utf8,
  type TestKey,
} from './helpers.js';

const ROOT_KEY = newKey();
const S1 = newKey();
const S2 = newKey();
const ATTACKER = newKey();
/** Threshold 1: one schedule key. */
const root = makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [S1] });
/** Threshold 2 of {S1, S2}. */
const root2of2 = makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [S1, S2], scheduleThreshold: 2 });

const seen = new Set<string>();

function verify(bytes: Uint8Array, opts: Partial<VerifyScheduleOptions> = {}): VerifyResult {
  const result = verifySchedule(bytes, { root, now: NOW, ...opts });
  if (!result.ok) seen.add(result.reason);
  return result;
}

/** The reason, or "accepted". */
const outcome = (r: VerifyResult | ReturnType<typeof updateRoot>): string => {
  if (!r.ok) seen.add(r.reason);
  return r.ok ? 'accepted' : r.reason;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('accepts a good schedule', () => {
  it('returns the schedule, the exact signed payload, its sha256, version and signing keys', () => {
    const payload = schedulePayload({ version: 7 });
    const result = verify(signedSchedule([S1], payload));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Buffer.from(result.payload).equals(Buffer.from(payload))).toBe(true);
    expect(result.payloadSha256).toBe(sha256(payload));
    expect(result.version).toBe(7);
    expect(result.schedule.version).toBe(7);
    expect(result.schedule.fleet).toBe(FLEET);
    expect(result.unchanged).toBe(false);
    expect(result.keyids).toEqual([S1.keyid]);
  });

  it('accepts the openssl-signed golden envelope under a root naming the TEST-ONLY key', () => {
    const fixtures = join(import.meta.dirname, '../../../fixtures/trust');
    const golden = readFileSync(join(fixtures, 'TEST-ONLY-golden-envelope.json'));
    const fixtureKey = loadPublicKey(readFileSync(join(fixtures, 'TEST-ONLY-ed25519.pub'), 'utf8'));
    const goldenRoot = makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [{ publicKey: fixtureKey } as TestKey] });
    const result = verify(golden, { root: goldenRoot });
    expect(result.ok && result.version).toBe(3);
  });

  it('a root that is not a valid root document is a programming error: it throws', () => {
    const broken = { ...root, roles: { ...root.roles, schedule: { keyids: [S1.keyid], threshold: 0 } } } as RootDocument;
    expect(() => verifySchedule(signedSchedule([S1]), { root: broken, now: NOW })).toThrow(RootError);
  });

  it('a damaged state is a programming error too: it throws rather than dropping rollback protection', () => {
    const state = { version: Number.NaN, payloadSha256: 'x' };
    expect(() => verifySchedule(signedSchedule([S1], { version: 1 }), { root, now: NOW, state })).toThrow(TypeError);
  });
});

describe('TUF attack classes', () => {
  it('arbitrary software: a schedule forged with a key the root does not trust -> unknown-key', () => {
    expect(outcome(verify(signedSchedule([ATTACKER])))).toBe('unknown-key');
    // ...even with a copy of a real keyid on the forged signature.
    const relabelled = editEnvelope(signedSchedule([ATTACKER]), (e) => { e.signatures[0]!.keyid = S1.keyid; });
    expect(outcome(verify(relabelled))).toBe('bad-signature');
    // ...and a root-role key cannot sign schedules (role separation).
    expect(outcome(verify(signedSchedule([ROOT_KEY])))).toBe('unknown-key');
  });

  it('tampering: payload changed after signing -> bad-signature', () => {
    const evil = schedulePayload({ version: 7, expires: '2099-01-01T00:00:00Z' });
    const tampered = editEnvelope(signedSchedule([S1], { version: 7 }), (e) => { e.payload = b64(evil); });
    expect(outcome(verify(tampered))).toBe('bad-signature');
  });

  it('rollback: an older, correctly signed schedule -> rollback', () => {
    const old = signedSchedule([S1], { version: 6 });
    expect(outcome(verify(old, { state: { version: 7, payloadSha256: 'a'.repeat(64) } }))).toBe('rollback');
    // Rollback is reported as such even when the old schedule has also expired.
    const oldExpired = signedSchedule([S1], { version: 6, issued: '2026-01-01T00:00:00Z', expires: '2026-02-01T00:00:00Z' });
    expect(outcome(verify(oldExpired, { state: { version: 7, payloadSha256: 'a'.repeat(64) } }))).toBe('rollback');
  });

  it('equivocation: same version, different content -> equivocation; same content -> unchanged', () => {
    const payload = schedulePayload({ version: 7 });
    const state = { version: 7, payloadSha256: sha256(payload) };
    const same = verify(signedSchedule([S1], payload), { state });
    expect(same.ok && same.unchanged).toBe(true);
    const other = schedulePayload({ version: 7, maintenances: 2 });
    expect(outcome(verify(signedSchedule([S1], other), { state }))).toBe('equivocation');
    // The same payload re-signed (another valid envelope) is still unchanged: identity is the payload.
    const resigned = verify(signedSchedule([S1, S2], payload), { state, root: makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [S1, S2] }) });
    expect(resigned.ok && resigned.unchanged).toBe(true);
    const newer = verify(signedSchedule([S1], { version: 8 }), { state });
    expect(newer.ok && !newer.unchanged).toBe(true);
  });

  it('indefinite freeze: an expired schedule -> expired (also when unchanged); expiry is exclusive', () => {
    const payload = schedulePayload({ expires: '2026-12-01T00:00:00Z' }); // = NOW
    expect(outcome(verify(signedSchedule([S1], payload)))).toBe('expired');
    expect(outcome(verify(signedSchedule([S1], payload), { now: NOW - 1 }))).toBe('accepted');
    const state = { version: 7, payloadSha256: sha256(payload) };
    expect(outcome(verify(signedSchedule([S1], payload), { state }))).toBe('expired');
  });

  it('indefinite freeze of the root: an expired trusted root accepts nothing -> expired', () => {
    const stale = makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [S1], expires: '2026-11-30T00:00:00Z' });
    const result = verify(signedSchedule([S1]), { root: stale });
    expect(outcome(result)).toBe('expired');
    expect(result.ok || result.detail).toMatch(/the trusted root \(version 1\) expired/);
  });

  it('endless data: bytes over the cap are refused before any parsing (50 MiB of garbage, fast)', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x5b); // "[[[[..." would be a depth error if parsed
    const started = performance.now();
    const result = verify(huge);
    const elapsed = performance.now() - started;
    expect(outcome(result)).toBe('too-large');
    expect(result.ok || result.detail).toBe(`the envelope is ${huge.byteLength} bytes; the limit is ${MAX_ENVELOPE_BYTES}`);
    expect(elapsed).toBeLessThan(50);
    // The cap is on the raw bytes: a good envelope one byte over a custom cap is refused, at the cap accepted.
    const good = signedSchedule([S1]);
    expect(outcome(verify(good, { maxBytes: good.byteLength - 1 }))).toBe('too-large');
    expect(outcome(verify(good, { maxBytes: good.byteLength }))).toBe('accepted');
  });

  it('mix-and-match: payload of one envelope with the signatures of another -> bad-signature', () => {
    const a = signedSchedule([S1], { version: 8 });
    const b = signedSchedule([S1], { version: 9, maintenances: 3 });
    const mixed = editEnvelope(a, (e) => { e.signatures = parseEnvelope(b).signatures; });
    expect(outcome(verify(mixed))).toBe('bad-signature');
  });

  it('mix-and-match across fleets: a schedule signed for fleet B under the root of fleet A -> wrong-fleet', () => {
    const forB = signedSchedule([S1], { fleet: 'beta-desktops' });
    expect(outcome(verify(forB))).toBe('wrong-fleet');
    const rootB = makeRoot({ fleet: 'beta-desktops', rootKeys: [ROOT_KEY], scheduleKeys: [S1] });
    expect(outcome(verify(forB, { root: rootB }))).toBe('accepted');
    // The agent's own fleet id (managed config) must match too.
    expect(outcome(verify(forB, { root: rootB, fleet: FLEET }))).toBe('wrong-fleet');
    expect(outcome(verify(signedSchedule([S1]), { fleet: FLEET }))).toBe('accepted');
  });

  it('key compromise below threshold: one valid signature + one from an attacker key -> threshold-not-met', () => {
    const payload = schedulePayload();
    expect(outcome(verify(signedSchedule([S1, ATTACKER], payload), { root: root2of2 }))).toBe('threshold-not-met');
    // One key signing twice is still one key.
    const twice = editEnvelope(signedSchedule([S1], payload), (e) => { e.signatures = [e.signatures[0]!, { ...e.signatures[0]! }]; });
    expect(outcome(verify(twice, { root: root2of2 }))).toBe('threshold-not-met');
    expect(outcome(verify(signedSchedule([S1, S2], payload), { root: root2of2 }))).toBe('accepted');
  });

  it('key compromise, revoked by rotation: after root v2 drops S1, S1 signs nothing; S2 does', () => {
    const v2 = makeRoot({ version: 2, rootKeys: [ROOT_KEY], scheduleKeys: [S2] });
    const rotated = updateRoot(root, [signedRoot(v2, [ROOT_KEY])], { now: NOW });
    expect(rotated.ok && rotated.scheduleRoleChanged).toBe(true);
    if (!rotated.ok) return;
    expect(outcome(verify(signedSchedule([S1]), { root: rotated.root }))).toBe('unknown-key');
    expect(outcome(verify(signedSchedule([S2]), { root: rotated.root }))).toBe('accepted');
    // A rotation that the old root keys did not sign is refused: the agent keeps the old root.
    const forged = signedRoot(makeRoot({ version: 2, rootKeys: [ATTACKER], scheduleKeys: [ATTACKER] }), [ATTACKER]);
    expect(outcome(updateRoot(root, [forged], { now: NOW }))).toBe('root-rotation-invalid');
  });

  it('type confusion: a correctly signed root envelope is not a schedule -> wrong-payload-type', () => {
    const mixedRoot = makeRoot({ rootKeys: [S1], scheduleKeys: [S1] });
    expect(outcome(verify(signedRoot(mixedRoot, [S1]), { root: mixedRoot }))).toBe('wrong-payload-type');
    const generic = envelopeBytes(signEnvelope('application/json', schedulePayload(), [S1.privateKey]));
    expect(outcome(verify(generic))).toBe('wrong-payload-type');
  });
});

describe('malformed input and invalid schedules', () => {
  it('malformed-envelope: not JSON, extra fields, duplicate keys, lenient base64', () => {
    const good = signedSchedule([S1]);
    expect(outcome(verify(utf8('hello')))).toBe('malformed-envelope');
    expect(outcome(verify(new Uint8Array(0)))).toBe('malformed-envelope');
    expect(outcome(verify(editEnvelope(good, (e) => { e.note = 'x'; })))).toBe('malformed-envelope');
    const dup = Buffer.from(good).toString('utf8').replace('"payload":', '"payload": "e30=", "payload":');
    expect(outcome(verify(utf8(dup)))).toBe('malformed-envelope');
    const urlSafe = editEnvelope(good, (e) => { e.payload = e.payload.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''); });
    expect(outcome(verify(urlSafe))).toBe('malformed-envelope');
  });

  it('invalid-schedule: a correctly signed document that is not a valid schedule, with issues', () => {
    const input = scheduleInput();
    input.fleet = 'ACME';
    delete input.expires;
    const result = verify(signedSchedule([S1], utf8(JSON.stringify(input))));
    expect(outcome(result)).toBe('invalid-schedule');
    if (result.ok) return;
    expect(result.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['fleet', 'expires']));
  });

  it('invalid-schedule: duplicate keys inside the signed payload (parser differential)', () => {
    const json = JSON.stringify(scheduleInput({ version: 7 })).replace('"version":7', '"version":7,"version":99');
    const result = verify(signedSchedule([S1], utf8(json)));
    expect(outcome(result)).toBe('invalid-schedule');
    expect(result.ok || result.detail).toMatch(/duplicate key "version" at \$/);
    expect(result.ok || result.issues?.[0]?.line).toBe(1);
  });

  it('invalid-schedule: signed bytes that are not UTF-8, start with a BOM, or are not JSON', () => {
    expect(outcome(verify(signedSchedule([S1], Uint8Array.from([0x7b, 0xc3, 0x28, 0x7d]))))).toBe('invalid-schedule');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(schedulePayload())]);
    expect(outcome(verify(signedSchedule([S1], bom)))).toBe('invalid-schedule');
    expect(outcome(verify(signedSchedule([S1], utf8('version: 7'))))).toBe('invalid-schedule');
  });

  it('checks run in the documented order (first failure wins)', () => {
    // wrong type beats a bad signature
    const typed = editEnvelope(signedSchedule([S1]), (e) => { e.payloadType = PAYLOAD_TYPES.root; });
    expect(outcome(verify(typed))).toBe('wrong-payload-type');
    // invalid schedule beats wrong fleet
    const badForB = scheduleInput({ fleet: 'beta' });
    delete badForB.issued;
    expect(outcome(verify(signedSchedule([S1], utf8(JSON.stringify(badForB)))))).toBe('invalid-schedule');
    // wrong fleet beats rollback
    expect(outcome(verify(signedSchedule([S1], { fleet: 'beta', version: 1 }), { state: { version: 5, payloadSha256: '' } }))).toBe('wrong-fleet');
    // rollback beats expired (above); equivocation beats expired
    const expiredOther = signedSchedule([S1], { version: 5, issued: '2026-01-01T00:00:00Z', expires: '2026-02-01T00:00:00Z' });
    expect(outcome(verify(expiredOther, { state: { version: 5, payloadSha256: 'b'.repeat(64) } }))).toBe('equivocation');
    // an expired trusted root is reported first, even before the size cap (it refuses everything anyway)
    const stale = makeRoot({ rootKeys: [ROOT_KEY], scheduleKeys: [S1], expires: '2026-01-01T00:00:00Z' });
    expect(outcome(verify(new Uint8Array(10), { root: stale, maxBytes: 5 }))).toBe('expired');
  });
});

describe('formatRejection and the reason vocabulary', () => {
  it('formats "rejected: <reason>: <detail>"', () => {
    const result = verify(signedSchedule([ATTACKER]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatRejection(result)).toBe(`rejected: unknown-key: ${result.detail}`);
    expect(formatRejection(result)).toMatch(/^rejected: unknown-key: no signature is from a schedule key \(signed by: [0-9a-f]{12}…\)$/);
  });

  // Runs last in this file (vitest runs a file's tests in order): every reason must have come up above.
  it('every reason was produced by some test above (and there are exactly 12)', () => {
    expect(REJECTION_REASONS).toHaveLength(12);
    expect([...seen].sort()).toEqual([...REJECTION_REASONS].sort());
  });
});
