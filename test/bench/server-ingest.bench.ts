// Event ingest: batches of 500 events through POST /v1/fleets/:fleet/events (HTTP, auth, real validation by
// core/events, idempotent insert) vs the same rows inserted raw into the same table of the same database, one
// transaction per batch of 500. SQLite: better-sqlite3, a prepared INSERT per row. PostgreSQL: pg, one
// multi-row INSERT per batch. Goal >= 0.5x for both (the issue states it for SQLite; "the same" for PostgreSQL).
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { compareAsync, type RateComparison } from './measure.js';
import { backendLocation, enrollDevices, FLEET, startBenchServer, startLoadClient } from './server-support.js';
import { eventBatch } from './load-client.js';

export const BATCH = 500;
const LANES = 4;
const BATCHES_PER_RUN = 16;

const COLUMNS = ['device_id', 'event_id', 'fleet', 'maintenance', 'type', 'at', 'received_at', 'body'] as const;

/** The rows the server would write for these events (its body is the event plus the device). */
function rowsFor(device: string, events: Array<Record<string, unknown>>): unknown[][] {
  const receivedAt = new Date().toISOString();
  return events.map((e) => [device, e['id'], FLEET, e['maintenance'] ?? null, e['type'], e['at'], receivedAt, JSON.stringify({ ...e, device })]);
}

/** Raw inserts into the same table; returns how to run one bench batch (rows made before the clock starts). */
async function rawInserter(kind: 'sqlite' | 'postgres', where: { sqlitePath: string } | { postgresUrl: string }) {
  const insert = `INSERT INTO events (${COLUMNS.join(', ')}) VALUES `;
  const conflict = ' ON CONFLICT (device_id, event_id) DO NOTHING';
  if (kind === 'sqlite') {
    const db = new BetterSqlite3((where as { sqlitePath: string }).sqlitePath);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const statement = db.prepare(`${insert}(${COLUMNS.map(() => '?').join(', ')})${conflict}`);
    const batch = db.transaction((rows: unknown[][]) => { for (const r of rows) statement.run(...r); });
    return {
      async run() {
        const batches = Array.from({ length: BATCHES_PER_RUN }, (_, i) => rowsFor(`raw-${i % LANES}`, eventBatch(BATCH)));
        const start = process.hrtime.bigint();
        for (const rows of batches) batch(rows);
        return { ops: BATCHES_PER_RUN * BATCH, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
      },
      /** The whole file per event row: the events table and its indexes are nearly all of it. */
      async bytesPerEvent() {
        db.pragma('wal_checkpoint(TRUNCATE)');
        const pages = Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
        return pages / Number((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
      },
      async close() { db.close(); },
    };
  }
  const pool = new pg.Pool({ connectionString: (where as { postgresUrl: string }).postgresUrl, max: LANES });
  const placeholders = Array.from({ length: BATCH }, (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`).join(', ');
  const text = `${insert}${placeholders}${conflict}`;
  return {
    async run() {
      const batches = Array.from({ length: BATCHES_PER_RUN }, (_, i) => rowsFor(`raw-${i % LANES}`, eventBatch(BATCH)).flat());
      let next = 0;
      const start = process.hrtime.bigint();
      // As many connections as the HTTP side has clients, each a transaction per batch.
      await Promise.all(Array.from({ length: LANES }, async () => {
        const client = await pool.connect();
        try {
          while (next < batches.length) {
            const values = batches[next++]!;
            await client.query('BEGIN');
            await client.query(text, values);
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      }));
      return { ops: BATCHES_PER_RUN * BATCH, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
    },
    async bytesPerEvent() {
      const r = await pool.query<{ bytes: string; n: string }>("SELECT pg_total_relation_size('events') AS bytes, (SELECT count(*) FROM events) AS n");
      return Number(r.rows[0]!.bytes) / Number(r.rows[0]!.n);
    },
    async close() { await pool.end(); },
  };
}

export async function benchIngest(kind: 'sqlite' | 'postgres'): Promise<RateComparison | string> {
  const where = await backendLocation(kind);
  if (typeof where === 'string') return where;
  const fleet = await startBenchServer(where.location);
  const raw = await rawInserter(kind, where.location);
  const load = startLoadClient();
  try {
    const credentials = await enrollDevices(fleet.storage, LANES, 'ingest');
    const lanes = credentials.map((c) => ({ authorization: `Bearer ${c}` }));
    const result = await compareAsync(
      `event ingest on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: POST /events, ${BATCH} per batch, ${LANES} clients in another process`,
      { name: `raw ${kind === 'sqlite' ? 'better-sqlite3' : 'pg multi-row'} inserts of the same rows`, run: () => raw.run() },
      async () => {
        const r = await load.run({ port: fleet.port, method: 'POST', path: `/v1/fleets/${FLEET}/events`, lanes, count: BATCHES_PER_RUN, expect: 200, eventsPerBody: BATCH });
        return { ops: r.done * BATCH, seconds: r.seconds };
      },
      { goal: 0.5, unit: 'events', batches: 5 },
    );
    result.note = `${(await raw.bytesPerEvent()).toFixed(0)} bytes stored per event (table and indexes)`;
    return result;
  } finally {
    load.stop();
    await raw.close();
    await fleet.close();
    await where.cleanup();
  }
}
