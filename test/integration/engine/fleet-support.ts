// A real fleet server (Fastify + SQLite in a temp folder) on 127.0.0.1 for the engine's outbox tests, an
// enrolled device, and a loopback proxy that can forward a request and then drop the answer (the server has
// committed, the agent never hears it).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import { FLEET } from '../server/fixtures.js';

export { FLEET };

export interface Fleet {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  port: number;
  /** Stops the server and closes its database (the agent sees connection refused). */
  stop(): Promise<void>;
}

/** The server over `<dir>/fleet.db`; `port` 0 picks a free one, a number restarts on the same one. */
export async function startFleet(dir: string, port = 0, extra: Partial<ServerOptions> = {}): Promise<Fleet> {
  const storage = await openStorage({ sqlitePath: join(dir, 'fleet.db') });
  const app = buildServer({ storage, ...extra });
  const url = await app.listen({ host: '127.0.0.1', port });
  return {
    app, storage, url, port: Number(new URL(url).port),
    async stop() {
      await app.close();
      await storage.close();
    },
  };
}

/** Enrolls `deviceId` through the real route; returns its credential. */
export async function enroll(fleet: Fleet, deviceId: string): Promise<string> {
  const token = await fleet.storage.createEnrollmentToken(FLEET);
  const res = await fetch(`${fleet.url}/v1/fleets/${FLEET}/enroll`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, deviceId }),
  });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { credential: string }).credential;
}

/** Event ids the server stored for a device, with how many times each (a count > 1 would be a duplicate). */
export async function storedIds(storage: Storage, device: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of await storage.events({ fleet: FLEET, device })) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  return counts;
}

export interface Proxy {
  url: string;
  /** 'pass' forwards both ways; 'drop-answer' forwards the request, waits for the server's whole answer, then cuts the connection. */
  mode: 'pass' | 'drop-answer';
  /** Every request seen: events per batch and body bytes. */
  requests: Array<{ events: number; bytes: number; status?: number }>;
  /** Requests that were in the server at the same time, at most. */
  maxConcurrent: number;
  close(): Promise<void>;
}

export async function startProxy(upstream: () => string): Promise<Proxy> {
  let inFlight = 0;
  const proxy: Proxy = {
    url: '', mode: 'pass', requests: [], maxConcurrent: 0,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let events = 0;
      try {
        events = (JSON.parse(body.toString('utf8')) as { events: unknown[] }).events.length;
      } catch { /* not a batch */ }
      const record: Proxy['requests'][number] = { events, bytes: body.length };
      proxy.requests.push(record);
      inFlight += 1;
      proxy.maxConcurrent = Math.max(proxy.maxConcurrent, inFlight);
      const target = new URL(req.url ?? '/', upstream());
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const out = httpRequest(target, { method: req.method, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          inFlight -= 1;
          record.status = answer.statusCode;
          if (proxy.mode === 'drop-answer') {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      out.on('error', () => {
        inFlight -= 1;
        req.socket.destroy();
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
