// The compliance model: from a fleet's stored events, per maintenance and device, the latest and the furthest
// state along targeted -> delivered -> notified -> acknowledged / deferred -> restart-started -> completed (or
// failed), with timestamps; computed past-deadline and offline; funnel counts. Pure: events, devices, the
// maintenances' deadlines and `now` come in.
import { parseLocalTime, parseScheduleTime, type Schedule } from '../../core/schedule/index.js';
import { isValidZone, localToInstant } from '../../core/time/zoned.js';

export const STATES = ['targeted', 'delivered', 'notified', 'acknowledged', 'deferred', 'restart-started', 'failed', 'completed'] as const;
export type ComplianceState = (typeof STATES)[number];

/** A later stage implies the earlier ones; acknowledged and deferred are two answers at the same stage. */
const RANK: Record<ComplianceState, number> = {
  targeted: 0, delivered: 1, notified: 2, acknowledged: 3, deferred: 3, 'restart-started': 4, failed: 5, completed: 6,
};
const STATE_EVENTS = new Set<string>(STATES.filter((s) => s !== 'targeted'));

/** A device counts as offline when nothing was heard from it (event or check-in) for this long. */
export const DEFAULT_OFFLINE_AFTER_MS = 3 * 24 * 3600 * 1000;

export interface ModelEvent {
  id: string;
  device: string;
  maintenance: string | null;
  type: string;
  at: string;
  receivedAt: string;
  body: Record<string, unknown>;
}

export interface ModelDevice { id: string; enrolledAt: string; lastSeen: string | null }

/** A maintenance's deadline as scheduled: an instant, or a local wall-clock time resolved per device zone. */
export interface MaintenanceDeadline { id: string; title?: string; deadline: { kind: 'instant' | 'local'; text: string } | null }

export interface StateAt { state: ComplianceState; at: string | null }

export interface DeviceCompliance {
  device: string;
  maintenance: string;
  latest: StateAt;
  furthest: StateAt;
  /** When each state was first reached (event `at`, device clock). */
  reached: Partial<Record<ComplianceState, string>>;
  deferrals: { count: number; until: string | null };
  /** The deadline resolved for this device (RFC 3339 UTC), or null when the maintenance has none known. */
  deadline: string | null;
  pastDeadline: boolean;
  lastSeen: string | null;
  offline: boolean;
  /** The device-reported IANA zone used for a local-time deadline (UTC when it reported none). */
  zone: string | null;
}

export interface Funnel {
  maintenance: string;
  targeted: number;
  delivered: number;
  notified: number;
  /** Acknowledged or deferred (or further). */
  responded: number;
  acknowledged: number;
  deferred: number;
  restartStarted: number;
  completed: number;
  failed: number;
  pastDeadline: number;
  offline: number;
}

/** The deadlines of a schedule's maintenances: restart.deadline when a restart is required, else the window end (as core/policy). */
export function deadlinesOf(schedule: Schedule): MaintenanceDeadline[] {
  return schedule.maintenances.map((m) => {
    const text = m.restart.required ? m.restart.deadline : m.window.end;
    const t = parseScheduleTime(text);
    return { id: m.id, deadline: typeof t === 'string' ? null : { kind: t.kind, text: t.text } };
  });
}

/** A deadline as an instant: instants as they are; local times in the device's zone if it reported a valid one, else UTC. */
export function resolveDeadline(deadline: MaintenanceDeadline['deadline'], zone: string | null): number | null {
  if (!deadline) return null;
  if (deadline.kind === 'instant') return Date.parse(deadline.text);
  const wall = parseLocalTime(deadline.text);
  if (typeof wall === 'string') return null;
  return zone && isValidZone(zone) ? localToInstant(wall.ms, zone) : wall.ms;
}

/** Events in the order they happened on the device: by `at` as an instant, then by id (UUIDv7, time-ordered). */
export function inOrder<E extends { at: string; id: string }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const max = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b);

