// The compliance model: from a fleet's stored events, per maintenance and targeted device, the latest and the
// furthest state along targeted -> delivered -> notified -> acknowledged / deferred -> restart-started ->
// completed (or failed), with timestamps; computed past-deadline and offline; funnel counts. Pure: events,
// devices, the maintenances' deadlines and audiences, and `now` come in.
import { appliesTo } from '../../core/policy/audience.js';
import { parseLocalTime, parseScheduleTime, type Audience, type Maintenance, type Schedule } from '../../core/schedule/index.js';
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

/**
 * A device as compliance sees it. groups/tags null: never reported (see `isTargeted`). zone and checkedInAt:
 * the zone of the last check-in, weighed against the zones events carry.
 */
export interface ModelDevice {
  id: string;
  enrolledAt: string;
  lastSeen: string | null;
  groups?: readonly string[] | null;
  tags?: readonly string[] | null;
  zone?: string | null;
  checkedInAt?: string | null;
}

/**
 * A maintenance's deadline as scheduled: an instant, or a local wall-clock time resolved per device zone; and
 * its audience (absent for a maintenance only events name: the schedule no longer says, so every device).
 */
export interface MaintenanceDeadline {
  id: string;
  title?: string;
  deadline: { kind: 'instant' | 'local'; text: string } | null;
  audience?: Audience;
}

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
  /** The groups and tags the device reported ([] when it never did). */
  groups: string[];
  tags: string[];
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
    return { id: m.id, deadline: typeof t === 'string' ? null : { kind: t.kind, text: t.text }, audience: m.audience };
  });
}

/**
 * Whether a maintenance targets a device: core/policy's `appliesTo` on the groups/tags the device reported.
 * A device that never reported them is targeted only by `all` maintenances — the server cannot know it is in
 * a group, and counting it in every group's funnel would inflate them. A device that sent events for the
 * maintenance was evidently targeted (its agent decided so from its managed config), so it counts anyway.
 */
export function isTargeted(m: MaintenanceDeadline, device: Pick<ModelDevice, 'groups' | 'tags'>, sentEvents: boolean): boolean {
  if (m.audience === undefined || m.audience.all || sentEvents) return true;
  if ((device.groups ?? null) === null && (device.tags ?? null) === null) return false;
  // appliesTo reads only the audience; the rest of a Maintenance is not needed to decide who it is for.
  const audience = { audience: m.audience } as Pick<Maintenance, 'audience'> as Maintenance;
  return appliesTo(audience, { groups: [...(device.groups ?? [])], tags: [...(device.tags ?? [])] });
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
    const info = known.get(device);
    let zone: string | null = null;
    let zoneReceived: string | null = null;
    let heard: string | null = info?.lastSeen ?? null;
    for (const e of events) {
      if (typeof e.body['zone'] === 'string') { zone = e.body['zone']; zoneReceived = e.receivedAt; }
      heard = max(heard, e.receivedAt);
    }
    // The zone reported last wins: a check-in received after the last zoned event overrides it.
    if (info?.zone && info.checkedInAt && (zoneReceived === null || Date.parse(info.checkedInAt) >= Date.parse(zoneReceived))) zone = info.zone;
    const groups = [...(info?.groups ?? [])];
    const tags = [...(info?.tags ?? [])];
    const named = new Set(events.map((e) => e.maintenance));
    const since = heard ?? known.get(device)?.enrolledAt ?? null;
    const offline = since === null || input.now - Date.parse(since) > offlineAfter;
    for (const m of [...maintenances.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!isTargeted(m, info ?? {}, named.has(m.id))) continue;
      const row: DeviceCompliance = {
        device, maintenance: m.id, latest: { state: 'targeted', at: null }, furthest: { state: 'targeted', at: null },
        reached: {}, deferrals: { count: 0, until: null }, deadline: null, pastDeadline: false, lastSeen: heard, offline, zone, groups, tags,
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

/** Funnel counts per maintenance over the rows given (targeted devices only); `maintenances` get a (zero) funnel even before any device is enrolled. */
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
  /** Devices that reported this group / this tag. */
  group?: string;
  tag?: string;
}

export function filterRows(rows: readonly DeviceCompliance[], f: ComplianceFilter): DeviceCompliance[] {
  return rows.filter((r) => {
    if (f.maintenance !== undefined && r.maintenance !== f.maintenance) return false;
    if (f.state === 'past-deadline') { if (!r.pastDeadline) return false; }
    else if (f.state === 'offline') { if (!r.offline) return false; }
    else if (f.state !== undefined && r.latest.state !== f.state) return false;
    if (f.minDeferrals !== undefined && r.deferrals.count < f.minDeferrals) return false;
    if (f.group !== undefined && !r.groups.includes(f.group)) return false;
    if (f.tag !== undefined && !r.tags.includes(f.tag)) return false;
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
  'deadline', 'past_deadline', 'last_seen', 'offline', 'zone', 'groups', 'tags',
] as const;

export function toCsv(rows: readonly DeviceCompliance[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.device, r.maintenance, r.latest.state, r.latest.at, r.furthest.state, r.furthest.at, r.deferrals.count, r.deferrals.until,
      // Names joined with ';' in one cell; the joined cell goes through the same formula guard as every other.
      r.deadline, r.pastDeadline, r.lastSeen, r.offline, r.zone, r.groups.join(';'), r.tags.join(';'),
    ].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
