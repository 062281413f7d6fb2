// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl from /usr/lib/postgresql/*/bin, trust auth,
// 127.0.0.1 on a free high port, unix socket in the temp dir. As root, the binaries run as the `postgres`
// OS user. Missing binaries: the caller skips (or fails when CI is set, because CI installs them).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** postgres:// URL of the `postgres` database (for CREATE DATABASE). */
  adminUrl: string;
  /** Create a fresh empty database and return its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** FOREWARN_PG_BIN overrides the search (a directory holding initdb and pg_ctl; anything else = missing). */
export function findPostgresBin(): string | null {
  const override = process.env['FOREWARN_PG_BIN'];
  if (override !== undefined) return existsSync(join(override, 'initdb')) && existsSync(join(override, 'pg_ctl')) ? override : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b));
  for (const v of versions.reverse()) {
    const bin = join(base, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): number | null {
  try {
    return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

export async function startPostgres(bin: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    execFileSync(asRoot ? 'runuser' : join(bin, cmd), argv, { stdio: 'pipe', timeout: 60_000 });
  };
  if (asRoot) {
    const uid = uidOf('postgres');
    if (uid === null) throw new Error('running as root but there is no `postgres` OS user to run initdb/pg_ctl as');
    chownSync(dir, uid, -1);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    adminUrl,
    async createDatabase() {
      const name = `forewarn_test_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`); // name is generated above, never input
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
