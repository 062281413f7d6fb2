// Compliance model, IT routes and CSV, run against SQLite and a real PostgreSQL (test/support/backends.ts).
import { expect, it } from 'vitest';
import { forEachBackend } from '../../support/backends.js';
import { FLEET, makeTrust, NOW, uuidv7 } from './fixtures.js';

const trust = makeTrust();
const M = '2026-12-patch-tuesday'; // window 2026-12-08T22:00 .. 2026-12-09T02:00 local, deadline 2026-12-10T18:00 local
const LATER = Date.parse('2026-12-10T20:00:00Z');

forEachBackend('compliance on %s', (backend) => {
  /** A fleet with the example schedule, five devices and a scripted set of events. */
  async function scripted() {
    const clock = { now: NOW };
    const { app, storage } = await backend.open(() => clock.now);
    const admin = await storage.createAdminToken('it');
    const put = (path: string, body: Buffer) => app.inject({ method: 'PUT', url: path, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    expect((await put(`/v1/fleets/${FLEET}/root`, trust.root1)).statusCode).toBe(201);
    expect((await put(`/v1/fleets/${FLEET}/schedule`, trust.schedule(1))).statusCode).toBe(201);
    const creds: Record<string, string> = {};
    for (const d of ['dev-a', 'dev-b', 'dev-c', 'dev-d', 'dev-e']) {
      const token = await storage.createEnrollmentToken(FLEET);
      creds[d] = (await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token, deviceId: d } })).json().credential;
    }
    const post = async (device: string, events: unknown[]) => {
      const res = await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/events`, headers: { authorization: `Bearer ${creds[device]}` }, payload: { events } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    let t = NOW;
    const ev = (type: string, at: string, extra: Record<string, unknown> = {}) => ({ id: uuidv7(t++), type, at, maintenance: M, ...extra });
    const a = [ev('delivered', '2026-12-01T08:00:00Z'), ev('notified', '2026-12-07T09:00:00Z'), ev('acknowledged', '2026-12-07T09:05:00Z'),
      ev('restart-started', '2026-12-08T22:30:00Z'), ev('completed', '2026-12-08T22:40:00Z')];
    expect((await post('dev-a', a)).accepted).toBe(5);
    expect((await post('dev-a', a)).duplicate).toBe(5); // a retry: counted once
    const bCompleted = ev('completed', '2026-12-09T10:00:00Z');
    const b = [bCompleted, ev('delivered', '2026-12-01T08:00:00Z'), ev('notified', '2026-12-07T09:00:00Z'),
      ev('deferred', '2026-12-09T01:00:00+02:00', { choice: '1h', until: '2026-12-09T00:00:00Z' }),
      ev('deferred', '2026-12-08T23:30:00Z', { choice: 'tomorrow', until: '2026-12-09T09:00:00Z' })];
    expect((await post('dev-b', b)).accepted).toBe(5);
    await post('dev-c', [ev('delivered', '2026-12-01T08:00:00Z', { zone: '=1+1' }), ev('notified', '2026-12-07T09:00:00Z'),
      ev('failed', '2026-12-08T23:00:00Z', { reason: 'update, "KB5" failed' }),
      { id: uuidv7(t++), type: 'feedback', at: '2026-12-09T08:00:00Z', maintenance: M, text: '=HYPERLINK("http://x")', contact: 'c@acme.example' }]);
    clock.now = Date.parse('2026-12-10T19:00:00Z');
    await post('dev-d', [ev('delivered', '2026-12-10T18:30:00Z', { zone: 'America/New_York' })]);
    clock.now = LATER;
    const get = (url: string, token: string | null = admin) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { app, storage, admin, get, post, bCompleted, clock };
  }

  it('counts the funnel exactly: duplicates once, two deferrals then completed, deadlines per zone, offline', async () => {
    const { get } = await scripted();
    const res = await get(`/v1/fleets/${FLEET}/compliance?maintenance=${M}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.funnels).toEqual([{
      maintenance: M, targeted: 5, delivered: 4, notified: 3, responded: 3, acknowledged: 1, deferred: 1,
      restartStarted: 3, completed: 2, failed: 1, pastDeadline: 2, offline: 4,
    }]);
    const byDevice = Object.fromEntries(body.devices.map((d: any) => [d.device, d]));
    expect(byDevice['dev-b']).toMatchObject({
      latest: { state: 'completed', at: '2026-12-09T10:00:00Z' }, furthest: { state: 'completed' },
      deferrals: { count: 2, until: '2026-12-09T09:00:00Z' }, pastDeadline: false,
    });
    expect(byDevice['dev-b'].reached.deferred).toBe('2026-12-09T01:00:00+02:00');
    expect(byDevice['dev-a'].reached).toEqual({
      delivered: '2026-12-01T08:00:00Z', notified: '2026-12-07T09:00:00Z', acknowledged: '2026-12-07T09:05:00Z',
      'restart-started': '2026-12-08T22:30:00Z', completed: '2026-12-08T22:40:00Z',
    });
    // Local-time deadline 18:00: UTC for a device without a (valid) zone, New York time for dev-d.
    expect(byDevice['dev-c']).toMatchObject({ latest: { state: 'failed' }, deadline: '2026-12-10T18:00:00.000Z', pastDeadline: true });
    expect(byDevice['dev-d']).toMatchObject({ latest: { state: 'delivered' }, deadline: '2026-12-10T23:00:00.000Z', pastDeadline: false, offline: false });
    expect(byDevice['dev-e']).toMatchObject({ latest: { state: 'targeted', at: null }, lastSeen: null, offline: true, pastDeadline: true });
    // Every maintenance of the schedule has a funnel when none is asked for.
    const all = (await get(`/v1/fleets/${FLEET}/compliance`)).json();
    expect(all.funnels.map((f: any) => f.maintenance).sort()).toEqual(['2026-11-phishing-payslip', '2026-12-patch-tuesday', '2026-12-urgent-windows-fix']);
  });

  it('filters by state, deferral count, last seen and deadline window', async () => {
    const { get } = await scripted();
    const ids = async (q: string) => {
      const res = await get(`/v1/fleets/${FLEET}/compliance?maintenance=${M}&${q}`);
      expect(res.statusCode, q).toBe(200);
      return res.json().devices.map((d: any) => d.device);
    };
    expect(await ids('state=completed')).toEqual(['dev-a', 'dev-b']);
    expect(await ids('minDeferrals=2')).toEqual(['dev-b']);
    expect(await ids('state=past-deadline')).toEqual(['dev-c', 'dev-e']);
    expect(await ids('state=offline')).toEqual(['dev-a', 'dev-b', 'dev-c', 'dev-e']);
    expect(await ids('lastSeenBefore=2026-12-05T00:00:00Z')).toEqual(['dev-a', 'dev-b', 'dev-c', 'dev-e']);
    expect(await ids('deadlineAfter=2026-12-10T20:00:00Z&deadlineBefore=2026-12-11T00:00:00Z')).toEqual(['dev-d']);
    for (const bad of ['state=bogus', 'minDeferrals=-1', 'lastSeenBefore=yesterday', 'group=', 'tag=%20%20', 'colour=red']) {
      const res = await get(`/v1/fleets/${FLEET}/compliance?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message).toEqual(expect.any(String));
    }
  });

  it('exports RFC 4180 CSV with quoting and a formula-injection guard, and audits the export', async () => {
    const { get, storage } = await scripted();
    const res = await get(`/v1/fleets/${FLEET}/compliance.csv?maintenance=${M}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${FLEET}-compliance.csv"`);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('device,maintenance,latest_state,latest_at,furthest_state,furthest_at,deferrals,deferred_until,deadline,past_deadline,last_seen,offline,zone,groups,tags');
    expect(lines).toHaveLength(7); // header, 5 devices, final CRLF
    expect(lines[3]).toMatch(/^dev-c,2026-12-patch-tuesday,failed,.*,'=1\+1,,$/);
    expect(lines.some((l) => /,=/.test(l))).toBe(false);
    const audit = (await storage.auditLog()).filter((e) => e.action === 'compliance.export');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fleet: FLEET, rows: 5 });
  });

  it('gives a device timeline in the order things happened, and the feedback list', async () => {
    const { get } = await scripted();
    const res = await get(`/v1/fleets/${FLEET}/devices/dev-b/timeline`);
    expect(res.statusCode).toBe(200);
    expect(res.json().events.map((e: any) => `${e.type}@${e.at}`)).toEqual([
      'delivered@2026-12-01T08:00:00Z', 'notified@2026-12-07T09:00:00Z', 'deferred@2026-12-09T01:00:00+02:00',
      'deferred@2026-12-08T23:30:00Z', 'completed@2026-12-09T10:00:00Z',
    ]);
    expect((await get(`/v1/fleets/${FLEET}/devices/dev-zz/timeline`)).statusCode).toBe(404);
    const fb = (await get(`/v1/fleets/${FLEET}/feedback`)).json().feedback;
    expect(fb).toEqual([expect.objectContaining({ device: 'dev-c', text: '=HYPERLINK("http://x")', contact: 'c@acme.example', maintenance: M })]);
  });

  it('refuses every IT read without, or with a wrong, admin token', async () => {
    const { get, storage } = await scripted();
    for (const url of [`/v1/fleets/${FLEET}/compliance`, `/v1/fleets/${FLEET}/compliance.csv`, `/v1/fleets/${FLEET}/devices/dev-a/timeline`, `/v1/fleets/${FLEET}/feedback`]) {
      for (const token of [null, 'fwa_wrong']) {
        const res = await get(url, token);
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error).toBe('unauthorized');
      }
    }
    expect((await storage.auditLog()).filter((e) => e.action === 'compliance.export')).toHaveLength(0);
  });

  it('marks events of unknown types or with wrong fields invalid, with the field', async () => {
    const { post } = await scripted();
    const r = await post('dev-e', [
      { id: uuidv7(), type: 'exploded', at: '2026-12-01T00:00:00Z' },
      { id: uuidv7(), type: 'deferred', at: '2026-12-01T00:00:00Z', choice: '1h' },
      { id: uuidv7(), type: 'feedback', at: '2026-12-01T00:00:00Z', text: 7 },
      { id: uuidv7(), type: 'acknowledged', at: '2026-12-01T00:00:00Z', scheduleVersion: 1 },
    ]);
    expect(r.results.map((x: any) => x.result)).toEqual(['invalid', 'invalid', 'invalid', 'accepted']);
    expect(r.results[0].reason).toMatch(/^type: must be one of delivered, /);
    expect(r.results[1].reason).toMatch(/^until: /);
    expect(r.results[2].reason).toMatch(/^text: /);
  });
});
