// The server's one query layer: Kysely over SQLite (better-sqlite3, WAL, a file in the data directory) or
// PostgreSQL (pg Pool). Narrow methods only; every query is parameterised by Kysely.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { hashToken, newToken } from '../tokens.js';
import { migrate, type Dialect } from './migrations.js';
import type { Database, DevicesTable } from './schema.js';
import { sqliteIngest, type SqliteIngest } from './sqlite-ingest.js';

export type StorageOptions = { sqlitePath: string; now?: () => number } | { postgresUrl: string; now?: () => number };

export interface StoredEnvelope {
  version: number;
  envelope: Buffer;
}

export interface StoredSchedule extends StoredEnvelope {
  fleet: string;
  payloadSha256: string;
  publishedAt: string;
}

export interface Device {
  id: string;
  fleet: string;
  enrolledAt: string;
  lastSeen: string | null;
  /** What the agent reported (at enrollment or check-in); null when it never reported them. */
  groups: string[] | null;
  tags: string[] | null;
  zone: string | null;
  agentVersion: string | null;
  scheduleVersion: number | null;
  checkedInAt: string | null;
  /** When an admin reset it (a re-imaged device); null once it enrolled again. */
  resetAt: string | null;
}

/** What an agent reports at check-in. */
export interface CheckIn {
  groups: readonly string[];
  tags: readonly string[];
  zone?: string;
  agentVersion?: string;
  scheduleVersion?: number;
}

export interface NewEvent {
  id: string;
  type: string;
  maintenance: string | null;
  at: string;
  body: string;
}

export interface StoredEvent extends NewEvent {
  device: string;
  fleet: string;
  receivedAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
}

/** `reenrolled`: the id was reset by an admin and this enrollment used up the reset. */
export type EnrollResult =
  /** `replayed`: the device was enrolled before with this very proposed credential (a retry after a lost answer). */
  | { ok: true; credential: string; reenrolled: boolean; replayed?: boolean }
  | { ok: false; reason: 'bad-token' | 'device-exists' };

export interface EnrollInput {
  fleet: string;
  token: string;
  deviceId: string;
  /** The agent's proposed credential; the server makes one when absent. */
  credential?: string;
  groups?: readonly string[];
  tags?: readonly string[];
}

