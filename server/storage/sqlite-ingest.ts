// SQLite's event ingest, the server's hottest write: one prepared single-row INSERT … ON CONFLICT DO NOTHING
// per event inside one better-sqlite3 transaction, a new row told by `changes`. Kysely's multi-row
// INSERT … RETURNING is compiled and prepared again on every batch, which made ingest cost about twice the raw
// inserts (docs/deployment.md has the numbers). Still parameterised SQL, same table, same result as the
// Kysely path PostgreSQL takes.
import type BetterSqlite3 from 'better-sqlite3';
import type { NewEvent } from './index.js';

export type SqliteIngest = (device: { id: string; fleet: string }, events: readonly NewEvent[], receivedAt: string) => Set<string>;

export function sqliteIngest(file: BetterSqlite3.Database): SqliteIngest {
  const insert = file.prepare(`INSERT INTO events (device_id, event_id, fleet, maintenance, type, at, received_at, body)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, event_id) DO NOTHING`);
  const touch = file.prepare('UPDATE devices SET last_seen = ? WHERE id = ?');
  return file.transaction((device: { id: string; fleet: string }, events: readonly NewEvent[], receivedAt: string) => {
    const fresh = new Set<string>();
    for (const e of events) {
      if (insert.run(device.id, e.id, device.fleet, e.maintenance, e.type, e.at, receivedAt, e.body).changes === 1) fresh.add(e.id);
    }
    touch.run(receivedAt, device.id);
    return fresh;
  });
}
