// The outbox and uploader against a REAL fleet server (Fastify + SQLite on 127.0.0.1): every event arrives
// exactly once, through batches, an outage, a lost 2xx, a 401, a 429 and a full outbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForewarnEvent } from '../../../core/events/index.js';
import { uuidv7Generator } from '../../../main/engine/ids.js';
import { Outbox, type NewEvent } from '../../../main/engine/outbox/outbox.js';
import { BACKOFF_BASE_MS, Uploader } from '../../../main/engine/outbox/uploader.js';
import { openConfStore, type StateStore } from '../../../main/engine/state/conf-store.js';
import { enroll, FLEET, startFleet, startProxy, storedIds, type Fleet, type Proxy } from './fleet-support.js';

let now = Date.parse('2026-11-23T10:00:00Z');
const clock = { now: () => now };
let dir: string;
let fleet: Fleet | undefined;
let proxy: Proxy | undefined;
let store: StateStore;
let device: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-outbox-it-'));
  const r = openConfStore({ cwd: join(dir, 'agent'), clock });
  if (!r.ok) throw new Error(r.refusal.message);
  store = r.store;
  device = store.get('device')!.id;
});
afterEach(async () => {
  await proxy?.close();
  await fleet?.stop();
  proxy = undefined;
  fleet = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Server, proxy in front of it, enrolled device, outbox and uploader (through the proxy). */
async function setup(options: { limit?: number; fleetExtra?: Parameters<typeof startFleet>[2] } = {}) {
  fleet = await startFleet(dir, 0, options.fleetExtra);
  const current = fleet;
  proxy = await startProxy(() => current.url);
  let credential: string | undefined = await enroll(fleet, device);
  const outbox = new Outbox({ store, ids: uuidv7Generator(clock), clock, ...(options.limit ? { limit: options.limit } : {}) });
  const uploader = new Uploader({
    outbox, http: fetch, clock, random: () => 0.5, serverUrl: proxy.url, fleet: FLEET, credential: () => credential,
  });
  return { outbox, uploader, setCredential: (c: string | undefined) => { credential = c; } };
}

const kinds: NewEvent[] = [
  { type: 'delivered', maintenance: 'm1', scheduleVersion: 1 },
  { type: 'notified', maintenance: 'm1' },
  { type: 'acknowledged', maintenance: 'm1' },
  { type: 'deferred', maintenance: 'm1', choice: '1h', until: '2026-11-23T11:00:00Z' },
  { type: 'restart-started', maintenance: 'm1' },
  { type: 'completed', maintenance: 'm1' },
];
function addMany(outbox: Outbox, n: number): ForewarnEvent[] {
  return Array.from({ length: n }, (_, i) => outbox.add(kinds[i % kinds.length]!));
}

async function expectExactlyOnce(ids: string[]) {
  const stored = await storedIds(fleet!.storage, device);
  expect(stored.size).toBe(ids.length);
  for (const id of ids) expect(stored.get(id), id).toBe(1);
}

describe('outbox upload to a real fleet server', () => {
  it('sends 1,001 events in batches of at most 500, each arriving exactly once, and empties the outbox', async () => {
    const { outbox, uploader } = await setup();
    const added = addMany(outbox, 1001);
    const r = await uploader.flush();
    expect(r).toEqual({ accepted: 1001, duplicate: 0, rejected: 0, remaining: 0 });
    expect(proxy!.requests.map((q) => q.events)).toEqual([500, 500, 1]);
    await expectExactlyOnce(added.map((e) => e.id));
    expect(store.get('outbox')!.events).toEqual([]);
    // Nothing left: no request at all.
    expect(await uploader.flush()).toEqual({ accepted: 0, duplicate: 0, rejected: 0, remaining: 0 });
    expect(proxy!.requests).toHaveLength(3);
  });

  it('splits by size: every request stays under 1 MiB', async () => {
    const { outbox, uploader } = await setup();
    // Extra fields are kept by core/events (a newer agent's data): 300 kB each, so 3 fit in a request, not 4.
    const attachment = 'x'.repeat(300_000);
    const added = Array.from({ length: 7 }, () => outbox.add({ type: 'feedback', text: 'see attachment', attachment } as NewEvent));
    expect((await uploader.flush()).accepted).toBe(7);
    expect(proxy!.requests.map((q) => q.events)).toEqual([3, 3, 1]);
    for (const q of proxy!.requests) expect(q.bytes).toBeLessThan(1024 * 1024);
    await expectExactlyOnce(added.map((e) => e.id));
  });

  it('loses nothing while the server is down, backs off with jitter, and delivers everything once it is back', async () => {
    const { outbox, uploader } = await setup();
    const before = addMany(outbox, 20);
    const port = fleet!.port;
    await fleet!.stop();
    const down1 = await uploader.flush();
    expect(down1).toMatchObject({ accepted: 0, remaining: 20, error: expect.stringMatching(/^network: /) });
    // Full jitter with random() = 0.5: half of the first ceiling, then half of the doubled one.
    expect(down1.retryAt).toBe(now + BACKOFF_BASE_MS / 2);
    expect(await uploader.flush()).toMatchObject({ skipped: true, retryAt: down1.retryAt });
    const during = addMany(outbox, 7);
    now += 60_000;
    const down2 = await uploader.flush();
    expect(down2.retryAt).toBe(now + BACKOFF_BASE_MS);
    expect(store.get('outbox')!.events).toHaveLength(27);
    // Back on the same port and database.
    fleet = await startFleet(dir, port);
    now += 60_000;
    expect(await uploader.flush()).toMatchObject({ accepted: 27, remaining: 0 });
    await expectExactlyOnce([...before, ...during].map((e) => e.id));
  });

  it('after a 2xx lost in transit, the retry comes back as duplicate and nothing is doubled (dropped report included)', async () => {
    const { outbox, uploader } = await setup({ limit: 40 });
    const added = addMany(outbox, 50); // 10 low-value ones dropped, counted
    expect(outbox.dropped).toBeGreaterThan(0);
    const dropped = outbox.dropped;
    const kept = outbox.pending().map((e) => e.id);
    proxy!.mode = 'drop-answer';
    const lost = await uploader.flush();
    expect(lost).toMatchObject({ accepted: 0, remaining: 40, error: expect.stringMatching(/^network: /) });
    // The server did commit them.
    expect((await storedIds(fleet!.storage, device)).size).toBe(41);
    proxy!.mode = 'pass';
    const retry = await uploader.flush({ force: true });
    expect(retry).toEqual({ accepted: 0, duplicate: 40, rejected: 0, remaining: 0 });
    const stored = await storedIds(fleet!.storage, device);
    expect(stored.size).toBe(41);
    for (const id of kept) expect(stored.get(id), id).toBe(1);
    const reports = (await fleet!.storage.events({ fleet: FLEET, device })).filter((e) => e.type === 'events-dropped');
    expect(reports).toHaveLength(1);
    expect(JSON.parse(reports[0]!.body).count).toBe(dropped);
    expect(outbox.dropped).toBe(0);
    expect(store.get('outbox')!.droppedReport).toBeUndefined();
    expect(added).toHaveLength(50);
  });

  it('on 401 asks for enrollment and keeps every event', async () => {
    const { outbox, uploader, setCredential } = await setup();
    const added = addMany(outbox, 5);
    setCredential('fwd_not-a-known-credential');
    expect(await uploader.flush()).toMatchObject({ needsEnrollment: true, remaining: 5 });
    setCredential(undefined);
    expect(await uploader.flush()).toMatchObject({ needsEnrollment: true, remaining: 5 });
    expect(store.get('outbox')!.events.map((e) => e.id)).toEqual(added.map((e) => e.id));
    expect((await storedIds(fleet!.storage, device)).size).toBe(0);
  });

  it('honours the server\'s 429 Retry-After', async () => {
    // The limiter's clock stands still: one request, then 1 / 0.01 per s = exactly 100 s to wait.
    const { outbox, uploader } = await setup({ fleetExtra: { rateLimits: { credential: { capacity: 1, refillPerSecond: 0.01 }, clock: () => 0 } } });
    addMany(outbox, 3);
    expect(await uploader.flush()).toMatchObject({ accepted: 3 });
    const more = addMany(outbox, 2);
    const limited = await uploader.flush();
    expect(limited).toMatchObject({ accepted: 0, remaining: 2, error: expect.stringMatching(/server busy \(429\); Retry-After 100 s/) });
    expect(limited.retryAt).toBe(now + 100_000);
    expect(await uploader.flush()).toMatchObject({ skipped: true });
    expect(store.get('outbox')!.events.map((e) => e.id)).toEqual(more.map((e) => e.id));
  });

  it('removes an event the server calls invalid, keeping its reason in rejectedLocally', async () => {
    const { outbox, uploader } = await setup();
    const good = outbox.add({ type: 'acknowledged', maintenance: 'm1' });
    // Valid for core/events, but it claims another device: the server refuses it for good.
    const bad = outbox.add({ type: 'notified', device: 'someone-else' } as NewEvent);
    expect(await uploader.flush()).toEqual({ accepted: 1, duplicate: 0, rejected: 1, remaining: 0 });
    expect(uploader.rejectedLocally.count).toBe(1);
    expect(uploader.rejectedLocally.recent[0]).toMatchObject({ id: bad.id, type: 'notified', reason: expect.stringMatching(/^device: /) });
    await expectExactlyOnce([good.id]);
  });

  it('never runs two flushes at once: concurrent calls share one', async () => {
    const { outbox, uploader } = await setup();
    const added = addMany(outbox, 501);
    const [a, b, c] = await Promise.all([uploader.flush(), uploader.flush(), uploader.flush()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(proxy!.maxConcurrent).toBe(1);
    await expectExactlyOnce(added.map((e) => e.id));
  });
});