export interface Storage {
  readonly dialect: Dialect;
  /** The current (highest) root of a fleet. */
  currentRoot(fleet: string): Promise<StoredEnvelope | null>;
  root(fleet: string, version: number): Promise<Buffer | null>;
  /** Store a verified root as the fleet's current one (first root or rotation) and audit it. False if that version exists. */
  putRoot(input: { fleet: string; version: number; envelope: Uint8Array; actor: string }): Promise<boolean>;
  /** The current schedule: the highest version published. */
  currentSchedule(fleet: string): Promise<StoredSchedule | null>;
  /** Store a verified schedule and audit it, in one transaction. False if that version exists (a concurrent publish). */
  publishSchedule(input: { fleet: string; version: number; payloadSha256: string; envelope: Uint8Array; actor: string }): Promise<boolean>;
  createEnrollmentToken(fleet: string): Promise<string>;
  /**
   * A new device id gets a credential; an id an admin reset gets a new one once (audited `device.reenroll`,
   * its events kept); any other existing id is `device-exists`.
   */
  enroll(input: EnrollInput): Promise<EnrollResult>;
  deviceByCredential(credential: string): Promise<Device | null>;
  devices(fleet: string): Promise<Device[]>;
  /** Store what the agent reports and touch last_seen; returns the updated device. */
  checkIn(device: Pick<Device, 'id' | 'fleet'>, report: CheckIn): Promise<Device>;
  /** Revoke the device's credential at once and allow one re-enrollment of its id; audited `device.reset`. False if unknown. */
  resetDevice(input: { fleet: string; id: string; actor: string }): Promise<boolean>;
  /** Insert events of one device; returns the ids that were new (the others were already stored). Touches last_seen. */
  recordEvents(device: Pick<Device, 'id' | 'fleet'>, events: readonly NewEvent[]): Promise<Set<string>>;
  events(filter: { fleet?: string; device?: string }): Promise<StoredEvent[]>;
  /** A fleet's events for compliance: optionally one maintenance, one device, some types; unordered (order by `at` as instants in code). */
  fleetEvents(filter: { fleet: string; maintenance?: string; device?: string; types?: readonly string[] }): Promise<StoredEvent[]>;
  device(fleet: string, id: string): Promise<Device | null>;
  createAdminToken(label?: string): Promise<string>;
  /** The admin token's label, or null when it is not a known admin token. */
  adminActor(token: string): Promise<string | null>;
  audit(entry: { actor: string; action: string; detail: string }): Promise<void>;
  auditLog(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  const now = options.now ?? Date.now;
  let db: Kysely<Database>;
  let dialect: Dialect;
  // Prepared after the migrations: the statements need the tables.
  let ingest: (() => SqliteIngest) | undefined;
  if ('sqlitePath' in options) {
    mkdirSync(dirname(options.sqlitePath), { recursive: true });
    const file = new BetterSqlite3(options.sqlitePath);
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    dialect = 'sqlite';
    ingest = (): SqliteIngest => sqliteIngest(file);
  } else {
    if (!/^postgres(ql)?:\/\//.test(options.postgresUrl)) throw new Error('openStorage: postgresUrl must start with postgres://');
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.postgresUrl, max: 10 }) }) });
    dialect = 'postgres';
  }
  try {
    await migrate(db, dialect, now);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStorage(db, dialect, now, ingest?.());
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Rows per INSERT statement of events (8 parameters each). */
const INSERT_ROWS = 500;

/** Stored as JSON text arrays; an unreadable value reads as "never reported". */
function names(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

function toDevice(row: DevicesTable): Device {
  return {
    id: row.id, fleet: row.fleet, enrolledAt: row.enrolled_at, lastSeen: row.last_seen,
    groups: names(row.groups), tags: names(row.tags), zone: row.zone, agentVersion: row.agent_version,
    scheduleVersion: row.schedule_version === null ? null : Number(row.schedule_version), checkedInAt: row.checked_in_at, resetAt: row.reset_at,
  };
}

/** See migration 3: not sha256 hex, so no credential hashes to it; random, so UNIQUE holds. */
const revokedCredential = (): string => `revoked:${randomBytes(16).toString('hex')}`;

class KyselyStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly now: () => number,
    /** SQLite only: the prepared-statement ingest (sqlite-ingest.ts). */
    private readonly sqliteIngest?: SqliteIngest,
  ) {}

  async currentRoot(fleet: string): Promise<StoredEnvelope | null> {
    const row = await this.db.selectFrom('fleets').select(['root_version', 'root_envelope']).where('id', '=', fleet).executeTakeFirst();
    return row ? { version: Number(row.root_version), envelope: Buffer.from(row.root_envelope) } : null;
  }

  async root(fleet: string, version: number): Promise<Buffer | null> {
    const row = await this.db.selectFrom('roots').select('envelope').where('fleet', '=', fleet).where('version', '=', version).executeTakeFirst();
    return row ? Buffer.from(row.envelope) : null;
  }

  async putRoot(input: { fleet: string; version: number; envelope: Uint8Array; actor: string }): Promise<boolean> {
    const at = iso(this.now());
    const envelope = Buffer.from(input.envelope);
    return this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('fleets').select('root_version').where('id', '=', input.fleet).executeTakeFirst();
      if (current && Number(current.root_version) >= input.version) return false;
      if (current) {
        await trx.updateTable('fleets').set({ root_version: input.version, root_envelope: envelope })
          .where('id', '=', input.fleet).where('root_version', '<', input.version).execute();
      } else {
        await trx.insertInto('fleets').values({ id: input.fleet, root_version: input.version, root_envelope: envelope }).execute();
      }
      await trx.insertInto('roots').values({ fleet: input.fleet, version: input.version, envelope, published_at: at }).execute();
      await trx.insertInto('audit_log').values({
        at, actor: input.actor, action: current ? 'root.rotate' : 'root.create',
        detail: JSON.stringify({ fleet: input.fleet, version: input.version }),
      }).execute();
      return true;
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) return false;
      throw e;
    });
  }

  async currentSchedule(fleet: string): Promise<StoredSchedule | null> {
    const row = await this.db.selectFrom('schedules').selectAll().where('fleet', '=', fleet)
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row
      ? { fleet: row.fleet, version: Number(row.version), payloadSha256: row.payload_sha256, envelope: Buffer.from(row.envelope), publishedAt: row.published_at }
      : null;
  }

  async publishSchedule(input: { fleet: string; version: number; payloadSha256: string; envelope: Uint8Array; actor: string }): Promise<boolean> {
    const at = iso(this.now());
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('schedules').values({
        fleet: input.fleet, version: input.version, payload_sha256: input.payloadSha256,
        envelope: Buffer.from(input.envelope), published_at: at,
      }).onConflict((oc) => oc.columns(['fleet', 'version']).doNothing()).returning('version').execute();
      if (inserted.length === 0) return false;
      await trx.insertInto('audit_log').values({
        at, actor: input.actor, action: 'schedule.publish',
        detail: JSON.stringify({ fleet: input.fleet, version: input.version, payloadSha256: input.payloadSha256 }),
      }).execute();
      return true;
    });
  }

  async createEnrollmentToken(fleet: string): Promise<string> {
    const token = newToken('fwe');
    await this.db.insertInto('enrollment_tokens').values({ token_hash: hashToken(token), fleet, created_at: iso(this.now()) }).execute();
    return token;
  }

  async enroll(input: EnrollInput): Promise<EnrollResult> {
    const known = await this.db.selectFrom('enrollment_tokens').select('fleet')
      .where('token_hash', '=', hashToken(input.token)).where('fleet', '=', input.fleet).executeTakeFirst();
    if (!known) return { ok: false, reason: 'bad-token' };
    const credential = input.credential ?? newToken('fwd');
    const at = iso(this.now());
    // Reporting either list counts as reporting both (the other is empty); reporting neither stays "never reported".
    const reported = input.groups !== undefined || input.tags !== undefined
      ? { groups: JSON.stringify(input.groups ?? []), tags: JSON.stringify(input.tags ?? []) } : {};
    const inserted = await this.db.insertInto('devices').values({
      id: input.deviceId, fleet: input.fleet, credential_hash: hashToken(credential), enrolled_at: at, last_seen: null, ...reported,
    }).onConflict((oc) => oc.doNothing()).returning('id').execute();
    if (inserted.length > 0) return { ok: true, credential, reenrolled: false };
    if (input.credential !== undefined) {
      // Nothing inserted: the id exists, or (only by a proposal) the credential is taken. The same device
      // asking again with the same proposal is a retry after a lost answer: the same answer, nothing written.
      const same = await this.db.selectFrom('devices').select('id').where('id', '=', input.deviceId)
        .where('fleet', '=', input.fleet).where('credential_hash', '=', hashToken(credential)).executeTakeFirst();
      if (same) return { ok: true, credential, reenrolled: false, replayed: true };
    }
    // The id exists: only a reset device of this fleet may take a new credential, and only once — the
    // conditional UPDATE clears reset_at, so of two racing enrollments exactly one matches.
    const reenrolled = await this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('devices').set({ credential_hash: hashToken(credential), enrolled_at: at, reset_at: null, ...reported })
        .where('id', '=', input.deviceId).where('fleet', '=', input.fleet).where('reset_at', 'is not', null)
        .returning('id').execute();
      if (updated.length === 0) return false;
      await trx.insertInto('audit_log').values({
        at, actor: `device:${input.deviceId}`, action: 'device.reenroll', detail: JSON.stringify({ fleet: input.fleet, device: input.deviceId }),
      }).execute();
      return true;
    }).catch((e: unknown) => {
      // A proposed credential that another device holds: refused like any other taken id.
      if (isUniqueViolation(e)) return false;
      throw e;
    });
    return reenrolled ? { ok: true, credential, reenrolled: true } : { ok: false, reason: 'device-exists' };
  }

  async deviceByCredential(credential: string): Promise<Device | null> {
    const row = await this.db.selectFrom('devices').selectAll().where('credential_hash', '=', hashToken(credential)).executeTakeFirst();
    return row ? toDevice(row) : null;
  }

  async devices(fleet: string): Promise<Device[]> {
    const rows = await this.db.selectFrom('devices').selectAll().where('fleet', '=', fleet).orderBy('id').execute();
    return rows.map(toDevice);
  }

  async checkIn(device: Pick<Device, 'id' | 'fleet'>, report: CheckIn): Promise<Device> {
    const at = iso(this.now());
    const row = await this.db.updateTable('devices').set({
      groups: JSON.stringify(report.groups), tags: JSON.stringify(report.tags), checked_in_at: at, last_seen: at,
      // Absent optional fields keep what was known: an agent that cannot tell its zone does not erase it.
      ...(report.zone !== undefined ? { zone: report.zone } : {}),
      ...(report.agentVersion !== undefined ? { agent_version: report.agentVersion } : {}),
      ...(report.scheduleVersion !== undefined ? { schedule_version: report.scheduleVersion } : {}),
    }).where('id', '=', device.id).where('fleet', '=', device.fleet).returningAll().executeTakeFirst();
    if (!row) throw new Error(`checkIn: fleet ${device.fleet} has no device ${device.id}`);
    return toDevice(row);
  }

  async resetDevice(input: { fleet: string; id: string; actor: string }): Promise<boolean> {
    const at = iso(this.now());
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('devices').set({ credential_hash: revokedCredential(), reset_at: at })
        .where('id', '=', input.id).where('fleet', '=', input.fleet).returning('id').execute();
      if (updated.length === 0) return false;
      await trx.insertInto('audit_log').values({
        at, actor: input.actor, action: 'device.reset', detail: JSON.stringify({ fleet: input.fleet, device: input.id }),
      }).execute();
      return true;
    });
  }

  async recordEvents(device: Pick<Device, 'id' | 'fleet'>, events: readonly NewEvent[]): Promise<Set<string>> {
    const receivedAt = iso(this.now());
    const fast = this.sqliteIngest;
    // Inside Kysely's hold on the one SQLite connection, so the raw transaction never interleaves with one of Kysely's.
    if (fast) return this.db.connection().execute(async () => fast(device, events, receivedAt));
    return this.db.transaction().execute(async (trx) => {
      const fresh = new Set<string>();
      // PostgreSQL (SQLite takes sqlite-ingest.ts): one statement per 500 rows — a whole batch in one round trip,
      // 4,000 bound parameters, far under PostgreSQL's 65,535.
      for (let i = 0; i < events.length; i += INSERT_ROWS) {
        const rows = events.slice(i, i + INSERT_ROWS).map((e) => ({
          device_id: device.id, event_id: e.id, fleet: device.fleet, maintenance: e.maintenance,
          type: e.type, at: e.at, received_at: receivedAt, body: e.body,
        }));
        const inserted = await trx.insertInto('events').values(rows)
          .onConflict((oc) => oc.columns(['device_id', 'event_id']).doNothing()).returning('event_id').execute();
        for (const r of inserted) fresh.add(r.event_id);
      }
      await trx.updateTable('devices').set({ last_seen: receivedAt }).where('id', '=', device.id).execute();
      return fresh;
    });
  }

  async events(filter: { fleet?: string; device?: string }): Promise<StoredEvent[]> {
    let q = this.db.selectFrom('events').selectAll();
    if (filter.fleet !== undefined) q = q.where('fleet', '=', filter.fleet);
    if (filter.device !== undefined) q = q.where('device_id', '=', filter.device);
    const rows = await q.orderBy('device_id').orderBy('event_id').execute();
    return rows.map((r) => ({
      id: r.event_id, device: r.device_id, fleet: r.fleet, maintenance: r.maintenance, type: r.type, at: r.at, receivedAt: r.received_at, body: r.body,
    }));
  }

  async fleetEvents(filter: { fleet: string; maintenance?: string; device?: string; types?: readonly string[] }): Promise<StoredEvent[]> {
    let q = this.db.selectFrom('events').selectAll().where('fleet', '=', filter.fleet);
    if (filter.maintenance !== undefined) q = q.where('maintenance', '=', filter.maintenance);
    if (filter.device !== undefined) q = q.where('device_id', '=', filter.device);
    if (filter.types !== undefined) {
      if (filter.types.length === 0) return [];
      q = q.where('type', 'in', [...filter.types]);
    }
    const rows = await q.orderBy('device_id').orderBy('event_id').execute();
    return rows.map((r) => ({
      id: r.event_id, device: r.device_id, fleet: r.fleet, maintenance: r.maintenance, type: r.type, at: r.at, receivedAt: r.received_at, body: r.body,
    }));
  }

  async device(fleet: string, id: string): Promise<Device | null> {
    const row = await this.db.selectFrom('devices').selectAll().where('fleet', '=', fleet).where('id', '=', id).executeTakeFirst();
    return row ? toDevice(row) : null;
  }

  async createAdminToken(label = 'admin'): Promise<string> {
    const token = newToken('fwa');
    const at = iso(this.now());
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('admin_tokens').values({ token_hash: hashToken(token), label, created_at: at }).execute();
      await trx.insertInto('audit_log').values({ at, actor: 'local', action: 'admin-token.create', detail: JSON.stringify({ label }) }).execute();
    });
    return token;
  }

  async adminActor(token: string): Promise<string | null> {
    const row = await this.db.selectFrom('admin_tokens').select('label').where('token_hash', '=', hashToken(token)).executeTakeFirst();
    return row ? row.label : null;
  }

  async audit(entry: { actor: string; action: string; detail: string }): Promise<void> {
    await this.db.insertInto('audit_log').values({ at: iso(this.now()), ...entry }).execute();
  }

  async auditLog(): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** SQLite SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE, PostgreSQL 23505. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
