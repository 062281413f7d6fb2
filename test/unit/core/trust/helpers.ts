// Test helpers: keys made at runtime, schedules and roots built from plain inputs, envelope surgery.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  createRoot,
  keyidOf,
  PAYLOAD_TYPES,
  serializeEnvelope,
  signEnvelope,
  signRoot,
  type Envelope,
  type RootDocument,
} from '../../../../core/trust/index.js';

export const DAY = 86_400_000;
/** "Now" for every test: schedules below are issued before it and expire after it. */
export const NOW = Date.parse('2026-12-01T00:00:00Z');
export const FLEET = 'acme-laptops';

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyid: string;
}

export function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyid: keyidOf(publicKey) };
}

/** PKCS#8 DER header of an Ed25519 private key (RFC 8410); the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A deterministic key from a label (for reproducible fuzzing); never use outside tests. */
export function keyFromLabel(label: string): TestKey {
  const seed = createHash('sha256').update(`TEST-ONLY ${label}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyid: keyidOf(publicKey) };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export interface ScheduleFields {
  fleet?: string;
  version?: number;
  issued?: string;
  expires?: string;
  /** Number of maintenances (default 1). */
  maintenances?: number;
}

/** A schedule as IT writes it (format 1), valid for NOW unless told otherwise. */
export function scheduleInput(fields: ScheduleFields = {}): Record<string, unknown> {
  return {
    format: 1,
    fleet: fields.fleet ?? FLEET,
    version: fields.version ?? 7,
    issued: fields.issued ?? '2026-11-20T09:00:00Z',
    expires: fields.expires ?? '2027-01-31T00:00:00Z',
    maintenances: Array.from({ length: fields.maintenances ?? 1 }, (_, i) => ({
      id: `2026-12-patch-${i}`,
      kind: 'routine-patch',
      title: `December patches, wave ${i}`,
      summary: 'Security updates install tonight; your computer restarts afterwards. Save your work before you leave.',
      steps: ['Save your work.', 'Leave your computer on and plugged in.'],
      audience: { groups: ['finance', `wave-${i % 5}`] },
      window: { start: '2026-12-08T22:00', end: '2026-12-09T02:00' },
      restart: { deferrals: { max: 3 } },
    })),
  };
}

/** The payload bytes IT signs: compact JSON of the schedule. */
export function schedulePayload(fields: ScheduleFields = {}): Uint8Array {
  return utf8(JSON.stringify(scheduleInput(fields)));
}

export function envelopeBytes(envelope: Envelope): Uint8Array {
  return utf8(serializeEnvelope(envelope));
}

/** A signed schedule envelope (bytes on the wire). */
export function signedSchedule(keys: readonly TestKey[], fields: ScheduleFields | Uint8Array = {}): Uint8Array {
  const payload = fields instanceof Uint8Array ? fields : schedulePayload(fields);
  return envelopeBytes(signEnvelope(PAYLOAD_TYPES.schedule, payload, keys.map((k) => k.privateKey)));
}

export interface TestRootSpec {
  fleet?: string;
  version?: number;
  expires?: string;
  rootKeys: readonly TestKey[];
  rootThreshold?: number;
  scheduleKeys: readonly TestKey[];
  scheduleThreshold?: number;
}

export function makeRoot(spec: TestRootSpec): RootDocument {
  return createRoot({
    fleet: spec.fleet ?? FLEET,
    version: spec.version ?? 1,
    expires: spec.expires ?? '2027-12-31T00:00:00Z',
    roles: {
      root: { keys: spec.rootKeys.map((k) => k.publicKey), threshold: spec.rootThreshold ?? 1 },
      schedule: { keys: spec.scheduleKeys.map((k) => k.publicKey), threshold: spec.scheduleThreshold ?? 1 },
    },
  });
}

export function signedRoot(root: RootDocument, signers: readonly TestKey[]): Uint8Array {
  return envelopeBytes(signRoot(root, signers.map((k) => k.privateKey)));
}

/** Parse envelope bytes loosely (tests only), change them, serialize again. */
export function editEnvelope(bytes: Uint8Array, edit: (envelope: Record<string, unknown> & Envelope) => void): Uint8Array {
  const envelope = JSON.parse(text(bytes)) as Record<string, unknown> & Envelope;
  edit(envelope);
  return utf8(JSON.stringify(envelope, null, 2));
}

export function parseEnvelope(bytes: Uint8Array): Envelope {
  return JSON.parse(text(bytes)) as Envelope;
}

/** Base64 of a payload, for hand-built envelopes. */
export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
