// Shared setup of the server benches: a real fleet server on 127.0.0.1 (port 0) over real storage with a
// published root and schedule, devices enrolled through storage (fast), and the forked load generator.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app.js';
import { openStorage, type Storage, type StorageOptions } from '../../server/storage/index.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../support/postgres.js';
import { readFileSync } from 'node:fs';
import {
  createRoot, generateKeyPair, loadPrivateKey, loadPublicKey, PAYLOAD_TYPES, serializeEnvelope, signEnvelope, signRoot,
} from '../../core/trust/index.js';
import { parseScheduleSource } from '../../core/schedule/index.js';
import type { HttpJob, HttpJobResult } from './load-client.js';

export const FLEET = 'acme-laptops';
/** Inside examples/schedule.yaml's validity (issued 2026-11-20, expires 2027-11-20). */
export const NOW = Date.parse('2026-12-01T00:00:00Z');

/**
 * A root and signed schedules built from examples/schedule.yaml, as test/integration/server/fixtures.ts does;
 * its own copy because the benches run from dist/, where that file's relative path to examples/ is wrong.
 */
export function makeTrust() {
  const pair = () => {
    const k = generateKeyPair();
    return { privateKey: loadPrivateKey(k.privatePem), publicKey: loadPublicKey(k.publicPem) };
  };
  const rootKey = pair();
  const scheduleKey = pair();
  const root = createRoot({
    fleet: FLEET, version: 1, expires: '2027-12-01T00:00:00Z',
    roles: { root: { keys: [rootKey.publicKey], threshold: 1 }, schedule: { keys: [scheduleKey.publicKey], threshold: 1 } },
  });
  const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
  if (!source.ok) throw new Error('examples/schedule.yaml does not parse');
  const base = source.document as Record<string, unknown>;
  return {
    root1: Buffer.from(serializeEnvelope(signRoot(root, [rootKey.privateKey]))),
    schedule: (version: number): Buffer =>
      Buffer.from(serializeEnvelope(signEnvelope(PAYLOAD_TYPES.schedule, Buffer.from(JSON.stringify({ ...base, version })), [scheduleKey.privateKey]))),
  };
}

/** Far above any bench's load: a bench must measure the server, not its 429s. */
export const NO_RATE_LIMITS = {
  address: { capacity: 1e9, refillPerSecond: 1e9 },
  credential: { capacity: 1e9, refillPerSecond: 1e9 },
};

export interface BenchServer {
  app: FastifyInstance;
  storage: Storage;
  port: number;
  admin: string;
  /** The ETag of the published schedule (version 1). */
  etag: string;
  trust: ReturnType<typeof makeTrust>;
  close(): Promise<void>;
}

export type Backend = { sqlitePath: string } | { postgresUrl: string };

/** A temp SQLite file, or a database on a throwaway PostgreSQL cluster; null with the reason when missing. */
export async function backendLocation(kind: 'sqlite' | 'postgres'): Promise<{ location: Backend; cleanup(): Promise<void> } | string> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-bench-'));
    return { location: { sqlitePath: join(dir, 'forewarn.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const bin = findPostgresBin();
  if (bin === null) return 'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgres(bin);
  } catch (e) {
    return `PostgreSQL did not start: ${(e as Error).message.split('\n')[0]}`;
  }
  return { location: { postgresUrl: await cluster.createDatabase() }, cleanup: () => cluster.stop() };
}

export async function startBenchServer(location: Backend): Promise<BenchServer> {
  // The clock stays inside the example schedule's validity, as in the integration tests.
  const options: StorageOptions = { ...location, now: () => NOW };
  const storage = await openStorage(options);
  const app = buildServer({ storage, now: () => NOW, rateLimits: NO_RATE_LIMITS });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const trust = makeTrust();
  const admin = await storage.createAdminToken('bench');
  const put = async (path: string, body: Buffer): Promise<void> => {
    const res = await app.inject({ method: 'PUT', url: path, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    if (res.statusCode !== 201) throw new Error(`bench setup: PUT ${path} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  await put(`/v1/fleets/${FLEET}/root`, trust.root1);
  await put(`/v1/fleets/${FLEET}/schedule`, trust.schedule(1));
  const current = await storage.currentSchedule(FLEET);
  return {
    app, storage, port, admin, trust, etag: `"${current!.payloadSha256}"`,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/** Enrolls `count` devices straight through storage (one enrollment token) and returns their credentials. */
export async function enrollDevices(storage: Storage, count: number, prefix = 'bench'): Promise<string[]> {
  const token = await storage.createEnrollmentToken(FLEET);
  const credentials: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await storage.enroll({ fleet: FLEET, token, deviceId: `${prefix}-${i}` });
    if (!r.ok) throw new Error(`bench setup: enroll ${prefix}-${i}: ${r.reason}`);
    credentials.push(r.credential);
  }
  return credentials;
}

export interface LoadClient {
  run(job: Omit<HttpJob, 'id'>): Promise<HttpJobResult>;
  stop(): void;
}

/** Forks test/bench/load-client.js (the compiled file next to this one). */
export function startLoadClient(): LoadClient {
  const child: ChildProcess = fork(new URL('./load-client.js', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let id = 0;
  const waiting = new Map<number, (r: HttpJobResult) => void>();
  child.on('message', (r: HttpJobResult) => {
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  // A crashed load generator must fail the bench, not hang it.
  child.on('exit', (code) => {
    for (const done of waiting.values()) done({ id: 0, done: 0, errors: 1, firstError: `load generator exited with ${code}`, seconds: 1 });
    waiting.clear();
  });
  return {
    run(job) {
      const n = ++id;
      return new Promise((resolve, reject) => {
        waiting.set(n, (r) => (r.errors > 0 ? reject(new Error(`${job.method} ${job.path}: ${r.errors} errors, first: ${r.firstError}`)) : resolve(r)));
        child.send({ ...job, id: n });
      });
    },
    stop() {
      child.disconnect();
      child.kill();
    },
  };
}
