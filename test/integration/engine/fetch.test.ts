// The poller and the SSE stream against a real fleet server on loopback (and tiny raw node:http servers for
// misbehaviour the real one never shows: endless bodies, silence, 429s). Time moves only through manualTime; the
// only real waiting is for bytes to cross the loopback socket (bounded by `until`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ENVELOPE_BYTES } from '../../../core/trust/index.js';
import { Poller, REQUEST_TIMEOUT_MS, type PollResult } from '../../../main/engine/fetch/poller.js';
import { rootFetcher } from '../../../main/engine/fetch/roots.js';
import { ScheduleStream } from '../../../main/engine/fetch/sse.js';
import { POLL_INTERVAL_MS } from '../../../main/engine/fetch/timing.js';
import type { Http } from '../../../main/engine/ports.js';
import { TrustKeeper } from '../../../main/engine/trust/keeper.js';
import { manualTime, type ManualTime } from '../../support/manual-time.js';
import { FLEET, makeTrust, NOW } from '../server/fixtures.js';
import { fixedRandom, memoryStore, recordingLogger, startFleetServer, until, type FleetServer } from './fetch-support.js';

const trust = makeTrust();
const DAY = 86_400_000;

interface Seen { method: string; path: string; headers: Headers; status?: number }

/** Global fetch, recording each request's headers and the status it got. */
function recordingHttp() {
  const seen: Seen[] = [];
  const http: Http = async (input, init) => {
    const entry: Seen = { method: init?.method ?? 'GET', path: new URL(input).pathname, headers: new Headers(init?.headers) };
    seen.push(entry);
    const res = await fetch(input, init);
    entry.status = res.status;
    return res;
  };
  return { http, seen };
}

let time: ManualTime;
let server: FleetServer;
const raws: Server[] = [];
const stoppers: (() => void)[] = [];

beforeEach(async () => {
  time = manualTime(NOW);
  server = await startFleetServer(() => time.clock.now());
  expect(await server.put('root', trust.root1)).toBe(201);
});
afterEach(async () => {
  for (const stop of stoppers.splice(0)) stop();
  for (const raw of raws.splice(0)) {
    raw.closeAllConnections();
    await new Promise((r) => raw.close(r));
  }
  await server.close();
});

function agent(serverUrl = server.url, options: { credential?: string; random?: () => number } = {}) {
  const { http, seen } = recordingHttp();
  const store = memoryStore({ trust: { rootChain: [] } });
  const logger = recordingLogger();
  const keeper = new TrustKeeper({
    pinnedRoot: trust.root1, fleet: FLEET, store, clock: time.clock, logger,
    fetchRoot: rootFetcher({ serverUrl, fleet: FLEET, http, timers: time.timers }),
  });
  keeper.start();
  const results: PollResult[] = [];
  const poller = new Poller({
    serverUrl, fleet: FLEET, http, clock: time.clock, timers: time.timers, random: options.random ?? fixedRandom(0.5), logger, sink: keeper,
    onResult: (r) => results.push(r),
  });
  stoppers.push(() => poller.stop());
  const stream = (credential: string) => {
    const s = new ScheduleStream({
      serverUrl, fleet: FLEET, http, clock: time.clock, timers: time.timers, random: fixedRandom(0.5), logger,
      credential: () => credential, currentVersion: () => keeper.version(), onNewer: () => void poller.checkNow(),
      // The server's keep-alive comes every 25 s of REAL time; manual time jumps hours: no false "dead stream".
      idleTimeoutMs: 365 * DAY,
    });
    stoppers.push(() => s.stop());
    return s;
  };
  return { keeper, poller, store, seen, results, logger, stream };
}

