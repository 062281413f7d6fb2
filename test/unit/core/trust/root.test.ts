import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createRoot,
  loadTrustedRoot,
  MAX_ROOT_CHAIN,
  PAYLOAD_TYPES,
  rawPublicKey,
  RootError,
  rootPayload,
  signEnvelope,
  updateRoot,
  validateRoot,
  type RootDocument,
} from '../../../../core/trust/index.js';
import { DAY, editEnvelope, envelopeBytes, FLEET, makeRoot, newKey, NOW, signedRoot, signedSchedule, text, utf8 } from './helpers.js';

const R1 = newKey();
const R2 = newKey();
const R3 = newKey();
const S1 = newKey();
const S2 = newKey();

const root1 = makeRoot({ rootKeys: [R1, R2], rootThreshold: 2, scheduleKeys: [S1] });

/** A root document as plain JSON, for breaking it field by field. */
const plain = (root: RootDocument): Record<string, unknown> => JSON.parse(JSON.stringify(root)) as Record<string, unknown>;

function issuesOf(value: unknown): string[] {
  const result = validateRoot(value);
  if (result.ok) throw new Error('expected an invalid root');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('validateRoot', () => {
  it('accepts a good root and returns it frozen, keys and keyids sorted', () => {
    const result = validateRoot(plain(root1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.isFrozen(result.root)).toBe(true);
    expect(Object.isFrozen(result.root.roles.root.keyids)).toBe(true);
    expect(Object.keys(result.root.keys)).toEqual([...Object.keys(result.root.keys)].sort());
    expect(result.root.roles.root.keyids).toEqual([R1.keyid, R2.keyid].sort());
  });

  it.each<[string, (d: Record<string, any>) => void, RegExp]>([
    ['keyid that is not sha256(public)', (d) => { const [k, v] = Object.entries(d.keys as object)[0]!; delete d.keys[k]; d.keys['0'.repeat(64)] = v; }, /keys\["?0{64}"?\]: the keyid is not the SHA-256 of this public key/],
    ['role keyid not in keys', (d) => { d.roles.schedule.keyids = ['f'.repeat(64)]; }, /roles\.schedule\.keyids\[0\]: this keyid is not in keys/],
    ['role lists a key twice', (d) => { d.roles.root.keyids = [R1.keyid, R1.keyid]; }, /roles\.root\.keyids\[1\]: this key is listed twice/],
    ['threshold above the keys', (d) => { d.roles.root.threshold = 3; }, /roles\.root\.threshold: the threshold 3 is more than the role's 2 key\(s\)/],
    ['threshold above distinct keys', (d) => { d.roles.root.keyids = [R1.keyid, R1.keyid]; d.roles.root.threshold = 2; }, /roles\.root\.threshold: the threshold 2 is more than the role's 1 key/],
    ['threshold 0', (d) => { d.roles.schedule.threshold = 0; }, /roles\.schedule\.threshold: the threshold is at least 1/],
    ['threshold not an integer', (d) => { d.roles.schedule.threshold = 1.5; }, /roles\.schedule\.threshold/],
    ['empty role', (d) => { d.roles.schedule.keyids = []; }, /roles\.schedule\.keyids: a role needs at least one key/],
    ['version 0', (d) => { d.version = 0; }, /^version: /],
    ['version as string', (d) => { d.version = '2'; }, /^version: /],
    ['expires without offset', (d) => { d.expires = '2027-12-31T00:00:00'; }, /^expires: must be an RFC 3339 date-time with an offset/],
    ['expires not a date', (d) => { d.expires = '2027-02-30T00:00:00Z'; }, /^expires: /],
    ['unknown field', (d) => { d.comment = 'hi'; }, /comment/],
    ['unknown role', (d) => { d.roles.timestamp = d.roles.schedule; }, /^roles: .*timestamp/],
    ['wrong type', (d) => { d.type = 'forewarn-schedule'; }, /^type: /],
    ['wrong format', (d) => { d.format = 2; }, /^format: /],
    ['empty fleet', (d) => { d.fleet = ''; }, /^fleet: the fleet id is not empty/],
    ['keytype not ed25519', (d) => { (Object.values(d.keys as object)[0] as Record<string, unknown>).keytype = 'rsa'; }, /keytype/],
    ['public key not hex', (d) => { (Object.values(d.keys as object)[0] as Record<string, unknown>).public = 'Z'.repeat(64); }, /public: must be the raw 32-byte/],
    ['uppercase keyid', (d) => { d.roles.schedule.keyids = [S1.keyid.toUpperCase()]; }, /roles\.schedule\.keyids\[0\]: must be 64 lowercase hex/],
  ])('refuses %s', (_name, edit, expected) => {
    const doc = plain(root1);
    edit(doc);
    expect(issuesOf(doc).join('\n')).toMatch(expected);
  });

  it('createRoot takes public halves only, and throws RootError with the issues', () => {
    const fromPrivate = createRoot({
      fleet: FLEET,
      version: 1,
      expires: '2027-12-31T00:00:00Z',
      roles: { root: { keys: [R1.privateKey], threshold: 1 }, schedule: { keys: [S1.privateKey], threshold: 1 } },
    });
    expect(fromPrivate.keys[R1.keyid]?.public).toBe(rawPublicKey(R1.publicKey).toString('hex'));
    expect(createHash('sha256').update(Buffer.from(fromPrivate.keys[R1.keyid]!.public, 'hex')).digest('hex')).toBe(R1.keyid);
    expect(JSON.stringify(fromPrivate)).not.toMatch(/PRIVATE/);
    expect(fromPrivate.keys[R1.keyid]?.public).toHaveLength(64);
    expect(() => makeRoot({ rootKeys: [R1], rootThreshold: 2, scheduleKeys: [S1] })).toThrow(RootError);
    try {
      makeRoot({ rootKeys: [R1], rootThreshold: 2, scheduleKeys: [S1] });
    } catch (e) {
      expect((e as RootError).issues[0]?.path).toBe('roles.root.threshold');
    }
  });

  it('the signed payload is JSON.stringify of the canonical document, whatever the input order', () => {
    const shuffled = { roles: plain(root1).roles, keys: plain(root1).keys, expires: root1.expires, version: 1, fleet: FLEET, format: 1, type: 'forewarn-root' };
    expect(text(rootPayload(shuffled as unknown as RootDocument))).toBe(JSON.stringify(root1));
    expect(Object.keys(JSON.parse(JSON.stringify(root1)) as object)).toEqual(['type', 'format', 'fleet', 'version', 'expires', 'keys', 'roles']);
  });
});

describe('loadTrustedRoot: the pinned root must be signed by a threshold of its own root role', () => {
  const good = signedRoot(root1, [R1, R2]);

  it('accepts it', () => {
    const result = loadTrustedRoot(good, { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.root).toEqual(root1);
    expect(result.keyids).toEqual([R1.keyid, R2.keyid].sort());
    expect(result.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, () => Uint8Array, string]>([
    ['below its root threshold (1 of 2)', () => signedRoot(root1, [R1]), 'threshold-not-met'],
    ['signed only by its schedule key', () => signedRoot(root1, [S1]), 'unknown-key'],
    ['payload changed after signing', () => editEnvelope(good, (e) => { e.payload = Buffer.from(JSON.stringify({ ...root1, version: 9 })).toString('base64'); }), 'bad-signature'],
    ['a schedule envelope instead', () => signedSchedule([R1, R2]), 'wrong-payload-type'],
    ['not an envelope', () => utf8('{"type":"forewarn-root"}'), 'malformed-envelope'],
    ['over the size cap', () => new Uint8Array(2 * 1024 * 1024), 'too-large'],
  ])('refuses: %s -> %s', (_name, bytes, reason) => {
    const result = loadTrustedRoot(bytes(), { now: NOW });
    expect(result.ok || result.reason).toBe(reason);
  });

  it('refuses a signed root document that is invalid or has duplicate keys -> root-rotation-invalid, with issues', () => {
    const invalid = { ...plain(root1), version: 0 };
    const env = envelopeBytes(signEnvelope(PAYLOAD_TYPES.root, utf8(JSON.stringify(invalid)), [R1.privateKey, R2.privateKey]));
    const result = loadTrustedRoot(env, { now: NOW });
    expect(result.ok || result.reason).toBe('root-rotation-invalid');
    if (!result.ok) expect(result.issues?.[0]?.path).toBe('version');

    const dup = JSON.stringify(root1).replace('"version":1', '"version":1,"version":1');
    const dupEnv = envelopeBytes(signEnvelope(PAYLOAD_TYPES.root, utf8(dup), [R1.privateKey, R2.privateKey]));
    const dupResult = loadTrustedRoot(dupEnv, { now: NOW });
    expect(dupResult.ok || dupResult.detail).toMatch(/duplicate key "version"/);
  });

  it('expired: refused with now, accepted with allowExpired (inspection)', () => {
    const after = Date.parse(root1.expires);
    expect(loadTrustedRoot(good, { now: after - 1 }).ok).toBe(true);
    const result = loadTrustedRoot(good, { now: after });
    expect(result.ok || result.reason).toBe('expired');
    expect(loadTrustedRoot(good, { now: after + DAY, allowExpired: true }).ok).toBe(true);
    expect(loadTrustedRoot(good, { allowExpired: true }).ok).toBe(true);
  });
});

describe('updateRoot: following the rotation chain', () => {
  // v2 replaces R2 by R3 and S1 by S2; v3 keeps everything but the expiry.
  const root2 = makeRoot({ version: 2, rootKeys: [R1, R3], rootThreshold: 2, scheduleKeys: [S2] });
  const root3 = makeRoot({ version: 3, rootKeys: [R1, R3], rootThreshold: 2, scheduleKeys: [S2], expires: '2028-06-30T00:00:00Z' });
  const env2 = signedRoot(root2, [R1, R2, R3]);
  const env3 = signedRoot(root3, [R1, R3]);

  const rejected = (r: ReturnType<typeof updateRoot>): string => (r.ok ? 'ok' : `${r.reason}: ${r.detail}`);

  it('1 -> 2 -> 3', () => {
    const result = updateRoot(root1, [env2, env3], { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.root).toEqual(root3);
    expect(result.applied).toBe(2);
    expect(result.scheduleRoleChanged).toBe(true);
    const step = updateRoot(root1, [env2], { now: NOW });
    expect(step.ok && step.root.version).toBe(2);
    const next = step.ok ? updateRoot(step.root, [env3], { now: NOW }) : step;
    expect(next.ok && next.root.version).toBe(3);
    expect(next.ok && next.scheduleRoleChanged).toBe(false);
  });

  it('an empty chain keeps the trusted root', () => {
    const result = updateRoot(root1, [], { now: NOW });
    expect(result.ok && result.root).toEqual(root1);
    expect(result.ok && result.applied).toBe(0);
  });

  it('refuses a new root without a threshold of the OLD root keys (checked before its payload is read)', () => {
    const onlyNew = signedRoot(root2, [R1, R3]); // R1 is 1 of old {R1,R2} threshold 2
    expect(rejected(updateRoot(root1, [onlyNew], { now: NOW }))).toMatch(/^root-rotation-invalid: .*not signed by a threshold of root v1's root keys: 1 of the 2/);
    // An attacker's "root" with garbage payload is refused for its signatures, not parsed.
    const garbage = envelopeBytes(signEnvelope(PAYLOAD_TYPES.root, utf8('{"version":2,"version":2'), [newKey().privateKey]));
    expect(rejected(updateRoot(root1, [garbage], { now: NOW }))).toMatch(/not signed by a threshold of root v1's root keys: no signature is from a root v1 root key/);
  });

  it('refuses a new root without a threshold of its OWN root keys', () => {
    const onlyOld = signedRoot(root2, [R1, R2]); // new root role {R1,R3} threshold 2: R3 missing
    expect(rejected(updateRoot(root1, [onlyOld], { now: NOW }))).toMatch(/^root-rotation-invalid: .*not signed by a threshold of its own root keys: 1 of the 2/);
  });

  it('refuses a version skip and a replayed version', () => {
    const skip = signedRoot(makeRoot({ version: 3, rootKeys: [R1, R2], rootThreshold: 2, scheduleKeys: [S1] }), [R1, R2]);
    expect(rejected(updateRoot(root1, [skip], { now: NOW }))).toMatch(/root-rotation-invalid: .*it is version 3: each root must be exactly the previous version \+ 1/);
    expect(rejected(updateRoot(root1, [signedRoot(root1, [R1, R2])], { now: NOW }))).toMatch(/it is version 1/);
    expect(rejected(updateRoot(root1, [env2, env2], { now: NOW }))).toMatch(/expected version 3\): .*it is version 2/);
  });

  it('refuses a fleet change', () => {
    const other = signedRoot(makeRoot({ fleet: 'other-fleet', version: 2, rootKeys: [R1, R2], rootThreshold: 2, scheduleKeys: [S1] }), [R1, R2]);
    expect(rejected(updateRoot(root1, [other], { now: NOW }))).toMatch(/root-rotation-invalid: .*a root cannot change fleet/);
  });

  it('refuses a chain over the cap', () => {
    expect(rejected(updateRoot(root1, [env2, env3], { now: NOW, maxChain: 1 }))).toMatch(/root-rotation-invalid: the root chain has 2 roots; at most 1/);
    const long = Array.from({ length: MAX_ROOT_CHAIN + 1 }, () => env2);
    expect(rejected(updateRoot(root1, long, { now: NOW }))).toMatch(/at most 32 are followed/);
  });

  it('refuses garbage, oversized, schedule envelopes and invalid documents in the chain', () => {
    expect(rejected(updateRoot(root1, [utf8('nope')], { now: NOW }))).toMatch(/root-rotation-invalid: .*malformed-envelope/);
    expect(rejected(updateRoot(root1, [env2], { now: NOW, maxBytes: 100 }))).toMatch(/root-rotation-invalid: .*too-large/);
    expect(rejected(updateRoot(root1, [signedSchedule([R1, R2])], { now: NOW }))).toMatch(/root-rotation-invalid: .*wrong-payload-type/);
    const bad = envelopeBytes(signEnvelope(PAYLOAD_TYPES.root, utf8(JSON.stringify({ ...plain(root2), format: 2 })), [R1.privateKey, R2.privateKey]));
    expect(rejected(updateRoot(root1, [bad], { now: NOW }))).toMatch(/root-rotation-invalid: .*format/);
  });

  it('freeze: the newest root must not be expired (intermediate ones may be)', () => {
    const expired2 = makeRoot({ version: 2, rootKeys: [R1, R3], rootThreshold: 2, scheduleKeys: [S2], expires: '2026-06-01T00:00:00Z' });
    const e2 = signedRoot(expired2, [R1, R2, R3]);
    expect(rejected(updateRoot(root1, [e2], { now: NOW }))).toMatch(/^expired: the newest root \(version 2\) expired at 2026-06-01T00:00:00Z/);
    expect(updateRoot(root1, [e2, env3], { now: NOW }).ok).toBe(true);
    // An expired trusted root with nothing newer is a freeze too; a valid chain out of it is fine.
    const old1 = makeRoot({ rootKeys: [R1, R2], rootThreshold: 2, scheduleKeys: [S1], expires: '2026-01-01T00:00:00Z' });
    expect(rejected(updateRoot(old1, [], { now: NOW }))).toMatch(/^expired: /);
    expect(updateRoot(old1, [env2], { now: NOW }).ok).toBe(true);
  });

  it('one bad link refuses the whole update', () => {
    const tampered = editEnvelope(env3, (e) => { e.signatures = e.signatures.slice(0, 1); });
    expect(rejected(updateRoot(root1, [env2, tampered], { now: NOW }))).toMatch(/root-rotation-invalid: new root \(expected version 3\)/);
  });
});
