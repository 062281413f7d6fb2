// The schedule notifier for several server nodes on one PostgreSQL database: a publish taken by any node
// reaches the SSE streams of every node through LISTEN/NOTIFY on one dedicated connection per node.
//
// When NOTIFY is sent: the publish route calls publish() after storage.publishSchedule has committed, and the
// NOTIFY goes out on this notifier's own connection. A NOTIFY inside the publish transaction would also be
// delivered only at commit, but it would tie the storage to the notifier for no gain: what matters is that
// no node hears of a version before it is visible, and after the commit it is. The one gap (this node dies
// between the commit and the NOTIFY) costs the other nodes' agents only the wait until their next poll.
//
// A dropped connection is reconnected with capped, jittered backoff. Notifications sent while a node was not
// listening are lost by PostgreSQL, so after every reconnect the node re-reads the current version of each
// fleet it has subscribers for (SSE streams, and the schedule cache's one per cached fleet) and tells them;
// streams skip versions they already sent, so repeats are harmless.
//
// A received NOTIFY is only a hint: any role that can connect may send one, so its version is never believed —
// the node reads the fleet's current version from the storage and announces that.
import pg from 'pg';
import { FLEET_ID } from './http.js';
import { LocalScheduleNotifier, type ScheduleListener, type ScheduleNotifier, type ScheduleVersion } from './notifier.js';
import type { Storage } from './storage/index.js';

export const NOTIFY_CHANNEL = 'forewarn_schedule';
/** First wait before reconnecting; doubles per failed attempt up to RECONNECT_MAX_MS. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 10_000;
/** Shown in pg_stat_activity, so an operator (or a test) can find the LISTEN connections. */
export const APPLICATION_NAME = 'forewarn-notifier';

export interface NotifierLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface PostgresNotifierOptions {
  connectionString: string;
  /** Where the current version is re-read after a reconnect. */
  storage: Pick<Storage, 'currentSchedule'>;
  logger?: NotifierLogger;
  /** A PostgreSQL identifier; nodes talk only to nodes on the same channel. Default NOTIFY_CHANNEL. */
  channel?: string;
  reconnect?: { firstMs?: number; maxMs?: number };
}

export type ParsedNotification = { ok: true; fleet: string; update: ScheduleVersion } | { ok: false; reason: string };

const FLEET = new RegExp(FLEET_ID);
const ETAG = /^"[0-9a-f]{64}"$/;
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a NOTIFY payload: anyone with access to the database can NOTIFY, so nothing is trusted unchecked. */
export function parseNotification(payload: string | undefined): ParsedNotification {
  if (payload === undefined || payload === '') return { ok: false, reason: 'empty payload' };
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'payload is not a JSON object' };
  const { fleet, version, etag } = value as Record<string, unknown>;
  if (typeof fleet !== 'string' || !FLEET.test(fleet)) return { ok: false, reason: 'fleet: must be a fleet id' };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return { ok: false, reason: 'version: must be an integer >= 1' };
  if (typeof etag !== 'string' || !ETAG.test(etag)) return { ok: false, reason: 'etag: must be "<sha256 hex>" with its quotes' };
  return { ok: true, fleet, update: { version, etag } };
}

const silent: NotifierLogger = { info: () => undefined, warn: () => undefined };

export class PostgresScheduleNotifier implements ScheduleNotifier {
  private readonly local = new LocalScheduleNotifier();
  /** The highest version handed to local subscribers per fleet: the echo of our own NOTIFY is dropped. */
  private readonly delivered = new Map<string, number>();
  /** NOTIFYs that could not be sent (no connection): sent after the reconnect, the newest per fleet. */
  private readonly unsent = new Map<string, ScheduleVersion>();
  /** Fleets whose announced version is being read from the storage (a NOTIFY is only a hint). */
  private readonly confirming = new Map<string, { again: boolean }>();
  private readonly channel: string;
  private readonly log: NotifierLogger;
  private readonly firstMs: number;
  private readonly maxMs: number;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private closed = false;
  private connectionsMade = 0;
  private pid: number | null = null;

  private constructor(private readonly options: PostgresNotifierOptions) {
    this.channel = options.channel ?? NOTIFY_CHANNEL;
    if (!CHANNEL.test(this.channel)) throw new Error(`PostgresScheduleNotifier: channel must be a lowercase identifier, not ${JSON.stringify(this.channel)}`);
    this.log = options.logger ?? silent;
    this.firstMs = options.reconnect?.firstMs ?? RECONNECT_FIRST_MS;
    this.maxMs = options.reconnect?.maxMs ?? RECONNECT_MAX_MS;
  }

