// The uploader's answers to what a server or the network can do, against a scripted HTTP server on loopback
// (real sockets, real fetch); the clock and timers are manual so backoff and timeouts are exact.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7Generator } from '../../../../main/engine/ids.js';
import { Outbox } from '../../../../main/engine/outbox/outbox.js';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryAfterMs, Uploader, type UploaderOptions } from '../../../../main/engine/outbox/uploader.js';
import { openConfStore } from '../../../../main/engine/state/conf-store.js';
import { manualTime, type ManualTime } from '../../../support/manual-time.js';

type Handler = (req: IncomingMessage, body: { events: Array<{ id: string }> }, res: ServerResponse) => void;
let handler: Handler;
let server: Server;
let url: string;
let dir: string;
let time: ManualTime;
let outbox: Outbox;
const bodies: Array<{ events: Array<{ id: string; type: string }> }> = [];

const acceptAll: Handler = (_req, body, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ results: body.events.map((e, index) => ({ index, id: e.id, result: 'accepted' })) }));
};

beforeEach(async () => {
  bodies.length = 0;
  handler = acceptAll;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      bodies.push(body);
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'fw-uploader-'));
  time = manualTime(Date.parse('2026-11-23T10:00:00Z'));
  const opened = openConfStore({ cwd: dir, clock: time.clock });
  if (!opened.ok) throw new Error('open');
  outbox = new Outbox({ store: opened.store, ids: uuidv7Generator(time.clock), clock: time.clock });
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const uploader = (extra: Partial<UploaderOptions> = {}) => new Uploader({
  outbox, http: fetch, clock: time.clock, random: () => 1 - Number.EPSILON, serverUrl: `${url}/`, fleet: 'acme', credential: () => 'fwd_x', ...extra,
});

