// The preview's own fleet server: the real Fastify app over SQLite in a temporary folder, on 127.0.0.1, with the
// schedule published through the real publish route — so the agent fetches, verifies and reports exactly as it
// would in production. An unsigned source is signed here with throwaway keys made in memory for this preview
// only (they are never written anywhere and die with the process).
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { formatIssue, parseScheduleSource, type Schedule } from '../../core/schedule/index.js';
import {
  createRoot, formatRejection, loadTrustedRoot, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, signRoot, verifySchedule,
} from '../../core/trust/index.js';
import { buildServer } from '../../server/app.js';
import { openStorage, type Storage } from '../../server/storage/index.js';
import { CliError } from '../errors.js';
import { looksSigned } from '../schedule-input.js';

/** What the preview shows: a source (signed here) or an envelope with the root it must verify against. */
export type PreviewSchedule =
  | { kind: 'source'; text: string; name: string }
  | { kind: 'signed'; envelope: Uint8Array; root: Uint8Array; name: string };

export interface Fleet {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  fleet: string;
  schedule: Schedule;
  /** The root agents pin (the given one, or the throwaway one). */
  rootBytes: Uint8Array;
  /** An admin token for this server's IT API and dashboard. */
  adminToken: string;
  /** A fresh enrollment token for one device. */
  enrollmentToken: string;
  stop(): Promise<void>;
}

/** Reads bytes as a schedule: a signed envelope needs its root; anything else is a YAML/JSON source. */
export function previewSchedule(bytes: Uint8Array, name: string, root?: Uint8Array): PreviewSchedule {
  if (looksSigned(bytes)) {
    if (root === undefined) throw new CliError(`${name} is signed: give the root it must verify against (--root root.json)`);
    return { kind: 'signed', envelope: bytes, root, name };
  }
  return { kind: 'source', text: Buffer.from(bytes).toString('utf8'), name };
}

const keyPair = (): { privateKey: KeyObject; publicKey: KeyObject } => generateKeyPairSync('ed25519');
const YEAR_MS = 365 * 86_400_000;

/** A root and envelope for a source, signed with keys that exist only in this process. */
function signThrowaway(source: Extract<PreviewSchedule, { kind: 'source' }>, now: number): { envelope: Uint8Array; root: Uint8Array; schedule: Schedule } {
  const parsed = parseScheduleSource(source.text);
  if (!parsed.ok) {
    const n = parsed.issues.length;
    throw new CliError(`${source.name} has ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} first (forewarn lint shows the same):`, parsed.issues.map(formatIssue));
  }
  const rootKey = keyPair();
  const scheduleKey = keyPair();
  const expires = Math.max(now, Date.parse(parsed.schedule.expires)) + YEAR_MS;
  const root = createRoot({
    fleet: parsed.schedule.fleet, version: 1, expires: new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    roles: { root: { keys: [rootKey.publicKey], threshold: 1 }, schedule: { keys: [scheduleKey.publicKey], threshold: 1 } },
  });
  // Signed as `forewarn sign` signs a source: the document as written, compact JSON.
  const payload = Buffer.from(JSON.stringify(parsed.document), 'utf8');
  return {
    root: Buffer.from(serializeEnvelope(signRoot(root, [rootKey.privateKey]))),
    envelope: Buffer.from(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, payload, [scheduleKey.privateKey]))),
    schedule: parsed.schedule,
  };
}

/** Starts the server in `dir`, publishes the root and the schedule, and makes the tokens the agent needs. */
export async function startFleet(input: PreviewSchedule, options: { dir: string; now: () => number }): Promise<Fleet> {
  const now = options.now;
  const signed = input.kind === 'source' ? signThrowaway(input, now()) : { envelope: input.envelope, root: input.root, schedule: undefined };
  // Checked here first so IT gets the reason in words, not an HTTP status from the publish route.
  const root = loadTrustedRoot(signed.root, { now: now() });
  if (!root.ok) throw new CliError(`the root for ${input.name} cannot be used: ${formatRejection(root)}`);
  const verified = verifySchedule(signed.envelope, { root: root.root, now: now() });
  if (!verified.ok) throw new CliError(`${input.name}: ${formatRejection(verified)}`);
  const schedule = signed.schedule ?? verified.schedule;
  const fleet = root.root.fleet;

  const storage = await openStorage({ sqlitePath: join(options.dir, 'fleet.db'), now });
  const app = buildServer({ storage, now });
  let url: string;
  try {
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const stop = async (): Promise<void> => {
    await app.close();
    await storage.close();
  };
  try {
    const adminToken = await storage.createAdminToken('forewarn preview');
    for (const [what, bytes] of [['root', signed.root], ['schedule', signed.envelope]] as const) {
      const res = await fetch(`${url}/v1/fleets/${fleet}/${what}`, {
        method: 'PUT', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: Buffer.from(bytes),
      });
      if (res.status !== 201) throw new CliError(`the preview server refused the ${what} of ${input.name}: HTTP ${res.status} ${await res.text()}`);
    }
    const enrollmentToken = await storage.createEnrollmentToken(fleet);
    return { app, storage, url, fleet, schedule, rootBytes: signed.root, adminToken, enrollmentToken, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
