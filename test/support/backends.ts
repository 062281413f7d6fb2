// One server suite, run against SQLite and a real PostgreSQL (test/support/postgres.ts): the describe.each
// over both backends, a fresh database per test, servers and storages closed after each test, the cluster
// stopped and temp dirs removed after all. Without PostgreSQL binaries the PostgreSQL half is skipped with a
// message saying so — unless CI is set: CI installs PostgreSQL, so there it fails instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app.js';
import { openStorage, type Storage, type StorageOptions } from '../../server/storage/index.js';
import { NOW } from '../integration/server/fixtures.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from './postgres.js';

export type BackendName = 'sqlite' | 'postgres';

export interface Opened {
  app?: FastifyInstance;
  storage: Storage;
}

export interface Backend {
  name: BackendName;
  /** A fresh, empty database: a SQLite file in its own temp dir, or a new PostgreSQL database. */
  location(clock?: () => number): Promise<StorageOptions>;
  /** Storage on a fresh database (or `where`) and a server over it, both closed after the test. */
  open(clock?: () => number, where?: StorageOptions): Promise<{ app: FastifyInstance; storage: Storage; loc: StorageOptions }>;
  /** Close this storage (and server) after the test. */
  track(opened: Opened): void;
  /** Close it now (a restart inside a test); it is then no longer closed after the test. */
  close(opened: Opened): Promise<void>;
}

const pgBin = findPostgresBin();

/** `describe.each(['sqlite', 'postgres'])(title, …)`; `title` takes `%s` for the backend's name. */
export function forEachBackend(title: string, body: (backend: Backend) => void): void {
  describe.each(['sqlite', 'postgres'] as const)(title, (name) => {
    if (name === 'postgres' && pgBin === null) {
      const why = 'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
      if (process.env['CI']) it('has PostgreSQL installed (CI installs it)', () => { throw new Error(`${why}: CI must install postgresql`); });
      else it.skip(`${why}: apt-get install postgresql to run this half; with CI set it fails instead`, () => {});
      return;
    }

    let cluster: PostgresCluster | null = null;
    const dirs: string[] = [];
    const open: Opened[] = [];
    const shut = async (o: Opened) => { await o.app?.close(); await o.storage.close(); };

    beforeAll(async () => { if (name === 'postgres') cluster = await startPostgres(pgBin!); });
    afterEach(async () => {
      for (const o of open.splice(0)) await shut(o);
    });
    afterAll(async () => {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
      await cluster?.stop();
    });

    const backend: Backend = {
      name,
      async location(clock = () => NOW) {
        if (name === 'postgres') return { postgresUrl: await cluster!.createDatabase(), now: clock };
        const dir = mkdtempSync(join(tmpdir(), 'forewarn-server-'));
        dirs.push(dir);
        // A subdirectory that does not exist yet: openStorage must create it.
        return { sqlitePath: join(dir, 'data', 'forewarn.sqlite'), now: clock };
      },
      async open(clock = () => NOW, where) {
        const loc = where ?? (await backend.location(clock));
        const storage = await openStorage(loc);
        const app = buildServer({ storage, now: clock });
        open.push({ app, storage });
        return { app, storage, loc };
      },
      track(opened) { open.push(opened); },
      async close(opened) {
        const i = open.findIndex((o) => o.storage === opened.storage);
        if (i >= 0) open.splice(i, 1);
        await shut(opened);
      },
    };
    body(backend);
  });
}