  /** Connects and LISTENs; a failure here is thrown (the server should not start half-deaf). */
  static async start(options: PostgresNotifierOptions): Promise<PostgresScheduleNotifier> {
    const notifier = new PostgresScheduleNotifier(options);
    await notifier.connect();
    notifier.log.info({ channel: notifier.channel, backendPid: notifier.pid }, 'schedule notifier listening');
    return notifier;
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Successful (re)connections so far: 1 after start, +1 per reconnect. */
  get connections(): number {
    return this.connectionsMade;
  }

  /** The PostgreSQL backend pid of the LISTEN connection, or null while disconnected. */
  get backendPid(): number | null {
    return this.pid;
  }

  publish(fleet: string, update: ScheduleVersion): void {
    // This node's streams hear of it at once, without waiting for the round trip through PostgreSQL.
    this.deliver(fleet, update);
    this.send(fleet, update);
  }

  subscribe(fleet: string, listener: ScheduleListener): () => void {
    return this.local.subscribe(fleet, listener);
  }

  size(): number {
    return this.local.size();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    this.pid = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // TCP keep-alive after 10 s idle (the OS default is 2 h): a connection a NAT or a failover silently dropped
    // is noticed in about a minute, and the reconnect's re-read catches up what was missed.
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000, application_name: APPLICATION_NAME });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.received(message.payload);
    });
    let pid: number;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`); // checked against CHANNEL: an identifier, never input
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pid = rows[0]!.pid;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.pid = pid;
    this.attempt = 0;
    this.connectionsMade++;
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (client !== this.client) return; // an old or never-adopted client, or close() already ran
    this.client = null;
    this.pid = null;
    void client.end().catch(() => undefined);
    this.log.warn({ err: error ?? undefined, channel: this.channel }, 'schedule notifier lost its connection; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    // Jitter: after a database failover every node reconnects, and they should not all arrive at once.
    const cap = Math.min(this.maxMs, this.firstMs * 2 ** Math.min(this.attempt, 20));
    const delay = Math.round(cap / 2 + Math.random() * (cap / 2));
    this.attempt++;
    this.timer = setTimeout(() => void this.reconnect(), delay);
    this.timer.unref();
  }

  private async reconnect(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    try {
      await this.connect();
    } catch (error) {
      this.log.warn({ err: error, attempt: this.attempt }, 'schedule notifier could not reconnect; trying again');
      this.scheduleReconnect();
      return;
    }
    if (this.closed) return;
    this.log.info({ channel: this.channel, backendPid: this.pid }, 'schedule notifier reconnected');
    for (const [fleet, update] of [...this.unsent]) {
      this.unsent.delete(fleet);
      this.send(fleet, update);
    }
    await this.resync();
  }

  /** After a gap: tell local streams the current version of their fleets, read from the storage. */
  private async resync(): Promise<void> {
    for (const fleet of this.local.fleets()) {
      try {
        const current = await this.options.storage.currentSchedule(fleet);
        if (current) this.deliver(fleet, { version: current.version, etag: `"${current.payloadSha256}"` });
      } catch (error) {
        this.log.warn({ err: error, fleet }, 'schedule notifier could not re-read the current version');
      }
    }
  }

  private send(fleet: string, update: ScheduleVersion): void {
    const client = this.client;
    if (!client) {
      this.keepUnsent(fleet, update);
      return;
    }
    const payload = JSON.stringify({ fleet, version: update.version, etag: update.etag });
    client.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch((error: unknown) => {
      this.log.warn({ err: error, fleet, version: update.version }, 'schedule notifier could not send NOTIFY; will retry after reconnecting');
      this.keepUnsent(fleet, update);
    });
  }

  private keepUnsent(fleet: string, update: ScheduleVersion): void {
    if (update.version > (this.unsent.get(fleet)?.version ?? 0)) this.unsent.set(fleet, update);
  }

  private received(payload: string | undefined): void {
    const parsed = parseNotification(payload);
    if (!parsed.ok) {
      this.log.warn({ channel: this.channel, reason: parsed.reason, payload: payload?.slice(0, 200) }, 'schedule notifier ignored a bad notification');
      return;
    }
    // Only a hint: anyone who can connect to the database can NOTIFY, so the version is never taken from the
    // payload. A newer one than this node announced makes it read the truth from the storage.
    if (parsed.update.version > (this.delivered.get(parsed.fleet) ?? 0)) this.confirm(parsed.fleet);
  }

  /** Reads a fleet's current version from the storage and announces it; one read per fleet at a time. */
  private confirm(fleet: string): void {
    const state = this.confirming.get(fleet);
    if (state) {
      state.again = true;
      return;
    }
    const entry = { again: false };
    this.confirming.set(fleet, entry);
    void (async () => {
      do {
        entry.again = false;
        try {
          const current = await this.options.storage.currentSchedule(fleet);
          if (current) this.deliver(fleet, { version: current.version, etag: `"${current.payloadSha256}"` });
        } catch (error) {
          this.log.warn({ err: error, fleet }, 'schedule notifier could not read the announced version');
        }
      } while (entry.again && !this.closed);
      this.confirming.delete(fleet);
    })();
  }

  private deliver(fleet: string, update: ScheduleVersion): void {
    if (update.version <= (this.delivered.get(fleet) ?? 0)) return;
    this.delivered.set(fleet, update.version);
    this.local.publish(fleet, update);
  }
}
