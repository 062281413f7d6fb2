// Schema migrations, run at open. Append only: never edit a migration that has shipped. Each runs in one
// transaction with its row in `migrations`; on PostgreSQL an advisory lock keeps several server nodes
// starting at once from racing.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

interface Migration {
  id: number;
  name: string;
  up(db: Kysely<Database>, dialect: Dialect): Promise<void>;
}

const MIGRATION_LOCK = 0x666f7265; // "fore"

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial',
    async up(db, dialect) {
      const bytes = dialect === 'postgres' ? sql`bytea` : sql`blob`;
      await db.schema.createTable('fleets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('root_envelope', bytes, (c) => c.notNull())
        .addColumn('root_version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createTable('roots')
        .addColumn('fleet', 'text', (c) => c.notNull().references('fleets.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('envelope', bytes, (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('roots_pk', ['fleet', 'version'])
        .execute();
      await db.schema.createTable('schedules')
        .addColumn('fleet', 'text', (c) => c.notNull().references('fleets.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('payload_sha256', 'text', (c) => c.notNull())
        .addColumn('envelope', bytes, (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('schedules_pk', ['fleet', 'version'])
        .execute();
      await db.schema.createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('fleet', 'text', (c) => c.notNull())
        .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
        .addColumn('enrolled_at', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text')
        .execute();
      await db.schema.createIndex('devices_fleet').on('devices').column('fleet').execute();
      await db.schema.createTable('enrollment_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('fleet', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('admin_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('events')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('fleet', 'text', (c) => c.notNull())
        .addColumn('maintenance', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addUniqueConstraint('events_device_event', ['device_id', 'event_id'])
        .execute();
      await db.schema.createIndex('events_fleet_maintenance').on('events').columns(['fleet', 'maintenance']).execute();
      await db.schema.createTable('audit_log')
        .$call((t) => dialect === 'postgres'
          ? t.addColumn('id', 'serial', (c) => c.primaryKey())
          : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    id: 2,
    name: 'events-by-device',
    async up(db) {
      // Compliance reads a fleet's events per device (timeline) and per type (feedback).
      await db.schema.createIndex('events_fleet_device').on('events').columns(['fleet', 'device_id']).execute();
      await db.schema.createIndex('events_fleet_type').on('events').columns(['fleet', 'type']).execute();
    },
  },
  {
    id: 3,
    name: 'device-check-in-and-reset',
    async up(db) {
      // One column per ALTER: SQLite adds one column per statement. All nullable, so existing rows stay valid
      // and "never reported" (null) stays apart from "reported none" ('[]').
      for (const column of ['groups', 'tags', 'zone', 'agent_version', 'checked_in_at', 'reset_at'] as const) {
        await db.schema.alterTable('devices').addColumn(column, 'text').execute();
      }
      await db.schema.alterTable('devices').addColumn('schedule_version', 'integer').execute();
      // A reset revokes the credential without making credential_hash nullable: SQLite cannot drop NOT NULL in
      // place (it would mean rebuilding the table under running server nodes). Instead the reset writes a
      // `revoked:<random>` placeholder — not sha256 hex, so no credential ever hashes to it, and random, so
      // UNIQUE holds across many reset devices — and reset_at marks the one re-enrollment it allows.
    },
  },
];

/** Apply every migration not yet recorded. Idempotent; returns the ids applied now. */
export async function migrate(db: Kysely<Database>, dialect: Dialect, now: () => number = Date.now): Promise<number[]> {
  await db.schema.createTable('migrations').ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const row = await trx.selectFrom('migrations').select('id').where('id', '=', m.id).executeTakeFirst();
      if (row) return false;
      await m.up(trx, dialect);
      await trx.insertInto('migrations').values({ id: m.id, name: m.name, applied_at: new Date(now()).toISOString() }).execute();
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
