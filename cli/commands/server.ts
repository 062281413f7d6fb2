// `forewarn server` runs the fleet server; `forewarn server token create` and `forewarn server enroll-token
// create` make the secrets IT and devices need, printed once and stored hashed.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { FLEET_ID } from '../../server/http.js';
import type { PostgresScheduleNotifier } from '../../server/notifier-postgres.js';
import type { Storage, StorageOptions } from '../../server/storage/index.js';
import { opt, type Command, type Invocation, type OptionSpec } from '../command.js';
import { CliError, UsageError } from '../errors.js';

export const DEFAULT_DATA_DIR = 'forewarn-data';
export const DATABASE_FILE = 'forewarn.db';
export const DEFAULT_PORT = 8443;
/** After a signal, in-flight requests get this long to finish before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

const storageOptions = {
  data: { type: 'string', value: 'DIR', help: `the data directory with the SQLite file ${DATABASE_FILE} (default ./${DEFAULT_DATA_DIR})` },
  database: { type: 'string', value: 'URL', help: 'a PostgreSQL database (postgres://…) instead of the SQLite file' },
} satisfies Record<string, OptionSpec>;

function where(inv: Invocation): { options: StorageOptions; label: string } {
  const database = opt.string(inv, 'database');
  const data = opt.string(inv, 'data');
  if (database !== undefined) {
    if (data !== undefined) throw new UsageError('give --data or --database, not both');
    if (!/^postgres(ql)?:\/\//.test(database)) throw new UsageError('--database must be a postgres:// or postgresql:// URL');
    return { options: { postgresUrl: database }, label: redact(database) };
  }
  const file = resolve(data ?? DEFAULT_DATA_DIR, DATABASE_FILE);
  return { options: { sqlitePath: file }, label: file };
}

/** A database URL without its password, for messages and logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** proxy-addr's names for address ranges, accepted by Fastify's trustProxy like addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `--trust-proxy 127.0.0.1,10.0.0.0/8`: the proxies whose X-Forwarded-For names the client's address. */
export function parseTrustProxy(text: string): string[] {
  const entries = text.split(',').map((e) => e.trim());
  if (entries.some((e) => e === '')) throw new UsageError(`--trust-proxy must be comma-separated addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8), not "${text}"`);
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.has(entry)) continue;
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new UsageError(`--trust-proxy: "${entry}" is not an IP address, a CIDR (10.0.0.0/8) or one of ${[...PROXY_RANGE_NAMES].join(', ')}`);
    }
  }
  return entries;
}

