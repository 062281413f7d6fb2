// Loads what the compliance model needs from storage (Kysely, parameterised; the same on SQLite and
// PostgreSQL) and runs it: the current schedule's deadlines, the fleet's devices and events.
import { parseScheduleSource } from '../../core/schedule/index.js';
import type { Storage, StoredEvent } from '../storage/index.js';
import {
  computeCompliance, deadlinesOf, filterRows, funnels, inOrder,
  type ComplianceFilter, type DeviceCompliance, type Funnel, type MaintenanceDeadline, type ModelEvent,
} from './model.js';

export * from './model.js';

function toModel(e: StoredEvent): ModelEvent {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(e.body);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch { /* stored bodies are JSON; an unreadable one contributes no fields */ }
  return { id: e.id, device: e.device, maintenance: e.maintenance, type: e.type, at: e.at, receivedAt: e.receivedAt, body };
}

/** The maintenances (and their deadlines) of the fleet's current schedule; the server verified it before storing. */
export async function scheduledDeadlines(storage: Storage, fleet: string): Promise<MaintenanceDeadline[]> {
  const current = await storage.currentSchedule(fleet);
  if (!current) return [];
  const envelope = JSON.parse(current.envelope.toString('utf8')) as { payload?: unknown };
  if (typeof envelope.payload !== 'string') return [];
  const parsed = parseScheduleSource(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  return parsed.ok ? deadlinesOf(parsed.schedule) : [];
}

export interface ComplianceReport { funnels: Funnel[]; devices: DeviceCompliance[] }

export async function loadCompliance(storage: Storage, fleet: string, now: number, filter: ComplianceFilter = {}, offlineAfterMs?: number): Promise<ComplianceReport> {
  // All of the fleet's events: the non-state ones (feedback, schedule-rejected…) still carry the device's zone.
  const [scheduled, devices, events] = await Promise.all([scheduledDeadlines(storage, fleet), storage.devices(fleet), storage.fleetEvents({ fleet })]);
  const maintenances = filter.maintenance === undefined ? scheduled : scheduled.filter((m) => m.id === filter.maintenance);
  const relevant = filter.maintenance === undefined ? events : events.filter((e) => e.maintenance === null || e.maintenance === filter.maintenance);
  const rows = computeCompliance({
    devices, events: relevant.map(toModel), maintenances: maintenances.length > 0 || filter.maintenance === undefined ? maintenances : [{ id: filter.maintenance, deadline: null }],
    now, ...(offlineAfterMs !== undefined ? { offlineAfterMs } : {}),
  });
  // A group or tag narrows the funnels too (compliance of that group); the other filters pick rows only.
  const audience = filterRows(rows, { ...(filter.group !== undefined ? { group: filter.group } : {}), ...(filter.tag !== undefined ? { tag: filter.tag } : {}) });
  return { funnels: funnels(audience, maintenances.map((m) => m.id)), devices: filterRows(rows, filter) };
}

/** One device's events in the order they happened (by `at` as an instant, then UUIDv7 id). */
export async function timeline(storage: Storage, fleet: string, device: string): Promise<Array<Record<string, unknown>>> {
  const events = await storage.fleetEvents({ fleet, device });
  return inOrder(events).map((e) => ({ ...toModel(e).body, id: e.id, type: e.type, at: e.at, maintenance: e.maintenance, receivedAt: e.receivedAt }));
}

export async function feedback(storage: Storage, fleet: string): Promise<Array<Record<string, unknown>>> {
  const events = await storage.fleetEvents({ fleet, types: ['feedback'] });
  return inOrder(events).map((e) => {
    const b = toModel(e).body;
    return { id: e.id, device: e.device, at: e.at, maintenance: e.maintenance, text: b['text'] ?? null, contact: b['contact'] ?? null };
  });
}