async function credential(): Promise<string> {
  const token = await server.storage.createEnrollmentToken(FLEET);
  const res = await fetch(`${server.url}/v1/fleets/${FLEET}/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, deviceId: `dev-${Math.random().toString(36).slice(2, 10)}` }) });
  return ((await res.json()) as { credential: string }).credential;
}

/** A raw loopback server with a handler; closed after the test. */
async function raw(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const s = createServer(handler);
  raws.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe('polling', () => {
  it('fetches, then sends If-None-Match and takes the 304 path', async () => {
    expect(await server.put('schedule', trust.schedule(1))).toBe(201);
    const a = agent();
    expect(await a.poller.checkNow()).toEqual({ outcome: 'updated', version: 1 });
    const etag = a.store.data.trust?.etag;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(a.seen[0]!.headers.get('if-none-match')).toBeNull();
    expect(await a.poller.checkNow()).toEqual({ outcome: 'unchanged' });
    expect(a.seen[1]!.headers.get('if-none-match')).toBe(etag);
    expect(a.seen[1]!.status).toBe(304);
    expect(a.store.data.trust?.lastCheck).toEqual({ at: NOW, outcome: 'unchanged' });
  });

  it('starts after a random delay within interval × 20%, then polls every 30 min ± 20%', async () => {
    expect(await server.put('schedule', trust.schedule(1))).toBe(201);
    const a = agent(server.url, { random: fixedRandom(0.25, 0.75) });
    a.poller.start();
    expect(time.nextDue()! - NOW).toBe(0.25 * 0.2 * POLL_INTERVAL_MS); // 90 s
    time.advance(90_000);
    await until(() => a.results.length === 1, 'the first poll');
    // 0.75 -> interval × (0.8 + 0.4 × 0.75) = 33 min
    expect(time.nextDue()! - time.clock.now()).toBe(33 * 60_000);
  });

  it('the 304-forever freeze: the server keeps answering 304 after expiry, and current() says expired', async () => {
    expect(await server.put('schedule', trust.schedule(1, { expires: '2026-12-02T00:00:00Z' }))).toBe(201);
    const a = agent();
    await a.poller.checkNow();
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 1 });
    time.jump(2 * DAY);
    // Publishing anything newer is impossible for the expired one; the server answers 304 to the same ETag.
    expect(await a.poller.checkNow()).toEqual({ outcome: 'unchanged' });
    expect(a.seen.at(-1)!.status).toBe(304);
    expect(a.keeper.current()).toEqual({ status: 'expired', version: 1, detail: 'the schedule (version 1) expired at 2026-12-02T00:00:00Z; no newer one has arrived' });
  });

  it('reports a rejected schedule (rollback from a compromised server) with its reason and keeps the last good one', async () => {
    let body = trust.schedule(2);
    const url = await raw((_req, res) => { res.writeHead(200, { 'content-type': 'application/json', etag: `"${body.length}"` }); res.end(body); });
    const a = agent(url);
    expect(await a.poller.checkNow()).toEqual({ outcome: 'updated', version: 2 });
    body = trust.schedule(1);
    expect(await a.poller.checkNow()).toEqual({ outcome: 'rejected', reason: 'rollback', detail: 'version 1 is older than the accepted version 2' });
    expect(a.keeper.current()).toMatchObject({ status: 'valid', version: 2 });
    // A rejection is an answer from the server, not a network failure: no backoff.
    expect(a.poller.failureCount()).toBe(0);
  });
});

describe('SSE', () => {
  it('a new version announced on the stream is fetched at once, without waiting for the poll', async () => {
    expect(await server.put('schedule', trust.schedule(1))).toBe(201);
    const a = agent();
    a.poller.start(); // its first poll is minutes away in manual time, which never moves in this test
    const stream = a.stream(await credential());
    stream.start();
    await until(() => a.keeper.version() === 1, 'v1 through the stream\'s first announcement');
    expect(await server.put('schedule', trust.schedule(2))).toBe(201);
    await until(() => a.keeper.version() === 2, 'v2 through the stream');
    expect(stream.status()).toBe('open');
    expect(a.results.map((r) => r.outcome)).toEqual(['updated', 'updated']);
    // Only the schedule GETs the stream asked for: the poll timer never fired.
    expect(a.seen.filter((s) => s.path.endsWith('/schedule')).length).toBe(2);
    expect(stream.connections).toBe(1);
  });

  it('SSE down (the server refuses the credential): the poll still brings the new version', async () => {
    expect(await server.put('schedule', trust.schedule(1))).toBe(201);
    const a = agent();
    let unauthorized = 0;
    const stream = new ScheduleStream({
      serverUrl: server.url, fleet: FLEET, http: fetch, clock: time.clock, timers: time.timers, random: fixedRandom(0.5), logger: a.logger,
      credential: () => 'not-a-credential', currentVersion: () => a.keeper.version(), onNewer: () => void a.poller.checkNow(),
      onUnauthorized: () => { unauthorized += 1; },
    });
    stoppers.push(() => stream.stop());
    stream.start();
    await until(() => stream.status() === 'down', 'the stream to be refused');
    expect(unauthorized).toBe(1);
    a.poller.start();
    time.advance(0.5 * 0.2 * POLL_INTERVAL_MS);
    await until(() => a.keeper.version() === 1, 'v1 by polling');
    expect(await server.put('schedule', trust.schedule(2))).toBe(201);
    time.advance(POLL_INTERVAL_MS);
    await until(() => a.keeper.version() === 2, 'v2 by polling');
    expect(stream.status()).toBe('down');
    // It kept trying to reconnect, with backoff, at least the server's retry interval apart.
    expect(stream.connections).toBeGreaterThan(1);
  });

  it('reconnects after the server drops the stream and catches up on what was published meanwhile', async () => {
    expect(await server.put('schedule', trust.schedule(1))).toBe(201);
    const a = agent();
    const stream = a.stream(await credential());
    stream.start();
    await until(() => a.keeper.version() === 1 && stream.status() === 'open', 'v1');
    // The server restarts: every stream is closed. Publish while the agent is away.
    const url = new URL(server.url);
    await server.app.close();
    await until(() => stream.status() === 'down', 'the drop to be seen');
    const storage = server.storage;
    const { buildServer } = await import('../../../server/app.js');
    const app = buildServer({ storage, now: () => time.clock.now() });
    await app.listen({ host: '127.0.0.1', port: Number(url.port) });
    server.app = app;
    const put = await fetch(`${server.url}/v1/fleets/${FLEET}/schedule`, { method: 'PUT', body: trust.schedule(2), headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin}` } });
    expect(put.status).toBe(201);
    time.advance(60_000); // past the reconnect delay (max of the server's retry: 10 s and the backoff)
    await until(() => a.keeper.version() === 2, 'v2 after reconnecting');
    expect(stream.connections).toBe(2);
  });
});

