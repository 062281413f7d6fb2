// Operations over real HTTP (127.0.0.1, port 0, fetch): SSE schedule notifications, rate limits, security
// headers, the admin enrollment-token route, 503 when the storage is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../../server/app.js';
import { openStorage } from '../../../server/storage/index.js';
import { FLEET, makeTrust, NOW } from './fixtures.js';

const trust = makeTrust();

describe('fleet server operations over HTTP', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function start(extra: Partial<ServerOptions> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-ops-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const storage = await openStorage({ sqlitePath: join(dir, 'forewarn.db'), now: () => NOW });
    let closed = false;
    cleanup.push(async () => { if (!closed) await storage.close(); });
    const app = buildServer({ storage, now: () => NOW, ...extra });
    cleanup.push(() => app.close());
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const admin = await storage.createAdminToken('ops-test');
    const closeStorage = async () => { closed = true; await storage.close(); };
    return { app, storage, url, admin, closeStorage };
  }

  const put = (url: string, path: string, body: Buffer, token: string) =>
    fetch(`${url}${path}`, { method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });

  async function device(s: { url: string; admin: string }): Promise<string> {
    const made = await fetch(`${s.url}/v1/fleets/${FLEET}/enrollment-tokens`, { method: 'POST', headers: { authorization: `Bearer ${s.admin}` } });
    expect(made.status).toBe(201);
    const { token } = await made.json() as { token: string };
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/enroll`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, deviceId: 'laptop-0001' }),
    });
    expect(res.status).toBe(201);
    return (await res.json() as { credential: string }).credential;
  }

  /** Reads SSE events from a fetch body until `count` schedule events arrived or `ms` passed. */
  function sseReader(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    return {
      async next(ms: number): Promise<{ event: string; data: unknown }> {
        const deadline = Date.now() + ms;
        for (let i = 0; i < 100; i++) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined) return { event, data: JSON.parse(data) };
            continue;
          }
          const left = deadline - Date.now();
          if (left <= 0) break;
          let timer: NodeJS.Timeout | undefined;
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => { timer = setTimeout(() => r(null), left); }),
          ]);
          clearTimeout(timer);
          if (chunk === null || chunk.done) break;
          buffer += decoder.decode(chunk.value, { stream: true });
        }
        throw new Error(`no SSE event within ${ms} ms (buffer: ${JSON.stringify(buffer)})`);
      },
      cancel: () => reader.cancel().catch(() => undefined),
    };
  }

  it('SSE: a connected device gets the current version at once, then a new one within 1 s of a publish', async () => {
    const s = await start();
    expect((await put(s.url, `/v1/fleets/${FLEET}/root`, trust.root1, s.admin)).status).toBe(201);
    const v1 = await put(s.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), s.admin);
    const sha1 = (await v1.json() as { payloadSha256: string }).payloadSha256;
    const credential = await device(s);

    expect((await fetch(`${s.url}/v1/fleets/${FLEET}/schedule/events`)).status).toBe(401);
    const controller = new AbortController();
    cleanup.push(() => controller.abort());
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/schedule/events`, { headers: { authorization: `Bearer ${credential}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const events = sseReader(res.body!);
    cleanup.push(events.cancel);
    expect(await events.next(1000)).toEqual({ event: 'schedule', data: { version: 1, etag: `"${sha1}"` } });

    const published = Date.now();
    const v2 = await put(s.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(2), s.admin);
    expect(v2.status).toBe(201);
    const sha2 = (await v2.json() as { payloadSha256: string }).payloadSha256;
    expect(await events.next(1000)).toEqual({ event: 'schedule', data: { version: 2, etag: `"${sha2}"` } });
    expect(Date.now() - published).toBeLessThan(1000);
    // The etag is the schedule's ETag: the agent's next GET with it is a 304.
    expect((await fetch(`${s.url}/v1/fleets/${FLEET}/schedule`, { headers: { 'if-none-match': `"${sha2}"` } })).status).toBe(304);

    // Closing the server ends open streams instead of waiting on them forever.
    const closing = Date.now();
    await s.app.close();
    expect(Date.now() - closing).toBeLessThan(2000);
    await expect(events.next(500)).rejects.toThrow(/no SSE event/);
  });

  it('SSE before any publish says version 0; a device of another fleet is refused', async () => {
    const s = await start();
    const credential = await device(s);
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/schedule/events`, { headers: { authorization: `Bearer ${credential}` } });
    const events = sseReader(res.body!);
    cleanup.push(events.cancel);
    expect(await events.next(1000)).toEqual({ event: 'schedule', data: { version: 0, etag: null } });
    const other = await fetch(`${s.url}/v1/fleets/other-fleet/schedule/events`, { headers: { authorization: `Bearer ${credential}` } });
    expect(other.status).toBe(401);
    expect(await other.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('security headers are on every response, errors included', async () => {
    const s = await start();
    for (const res of [await fetch(`${s.url}/v1/fleets/${FLEET}/schedule`), await fetch(`${s.url}/nope`), await fetch(`${s.url}/v1/fleets/BAD/schedule`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('rate limits per address and per credential: 429 with Retry-After and a JSON error', async () => {
    const s = await start({ rateLimits: { address: { capacity: 5, refillPerSecond: 0.1 }, credential: { capacity: 2, refillPerSecond: 0.5 } } });
    // Per credential: the third request with the same (even unknown) token is refused before any lookup.
    const withToken = () => fetch(`${s.url}/v1/fleets/${FLEET}/enrollment-tokens`, { method: 'POST', headers: { authorization: 'Bearer fwa_unknown' } });
    expect((await withToken()).status).toBe(401);
    expect((await withToken()).status).toBe(401);
    const limited = await withToken();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ error: 'rate-limited', message: 'too many requests from this credential; retry in 2 s' });
    // Per address: 5 in a burst (3 used above), then 429 for anything from 127.0.0.1.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${s.url}/v1/fleets/${FLEET}/schedule`)).status);
    expect(statuses).toEqual([404, 404, 429, 429]);
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/schedule`);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({ error: 'rate-limited' });
  });

  it('the admin route makes enrollment tokens (audited); without an admin token it is 401', async () => {
    const s = await start();
    expect((await fetch(`${s.url}/v1/fleets/${FLEET}/enrollment-tokens`, { method: 'POST' })).status).toBe(401);
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/enrollment-tokens`, { method: 'POST', headers: { authorization: `Bearer ${s.admin}` } });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ fleet: FLEET, token: expect.stringMatching(/^fwe_[A-Za-z0-9_-]{43}$/) });
    expect((await s.storage.auditLog()).map((e) => [e.actor, e.action])).toContainEqual(['ops-test', 'enrollment-token.create']);
  });

  it('answers 503 with Retry-After when the storage is unavailable', async () => {
    const s = await start();
    await s.closeStorage();
    const res = await fetch(`${s.url}/v1/fleets/${FLEET}/schedule`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ error: 'unavailable' });
  });
});
