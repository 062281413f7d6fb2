// Several server nodes: two buildServer instances on one real PostgreSQL database, each with its own
// PostgresScheduleNotifier (LISTEN/NOTIFY), reached over real HTTP on 127.0.0.1; plus what every node needs
// behind a load balancer: SSE stream caps and trustProxy (these two on SQLite, they do not need PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../../server/app.js';
import { PostgresScheduleNotifier } from '../../../server/notifier-postgres.js';
import { STREAMS_FULL_RETRY_AFTER_SECONDS } from '../../../server/routes/schedule-events.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../../support/postgres.js';
import { FLEET, makeTrust, NOW } from './fixtures.js';

const trust = makeTrust();
const pgBin = findPostgresBin();
/** Upper bound of every wait below; the waits end as soon as the thing happened. */
const WAIT_MS = 10_000;

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Polls `check` until it is true, at most WAIT_MS; throws naming what did not happen. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reads `event: schedule` blocks from an SSE body. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const read = async (ms: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => { timer = setTimeout(() => r(null), ms); })]);
    clearTimeout(timer);
    if (chunk === null) return false;
    if (chunk.done) { ended = true; return false; }
    buffer += decoder.decode(chunk.value, { stream: true });
    return true;
  };
  return {
    async next(ms = WAIT_MS): Promise<{ version: number; etag: string | null }> {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = /event: schedule\ndata: (.*)\n\n/.exec(buffer);
        if (m) {
          buffer = buffer.slice(m.index + m[0].length);
          return JSON.parse(m[1]!);
        }
        const left = deadline - Date.now();
        if (ended || left <= 0 || !(await read(left))) throw new Error(`no schedule event within ${ms} ms (ended: ${ended}, buffer: ${JSON.stringify(buffer)})`);
      }
    },
    /** True when the server ended the stream within `ms`. */
    async ends(ms = WAIT_MS): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (!ended && Date.now() < deadline) await read(deadline - Date.now());
      return ended;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

async function listen(storage: Storage, extra: Partial<ServerOptions> = {}) {
  const app = buildServer({ storage, now: () => NOW, ...extra });
  cleanup.push(() => app.close());
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

async function sqlite(): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-nodes-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const storage = await openStorage({ sqlitePath: join(dir, 'forewarn.db'), now: () => NOW });
  cleanup.push(() => storage.close());
  return storage;
}

const put = (url: string, path: string, body: Buffer, token: string) =>
  fetch(`${url}${path}`, { method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });

async function enroll(storage: Storage, url: string, deviceId: string): Promise<string> {
  const token = await storage.createEnrollmentToken(FLEET);
  const res = await fetch(`${url}/v1/fleets/${FLEET}/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, deviceId }) });
  expect(res.status).toBe(201);
  return (await res.json() as { credential: string }).credential;
}

async function stream(url: string, credential: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/v1/fleets/${FLEET}/schedule/events`, { headers: { authorization: `Bearer ${credential}` }, signal: controller.signal });
  const events = res.status === 200 ? sseReader(res.body!) : null;
  cleanup.push(() => { void events?.cancel(); controller.abort(); });
  return { res, events };
}

describe('SSE stream caps', () => {
  it('per device: a newer stream beyond the cap closes the device\'s oldest one, the others stay open', async () => {
    const storage = await sqlite();
    const { url } = await listen(storage, { streamLimits: { maxStreamsPerDevice: 2 } });
    const credential = await enroll(storage, url, 'flaky-laptop');
    const first = await stream(url, credential);
    const second = await stream(url, credential);
    expect(await first.events!.next()).toEqual({ version: 0, etag: null });
    expect(await second.events!.next()).toEqual({ version: 0, etag: null });
    const third = await stream(url, credential);
    expect(third.res.status).toBe(200);
    expect(await third.events!.next()).toEqual({ version: 0, etag: null });
    expect(await first.events!.ends()).toBe(true);

    // The two newest still hear of a publish.
    const admin = await storage.createAdminToken('it');
    expect((await put(url, `/v1/fleets/${FLEET}/root`, trust.root1, admin)).status).toBe(201);
    expect((await put(url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), admin)).status).toBe(201);
    expect((await second.events!.next()).version).toBe(1);
    expect((await third.events!.next()).version).toBe(1);
  });

  it('per node: beyond the cap 503 with Retry-After; a device replacing its own stream still gets in', async () => {
    const storage = await sqlite();
    const { url } = await listen(storage, { streamLimits: { maxStreams: 2, maxStreamsPerDevice: 1 } });
    const [a, b, c] = [await enroll(storage, url, 'dev-a'), await enroll(storage, url, 'dev-b'), await enroll(storage, url, 'dev-c')];
    const streamA = await stream(url, a);
    const streamB = await stream(url, b);
    await streamA.events!.next();
    await streamB.events!.next();

    const refused = await stream(url, c);
    expect(refused.res.status).toBe(503);
    expect(refused.res.headers.get('retry-after')).toBe(String(STREAMS_FULL_RETRY_AFTER_SECONDS));
    expect(await refused.res.json()).toMatchObject({ error: 'streams-full', message: expect.stringMatching(/maximum of 2 open schedule streams/) });

    // dev-a reconnects (its old connection half-dead): admitted, since it takes its old stream's place.
    const againA = await stream(url, a);
    expect(againA.res.status).toBe(200);
    expect(await againA.events!.next()).toEqual({ version: 0, etag: null });
    expect(await streamA.events!.ends()).toBe(true);

    // A slot frees when a stream goes: dev-c gets in once the server has seen dev-b leave.
    await streamB.events!.cancel();
    let admitted: Awaited<ReturnType<typeof stream>> | null = null;
    await until('dev-c admitted after dev-b left', async () => {
      const attempt = await stream(url, c);
      if (attempt.res.status === 200) admitted = attempt;
      else expect(attempt.res.status).toBe(503);
      return admitted !== null;
    });
    expect(await admitted!.events!.next()).toEqual({ version: 0, etag: null });
  });

  it('refuses limits that are not integers >= 1', async () => {
    const storage = await sqlite();
    const app = buildServer({ storage, streamLimits: { maxStreams: 0 } });
    await expect(app.ready()).rejects.toThrow(/streamLimits.maxStreams must be an integer >= 1, not 0/);
  });
});

