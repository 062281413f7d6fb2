// Row types of the server's tables, as Kysely sees them. Times are RFC 3339 UTC strings (sortable as text),
// envelope bytes are BLOB (SQLite) / BYTEA (PostgreSQL), both read back as a Buffer.
import type { Generated } from 'kysely';

export interface FleetsTable {
  id: string;
  /** The current (highest) root envelope and its version. Every root is also kept in `roots`. */
  root_envelope: Uint8Array;
  root_version: number;
}

export interface RootsTable {
  fleet: string;
  version: number;
  envelope: Uint8Array;
  published_at: string;
}

export interface SchedulesTable {
  fleet: string;
  version: number;
  payload_sha256: string;
  envelope: Uint8Array;
  published_at: string;
}

export interface DevicesTable {
  id: string;
  fleet: string;
  /** sha256 hex of the device credential (a random 32-byte token, returned once at enrollment). */
  credential_hash: string;
  enrolled_at: string;
  last_seen: string | null;
  /** JSON text array of the groups the agent reported (enrollment or check-in); null: never reported (migration 3). */
  groups: string | null;
  /** JSON text array of the tags the agent reported; null: never reported. */
  tags: string | null;
  /** The IANA zone the agent last reported at check-in. */
  zone: string | null;
  agent_version: string | null;
  /** The schedule version the agent last reported it holds. */
  schedule_version: number | null;
  checked_in_at: string | null;
  /**
   * Set by an admin reset (a re-imaged device); cleared by the one enrollment it allows. While set,
   * credential_hash holds a `revoked:` placeholder that no credential hashes to.
   */
  reset_at: string | null;
}

export interface EnrollmentTokensTable {
  token_hash: string;
  fleet: string;
  created_at: string;
}

export interface AdminTokensTable {
  token_hash: string;
  label: string;
  created_at: string;
}

export interface EventsTable {
  device_id: string;
  /** UUIDv7, lowercase. Unique per device: a retried batch never duplicates. */
  event_id: string;
  fleet: string;
  maintenance: string | null;
  type: string;
  at: string;
  received_at: string;
  /** The whole event as JSON text. */
  body: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  detail: string;
}

export interface MigrationsTable {
  id: number;
  name: string;
  applied_at: string;
}

export interface Database {
  fleets: FleetsTable;
  roots: RootsTable;
  schedules: SchedulesTable;
  devices: DevicesTable;
  enrollment_tokens: EnrollmentTokensTable;
  admin_tokens: AdminTokensTable;
  events: EventsTable;
  audit_log: AuditLogTable;
  migrations: MigrationsTable;
}
