// Real keys, a real root and schedules built from examples/schedule.yaml, signed with core/trust.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  createRoot, generateKeyPair, loadPrivateKey, loadPublicKey, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, signRoot,
} from '../../../core/trust/index.js';
import { parseScheduleSource } from '../../../core/schedule/index.js';

export const FLEET = 'acme-laptops';
/** Inside examples/schedule.yaml's validity (issued 2026-11-20, expires 2027-11-20). */
export const NOW = Date.parse('2026-12-01T00:00:00Z');

function keyPair() {
  const k = generateKeyPair();
  return { privateKey: loadPrivateKey(k.privatePem), publicKey: loadPublicKey(k.publicPem) };
}

export function makeTrust() {
  const rootKey = keyPair();
  const scheduleKey = keyPair();
  const rootKey2 = keyPair();
  const scheduleKey2 = keyPair();
  const root1 = createRoot({
    fleet: FLEET, version: 1, expires: '2027-12-01T00:00:00Z',
    roles: { root: { keys: [rootKey.publicKey], threshold: 1 }, schedule: { keys: [scheduleKey.publicKey], threshold: 1 } },
  });
  const root2 = createRoot({
    fleet: FLEET, version: 2, expires: '2027-12-01T00:00:00Z',
    roles: { root: { keys: [rootKey2.publicKey], threshold: 1 }, schedule: { keys: [scheduleKey2.publicKey], threshold: 1 } },
  });
  const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
  if (!source.ok) throw new Error('examples/schedule.yaml does not parse');
  const base = source.document as Record<string, unknown>;
  const schedule = (version: number, extra: Record<string, unknown> = {}, key = scheduleKey.privateKey): Buffer =>
    Buffer.from(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, Buffer.from(JSON.stringify({ ...base, version, ...extra })), [key])));
  return {
    root1: Buffer.from(serializeEnvelope(signRoot(root1, [rootKey.privateKey]))),
    /** Rotation 1 -> 2, signed by the old and the new root key. */
    root2: Buffer.from(serializeEnvelope(signRoot(root2, [rootKey.privateKey, rootKey2.privateKey]))),
    /** A "rotation" signed only by the new key: must be refused. */
    root2Forged: Buffer.from(serializeEnvelope(signRoot(root2, [rootKey2.privateKey]))),
    schedule,
    scheduleKey2: scheduleKey2.privateKey,
  };
}

/** A UUIDv7 for a given millisecond. */
export function uuidv7(ms = NOW): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