describe('uploader', () => {
  it('sends to /v1/fleets/:fleet/events with the bearer credential', async () => {
    let seen: IncomingMessage | undefined;
    handler = (req, body, res) => { seen = req; acceptAll(req, body, res); };
    outbox.add({ type: 'acknowledged', maintenance: 'm1' });
    expect(await uploader().flush()).toMatchObject({ accepted: 1, remaining: 0 });
    expect(seen!.url).toBe('/v1/fleets/acme/events');
    expect(seen!.headers.authorization).toBe('Bearer fwd_x');
  });

  it('backs off exponentially with full jitter up to the cap, and resets after a success', async () => {
    handler = (_req, _body, res) => { res.writeHead(500); res.end(); };
    outbox.add({ type: 'acknowledged' });
    // random() just under 1: each delay is just under its ceiling, so the doubling and the cap are visible.
    const up = uploader();
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await up.flush({ force: true });
      expect(r.error).toBe('server answered 500');
      delays.push(r.retryAt! - time.clock.now());
    }
    const ceilings = delays.map((d) => Math.ceil(d / 1000) * 1000);
    expect(ceilings).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 180, 180].map((k) => Math.min(BACKOFF_CAP_MS, k * BACKOFF_BASE_MS)));
    // Jitter: random() = 0 means "try again now".
    const zero = uploader({ random: () => 0 });
    expect((await zero.flush()).retryAt).toBe(time.clock.now());
    handler = acceptAll;
    expect(await up.flush({ force: true })).toMatchObject({ accepted: 1 });
    outbox.add({ type: 'acknowledged' });
    handler = (_req, _body, res) => { res.writeHead(502); res.end(); };
    expect((await up.flush()).retryAt! - time.clock.now()).toBeLessThan(BACKOFF_BASE_MS);
  });

  it('honours a 503 Retry-After given as an HTTP date, and waits for it unless forced', async () => {
    const at = new Date(time.clock.now() + 120_000).toUTCString();
    handler = (_req, _body, res) => { res.writeHead(503, { 'retry-after': at }); res.end(); };
    outbox.add({ type: 'completed', maintenance: 'm1' });
    const up = uploader();
    const r = await up.flush();
    expect(r).toMatchObject({ remaining: 1, retryAt: Date.parse(at), error: expect.stringMatching(/server busy \(503\)/) });
    handler = acceptAll;
    time.advance(60_000);
    expect(await up.flush()).toMatchObject({ skipped: true, remaining: 1 });
    expect(bodies).toHaveLength(1);
    time.advance(60_000);
    expect(await up.flush()).toMatchObject({ accepted: 1, remaining: 0 });
  });

  it('parses Retry-After seconds and dates, and ignores nonsense', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('aborts a request the server never answers, after the timeout on the Timers port', async () => {
    handler = () => { /* never answers */ };
    outbox.add({ type: 'acknowledged' });
    const pending = uploader({ timers: time.timers, requestTimeoutMs: 30_000 }).flush();
    // Wait until the request reached the server, then let the timeout pass.
    while (bodies.length === 0) await new Promise((r) => setImmediate(r));
    time.advance(30_000);
    const r = await pending;
    expect(r).toMatchObject({ remaining: 1, error: expect.stringMatching(/^network: /) });
    expect(time.pending()).toBe(0);
  });

  it('halves the batch on 413 (a proxy with a smaller limit) and still sends everything', async () => {
    handler = (req, body, res) => {
      if (body.events.length > 100) { res.writeHead(413); res.end(); return; }
      acceptAll(req, body, res);
    };
    for (let i = 0; i < 300; i++) outbox.add({ type: 'notified' });
    expect(await uploader().flush()).toMatchObject({ accepted: 300, remaining: 0 });
    expect(bodies.map((b) => b.events.length)).toEqual([300, 150, 75, 75, 75, 75]);
  });

  it('keeps events the 2xx did not answer for, and calls a 2xx without results a failure', async () => {
    outbox.add({ type: 'acknowledged' });
    const second = outbox.add({ type: 'acknowledged' });
    // The server answers for every event but `second` (and a wrong id at its index does not count).
    handler = (_req, body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: body.events.map((e, index) => ({ index, id: e.id === second.id ? 'someone-else' : e.id, result: 'accepted' })) }));
    };
    const up = uploader();
    const r = await up.flush();
    // It went round again for `second`, got no answer for it, and stopped (no endless loop).
    expect(r).toMatchObject({ accepted: 1, remaining: 1, error: 'server answered 200 but settled no event' });
    expect(bodies.map((b) => b.events.length)).toEqual([2, 1]);
    expect(outbox.pending().map((e) => e.id)).toEqual([second.id]);
    handler = (_req, _body, res) => { res.writeHead(200); res.end('ok'); };
    expect(await up.flush({ force: true })).toMatchObject({ remaining: 1, error: 'server answered 200 without per-event results' });
  });

  it('sends the dropped count once, as events-dropped, and subtracts it only after the 2xx', async () => {
    const small = new Outbox({ store: (outbox as any).store, ids: uuidv7Generator(time.clock), clock: time.clock, limit: 2 });
    for (let i = 0; i < 5; i++) small.add({ type: 'delivered' });
    expect(small.dropped).toBe(3);
    handler = (_req, _body, res) => { res.writeHead(500); res.end(); };
    const up = uploader({ outbox: small });
    await up.flush();
    expect(small.dropped).toBe(3);
    handler = acceptAll;
    await up.flush({ force: true });
    const reports = bodies.map((b) => b.events[0]!).filter((e) => e.type === 'events-dropped');
    expect(reports).toHaveLength(2);
    expect(reports[0]).toEqual(reports[1]); // the same event, id and count, on the retry
    expect(reports[0]).toMatchObject({ count: 3 });
    expect(small.dropped).toBe(0);
    expect(await up.flush()).toMatchObject({ accepted: 0, remaining: 0 });
    expect(bodies).toHaveLength(2);
  });
});