export function computeCompliance(input: {
  devices: readonly ModelDevice[];
  events: readonly ModelEvent[];
  maintenances: readonly MaintenanceDeadline[];
  now: number;
  offlineAfterMs?: number;
}): DeviceCompliance[] {
  const offlineAfter = input.offlineAfterMs ?? DEFAULT_OFFLINE_AFTER_MS;
  const byDevice = new Map<string, ModelEvent[]>();
  for (const e of inOrder(input.events)) {
    const list = byDevice.get(e.device) ?? [];
    list.push(e);
    byDevice.set(e.device, list);
  }
  const deviceIds = new Set([...input.devices.map((d) => d.id), ...byDevice.keys()]);
  const known = new Map(input.devices.map((d) => [d.id, d]));
  const maintenances = new Map(input.maintenances.map((m) => [m.id, m]));
  for (const e of input.events) if (e.maintenance !== null && !maintenances.has(e.maintenance)) maintenances.set(e.maintenance, { id: e.maintenance, deadline: null });

  const rows: DeviceCompliance[] = [];
  for (const device of [...deviceIds].sort()) {
    const events = byDevice.get(device) ?? [];
    let zone: string | null = null;
    let heard: string | null = known.get(device)?.lastSeen ?? null;
    for (const e of events) {
      if (typeof e.body['zone'] === 'string') zone = e.body['zone'];
      heard = max(heard, e.receivedAt);
    }
    const since = heard ?? known.get(device)?.enrolledAt ?? null;
    const offline = since === null || input.now - Date.parse(since) > offlineAfter;
    for (const m of [...maintenances.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const row: DeviceCompliance = {
        device, maintenance: m.id, latest: { state: 'targeted', at: null }, furthest: { state: 'targeted', at: null },
        reached: {}, deferrals: { count: 0, until: null }, deadline: null, pastDeadline: false, lastSeen: heard, offline, zone,
      };
      for (const e of events) {
        if (e.maintenance !== m.id || !STATE_EVENTS.has(e.type)) continue;
        const state = e.type as ComplianceState;
        row.latest = { state, at: e.at };
        if (RANK[state] >= RANK[row.furthest.state]) row.furthest = { state, at: e.at };
        row.reached[state] ??= e.at;
        if (state === 'deferred') {
          row.deferrals.count += 1;
          row.deferrals.until = typeof e.body['until'] === 'string' ? e.body['until'] : row.deferrals.until;
        }
      }
      const deadline = resolveDeadline(m.deadline, zone);
      if (deadline !== null) {
        row.deadline = new Date(deadline).toISOString();
        row.pastDeadline = input.now > deadline && row.furthest.state !== 'completed';
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Funnel counts per maintenance; `maintenances` get a (zero) funnel even before any device is enrolled. */
export function funnels(rows: readonly DeviceCompliance[], maintenances: readonly string[] = []): Funnel[] {
  const out = new Map<string, Funnel>();
  const empty = (maintenance: string): Funnel => ({
    maintenance, targeted: 0, delivered: 0, notified: 0, responded: 0, acknowledged: 0, deferred: 0, restartStarted: 0, completed: 0, failed: 0, pastDeadline: 0, offline: 0,
  });
  for (const m of [...maintenances].sort()) out.set(m, empty(m));
  for (const r of rows) {
    let f = out.get(r.maintenance);
    if (!f) {
      f = empty(r.maintenance);
      out.set(r.maintenance, f);
    }
    const rank = RANK[r.furthest.state];
    f.targeted += 1;
    if (rank >= 1) f.delivered += 1;
    if (rank >= 2) f.notified += 1;
    if (rank >= 3) f.responded += 1;
    if (r.reached.acknowledged !== undefined) f.acknowledged += 1;
    if (r.deferrals.count > 0) f.deferred += 1;
    if (rank >= 4) f.restartStarted += 1;
    if (r.furthest.state === 'completed') f.completed += 1;
    if (r.furthest.state === 'failed') f.failed += 1;
    if (r.pastDeadline) f.pastDeadline += 1;
    if (r.offline) f.offline += 1;
  }
  return [...out.values()];
}

export interface ComplianceFilter {
  maintenance?: string;
  /** A state (matches the latest state), or `past-deadline` / `offline`. */
  state?: string;
  minDeferrals?: number;
  /** Devices last heard from before this instant (or never). */
  lastSeenBefore?: number;
  /** Devices whose resolved deadline lies in [deadlineAfter, deadlineBefore). */
  deadlineAfter?: number;
  deadlineBefore?: number;
}

export function filterRows(rows: readonly DeviceCompliance[], f: ComplianceFilter): DeviceCompliance[] {
  return rows.filter((r) => {
    if (f.maintenance !== undefined && r.maintenance !== f.maintenance) return false;
    if (f.state === 'past-deadline') { if (!r.pastDeadline) return false; }
    else if (f.state === 'offline') { if (!r.offline) return false; }
    else if (f.state !== undefined && r.latest.state !== f.state) return false;
    if (f.minDeferrals !== undefined && r.deferrals.count < f.minDeferrals) return false;
    if (f.lastSeenBefore !== undefined && r.lastSeen !== null && Date.parse(r.lastSeen) >= f.lastSeenBefore) return false;
    const d = r.deadline === null ? null : Date.parse(r.deadline);
    if (f.deadlineAfter !== undefined && (d === null || d < f.deadlineAfter)) return false;
    if (f.deadlineBefore !== undefined && (d === null || d >= f.deadlineBefore)) return false;
    return true;
  });
}

/** One CSV cell (RFC 4180): quoted when needed; a text that a spreadsheet would run as a formula gets a leading '. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'device', 'maintenance', 'latest_state', 'latest_at', 'furthest_state', 'furthest_at', 'deferrals', 'deferred_until',
  'deadline', 'past_deadline', 'last_seen', 'offline', 'zone',
] as const;

export function toCsv(rows: readonly DeviceCompliance[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.device, r.maintenance, r.latest.state, r.latest.at, r.furthest.state, r.furthest.at, r.deferrals.count, r.deferrals.until,
      r.deadline, r.pastDeadline, r.lastSeen, r.offline, r.zone,
    ].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
