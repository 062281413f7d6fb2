// Devices on SQLite and a real PostgreSQL: groups/tags at enrollment and check-in, audience targeting in the
// compliance funnel, group/tag filters (JSON and CSV), and the admin reset of a re-imaged device.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { parseScheduleSource } from '../../../core/schedule/index.js';
import { hashToken } from '../../../server/tokens.js';
import { MIGRATIONS } from '../../../server/storage/migrations.js';
import type { Database } from '../../../server/storage/schema.js';
import { forEachBackend } from '../../support/backends.js';
import { FLEET, makeTrust, NOW, uuidv7 } from './fixtures.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday';
const WINDOWS_FIX = '2026-12-urgent-windows-fix'; // audience: tags [windows] in examples/schedule.yaml
const PHISHING = '2026-11-phishing-payslip'; // audience: all

/** examples/schedule.yaml with the patch-Tuesday maintenance for the `finance` group only. */
function financeOnlyMaintenances(): unknown[] {
  const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
  if (!source.ok) throw new Error('examples/schedule.yaml does not parse');
  const maintenances = (source.document as { maintenances: Array<Record<string, unknown>> }).maintenances;
  expect(maintenances.map((m) => m['id'])).toContain(M);
  return maintenances.map((m) => (m['id'] === M ? { ...m, audience: { groups: ['finance'] } } : m));
}

