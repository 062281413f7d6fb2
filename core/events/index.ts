// The event model shared by the agent (which writes events into its outbox) and the server (which stores
// them and computes compliance from them). Pure: a runtime validator with field-path errors, no I/O.
import { z } from 'zod';

export const EVENT_TYPES = [
  'delivered', 'notified', 'acknowledged', 'deferred', 'restart-started', 'completed', 'failed', 'feedback',
  'schedule-rejected', 'store-recovered', 'events-dropped',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const MAINTENANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const rfc3339 = z.string().refine((s) => RFC3339.test(s) && Number.isFinite(Date.parse(s)), 'must be an RFC 3339 date-time with an offset');

/** Fields every event has. Unknown extra fields are kept (an older server must not drop a newer agent's data). */
const base = {
  id: z.string().transform((s) => s.toLowerCase()).refine((s) => UUID_V7.test(s), 'must be a UUIDv7'),
  at: rfc3339,
  maintenance: z.string().regex(MAINTENANCE_ID, 'must be a maintenance id').optional(),
  scheduleVersion: z.number().int().min(1).optional(),
  /** The device's IANA time zone when the event was written (used for local-time deadlines). */
  zone: z.string().min(1).max(64).optional(),
};

const text = (max: number) => z.string().min(1).max(max);

export const eventSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...base, type: z.literal('delivered') }),
  z.looseObject({ ...base, type: z.literal('notified') }),
  z.looseObject({ ...base, type: z.literal('acknowledged') }),
  z.looseObject({ ...base, type: z.literal('deferred'), choice: text(64), until: rfc3339 }),
  z.looseObject({ ...base, type: z.literal('restart-started') }),
  z.looseObject({ ...base, type: z.literal('completed') }),
  z.looseObject({ ...base, type: z.literal('failed'), reason: text(500) }),
  z.looseObject({ ...base, type: z.literal('feedback'), text: text(4000), contact: text(200).optional() }),
  z.looseObject({ ...base, type: z.literal('schedule-rejected'), reason: text(64), detail: text(2000) }),
  z.looseObject({ ...base, type: z.literal('store-recovered') }),
  // The agent's outbox was full and dropped this many low-value events (delivered, notified…) since its last report.
  z.looseObject({ ...base, type: z.literal('events-dropped'), count: z.number().int().min(1) }),
], { error: (issue) => issue.code === 'invalid_union' ? `must be one of ${EVENT_TYPES.join(', ')}` : undefined });

export type ForewarnEvent = z.output<typeof eventSchema>;
export type EventOf<T extends EventType> = Extract<ForewarnEvent, { type: T }>;

export type EventCheck = { ok: true; event: ForewarnEvent } | { ok: false; reason: string };

/** Validates one event; the reason names the first wrong field by path ("until: must be …"). */
export function validateEvent(raw: unknown): EventCheck {
  const r = eventSchema.safeParse(raw);
  if (r.success) return { ok: true, event: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { ok: false, reason: `${path || 'event'}: ${issue.message}` };
}
