// A real fleet server on loopback (SQLite in a temp dir), plus the small ports the fetch/trust/enroll tests need:
// a JSON-round-tripping store (the shape E1's file store persists), a recording logger, a replayable Random.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import type { Logger, Random, Store } from '../../../main/engine/ports.js';
import type { PersistedState } from '../../../main/engine/state/types.js';
import { FLEET } from '../server/fixtures.js';

export interface FleetServer {
  url: string;
  app: FastifyInstance;
  storage: Storage;
  admin: string;
  /** PUT a signed envelope through the real publish route (verified by the server). */
  put(kind: 'root' | 'schedule', bytes: Buffer): Promise<number>;
  close(): Promise<void>;
}

/** Starts buildServer over SQLite on 127.0.0.1:0; `now` is the server's clock (publish checks expiry with it). */
export async function startFleetServer(now: () => number, rateLimits?: Parameters<typeof buildServer>[0]['rateLimits']): Promise<FleetServer> {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-engine-'));
  const storage = await openStorage({ sqlitePath: join(dir, 'fleet.sqlite'), now });
  const app = buildServer({ storage, now, ...(rateLimits ? { rateLimits } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin = await storage.createAdminToken('engine-test');
  const server: FleetServer = {
    url, app, storage, admin,
    async put(kind, bytes) {
      const res = await fetch(`${url}/v1/fleets/${FLEET}/${kind}`, {
        method: 'PUT', body: bytes, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      // A request the agent aborted before its headers were sent can leave a half-open socket the server waits on
      // (up to its headersTimeout); a test's end should not.
      const closing = server.app.close();
      server.app.server.closeAllConnections();
      await closing;
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The Store port over a plain object, every value JSON round-tripped as a file store would. */
export function memoryStore(initial: Partial<PersistedState> = {}): Store<PersistedState> & { data: Partial<PersistedState>; writes: number } {
  const data: Partial<PersistedState> = JSON.parse(JSON.stringify(initial)) as Partial<PersistedState>;
  const store = {
    data,
    writes: 0,
    get<K extends keyof PersistedState>(key: K): PersistedState[K] | undefined {
      const value = data[key];
      return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as PersistedState[K]);
    },
    set<K extends keyof PersistedState>(key: K, value: PersistedState[K]): void {
      data[key] = JSON.parse(JSON.stringify(value)) as PersistedState[K];
      store.writes += 1;
    },
  };
  return store;
}

export interface RecordingLogger extends Logger {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A Random that returns the given values in turn, then repeats the last. */
export function fixedRandom(...values: number[]): Random {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0.5;
}

/** Waits (real time, bounded) until `check` holds: for events that cross a real socket. Fails with `what`. */
export async function until(check: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
