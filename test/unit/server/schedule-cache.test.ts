// The in-memory schedule cache: loads once per fleet, stays fresh through publish offers, notifications and a
// max age, and never hands out an older version after a newer one — also when loads and publishes race.
// The last part runs real servers (HTTP on 127.0.0.1, SQLite and PostgreSQL) over one database.
import { describe, expect, it, vi } from 'vitest';
import { LocalScheduleNotifier } from '../../../server/notifier.js';
import { ScheduleCache } from '../../../server/schedule-cache.js';
import type { StoredSchedule } from '../../../server/storage/index.js';
import { buildServer } from '../../../server/app.js';
import { openStorage } from '../../../server/storage/index.js';
import { forEachBackend } from '../../support/backends.js';
import { FLEET, makeTrust, NOW } from '../../integration/server/fixtures.js';

const row = (version: number): StoredSchedule => ({
  fleet: FLEET, version, payloadSha256: `sha-${version}`, envelope: Buffer.from(`envelope ${version}`), publishedAt: '2026-12-01T00:00:00Z',
});

/** A loader whose answers the test releases one by one, to order a load against a publish. */
function gatedLoader() {
  const calls: Array<{ fleet: string; resolve: (r: StoredSchedule | null) => void; reject: (e: Error) => void }> = [];
  const load = (fleet: string) => new Promise<StoredSchedule | null>((resolve, reject) => calls.push({ fleet, resolve, reject }));
  return { load, calls };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ScheduleCache', () => {
  it('loads a fleet once, serves it from memory, and reloads after the max age', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new ScheduleCache({ load: async () => { loads++; return row(1); }, maxAgeMs: 5000, clock: () => clock });
    expect((await cache.get(FLEET))?.etag).toBe('"sha-1"');
    clock = 4999;
    await cache.get(FLEET);
    expect(loads).toBe(1);
    clock = 5000;
    await cache.get(FLEET);
    expect(loads).toBe(2);
  });

  it('makes one query for many concurrent polls', async () => {
    const gate = gatedLoader();
    const cache = new ScheduleCache({ load: gate.load });
    const polls = Array.from({ length: 100 }, () => cache.get(FLEET));
    expect(gate.calls).toHaveLength(1);
    gate.calls[0]!.resolve(row(3));
    expect((await Promise.all(polls)).every((s) => s?.version === 3)).toBe(true);
  });

  it('does not cache a fleet without a schedule (made-up names cannot fill memory)', async () => {
    let loads = 0;
    const cache = new ScheduleCache({ load: async () => { loads++; return null; } });
    expect(await cache.get('no-such-fleet')).toBeNull();
    expect(await cache.get('no-such-fleet')).toBeNull();
    expect(loads).toBe(2);
    expect(cache.size()).toBe(0);
  });

  it('serves an offered (just published) version at once, and ignores an older offer', async () => {
    let loads = 0;
    const cache = new ScheduleCache({ load: async () => { loads++; return row(1); } });
    await cache.get(FLEET);
    cache.offer(FLEET, { version: 2, etag: '"sha-2"', envelope: Buffer.from('v2') });
    expect((await cache.get(FLEET))?.version).toBe(2);
    cache.offer(FLEET, { version: 1, etag: '"sha-1"', envelope: Buffer.from('v1') });
    expect((await cache.get(FLEET))?.version).toBe(2);
    expect(loads).toBe(1);
  });

  it('reloads when the notifier tells of a newer version, not for an old one', async () => {
    const notifier = new LocalScheduleNotifier();
    let current = 1;
    let loads = 0;
    const cache = new ScheduleCache({ load: async () => { loads++; return row(current); }, notifier });
    await cache.get(FLEET);
    notifier.publish(FLEET, { version: 1, etag: '"sha-1"' });
    await cache.get(FLEET);
    expect(loads).toBe(1);
    current = 2;
    notifier.publish(FLEET, { version: 2, etag: '"sha-2"' });
    expect((await cache.get(FLEET))?.version).toBe(2);
    expect(loads).toBe(2);
  });

  it('never serves an older version after a newer one: a load that read before a publish yields the newer', async () => {
    const gate = gatedLoader();
    const clock = { now: 0 };
    const cache = new ScheduleCache({ load: gate.load, clock: () => clock.now });
    const first = cache.get(FLEET);
    gate.calls[0]!.resolve(row(1));
    expect((await first)?.version).toBe(1);
    clock.now = 10_000; // expired: the next poll reloads
    const slow = cache.get(FLEET); // reads v1 ...
    cache.offer(FLEET, { version: 2, etag: '"sha-2"', envelope: Buffer.from('v2') }); // ... while v2 is published
    expect((await cache.get(FLEET))?.version).toBe(2);
    gate.calls[1]!.resolve(row(1));
    expect((await slow)?.version).toBe(2);
    expect((await cache.get(FLEET))?.version).toBe(2);
  });

  it('after a notification, new polls do not wait on a load that started before it', async () => {
    const notifier = new LocalScheduleNotifier();
    const gate = gatedLoader();
    const clock = { now: 0 };
    const cache = new ScheduleCache({ load: gate.load, notifier, clock: () => clock.now });
    const first = cache.get(FLEET);
    gate.calls[0]!.resolve(row(1));
    await first;
    clock.now = 10_000;
    const before = cache.get(FLEET);
    notifier.publish(FLEET, { version: 2, etag: '"sha-2"' });
    const after = cache.get(FLEET);
    expect(gate.calls).toHaveLength(3);
    gate.calls[2]!.resolve(row(2));
    gate.calls[1]!.resolve(row(1));
    expect((await after)?.version).toBe(2);
    // The old read finishes last, yet hands out the newer version the cache holds by then.
    expect((await before)?.version).toBe(2);
  });

  it('keeps reloading while storage answers older than a notified version (a lagging read)', async () => {
    const notifier = new LocalScheduleNotifier();
    let loads = 0;
    const cache = new ScheduleCache({ load: async () => { loads++; return row(1); }, notifier });
    await cache.get(FLEET);
    notifier.publish(FLEET, { version: 2, etag: '"sha-2"' });
    expect((await cache.get(FLEET))?.version).toBe(1);
    await cache.get(FLEET);
    expect(loads).toBe(3);
  });

  it('passes a storage error on and retries on the next poll', async () => {
    let fail = true;
    const cache = new ScheduleCache({ load: async () => { if (fail) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' }); return row(1); } });
    await expect(cache.get(FLEET)).rejects.toThrow('down');
    fail = false;
    await tick();
    expect((await cache.get(FLEET))?.version).toBe(1);
  });

  it('unsubscribes on close, and forgets the least recently loaded fleet past its size', async () => {
    const notifier = new LocalScheduleNotifier();
    let clock = 0;
    const cache = new ScheduleCache({ load: async (fleet) => ({ ...row(1), fleet }), notifier, maxFleets: 2, clock: () => clock++ });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    expect(cache.size()).toBe(2);
    expect(notifier.size()).toBe(2);
    cache.close();
    expect(cache.size()).toBe(0);
    expect(notifier.size()).toBe(0);
  });

  it('refuses nonsense options with a message naming them', () => {
    expect(() => new ScheduleCache({ load: async () => null, maxAgeMs: -1 })).toThrow(/maxAgeMs/);
    expect(() => new ScheduleCache({ load: async () => null, maxFleets: 0 })).toThrow(/maxFleets/);
  });
});

const trust = makeTrust();

forEachBackend('schedule cache in a real server on %s', (backend) => {
  it('serves a publish at once on the same node, and polls from memory (no query) in between', async () => {
    const { app, storage } = await backend.open(() => NOW);
    const admin = await storage.createAdminToken('it');
    const put = (body: Buffer) => app.inject({ method: 'PUT', url: `/v1/fleets/${FLEET}/schedule`, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    expect((await app.inject({ method: 'PUT', url: `/v1/fleets/${FLEET}/root`, payload: trust.root1, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } })).statusCode).toBe(201);
    expect((await put(trust.schedule(1))).statusCode).toBe(201);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/v1/fleets/${FLEET}/schedule`;
    const first = await fetch(url);
    const etag1 = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    // Counts the real storage's schedule reads (nothing replaced): the polls below make none.
    const reads = vi.spyOn(storage, 'currentSchedule');
    for (let i = 0; i < 10; i++) expect((await fetch(url, { headers: { 'if-none-match': etag1 } })).status).toBe(304);
    expect(reads).not.toHaveBeenCalled();

    const v2 = trust.schedule(2);
    expect((await put(v2)).statusCode).toBe(201);
    const after = await fetch(url, { headers: { 'if-none-match': etag1 } });
    expect(after.status).toBe(200);
    expect(Buffer.from(await after.arrayBuffer()).equals(v2)).toBe(true);
    expect(after.headers.get('etag')).toBe(`"${(await storage.currentSchedule(FLEET))!.payloadSha256}"`);
    expect((await fetch(url, { headers: { 'if-none-match': after.headers.get('etag')! } })).status).toBe(304);
  });

  it('a publish on one node reaches another node\'s pollers through the notifier at once', async () => {
    const loc = await backend.location(() => NOW);
    const notifier = new LocalScheduleNotifier(); // stands in for the cross-node notifier: same interface
    const nodes = [];
    for (let i = 0; i < 2; i++) {
      const storage = await openStorage(loc);
      const app = buildServer({ storage, now: () => NOW, notifier });
      backend.track({ app, storage });
      nodes.push({ app, storage });
    }
    const [a, b] = nodes as [typeof nodes[0], typeof nodes[0]];
    const admin = await a.storage.createAdminToken('it');
    const put = (path: string, body: Buffer) => a.app.inject({ method: 'PUT', url: `/v1/fleets/${FLEET}/${path}`, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    expect((await put('root', trust.root1)).statusCode).toBe(201);
    expect((await put('schedule', trust.schedule(1))).statusCode).toBe(201);
    const poll = (etag?: string) => b.app.inject({ method: 'GET', url: `/v1/fleets/${FLEET}/schedule`, headers: etag ? { 'if-none-match': etag } : {} });
    const etag1 = (await poll()).headers.etag as string;
    expect((await poll(etag1)).statusCode).toBe(304); // node b now holds v1 in memory
    expect((await put('schedule', trust.schedule(2))).statusCode).toBe(201);
    await new Promise((resolve) => setImmediate(resolve)); // the publish route notifies once its reply is sent
    const after = await poll(etag1);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag1);
  });
});