async function open(inv: Invocation): Promise<{ storage: Storage; label: string; options: StorageOptions }> {
  const { options, label } = where(inv);
  try {
    // Loaded here, not at the top: every other command (the Node agent above all) stays free of the server's
    // dependencies, their memory and their signal handlers.
    const { openStorage } = await import('../../server/storage/index.js');
    return { storage: await openStorage(options), label, options };
  } catch (error) {
    throw new CliError(`cannot open the storage at ${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const server: Command = {
  name: 'server',
  summary: 'Run the fleet server: agents fetch the signed schedule and send events; IT publishes.',
  usage: 'forewarn server [--host 127.0.0.1] [--port 8443] [--data DIR | --database postgres://…] [--trust-proxy ADDRESSES]',
  details: [
    `Stores everything in DIR/${DATABASE_FILE} (SQLite), or in PostgreSQL with --database; migrations run at start.`,
    'Logs are JSON lines (pino) on stdout; the listening URL is also printed on stderr.',
    'With --database several nodes can share one database: publishes reach every node\'s SSE streams (PostgreSQL LISTEN/NOTIFY).',
    'Behind a load balancer, --trust-proxy names it so rate limits and logs see the client\'s address (X-Forwarded-For).',
    'SIGINT or SIGTERM: stops accepting, lets in-flight requests finish, closes the storage, exits 0.',
    'Make an admin token first: forewarn server token create --data DIR',
  ],
  options: {
    host: { type: 'string', value: 'HOST', help: 'the address to listen on (default 127.0.0.1: this machine only)' },
    port: { type: 'string', value: 'PORT', help: `the TCP port (default ${DEFAULT_PORT}; 0 picks a free one)` },
    ...storageOptions,
    'trust-proxy': { type: 'string', value: 'ADDRESSES', help: 'comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed (default: none)' },
  },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const host = opt.string(inv, 'host') ?? '127.0.0.1';
    const portText = opt.string(inv, 'port') ?? String(DEFAULT_PORT);
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
    const trustText = opt.string(inv, 'trust-proxy');
    const trustProxy = trustText === undefined ? false : parseTrustProxy(trustText);
    const { storage, label, options } = await open(inv);
    const [{ default: pino }, { buildServer }, { PostgresScheduleNotifier }] = await Promise.all([
      import('pino'), import('../../server/app.js'), import('../../server/notifier-postgres.js'),
    ]);
    const logger = pino({ level: inv.env['FOREWARN_LOG_LEVEL'] ?? 'info', base: { service: 'forewarn-server' } });
    // On PostgreSQL there may be other nodes: publishes travel through LISTEN/NOTIFY. SQLite is one node.
    let notifier: PostgresScheduleNotifier | undefined;
    if ('postgresUrl' in options) {
      try {
        notifier = await PostgresScheduleNotifier.start({ connectionString: options.postgresUrl, storage, logger });
      } catch (error) {
        await storage.close();
        throw new CliError(`cannot listen for schedule notifications on ${label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const app = buildServer({ storage, logger: logger as unknown as FastifyBaseLogger, trustProxy, ...(notifier ? { notifier } : {}) });
    let url: string;
    try {
      url = await app.listen({ host, port: Number(portText) });
    } catch (error) {
      await app.close().catch(() => undefined);
      await notifier?.close();
      await storage.close();
      throw new CliError(`cannot listen on ${host}:${portText}: ${error instanceof Error ? error.message : String(error)}`);
    }
    logger.info({ url, storage: label, dialect: storage.dialect, notifier: notifier ? 'postgres' : 'local', trustProxy }, 'forewarn server started');
    inv.io.err(`forewarn server listening on ${url} (storage: ${label})`);

    return new Promise<number>((done) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals): void => {
        if (stopping) {
          logger.warn({ signal }, 'second signal: exiting now');
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, 'shutting down');
        const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        force.unref();
        void (async () => {
          let status = 0;
          try {
            await app.close();
          } catch (error) {
            logger.error({ err: error }, 'closing the server failed');
            status = 1;
          }
          clearTimeout(force);
          // After the streams are gone, before the storage: the notifier re-reads versions from the storage.
          await notifier?.close();
          try {
            await storage.close();
          } catch (error) {
            logger.error({ err: error }, 'closing the storage failed');
            status = 1;
          }
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          logger.info('stopped');
          logger.flush();
          done(status);
        })();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

function createVerb(inv: Invocation, what: string): void {
  if (inv.positionals[0] !== 'create') throw new UsageError(`unknown action "${inv.positionals[0]}": the only one is "${what} create"`);
}

export const serverToken: Command = {
  name: 'server token',
  summary: 'Make an admin token for the fleet server’s IT API (publish, enrollment tokens): printed once, stored hashed.',
  usage: 'forewarn server token create [--data DIR | --database postgres://…] [--name NAME]',
  details: [
    'Prints the token alone on stdout (so `> file` or a secret store can take it); it cannot be shown again.',
    'The creation is written to the audit log. Use it as Authorization: Bearer <token>.',
  ],
  options: {
    ...storageOptions,
    name: { type: 'string', value: 'NAME', help: 'who or what holds the token, recorded as the actor in the audit log (default admin)' },
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    createVerb(inv, 'server token');
    const name = opt.string(inv, 'name') ?? 'admin';
    if (!/^[\w .@-]{1,64}$/u.test(name)) throw new UsageError('--name must be 1-64 letters, digits, spaces or . _ @ -');
    const { storage, label } = await open(inv);
    try {
      const token = await storage.createAdminToken(name);
      inv.io.out(token);
      inv.io.err(`admin token "${name}" created in ${label}; it is shown only this once`);
    } finally {
      await storage.close();
    }
    return 0;
  },
};

export const serverEnrollToken: Command = {
  name: 'server enroll-token',
  summary: 'Make an enrollment token for one fleet: devices trade it for their own credential. Printed once, stored hashed.',
  usage: 'forewarn server enroll-token create --fleet ID [--data DIR | --database postgres://…]',
  details: [
    'Prints the token alone on stdout; put it in the agents’ managed configuration. The creation is audited.',
    'Over the network instead: POST /v1/fleets/ID/enrollment-tokens with an admin token.',
  ],
  options: {
    fleet: { type: 'string', value: 'ID', help: 'the fleet the devices join' },
    ...storageOptions,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    createVerb(inv, 'server enroll-token');
    const fleet = opt.required(inv, 'fleet');
    if (!new RegExp(FLEET_ID).test(fleet)) throw new UsageError(`--fleet must be a fleet id (lowercase letters, digits, . _ -), not "${fleet}"`);
    const { storage, label } = await open(inv);
    try {
      const token = await storage.createEnrollmentToken(fleet);
      await storage.audit({ actor: 'local', action: 'enrollment-token.create', detail: JSON.stringify({ fleet }) });
      inv.io.out(token);
      inv.io.err(`enrollment token for fleet ${fleet} created in ${label}; it is shown only this once`);
    } finally {
      await storage.close();
    }
    return 0;
  },
};
