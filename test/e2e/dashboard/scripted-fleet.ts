// A real fleet server on 127.0.0.1:0 (SQLite in a temp dir, or a PostgreSQL database) filled only through the
// real HTTP API: root and signed schedule published, eight devices enrolled, events posted by each device with
// its own credential. The funnel of PATCH then has a different number at every main stage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app.js';
import { openStorage, type Storage, type StorageOptions } from '../../../server/storage/index.js';
import { FLEET, makeTrust, NOW, uuidv7 } from '../../integration/server/fixtures.js';

export { FLEET };
/** Deadline 2026-12-10T18:00 local (UTC for devices without a zone). */
export const PATCH = '2026-12-patch-tuesday';
/** After PATCH's deadline: everything not completed is past it; devices quiet since NOW are offline. */
export const LATER = Date.parse('2026-12-10T20:00:00Z');

/** What the scripted events must produce for PATCH (checked against the API and the page). */
export const EXPECTED_PATCH_FUNNEL = {
  targeted: 8, delivered: 7, notified: 6, responded: 5, acknowledged: 4, deferred: 2,
  restartStarted: 3, completed: 2, failed: 1, pastDeadline: 6, offline: 7,
} as const;

/** dev-b's events as they happened on the device (they are posted out of order on purpose). */
export const DEV_B_ORDER = ['delivered', 'notified', 'deferred', 'deferred', 'restart-started', 'completed'];
export const FEEDBACK_TEXT = 'The restart notice came during a customer call. Could it wait until 6 pm?';
/** Groups sent at enrollment (used only when the server accepts them). */
export const GROUPS: Record<string, string[]> = {
  'dev-a': ['finance'], 'dev-b': ['finance'], 'dev-c': ['finance'], 'dev-d': ['sales'],
  'dev-e': ['sales'], 'dev-f': ['sales'], 'dev-g': ['support'], 'dev-h': ['support'],
};

export interface ScriptedFleet {
  baseUrl: string;
  admin: string;
  /** Whether the server took `groups` at enrollment (another change adds it). */
  groupsAccepted: boolean;
  storage: Storage;
  close(): Promise<void>;
}

export async function scriptedFleet(location: { sqliteDir: string } | { postgresUrl: string }): Promise<ScriptedFleet> {
  const clock = { now: NOW };
  const options: StorageOptions = 'sqliteDir' in location
    ? { sqlitePath: join(location.sqliteDir, 'forewarn.sqlite'), now: () => clock.now }
    : { postgresUrl: location.postgresUrl, now: () => clock.now };
  const storage = await openStorage(options);
  const app: FastifyInstance = buildServer({ storage, now: () => clock.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await storage.createAdminToken('it-dashboard-test');
  const trust = makeTrust();

  const http = async (method: string, path: string, body: unknown, token: string | null, type = 'application/json') => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const must = (what: string, r: { status: number; json: any }, ...ok: number[]) => {
    if (!ok.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };

  must('publish root', await http('PUT', `/v1/fleets/${FLEET}/root`, trust.root1, admin), 201);
  must('publish schedule', await http('PUT', `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), admin), 201);

  let groupsAccepted = true;
  const creds: Record<string, string> = {};
  for (const device of Object.keys(GROUPS)) {
    const enrollToken = must('enrollment token', await http('POST', `/v1/fleets/${FLEET}/enrollment-tokens`, undefined, admin), 201).token;
    let r = groupsAccepted ? await http('POST', `/v1/fleets/${FLEET}/enroll`, { token: enrollToken, deviceId: device, groups: GROUPS[device] }, null) : null;
    if (r === null || r.status === 400) {
      // A server without device groups refuses the unknown field (before using the token): enroll plainly.
      groupsAccepted = false;
      r = await http('POST', `/v1/fleets/${FLEET}/enroll`, { token: enrollToken, deviceId: device }, null);
    }
    creds[device] = must(`enroll ${device}`, r, 201).credential;
  }

  let t = NOW;
  const ev = (type: string, at: string, extra: Record<string, unknown> = {}) => ({ id: uuidv7(t++), type, at, maintenance: PATCH, ...extra });
  const post = async (device: string, events: unknown[]) => {
    const body = must(`events of ${device}`, await http('POST', `/v1/fleets/${FLEET}/events`, { events }, creds[device]!), 200);
    if (body.accepted !== events.length) throw new Error(`events of ${device}: ${JSON.stringify(body)}`);
  };
  const delivered = () => ev('delivered', '2026-12-01T08:00:00Z');
  const notified = () => ev('notified', '2026-12-07T09:00:00Z');
  await post('dev-a', [delivered(), notified(), ev('acknowledged', '2026-12-07T09:05:00Z'),
    ev('restart-started', '2026-12-08T22:30:00Z'), ev('completed', '2026-12-08T22:40:00Z')]);
  // dev-b: posted newest first; the timeline must still read in the order things happened.
  const bEvents = [delivered(), notified(), ev('deferred', '2026-12-08T22:05:00Z', { choice: '1h', until: '2026-12-08T23:05:00Z' }),
    ev('deferred', '2026-12-08T23:10:00Z', { choice: 'tomorrow', until: '2026-12-09T08:00:00Z' }),
    ev('restart-started', '2026-12-09T08:01:00Z'), ev('completed', '2026-12-09T08:12:00Z')];
  await post('dev-b', [...bEvents].reverse());
  await post('dev-c', [delivered(), notified(), ev('acknowledged', '2026-12-08T20:00:00Z'), ev('restart-started', '2026-12-08T22:30:00Z'),
    ev('failed', '2026-12-08T23:00:00Z', { reason: 'update KB5048667 failed to install (0x800f0922)' })]);
  await post('dev-d', [delivered(), notified(), ev('acknowledged', '2026-12-07T10:00:00Z'),
    ev('deferred', '2026-12-08T22:00:00Z', { choice: 'tomorrow', until: '2026-12-09T09:00:00Z' })]);
  await post('dev-e', [delivered(), notified(), ev('acknowledged', '2026-12-07T11:00:00Z')]);
  await post('dev-f', [delivered(), notified(), ev('feedback', '2026-12-07T11:30:00Z', { text: FEEDBACK_TEXT, contact: 'f.user@acme.example' })]);
  // dev-g is heard from shortly before LATER: the one device not offline. dev-h never sends anything.
  clock.now = LATER - 3600_000;
  await post('dev-g', [ev('delivered', '2026-12-10T19:00:00Z')]);
  clock.now = LATER;

  return {
    baseUrl, admin, groupsAccepted, storage,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/** A temp dir for a SQLite fleet, removed by the returned function. */
export function sqliteDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-dashboard-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