forEachBackend('devices on %s', (backend) => {
  async function fleet(maintenances?: unknown[]) {
    const { app, storage } = await backend.open();
    const admin = await storage.createAdminToken('alice');
    const put = (path: string, body: Buffer) => app.inject({ method: 'PUT', url: path, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    expect((await put(`/v1/fleets/${FLEET}/root`, trust.root1)).statusCode).toBe(201);
    expect((await put(`/v1/fleets/${FLEET}/schedule`, trust.schedule(1, maintenances ? { maintenances } : {}))).statusCode).toBe(201);
    const enroll = async (deviceId: string, extra: Record<string, unknown> = {}) =>
      app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token: await storage.createEnrollmentToken(FLEET), deviceId, ...extra } });
    const enrolled = async (deviceId: string, extra: Record<string, unknown> = {}) => {
      const res = await enroll(deviceId, extra);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().credential as string;
    };
    const get = (url: string, token: string | null = admin) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const checkIn = (credential: string | null, payload: unknown) => app.inject({
      method: 'POST', url: `/v1/fleets/${FLEET}/check-in`, payload: payload as Record<string, unknown>,
      headers: credential ? { authorization: `Bearer ${credential}` } : {},
    });
    const postEvents = (credential: string, events: unknown[]) => app.inject({
      method: 'POST', url: `/v1/fleets/${FLEET}/events`, payload: { events }, headers: { authorization: `Bearer ${credential}` },
    });
    const reset = (device: string, token: string | null = admin) => app.inject({
      method: 'POST', url: `/v1/fleets/${FLEET}/devices/${device}/reset`, headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const listed = async () => {
      const res = await get(`/v1/fleets/${FLEET}/devices`);
      expect(res.statusCode).toBe(200);
      return Object.fromEntries(res.json().devices.map((d: any) => [d.id, d]));
    };
    return { app, storage, admin, enroll, enrolled, get, checkIn, postEvents, reset, listed };
  }

  it('stores groups and tags given at enrollment and lists devices for IT', async () => {
    const f = await fleet();
    await f.enrolled('fin-1', { groups: ['finance', 'emea'], tags: ['windows'] });
    await f.enrolled('plain-1');
    await f.enrolled('tags-only', { tags: ['mac'] });
    const devices = await f.listed();
    expect(devices['fin-1']).toMatchObject({
      groups: ['finance', 'emea'], tags: ['windows'], reported: true, zone: null, agentVersion: null,
      enrolledAt: new Date(NOW).toISOString(), lastSeen: null, checkedInAt: null, resetAt: null,
    });
    expect(devices['plain-1']).toMatchObject({ groups: [], tags: [], reported: false });
    expect(devices['tags-only']).toMatchObject({ groups: [], tags: ['mac'], reported: true });
    // Bad lists are refused with the field named, and nothing is enrolled.
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ groups: 'finance' }, /^body\/groups must be array/],
      [{ tags: [7] }, /^body\/tags\/0 must be string/],
      [{ groups: ['x'.repeat(65)] }, /^body\/groups\/0 must NOT have more than 64 characters/],
      [{ groups: Array.from({ length: 101 }, (_, i) => `g${i}`) }, /^body\/groups must NOT have more than 100 items/],
      [{ groups: ['  '] }, /^body\/groups\/0 must match pattern/],
      [{ colour: 'red' }, /^body\/colour is not a known field/],
    ];
    for (const [extra, message] of cases) {
      const res = await f.enroll('bad-1', extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid-request' });
      expect(res.json().message).toMatch(message);
    }
    expect(Object.keys(await f.listed()).sort()).toEqual(['fin-1', 'plain-1', 'tags-only']);
    expect((await f.get(`/v1/fleets/${FLEET}/devices`, null)).statusCode).toBe(401);
  });

  it('check-in updates groups, tags, zone, versions and last seen; bad input is a 400 naming the field, writing nothing', async () => {
    const f = await fleet();
    const credential = await f.enrolled('lap-1', { groups: ['sales'] });
    const ok = await f.checkIn(credential, { groups: ['finance'], tags: ['windows', 'vip'], zone: 'Europe/Paris', agentVersion: '1.4.0', scheduleVersion: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ device: 'lap-1', lastSeen: new Date(NOW).toISOString() });
    const after = (await f.listed())['lap-1'];
    expect(after).toMatchObject({
      groups: ['finance'], tags: ['windows', 'vip'], zone: 'Europe/Paris', agentVersion: '1.4.0', scheduleVersion: 1,
      lastSeen: new Date(NOW).toISOString(), checkedInAt: new Date(NOW).toISOString(),
    });
    // The zone reported at check-in resolves local-time deadlines: 18:00 in Paris is 17:00 UTC.
    const row = (await f.get(`/v1/fleets/${FLEET}/compliance?maintenance=${M}`)).json().devices[0];
    expect(row).toMatchObject({ device: 'lap-1', zone: 'Europe/Paris', deadline: '2026-12-10T17:00:00.000Z', groups: ['finance'], tags: ['windows', 'vip'] });
    // Optional fields left out keep what was known; the lists are replaced (here: left in no group).
    expect((await f.checkIn(credential, { groups: [], tags: ['windows'] })).statusCode).toBe(200);
    expect((await f.listed())['lap-1']).toMatchObject({ groups: [], tags: ['windows'], zone: 'Europe/Paris', agentVersion: '1.4.0', reported: true });

    const before = await f.listed();
    const cases: Array<[unknown, RegExp]> = [
      [{ groups: [], tags: [], colour: 'red' }, /^body\/colour is not a known field/],
      [{ groups: [], tags: [], zone: 'Mars/Olympus' }, /^body\/zone must be an IANA time zone .*"Mars\/Olympus"/],
      [{ groups: 'finance', tags: [] }, /^body\/groups must be array/],
      [{ groups: [], tags: [1] }, /^body\/tags\/0 must be string/],
      [{ groups: [], tags: [], scheduleVersion: 1.5 }, /^body\/scheduleVersion must be integer/],
      [{ groups: [], tags: [], scheduleVersion: '2' }, /^body\/scheduleVersion must be integer/],
      [{ groups: [], tags: [], agentVersion: '1.0 beta' }, /^body\/agentVersion must match pattern/],
      [{ groups: [] }, /^body must have required property 'tags'/],
    ];
    for (const [payload, message] of cases) {
      const res = await f.checkIn(credential, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    const big = await f.checkIn(credential, { groups: ['x'.repeat(64)], tags: Array.from({ length: 600 }, () => 'y'.repeat(60)) });
    expect(big.statusCode).toBe(413);
    expect(await f.listed()).toEqual(before);

    // An unknown credential is a 401 (the agent then enrolls again); so is none.
    for (const cred of ['fwd_not-a-credential', null]) {
      const res = await f.checkIn(cred, { groups: [], tags: [] });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthorized');
    }
  });

  it('targets by audience: a group-only maintenance counts only devices in that group (or that sent events for it)', async () => {
    const f = await fleet(financeOnlyMaintenances());
    await f.enrolled('fin-1', { groups: ['finance'] });
    const fin2 = await f.enrolled('fin-2', { groups: ['ops'] });
    await f.enrolled('ops-1', { groups: ['ops'], tags: ['windows'] });
    await f.enrolled('silent');
    const rogue = await f.enrolled('rogue');
    // fin-2 moves into finance at its check-in; rogue never reported groups but its agent acted on M.
    expect((await f.checkIn(fin2, { groups: ['finance', 'ops'], tags: [] })).statusCode).toBe(200);
    expect((await f.postEvents(rogue, [{ id: uuidv7(), type: 'delivered', at: '2026-12-01T08:00:00Z', maintenance: M }])).json().accepted).toBe(1);

    const body = (await f.get(`/v1/fleets/${FLEET}/compliance`)).json();
    const funnel = Object.fromEntries(body.funnels.map((x: any) => [x.maintenance, x]));
    expect(funnel[M]).toMatchObject({ targeted: 3, delivered: 1 });
    expect(funnel[PHISHING]).toMatchObject({ targeted: 5 }); // audience all: every device, reported or not
    expect(funnel[WINDOWS_FIX]).toMatchObject({ targeted: 1 }); // tags [windows]: only ops-1
    const rowsOf = (m: string) => body.devices.filter((d: any) => d.maintenance === m).map((d: any) => d.device);
    expect(rowsOf(M)).toEqual(['fin-1', 'fin-2', 'rogue']);
    expect(rowsOf(WINDOWS_FIX)).toEqual(['ops-1']);
    expect(body.devices.find((d: any) => d.device === 'fin-2')).toMatchObject({ groups: ['finance', 'ops'], tags: [] });
  });

  it('filters compliance by group and tag, in JSON (rows and funnels) and CSV', async () => {
    const f = await fleet();
    await f.enrolled('fin-1', { groups: ['finance', 'emea'], tags: ['windows'] });
    await f.enrolled('fin-2', { groups: ['finance'] });
    await f.enrolled('ops-1', { groups: ['ops'], tags: ['windows'] });
    await f.enrolled('bad-names', { groups: ['=cmd()'], tags: ['+1'] });
    const ids = async (q: string) => {
      const res = await f.get(`/v1/fleets/${FLEET}/compliance?maintenance=${M}&${q}`);
      expect(res.statusCode, q).toBe(200);
      return res.json();
    };
    const finance = await ids('group=finance');
    expect(finance.devices.map((d: any) => d.device)).toEqual(['fin-1', 'fin-2']);
    expect(finance.funnels).toEqual([expect.objectContaining({ maintenance: M, targeted: 2 })]);
    expect((await ids('tag=windows')).devices.map((d: any) => d.device)).toEqual(['fin-1', 'ops-1']);
    expect((await ids('group=finance&tag=windows')).devices.map((d: any) => d.device)).toEqual(['fin-1']);
    const none = await ids('group=nobody');
    expect(none.devices).toEqual([]);
    expect(none.funnels[0].targeted).toBe(0);

    const csv = await f.get(`/v1/fleets/${FLEET}/compliance.csv?maintenance=${M}&group=finance`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines[0]!.endsWith(',zone,groups,tags')).toBe(true);
    expect(lines).toHaveLength(4); // header, fin-1, fin-2, final CRLF
    expect(lines[1]).toMatch(/^fin-1,2026-12-patch-tuesday,.*,finance;emea,windows$/);
    expect(lines[2]).toMatch(/^fin-2,.*,finance,$/);
    // Names a device reported go through the formula guard like every other cell.
    const guarded = (await f.get(`/v1/fleets/${FLEET}/compliance.csv?maintenance=${M}&tag=%2B1`)).body.split('\r\n');
    expect(guarded[1]).toMatch(/^bad-names,.*,'=cmd\(\),'\+1$/);
  });

  it('resets a re-imaged device: old credential 401 at once, events kept, one re-enrollment, all audited', async () => {
    const f = await fleet();
    const old = await f.enrolled('lap-9', { groups: ['finance'] });
    const events = [{ id: uuidv7(NOW), type: 'delivered', at: '2026-12-01T08:00:00Z', maintenance: M }];
    expect((await f.postEvents(old, events)).json().accepted).toBe(1);
    // Without a reset, the id stays taken.
    expect((await f.enroll('lap-9')).statusCode).toBe(409);

    const res = await f.reset('lap-9');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ fleet: FLEET, device: 'lap-9', resetAt: new Date(NOW).toISOString() });
    expect((await f.checkIn(old, { groups: [], tags: [] })).statusCode).toBe(401);
    expect((await f.postEvents(old, [{ id: uuidv7(), type: 'notified', at: '2026-12-01T09:00:00Z', maintenance: M }])).statusCode).toBe(401);
    expect(await f.storage.events({ device: 'lap-9' })).toHaveLength(1);
    expect((await f.listed())['lap-9']).toMatchObject({ resetAt: new Date(NOW).toISOString(), groups: ['finance'] });

    const again = await f.enroll('lap-9', { groups: ['finance', 'emea'] });
    expect(again.statusCode).toBe(201);
    const fresh = again.json().credential as string;
    expect(fresh).not.toBe(old);
    expect((await f.enroll('lap-9')).statusCode).toBe(409); // the reset allowed one enrollment only
    expect((await f.checkIn(fresh, { groups: ['finance'], tags: [] })).statusCode).toBe(200);
    expect((await f.checkIn(old, { groups: [], tags: [] })).statusCode).toBe(401);
    // Its history survives: the old events are still its events, in compliance and the timeline.
    expect((await f.postEvents(fresh, events)).json().duplicate).toBe(1);
    const timeline = (await f.get(`/v1/fleets/${FLEET}/devices/lap-9/timeline`)).json();
    expect(timeline.events.map((e: any) => e.type)).toEqual(['delivered']);
    expect((await f.listed())['lap-9']).toMatchObject({ resetAt: null });

    const audit = (await f.storage.auditLog()).filter((e) => e.action.startsWith('device.'));
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['device.reset', 'alice'], ['device.reenroll', 'device:lap-9']]);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ fleet: FLEET, device: 'lap-9' });

    const unknown = await f.reset('nobody-1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('no-device');
    expect((await f.reset('Bad Id')).statusCode).toBe(400);
  });

  it('refuses a reset by a device credential or without a token, changing nothing', async () => {
    const f = await fleet();
    const a = await f.enrolled('lap-a');
    const b = await f.enrolled('lap-b');
    for (const token of [a, null, 'fwa_wrong']) {
      const res = await f.reset('lap-b', token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthorized');
    }
    expect((await f.checkIn(b, { groups: [], tags: [] })).statusCode).toBe(200);
    expect((await f.listed())['lap-b'].resetAt).toBeNull();
    expect((await f.storage.auditLog()).filter((e) => e.action === 'device.reset')).toHaveLength(0);
    expect((await f.enroll('lap-b')).statusCode).toBe(409);
  });

  it('upgrades a database of migration 2 with devices in it: they read as never reported, and can check in', async () => {
    const loc = await backend.location();
    const db = 'sqlitePath' in loc
      ? (mkdirSync(dirname(loc.sqlitePath), { recursive: true }), new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(loc.sqlitePath) }) }))
      : new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: loc.postgresUrl }) }) });
    const dialect = 'sqlitePath' in loc ? 'sqlite' : 'postgres';
    await db.schema.createTable('migrations').addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull()).addColumn('applied_at', 'text', (c) => c.notNull()).execute();
    for (const m of MIGRATIONS.filter((x) => x.id <= 2)) {
      await m.up(db, dialect);
      await db.insertInto('migrations').values({ id: m.id, name: m.name, applied_at: new Date(NOW).toISOString() }).execute();
    }
    // A row as migration 2 knew it: without the columns migration 3 adds.
    await db.insertInto('devices').values({ id: 'old-1', fleet: FLEET, credential_hash: hashToken('fwd_old'), enrolled_at: new Date(NOW).toISOString(), last_seen: null }).execute();
    await db.destroy();

    const { app, storage } = await backend.open(() => NOW, loc);
    expect((await storage.devices(FLEET))[0]).toMatchObject({ id: 'old-1', groups: null, tags: null, zone: null, resetAt: null });
    const res = await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/check-in`, headers: { authorization: 'Bearer fwd_old' }, payload: { groups: ['finance'], tags: [] } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await storage.device(FLEET, 'old-1'))!.groups).toEqual(['finance']);
  });

  it('lets exactly one of two racing enrollments take a reset id', async () => {
    const f = await fleet();
    await f.enrolled('lap-r');
    expect((await f.reset('lap-r')).statusCode).toBe(200);
    const results = await Promise.all([f.enroll('lap-r'), f.enroll('lap-r')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await f.storage.auditLog()).filter((e) => e.action === 'device.reenroll')).toHaveLength(1);
  });
});