describe('misbehaving servers', () => {
  it('aborts an oversized body as soon as it passes the cap (reads at most cap + one chunk)', async () => {
    const CHUNK = 16 * 1024;
    let written = 0;
    let closed = false;
    const url = await raw((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: only streaming can catch it
      const chunk = Buffer.alloc(CHUNK, 0x20);
      const more = (): void => {
        // Would send 64 MiB if the agent kept reading.
        while (!closed && written < 64 * 1024 * 1024) {
          written += CHUNK;
          if (!res.write(chunk)) { res.once('drain', more); return; }
        }
        res.end();
      };
      res.on('close', () => { closed = true; });
      more();
    });
    const a = agent(url);
    const result = await a.poller.checkNow();
    expect(result.outcome).toBe('too-large');
    const readBytes = (result as { readBytes: number }).readBytes;
    expect(readBytes).toBeGreaterThan(MAX_ENVELOPE_BYTES);
    // One fetch chunk may hold several of the server's writes (socket reads are up to 64 KiB).
    expect(readBytes).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES + 64 * 1024);
    await until(() => closed, 'the server to see the connection closed');
    expect(written).toBeLessThan(16 * 1024 * 1024);
    expect(a.keeper.current().status).toBe('none');
    // A failure: the next try is a backoff, not the regular interval.
    expect(a.poller.failureCount()).toBe(1);
  });

  it('times out a server that never answers (the timer is the Timers port: no real waiting)', async () => {
    let arrived = false;
    const url = await raw(() => { arrived = true; /* never answers */ });
    const a = agent(url);
    const pending = a.poller.checkNow();
    await until(() => arrived, 'the request to reach the server');
    time.advance(REQUEST_TIMEOUT_MS);
    expect(await pending).toEqual({ outcome: 'unreachable', detail: `timed out: no complete answer within ${REQUEST_TIMEOUT_MS} ms` });
    expect(a.store.data.trust?.lastCheck).toMatchObject({ outcome: 'unreachable' });
  });

  it.each([
    ['delay-seconds', '120', 120_000],
    ['an HTTP-date', 'date', 300_000],
  ])('honours Retry-After as %s on a 429', async (_form, header, expected) => {
    // The date form is made when the request arrives (whole seconds: manual time moves in whole seconds here).
    const value = () => (header === 'date' ? new Date(time.clock.now() + 300_000).toUTCString() : header);
    const url = await raw((_req, res) => { res.writeHead(429, { 'retry-after': value(), 'content-type': 'application/json' }); res.end('{"error":"rate-limited"}'); });
    const a = agent(url);
    a.poller.start();
    time.advance(time.nextDue()! - NOW);
    await until(() => a.results.length === 1, 'the first poll');
    expect(a.results[0]).toMatchObject({ outcome: 'unreachable', status: 429, retryAfterMs: expected });
    expect(time.nextDue()! - time.clock.now()).toBe(expected);
  });

  it('honours the real server\'s own 429 (rate limit per address)', async () => {
    await server.close();
    server = await startFleetServer(() => time.clock.now(), { address: { capacity: 1, refillPerSecond: 0.01 } });
    const a = agent();
    await a.poller.checkNow(); // spends the one token (404: nothing published)
    const limited = await a.poller.checkNow();
    expect(limited).toMatchObject({ outcome: 'unreachable', status: 429, retryAfterMs: expect.any(Number) });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('backs off with full jitter on consecutive failures, capped at one hour', async () => {
    const url = await raw((_req, res) => { res.writeHead(500); res.end(); });
    const a = agent(url, { random: fixedRandom(1 - 2 ** -40) });
    const delays: number[] = [];
    a.poller.start();
    for (let i = 0; i < 9; i++) {
      time.advance(time.nextDue()! - time.clock.now());
      await until(() => a.results.length === i + 1, `poll ${i + 1}`);
      delays.push(time.nextDue()! - time.clock.now());
    }
    // Random at its top: each delay is its ceiling, 30 s doubling, then the 1 h cap.
    expect(delays).toEqual([29_999, 59_999, 119_999, 239_999, 479_999, 959_999, 1_919_999, 3_599_999, 3_599_999]);
    expect(a.poller.failureCount()).toBe(9);
  });
});
