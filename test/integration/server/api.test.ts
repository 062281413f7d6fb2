// One storage + API suite, run against SQLite and a real PostgreSQL (test/support/backends.ts).
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStorage, type Storage, type StorageOptions } from '../../../server/storage/index.js';
import { forEachBackend } from '../../support/backends.js';
import { FLEET, makeTrust, NOW, uuidv7 } from './fixtures.js';

const trust = makeTrust();

forEachBackend('fleet server on %s', (backend) => {
  const location = () => backend.location();

  async function start(where?: StorageOptions) {
    const { app, storage, loc } = await backend.open(() => NOW, where);
    const admin = await storage.createAdminToken('it-test');
    return { app, storage, admin, loc };
  }

  const put = (app: FastifyInstance, path: string, body: Buffer | string, token?: string) =>
    app.inject({ method: 'PUT', url: path, payload: body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  async function published() {
    const s = await start();
    expect((await put(s.app, `/v1/fleets/${FLEET}/root`, trust.root1, s.admin)).statusCode).toBe(201);
    const v1 = trust.schedule(1);
    expect((await put(s.app, `/v1/fleets/${FLEET}/schedule`, v1, s.admin)).statusCode).toBe(201);
    return { ...s, v1 };
  }

  async function enrolled(s: { app: FastifyInstance; storage: Storage }, deviceId = 'laptop-0001') {
    const token = await s.storage.createEnrollmentToken(FLEET);
    const res = await s.app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token, deviceId } });
    expect(res.statusCode).toBe(201);
    return res.json().credential as string;
  }

  const postEvents = (app: FastifyInstance, credential: string | null, payload: unknown) =>
    app.inject({
      method: 'POST', url: `/v1/fleets/${FLEET}/events`,
      headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('runs migrations once, idempotently', async () => {
    const loc = await location();
    const a = await openStorage(loc);
    await a.close();
    const b = await openStorage(loc);
    backend.track({ storage: b });
    expect(await b.auditLog()).toEqual([]);
  });

  it('publishes a verified schedule and serves it with a strong ETag, 304 and no-cache', async () => {
    const { app, storage, v1 } = await published();
    const res = await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(v1)).toBe(true);
    const current = await storage.currentSchedule(FLEET);
    expect(res.headers.etag).toBe(`"${current!.payloadSha256}"`);
    expect(res.headers['cache-control']).toBe('no-cache');
    const again = await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule`, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Newer version: new ETag, old one no longer matches.
    expect((await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(2), (await storage.createAdminToken()))).statusCode).toBe(201);
    const v2 = await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule`, headers: { 'if-none-match': res.headers.etag as string } });
    expect(v2.statusCode).toBe(200);
    expect(v2.headers.etag).not.toBe(res.headers.etag);
    const audit = (await storage.auditLog()).map((e) => e.action);
    expect(audit.filter((a) => a === 'schedule.publish')).toHaveLength(2);
    expect(audit).toContain('root.create');
  });

  it('404s with a JSON error when a fleet has no schedule, and serves roots by version', async () => {
    const { app, storage, admin } = await start();
    const none = await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule` });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: 'no-schedule' });
    expect((await put(app, `/v1/fleets/${FLEET}/root`, trust.root1, admin)).statusCode).toBe(201);
    // A rotation signed only by the new keys is refused and not stored.
    const forged = await put(app, `/v1/fleets/${FLEET}/root`, trust.root2Forged, admin);
    expect(forged.statusCode).toBe(422);
    expect(forged.json().reason).toBe('root-rotation-invalid');
    expect((await storage.currentRoot(FLEET))!.version).toBe(1);
    expect((await put(app, `/v1/fleets/${FLEET}/root`, trust.root2, admin)).statusCode).toBe(201);
    for (const [v, bytes] of [[1, trust.root1], [2, trust.root2]] as const) {
      const res = await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/roots/${v}` });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
    }
    expect((await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/roots/3` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/roots/abc` })).statusCode).toBe(400);
    // After the rotation, schedules must be signed by the new schedule key.
    const oldKey = await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), admin);
    expect(oldKey.statusCode).toBe(422);
    expect((await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1, {}, trust.scheduleKey2), admin)).statusCode).toBe(201);
  });

  it('refuses rollback and equivocation with the verify wording, writing nothing', async () => {
    const { app, storage, admin } = await published();
    expect((await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(5), admin)).statusCode).toBe(201);
    const before = { schedule: await storage.currentSchedule(FLEET), audit: (await storage.auditLog()).length };

    const rollback = await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(4), admin);
    expect(rollback.statusCode).toBe(409);
    expect(rollback.json()).toMatchObject({ reason: 'rollback', detail: 'version 4 is older than the accepted version 5' });
    expect(rollback.json().message).toBe('rejected: rollback: version 4 is older than the accepted version 5');

    const equivocation = await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(5, { issued: '2026-11-21T09:00:00Z' }), admin);
    expect(equivocation.statusCode).toBe(409);
    expect(equivocation.json().reason).toBe('equivocation');

    const garbage = await put(app, `/v1/fleets/${FLEET}/schedule`, '{"payloadType":1}', admin);
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().reason).toBe('malformed-envelope');

    const same = await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(5), admin);
    expect(same.statusCode).toBe(200);
    expect(same.json().unchanged).toBe(true);

    expect(await storage.currentSchedule(FLEET)).toEqual(before.schedule);
    expect((await storage.auditLog()).length).toBe(before.audit);
  });

  it('publishes exactly one of two different schedules raced under the same version', async () => {
    const { app, storage, admin } = await published();
    const [a, b] = await Promise.all([
      put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(2), admin),
      put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(2, { issued: '2026-11-21T09:00:00Z' }), admin),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().reason).toBe('equivocation');
    expect((await storage.auditLog()).filter((e) => e.action === 'schedule.publish')).toHaveLength(2);
  });

  it('refuses publishing without, or with a wrong, admin token', async () => {
    const { app, storage } = await start();
    expect((await put(app, `/v1/fleets/${FLEET}/root`, trust.root1)).statusCode).toBe(401);
    expect((await put(app, `/v1/fleets/${FLEET}/root`, trust.root1, 'fwa_wrong')).statusCode).toBe(401);
    expect(await storage.currentRoot(FLEET)).toBeNull();
    const noRoot = await put(app, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), await storage.createAdminToken());
    expect(noRoot.statusCode).toBe(409);
    expect(noRoot.json().error).toBe('no-root');
  });

  it('enrolls a device with a fleet token; bad tokens and ids are refused', async () => {
    const { app, storage } = await published();
    const credential = await enrolled({ app, storage });
    expect(credential).toMatch(/^fwd_/);
    expect((await storage.deviceByCredential(credential))!.id).toBe('laptop-0001');
    const token = await storage.createEnrollmentToken(FLEET);
    const cases = [
      [{ token: 'nope', deviceId: 'laptop-0002' }, 401],
      [{ token, deviceId: 'Laptop 2' }, 400],
      [{ token, deviceId: 7 }, 400],
      [{ token }, 400],
      [{ token, deviceId: 'laptop-0001' }, 409],
    ] as const;
    for (const [payload, status] of cases) {
      const res = await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().message).toEqual(expect.any(String));
    }
    expect(await storage.devices(FLEET)).toHaveLength(1);
    const other = await storage.createEnrollmentToken('other-fleet');
    expect((await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token: other, deviceId: 'x1' } })).statusCode).toBe(401);
  });

  it('enrolling with the agent\'s own proposed credential is idempotent: a retry after a lost answer gets 200, another proposal 409', async () => {
    const { app, storage } = await published();
    const token = await storage.createEnrollmentToken(FLEET);
    const proposal = `fwd_${'A'.repeat(20)}${'b'.repeat(23)}`;
    const enroll = (credential: unknown) => app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token, deviceId: 'laptop-0009', credential } });
    const first = await enroll(proposal);
    expect(first.statusCode).toBe(201);
    expect(first.json().credential).toBe(proposal);
    const retry = await enroll(proposal);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().credential).toBe(proposal);
    expect((await enroll(`fwd_${'c'.repeat(43)}`)).statusCode).toBe(409);
    const bad = await enroll('short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/credential/);
    // Someone else's credential cannot be taken over by proposing it for another id.
    const other = await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/enroll`, payload: { token, deviceId: 'laptop-0010', credential: proposal } });
    expect(other.statusCode).toBe(409);
    expect((await storage.deviceByCredential(proposal))!.id).toBe('laptop-0009');
    expect((await storage.devices(FLEET)).map((d) => d.id)).toEqual(['laptop-0009']);
  });

  it('accepts events once: a retry is duplicate and stored exactly once', async () => {
    const { app, storage } = await published();
    const credential = await enrolled({ app, storage });
    const events = Array.from({ length: 3 }, (_, i) => ({ id: uuidv7(NOW + i), type: 'notified', maintenance: 'm1', at: '2026-12-01T00:00:00Z', extra: i }));
    const first = await postEvents(app, credential, { events });
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: any) => r.result)).toEqual(['accepted', 'accepted', 'accepted']);
    const retry = await postEvents(app, credential, { events: [...events, { ...events[0] }] });
    expect(retry.json().results.map((r: any) => r.result)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const stored = await storage.events({ device: 'laptop-0001' });
    expect(stored).toHaveLength(3);
    expect(JSON.parse(stored[0]!.body)).toMatchObject({ device: 'laptop-0001', type: 'notified' });
    expect((await storage.devices(FLEET))[0]!.lastSeen).toBe(new Date(NOW).toISOString());
  });

  it('never lets a device write another device\'s events; invalid events are not written', async () => {
    const { app, storage } = await published();
    const a = await enrolled({ app, storage }, 'laptop-a');
    await enrolled({ app, storage }, 'laptop-b');
    const ok = { id: uuidv7(), type: 'acknowledged', at: '2026-12-01T01:00:00+01:00' };
    const res = await postEvents(app, a, {
      events: [
        ok,
        { id: uuidv7(), type: 'acknowledged', at: '2026-12-01T00:00:00Z', device: 'laptop-b' },
        { id: '00000000-0000-4000-8000-000000000000', type: 'x', at: '2026-12-01T00:00:00Z' },
        { id: uuidv7(), type: 'x', at: 'yesterday' },
        { id: uuidv7(), type: 42, at: '2026-12-01T00:00:00Z' },
        { type: 'x', at: '2026-12-01T00:00:00Z' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: any) => r.result)).toEqual(['accepted', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(results[1].reason).toMatch(/only its own events/);
    expect(await storage.events({ device: 'laptop-b' })).toHaveLength(0);
    expect((await storage.events({ fleet: FLEET })).map((e) => e.id)).toEqual([ok.id]);
  });

  it('answers bad batches with a 4xx naming the problem, writing nothing', async () => {
    const { app, storage } = await published();
    const credential = await enrolled({ app, storage });
    const event = () => ({ id: uuidv7(), type: 'notified', at: '2026-12-01T00:00:00Z' });
    const cases: Array<[string | null, unknown, number, RegExp]> = [
      [credential, '{"events": [', 400, /JSON/i],
      [credential, { events: 'nope' }, 400, /events/],
      [credential, { events: [] }, 400, /events/],
      [credential, { events: [event()], more: 1 }, 400, /additional/],
      [credential, { events: Array.from({ length: 501 }, event) }, 400, /500/],
      [credential, { events: [{ ...event(), pad: 'x'.repeat(1024 * 1024) }] }, 413, /large|limit/i],
      [null, { events: [event()] }, 401, /Bearer/],
      ['fwd_not-a-credential', { events: [event()] }, 401, /not valid/],
    ];
    for (const [cred, payload, status, message] of cases) {
      const res = await postEvents(app, cred, payload);
      expect(res.statusCode, `${JSON.stringify(payload).slice(0, 60)}`).toBe(status);
      expect(res.json().message).toMatch(message);
    }
    const text = await app.inject({ method: 'POST', url: `/v1/fleets/${FLEET}/events`, headers: { authorization: `Bearer ${credential}`, 'content-type': 'text/plain' }, payload: 'hi' });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toMatch(/body must be object/);
    expect(await storage.events({ fleet: FLEET })).toHaveLength(0);
  });

  it('loses nothing across a restart on the same database', async () => {
    const first = await published();
    const credential = await enrolled(first);
    const events = [{ id: uuidv7(), type: 'notified', at: '2026-12-01T00:00:00Z' }];
    expect((await postEvents(first.app, credential, { events })).json().accepted).toBe(1);
    const etag = (await first.app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule` })).headers.etag;
    await backend.close(first);

    const { app, storage } = await backend.open(() => NOW, first.loc);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const res = await fetch(`${base}/v1/fleets/${FLEET}/schedule`, { headers: { 'if-none-match': etag as string } });
    expect(res.status).toBe(304);
    const retry = await fetch(`${base}/v1/fleets/${FLEET}/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify({ events }),
    });
    expect(((await retry.json()) as any).results[0].result).toBe('duplicate');
    expect(await storage.events({ fleet: FLEET })).toHaveLength(1);
    expect(await storage.adminActor(first.admin)).toBe('it-test');
    expect((await storage.auditLog()).map((e) => e.action)).toEqual(['admin-token.create', 'root.create', 'schedule.publish']);
    expect((await storage.currentRoot(FLEET))!.envelope.equals(trust.root1)).toBe(true);
  });
});