describe('trustProxy', () => {
  const limits = { address: { capacity: 2, refillPerSecond: 1 }, clock: () => 0 };
  const get = (url: string, forwardedFor: string) => fetch(`${url}/v1/fleets/${FLEET}/schedule`, { headers: { 'x-forwarded-for': forwardedFor } });

  it('with the proxy trusted, rate limits key on X-Forwarded-For', async () => {
    const { url } = await listen(await sqlite(), { rateLimits: limits, trustProxy: ['127.0.0.1'] });
    expect((await get(url, '203.0.113.5')).status).toBe(404);
    expect((await get(url, '203.0.113.5')).status).toBe(404);
    expect((await get(url, '203.0.113.5')).status).toBe(429);
    // Another client behind the same proxy has its own bucket.
    expect((await get(url, '203.0.113.6')).status).toBe(404);
  });

  it('off by default: the header is ignored, every request counts against the TCP peer', async () => {
    const { url } = await listen(await sqlite(), { rateLimits: limits });
    expect((await get(url, '203.0.113.5')).status).toBe(404);
    expect((await get(url, '203.0.113.6')).status).toBe(404);
    expect((await get(url, '203.0.113.7')).status).toBe(429);
  });

  it('an untrusted peer cannot pick its address even when some proxy is trusted', async () => {
    const { url } = await listen(await sqlite(), { rateLimits: limits, trustProxy: '10.0.0.0/8' });
    expect((await get(url, '203.0.113.5')).status).toBe(404);
    expect((await get(url, '203.0.113.6')).status).toBe(404);
    expect((await get(url, '203.0.113.7')).status).toBe(429);
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore: a network outage, not a server kill. */
async function relay(target: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const start = () => new Promise<void>((resolve) => {
    server = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
        sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => { sockets.delete(a); b.destroy(); });
      }
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server!.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve();
    });
  });
  await start();
  return {
    get port() { return port; },
    cut: () => new Promise<void>((resolve) => {
      server!.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
    restore: start,
  };
}

describe('several nodes on one PostgreSQL database', () => {
  if (pgBin === null) {
    const why = 'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
    if (process.env['CI']) it('has PostgreSQL installed (CI installs it)', () => { throw new Error(`${why}: CI must install postgresql`); });
    else it.skip(`${why}: apt-get install postgresql to run these; with CI set they fail instead`, () => {});
    return;
  }

  let cluster: PostgresCluster | null = null;
  beforeAll(async () => { cluster = await startPostgres(pgBin); }, 120_000);
  afterAll(async () => { await cluster?.stop(); });

  const warnings: string[] = [];
  const logger = { info: () => undefined, warn: (_: object, msg: string) => { warnings.push(msg); } };

  /** A node: its own storage (pool), its own notifier (LISTEN connection), its own HTTP server. */
  async function node(databaseUrl: string, notifierUrl = databaseUrl) {
    const storage = await openStorage({ postgresUrl: databaseUrl, now: () => NOW });
    cleanup.push(() => storage.close());
    const notifier = await PostgresScheduleNotifier.start({ connectionString: notifierUrl, storage, logger, reconnect: { firstMs: 20, maxMs: 200 } });
    cleanup.push(() => notifier.close());
    const { url } = await listen(storage, { notifier });
    return { storage, notifier, url };
  }

  /** Nodes A and B, the fleet's root and schedule 1 published through A, and a device streaming from B. */
  async function twoNodes(notifierUrlOfB?: (databaseUrl: string) => string) {
    const databaseUrl = await cluster!.createDatabase();
    const a = await node(databaseUrl);
    const b = await node(databaseUrl, notifierUrlOfB?.(databaseUrl));
    const admin = await a.storage.createAdminToken('it');
    expect((await put(a.url, `/v1/fleets/${FLEET}/root`, trust.root1, admin)).status).toBe(201);
    expect((await put(a.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(1), admin)).status).toBe(201);
    const credential = await enroll(b.storage, b.url, 'laptop-0001');
    const onB = await stream(b.url, credential);
    expect(onB.res.status).toBe(200);
    expect((await onB.events!.next()).version).toBe(1);
    const publish = async (version: number) => {
      const res = await put(a.url, `/v1/fleets/${FLEET}/schedule`, trust.schedule(version), admin);
      expect(res.status).toBe(201);
      return `"${(await res.json() as { payloadSha256: string }).payloadSha256}"`;
    };
    return { databaseUrl, a, b, admin, credential, onB: onB.events!, publish };
  }

  async function admin<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  it('a publish taken by node A reaches a stream on node B, and A\'s own streams', async () => {
    const { a, credential, onB, publish } = await twoNodes();
    const onA = await stream(a.url, credential);
    expect((await onA.events!.next()).version).toBe(1);
    const etag = await publish(2);
    expect(await onB.next()).toEqual({ version: 2, etag });
    expect(await onA.events!.next()).toEqual({ version: 2, etag });
    expect(a.notifier.connections).toBe(1);
  });

  it('reconnects after its LISTEN connection is killed; a later publish still arrives', async () => {
    const { databaseUrl, b, onB, publish } = await twoNodes();
    const killed = b.notifier.backendPid;
    expect(killed).toEqual(expect.any(Number));
    const terminated = await admin(databaseUrl, async (c) => (await c.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [killed])).rows[0]!.ok);
    expect(terminated).toBe(true);
    await until('node B\'s notifier reconnected', () => b.notifier.connections === 2 && b.notifier.listening);
    expect(b.notifier.backendPid).not.toBe(killed);
    expect(warnings).toContain('schedule notifier lost its connection; reconnecting');
    const etag = await publish(2);
    expect(await onB.next()).toEqual({ version: 2, etag });
  });

  it('a publish missed while node B was cut off reaches B\'s streams after it reconnects (re-read from storage)', async () => {
    const port = Number(new URL(await cluster!.createDatabase()).port);
    const cable = await relay(port);
    const { b, onB, publish } = await twoNodes((url) => url.replace(`:${port}/`, `:${cable.port}/`));
    await cable.cut();
    await until('node B\'s notifier noticed the outage', () => !b.notifier.listening);
    const etag = await publish(2); // NOTIFY reaches A only; B hears nothing
    await cable.restore();
    await until('node B\'s notifier reconnected', () => b.notifier.listening);
    expect(await onB.next()).toEqual({ version: 2, etag });
    expect(b.notifier.connections).toBeGreaterThanOrEqual(2);
  });

  it('a well-formed forged NOTIFY is only a hint: the version comes from the storage, and real publishes still pass', async () => {
    const { databaseUrl, onB, publish } = await twoNodes();
    const forged = { fleet: FLEET, version: 99, etag: `"${'a'.repeat(64)}"` };
    await admin(databaseUrl, async (c) => { await c.query('SELECT pg_notify($1, $2)', ['forewarn_schedule', JSON.stringify(forged)]); });
    const etag = await publish(2);
    // Never version 99: the forged hint made B read the storage (version 1, already sent), then 2 arrives.
    expect(await onB.next()).toEqual({ version: 2, etag });
    const etag3 = await publish(3);
    expect(await onB.next()).toEqual({ version: 3, etag: etag3 });
  });

  it('ignores and logs bad NOTIFY payloads on the channel; good ones still pass', async () => {
    const { databaseUrl, onB, publish } = await twoNodes();
    warnings.length = 0;
    await admin(databaseUrl, async (c) => {
      await c.query("SELECT pg_notify('forewarn_schedule', 'not json')");
      await c.query('SELECT pg_notify($1, $2)', ['forewarn_schedule', JSON.stringify({ fleet: FLEET, version: 99, etag: 'forged' })]);
    });
    const etag = await publish(2);
    expect(await onB.next()).toEqual({ version: 2, etag });
    // Version 99 was never delivered (the stream's next event is 2); each node ignored both payloads.
    const ignored = () => warnings.filter((w) => w === 'schedule notifier ignored a bad notification').length;
    await until('both bad payloads logged by both nodes', () => ignored() >= 4);
    expect(ignored()).toBe(4);
  });
});
