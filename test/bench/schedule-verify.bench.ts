import { verify as ed25519Verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseScheduleSource } from '../../core/schedule/index.js';
import {
  createRoot, decodeCanonicalBase64, generateKeyPair, loadPrivateKey, loadPublicKey, pae, PAYLOAD_TYPES,
  serializeEnvelope, signEnvelope, verifySchedule,
} from '../../core/trust/index.js';
import { compare, type Comparison } from './measure.js';

/** A realistic large schedule: the example's maintenances repeated to `count`, each with its own id. */
export function largeScheduleDocument(count: number): Record<string, any> {
  const source = readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8');
  const parsed = parseScheduleSource(source);
  if (!parsed.ok) throw new Error('examples/schedule.yaml is invalid');
  const doc = structuredClone(parsed.document) as Record<string, any>;
  const templates = doc.maintenances as Record<string, any>[];
  doc.maintenances = Array.from({ length: count }, (_, i) => ({ ...structuredClone(templates[i % templates.length]), id: `m-${i}` }));
  return doc;
}

/**
 * Issue 2's goal: accepting a schedule (size cap, strict envelope, signature, strict JSON parse, schema
 * validation, version and expiry) costs at most 1.5x a bare Ed25519 verify of the same signed bytes.
 */
export function benchScheduleVerify(): Comparison {
  const pair = generateKeyPair();
  const privateKey = loadPrivateKey(pair.privatePem);
  const publicKey = loadPublicKey(pair.publicPem);
  const root = createRoot({
    fleet: 'acme-laptops', version: 1, expires: '2030-01-01T00:00:00Z',
    roles: { root: { keys: [publicKey], threshold: 1 }, schedule: { keys: [publicKey], threshold: 1 } },
  });
  const payload = Buffer.from(JSON.stringify(largeScheduleDocument(100)), 'utf8');
  const envelope = signEnvelope(PAYLOAD_TYPES.schedule, payload, [privateKey]);
  const bytes = Buffer.from(serializeEnvelope(envelope), 'utf8');
  const signedBytes = pae(PAYLOAD_TYPES.schedule, payload);
  const signature = decodeCanonicalBase64(envelope.signatures[0]!.sig)!;
  const now = Date.parse('2026-12-01T00:00:00Z');

  const check = verifySchedule(bytes, { root, now });
  if (!check.ok || check.schedule.maintenances.length !== 100) throw new Error(`bench setup: ${JSON.stringify(check).slice(0, 200)}`);
  if (!ed25519Verify(null, signedBytes, publicKey, signature)) throw new Error('bench setup: raw verify failed');

  return compare(
    `verify + parse + validate, 100 maintenances (${(bytes.byteLength / 1024).toFixed(0)} KiB envelope)`,
    { name: 'raw Ed25519 verify of the same bytes', run: () => { ed25519Verify(null, signedBytes, publicKey, signature); } },
    () => { verifySchedule(bytes, { root, now }); },
    { goal: 1.5 },
  );
}
