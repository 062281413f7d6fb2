/**
 * The runtime check of a loaded state file (schema version 1 = PersistedState in types.ts). A file that fails it
 * is treated as corrupt (open-state.ts moves it aside and recovers from the backup). Objects are loose: a field
 * this version does not know is kept, never silently stripped, so nothing a user decided is lost on a rewrite.
 */
import { z } from 'zod';
import { eventSchema } from '../../../core/events/index.js';
import type { PersistedState } from './types.js';

/** The server's DEVICE_ID pattern (server/http.ts): the id must be enrollable. */
export const DEVICE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/;

const instant = z.number().finite();
const count = z.number().int().min(0);

const maintenanceState = z.looseObject({
  noticesShown: z.array(z.string()),
  acknowledgedAt: instant.optional(),
  deferrals: z.looseObject({ count, until: instant.optional() }),
  pickedRestartAt: instant.optional(),
  pendingSince: instant.optional(),
  promptShownAt: instant.optional(),
  completedAt: instant.optional(),
});

export const stateSchemaV1 = z.looseObject({
  schemaVersion: z.literal(1),
  device: z.looseObject({
    id: z.string().regex(DEVICE_ID_PATTERN, 'must match the server\'s device id pattern ^[a-z0-9][a-z0-9._-]{0,127}$'),
    fleet: z.string().min(1).optional(),
    enrolledAt: instant.optional(),
  }),
  trust: z.looseObject({
    rootChain: z.array(z.string()),
    lastGood: z.looseObject({
      envelope: z.string().min(1),
      version: z.number().int().min(1),
      payloadSha256: z.string().min(1),
      scheduleRole: z.string(),
      acceptedAt: instant,
    }).optional(),
    etag: z.string().optional(),
    lastCheck: z.looseObject({
      at: instant,
      outcome: z.enum(['updated', 'unchanged', 'rejected', 'unreachable']),
      detail: z.string().optional(),
    }).optional(),
  }),
  agent: z.looseObject({ maintenances: z.record(z.string(), maintenanceState), lastPlannedAt: instant.optional() }),
  outbox: z.looseObject({
    events: z.array(eventSchema),
    dropped: count,
    droppedReport: z.looseObject({ id: z.string(), at: z.string(), count: z.number().int().min(1) }).optional(),
  }),
});

export type StateCheck = { ok: true; state: PersistedState } | { ok: false; reason: string };

/** Checks a migrated state; the reason names the first wrong field by path ("outbox.events.3.until: …"). */
export function validateState(raw: unknown): StateCheck {
  const r = stateSchemaV1.safeParse(raw);
  if (r.success) return { ok: true, state: r.data as unknown as PersistedState };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { ok: false, reason: `${path || 'state'}: ${issue.message}` };
}
